import GRDB

/// Records that belong to one organisation for good: a change never moves them to another.
protocol OrganisationOwned: FetchableRecord, PersistableRecord {
    var organisationID: Int64 { get }
}

extension WorkUnit: OrganisationOwned {}
extension Employee: OrganisationOwned {}

extension AppDatabase {
    /// Inserts a record after `check` (which throws what it refuses), in one transaction; a clash with
    /// a uniqueness rule becomes `.conflict(conflict)`.
    func create<Record: PersistableRecord>(_ record: Record, conflict: String,
                                           checking check: (Database) throws -> Void) throws(StorageError)
        -> Stored<Record> {
        try writing(conflict: { _ in conflict }) { db in
            try check(db)
            return try record.insertStored(db)
        }
    }

    /// Saves a stored record of an organisation after `check` has seen the stored version and
    /// returned what to save; refuses a record that is gone (`.notFound`) or would move to another
    /// organisation (`.invalid(movedAway)`).
    func update<Record: OrganisationOwned>(_ record: Stored<Record>, conflict: String, movedAway: String,
                                           checking check: (Database, _ stored: Stored<Record>) throws -> Stored<Record>)
        throws(StorageError) {
        try writing(conflict: { _ in conflict }) { db in
            guard let stored = try Stored<Record>.fetchOne(db, key: record.id) else { throw StorageError.notFound }
            guard stored.organisationID == record.organisationID else { throw StorageError.invalid(movedAway) }
            try check(db, stored).update(db)
        }
    }
}
