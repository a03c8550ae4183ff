import GRDB

/// The audit log: append-only.
public struct AuditStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func record(_ entry: AuditEntry) throws(StorageError) {
        do {
            try database.pool.write { db in try entry.insert(db) }
        } catch {
            throw .sqlite("\(error)")
        }
    }

    /// The newest entries first.
    public func latest(limit: Int) throws(StorageError) -> [Stored<AuditEntry>] {
        do {
            return try database.pool.read { db in
                try Stored<AuditEntry>.order(Column("id").desc).limit(limit).fetchAll(db)
            }
        } catch {
            throw .sqlite("\(error)")
        }
    }
}
