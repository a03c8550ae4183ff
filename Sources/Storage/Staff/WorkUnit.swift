import Foundation
import GRDB

/// A work unit (työyksikkö), e.g. one daycare centre; units may nest.
public struct WorkUnit: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "units"

    public var organisationID: Int64
    public var sectorID: Int64?
    public var parentID: Int64?
    public var name: String
    public var active: Bool

    enum CodingKeys: String, CodingKey {
        case name, active
        case organisationID = "organisation_id"
        case sectorID = "sector_id"
        case parentID = "parent_id"
    }

    public init(organisationID: Int64, sectorID: Int64? = nil, parentID: Int64? = nil, name: String,
                active: Bool = true) {
        self.organisationID = organisationID
        self.sectorID = sectorID
        self.parentID = parentID
        self.name = name
        self.active = active
    }
}
