import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// The staff import never deactivates people by surprise: off by default, said prominently, confirmed
/// with the number, a second step for a large share, recorded, and reversible.
@Suite("Staff import: deactivation safety")
struct ImportSafetyTests {
    let pages = ImportPageTests()

    /// Forty more active employees in Järvelä's unit B, HR numbers 5000…5039.
    private func addStaff(_ test: TestApp, _ world: World) throws {
        for index in 0..<40 {
            _ = try EmployeeStore(test.database).create(Employee(
                organisationID: world.jarvela.id, hrNumber: "\(5000 + index)", firstName: "Henkilö",
                lastName: "Numero \(index)", unitID: world.unitB.id))
        }
    }

    /// A roster file of Järvelä's people, leaving out the HR numbers in `missing`.
    private func roster(missing: Set<String>) -> String {
        let numbers = ["1001", "1002", "2001"] + (0..<40).map { "\(5000 + $0)" }
        let rows = numbers.filter { !missing.contains($0) }.map { "\($0);Etu\($0);Suku\($0)" }
        return (["Henkilönumero;Etunimi;Sukunimi"] + rows).joined(separator: "\n") + "\n"
    }

    private func active(_ test: TestApp, _ world: World) throws -> Int {
        try EmployeeStore(test.database).count(organisationID: world.jarvela.id, activeOnly: true)
    }

    @Test func deactivatingIsNotTheDefault() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.signIn("hr")
        let form = try hr.get("/organisations/jarvela/import")
        let checkbox = try #require(form.text.range(of: "id=\"deactivate_missing\"").map {
            String(form.text[$0.lowerBound...].prefix { $0 != ">" })
        })
        #expect(!checkbox.contains("checked"))
    }

    @Test func aSmallDeactivationIsShownConfirmedRecordedAndReversible() throws {
        let test = try TestApp()
        let world = try World(test)
        try addStaff(test, world)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let preview = try pages.upload(&hr, "/organisations/jarvela/import", file: roster(missing: ["5003", "5007"]),
                                       deactivateMissing: true)
        #expect(preview.status.code == 200)
        // Prominent: how many, the share of the organisation, and who.
        #expect(preview.text.contains("passiivisiksi 2 henkilöä: 4,7 % organisaation 43 aktiivisesta"))
        #expect(preview.text.contains("Numero 3 Henkilö") && preview.text.contains("Numero 7 Henkilö"))
        #expect(preview.text.contains("name=\"confirm_deactivations\" type=\"checkbox\" value=\"2\" required"))
        let pending = try pages.pendingID(in: preview.text)

        // Without the confirmation naming the number, nothing happens.
        let unconfirmed = try hr.post("/organisations/jarvela/import/apply", ["pending": pending])
        #expect(unconfirmed.status.code == 422)
        #expect(try active(test, world) == 43)
        let wrongNumber = try hr.post("/organisations/jarvela/import/apply",
                                      ["pending": pending, "confirm_deactivations": "1"])
        #expect(wrongNumber.status.code == 422)
        #expect(try active(test, world) == 43)

        let applied = try hr.post("/organisations/jarvela/import/apply", ["pending": pending, "confirm_deactivations": "2"])
        #expect(applied.status.code == 303)
        #expect(try active(test, world) == 41)

        // The import page lists it, with a way back.
        let page = try hr.get("/organisations/jarvela/import")
        #expect(page.text.contains("Viimeisimmät tuonnit"))
        #expect(page.text.contains("2 passiivisiksi"))
        #expect(page.text.contains("Palauta nämä 2 henkilöä aktiivisiksi"))
        let history = try ImportHistory.latest(test, world)
        let undone = try hr.post("/organisations/jarvela/imports/\(history.record.id)/reactivate", [:])
        #expect(undone.status.code == 303)
        #expect(try active(test, world) == 43)
        #expect(try ImportHistory.latest(test, world).reactivatable == 0)
        let audit = try AuditStore(test.database).latest(limit: 5).map(\.action)
        #expect(audit.contains("import.employees") && audit.contains("import.reactivate"))
    }

    @Test func aLargeDeactivationNeedsASecondDeliberateStep() throws {
        let test = try TestApp()
        let world = try World(test)
        try addStaff(test, world)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        // Three new hires, sent as if they were the whole staff list.
        let newHires = "Henkilönumero;Etunimi;Sukunimi\n9001;Uusi;Yksi\n9002;Uusi;Kaksi\n9003;Uusi;Kolme\n"
        let preview = try pages.upload(&hr, "/organisations/jarvela/import", file: newHires, deactivateMissing: true)
        #expect(preview.text.contains("passiivisiksi 43 henkilöä: 100,0 %"))
        #expect(preview.text.contains("yli kymmenesosa"))
        #expect(preview.text.contains("action=\"/organisations/jarvela/import/confirm\""))
        #expect(!preview.text.contains("name=\"confirm_deactivations\""))
        let pending = try pages.pendingID(in: preview.text)

        // The first step's confirmation alone is not enough.
        let skipped = try hr.post("/organisations/jarvela/import/apply", ["pending": pending, "confirm_deactivations": "43"])
        #expect(skipped.status.code == 422)
        #expect(try active(test, world) == 43)

        let confirm = try hr.post("/organisations/jarvela/import/confirm", ["pending": pending])
        #expect(confirm.status.code == 200)
        #expect(confirm.text.contains("Vahvista laaja passivointi"))
        #expect(confirm.text.contains("name=\"typed_count\""))
        let mistyped = try hr.post("/organisations/jarvela/import/apply",
                                   ["pending": pending, "confirm_deactivations": "43", "typed_count": "34"])
        #expect(mistyped.status.code == 422)
        #expect(try active(test, world) == 43)
        let done = try hr.post("/organisations/jarvela/import/apply",
                               ["pending": pending, "confirm_deactivations": "43", "typed_count": " 43 "])
        #expect(done.status.code == 303)
        #expect(try active(test, world) == 3)
    }

    @Test func aRosterThatChangedAfterThePreviewIsNotApplied() throws {
        let test = try TestApp()
        let world = try World(test)
        try addStaff(test, world)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let preview = try pages.upload(&hr, "/organisations/jarvela/import", file: roster(missing: ["5003"]),
                                       deactivateMissing: true)
        let pending = try pages.pendingID(in: preview.text)
        // Meanwhile someone else is added by hand: applying would now deactivate two, not one.
        _ = try EmployeeStore(test.database).create(Employee(organisationID: world.jarvela.id, hrNumber: "7777",
                                                             firstName: "Uusi", lastName: "Käsin", unitID: world.unitB.id))
        let applied = try hr.post("/organisations/jarvela/import/apply", ["pending": pending, "confirm_deactivations": "1"])
        #expect(applied.status.code == 409)
        #expect(try active(test, world) == 44)
        #expect(try EmployeeImportStore(test.database).recentImports(organisationID: world.jarvela.id).isEmpty)
    }

    @Test func theImportIsLinkedForThoseWhoMayUseIt() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.signIn("hr")
        for page in ["/organisations/jarvela", "/organisations/jarvela/employees", "/organisations/jarvela/users"] {
            #expect(try hr.get(page).text.contains("href=\"/organisations/jarvela/import\""), "\(page)")
        }
        var supervisor = try test.signIn("esihenkilo.a")
        let unit = try supervisor.get("/units/\(world.unitA.id)")
        #expect(!unit.text.contains("/import\""))
    }
}

enum ImportHistory {
    static func latest(_ test: TestApp, _ world: World) throws -> RecentEmployeeImport {
        guard let latest = try EmployeeImportStore(test.database).recentImports(organisationID: world.jarvela.id).first
        else { throw TestFailure("no import recorded") }
        return latest
    }
}
