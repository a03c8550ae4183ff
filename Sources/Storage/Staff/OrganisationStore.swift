import GRDB

/// Organisations: the top of every tenant's data.
public struct OrganisationStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Creates an organisation; `.conflict` when the slug is taken.
    public func create(slug: String, name: String) throws(StorageError) -> Stored<Organisation> {
        try database.writing(conflict: { _ in "An organisation with the address “\(slug)” exists already." }) { db in
            try Organisation(slug: slug, name: name).insertStored(db)
        }
    }

    public func organisation(slug: String) throws(StorageError) -> Stored<Organisation>? {
        try database.reading { db in try Stored<Organisation>.filter(Column("slug") == slug).fetchOne(db) }
    }

    public func organisation(id: Int64) throws(StorageError) -> Stored<Organisation>? {
        try database.reading { db in try Stored<Organisation>.fetchOne(db, key: id) }
    }

    /// All organisations by name.
    public func all() throws(StorageError) -> [Stored<Organisation>] {
        try database.reading { db in try Stored<Organisation>.order(Column("name")).fetchAll(db) }
    }
}
