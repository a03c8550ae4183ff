import Foundation
import GRDB

/// One invitation of a round, with the invited employee's HR number so generated data can find
/// its person.
public struct RoundInvitation: Sendable, Equatable {
    public let employeeID: Int64
    public let hrNumber: String
    /// The unit and job group the employee had when the round opened.
    public let unitID: Int64
    public let jobGroup: String
    /// Whether the employee has answered.
    public let answered: Bool
}

/// A completed questionnaire of an invited employee, for `SurveyBulkStore.loadResponses`.
///
/// The employee is named only so that their invitation can be marked answered (and, in an
/// identified round, the response given its owner); an anonymous response keeps nothing of them.
public struct BulkResponse: Sendable, Equatable {
    public var employeeID: Int64
    /// The day of answering, `YYYY-MM-DD`, within the round's dates.
    public var day: String
    /// Encoded as described in `AnswerString`.
    public var answers: String
    /// Area id → score, only for areas that met the half-answered rule.
    public var areaScores: [Int64: Double]
    /// Open question id → text; blank texts are left out.
    public var openAnswers: [Int64: String]

    public init(employeeID: Int64, day: String, answers: String, areaScores: [Int64: Double],
                openAnswers: [Int64: String] = [:]) {
        self.employeeID = employeeID
        self.day = day
        self.answers = answers
        self.areaScores = areaScores
        self.openAnswers = openAnswers
    }
}

/// What `SurveyBulkStore.loadResponses` stored.
public struct BulkLoadCount: Sendable, Equatable {
    public var responses = 0
    public var openAnswers = 0
    /// Responses given an owner: all of them in an identified round, none in an anonymous one.
    public var owners = 0
}

/// Survey rounds with many responses at once, for demo data and benchmarks: rounds dated in the
/// past, and the responses of a whole round in one write transaction with prepared statements.
///
/// It keeps the rules of `SurveyResponseStore.submit`: each response is sealed under a random
/// positive key (drawn again on a clash), that the employee answered is recorded only as their keyed
/// credential, an owner is stored only in an identified round, and the respondent's draft is
/// deleted. It does not ask whether the round takes answers today: it is for loading what was
/// answered while the round was open.
public struct SurveyBulkStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Creates a round and opens it at `openedAt` (which invites its population as it is now);
    /// closes it at `closedAt` when given. Returns the stored round and how many were invited.
    public func createRound(_ round: SurveyRound, scope: [RoundScope] = [], openQuestions: [LocalisedText] = [],
                            openedAt: Date, closedAt: Date? = nil)
        throws(StorageError) -> (round: Stored<SurveyRound>, invited: Int) {
        if let closedAt, closedAt < openedAt {
            throw .invalid("A round cannot close before it opens.")
        }
        let rounds = SurveyRoundStore(database)
        let created = try rounds.create(round, scope: scope, openQuestions: openQuestions)
        let roundID = created.id
        let invited = try rounds.open(roundID: roundID, at: openedAt)
        if let closedAt { try rounds.close(roundID: roundID, at: closedAt) }
        guard let stored = try rounds.round(id: roundID) else { throw .notFound }
        return (stored, invited)
    }

    /// The round's invitations in employee id order.
    public func invitations(roundID: Int64) throws(StorageError) -> [RoundInvitation] {
        let secrets = database.secrets
        return try database.reading { db in
            let answered = Set(try Data.fetchAll(db, sql: """
                SELECT credential FROM survey_answer_credentials WHERE round_id = ?
                """, arguments: [roundID]))
            return try Row.fetchAll(db, sql: """
                SELECT i.employee_id, e.hr_number, i.unit_id, i.job_group
                FROM survey_invitations i JOIN employees e ON e.id = i.employee_id
                WHERE i.round_id = ? ORDER BY i.employee_id
                """, arguments: [roundID]).map { row in
                let employeeID: Int64 = row["employee_id"]
                return RoundInvitation(
                    employeeID: employeeID, hrNumber: row["hr_number"], unitID: row["unit_id"], jobGroup: row["job_group"],
                    answered: answered.contains(secrets.answerCredential(roundID: roundID, employeeID: employeeID)))
            }
        }
    }

    /// Stores the responses of invited employees who have not answered, in one transaction: either
    /// all are stored or, when one is refused, none.
    @discardableResult
    public func loadResponses(roundID: Int64, _ responses: [BulkResponse]) throws(StorageError) -> BulkLoadCount {
        let secrets = database.secrets
        let count = try database.writing { db in
            guard let round = try Stored<SurveyRound>.fetchOne(db, key: roundID) else { throw StorageError.notFound }
            guard round.status != .draft else {
                throw StorageError.invalid("A draft round has no invitations; open it before loading responses.")
            }
            var writer = try BulkResponseWriter(db, round: round, secrets: secrets)
            for response in responses {
                try writer.write(response)
            }
            return writer.count
        }
        database.afterCommit { database.scrubber.scrubNow() }
        return count
    }
}

/// The prepared statements and lookups of one `loadResponses` transaction.
private struct BulkResponseWriter {
    let round: SurveyRound
    let roundID: Int64
    let secrets: SurveySecrets
    /// Employee id → where the response is counted; removed once answered.
    var pending: [Int64: (unitID: Int64, jobGroup: String)] = [:]
    let sectorOfUnit: [Int64: Int64?]
    let keyTaken: Statement
    let recordCredential: Statement
    let insertResponse: Statement
    let insertOwner: Statement
    let deleteDraft: Statement
    var count = BulkLoadCount()

    init(_ db: Database, round: Stored<SurveyRound>, secrets: SurveySecrets) throws {
        self.round = round.record
        self.secrets = secrets
        roundID = round.id
        let answered = Set(try Data.fetchAll(db, sql: """
            SELECT credential FROM survey_answer_credentials WHERE round_id = ?
            """, arguments: [roundID]))
        for row in try Row.fetchAll(db, sql: """
            SELECT employee_id, unit_id, job_group FROM survey_invitations WHERE round_id = ?
            """, arguments: [roundID]) {
            let employeeID: Int64 = row["employee_id"]
            if !answered.contains(secrets.answerCredential(roundID: roundID, employeeID: employeeID)) {
                pending[employeeID] = (row["unit_id"], row["job_group"])
            }
        }
        var sectors: [Int64: Int64?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT unit_id, sector_id FROM survey_round_units WHERE round_id = ?",
                                    arguments: [roundID]) {
            sectors[row["unit_id"]] = .some(row["sector_id"])
        }
        sectorOfUnit = sectors
        keyTaken = try db.makeStatement(sql: "SELECT 1 FROM survey_responses WHERE key = ?")
        recordCredential = try db.makeStatement(sql: """
            INSERT INTO survey_answer_credentials (round_id, credential) VALUES (?, ?)
            """)
        insertResponse = try db.makeStatement(sql: "INSERT INTO survey_responses (key, round_id, sealed) VALUES (?, ?, ?)")
        insertOwner = try db.makeStatement(sql: """
            INSERT INTO survey_response_owners (response_key, employee_id, submitted_on) VALUES (?, ?, ?)
            """)
        deleteDraft = try db.makeStatement(sql: "DELETE FROM survey_drafts WHERE round_id = ? AND respondent_key = ?")
    }

    mutating func write(_ response: BulkResponse) throws {
        guard Self.isDay(response.day), round.opensOn <= response.day, response.day <= round.closesOn else {
            throw StorageError.invalid(
                "\(response.day) is not a day from \(round.opensOn) to \(round.closesOn), when the round took answers.")
        }
        guard AnswerString.isValid(response.answers) else {
            throw StorageError.invalid("“\(response.answers.prefix(20))…” is not an answer string.")
        }
        guard let placement = pending.removeValue(forKey: response.employeeID) else {
            throw StorageError.invalid(
                "Employee \(response.employeeID) was not invited to round \(roundID) or has answered already.")
        }
        try recordCredential.execute(arguments: [roundID, secrets.answerCredential(roundID: roundID,
                                                                                   employeeID: response.employeeID)])
        let key = try freeKey()
        let openAnswers = response.openAnswers.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let content = ResponseContent(unitID: placement.unitID, sectorID: sectorOfUnit[placement.unitID] ?? nil,
                                      jobGroup: placement.jobGroup, answers: response.answers,
                                      areaScores: response.areaScores, openAnswers: openAnswers)
        try insertResponse.execute(arguments: [key, roundID,
                                               secrets.sealResponse(content.encoded(), roundID: roundID, key: key)])
        count.openAnswers += openAnswers.count
        if round.mode == .identified {
            try insertOwner.execute(arguments: [key, response.employeeID, response.day])
            count.owners += 1
        }
        try deleteDraft.execute(arguments: [roundID, secrets.draftKey(roundID: roundID,
                                                                      respondent: .employee(response.employeeID))])
        count.responses += 1
    }

    /// A random positive key no response has: the keys' order says nothing of the order of loading.
    private func freeKey() throws -> Int64 {
        var key = Int64.random(in: 1...Int64.max)
        while try Bool.fetchOne(keyTaken, arguments: [key]) != nil {
            key = Int64.random(in: 1...Int64.max)
        }
        return key
    }

    private static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : digits.contains(byte)
        }
    }
}

extension SurveyBulkStore {
    /// Stores one-time codes (given as their SHA-256) for a unit of a round, each with a saved draft,
    /// in one transaction: respondents ready to submit, for the submission benchmark.
    public func addCodesWithDrafts(_ codes: [(hash: Data, draft: SurveyDraft)], roundID: Int64, unitID: Int64,
                                   day: String) throws(StorageError) {
        let secrets = database.secrets
        var rows: [(stored: Data, key: Data, sealed: Data)] = []
        for code in codes {
            let key = secrets.draftKey(roundID: roundID, respondent: .code(hash: code.hash))
            guard let sealed = try? secrets.sealDraft(code.draft.encoded(), roundID: roundID, respondentKey: key) else {
                throw .sqlite("cannot seal a draft")
            }
            rows.append((secrets.storedCodeHash(code.hash), key, sealed))
        }
        try database.writing { db in
            let code = try db.makeStatement(sql: """
                INSERT INTO survey_codes (code_hash, round_id, unit_id, created_on) VALUES (?, ?, ?, ?)
                """)
            let draft = try db.makeStatement(sql: """
                INSERT INTO survey_drafts (round_id, respondent_key, sealed) VALUES (?, ?, ?)
                """)
            for row in rows {
                try code.execute(arguments: [row.stored, roundID, unitID, day])
                try draft.execute(arguments: [roundID, row.key, row.sealed])
            }
        }
    }
}
