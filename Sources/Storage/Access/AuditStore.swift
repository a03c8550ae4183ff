import GRDB

/// The audit log: append-only.
public struct AuditStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Appends an entry that stands alone (a sign-in, a refused attempt): no change goes with it.
    public func record(_ entry: AuditEntry) throws(StorageError) {
        try database.writing { db in try entry.insert(db) }
    }

    /// Appends the audit line of a change, inside the change's `AppDatabase.transaction`: the two
    /// commit together or not at all, so no change is ever saved without the line saying who made
    /// it. Called outside a transaction it refuses, so a forgotten transaction fails loudly in tests
    /// instead of quietly splitting the two again.
    public func recordChange(_ entry: AuditEntry) throws(StorageError) {
        guard database.isInTransaction else {
            throw .sqlite("the audit line of \(entry.action) must be written in the change's transaction")
        }
        try database.writing { db in try entry.insert(db) }
    }

    /// The newest entries first.
    public func latest(limit: Int) throws(StorageError) -> [Stored<AuditEntry>] {
        try database.reading { db in
            try Stored<AuditEntry>.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}
