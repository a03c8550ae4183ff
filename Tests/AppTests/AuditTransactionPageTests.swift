import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// A change made through the pages is saved only with its audit line: when the line cannot be
/// written, the user gets an error page and nothing changed.
@Suite("Audit lines in the change's transaction")
struct AuditTransactionPageTests {
    private func breakAuditLog(_ test: TestApp) throws {
        try test.database.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER audit_log_broken BEFORE INSERT ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log cannot be written'); END
                """)
        }
    }

    @Test func staffChangesFailWithoutTheirAuditLine() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        try breakAuditLog(test)

        #expect(try hr.submit("/organisations/jarvela/sectors", ["name": "Perusopetus"]).status.code == 500)
        #expect(try SectorStore(test.database).sectors(organisationID: world.jarvela.id).map(\.name) == ["Varhaiskasvatus"])

        #expect(try hr.submit("/units/\(world.unitB.id)/edit", [
            "name": "Päiväkoti Pääskynen", "sector_id": "", "parent_id": "",
        ]).status.code == 500)
        #expect(try UnitStore(test.database).unit(id: world.unitB.id)?.name == "Päiväkoti Peippo")

        #expect(try hr.submit("/units/\(world.unitB.id)/deactivate", [:]).status.code == 500)
        #expect(try UnitStore(test.database).unit(id: world.unitB.id)?.active == true)

        #expect(try hr.submit("/employees/\(world.employeeB.id)/user", [
            "login": "bertta", "password": "a long enough password",
        ]).status.code == 500)
        #expect(try UserStore(test.database).user(loginOrEmail: "bertta") == nil)
    }

    @Test func signingInFailsWithoutItsAuditLineAndLeavesNoSession() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = Browser(app: test)
        _ = try browser.get("/sign-in")
        try breakAuditLog(test)
        let response = try browser.post("/sign-in", ["login": "hr", "password": TestApp.password, "next": "/"])
        #expect(response.status.code == 500)
        let sessions = try test.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions") }
        #expect(sessions == 0)
    }

    @Test func everyChangeOfTheSuiteLeavesItsLine() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.submit("/units/\(world.unitB.id)/deactivate", [:]).status.code == 303)
        let latest = try AuditStore(test.database).latest(limit: 1).first
        #expect(latest?.action == "unit.deactivate")
        #expect(latest?.target == "unit:\(world.unitB.id)")
        #expect(latest?.login == "hr")
    }
}
