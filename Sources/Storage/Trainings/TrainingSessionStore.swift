import Foundation
import GRDB

/// A session with its training, as lists show them.
public struct SessionListing: Sendable, Equatable {
    public var session: Stored<TrainingSession>
    public var training: Stored<Training>

    public init(session: Stored<TrainingSession>, training: Stored<Training>) {
        self.session = session
        self.training = training
    }
}

/// Sessions of trainings: scheduling, changes (each one raises the iCalendar sequence), cancelling
/// (the record stays), copying to new dates, and the lists the calendar pages show.
public struct TrainingSessionStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func session(id: Int64) throws(StorageError) -> Stored<TrainingSession>? {
        try database.reading { db in try Stored<TrainingSession>.fetchOne(db, key: id) }
    }

    /// The session with its training.
    public func listing(sessionID: Int64) throws(StorageError) -> SessionListing? {
        try database.reading { db in
            guard let session = try Stored<TrainingSession>.fetchOne(db, key: sessionID),
                  let training = try Stored<Training>.fetchOne(db, key: session.trainingID) else { return nil }
            return SessionListing(session: session, training: training)
        }
    }

    /// Every session of a training, earliest first.
    public func sessions(trainingID: Int64) throws(StorageError) -> [Stored<TrainingSession>] {
        try database.reading { db in
            try Stored<TrainingSession>.filter(Column("training_id") == trainingID)
                .order(Column("starts_at"), Column("id")).fetchAll(db)
        }
    }

    /// Sessions of trainings the organisation's people may see, starting in `from..<until`, earliest
    /// first; cancelled ones included (pages say they are cancelled).
    public func sessions(visibleTo organisationID: Int64, from: Date, until: Date,
                         seriesID: Int64? = nil) throws(StorageError) -> [SessionListing] {
        try database.reading { db in
            try Self.listings(db, where: """
                s.starts_at >= :from AND s.starts_at < :until
                AND (t.organisation_id = :organisation
                     OR t.id IN (SELECT training_id FROM training_offers WHERE organisation_id = :organisation))
                AND (:series IS NULL OR t.series_id = :series)
                """, arguments: ["from": from, "until": until, "organisation": organisationID, "series": seriesID])
        }
    }

    /// Held sessions of trainings the organisation sees whose recording can be watched on `today`
    /// (a Helsinki date), newest first.
    public func recordings(visibleTo organisationID: Int64, today: String, now: Date = Date()) throws(StorageError) -> [SessionListing] {
        try database.reading { db in
            try Self.listings(db, where: """
                s.recording_url IS NOT NULL AND (s.recording_until IS NULL OR s.recording_until >= :today)
                AND s.starts_at <= :now AND t.active = 1
                AND (t.organisation_id = :organisation
                     OR t.id IN (SELECT training_id FROM training_offers WHERE organisation_id = :organisation))
                """, arguments: ["today": today, "now": now, "organisation": organisationID]).reversed()
        }
    }

    /// The sessions with these ids, with their trainings, earliest first.
    public func listings(sessionIDs: [Int64]) throws(StorageError) -> [SessionListing] {
        guard !sessionIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Self.listings(db, where: "s.id IN (SELECT value FROM json_each(:ids))",
                              arguments: ["ids": TrainingCatalogueStore.jsonArray(sessionIDs)])
        }
    }

    static func listings(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [SessionListing] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.*, t.id AS t_id FROM training_sessions s JOIN trainings t ON t.id = s.training_id
            WHERE \(condition) ORDER BY s.starts_at, s.id
            """, arguments: arguments)
        var trainings: [Int64: Stored<Training>] = [:]
        var result: [SessionListing] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            let session = try Stored<TrainingSession>(row: row)
            let trainingID: Int64 = row["t_id"]
            if trainings[trainingID] == nil { trainings[trainingID] = try Stored<Training>.fetchOne(db, key: trainingID) }
            guard let training = trainings[trainingID] else { continue }
            result.append(SessionListing(session: session, training: training))
        }
        return result
    }

    /// The units a session is for (each with its sub-units); empty means the whole organisation.
    public func targetUnits(sessionID: Int64) throws(StorageError) -> [Int64] {
        try database.reading { db in
            try Int64.fetchAll(db, sql: "SELECT unit_id FROM training_session_units WHERE session_id = ? ORDER BY unit_id",
                               arguments: [sessionID])
        }
    }

    /// Target units of many sessions, by session id (sessions for the whole organisation left out).
    public func targetUnits(sessionIDs: [Int64]) throws(StorageError) -> [Int64: [Int64]] {
        guard !sessionIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var units: [Int64: [Int64]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT session_id, unit_id FROM training_session_units WHERE session_id IN (SELECT value FROM json_each(?))
                """, arguments: [TrainingCatalogueStore.jsonArray(sessionIDs)]) {
                units[row["session_id"], default: []].append(row["unit_id"])
            }
            return units
        }
    }

    /// Schedules a session for the given target units.
    public func create(_ session: TrainingSession, unitIDs: [Int64]) throws(StorageError) -> Stored<TrainingSession> {
        try database.writing { db in
            let stored = try session.insertStored(db)
            try Self.replaceUnits(db, sessionID: stored.id, unitIDs)
            return stored
        }
    }

    /// Saves a changed session and its target units, raising its sequence so calendars update.
    /// `.invalid` when the capacity is below the number already enrolled.
    public func update(_ session: Stored<TrainingSession>, unitIDs: [Int64], now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            if let capacity = session.capacity {
                let enrolled = try Self.enrolledCount(db, sessionID: session.id)
                if capacity < enrolled { throw StorageError.invalid("capacity below enrolled: \(enrolled)") }
            }
            var changed = session
            changed.sequence += 1
            changed.updatedAt = now
            try changed.update(db)
            try Self.replaceUnits(db, sessionID: session.id, unitIDs)
        }
    }

    /// Cancels a session, keeping its record, enrolments and the reason.
    public func cancel(sessionID: Int64, reason: String, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE training_sessions SET status = 'cancelled', cancel_reason = ?, cancelled_at = ?,
                    sequence = sequence + 1, updated_at = ?
                WHERE id = ? AND status = 'scheduled'
                """, arguments: [reason, now, now, sessionID])
            try db.requireChange()
        }
    }

    /// How many hold a place (the waiting list not counted).
    public func enrolledCount(sessionID: Int64) throws(StorageError) -> Int {
        try database.reading { db in try Self.enrolledCount(db, sessionID: sessionID) }
    }

    /// Enrolled (not waiting) counts of many sessions, by session id.
    public func enrolledCounts(sessionIDs: [Int64]) throws(StorageError) -> [Int64: Int] {
        guard !sessionIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT session_id, count(*) AS n FROM training_enrolments
                WHERE state = 'enrolled' AND session_id IN (SELECT value FROM json_each(?)) GROUP BY session_id
                """, arguments: [TrainingCatalogueStore.jsonArray(sessionIDs)]) {
                counts[row["session_id"]] = row["n"]
            }
            return counts
        }
    }

    static func enrolledCount(_ db: Database, sessionID: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM training_enrolments WHERE session_id = ? AND state = 'enrolled'",
                         arguments: [sessionID]) ?? 0
    }

    private static func replaceUnits(_ db: Database, sessionID: Int64, _ unitIDs: [Int64]) throws {
        try db.execute(sql: "DELETE FROM training_session_units WHERE session_id = ?", arguments: [sessionID])
        for unit in Set(unitIDs) {
            try db.execute(sql: "INSERT INTO training_session_units (session_id, unit_id) VALUES (?, ?)",
                           arguments: [sessionID, unit])
        }
    }
}
