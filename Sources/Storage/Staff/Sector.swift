import Foundation
import GRDB

/// A sector (toimiala) of an organisation, e.g. early education.
public struct Sector: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sectors"

    public var id: Int64?
    public var organisationID: Int64
    public var name: String

    enum CodingKeys: String, CodingKey {
        case id, name
        case organisationID = "organisation_id"
    }

    public init(id: Int64? = nil, organisationID: Int64, name: String) {
        self.id = id
        self.organisationID = organisationID
        self.name = name
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
