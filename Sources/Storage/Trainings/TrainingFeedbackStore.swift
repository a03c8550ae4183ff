import Foundation
import GRDB

/// What happened to a feedback submission.
public enum FeedbackOutcome: Sendable, Equatable {
    case recorded
    /// The person has given feedback on this session already.
    case alreadyGiven
    /// The person was not marked present at the session: feedback is asked from attendees only.
    case notAttendee
}

/// Feedback after training sessions, kept like a survey's answers: never linked to the person.
///
/// A feedback row is keyed by the session and 16 random bytes (no rowid, no time, so neither the
/// order of rows nor a clock ties a row to an attendee). That someone has given feedback is a keyed
/// hash of the session and the employee under a key derived from the server key; without the key a
/// copy of the database cannot tell whose it is, and with it one can only tell *that* a person has
/// given feedback, never which row is theirs. Both are written in one transaction, which leaves no
/// audit line, and the write-ahead log is truncated soon after, as after a survey answer.
public struct TrainingFeedbackStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// The longest comment kept, in characters.
    public static let maximumCommentLength = 1000

    /// Records the attendee's feedback once. The attendance check, the credential and the row are one
    /// transaction, so a double submission records one answer.
    public func submit(sessionID: Int64, employeeID: Int64, _ answer: TrainingFeedbackAnswer) throws(StorageError) -> FeedbackOutcome {
        guard (1...5).contains(answer.usefulness) else { throw .invalid("Usefulness is from 1 to 5.") }
        guard answer.comment.count <= Self.maximumCommentLength else {
            throw .invalid("A comment is at most \(Self.maximumCommentLength) characters.")
        }
        let credential = credential(sessionID: sessionID, employeeID: employeeID)
        let outcome = try database.writing { db -> FeedbackOutcome in
            let attended = try Bool.fetchOne(db, sql: """
                SELECT 1 FROM training_attendance WHERE session_id = ? AND employee_id = ?
                """, arguments: [sessionID, employeeID]) ?? false
            guard attended else { return .notAttendee }
            try db.execute(sql: """
                INSERT OR IGNORE INTO training_feedback_credentials (session_id, credential) VALUES (?, ?)
                """, arguments: [sessionID, credential])
            guard db.changesCount > 0 else { return .alreadyGiven }
            try db.execute(sql: """
                INSERT INTO training_feedback (session_id, random_id, usefulness, can_use, comment) VALUES (?, ?, ?, ?, ?)
                """, arguments: [sessionID, Self.randomID(), answer.usefulness, answer.canUse, answer.comment])
            return .recorded
        }
        if outcome == .recorded { database.scrubber.schedule() }
        return outcome
    }

    /// Feedback of many attendees at once, for demo data: one transaction with prepared statements,
    /// keeping the rules of `submit` (attendees only, once each, a random key and a keyed credential).
    /// Returns how many were recorded.
    @discardableResult
    public func submitMany(_ submissions: [FeedbackSubmission]) throws(StorageError) -> Int {
        for submission in submissions {
            guard (1...5).contains(submission.answer.usefulness),
                  submission.answer.comment.count <= Self.maximumCommentLength else {
                throw .invalid("Usefulness is from 1 to 5 and a comment at most \(Self.maximumCommentLength) characters.")
            }
        }
        let credentials = submissions.map { credential(sessionID: $0.sessionID, employeeID: $0.employeeID) }
        let recorded = try database.writing { db -> Int in
            let attended = try db.makeStatement(sql: """
                SELECT 1 FROM training_attendance WHERE session_id = ? AND employee_id = ?
                """)
            let credential = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO training_feedback_credentials (session_id, credential) VALUES (?, ?)
                """)
            let answer = try db.makeStatement(sql: """
                INSERT INTO training_feedback (session_id, random_id, usefulness, can_use, comment) VALUES (?, ?, ?, ?, ?)
                """)
            var recorded = 0
            for (submission, key) in zip(submissions, credentials) {
                guard try Bool.fetchOne(attended, arguments: [submission.sessionID, submission.employeeID]) ?? false else {
                    continue
                }
                try credential.execute(arguments: [submission.sessionID, key])
                guard db.changesCount > 0 else { continue }
                try answer.execute(arguments: [submission.sessionID, Self.randomID(), submission.answer.usefulness,
                                               submission.answer.canUse, submission.answer.comment])
                recorded += 1
            }
            return recorded
        }
        if recorded > 0 { database.scrubber.schedule() }
        return recorded
    }

    /// Whether the person has given feedback on the session.
    public func hasGiven(sessionID: Int64, employeeID: Int64) throws(StorageError) -> Bool {
        let credential = credential(sessionID: sessionID, employeeID: employeeID)
        return try database.reading { db in
            try Bool.fetchOne(db, sql: """
                SELECT 1 FROM training_feedback_credentials WHERE session_id = ? AND credential = ?
                """, arguments: [sessionID, credential]) ?? false
        }
    }

    /// The answers given on these sessions, by session. Within a session they come in the order of
    /// their random keys, which says nothing; pages aggregate them through the anonymity rule.
    public func answers(sessionIDs: [Int64]) throws(StorageError) -> [Int64: [TrainingFeedbackAnswer]] {
        guard !sessionIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var answers: [Int64: [TrainingFeedbackAnswer]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT session_id, usefulness, can_use, comment FROM training_feedback
                WHERE session_id IN (SELECT value FROM json_each(?))
                """, arguments: [TrainingCatalogueStore.jsonArray(sessionIDs)]) {
                answers[row["session_id"], default: []].append(TrainingFeedbackAnswer(
                    usefulness: row["usefulness"], canUse: row["can_use"], comment: row["comment"]))
            }
            return answers
        }
    }

    /// The sessions of a series, across its trainings, earliest first (cancelled ones included).
    public func sessionIDs(seriesID: Int64) throws(StorageError) -> [Int64] {
        try database.reading { db in
            try Int64.fetchAll(db, sql: """
                SELECT s.id FROM training_sessions s JOIN trainings t ON t.id = s.training_id
                WHERE t.series_id = ? ORDER BY s.starts_at, s.id
                """, arguments: [seriesID])
        }
    }

    private func credential(sessionID: Int64, employeeID: Int64) -> Data {
        database.secrets.serverKey.mac(.trainingFeedbackCredential, Array("session:\(sessionID)|employee:\(employeeID)".utf8))
    }

    private static func randomID() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
