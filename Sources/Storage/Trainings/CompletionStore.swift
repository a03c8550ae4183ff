import Foundation
import GRDB

/// An entry of the completion history in force, with its training's title for lists.
public struct CompletionInForce: Sendable, Equatable {
    public var entry: Stored<Completion>
    public var training: Stored<Training>

    public init(entry: Stored<Completion>, training: Stored<Training>) {
        self.entry = entry
        self.training = training
    }
}

/// Attendance and the append-only completion history.
///
/// Marking someone present records attendance and an "attended" completion together; unmarking
/// removes the attendance and appends a withdrawal of that completion. Nothing in the history is
/// ever changed or deleted (the database refuses it): a correction is a new entry naming the one it
/// corrects.
/// A completion in force, as bare facts.
public struct CompletionFact: Sendable, Equatable {
    public var employeeID: Int64
    public var trainingID: Int64
    public var completedOn: String
}

public struct CompletionStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Attendance

    /// Who attended the session, with how it was recorded.
    public func attendance(sessionID: Int64) throws(StorageError) -> [Int64: AttendanceSource] {
        try database.reading { db in
            var present: [Int64: AttendanceSource] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT employee_id, source FROM training_attendance WHERE session_id = ?",
                                        arguments: [sessionID]) {
                present[row["employee_id"]] = AttendanceSource(rawValue: row["source"]) ?? .marked
            }
            return present
        }
    }

    /// Whether the person attended the session.
    public func attended(sessionID: Int64, employeeID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM training_attendance WHERE session_id = ? AND employee_id = ?",
                              arguments: [sessionID, employeeID]) ?? false
        }
    }

    /// Sets who was present among `listed` (the page's list): those in `present` are marked, the rest
    /// of `listed` unmarked. Returns how many were added and removed.
    public func markAttendance(session: Stored<TrainingSession>, listed: Set<Int64>, present: Set<Int64>,
                               source: AttendanceSource = .marked, recordedBy: Int64?, completedOn: String,
                               now: Date = Date()) throws(StorageError) -> (added: Int, removed: Int) {
        try database.writing { db in
            let before = Set(try Int64.fetchAll(db, sql: "SELECT employee_id FROM training_attendance WHERE session_id = ?",
                                                arguments: [session.id]))
            let toAdd = present.subtracting(before)
            let toRemove = listed.subtracting(present).intersection(before)
            for employee in toAdd.sorted() {
                try Self.addAttendance(db, session: session, employeeID: employee, source: source, recordedBy: recordedBy,
                                       completedOn: completedOn, now: now)
            }
            for employee in toRemove.sorted() {
                try db.execute(sql: "DELETE FROM training_attendance WHERE session_id = ? AND employee_id = ?",
                               arguments: [session.id, employee])
                if let entry = try Self.inForce(db, employeeID: employee, sessionID: session.id, kind: .attended) {
                    try Completion(employeeID: employee, trainingID: entry.trainingID, sessionID: session.id, kind: .attended,
                                   completedOn: entry.completedOn, note: "attendance unmarked", withdrawn: true,
                                   correctsID: entry.id, recordedAt: now, recordedBy: recordedBy).insert(db)
                }
            }
            return (toAdd.count, toRemove.count)
        }
    }

    /// The person's own "I was here". Returns false when they were already marked present.
    public func checkIn(session: Stored<TrainingSession>, employeeID: Int64, userID: Int64?, completedOn: String,
                       now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            let already = try Bool.fetchOne(db, sql: """
                SELECT 1 FROM training_attendance WHERE session_id = ? AND employee_id = ?
                """, arguments: [session.id, employeeID]) ?? false
            guard !already else { return false }
            try Self.addAttendance(db, session: session, employeeID: employeeID, source: .checkIn, recordedBy: userID,
                                   completedOn: completedOn, now: now)
            return true
        }
    }

    private static func addAttendance(_ db: Database, session: Stored<TrainingSession>, employeeID: Int64,
                                      source: AttendanceSource, recordedBy: Int64?, completedOn: String, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO training_attendance (session_id, employee_id, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
            """, arguments: [session.id, employeeID, source.rawValue, now, recordedBy])
        try Completion(employeeID: employeeID, trainingID: session.trainingID, sessionID: session.id, kind: .attended,
                       completedOn: completedOn, recordedAt: now, recordedBy: recordedBy).insert(db)
    }

    // MARK: - Completions

    /// Appends a completion (a watched recording, or external evidence HR approved).
    public func record(_ completion: Completion) throws(StorageError) -> Stored<Completion> {
        try database.writing { db in try completion.insertStored(db) }
    }

    /// Appends a correction of entry `correctsID`: `replacement` in its place, or a withdrawal when nil.
    /// `.conflict` when the entry was already corrected (correct the newest entry instead).
    public func correct(_ correctsID: Int64, replacement: Completion?, note: String, recordedBy: Int64?,
                        now: Date = Date()) throws(StorageError) -> Stored<Completion> {
        try database.writing(conflict: { _ in "This entry has already been corrected; correct the newest entry." }) { db in
            guard let original = try Stored<Completion>.fetchOne(db, key: correctsID) else { throw StorageError.notFound }
            var entry = replacement ?? original.record
            entry.employeeID = original.employeeID
            entry.correctsID = original.id
            entry.withdrawn = replacement == nil
            entry.note = note
            entry.recordedAt = now
            entry.recordedBy = recordedBy
            return try entry.insertStored(db)
        }
    }

    /// The person's completions in force, newest first.
    public func inForce(employeeID: Int64) throws(StorageError) -> [CompletionInForce] {
        try database.reading { db in
            let entries = try Stored<Completion>.fetchAll(db, sql: """
                SELECT c.* FROM training_completions c
                WHERE c.employee_id = ? AND c.withdrawn = 0
                  AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
                ORDER BY c.completed_on DESC, c.id DESC
                """, arguments: [employeeID])
            var trainings: [Int64: Stored<Training>] = [:]
            return try entries.compactMap { entry in
                if trainings[entry.trainingID] == nil {
                    trainings[entry.trainingID] = try Stored<Training>.fetchOne(db, key: entry.trainingID)
                }
                return trainings[entry.trainingID].map { CompletionInForce(entry: entry, training: $0) }
            }
        }
    }

    /// The completions in force (not withdrawn, not corrected) of `employeeIDs` on or after `from`,
    /// as bare facts: who, which training, which day (a group's plans read these in bulk).
    public func inForce(employeeIDs: Set<Int64>, from: String) throws(StorageError) -> [CompletionFact] {
        guard !employeeIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT c.employee_id, c.training_id, c.completed_on FROM training_completions c
                WHERE c.employee_id IN (SELECT value FROM json_each(?)) AND c.completed_on >= ? AND c.withdrawn = 0
                  AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
                """, arguments: [OnboardingStore.jsonArray(employeeIDs.sorted()), from]).map { row in
                CompletionFact(employeeID: row[0], trainingID: row[1], completedOn: row[2])
            }
        }
    }

    /// The person's whole history, corrections included, oldest first.
    public func history(employeeID: Int64) throws(StorageError) -> [Stored<Completion>] {
        try database.reading { db in
            try Stored<Completion>.filter(Column("employee_id") == employeeID).order(Column("id")).fetchAll(db)
        }
    }

    public func entry(id: Int64) throws(StorageError) -> Stored<Completion>? {
        try database.reading { db in try Stored<Completion>.fetchOne(db, key: id) }
    }

    private static func inForce(_ db: Database, employeeID: Int64, sessionID: Int64, kind: CompletionKind) throws -> Stored<Completion>? {
        try Stored<Completion>.fetchOne(db, sql: """
            SELECT c.* FROM training_completions c
            WHERE c.employee_id = ? AND c.session_id = ? AND c.kind = ? AND c.withdrawn = 0
              AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
            ORDER BY c.id DESC LIMIT 1
            """, arguments: [employeeID, sessionID, kind.rawValue])
    }
}
