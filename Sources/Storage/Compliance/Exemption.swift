import Foundation
import GRDB

/// A person excused from a requirement for a time (long leave, covered elsewhere), with the reason.
/// Ending it early records the day and who did it; nothing is deleted.
public struct Exemption: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "compliance_exemptions"

    public var requirementID: Int64
    public var employeeID: Int64
    public var fromOn: String
    public var untilOn: String
    public var reason: String
    public var createdAt: Date
    public var createdBy: Int64?
    public var endedOn: String?
    public var endedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case reason
        case requirementID = "requirement_id", employeeID = "employee_id"
        case fromOn = "from_on", untilOn = "until_on"
        case createdAt = "created_at", createdBy = "created_by"
        case endedOn = "ended_on", endedBy = "ended_by"
    }

    public init(requirementID: Int64, employeeID: Int64, fromOn: String, untilOn: String, reason: String,
                createdBy: Int64?, now: Date = Date()) {
        self.requirementID = requirementID
        self.employeeID = employeeID
        self.fromOn = fromOn
        self.untilOn = untilOn
        self.reason = reason
        createdAt = now
        self.createdBy = createdBy
        endedOn = nil
        endedBy = nil
    }

    /// The day it was ended early, if it was: it covers the days before this one only.
    public var endedEarlyOn: String? {
        guard let endedOn, endedOn <= untilOn else { return nil }
        return endedOn
    }
}

/// The lowest acceptable level of a competence area for a job group, a sector, or (both empty) the
/// whole organisation, on the framework's scale.
public struct MinimumLevel: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "compliance_minimum_levels"

    public var organisationID: Int64
    public var areaCode: String
    public var sectorID: Int64?
    public var jobGroup: String?
    public var level: Double
    public var updatedAt: Date
    public var updatedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case level
        case organisationID = "organisation_id", areaCode = "area_code", sectorID = "sector_id", jobGroup = "job_group"
        case updatedAt = "updated_at", updatedBy = "updated_by"
    }

    public init(organisationID: Int64, areaCode: String, sectorID: Int64?, jobGroup: String?, level: Double,
                updatedBy: Int64?, now: Date = Date()) {
        self.organisationID = organisationID
        self.areaCode = areaCode
        self.sectorID = sectorID
        self.jobGroup = jobGroup
        self.level = level
        updatedAt = now
        self.updatedBy = updatedBy
    }
}
