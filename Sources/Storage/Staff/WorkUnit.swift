import Foundation
import GRDB

/// A work unit (työyksikkö), e.g. one daycare centre; units may nest.
public struct WorkUnit: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "units"

    public var id: Int64?
    public var organisationID: Int64
    public var sectorID: Int64?
    public var parentID: Int64?
    public var name: String
    public var active: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, active
        case organisationID = "organisation_id"
        case sectorID = "sector_id"
        case parentID = "parent_id"
    }

    public init(id: Int64? = nil, organisationID: Int64, sectorID: Int64? = nil, parentID: Int64? = nil, name: String,
                active: Bool = true) {
        self.id = id
        self.organisationID = organisationID
        self.sectorID = sectorID
        self.parentID = parentID
        self.name = name
        self.active = active
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
