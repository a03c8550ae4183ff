import Foundation
import GRDB

/// Answering a round: drafts, the one submission per respondent, and one-time codes.
///
/// Anonymity rests on what `submit` writes. A response is one sealed box (unit, sector, job group,
/// answers, open answers) under a random key; that an employee has answered is a keyed hash of the
/// round and the employee, with no day and no cell; a code is marked used; the respondent's draft,
/// stored under a keyed hash and sealed, is deleted. Without the server key none of these can be
/// tied to each other or to anyone, and the write-ahead log is truncated soon after.
public struct SurveyResponseStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    private var secrets: SurveySecrets { database.secrets }

    public func draft(roundID: Int64, respondent: Respondent) throws(StorageError) -> SurveyDraft? {
        let key = secrets.draftKey(roundID: roundID, respondent: respondent)
        let sealed = try database.reading { db in
            try Data.fetchOne(db.cachedStatement(sql: """
                SELECT sealed FROM survey_drafts WHERE round_id = ? AND respondent_key = ?
                """), arguments: [roundID, key])
        }
        // A draft that cannot be opened (written with another key) is as good as none.
        return sealed.flatMap { try? secrets.openDraft($0, roundID: roundID, respondentKey: key) }
            .flatMap(SurveyDraft.init(encoded:))
    }

    /// Saves answers to continue later; only while the respondent has not answered.
    public func saveDraft(_ draft: SurveyDraft, roundID: Int64, respondent: Respondent) throws(StorageError) {
        guard AnswerString.isValid(draft.answers) else { throw .invalid("The answers are not an answer string.") }
        let key = secrets.draftKey(roundID: roundID, respondent: respondent)
        let sealed: Data
        do {
            sealed = try secrets.sealDraft(draft.encoded(), roundID: roundID, respondentKey: key)
        } catch {
            throw .sqlite("cannot seal a draft: \(error)")
        }
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO survey_drafts (round_id, respondent_key, sealed) VALUES (?, ?, ?)
                ON CONFLICT (round_id, respondent_key) DO UPDATE SET sealed = excluded.sealed
                """, arguments: [roundID, key, sealed])
        }
    }

    /// Stores a response once per respondent, in one transaction that also records that the
    /// respondent has answered and deletes their draft.
    public func submit(_ submission: ResponseSubmission) throws(StorageError) -> SubmissionOutcome {
        let secrets = self.secrets
        let outcome = try database.writing { db in
            guard let round = try Stored<SurveyRound>.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM survey_rounds WHERE id = ?"), arguments: [submission.roundID]),
                  round.acceptsAnswers(on: submission.day) else { return SubmissionOutcome.notAccepted }
            let placement: Placement
            switch try Self.claim(db, submission.respondent, roundID: submission.roundID, secrets: secrets) {
            case .placed(let claimed): placement = claimed
            case .answered: return .alreadyAnswered
            case .refused: return .notAccepted
            }
            let key = try Self.insertResponse(db, submission, placement, secrets: secrets)
            if round.mode == .identified, case .employee(let employeeID) = submission.respondent {
                try db.cachedStatement(sql: """
                    INSERT INTO survey_response_owners (response_key, employee_id, submitted_on) VALUES (?, ?, ?)
                    """).execute(arguments: [key, employeeID, submission.day])
            }
            try db.cachedStatement(sql: "DELETE FROM survey_drafts WHERE round_id = ? AND respondent_key = ?")
                .execute(arguments: [submission.roundID,
                                     secrets.draftKey(roundID: submission.roundID, respondent: submission.respondent)])
            return .recorded(responseKey: key)
        }
        if case .recorded = outcome { database.scrubber.schedule() }
        return outcome
    }

    /// Whether an employee has answered a round (their credential is recorded).
    public func hasAnswered(roundID: Int64, employeeID: Int64) throws(StorageError) -> Bool {
        let credential = secrets.answerCredential(roundID: roundID, employeeID: employeeID)
        return try database.reading { db in
            try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM survey_answer_credentials WHERE round_id = ? AND credential = ?)
                """), arguments: [roundID, credential]) ?? false
        }
    }

    /// Where a response is counted: the respondent's unit and job group when the round opened.
    struct Placement {
        var unitID: Int64
        var jobGroup: String
    }

    enum Claim {
        case placed(Placement)
        case answered
        case refused
    }

    /// Records that the respondent has answered, or says why they cannot answer.
    private static func claim(_ db: Database, _ respondent: Respondent, roundID: Int64,
                              secrets: SurveySecrets) throws -> Claim {
        switch respondent {
        case .employee(let employeeID):
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT unit_id, job_group FROM survey_invitations WHERE round_id = ? AND employee_id = ?
                """), arguments: [roundID, employeeID]) else { return .refused }
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO survey_answer_credentials (round_id, credential) VALUES (?, ?)
                """).execute(arguments: [roundID, secrets.answerCredential(roundID: roundID, employeeID: employeeID)])
            if db.changesCount == 0 { return .answered }
            return .placed(Placement(unitID: row["unit_id"], jobGroup: row["job_group"]))
        case .code(let hash):
            let stored = secrets.storedCodeHash(hash)
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT unit_id, used FROM survey_codes WHERE code_hash = ? AND round_id = ?
                """), arguments: [stored, roundID]) else { return .refused }
            if row["used"] as Bool { return .answered }
            try db.cachedStatement(sql: "UPDATE survey_codes SET used = 1 WHERE code_hash = ?").execute(arguments: [stored])
            return .placed(Placement(unitID: row["unit_id"], jobGroup: ""))
        }
    }

    private static func insertResponse(_ db: Database, _ submission: ResponseSubmission, _ placement: Placement,
                                       secrets: SurveySecrets) throws -> Int64 {
        // The sector as it was when the round opened, like the rest of the unit tree.
        let sectorID = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT sector_id FROM survey_round_units WHERE round_id = ? AND unit_id = ?
            """), arguments: [submission.roundID, placement.unitID])
        guard AnswerString.isValid(submission.answers) else {
            throw StorageError.invalid("The answers are not an answer string.")
        }
        let key = try freeKey(db)
        let content = ResponseContent(
            unitID: placement.unitID, sectorID: sectorID, jobGroup: placement.jobGroup, answers: submission.answers,
            areaScores: submission.areaScores,
            openAnswers: submission.openAnswers.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
        try db.cachedStatement(sql: "INSERT INTO survey_responses (key, round_id, sealed) VALUES (?, ?, ?)")
            .execute(arguments: [key, submission.roundID,
                                 secrets.sealResponse(content.encoded(), roundID: submission.roundID, key: key)])
        return key
    }

    /// A random positive key no response has: the keys' order says nothing of the order of answering.
    static func freeKey(_ db: Database) throws -> Int64 {
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM survey_responses WHERE key = ?")
        var key = Int64.random(in: 1...Int64.max)
        while try Bool.fetchOne(taken, arguments: [key]) != nil {
            key = Int64.random(in: 1...Int64.max)
        }
        return key
    }

    // MARK: One-time codes

    /// Stores new codes for a unit of a round, each as a keyed hash of its SHA-256.
    public func addCodes(hashes: [Data], roundID: Int64, unitID: Int64, day: String) throws(StorageError) {
        let stored = hashes.map(secrets.storedCodeHash)
        try database.writing { db in
            for hash in stored {
                try db.execute(sql: """
                    INSERT INTO survey_codes (code_hash, round_id, unit_id, created_on) VALUES (?, ?, ?, ?)
                    """, arguments: [hash, roundID, unitID, day])
            }
        }
    }

    /// Stores new codes for several units of a round in one transaction (one print of a unit with
    /// its sub-units): all of them or none.
    public func addCodes(hashesByUnit: [(unitID: Int64, hashes: [Data])], roundID: Int64, day: String) throws(StorageError) {
        let stored = hashesByUnit.map { (unitID: $0.unitID, hashes: $0.hashes.map(secrets.storedCodeHash)) }
        try database.writing { db in
            for (unitID, hashes) in stored {
                for hash in hashes {
                    try db.execute(sql: """
                        INSERT INTO survey_codes (code_hash, round_id, unit_id, created_on) VALUES (?, ?, ?, ?)
                        """, arguments: [hash, roundID, unitID, day])
                }
            }
        }
    }

    /// The round and unit a code (given as its SHA-256) opens, and whether it has been used.
    public func code(hash: Data) throws(StorageError) -> (roundID: Int64, unitID: Int64, used: Bool)? {
        let stored = secrets.storedCodeHash(hash)
        return try database.reading { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT round_id, unit_id, used FROM survey_codes WHERE code_hash = ?
                """), arguments: [stored]) else { return nil }
            return (row["round_id"], row["unit_id"], row["used"])
        }
    }

    /// Codes made and used per unit of a round.
    public func codeCounts(roundID: Int64) throws(StorageError) -> [Int64: (created: Int, used: Int)] {
        try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT unit_id, count(*) AS created, sum(used) AS used FROM survey_codes
                WHERE round_id = ? GROUP BY unit_id
                """, arguments: [roundID])
            var counts: [Int64: (created: Int, used: Int)] = [:]
            for row in rows { counts[row["unit_id"]] = (row["created"], row["used"]) }
            return counts
        }
    }

    // MARK: Open answers in drafts

    static func encodeOpenAnswers(_ answers: [Int64: String]) -> String {
        let keyed = Dictionary(uniqueKeysWithValues: answers.map { (String($0.key), $0.value) })
        guard let data = try? JSONSerialization.data(withJSONObject: keyed, options: [.sortedKeys]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    static func decodeOpenAnswers(_ text: String) -> [Int64: String] {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else { return [:] }
        var answers: [Int64: String] = [:]
        for (key, value) in object {
            if let id = Int64(key) { answers[id] = value }
        }
        return answers
    }
}
