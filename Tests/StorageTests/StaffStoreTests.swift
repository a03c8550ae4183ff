import Foundation
import GRDB
import Testing
@testable import Storage

/// A temporary database with one organisation, and the stores over it.
struct StaffFixture {
    let temporary: TemporaryDatabase
    let organisation: Stored<Organisation>
    var organisationID: Int64 { organisation.id }
    var sectors: SectorStore { SectorStore(temporary.database) }
    var units: UnitStore { UnitStore(temporary.database) }
    var employees: EmployeeStore { EmployeeStore(temporary.database) }
    var users: UserStore { UserStore(temporary.database) }
    var sessions: SessionStore { SessionStore(temporary.database) }
    var imports: EmployeeImportStore { EmployeeImportStore(temporary.database) }

    init(slug: String = "kallio") throws {
        temporary = try TemporaryDatabase()
        organisation = try OrganisationStore(temporary.database).create(slug: slug, name: "Kallion kunta")
    }

    func otherOrganisation() throws -> Stored<Organisation> {
        try OrganisationStore(temporary.database).create(slug: "muu-\(UUID().uuidString.prefix(8).lowercased())",
                                                         name: "Muu kunta")
    }

    func unit(_ name: String, parent: Stored<WorkUnit>? = nil, sector: Stored<Sector>? = nil) throws -> Stored<WorkUnit> {
        try units.create(WorkUnit(organisationID: organisationID, sectorID: sector?.id, parentID: parent?.id, name: name))
    }

    func employee(_ hrNumber: String, _ firstName: String, _ lastName: String, unit: Stored<WorkUnit>? = nil,
                  email: String? = nil, jobTitle: String? = nil, active: Bool = true) throws -> Stored<Employee> {
        try employees.create(Employee(organisationID: organisationID, hrNumber: hrNumber, firstName: firstName,
                                      lastName: lastName, email: email, unitID: unit?.id, jobTitle: jobTitle,
                                      active: active))
    }

    func remove() { temporary.remove() }
}

@Suite("Sectors")
struct SectorStoreTests {
    @Test func createListRenameAndConflicts() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let early = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Varhaiskasvatus")
        let basic = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Perusopetus")
        #expect(try fixture.sectors.sectors(organisationID: fixture.organisationID).map(\.name)
            == ["Perusopetus", "Varhaiskasvatus"])
        #expect(try fixture.sectors.sector(id: early.id) == early)

        #expect(throws: StorageError.conflict("The organisation already has a sector named “Perusopetus”.")) {
            try fixture.sectors.create(organisationID: fixture.organisationID, name: "Perusopetus")
        }
        #expect(throws: StorageError.conflict("The organisation already has a sector named “Perusopetus”.")) {
            try fixture.sectors.rename(id: early.id, to: "Perusopetus")
        }
        // The same name in another organisation is fine.
        let other = try fixture.otherOrganisation()
        _ = try fixture.sectors.create(organisationID: other.id, name: "Perusopetus")

        try fixture.sectors.rename(id: basic.id, to: "Perusopetus ja lukio")
        #expect(try fixture.sectors.sector(id: basic.id)?.name == "Perusopetus ja lukio")
        #expect(throws: StorageError.notFound) { try fixture.sectors.rename(id: 9999, to: "X") }
        #expect(try fixture.sectors.sector(id: 9999) == nil)
        // A missing organisation is a missing record, not a database failure.
        #expect(throws: StorageError.notFound) { try fixture.sectors.create(organisationID: 9999, name: "X") }
    }
}

@Suite("Units")
struct UnitStoreTests {
    @Test func createAndListIncludingInactive() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let sector = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Varhaiskasvatus")
        let north = try fixture.unit("Pohjoisen alue", sector: sector)
        var closed = try fixture.unit("Ankkalammen päiväkoti", parent: north, sector: sector)
        closed.active = false
        try fixture.units.update(closed)
        #expect(try fixture.units.units(organisationID: fixture.organisationID).map(\.name)
            == ["Ankkalammen päiväkoti", "Pohjoisen alue"])
        #expect(try fixture.units.unit(id: closed.id) == closed)
        #expect(throws: StorageError.conflict("The organisation already has a unit named “Pohjoisen alue”.")) {
            try fixture.unit("Pohjoisen alue")
        }
    }

    @Test func parentAndSectorMustBeInTheSameOrganisation() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let other = try fixture.otherOrganisation()
        let foreignUnit = try fixture.units.create(WorkUnit(organisationID: other.id, name: "Vieras"))
        let foreignSector = try fixture.sectors.create(organisationID: other.id, name: "Vieras toimiala")
        #expect(throws: StorageError.invalid("The parent unit does not belong to the unit's organisation.")) {
            try fixture.units.create(WorkUnit(organisationID: fixture.organisationID, parentID: foreignUnit.id, name: "A"))
        }
        #expect(throws: StorageError.invalid("The sector does not belong to the unit's organisation.")) {
            try fixture.units.create(WorkUnit(organisationID: fixture.organisationID, sectorID: foreignSector.id, name: "A"))
        }
        var own = try fixture.unit("Oma")
        own.parentID = foreignUnit.id
        #expect(throws: StorageError.invalid("The parent unit does not belong to the unit's organisation.")) {
            try fixture.units.update(own)
        }
        own.parentID = nil
        own.organisationID = other.id
        #expect(throws: StorageError.invalid("A unit cannot move to another organisation.")) {
            try fixture.units.update(own)
        }
        #expect(throws: StorageError.notFound) {
            try fixture.units.update(Stored(id: 9999, record: WorkUnit(organisationID: fixture.organisationID, name: "Ei ole")))
        }
    }

    @Test func cyclesAreRefused() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        var top = try fixture.unit("Sivistystoimi")
        let middle = try fixture.unit("Varhaiskasvatus", parent: top)
        let bottom = try fixture.unit("Päiväkoti Satakieli", parent: middle)
        let cycle = StorageError.invalid("A unit cannot be placed under itself or one of its own sub-units.")
        top.parentID = bottom.id
        #expect(throws: cycle) { try fixture.units.update(top) }
        top.parentID = top.id
        #expect(throws: cycle) { try fixture.units.update(top) }
        #expect(try fixture.units.unit(id: top.id)?.parentID == nil)
        // Moving a leaf elsewhere is fine.
        var leaf = bottom
        leaf.parentID = top.id
        try fixture.units.update(leaf)
        #expect(try fixture.units.unit(id: bottom.id)?.parentID == top.id)
    }

    @Test func descendantsAndEmployeeCounts() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let top = try fixture.unit("Sivistystoimi")
        let middle = try fixture.unit("Varhaiskasvatus", parent: top)
        let bottom = try fixture.unit("Päiväkoti Satakieli", parent: middle)
        let sibling = try fixture.unit("Tekninen toimi")
        let ids = { (unit: Stored<WorkUnit>) in unit.id }
        #expect(try fixture.units.unitAndDescendantIDs(of: ids(top)) == [ids(top), ids(middle), ids(bottom)])
        #expect(try fixture.units.unitAndDescendantIDs(of: ids(middle)) == [ids(middle), ids(bottom)])
        #expect(try fixture.units.unitAndDescendantIDs(of: ids(sibling)) == [ids(sibling)])
        #expect(try fixture.units.unitAndDescendantIDs(of: 9999).isEmpty)

        _ = try fixture.employee("1", "Aino", "Virtanen", unit: bottom)
        _ = try fixture.employee("2", "Eero", "Korhonen", unit: bottom)
        _ = try fixture.employee("3", "Liisa", "Mäkinen", unit: bottom, active: false)
        _ = try fixture.employee("4", "Olli", "Nieminen", unit: middle)
        _ = try fixture.employee("5", "Ei", "Yksikköä")
        #expect(try fixture.units.employeeCounts(organisationID: fixture.organisationID)
            == [ids(bottom): 2, ids(middle): 1])
    }
}

@Suite("Employees")
struct EmployeeStoreTests {
    /// Late pages start from their first row's place in the name order, not an OFFSET over joined
    /// rows; with many people of the same name across page boundaries they must be the same pages.
    @Test func latePagesAreTheSameAsWithOffset() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let unit = try fixture.unit("Päiväkoti Satakieli")
        let names = [("Aino", "Virtanen"), ("Aino", "Virtanen"), ("Eero", "Korhonen"), ("Anna", "Aaltonen")]
        for index in 0..<170 {
            let (first, last) = names[index % names.count]
            _ = try fixture.employee(String(5000 + index), first, last, unit: index % 3 == 0 ? unit : nil)
        }
        let all = try fixture.employees.search(EmployeeQuery(organisationID: fixture.organisationID, limit: 1000))
        #expect(all.total == 170)
        for offset in [0, 1, 49, 50, 51, 100, 150, 169, 170, 400] {
            let page = try fixture.employees.search(EmployeeQuery(organisationID: fixture.organisationID, limit: 50, offset: offset))
            let expected = Array(all.listings.dropFirst(offset).prefix(50))
            #expect(page.listings == expected, "offset \(offset)")
            #expect(page.total == 170)
        }
    }

    @Test func createUpdateConflictsAndDeactivation() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let unit = try fixture.unit("Päiväkoti Satakieli")
        let aino = try fixture.employee("1001", "Aino", "Virtanen", unit: unit)
        let eero = try fixture.employee("1002", "Eero", "Korhonen")
        #expect(try fixture.employees.employee(id: aino.id)?.hrNumber == "1001")
        let taken = StorageError.conflict("The organisation already has an employee with HR number 1001.")
        #expect(throws: taken) { try fixture.employee("1001", "Toinen", "Henkilö") }

        var changed = eero
        changed.hrNumber = "1001"
        #expect(throws: taken) { try fixture.employees.update(changed) }
        changed.hrNumber = "1003"
        changed.jobTitle = "Lastenhoitaja"
        changed.updatedAt = Date(timeIntervalSince1970: 0)
        try fixture.employees.update(changed)
        let stored = try #require(try fixture.employees.employee(id: eero.id))
        #expect(stored.hrNumber == "1003")
        #expect(stored.jobTitle == "Lastenhoitaja")
        #expect(stored.updatedAt > Date(timeIntervalSinceNow: -60))

        let other = try fixture.otherOrganisation()
        let foreignUnit = try fixture.units.create(WorkUnit(organisationID: other.id, name: "Vieras"))
        changed.unitID = foreignUnit.id
        #expect(throws: StorageError.invalid("The unit does not belong to the employee's organisation.")) {
            try fixture.employees.update(changed)
        }

        #expect(try fixture.employees.count(organisationID: fixture.organisationID, activeOnly: true) == 2)
        try fixture.employees.setActive(employeeID: aino.id, active: false)
        #expect(try fixture.employees.employee(id: aino.id)?.active == false)
        #expect(try fixture.employees.count(organisationID: fixture.organisationID, activeOnly: true) == 1)
        #expect(try fixture.employees.count(organisationID: fixture.organisationID, activeOnly: false) == 2)
        #expect(throws: StorageError.notFound) { try fixture.employees.setActive(employeeID: 9999, active: false) }
    }

    /// Nine employees across two units, a sub-unit and an inactive one.
    private func searchFixture() throws -> (StaffFixture, Stored<WorkUnit>, Stored<WorkUnit>, Stored<WorkUnit>) {
        let fixture = try StaffFixture()
        let sector = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Varhaiskasvatus")
        let daycare = try fixture.unit("Päiväkoti Satakieli", sector: sector)
        let group = try fixture.unit("Satakielen eskari", parent: daycare, sector: sector)
        let kitchen = try fixture.unit("Keskuskeittiö")
        _ = try fixture.employee("1001", "Aino", "Virtanen", unit: daycare, email: "aino.virtanen@kallio.fi",
                                 jobTitle: "Lastentarhanopettaja")
        _ = try fixture.employee("1002", "Eero", "Virtanen", unit: kitchen, jobTitle: "Kokki")
        _ = try fixture.employee("1003", "Äijä", "Östman", unit: group, jobTitle: "Varhaiskasvatuksen opettaja")
        _ = try fixture.employee("1004", "Liisa", "Mäkinen", unit: daycare, jobTitle: "Lastenhoitaja", active: false)
        _ = try fixture.employee("1005", "Olli", "Aaltonen", unit: kitchen, jobTitle: "Ravitsemistyöntekijä")
        _ = try fixture.employee("1006", "Anna", "Aaltonen", email: "anna_a@kallio.fi")
        _ = try fixture.employee("2001", "Pekka", "Korhonen", unit: daycare, email: "pekka%k@kallio.fi")
        _ = try fixture.employee("2002", "Sari", "Lehtonen", unit: kitchen)
        _ = try fixture.employee("2003", "Timo", "Heikkinen", unit: group)
        return (fixture, daycare, group, kitchen)
    }

    private func names(_ page: EmployeePage) -> [String] {
        page.listings.map { "\($0.employee.firstName) \($0.employee.lastName)" }
    }

    @Test func searchOrdersByNameAndJoinsUnitAndSector() throws {
        let (fixture, _, _, _) = try searchFixture()
        defer { fixture.remove() }
        let page = try fixture.employees.search(EmployeeQuery(organisationID: fixture.organisationID))
        #expect(page.total == 8)
        #expect(names(page) == ["Anna Aaltonen", "Olli Aaltonen", "Timo Heikkinen", "Pekka Korhonen", "Sari Lehtonen",
                                "Aino Virtanen", "Eero Virtanen", "Äijä Östman"])
        let aino = try #require(page.listings.first { $0.employee.hrNumber == "1001" })
        #expect(aino.unitName == "Päiväkoti Satakieli")
        #expect(aino.sectorName == "Varhaiskasvatus")
        let anna = try #require(page.listings.first { $0.employee.hrNumber == "1006" })
        #expect(anna.unitName == nil && anna.sectorName == nil)
        let eero = try #require(page.listings.first { $0.employee.hrNumber == "1002" })
        #expect(eero.unitName == "Keskuskeittiö" && eero.sectorName == nil)
    }

    @Test func searchText() throws {
        let (fixture, _, _, _) = try searchFixture()
        defer { fixture.remove() }
        func search(_ text: String, includeInactive: Bool = false) throws -> [String] {
            names(try fixture.employees.search(EmployeeQuery(organisationID: fixture.organisationID, text: text,
                                                             includeInactive: includeInactive)))
        }
        #expect(try search("virtanen") == ["Aino Virtanen", "Eero Virtanen"])
        #expect(try search("VIRTANEN aino") == ["Aino Virtanen"])        // every word must match, any order
        #expect(try search("  aino   virtanen  ") == ["Aino Virtanen"])
        #expect(try search("1003") == ["Äijä Östman"])                    // HR number
        #expect(try search("kallio.fi") == ["Anna Aaltonen", "Pekka Korhonen", "Aino Virtanen"])  // e-mail
        #expect(try search("kokki") == ["Eero Virtanen"])                 // job title
        #expect(try search("äijä östman") == ["Äijä Östman"])             // Finnish capitals fold too
        #expect(try search("ÖSTMAN") == ["Äijä Östman"])
        #expect(try search("mäkinen").isEmpty)                            // inactive
        #expect(try search("mäkinen", includeInactive: true) == ["Liisa Mäkinen"])
        // % and _ are literal characters, not wildcards.
        #expect(try search("%").map { $0 } == ["Pekka Korhonen"])
        #expect(try search("a_a") == ["Anna Aaltonen"])
        #expect(try search("_").map { $0 } == ["Anna Aaltonen"])
        #expect(try search("aino korhonen").isEmpty)
        #expect(try search("").count == 8)
    }

    @Test func searchByUnitsAndPaging() throws {
        let (fixture, daycare, group, kitchen) = try searchFixture()
        defer { fixture.remove() }
        let organisationID = fixture.organisationID
        let daycareTree = try fixture.units.unitAndDescendantIDs(of: daycare.id)
        let inDaycare = try fixture.employees.search(EmployeeQuery(organisationID: organisationID, unitIDs: daycareTree))
        #expect(names(inDaycare) == ["Timo Heikkinen", "Pekka Korhonen", "Aino Virtanen", "Äijä Östman"])
        let withInactive = try fixture.employees.search(EmployeeQuery(organisationID: organisationID,
                                                                      unitIDs: daycareTree, includeInactive: true))
        #expect(withInactive.total == 5)
        let kitchenAndGroup = try fixture.employees.search(EmployeeQuery(
            organisationID: organisationID, text: "o", unitIDs: [group.id, kitchen.id]))
        #expect(names(kitchenAndGroup) == ["Olli Aaltonen", "Timo Heikkinen", "Sari Lehtonen", "Eero Virtanen",
                                          "Äijä Östman"])
        #expect(try fixture.employees.search(EmployeeQuery(organisationID: organisationID, unitIDs: [])).total == 0)

        var query = EmployeeQuery(organisationID: organisationID, limit: 3, offset: 0)
        var seen: [String] = []
        while true {
            let page = try fixture.employees.search(query)
            #expect(page.total == 8)
            if page.listings.isEmpty { break }
            #expect(page.listings.count <= 3)
            seen += names(page)
            query.offset += 3
        }
        #expect(seen == names(try fixture.employees.search(EmployeeQuery(organisationID: organisationID))))

        // Another organisation's staff never show.
        let other = try fixture.otherOrganisation()
        #expect(try fixture.employees.search(EmployeeQuery(organisationID: other.id)).total == 0)
    }

    @Test func equalNamesAreOrderedById() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let first = try fixture.employee("B", "Aino", "Virtanen")
        let second = try fixture.employee("A", "Aino", "Virtanen")
        let page = try fixture.employees.search(EmployeeQuery(organisationID: fixture.organisationID))
        #expect(page.listings.map(\.employee.id) == [first.id, second.id])
    }

    @Test func likeEscapingAndFolding() {
        #expect(EmployeeSearchFilter.escapedForLike("50%_a\\b") == "50\\%\\_a\\\\b")
        #expect(EmployeeSearchFilter.words(in: " Äijä\tÖSTMAN ") == ["äijä", "östman"])
        #expect(EmployeeSearchFilter.words(in: nil).isEmpty)
        // Only words with Nordic letters pay for folding, and only for the letters they hold.
        #expect(EmployeeSearchFilter.folded("e.last_name", for: "virtanen") == "e.last_name")
        #expect(EmployeeSearchFilter.folded("e.last_name", for: "äö")
            == "replace(replace(e.last_name, 'Ä', 'ä'), 'Ö', 'ö')")
    }
}
