import Foundation
import GRDB

/// How a training is given.
public enum TrainingFormat: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case remote
    case onSite = "on_site"
    case hybrid
    case recording
    case selfStudy = "self_study"
}

/// A catalogue entry (koulutus).
public struct Training: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "trainings"

    public var organisationID: Int64
    public var seriesID: Int64?
    public var titleFi: String
    public var titleSv: String
    public var titleEn: String
    public var descriptionFi: String
    public var descriptionSv: String
    public var descriptionEn: String
    public var durationMinutes: Int
    public var format: TrainingFormat
    /// `fi`, `sv` or `en`: the language the training is given in.
    public var language: String
    public var ownerUserID: Int64?
    public var active: Bool
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case format, language, active
        case organisationID = "organisation_id"
        case seriesID = "series_id"
        case titleFi = "title_fi", titleSv = "title_sv", titleEn = "title_en"
        case descriptionFi = "description_fi", descriptionSv = "description_sv", descriptionEn = "description_en"
        case durationMinutes = "duration_minutes"
        case ownerUserID = "owner_user_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(organisationID: Int64, seriesID: Int64?, title: LocalisedText, description: LocalisedText,
                durationMinutes: Int, format: TrainingFormat, language: String, ownerUserID: Int64?,
                active: Bool = true, now: Date = Date()) {
        self.organisationID = organisationID
        self.seriesID = seriesID
        (titleFi, titleSv, titleEn) = (title.fi, title.sv, title.en)
        (descriptionFi, descriptionSv, descriptionEn) = (description.fi, description.sv, description.en)
        self.durationMinutes = durationMinutes
        self.format = format
        self.language = language
        self.ownerUserID = ownerUserID
        self.active = active
        createdAt = now
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

/// Who a training is for: everyone (no rules), or anyone matching one of its rules.
public struct TrainingAudience: Sendable, Equatable {
    public var sectorIDs: Set<Int64>
    public var jobGroups: Set<String>

    public init(sectorIDs: Set<Int64> = [], jobGroups: Set<String> = []) {
        self.sectorIDs = sectorIDs
        self.jobGroups = jobGroups
    }

    public static let everyone = TrainingAudience()

    public var isEveryone: Bool { sectorIDs.isEmpty && jobGroups.isEmpty }

    /// Whether a person of this sector and job group is in the audience.
    public func includes(sectorID: Int64?, jobGroup: String?) -> Bool {
        if isEveryone { return true }
        if let sectorID, sectorIDs.contains(sectorID) { return true }
        if let jobGroup, jobGroups.contains(jobGroup) { return true }
        return false
    }
}

/// A link to material of a training.
public struct TrainingMaterial: Sendable, Equatable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// A training with what hangs on it: areas, audience, materials and the other organisations it is
/// offered to.
public struct TrainingDetails: Sendable, Equatable {
    public var training: Stored<Training>
    public var areaCodes: [String]
    public var audience: TrainingAudience
    public var materials: [TrainingMaterial]
    public var offeredTo: Set<Int64>

    public init(training: Stored<Training>, areaCodes: [String], audience: TrainingAudience,
                materials: [TrainingMaterial], offeredTo: Set<Int64>) {
        self.training = training
        self.areaCodes = areaCodes
        self.audience = audience
        self.materials = materials
        self.offeredTo = offeredTo
    }
}
