import GRDB

/// A record as it is in the database: its row id, which every stored row has, and its values.
///
/// A new record is just the values (`Employee(organisationID: …)`): it has no id until a store
/// inserts it and hands back a `Stored<Employee>`. Everything read from the database comes as
/// `Stored<…>`, so an id is never optional where one exists. The values are read and changed through
/// the stored record by name (`employee.lastName`), as if they were its own.
@dynamicMemberLookup
public struct Stored<Record>: Identifiable {
    /// The row id (`id INTEGER PRIMARY KEY`).
    public let id: Int64
    /// The record's values.
    public var record: Record

    public init(id: Int64, record: Record) {
        self.id = id
        self.record = record
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Record, Value>) -> Value {
        get { record[keyPath: keyPath] }
        set { record[keyPath: keyPath] = newValue }
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<Record, Value>) -> Value {
        record[keyPath: keyPath]
    }
}

extension Stored: Sendable where Record: Sendable {}
extension Stored: Equatable where Record: Equatable {}
extension Stored: Hashable where Record: Hashable {}

extension Stored: TableRecord where Record: TableRecord {
    public static var databaseTableName: String { Record.databaseTableName }
}

extension Stored: FetchableRecord where Record: FetchableRecord {
    public init(row: Row) throws {
        id = row["id"]
        record = try Record(row: row)
    }
}

extension Stored: EncodableRecord, MutablePersistableRecord, PersistableRecord where Record: PersistableRecord {
    public func encode(to container: inout PersistenceContainer) throws {
        try record.encode(to: &container)
        container["id"] = id
    }
}

extension PersistableRecord {
    /// Inserts the record and returns it with the id the database gave it.
    func insertStored(_ db: Database) throws -> Stored<Self> {
        try insert(db)
        return Stored(id: db.lastInsertedRowID, record: self)
    }
}
