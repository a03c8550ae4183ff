import Foundation
import GRDB

/// One stored counter of failed attempts: how many failures (a fraction once some have decayed) as of
/// the last failure.
public struct AttemptCount: Sendable, Equatable {
    public var failures: Double
    public var lastFailure: Date

    public init(failures: Double, lastFailure: Date) {
        self.failures = failures
        self.lastFailure = lastFailure
    }
}

/// Where the throttles keep their counters, so a restart does not wipe the slate for a guesser.
/// Keys arrive hashed; this store never sees a login or an address.
public struct AttemptCounterStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Every counter of `kind`, by hashed key.
    public func counters(kind: String) throws(StorageError) -> [String: AttemptCount] {
        try database.reading { db in
            var found: [String: AttemptCount] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT key_hash, failures, last_failure_at FROM attempt_counters WHERE kind = ?",
                arguments: [kind])
            while let row = try rows.next() {
                found[row[0]] = AttemptCount(failures: row[1], lastFailure: Date(timeIntervalSince1970: row[2]))
            }
            return found
        }
    }

    public func save(kind: String, keyHash: String, _ count: AttemptCount) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO attempt_counters (kind, key_hash, failures, last_failure_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, key_hash) DO UPDATE SET failures = excluded.failures,
                                                           last_failure_at = excluded.last_failure_at
                """, arguments: [kind, keyHash, count.failures, count.lastFailure.timeIntervalSince1970])
        }
    }

    public func delete(kind: String, keyHash: String) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM attempt_counters WHERE kind = ? AND key_hash = ?", arguments: [kind, keyHash])
        }
    }

    /// Deletes the counters of `kind` that have decayed to nothing by `now`, one failure being forgiven
    /// every `forgiveOneEvery` seconds.
    public func deleteDecayed(kind: String, forgiveOneEvery: TimeInterval, now: Date) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                DELETE FROM attempt_counters WHERE kind = ? AND last_failure_at + failures * ? <= ?
                """, arguments: [kind, forgiveOneEvery, now.timeIntervalSince1970])
        }
    }
}
