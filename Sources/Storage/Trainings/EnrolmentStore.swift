import Foundation
import GRDB

/// What happened when someone asked for a place.
public enum EnrolOutcome: Sendable, Equatable {
    case enrolled
    /// The session is full: on the waiting list, at this position (1 = next).
    case waiting(position: Int)
    case alreadyEnrolled
    case alreadyWaiting(position: Int)
}

/// Places on registration and assigned sessions, the waiting list with automatic promotion, and the
/// open sessions people follow in their calendar.
public struct EnrolmentStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Takes a place for `employeeID`, or a place on the waiting list when the session is full. The
    /// count and the insert are one write transaction, so two people cannot take the last place.
    public func enrol(sessionID: Int64, employeeID: Int64, kind: EnrolmentKind = .registered, assignedBy: Int64? = nil,
                      now: Date = Date()) throws(StorageError) -> EnrolOutcome {
        try database.writing { db in
            guard let session = try Stored<TrainingSession>.fetchOne(db, key: sessionID) else { throw StorageError.notFound }
            let existing = try Enrolment.fetchOne(db, sql: """
                SELECT * FROM training_enrolments WHERE session_id = ? AND employee_id = ?
                """, arguments: [sessionID, employeeID])
            switch existing?.state {
            case .enrolled?: return .alreadyEnrolled
            case .waiting?: return .alreadyWaiting(position: try Self.position(db, sessionID, employeeID))
            case .cancelled?, nil: break
            }
            let enrolled = try TrainingSessionStore.enrolledCount(db, sessionID: sessionID)
            let waitingAhead = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM training_enrolments WHERE session_id = ? AND state = 'waiting'
                """, arguments: [sessionID]) ?? 0
            let full = session.capacity.map { enrolled >= $0 } ?? false
            // Someone already waiting goes first: a freed place is never taken past the queue.
            let state: EnrolmentState = full || waitingAhead > 0 ? .waiting : .enrolled
            let record = Enrolment(sessionID: sessionID, employeeID: employeeID, kind: kind, state: state,
                                   enrolledAt: now, changedAt: now, assignedBy: assignedBy)
            try record.save(db)
            return state == .enrolled ? .enrolled : .waiting(position: waitingAhead + 1)
        }
    }

    /// Gives up a place or a place in the queue. A freed place goes to the first waiting, in the
    /// same transaction; returns who was promoted.
    @discardableResult
    public func cancel(sessionID: Int64, employeeID: Int64, now: Date = Date()) throws(StorageError) -> [Int64] {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE training_enrolments SET state = 'cancelled', changed_at = ?
                WHERE session_id = ? AND employee_id = ? AND state <> 'cancelled'
                """, arguments: [now, sessionID, employeeID])
            try db.requireChange()
            return try Self.promote(db, sessionID: sessionID, now: now)
        }
    }

    /// Fills free places from the waiting list, first come first served (after a cancellation or a
    /// raised capacity). Returns the promoted employees.
    @discardableResult
    public func promoteWaiting(sessionID: Int64, now: Date = Date()) throws(StorageError) -> [Int64] {
        try database.writing { db in try Self.promote(db, sessionID: sessionID, now: now) }
    }

    static func promote(_ db: Database, sessionID: Int64, now: Date) throws -> [Int64] {
        guard let session = try Stored<TrainingSession>.fetchOne(db, key: sessionID) else { return [] }
        let enrolled = try TrainingSessionStore.enrolledCount(db, sessionID: sessionID)
        let free = session.capacity.map { max(0, $0 - enrolled) } ?? Int.max
        guard free > 0 else { return [] }
        let waiting = try Int64.fetchAll(db, sql: """
            SELECT employee_id FROM training_enrolments WHERE session_id = ? AND state = 'waiting'
            ORDER BY enrolled_at, employee_id LIMIT ?
            """, arguments: [sessionID, min(free, 100_000)])
        for employee in waiting {
            try db.execute(sql: """
                UPDATE training_enrolments SET state = 'enrolled', changed_at = ? WHERE session_id = ? AND employee_id = ?
                """, arguments: [now, sessionID, employee])
        }
        return waiting
    }

    private static func position(_ db: Database, _ sessionID: Int64, _ employeeID: Int64) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM training_enrolments w, training_enrolments me
            WHERE me.session_id = ? AND me.employee_id = ? AND w.session_id = me.session_id AND w.state = 'waiting'
              AND (w.enrolled_at < me.enrolled_at OR (w.enrolled_at = me.enrolled_at AND w.employee_id <= me.employee_id))
            """, arguments: [sessionID, employeeID]) ?? 0
    }

    /// The person's place on the session's list, if any (cancelled ones included).
    public func enrolment(sessionID: Int64, employeeID: Int64) throws(StorageError) -> Enrolment? {
        try database.reading { db in
            try Enrolment.fetchOne(db, sql: "SELECT * FROM training_enrolments WHERE session_id = ? AND employee_id = ?",
                                   arguments: [sessionID, employeeID])
        }
    }

    /// The waiting-list position of someone waiting (1 = next), or nil.
    public func waitingPosition(sessionID: Int64, employeeID: Int64) throws(StorageError) -> Int? {
        try database.reading { db in
            guard let record = try Enrolment.fetchOne(db, sql: """
                SELECT * FROM training_enrolments WHERE session_id = ? AND employee_id = ?
                """, arguments: [sessionID, employeeID]), record.state == .waiting else { return nil }
            return try Self.position(db, sessionID, employeeID)
        }
    }

    /// Everyone on the session's list (enrolled and waiting), in queue order.
    public func list(sessionID: Int64) throws(StorageError) -> [Enrolment] {
        try database.reading { db in
            try Enrolment.fetchAll(db, sql: """
                SELECT * FROM training_enrolments WHERE session_id = ? AND state <> 'cancelled'
                ORDER BY state, enrolled_at, employee_id
                """, arguments: [sessionID])
        }
    }

    /// The person's places and queue places, any session.
    public func enrolments(employeeID: Int64) throws(StorageError) -> [Enrolment] {
        try database.reading { db in
            try Enrolment.fetchAll(db, sql: """
                SELECT * FROM training_enrolments WHERE employee_id = ? AND state <> 'cancelled'
                """, arguments: [employeeID])
        }
    }

    // MARK: - Following open sessions

    public func follow(sessionID: Int64, employeeID: Int64, _ following: Bool) throws(StorageError) {
        try database.writing { db in
            if following {
                try db.execute(sql: "INSERT OR IGNORE INTO training_follows (employee_id, session_id) VALUES (?, ?)",
                               arguments: [employeeID, sessionID])
            } else {
                try db.execute(sql: "DELETE FROM training_follows WHERE employee_id = ? AND session_id = ?",
                               arguments: [employeeID, sessionID])
            }
        }
    }

    /// The open sessions the person follows.
    public func followed(employeeID: Int64) throws(StorageError) -> Set<Int64> {
        try database.reading { db in
            Set(try Int64.fetchAll(db, sql: "SELECT session_id FROM training_follows WHERE employee_id = ?",
                                   arguments: [employeeID]))
        }
    }
}
