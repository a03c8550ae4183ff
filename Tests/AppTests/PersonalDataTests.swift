import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Demo
@testable import Storage

/// GDPR duties: the person's data (everything identified, nothing anonymous), erasure that keeps
/// the figures about groups, and the daily retention pass at its boundary dates.
@Suite("Personal data, retention and erasure")
struct PersonalDataTests {
    static let demoPassword = "demo-salasana-2026"

    /// A small demo installation, where `tyontekija` has a bit of everything.
    static func demo() throws -> TestApp {
        let test = try TestApp()
        _ = try DemoLoader(database: test.database, hasher: PasswordHasher(rounds: 1000))
            .load(employees: 400, seed: 1, today: HelsinkiTime.date(Date()))
        return test
    }

    static func json(_ response: Response) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8))
        return try #require(object as? [String: Any])
    }

    // MARK: - Coverage

    @Test func everyColumnThatNamesAPersonIsExportedOrExplained() throws {
        let test = try TestApp()
        let columns = try test.database.reading { db in
            try String.fetchAll(db, sql: """
                SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND (p.name IN ('employee_id', 'user_id') OR p.name LIKE '%\\_employee\\_id' ESCAPE '\\'
                                            OR p.name LIKE '%\\_user\\_id' ESCAPE '\\')
                """)
        }
        let covered = Set(PersonalDataStore.coverage.keys)
        #expect(Set(columns).subtracting(covered).isEmpty, "columns naming a person without a section: \(Set(columns).subtracting(covered))")
        #expect(covered.subtracting(columns).isEmpty, "coverage of columns that do not exist: \(covered.subtracting(columns))")
        let sectionKeys = Set(PersonalDataStore.sections.map(\.key) + ["identified_self_assessments"])
        for (column, section) in PersonalDataStore.coverage where !section.hasPrefix("(") {
            #expect(sectionKeys.contains(section), "\(column) is said to be in \(section), which is no section")
        }
    }

    // MARK: - The person's own data

    @Test func theOwnFileHasEverythingIdentifiedAndNothingAnonymous() throws {
        let test = try Self.demo()
        var aino = try test.signIn("tyontekija", password: Self.demoPassword)
        let page = try aino.get("/me/data")
        #expect(page.status.code == 200)
        let download = try aino.get("/me/data.json")
        #expect(download.status.code == 200)
        #expect(download.headers["Content-Type"]?.hasPrefix("application/json") == true)
        let file = try Self.json(download)
        let sections = try #require(file["sections"] as? [String: [[String: Any]]])
        for expected in ["employee", "sign_in", "roles", "sessions", "survey_invitations", "identified_self_assessments",
                         "training_attendance", "discussions", "discussion_goals", "board_posts"] {
            #expect(sections[expected]?.isEmpty == false, "no \(expected) in tyontekija's file")
        }
        // Her own anonymous question is hers and is in her file, marked anonymous.
        #expect(sections["board_posts"]?.contains { ($0["anonymous"] as? Int) == 1 } == true)
        // Only identified rounds' answers: every self-assessment is of an identified round.
        let identifiedTitles = Set(try test.database.reading { db in
            try String.fetchAll(db, sql: "SELECT title FROM survey_rounds WHERE mode = 'identified'")
        })
        let assessed = Set((sections["identified_self_assessments"] ?? []).compactMap { $0["round"] as? String })
        #expect(!assessed.isEmpty && assessed.isSubset(of: identifiedTitles))
        // Nobody else's anonymous question, nor anyone's secrets.
        let othersAnonymous = try test.database.reading { db in
            try String.fetchAll(db, sql: """
                SELECT p.title FROM board_posts p JOIN users u ON u.id = p.author_user_id
                WHERE p.anonymous = 1 AND u.login <> 'tyontekija'
                """)
        }
        #expect(!othersAnonymous.isEmpty)
        for title in othersAnonymous where !(sections["board_answers"] ?? []).contains(where: { ($0["post"] as? String) == title }) {
            #expect(!download.text.contains(title))
        }
        #expect(!download.text.contains("pbkdf2") && !download.text.contains("token_hash") && !download.text.contains("csrf"))
        #expect(try AuditStore(test.database).latest(limit: 3).contains { $0.action == "personal_data.export" && $0.login == "tyontekija" })
    }

    @Test func hrAnswersARequestForAccessAndItIsRecorded() throws {
        let test = try Self.demo()
        let aino = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        let employeeID = try #require(aino.employeeID)
        var hr = try test.signIn("hr", password: Self.demoPassword)
        let page = try hr.get("/employees/\(employeeID)/data")
        #expect(page.status.code == 200 && page.text.contains("/employees/\(employeeID)/data.json"))
        let file = try hr.get("/employees/\(employeeID)/data.json")
        #expect(file.status.code == 200)
        let actions = try AuditStore(test.database).latest(limit: 5).map(\.action)
        #expect(actions.contains("personal_data.view") && actions.contains("personal_data.export"))
        var supervisor = try test.signIn("esihenkilo", password: Self.demoPassword)
        #expect(try supervisor.get("/employees/\(employeeID)/data").status.code == 403)
        var other = try test.signIn("hr.koskenkyla", password: Self.demoPassword)
        #expect(try other.get("/employees/\(employeeID)/data.json").status.code == 404)
    }

    // MARK: - Erasure

    @Test func erasureIsRefusedWhileEmployedAndKeepsEveryFigureAfter() throws {
        let test = try Self.demo()
        let aino = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        let employeeID = try #require(aino.employeeID)
        var hr = try test.signIn("hr", password: Self.demoPassword)
        let roundID = try #require(try test.database.reading { db in
            try Int64.fetchOne(db, sql: """
                SELECT r.id FROM survey_rounds r JOIN survey_responses s ON s.round_id = r.id
                JOIN survey_response_owners o ON o.response_key = s.key WHERE o.employee_id = ? AND r.status = 'closed' LIMIT 1
                """, arguments: [employeeID])
        })
        let before = try hr.get("/rounds/\(roundID)/results/export.csv").text
        #expect(!before.isEmpty)

        // Still employed: refused, with the reason.
        _ = try hr.get("/employees/\(employeeID)/erase")
        #expect(try hr.post("/employees/\(employeeID)/erase", ["reason": "pyyntö"]).status.code == 409)

        // She left a month ago.
        let ended = HelsinkiTime.date(Date().addingTimeInterval(-31 * 86400))
        try test.database.writing { db in
            try db.execute(sql: "UPDATE employees SET active = 0, end_date = ? WHERE id = ?", arguments: [ended, employeeID])
        }
        _ = try hr.get("/employees/\(employeeID)/erase")
        #expect(try hr.post("/employees/\(employeeID)/erase", ["reason": " "]).status.code == 422)
        let erased = try hr.post("/employees/\(employeeID)/erase", ["reason": "henkilön pyyntö"])
        #expect(erased.status.code == 303)

        let shell = try test.database.reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM employees WHERE id = ?", arguments: [employeeID])
        }
        #expect(shell?["first_name"] == "" && shell?["last_name"] == "" && shell?["email"] == DatabaseValue.null)
        #expect((shell?["hr_number"] as String?)?.hasPrefix("erased-") == true)
        let user = try #require(try UserStore(test.database).user(id: aino.id))
        #expect(user.login.hasPrefix("erased-") && user.disabled && user.email == nil)
        let counts = try test.database.reading { db in
            try [
                "owners": Int.fetchOne(db, sql: "SELECT count(*) FROM survey_response_owners WHERE employee_id = ?", arguments: [employeeID]),
                "discussions": Int.fetchOne(db, sql: "SELECT count(*) FROM discussions WHERE employee_id = ?", arguments: [employeeID]),
                "sessions": Int.fetchOne(db, sql: "SELECT count(*) FROM sessions WHERE user_id = ?", arguments: [aino.id]),
                "audit": Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE login = 'tyontekija'"),
                "attendance": Int.fetchOne(db, sql: "SELECT count(*) FROM training_attendance WHERE employee_id = ?", arguments: [employeeID]),
            ]
        }
        #expect(counts["owners"] == 0 && counts["discussions"] == 0 && counts["sessions"] == 0 && counts["audit"] == 0)
        // Attendance stays, pointing at the shell, so the training figures of the past do not change.
        #expect((counts["attendance"] ?? 0) ?? 0 > 0)
        // The dashboard's figures are exactly as they were.
        #expect(try hr.get("/rounds/\(roundID)/results/export.csv").text == before)
        let line = try #require(try AuditStore(test.database).latest(limit: 3).first { $0.action == "person.erase" })
        #expect(line.target == "employee:\(employeeID)" && line.detail == "manual: henkilön pyyntö")
        #expect(throws: TestFailure.self) { try test.signIn("tyontekija", password: Self.demoPassword) }
    }

    // MARK: - The daily pass

    @Test func theRetentionPassErasesLeaversAtTheBoundaryAndRunsOncePerDay() throws {
        let test = try TestApp()
        let world = try World(test)
        let store = RetentionStore(test.database)
        try test.database.transaction {
            try store.save(RetentionPolicy(leaversMonths: 12, assessmentsYears: 5), organisationID: world.jarvela.id,
                           by: nil, at: Date())
        }
        // Today 2026-12-07: the limit is 2025-12-07. Ended the day before it: erased; on it: kept.
        try test.database.writing { db in
            try db.execute(sql: "UPDATE employees SET active = 0, end_date = '2025-12-06' WHERE id = ?", arguments: [world.employeeA1.id])
            try db.execute(sql: "UPDATE employees SET active = 0, end_date = '2025-12-07' WHERE id = ?", arguments: [world.employeeB.id])
        }
        #expect(try store.leaversDue(organisationID: world.jarvela.id, today: "2026-12-07") == [world.employeeA1.id])
        let report = try #require(try store.runIfDue(today: "2026-12-07", now: Date()))
        #expect(report.peopleErased == 1)
        #expect(try store.runIfDue(today: "2026-12-07", now: Date()) == nil)
        let names = try test.database.reading { db in
            try String.fetchAll(db, sql: "SELECT last_name FROM employees WHERE id IN (?, ?) ORDER BY id",
                                arguments: [world.employeeA1.id, world.employeeB.id])
        }
        #expect(names == ["", "Björk"])
        // The next day the other one's limit has passed too.
        #expect(try store.runIfDue(today: "2026-12-08", now: Date())?.peopleErased == 1)
        let lines = try AuditStore(test.database).search(AuditQuery(organisationID: world.jarvela.id, action: "person"), limit: 5)
        #expect(lines.count == 2 && lines.allSatisfy { $0.login == nil && $0.detail?.hasPrefix("retention") == true })
    }

    @Test func identifiedSelfAssessmentsAreUnlinkedAfterTheirYears() throws {
        let test = try Self.demo()
        let store = RetentionStore(test.database)
        let (organisationID, submitted) = try #require(try test.database.reading { db in
            try Row.fetchOne(db, sql: """
                SELECT e.organisation_id, min(o.submitted_on) FROM survey_response_owners o JOIN employees e ON e.id = o.employee_id
                GROUP BY e.organisation_id LIMIT 1
                """).map { ($0[0] as Int64, $0[1] as String) }
        })
        try test.database.transaction {
            try store.save(RetentionPolicy(leaversMonths: 24, assessmentsYears: 1), organisationID: organisationID, by: nil, at: Date())
        }
        let responses = try test.database.reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_responses") }
        // A year after the first answer to the day: not yet; the day after: unlinked.
        let year = Int(submitted.prefix(4)) ?? 0
        let anniversary = "\(year + 1)" + submitted.dropFirst(4)
        #expect(try store.assessmentsDue(organisationID: organisationID, today: anniversary) == 0)
        let dayAfter = HelsinkiTime.date(HelsinkiTime.adding(days: 1, to: try #require(HelsinkiTime.instant(date: anniversary, time: "12:00"))))
        #expect(try store.assessmentsDue(organisationID: organisationID, today: dayAfter) > 0)
        let report = try #require(try store.runIfDue(today: dayAfter, now: Date()))
        #expect(report.assessmentsUnlinked > 0)
        // The responses themselves stay: results are unchanged.
        #expect(try test.database.reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_responses") } == responses)
    }

    @Test func hrSetsTheRetentionWithinItsLimits() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.signIn("hr")
        let page = try hr.get("/organisations/jarvela/data-protection")
        #expect(page.status.code == 200 && page.text.contains("leavers_months"))
        #expect(try hr.post("/organisations/jarvela/data-protection", ["leavers_months": "0", "assessments_years": "5"]).status.code == 422)
        #expect(try hr.post("/organisations/jarvela/data-protection", ["leavers_months": "18", "assessments_years": "3"]).status.code == 303)
        #expect(try RetentionStore(test.database).policy(organisationID: world.jarvela.id) == RetentionPolicy(leaversMonths: 18, assessmentsYears: 3))
        #expect(try AuditStore(test.database).latest(limit: 1).first?.action == "retention.policy")
    }
}
