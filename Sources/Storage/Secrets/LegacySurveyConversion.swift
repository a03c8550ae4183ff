import Foundation
import GRDB

/// Moves survey data written before migration 0005 into the sealed tables, then drops the old ones:
/// answered invitations become answering credentials, responses (with their area scores and open
/// answers) become sealed boxes under their old keys, owners of identified responses are kept,
/// drafts are re-keyed and sealed, and code hashes are re-keyed. Runs inside the migration's
/// transaction, so a failure leaves the database as it was.
struct LegacySurveyConversion {
    static let migrationIdentifier = "0005_sealed_responses"

    let secrets: SurveySecrets

    func run(_ db: Database) throws {
        try convertInvitations(db)
        try convertResponses(db)
        try convertDrafts(db)
        try convertCodes(db)
        for table in ["legacy_survey_response_owners", "legacy_survey_open_answers", "legacy_survey_area_scores",
                      "legacy_survey_responses", "legacy_survey_drafts", "legacy_survey_codes",
                      "legacy_survey_invitations"] {
            try db.execute(sql: "DROP TABLE \(table)")
        }
    }

    private func convertInvitations(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO survey_answer_credentials (round_id, credential) VALUES (?, ?)")
        for row in try Row.fetchAll(db, sql: """
            SELECT round_id, employee_id FROM legacy_survey_invitations WHERE answered_on IS NOT NULL
            """) {
            try insert.execute(arguments: [row[0], secrets.answerCredential(roundID: row[0], employeeID: row[1])])
        }
    }

    private func convertResponses(_ db: Database) throws {
        var scores: [Int64: [Int64: Double]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT response_key, area_id, score FROM legacy_survey_area_scores") {
            scores[row[0], default: [:]][row[1]] = row[2]
        }
        var openAnswers: [Int64: [Int64: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT response_key, question_id, text FROM legacy_survey_open_answers") {
            openAnswers[row[0], default: [:]][row[1]] = row[2]
        }
        let insert = try db.makeStatement(sql: "INSERT INTO survey_responses (key, round_id, sealed) VALUES (?, ?, ?)")
        for row in try Row.fetchAll(db, sql: """
            SELECT key, round_id, unit_id, sector_id, job_group, answers FROM legacy_survey_responses
            """) {
            let key: Int64 = row[0]
            let roundID: Int64 = row[1]
            let content = ResponseContent(unitID: row[2], sectorID: row[3], jobGroup: row[4], answers: row[5],
                                          areaScores: scores[key] ?? [:], openAnswers: openAnswers[key] ?? [:])
            try insert.execute(arguments: [key, roundID,
                                           secrets.sealResponse(content.encoded(), roundID: roundID, key: key)])
        }
        try db.execute(sql: """
            INSERT INTO survey_response_owners (response_key, employee_id, submitted_on)
            SELECT response_key, employee_id, submitted_on FROM legacy_survey_response_owners
            """)
    }

    private func convertDrafts(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO survey_drafts (round_id, respondent_key, sealed) VALUES (?, ?, ?)")
        for row in try Row.fetchAll(db, sql: "SELECT round_id, respondent, answers, open_answers FROM legacy_survey_drafts") {
            let roundID: Int64 = row[0]
            guard let respondent = Self.respondent(row[1]) else { continue }
            let draft = SurveyDraft(answers: row[2], openAnswers: SurveyResponseStore.decodeOpenAnswers(row[3]))
            let key = secrets.draftKey(roundID: roundID, respondent: respondent)
            try insert.execute(arguments: [roundID, key,
                                           secrets.sealDraft(draft.encoded(), roundID: roundID, respondentKey: key)])
        }
    }

    private func convertCodes(_ db: Database) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO survey_codes (code_hash, round_id, unit_id, created_on, used) VALUES (?, ?, ?, ?, ?)
            """)
        for row in try Row.fetchAll(db, sql: """
            SELECT code_hash, round_id, unit_id, created_on, used_on IS NOT NULL FROM legacy_survey_codes
            """) {
            let hash: Data = row[0]
            try insert.execute(arguments: [secrets.storedCodeHash(hash), row[1], row[2], row[3], row[4]])
        }
    }

    /// `employee:ID` or `code:HEX` (the code's SHA-256), as legacy drafts named respondents.
    static func respondent(_ text: String) -> Respondent? {
        if text.hasPrefix("employee:") { return Int64(text.dropFirst(9)).map(Respondent.employee) }
        guard text.hasPrefix("code:") else { return nil }
        let hex = Array(text.dropFirst(5))
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(hex[index...index + 1]), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return .code(hash: Data(bytes))
    }
}
