import GRDB

/// Sectors (toimialat) of an organisation.
public struct SectorStore: Sendable {
    private let database: AppDatabase

    /// A store over `database`.
    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// The organisation's sectors by name.
    public func sectors(organisationID: Int64) throws(StorageError) -> [Stored<Sector>] {
        try database.reading { db in
            try Stored<Sector>.filter(Column("organisation_id") == organisationID).order(Column("name"), Column("id")).fetchAll(db)
        }
    }

    /// The sector with this id, or nil.
    public func sector(id: Int64) throws(StorageError) -> Stored<Sector>? {
        try database.reading { db in try Stored<Sector>.fetchOne(db, key: id) }
    }

    /// Creates a sector; `.conflict` when the organisation has one of that name already.
    public func create(organisationID: Int64, name: String) throws(StorageError) -> Stored<Sector> {
        try database.writing(conflict: { _ in Self.nameTaken(name) }) { db in
            try Sector(organisationID: organisationID, name: name).insertStored(db)
        }
    }

    /// Renames a sector; `.conflict` when another sector of the organisation has that name.
    public func rename(id: Int64, to name: String) throws(StorageError) {
        try database.writing(conflict: { _ in Self.nameTaken(name) }) { db in
            try db.execute(sql: "UPDATE sectors SET name = ? WHERE id = ?", arguments: [name, id])
            try db.requireChange()
        }
    }

    private static func nameTaken(_ name: String) -> String {
        "The organisation already has a sector named “\(name)”."
    }
}
