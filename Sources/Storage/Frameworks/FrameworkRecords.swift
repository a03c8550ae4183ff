import Foundation
import GRDB

/// Whether a framework may still be edited.
public enum FrameworkStatus: String, Codable, Sendable {
    case draft
    case published
}

/// One version of a competence framework (osaamismittari). Published versions never change.
public struct Framework: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "frameworks"

    /// nil for a framework shipped with Taitotutka.
    public var organisationID: Int64?
    /// The family: versions of one framework share it.
    public var code: String
    public var version: Int?
    public var status: FrameworkStatus
    public var nameFi: String
    public var nameSv: String
    public var nameEn: String
    public var scaleMin: Int
    public var scaleMax: Int
    public var cantSayFi: String
    public var cantSaySv: String
    public var cantSayEn: String
    public var createdAt: Date
    public var publishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case code, version, status
        case organisationID = "organisation_id"
        case nameFi = "name_fi", nameSv = "name_sv", nameEn = "name_en"
        case scaleMin = "scale_min", scaleMax = "scale_max"
        case cantSayFi = "cant_say_fi", cantSaySv = "cant_say_sv", cantSayEn = "cant_say_en"
        case createdAt = "created_at"
        case publishedAt = "published_at"
    }

    public init(organisationID: Int64?, code: String, version: Int? = nil,
                status: FrameworkStatus = .draft, name: LocalisedText, scaleMin: Int = 1, scaleMax: Int = 5,
                cantSay: LocalisedText = LocalisedText(fi: "En osaa sanoa", sv: "Kan inte säga", en: "Can't say"),
                createdAt: Date = Date(), publishedAt: Date? = nil) {
        self.organisationID = organisationID
        self.code = code
        self.version = version
        self.status = status
        (nameFi, nameSv, nameEn) = (name.fi, name.sv, name.en)
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        (cantSayFi, cantSaySv, cantSayEn) = (cantSay.fi, cantSay.sv, cantSay.en)
        self.createdAt = createdAt
        self.publishedAt = publishedAt
    }

    public var name: LocalisedText {
        get { LocalisedText(fi: nameFi, sv: nameSv, en: nameEn) }
        set { (nameFi, nameSv, nameEn) = (newValue.fi, newValue.sv, newValue.en) }
    }

    public var cantSay: LocalisedText {
        get { LocalisedText(fi: cantSayFi, sv: cantSaySv, en: cantSayEn) }
        set { (cantSayFi, cantSaySv, cantSayEn) = (newValue.fi, newValue.sv, newValue.en) }
    }
}

/// The label of one point of a framework's scale.
public struct ScaleLabel: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "framework_scale_labels"

    public var frameworkID: Int64
    public var value: Int
    public var labelFi: String
    public var labelSv: String
    public var labelEn: String

    enum CodingKeys: String, CodingKey {
        case value
        case frameworkID = "framework_id"
        case labelFi = "label_fi", labelSv = "label_sv", labelEn = "label_en"
    }

    public init(frameworkID: Int64, value: Int, label: LocalisedText) {
        self.frameworkID = frameworkID
        self.value = value
        (labelFi, labelSv, labelEn) = (label.fi, label.sv, label.en)
    }

    public var label: LocalisedText { LocalisedText(fi: labelFi, sv: labelSv, en: labelEn) }
}

/// Whether an area is a competence area or a factor that influences competence.
public enum AreaKind: String, Codable, Sendable, CaseIterable {
    case competence
    case factor
}

/// An area (osa-alue) of a framework. Its code is stable across versions.
public struct FrameworkArea: Codable, Sendable, Equatable, FetchableRecord,
    PersistableRecord {
    public static let databaseTableName = "framework_areas"

    public var frameworkID: Int64
    public var code: String
    public var kind: AreaKind
    public var position: Int
    public var nameFi: String
    public var nameSv: String
    public var nameEn: String
    public var descriptionFi: String
    public var descriptionSv: String
    public var descriptionEn: String

    enum CodingKeys: String, CodingKey {
        case code, kind, position
        case frameworkID = "framework_id"
        case nameFi = "name_fi", nameSv = "name_sv", nameEn = "name_en"
        case descriptionFi = "description_fi", descriptionSv = "description_sv", descriptionEn = "description_en"
    }

    public init(frameworkID: Int64, code: String, kind: AreaKind, position: Int,
                name: LocalisedText, description: LocalisedText) {
        self.frameworkID = frameworkID
        self.code = code
        self.kind = kind
        self.position = position
        (nameFi, nameSv, nameEn) = (name.fi, name.sv, name.en)
        (descriptionFi, descriptionSv, descriptionEn) = (description.fi, description.sv, description.en)
    }

    public var name: LocalisedText {
        get { LocalisedText(fi: nameFi, sv: nameSv, en: nameEn) }
        set { (nameFi, nameSv, nameEn) = (newValue.fi, newValue.sv, newValue.en) }
    }

    public var description: LocalisedText {
        get { LocalisedText(fi: descriptionFi, sv: descriptionSv, en: descriptionEn) }
        set { (descriptionFi, descriptionSv, descriptionEn) = (newValue.fi, newValue.sv, newValue.en) }
    }
}

/// A statement (väittämä) of an area, answered on the framework's scale.
public struct FrameworkStatement: Codable, Sendable, Equatable, FetchableRecord,
    PersistableRecord {
    public static let databaseTableName = "framework_statements"

    public var areaID: Int64
    public var code: String
    public var position: Int
    public var textFi: String
    public var textSv: String
    public var textEn: String

    enum CodingKeys: String, CodingKey {
        case code, position
        case areaID = "area_id"
        case textFi = "text_fi", textSv = "text_sv", textEn = "text_en"
    }

    public init(areaID: Int64, code: String, position: Int, text: LocalisedText) {
        self.areaID = areaID
        self.code = code
        self.position = position
        (textFi, textSv, textEn) = (text.fi, text.sv, text.en)
    }

    public var text: LocalisedText {
        get { LocalisedText(fi: textFi, sv: textSv, en: textEn) }
        set { (textFi, textSv, textEn) = (newValue.fi, newValue.sv, newValue.en) }
    }
}

/// The target level of an area for everyone, a sector or a job group.
public struct FrameworkTarget: Codable, Sendable, Equatable, FetchableRecord,
    PersistableRecord {
    public static let databaseTableName = "framework_targets"

    public var areaID: Int64
    public var sectorID: Int64?
    public var jobGroup: String?
    public var level: Double

    enum CodingKeys: String, CodingKey {
        case level
        case areaID = "area_id"
        case sectorID = "sector_id"
        case jobGroup = "job_group"
    }

    public init(areaID: Int64, sectorID: Int64? = nil, jobGroup: String? = nil, level: Double) {
        self.areaID = areaID
        self.sectorID = sectorID
        self.jobGroup = jobGroup
        self.level = level
    }
}
