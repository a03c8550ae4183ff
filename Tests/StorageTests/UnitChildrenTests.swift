import Foundation
import Testing
@testable import Storage

@Suite("Unit children and counts for a unit page")
struct UnitChildrenTests {
    @Test func childrenAndTheirCountsOnly() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let organisation = try OrganisationStore(temporary.database).create(slug: "jarvela", name: "Järvelä")
        let organisationID = organisation.id
        let units = UnitStore(temporary.database)
        let centre = try units.create(WorkUnit(organisationID: organisationID, name: "Päiväkoti Satakieli"))
        let ketut = try units.create(WorkUnit(organisationID: organisationID, parentID: centre.id, name: "Ketut"))
        let oravat = try units.create(WorkUnit(organisationID: organisationID, parentID: centre.id, name: "Oravat"))
        let pikku = try units.create(WorkUnit(organisationID: organisationID, parentID: ketut.id, name: "Pikku-ketut"))
        let employees = EmployeeStore(temporary.database)
        for (index, unit) in [ketut, ketut, oravat, pikku].enumerated() {
            _ = try employees.create(Employee(organisationID: organisationID, hrNumber: "\(index)", firstName: "A",
                                              lastName: "B", unitID: unit.id, active: true))
        }
        _ = try employees.create(Employee(organisationID: organisationID, hrNumber: "x", firstName: "C", lastName: "D",
                                          unitID: oravat.id, active: false))
        #expect(try units.children(of: centre.id).map(\.name) == ["Ketut", "Oravat"])
        #expect(try units.children(of: oravat.id).isEmpty)
        let counts = try units.employeeCounts(unitIDs: [ketut.id, oravat.id])
        #expect(counts == [ketut.id: 2, oravat.id: 1])
        #expect(try units.employeeCounts(unitIDs: []).isEmpty)
    }
}
