import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Slips for a unit with its sub-units in one print (issue 11, item 8).
extension RoundPagesTests {
    @Test func supervisorPrintsSlipsForTheUnitWithItsSubUnits() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test, title: "Nimetön digikysely")
        let unitA = try id(world.unitA.id)
        let unitA1 = try id(world.unitA1.id)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        // The unit's own page counts its own staff and says how many more its sub-units have.
        let own = try supervisor.get("/units/\(unitA)/surveys").text
        #expect(own.contains("href=\"\(Paths.unitSurveysWithSubUnits(unitA))\""))
        #expect(own.contains("Yksikölle alayksiköineen (1)"))
        #expect(own.contains("<dt>Kutsuttuja alayksiköistä</dt><dd>1</dd>"))

        let page = try supervisor.get(Paths.unitSurveysWithSubUnits(unitA))
        #expect(page.status == .ok)
        #expect(page.text.contains("aria-current=\"page\">Yksikölle alayksiköineen (1)"))
        #expect(page.text.contains("name=\"count-\(unitA)\"") && page.text.contains("name=\"count-\(unitA1)\""))
        #expect(page.text.contains("<dt>Kutsuttuja yhteensä</dt><dd>2</dd>"))

        let printed = try post(&supervisor, "/units/\(unitA)/surveys/\(roundID)/codes",
                               [("scope", "sub-units"), ("count-\(unitA)", "2"), ("count-\(unitA1)", "3")])
        #expect(printed.status == .ok)
        let codes = slipCodes(printed.text)
        #expect(codes.count == 5 && Set(codes).count == 5)
        #expect(printed.text.components(separatedBy: "<p class=\"slip-unit\">\(world.unitA.name)</p>").count == 3)
        #expect(printed.text.components(separatedBy: "<p class=\"slip-unit\">\(world.unitA1.name)</p>").count == 4)
        #expect(!printed.text.contains(world.employeeA.lastName) && !printed.text.contains(world.employeeA1.lastName))
        let responses = SurveyResponseStore(test.database)
        #expect(try responses.codeCounts(roundID: roundID)[unitA]?.created == 2)
        #expect(try responses.codeCounts(roundID: roundID)[unitA1]?.created == 3)
        let audit = try AuditStore(test.database).latest(limit: 10).first { $0.action == "round.codes" }
        #expect(audit?.detail == "5 codes for unit \(unitA) with sub-units round \(roundID): unit \(unitA) × 2, unit \(unitA1) × 3")
        #expect(!codes.contains { (audit?.detail ?? "").contains($0) })
    }

    @Test func treeCountsAreCheckedAndForeignUnitsIgnored() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test)
        let unitA = try id(world.unitA.id)
        let unitA1 = try id(world.unitA1.id)
        let unitB = try id(world.unitB.id)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let path = "/units/\(unitA)/surveys/\(roundID)/codes"
        let bad = try post(&supervisor, path, [("scope", "sub-units"), ("count-\(unitA)", "2"), ("count-\(unitA1)", "201")])
        #expect(bad.status.code == 422 && bad.text.contains("Anna yksikön lappujen määräksi kokonaisluku 0–200."))
        #expect(bad.text.contains("value=\"201\""))
        let none = try post(&supervisor, path, [("scope", "sub-units"), ("count-\(unitA)", ""), ("count-\(unitA1)", "0")])
        #expect(none.status.code == 422 && none.text.contains("Tee yhteensä 1–600 lappua."))
        // A unit outside the tree is not read, whatever the form says.
        let foreign = try post(&supervisor, path, [("scope", "sub-units"), ("count-\(unitB)", "4")])
        #expect(foreign.status.code == 422)
        #expect(try SurveyResponseStore(test.database).codeCounts(roundID: roundID).isEmpty)
    }

    /// Only units one leads: a supervisor of another unit, or of the sub-unit only, gets nothing of the
    /// unit's tree; HR of another organisation neither.
    @Test func treePrintIsForUnitsTheSupervisorLeads() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test)
        let unitA = try id(world.unitA.id)
        let unitA1 = try id(world.unitA1.id)
        let users = UserStore(test.database)
        let hash = try PasswordHasher(rounds: 1000).hash(TestApp.password)
        let subUnitLead = try users.create(User(login: "esihenkilo.a1", passwordHash: hash))
        _ = try users.assign(RoleAssignment(userID: subUnitLead.id, role: .supervisor, unitID: unitA1))
        let fields = [("scope", "sub-units"), ("count-\(unitA)", "2"), ("count-\(unitA1)", "2")]
        for login in ["esihenkilo.b", "esihenkilo.a1", "hr.koskenkyla"] {
            var browser = try test.staffBrowser(login)
            #expect(try browser.status(Paths.unitSurveysWithSubUnits(unitA)) == 404, "\(login)")
            #expect(try post(&browser, "/units/\(unitA)/surveys/\(roundID)/codes", fields).status.code == 404, "\(login)")
        }
        // The sub-unit's own supervisor prints for the sub-unit: it has no sub-units, so no choice.
        var subLead = try test.staffBrowser("esihenkilo.a1")
        let own = try subLead.get("/units/\(unitA1)/surveys").text
        #expect(!own.contains("alayksiköineen"))
        #expect(try SurveyResponseStore(test.database).codeCounts(roundID: roundID).isEmpty)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.status(Paths.unitSurveysWithSubUnits(unitA)) == 200)
    }
}
