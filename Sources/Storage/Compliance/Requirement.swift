import Foundation
import GRDB

/// A required training (pakollinen koulutus): what an organisation requires of (some of) its staff.
/// Its rule lives in versions (`RequirementVersion`); the requirement itself is its name.
public struct RequiredTraining: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "compliance_requirements"

    public var organisationID: Int64
    public var titleFi: String
    public var titleSv: String
    public var titleEn: String
    public var descriptionFi: String
    public var descriptionSv: String
    public var descriptionEn: String
    /// From this Helsinki date on the requirement is no longer followed; its history stays.
    public var retiredOn: String?
    public var createdAt: Date
    public var createdBy: Int64?
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case organisationID = "organisation_id"
        case titleFi = "title_fi", titleSv = "title_sv", titleEn = "title_en"
        case descriptionFi = "description_fi", descriptionSv = "description_sv", descriptionEn = "description_en"
        case retiredOn = "retired_on"
        case createdAt = "created_at", createdBy = "created_by", updatedAt = "updated_at"
    }

    public init(organisationID: Int64, title: LocalisedText, description: LocalisedText, createdBy: Int64?,
                now: Date = Date()) {
        self.organisationID = organisationID
        (titleFi, titleSv, titleEn) = (title.fi, title.sv, title.en)
        (descriptionFi, descriptionSv, descriptionEn) = (description.fi, description.sv, description.en)
        retiredOn = nil
        createdAt = now
        self.createdBy = createdBy
        updatedAt = now
    }

    public var title: LocalisedText {
        get { LocalisedText(fi: titleFi, sv: titleSv, en: titleEn) }
        set { (titleFi, titleSv, titleEn) = (newValue.fi, newValue.sv, newValue.en) }
    }

    public var description: LocalisedText {
        get { LocalisedText(fi: descriptionFi, sv: descriptionSv, en: descriptionEn) }
        set { (descriptionFi, descriptionSv, descriptionEn) = (newValue.fi, newValue.sv, newValue.en) }
    }
}

/// What the next deadline is counted from.
public enum RequirementAnchor: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The completion date (plus the validity).
    case completion
    /// A fixed date every year, such as 31 December, so deadlines cannot drift.
    case yearly
}

/// A named group of people a requirement can be for, besides sectors, job groups and units.
public enum RequirementRole: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// People who supervise a unit (with a staff record).
    case supervisors
    /// Digitutors (peer helpers), once the network exists.
    case digitutors
}

/// Who a requirement version is for.
public struct RequirementAudience: Sendable, Equatable {
    public var everyone: Bool
    public var sectorIDs: Set<Int64>
    public var jobGroups: Set<String>
    /// Units with their sub-units.
    public var unitIDs: Set<Int64>
    public var roles: Set<RequirementRole>

    public init(everyone: Bool = true, sectorIDs: Set<Int64> = [], jobGroups: Set<String> = [], unitIDs: Set<Int64> = [],
                roles: Set<RequirementRole> = []) {
        self.everyone = everyone
        self.sectorIDs = sectorIDs
        self.jobGroups = jobGroups
        self.unitIDs = unitIDs
        self.roles = roles
    }

    public static let all = RequirementAudience()
}

/// The rule of a requirement from `effectiveFrom` on. Versions are never changed: a change is a new
/// version, so the status on a past day is computed with the rule then in force.
public struct RequirementVersion: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "compliance_requirement_versions"

    public var requirementID: Int64
    /// The first Helsinki date this version applies to.
    public var effectiveFrom: String
    /// Months a completion is valid; nil: once, never expires.
    public var validityMonths: Int?
    /// Days before expiry that renewing opens (and reminders start).
    public var renewalWindowDays: Int
    public var anchor: RequirementAnchor
    public var anchorMonth: Int?
    public var anchorDay: Int?
    /// A new hire is due this many days after their start date.
    public var newHireGraceDays: Int
    /// The deadline of staff already employed when the requirement came into force.
    public var firstDueOn: String
    public var forEveryone: Bool
    /// Why this version was made, for the history.
    public var note: String
    public var createdAt: Date
    public var createdBy: Int64?

    enum CodingKeys: String, CodingKey {
        case anchor, note
        case requirementID = "requirement_id"
        case effectiveFrom = "effective_from"
        case validityMonths = "validity_months"
        case renewalWindowDays = "renewal_window_days"
        case anchorMonth = "anchor_month", anchorDay = "anchor_day"
        case newHireGraceDays = "new_hire_grace_days"
        case firstDueOn = "first_due_on"
        case forEveryone = "for_everyone"
        case createdAt = "created_at", createdBy = "created_by"
    }

    public init(requirementID: Int64, effectiveFrom: String, validityMonths: Int?, renewalWindowDays: Int,
                anchor: RequirementAnchor, anchorMonth: Int? = nil, anchorDay: Int? = nil, newHireGraceDays: Int,
                firstDueOn: String, forEveryone: Bool, note: String = "", createdBy: Int64?, now: Date = Date()) {
        self.requirementID = requirementID
        self.effectiveFrom = effectiveFrom
        self.validityMonths = validityMonths
        self.renewalWindowDays = renewalWindowDays
        self.anchor = anchor
        self.anchorMonth = anchor == .yearly ? anchorMonth : nil
        self.anchorDay = anchor == .yearly ? anchorDay : nil
        self.newHireGraceDays = newHireGraceDays
        self.firstDueOn = firstDueOn
        self.forEveryone = forEveryone
        self.note = note
        createdAt = now
        self.createdBy = createdBy
    }
}

/// A version with what hangs on it: the trainings that satisfy it and its audience.
public struct RequirementVersionDetails: Sendable, Equatable {
    public var version: Stored<RequirementVersion>
    public var trainingIDs: [Int64]
    public var audience: RequirementAudience

    public init(version: Stored<RequirementVersion>, trainingIDs: [Int64], audience: RequirementAudience) {
        self.version = version
        self.trainingIDs = trainingIDs
        self.audience = audience
    }
}

/// A requirement with all its versions, oldest first.
public struct RequirementDefinition: Sendable, Equatable {
    public var requirement: Stored<RequiredTraining>
    public var versions: [RequirementVersionDetails]

    public init(requirement: Stored<RequiredTraining>, versions: [RequirementVersionDetails]) {
        self.requirement = requirement
        self.versions = versions
    }

    /// The version in force on `day` (a Helsinki date), if the requirement had come into force.
    public func version(on day: String) -> RequirementVersionDetails? {
        versions.last { $0.version.effectiveFrom <= day }
    }

    /// The day the requirement came into force.
    public var inForceFrom: String? { versions.first?.version.effectiveFrom }

    /// The version in force now or, before the first comes into force, the first.
    public func current(today: String) -> RequirementVersionDetails? { version(on: today) ?? versions.first }

    /// Every training that satisfies any version.
    public var allTrainingIDs: Set<Int64> { Set(versions.flatMap(\.trainingIDs)) }
}
