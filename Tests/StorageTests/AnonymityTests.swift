import Crypto
import Foundation
import GRDB
import Testing
@testable import Storage

/// What a copy of the database file shows of anonymous answering: nothing that ties a response, or
/// the fact of answering, to a person or to a cell, without the server key.
@Suite("Anonymity of stored responses")
struct AnonymityTests {
    /// The whole database as bytes: the main file and the write-ahead log, as a copy would hold them.
    static func fileBytes(_ path: String) -> [UInt8] {
        let main = FileManager.default.contents(atPath: path) ?? Data()
        let log = FileManager.default.contents(atPath: path + "-wal") ?? Data()
        return Array(main) + Array(log)
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        guard !bytes.isEmpty, haystack.count >= bytes.count else { return false }
        for start in 0...(haystack.count - bytes.count) where haystack[start] == bytes[0] {
            if Array(haystack[start..<start + bytes.count]) == bytes { return true }
        }
        return false
    }

    static func invitationRows(_ database: AppDatabase, roundID: Int64) throws -> [[String]] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM survey_invitations WHERE round_id = ? ORDER BY employee_id",
                             arguments: [roundID]).map { row in row.databaseValues.map(\.description) }
        }
    }

    @Test func aCopyOfTheDatabaseTiesNoResponseToAnyone() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        let roundID = round.id
        let before = try Self.invitationRows(fixture.database, roundID: roundID)
        let secretAnswers = ["5432154321", "1111122222", "3333344444", "2222211111", "4444455555"]
        let secretTexts = fixture.people.prefix(5).map { "Toive-\($0.hrNumber)-salainen" }
        for (index, person) in fixture.people.prefix(5).enumerated() {
            let respondent = Respondent.employee(person.id)
            try fixture.responses.saveDraft(SurveyDraft(answers: String(secretAnswers[index].prefix(4))),
                                            roundID: roundID, respondent: respondent)
            _ = try fixture.responses.submit(try fixture.submission(round, respondent, answers: secretAnswers[index],
                                                                    open: secretTexts[index]))
        }
        // The population is all a copy says of people, and answering changed none of it.
        #expect(try Self.invitationRows(fixture.database, roundID: roundID) == before)
        try fixture.database.pool.read { db in
            let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('survey_responses')")
                .map { $0[0] as String }
            #expect(columns == ["key", "round_id", "sealed"], "a response keeps no unit, job group or time in the clear")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_response_owners") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_drafts") == 0)
            // Answering is recorded as five keyed hashes: not the plain SHA-256 of any naming text.
            let credentials = try Data.fetchAll(db, sql: "SELECT credential FROM survey_answer_credentials")
            #expect(credentials.count == 5)
            for person in fixture.people {
                for text in ["round:\(roundID)|employee:\(person.id)", "\(person.id)", person.hrNumber] {
                    #expect(!credentials.contains(Data(SHA256.hash(data: Data(text.utf8)))))
                }
            }
            // Keys are random, not a counter.
            let keys = try Int64.fetchAll(db, sql: "SELECT key FROM survey_responses")
            #expect(keys.count == 5 && keys.allSatisfy { $0 > 1_000_000 })
        }
        // No answer string, open answer, draft or respondent name is in the file or its log.
        let bytes = Self.fileBytes(fixture.staff.temporary.path)
        for text in secretAnswers + secretTexts + ["employee:", "Toive-"] {
            #expect(!Self.contains(bytes, text), "\(text) is readable in the database files")
        }
        // The server opens them, and counts them where they belong.
        let data = try fixture.results.roundData(roundID: roundID)
        #expect(Set(data.responses.map(\.answers)) == Set(secretAnswers))
        #expect(Set(data.openAnswers.map(\.text)) == Set(secretTexts))
        #expect(try fixture.responses.hasAnswered(roundID: roundID, employeeID: fixture.people[0].id))
        #expect(try !fixture.responses.hasAnswered(roundID: roundID, employeeID: fixture.people[5].id))
    }

    @Test func theLogIsTruncatedAfterSubmissions() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        _ = try fixture.responses.submit(try fixture.submission(round, .employee(fixture.people[0].id)))
        #expect(fixture.database.scrubHistory())
        let size = (try? FileManager.default.attributesOfItem(atPath: fixture.staff.temporary.path + "-wal")[.size]
                    as? Int) ?? 0
        #expect(size == 0)
    }

    @Test func anonymousRoundsRefuseOwners() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        guard case .recorded(let key) = try fixture.responses.submit(
            try fixture.submission(round, .employee(fixture.people[0].id))) else {
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

    @Test func sealedDataOpensOnlyWithItsKeyAndInItsOwnRow() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        let roundID = round.id
        for person in fixture.people.prefix(2) {
            _ = try fixture.responses.submit(try fixture.submission(round, .employee(person.id)))
        }
        // Another key is refused at once, not on the first survey page.
        let other = try AppDatabase(path: fixture.staff.temporary.path,
                                    catalog: MigrationCatalog(directory: TemporaryDatabase.migrationsFolder),
                                    key: ServerKey.generate())
        #expect(throws: StorageError.wrongServerKey) { try other.requireCurrentSchema() }
        // A box copied into another row does not open there.
        try fixture.database.pool.write { db in
            let keys = try Int64.fetchAll(db, sql: "SELECT key FROM survey_responses ORDER BY key")
            try db.execute(sql: "UPDATE survey_responses SET sealed = (SELECT sealed FROM survey_responses WHERE key = ?) WHERE key = ?",
                           arguments: [keys[0], keys[1]])
        }
        #expect(throws: (any Error).self) { try fixture.results.roundData(roundID: roundID) }
    }

    @Test func aMissingKeyFileIsNotReplacedWhenSealedDataExists() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        #expect(try AppDatabase.holdsSealedData(path: temporary.path))
        #expect(throws: StorageError.missingServerKey(temporary.folder + "/none.key")) {
            try ServerKey.loadOrCreate(path: temporary.folder + "/none.key", mayCreate: false)
        }
        let created = try ServerKey.loadOrCreate(path: temporary.folder + "/new.key", mayCreate: true)
        let mode = try FileManager.default.attributesOfItem(atPath: temporary.folder + "/new.key")[.posixPermissions]
        #expect((mode as? Int) == 0o600)
        let loaded = try ServerKey.loadOrCreate(path: temporary.folder + "/new.key", mayCreate: false)
        #expect(loaded.keyBytes(for: .responseSeal) == created.keyBytes(for: .responseSeal))
        #expect(created.keyBytes(for: .responseSeal) != created.keyBytes(for: .draftSeal))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temporary.folder + "/new.key")
        #expect(throws: (any Error).self) {
            try ServerKey.loadOrCreate(path: temporary.folder + "/new.key", mayCreate: false)
        }
    }
}

/// A database written before sealing (migrations 0001–0004) converts in place: nothing is lost and
/// nothing readable is left.
@Suite("Conversion of survey data written before sealing")
struct LegacySurveyConversionTests {
    @Test func answersDraftsCodesAndOwnersSurviveSealed() throws {
        let catalog = try MigrationCatalog(directory: TemporaryDatabase.migrationsFolder)
        let early = MigrationCatalog(migrations: catalog.migrations.filter { $0.identifier < "0005" })
        let temporary = try TemporaryDatabase(migrate: false, catalog: early)
        defer { temporary.remove() }
        try temporary.database.migrate()
        let database = temporary.database
        let ids = try database.pool.write { db -> (round: Int64, unit: Int64, employees: [Int64], area: Int64) in
            try db.execute(sql: "INSERT INTO organisations (id, slug, name, created_at) VALUES (1, 'vanha', 'Vanha kunta', '2026-01-01')")
            try db.execute(sql: "INSERT INTO units (id, organisation_id, name) VALUES (10, 1, 'Keittiö')")
            for id in 1...3 {
                try db.execute(sql: """
                    INSERT INTO employees (id, organisation_id, hr_number, first_name, last_name, unit_id, job_group,
                                           created_at, updated_at)
                    VALUES (?, 1, ?, 'E', 'S', 10, 'Kokki', '2026-01-01', '2026-01-01')
                    """, arguments: [id, "V\(id)"])
            }
            let framework = try Int64.fetchOne(db, sql: "SELECT id FROM frameworks WHERE status = 'published'") ?? 0
            let area = try Int64.fetchOne(db, sql: "SELECT id FROM framework_areas WHERE framework_id = ? LIMIT 1",
                                          arguments: [framework]) ?? 0
            try db.execute(sql: """
                INSERT INTO survey_rounds (id, organisation_id, framework_id, title, mode, status, opens_on, closes_on,
                                           created_at) VALUES (5, 1, ?, 'Vanha', 'identified', 'open', '2026-01-01',
                                           '2099-01-01', '2026-01-01')
                """, arguments: [framework])
            try db.execute(sql: """
                INSERT INTO survey_invitations (round_id, employee_id, unit_id, job_group, answered_on)
                VALUES (5, 1, 10, 'Kokki', '2026-02-01'), (5, 2, 10, 'Kokki', NULL), (5, 3, 10, 'Kokki', NULL)
                """)
            try db.execute(sql: """
                INSERT INTO survey_responses (key, round_id, unit_id, sector_id, job_group, answers)
                VALUES (987654321987, 5, 10, NULL, 'Kokki', '45-3.'),
                       (123456789123, 5, 10, NULL, '', '22222')
                """)
            try db.execute(sql: "INSERT INTO survey_area_scores VALUES (987654321987, ?, 4.5)", arguments: [area])
            try db.execute(sql: "INSERT INTO survey_open_questions (id, round_id, position, text_fi, text_sv, text_en) VALUES (3, 5, 1, 'K', 'K', 'K')")
            try db.execute(sql: "INSERT INTO survey_open_answers VALUES (987654321987, 3, 'Vanha-toive')")
            try db.execute(sql: "INSERT INTO survey_response_owners VALUES (987654321987, 1, '2026-02-01')")
            try db.execute(sql: """
                INSERT INTO survey_drafts (round_id, respondent, answers, open_answers, updated_on)
                VALUES (5, 'employee:2', '33', '{"3":"Keskeneräinen-toive"}', '2026-02-02')
                """)
            let code = Data(SHA256.hash(data: Data("ABCDE12345".utf8)))
            try db.execute(sql: "INSERT INTO survey_codes (code_hash, round_id, unit_id, created_on, used_on) VALUES (?, 5, 10, '2026-01-02', '2026-02-03')",
                           arguments: [code])
            try db.execute(sql: """
                INSERT INTO survey_drafts (round_id, respondent, answers, open_answers, updated_on)
                VALUES (5, ?, '11', '{}', '2026-02-02')
                """, arguments: ["code:" + code.map { String(format: "%02x", $0) }.joined()])
            return (5, 10, [1, 2, 3], area)
        }
        // Now the rest of the migrations, with the conversion.
        let full = try AppDatabase(path: temporary.path, catalog: catalog, key: temporary.key)
        #expect(try full.migrate() == catalog.migrations.map(\.identifier).filter { $0 >= "0005" })
        try full.requireCurrentSchema()
        let results = SurveyResultsStore(full)
        let data = try results.roundData(roundID: ids.round)
        #expect(Set(data.responses.map(\.answers)) == ["45-3.", "22222"])
        #expect(data.responses.first { $0.answers == "45-3." }?.areaScores == [ids.area: 4.5])
        #expect(data.openAnswers.map(\.text) == ["Vanha-toive"])
        #expect(try results.ownResponses(employeeID: 1).map(\.answers) == ["45-3."])
        let responses = SurveyResponseStore(full)
        #expect(try responses.hasAnswered(roundID: ids.round, employeeID: 1))
        #expect(try !responses.hasAnswered(roundID: ids.round, employeeID: 2))
        #expect(try responses.draft(roundID: ids.round, respondent: .employee(2))
            == SurveyDraft(answers: "33", openAnswers: [3: "Keskeneräinen-toive"]))
        let code = Data(SHA256.hash(data: Data("ABCDE12345".utf8)))
        #expect(try responses.code(hash: code)?.used == true)
        #expect(try responses.draft(roundID: ids.round, respondent: .code(hash: code)) == SurveyDraft(answers: "11"))
        #expect(try SurveyRoundStore(full).unitPlacements(roundID: ids.round)[ids.unit] != nil)
        let tables = try full.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'legacy_%'")
        }
        #expect(tables.isEmpty)
        let bytes = AnonymityTests.fileBytes(temporary.path)
        for text in ["Vanha-toive", "Keskeneräinen-toive", "45-3.", "employee:2"] {
            #expect(!AnonymityTests.contains(bytes, text), "\(text) survived the conversion in the files")
        }
    }
}

extension AnonymityTests {
    /// Training feedback is kept like a survey answer: a copy of the database shows that feedback was
    /// given on a session, and its content, but nothing that says whose a row is.
    @Test func aCopyOfTheDatabaseTiesNoTrainingFeedbackToAnyone() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: nil, enrolment: .open, startsIn: -2)
        let people = try fixture.people(8)
        _ = try fixture.completions.markAttendance(session: session, listed: Set(people), present: Set(people),
                                                   recordedBy: nil, completedOn: "2026-12-05")
        let store = TrainingFeedbackStore(fixture.staff.temporary.database)
        let comments = people.map { "Palaute-\($0)-salaisuus" }
        for (index, person) in people.enumerated() {
            #expect(try store.submit(sessionID: session.id, employeeID: person,
                                     TrainingFeedbackAnswer(usefulness: 1 + index % 5, canUse: index % 2 == 0,
                                                            comment: comments[index])) == .recorded)
        }
        try fixture.staff.temporary.database.pool.read { db in
            // The rows name no one and keep no time or counter.
            let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('training_feedback')")
                .map { $0[0] as String }
            #expect(columns == ["session_id", "random_id", "usefulness", "can_use", "comment"])
            let credentialColumns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('training_feedback_credentials')")
                .map { $0[0] as String }
            #expect(credentialColumns == ["session_id", "credential"])
            // Stored in the order of their random keys, not the order of answering.
            let stored = try String.fetchAll(db, sql: "SELECT comment FROM training_feedback WHERE session_id = ?",
                                             arguments: [session.id])
            #expect(Set(stored) == Set(comments))
            #expect(stored != comments, "eight rows in answering order by chance: 1 in 40 320")
            let keys = try Data.fetchAll(db, sql: "SELECT random_id FROM training_feedback")
            #expect(keys.count == 8 && keys.allSatisfy { $0.count == 16 } && Set(keys).count == 8)
            // Who has given feedback is eight keyed hashes: not the plain hash of any naming text, and
            // not a hash under any key but the server's.
            let credentials = try Data.fetchAll(db, sql: "SELECT credential FROM training_feedback_credentials")
            #expect(credentials.count == 8)
            let otherKey = ServerKey.generate()
            for person in people {
                let text = "session:\(session.id)|employee:\(person)"
                for guess in [Data(SHA256.hash(data: Data(text.utf8))), Data(SHA256.hash(data: Data("\(person)".utf8))),
                              otherKey.mac(.trainingFeedbackCredential, Array(text.utf8)),
                              otherKey.mac(.answerCredential, Array(text.utf8))] {
                    #expect(!credentials.contains(guess))
                }
            }
            // No table besides attendance names these people for the session, and no row holds a time
            // to line up with an attendance record.
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%feedback%'")
            #expect(Set(tables) == ["training_feedback", "training_feedback_credentials"])
        }
        // After the log is truncated, the files hold no credential's naming text.
        #expect(fixture.staff.temporary.database.scrubHistory())
        let bytes = Self.fileBytes(fixture.staff.temporary.path)
        #expect(!Self.contains(bytes, "employee:"))
        // The server, with its key, can still tell who has answered (to ask only once), never which row.
        #expect(try store.hasGiven(sessionID: session.id, employeeID: people[0]))
        #expect(try store.submit(sessionID: session.id, employeeID: people[0],
                                 TrainingFeedbackAnswer(usefulness: 5, canUse: nil, comment: "")) == .alreadyGiven)
        #expect(try store.answers(sessionIDs: [session.id])[session.id]?.count == 8)
    }
}
