import Foundation
import GRDB
import Testing
@testable import Storage

/// After anonymous responses are submitted, nothing in the database links a person to a response:
/// no shared key, no owner row, no rowid or order, no clock finer than a day.
@Suite("Anonymity of stored responses")
struct AnonymityTests {
    /// Tables that describe a person: they refer to employees or users (directly or through sessions).
    static func personTables(_ db: Database) throws -> Set<String> {
        var tables: Set<String> = []
        for table in try allTables(db) {
            let targets = try Row.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)",
                                           arguments: [table]).map { $0[0] as String }
            if targets.contains("employees") || targets.contains("users") || table == "employees" || table == "users" {
                tables.insert(table)
            }
        }
        return tables
    }

    /// Tables that describe a response: survey_responses and every table referring to it.
    static func responseTables(_ db: Database) throws -> Set<String> {
        var tables: Set<String> = ["survey_responses"]
        for table in try allTables(db) {
            let targets = try Row.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)",
                                           arguments: [table]).map { $0[0] as String }
            if targets.contains("survey_responses") { tables.insert(table) }
        }
        return tables
    }

    static func allTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT LIKE 'grdb_%'
            """)
    }

    @Test func nothingLinksAPersonToAnAnonymousResponse() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        let roundID = round.id ?? 0
        // Submit in a known order, with drafts saved first, as the web flow does.
        for (index, person) in fixture.people.enumerated() {
            let respondent = Respondent.employee(person.id ?? 0)
            try fixture.responses.saveDraft(SurveyDraft(answers: "4"), roundID: roundID, respondent: respondent,
                                            day: "2026-11-10")
            _ = try fixture.responses.submit(try fixture.submission(round, respondent,
                                                                    answers: "\(index % 5 + 1)-",
                                                                    open: "Vastaus \(index)"))
        }
        try fixture.database.pool.read { db in
            let people = try Self.personTables(db)
            let responses = try Self.responseTables(db)
            #expect(responses.isSuperset(of: ["survey_responses", "survey_area_scores", "survey_open_answers",
                                              "survey_response_owners"]))
            // The only table that is both is the owner table of identified rounds, and it is empty here.
            #expect(people.intersection(responses) == ["survey_response_owners"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_response_owners") == 0)
            // No response table has a rowid or a time column that could order submissions.
            for table in responses {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?",
                                              arguments: [table]) ?? ""
                #expect(sql.contains("WITHOUT ROWID"), "\(table) has a rowid")
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                    .map { $0[0] as String }
                #expect(!columns.contains { $0.hasSuffix("_at") || $0.hasSuffix("_on") || $0.contains("time") }
                        || table == "survey_response_owners", "\(table) has a time column: \(columns)")
            }
            // What is known of each person in this round is the day they answered, never a time.
            let days = try String.fetchAll(db, sql: "SELECT answered_on FROM survey_invitations WHERE round_id = ?",
                                           arguments: [roundID])
            #expect(days.count == fixture.people.count && days.allSatisfy { $0.count == 10 })
            // Drafts (which do name the person) are gone once submitted.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_drafts") == 0)
            // The response keys are random, not a counter: stored order is not submission order.
            let keys = try Int64.fetchAll(db, sql: "SELECT key FROM survey_responses WHERE round_id = ?",
                                          arguments: [roundID])
            #expect(keys.count == fixture.people.count)
            #expect(keys.allSatisfy { $0 > 1_000_000 }, "keys look like a counter: \(keys)")
            // No column of any response table holds an employee id, a user id, a name or an HR number.
            let personValues = Set(fixture.people.flatMap { [$0.hrNumber, $0.firstName, $0.lastName] })
            for table in responses {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                    for column in row.columnNames {
                        let value: DatabaseValue = row[column]
                        if case .string(let text) = value.storage { #expect(!personValues.contains(text)) }
                    }
                    #expect(!row.columnNames.contains { $0.contains("employee") || $0.contains("user") }
                            || table == "survey_response_owners")
                }
            }
        }
    }

    @Test func anonymousRoundsRefuseOwners() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        guard case .recorded(let key) = try fixture.responses.submit(
            try fixture.submission(round, .employee(fixture.people[0].id ?? 0))) else {
            Issue.record("not recorded"); return
        }
        #expect(throws: (any Error).self) {
            try fixture.database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO survey_response_owners (response_key, employee_id, submitted_on) VALUES (?, ?, ?)
                    """, arguments: [key, fixture.people[0].id, "2026-11-10"])
            }
        }
    }
}
