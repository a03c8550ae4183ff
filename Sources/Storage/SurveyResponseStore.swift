import Foundation
import GRDB

/// Answering a round: drafts, the one submission per respondent, and one-time codes.
///
/// Anonymity rests on what `submit` writes: in an anonymous round the response row holds the round,
/// unit, sector and job group under a random key, and the only trace of the person is the day in
/// their invitation (or code). Nothing written here shares a key, an order or a clock with both.
public struct SurveyResponseStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func draft(roundID: Int64, respondent: Respondent) throws(StorageError) -> SurveyDraft? {
        try database.reading { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT answers, open_answers FROM survey_drafts WHERE round_id = ? AND respondent = ?
                """), arguments: [roundID, respondent.draftKey]) else { return nil }
            return SurveyDraft(answers: row["answers"], openAnswers: Self.decodeOpenAnswers(row["open_answers"]))
        }
    }

    /// Saves answers to continue later; only while the respondent has not answered.
    public func saveDraft(_ draft: SurveyDraft, roundID: Int64, respondent: Respondent, day: String)
        throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO survey_drafts (round_id, respondent, answers, open_answers, updated_on)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (round_id, respondent)
                DO UPDATE SET answers = excluded.answers, open_answers = excluded.open_answers,
                              updated_on = excluded.updated_on
                """, arguments: [roundID, respondent.draftKey, draft.answers,
                                 Self.encodeOpenAnswers(draft.openAnswers), day])
        }
    }

    /// Stores a response once per respondent, in one transaction that also marks the respondent as
    /// answered (by day only) and deletes their draft.
    public func submit(_ submission: ResponseSubmission) throws(StorageError) -> SubmissionOutcome {
        try database.writing { db in
            guard let round = try SurveyRound.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM survey_rounds WHERE id = ?"), arguments: [submission.roundID]),
                  round.acceptsAnswers(on: submission.day) else { return .notAccepted }
            let placement: Placement
            switch try Self.claim(db, submission.respondent, roundID: submission.roundID, day: submission.day) {
            case .placed(let claimed): placement = claimed
            case .answered: return .alreadyAnswered
            case .refused: return .notAccepted
            }
            let key = try Self.insertResponse(db, submission, placement)
            if round.mode == .identified, case .employee(let employeeID) = submission.respondent {
                try db.cachedStatement(sql: """
                    INSERT INTO survey_response_owners (response_key, employee_id, submitted_on) VALUES (?, ?, ?)
                    """).execute(arguments: [key, employeeID, submission.day])
            }
            try db.cachedStatement(sql: "DELETE FROM survey_drafts WHERE round_id = ? AND respondent = ?")
                .execute(arguments: [submission.roundID, submission.respondent.draftKey])
            return .recorded(responseKey: key)
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

    /// Marks the respondent as answered, or says why they cannot answer.
    private static func claim(_ db: Database, _ respondent: Respondent, roundID: Int64, day: String) throws -> Claim {
        switch respondent {
        case .employee(let employeeID):
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT unit_id, job_group, answered_on FROM survey_invitations WHERE round_id = ? AND employee_id = ?
                """), arguments: [roundID, employeeID]) else { return .refused }
            if (row["answered_on"] as String?) != nil { return .answered }
            try db.cachedStatement(sql: "UPDATE survey_invitations SET answered_on = ? WHERE round_id = ? AND employee_id = ?")
                .execute(arguments: [day, roundID, employeeID])
            return .placed(Placement(unitID: row["unit_id"], jobGroup: row["job_group"]))
        case .code(let hash):
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT unit_id, used_on FROM survey_codes WHERE code_hash = ? AND round_id = ?
                """), arguments: [hash, roundID]) else { return .refused }
            if (row["used_on"] as String?) != nil { return .answered }
            try db.cachedStatement(sql: "UPDATE survey_codes SET used_on = ? WHERE code_hash = ?")
                .execute(arguments: [day, hash])
            return .placed(Placement(unitID: row["unit_id"], jobGroup: ""))
        }
    }

    private static func insertResponse(_ db: Database, _ submission: ResponseSubmission,
                                       _ placement: Placement) throws -> Int64 {
        let sectorID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT sector_id FROM units WHERE id = ?"),
                                          arguments: [placement.unitID])
        var key = Int64.random(in: 1...Int64.max)
        let taken = try db.cachedStatement(sql: "SELECT 1 FROM survey_responses WHERE key = ?")
        while try Bool.fetchOne(taken, arguments: [key]) != nil {
            key = Int64.random(in: 1...Int64.max)
        }
        try db.cachedStatement(sql: """
            INSERT INTO survey_responses (key, round_id, unit_id, sector_id, job_group, answers)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [key, submission.roundID, placement.unitID, sectorID, placement.jobGroup,
                                     submission.answers])
        let score = try db.cachedStatement(sql: "INSERT INTO survey_area_scores (response_key, area_id, score) VALUES (?, ?, ?)")
        for (areaID, value) in submission.areaScores {
            try score.execute(arguments: [key, areaID, value])
        }
        for (questionID, text) in submission.openAnswers
        where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try db.cachedStatement(sql: "INSERT INTO survey_open_answers (response_key, question_id, text) VALUES (?, ?, ?)")
                .execute(arguments: [key, questionID, text])
        }
        return key
    }

    // MARK: One-time codes

    /// Stores the hashes of new codes for a unit of a round.
    public func addCodes(hashes: [Data], roundID: Int64, unitID: Int64, day: String) throws(StorageError) {
        try database.writing { db in
            for hash in hashes {
                try db.execute(sql: """
                    INSERT INTO survey_codes (code_hash, round_id, unit_id, created_on) VALUES (?, ?, ?, ?)
                    """, arguments: [hash, roundID, unitID, day])
            }
        }
    }

    /// The round and unit a code opens, and whether it has been used.
    public func code(hash: Data) throws(StorageError) -> (roundID: Int64, unitID: Int64, used: Bool)? {
        try database.reading { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT round_id, unit_id, used_on IS NOT NULL AS used FROM survey_codes WHERE code_hash = ?
                """), arguments: [hash]) else { return nil }
            return (row["round_id"], row["unit_id"], row["used"])
        }
    }

    /// Codes made and used per unit of a round.
    public func codeCounts(roundID: Int64) throws(StorageError) -> [Int64: (created: Int, used: Int)] {
        try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT unit_id, count(*) AS created, count(used_on) AS used FROM survey_codes
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
