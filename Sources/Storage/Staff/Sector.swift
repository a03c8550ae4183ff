import Foundation
import GRDB

/// A sector (toimiala) of an organisation, e.g. early education.
public struct Sector: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "sectors"

    public var organisationID: Int64
    public var name: String

    enum CodingKeys: String, CodingKey {
        case name
        case organisationID = "organisation_id"
    }

    public init(organisationID: Int64, name: String) {
        self.organisationID = organisationID
        self.name = name
    }
}
