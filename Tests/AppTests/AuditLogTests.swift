import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// The audit log viewer: each line belongs to the organisation it concerns, HR reads their own,
/// searching and exporting work, and the database keeps the log append-only until its retention.
@Suite("Audit log")
struct AuditLogTests {
    let test: TestApp
    let world: World

    init() throws {
        test = try TestApp()
        world = try World(test)
    }

    func userID(_ login: String) throws -> Int64 {
        try #require(try UserStore(test.database).user(loginOrEmail: login)).id
    }

    @Test func eachLineBelongsToTheOrganisationItConcerns() throws {
        _ = try test.signIn("tyontekija")
        _ = try test.signIn("hr.koskenkyla")
        var admin = try test.signIn("admin")
        // The administrator (of no organisation) ends the sessions of a Järvelä supervisor.
        _ = try admin.get("/users/\(try userID("esihenkilo.b"))")
        _ = try admin.post("/users/\(try userID("esihenkilo.b"))/sessions/end", [:])
        let store = AuditStore(test.database)
        let jarvela = try store.search(AuditQuery(organisationID: world.jarvela.id), limit: 100)
        #expect(jarvela.contains { $0.action == "sign_in.success" && $0.login == "tyontekija" })
        #expect(jarvela.contains { $0.action == "user.sessions_end" && $0.login == "admin" })
        #expect(!jarvela.contains { $0.login == "hr.koskenkyla" })
        let koskenkyla = try store.search(AuditQuery(organisationID: world.koskenkyla.id), limit: 100)
        #expect(koskenkyla.contains { $0.login == "hr.koskenkyla" })
        // The administrator's own sign-in belongs to the installation: only administrators see it.
        let admins = try store.search(AuditQuery(organisationID: nil, text: "admin", action: "sign_in"), limit: 100)
        #expect(admins.contains { $0.login == "admin" && $0.organisationID == nil })
    }

    @Test func hrReadsTheirOrganisationsLinesOnlyAndSearchesThem() throws {
        _ = try test.signIn("tyontekija")
        _ = try test.signIn("hr.koskenkyla")
        var failed = Browser(app: test)
        _ = try failed.get("/sign-in")
        _ = try failed.post("/sign-in", ["login": "tyontekija", "password": "wrong", "next": "/"])
        var hr = try test.signIn("hr")
        let page = try hr.get("/organisations/jarvela/audit")
        #expect(page.status.code == 200)
        #expect(page.text.contains("tyontekija") && !page.text.contains("hr.koskenkyla"))
        let searched = try hr.get("/organisations/jarvela/audit?q=tyontekija&action=sign_in")
        #expect(searched.text.contains("sign_in.success"))
        let none = try hr.get("/organisations/jarvela/audit?q=no-such-login-anywhere")
        #expect(!none.text.contains("<tbody>"))
        let dates = try hr.get("/organisations/jarvela/audit?from=2000-01-01&through=2000-12-31")
        #expect(dates.status.code == 200 && !dates.text.contains("<tbody>"))
        let badDate = try hr.get("/organisations/jarvela/audit?from=31.02.2026")
        #expect(badDate.status.code == 422)
        #expect(try hr.get("/organisations/koskenkyla/audit").status.code == 404)
    }

    @Test func pagesGoBackByLineNotByOffset() throws {
        for index in 0..<120 {
            try AuditStore(test.database).record(AuditEntry(userID: try userID("tyontekija"), login: "tyontekija",
                                                            action: "test.line", detail: "line \(index)"))
        }
        var hr = try test.signIn("hr")
        let first = try hr.get("/organisations/jarvela/audit?action=test")
        #expect(first.text.contains("line 119") && !first.text.contains("line 69<"))
        let older = try #require(first.text.range(of: "href=\"/organisations/jarvela/audit?action=test&amp;before=")
            .map { first.text[$0.lowerBound...].dropFirst(6).prefix { $0 != "\"" } })
        let second = try hr.get(String(older).replacingOccurrences(of: "&amp;", with: "&"))
        #expect(second.text.contains("line 69") && !second.text.contains("line 119"))
    }

    @Test func theExportHasTheLinesAndIsItselfALine() throws {
        _ = try test.signIn("tyontekija")
        var hr = try test.signIn("hr")
        let export = try hr.get("/organisations/jarvela/audit.csv?action=sign_in")
        #expect(export.status.code == 200)
        #expect(export.headers["Content-Type"]?.hasPrefix("text/csv") == true)
        #expect(export.text.contains("tyontekija") && export.text.contains("sign_in.success"))
        let lines = try AuditStore(test.database).search(AuditQuery(organisationID: world.jarvela.id, action: "audit"), limit: 5)
        #expect(lines.first?.action == "audit.export" && lines.first?.login == "hr")
    }

    @Test func exportsOfPersonalDataAreRecorded() throws {
        var hr = try test.signIn("hr")
        let export = try hr.get("/organisations/jarvela/training-completions.csv")
        #expect(export.status.code == 200)
        let line = try #require(try AuditStore(test.database).latest(limit: 3).first { $0.action == "export" })
        #expect(line.login == "hr" && line.detail?.hasPrefix("suoritukset-jarvela-") == true)
        #expect(line.organisationID == world.jarvela.id)
    }

    @Test func theLogIsAppendOnlyInTheDatabase() throws {
        let audit = AuditStore(test.database)
        try audit.record(AuditEntry(userID: try userID("hr"), login: "hr", action: "test.line", clientAddress: "10.0.0.1",
                                    detail: "kept"))
        let changed = #expect(throws: (any Error).self) {
            try test.database.writing { db in try db.execute(sql: "UPDATE audit_log SET detail = 'changed'") }
        }
        #expect("\(String(describing: changed))".contains("append-only"))
        #expect(throws: (any Error).self) {
            try test.database.writing { db in try db.execute(sql: "UPDATE audit_log SET action = 'other', login = NULL, user_id = NULL, client_address = NULL") }
        }
        #expect(throws: (any Error).self) {
            try test.database.writing { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
        // Clearing who and from where (erasing a person) is the one change allowed.
        try test.database.writing { db in
            try db.execute(sql: "UPDATE audit_log SET login = NULL, user_id = NULL, client_address = NULL WHERE action = 'test.line'")
        }
        let line = try #require(try audit.latest(limit: 1).first)
        #expect(line.action == "test.line" && line.detail == "kept" && line.login == nil && line.clientAddress == nil)
    }

    @Test func linesGoOnlyOnceTheirRetentionHasPassed() throws {
        let audit = AuditStore(test.database)
        let now = Date()
        let calendar = Calendar(identifier: .gregorian).utcCalendar
        let retention = try audit.retentionMonths()
        #expect(retention == 24)
        let boundary = try #require(calendar.date(byAdding: .month, value: -retention, to: now))
        try audit.record(AuditEntry(at: boundary.addingTimeInterval(-60), action: "test.old", detail: "a minute past"))
        try audit.record(AuditEntry(at: boundary.addingTimeInterval(60), action: "test.young", detail: "a minute within"))
        #expect(try audit.deleteExpired(now: now) == 1)
        let left = try audit.search(AuditQuery(organisationID: nil, action: "test"), limit: 10).map(\.action)
        #expect(left == ["test.young"])
        // A shorter retention lets the next run take more; the database refuses anything younger.
        try test.database.transaction { try audit.setRetentionMonths(6, at: now) }
        #expect(try audit.deleteExpired(now: now) == 1)
        #expect(throws: (any Error).self) { try test.database.transaction { try audit.setRetentionMonths(5, at: now) } }
    }

    @Test func administratorsSetTheRetention() throws {
        var admin = try test.signIn("admin")
        let page = try admin.get("/audit")
        #expect(page.status.code == 200 && page.text.contains("name=\"months\""))
        #expect(try admin.post("/audit/retention", ["months": "3"]).status.code == 422)
        #expect(try admin.post("/audit/retention", ["months": "36"]).status.code == 303)
        #expect(try AuditStore(test.database).retentionMonths() == 36)
        #expect(try AuditStore(test.database).latest(limit: 1).first?.action == "audit.retention")
        var hr = try test.signIn("hr")
        #expect(try hr.get("/organisations/jarvela/audit").text.contains("name=\"months\"") == false)
    }
}
