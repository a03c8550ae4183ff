import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Survey bulk loading")
struct SurveyBulkStoreTests {
    /// Noon UTC of a day, for opening and closing moments.
    private func moment(_ day: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        return try #require(formatter.date(from: day + "T12:00:00Z"))
    }

    private func pastRound(_ fixture: SurveyFixture, mode: SurveyMode, closed: Bool = true) throws -> Stored<SurveyRound> {
        try SurveyBulkStore(fixture.database).createRound(
            SurveyRound(organisationID: fixture.staff.organisationID, frameworkID: fixture.frameworkID,
                        title: "Kevät 2025", mode: mode, opensOn: "2025-03-01", closesOn: "2025-03-21"),
            openQuestions: [LocalisedText(fi: "Mitä toivot?", sv: "Vad önskar du?", en: "Wishes?")],
            openedAt: try moment("2025-03-01"), closedAt: closed ? try moment("2025-03-22") : nil).round
    }

    private func responses(_ fixture: SurveyFixture, count: Int, questionID: Int64? = nil) -> [BulkResponse] {
        fixture.people.prefix(count).enumerated().map { index, person in
            BulkResponse(employeeID: person.id, day: "2025-03-0\(index + 1)", answers: "45-3.",
                         areaScores: [1: 4.0, 2: 3.5], openAnswers: questionID.map { [$0: "Aikaa opetella."] } ?? [:])
        }
    }

    @Test func pastRoundsAreStoredOpenedAndClosedOnTheirDates() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let closed = try pastRound(fixture, mode: .anonymous)
        #expect(closed.status == .closed)
        let opened = try moment("2025-03-01"), closedAt = try moment("2025-03-22")
        #expect(closed.openedAt == opened && closed.closedAt == closedAt)
        #expect(try fixture.rounds.participation(roundID: closed.id) == (invited: 6, answered: 0))
        let open = try pastRound(fixture, mode: .anonymous, closed: false)
        #expect(open.status == .open && open.closedAt == nil)
        #expect(throws: StorageError.invalid("A round cannot close before it opens.")) {
            try SurveyBulkStore(fixture.database).createRound(
                closed.record, openedAt: try moment("2025-03-02"), closedAt: try moment("2025-03-01"))
        }
    }

    @Test func anonymousResponsesAreCountedWithRandomKeysAndNoOwner() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try pastRound(fixture, mode: .anonymous)
        let roundID = round.id
        let questionID = try #require(try fixture.rounds.openQuestions(roundID: roundID).first?.id)
        let draftOwner = Respondent.employee(fixture.people[0].id)
        let waiting = Respondent.employee(fixture.people[5].id)
        try fixture.responses.saveDraft(SurveyDraft(answers: "4"), roundID: roundID, respondent: draftOwner)
        try fixture.responses.saveDraft(SurveyDraft(answers: "3"), roundID: roundID, respondent: waiting)
        let count = try SurveyBulkStore(fixture.database).loadResponses(
            roundID: roundID, responses(fixture, count: 4, questionID: questionID))
        #expect(count == BulkLoadCount(responses: 4, openAnswers: 4, owners: 0))
        #expect(try fixture.rounds.participation(roundID: roundID) == (invited: 6, answered: 4))

        let invitations = try SurveyBulkStore(fixture.database).invitations(roundID: roundID)
        #expect(invitations.count == 6 && invitations.map(\.employeeID) == invitations.map(\.employeeID).sorted())
        #expect(invitations.filter(\.answered).count == 4)
        #expect(invitations.first?.hrNumber == "H1")

        let (keys, owners) = try fixture.database.pool.read { db in
            (try Int64.fetchAll(db, sql: "SELECT key FROM survey_responses WHERE round_id = ?", arguments: [roundID]),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_response_owners") ?? 0)
        }
        #expect(keys.count == 4 && keys.allSatisfy { $0 > 0 })
        // Random 63-bit keys: far apart, unlike a counter or a clock.
        #expect(keys.allSatisfy { $0 > 1_000_000 } && Set(keys).count == 4)
        #expect(owners == 0)
        #expect(try fixture.responses.draft(roundID: roundID, respondent: draftOwner) == nil)
        #expect(try fixture.responses.draft(roundID: roundID, respondent: waiting) == SurveyDraft(answers: "3"),
                "only the draft of one who did not answer stays")
        let data = try fixture.results.roundData(roundID: roundID)
        #expect(data.responses.map(\.unitID).sorted()
            == [fixture.unitA.id, fixture.unitA.id, fixture.unitA1.id, fixture.unitA1.id].compactMap { $0 })
        #expect(data.responses.allSatisfy { $0.areaScores.count == 2 })
        #expect(data.openAnswers.count == 4)
    }

    @Test func identifiedResponsesBelongToTheirRespondents() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try pastRound(fixture, mode: .identified)
        let roundID = round.id
        let count = try SurveyBulkStore(fixture.database).loadResponses(roundID: roundID, responses(fixture, count: 3))
        #expect(count == BulkLoadCount(responses: 3, openAnswers: 0, owners: 3))
        let owners = try fixture.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT employee_id, submitted_on FROM survey_response_owners ORDER BY employee_id")
                .map { row in "\(row["employee_id"] as Int64) \(row["submitted_on"] as String)" }
        }
        let expected = fixture.people.prefix(3).enumerated().map { "\($1.id) 2025-03-0\($0 + 1)" }
        #expect(owners == expected)
    }

    @Test func aRefusedResponseStoresNothingOfTheBatch() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try pastRound(fixture, mode: .anonymous)
        let roundID = round.id
        let bulk = SurveyBulkStore(fixture.database)
        var batch = responses(fixture, count: 2)
        batch.append(batch[0])
        #expect(throws: StorageError.invalid(
            "Employee \(fixture.people[0].id) was not invited to round \(roundID) or has answered already.")) {
            try bulk.loadResponses(roundID: roundID, batch)
        }
        var late = responses(fixture, count: 1)
        late[0].day = "2025-03-22"
        #expect(throws: StorageError.invalid(
            "2025-03-22 is not a day from 2025-03-01 to 2025-03-21, when the round took answers.")) {
            try bulk.loadResponses(roundID: roundID, late)
        }
        late[0].day = "2025-3-2"
        #expect(throws: StorageError.self) { try bulk.loadResponses(roundID: roundID, late) }
        #expect(try fixture.rounds.participation(roundID: roundID) == (invited: 6, answered: 0))
        #expect(try fixture.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_responses") } == 0)

        try bulk.loadResponses(roundID: roundID, responses(fixture, count: 1))
        #expect(throws: StorageError.self) { try bulk.loadResponses(roundID: roundID, responses(fixture, count: 1)) }

        let draft = try fixture.rounds.create(
            SurveyRound(organisationID: fixture.staff.organisationID, frameworkID: fixture.frameworkID, title: "Luonnos",
                        mode: .anonymous, opensOn: "2025-03-01", closesOn: "2025-03-21"),
            scope: [], openQuestions: [])
        #expect(throws: StorageError.invalid("A draft round has no invitations; open it before loading responses.")) {
            try bulk.loadResponses(roundID: draft.id, responses(fixture, count: 1))
        }
    }

    @Test func tenThousandResponsesLoadInOneTransaction() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let people = (0..<10_000).map { index in
            ImportedEmployee(hrNumber: String(200_000 + index), firstName: "Etu", lastName: "Suku\(index)",
                             sectorName: "Varhaiskasvatus", unitName: "Yksikkö \(index % 400)",
                             jobGroup: index % 3 == 0 ? "Opettajat" : "Hoitajat", startDate: "2020-01-01")
        }
        _ = try staff.imports.apply(EmployeeImportBatch(organisationID: staff.organisationID, employees: people,
                                                        deactivateMissing: false, today: "2025-01-01"))
        let frameworkID = try #require(try FrameworkStore(staff.temporary.database)
            .frameworks(organisationID: staff.organisationID).first { $0.status == .published }?.id)
        let bulk = SurveyBulkStore(staff.temporary.database)
        let round = try bulk.createRound(
            SurveyRound(organisationID: staff.organisationID, frameworkID: frameworkID, title: "Iso kysely",
                        mode: .anonymous, opensOn: "2025-03-01", closesOn: "2025-03-21"),
            openedAt: try moment("2025-03-01"), closedAt: try moment("2025-03-22"))
        #expect(round.invited == 10_000)
        let answers = String(repeating: "4", count: 55)
        let scores: [Int64: Double] = Dictionary(uniqueKeysWithValues: (1...9).map { (Int64($0), 4.0) })
        let batch = try bulk.invitations(roundID: round.round.id).enumerated().map { index, invitation in
            BulkResponse(employeeID: invitation.employeeID, day: "2025-03-\(10 + index % 10)", answers: answers,
                         areaScores: scores)
        }
        let started = Date()
        let count = try bulk.loadResponses(roundID: round.round.id, batch)
        print("SurveyBulkStore: 10,000 responses with 9 area scores each in "
            + String(format: "%.2f", Date().timeIntervalSince(started)) + " s")
        #expect(count.responses == 10_000)
        #expect(try SurveyRoundStore(staff.temporary.database).participation(roundID: round.round.id)
            == (invited: 10_000, answered: 10_000))
    }
}
