import GRDB

/// Organisations: the top of every tenant's data.
public struct OrganisationStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Creates an organisation; the slug must be new.
    public func create(slug: String, name: String) throws(StorageError) -> Organisation {
        do {
            return try database.pool.write { db in
                var organisation = Organisation(slug: slug, name: name)
                try organisation.insert(db)
                return organisation
            }
        } catch {
            throw .sqlite("\(error)")
        }
    }

    public func organisation(slug: String) throws(StorageError) -> Organisation? {
        do {
            return try database.pool.read { db in
                try Organisation.filter(Column("slug") == slug).fetchOne(db)
            }
        } catch {
            throw .sqlite("\(error)")
        }
    }

    public func organisation(id: Int64) throws(StorageError) -> Organisation? {
        do {
            return try database.pool.read { db in try Organisation.fetchOne(db, key: id) }
        } catch {
            throw .sqlite("\(error)")
        }
    }

    /// All organisations by name.
    public func all() throws(StorageError) -> [Organisation] {
        do {
            return try database.pool.read { db in try Organisation.order(Column("name")).fetchAll(db) }
        } catch {
            throw .sqlite("\(error)")
        }
    }
}
