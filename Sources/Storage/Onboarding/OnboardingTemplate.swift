import Foundation
import GRDB

/// The layer a template belongs to (the composition's order lives in `Metrics/Onboarding`).
public enum OnboardingTemplateLayer: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case organisation
    case sector
    case unit
    case jobGroup = "job_group"
}

/// Who does an item, as a template says it (`digitutor` is resolved per hire).
public enum OnboardingResponsibleParty: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case employee
    case supervisor
    case digitutor
    case it
    case hr
}

/// How a checklist came to be.
public enum OnboardingStartKind: String, Codable, Sendable, DatabaseValueConvertible {
    /// By the HR import, for a new start date.
    case `import`
    /// When HR added the employee by hand.
    case added
    /// Started by HR or the supervisor on purpose.
    case byHand = "by_hand"
    case demo
}

/// A template of one layer; its items live in its versions.
public struct OnboardingTemplate: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "onboarding_templates"

    public var organisationID: Int64
    public var layer: OnboardingTemplateLayer
    public var sectorID: Int64?
    public var unitID: Int64?
    public var jobGroup: String?
    public var name: String
    public var ownerUserID: Int64?
    /// `YYYY-MM-DD`: flagged once passed.
    public var reviewBy: String?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case layer, name
        case organisationID = "organisation_id", sectorID = "sector_id", unitID = "unit_id", jobGroup = "job_group"
        case ownerUserID = "owner_user_id", reviewBy = "review_by", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(organisationID: Int64, layer: OnboardingTemplateLayer, sectorID: Int64? = nil, unitID: Int64? = nil,
                jobGroup: String? = nil, name: String, ownerUserID: Int64? = nil, reviewBy: String? = nil, now: Date = Date()) {
        self.organisationID = organisationID
        self.layer = layer
        self.sectorID = sectorID
        self.unitID = unitID
        self.jobGroup = jobGroup
        self.name = name
        self.ownerUserID = ownerUserID
        self.reviewBy = reviewBy
        createdAt = now
        updatedAt = now
    }
}

/// One version of a template: made by each edit, never changed.
public struct OnboardingTemplateVersion: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "onboarding_template_versions"

    public var templateID: Int64
    public var version: Int
    public var changelog: String
    public var createdAt: Date
    public var createdBy: Int64?

    enum CodingKeys: String, CodingKey {
        case version, changelog
        case templateID = "template_id", createdAt = "created_at", createdBy = "created_by"
    }

    public init(templateID: Int64, version: Int, changelog: String, createdBy: Int64?, now: Date = Date()) {
        self.templateID = templateID
        self.version = version
        self.changelog = changelog
        createdAt = now
        self.createdBy = createdBy
    }
}

/// What an item of a template says, before it belongs to a version.
public struct OnboardingItemContent: Sendable, Equatable, Hashable {
    public var key: String
    public var title: LocalisedText
    public var instructions: LocalisedText
    public var responsible: OnboardingResponsibleParty
    public var offsetDays: Int
    public var required: Bool
    public var trainingID: Int64?
    public var instructionID: Int64?
    public var linkURL: String?

    public init(key: String, title: LocalisedText, instructions: LocalisedText = LocalisedText(fi: "", sv: "", en: ""),
                responsible: OnboardingResponsibleParty, offsetDays: Int, required: Bool = true,
                trainingID: Int64? = nil, instructionID: Int64? = nil, linkURL: String? = nil) {
        self.key = key
        self.title = title
        self.instructions = instructions
        self.responsible = responsible
        self.offsetDays = offsetDays
        self.required = required
        self.trainingID = trainingID
        self.instructionID = instructionID
        self.linkURL = linkURL
    }
}

/// An item of one template version.
public struct OnboardingTemplateItem: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "onboarding_template_items"

    public var versionID: Int64
    public var key: String
    public var position: Int
    public var titleFi: String
    public var titleSv: String
    public var titleEn: String
    public var instructionsFi: String
    public var instructionsSv: String
    public var instructionsEn: String
    public var responsible: OnboardingResponsibleParty
    public var offsetDays: Int
    public var required: Bool
    public var trainingID: Int64?
    public var instructionID: Int64?
    public var linkURL: String?

    enum CodingKeys: String, CodingKey {
        case position, responsible, required
        case versionID = "version_id", key = "item_key"
        case titleFi = "title_fi", titleSv = "title_sv", titleEn = "title_en"
        case instructionsFi = "instructions_fi", instructionsSv = "instructions_sv", instructionsEn = "instructions_en"
        case offsetDays = "offset_days", trainingID = "training_id", instructionID = "instruction_id", linkURL = "link_url"
    }

    public init(versionID: Int64, position: Int, _ content: OnboardingItemContent) {
        self.versionID = versionID
        self.position = position
        key = content.key
        titleFi = content.title.fi
        titleSv = content.title.sv
        titleEn = content.title.en
        instructionsFi = content.instructions.fi
        instructionsSv = content.instructions.sv
        instructionsEn = content.instructions.en
        responsible = content.responsible
        offsetDays = content.offsetDays
        required = content.required
        trainingID = content.trainingID
        instructionID = content.instructionID
        linkURL = content.linkURL
    }

    public var content: OnboardingItemContent {
        OnboardingItemContent(key: key, title: LocalisedText(fi: titleFi, sv: titleSv, en: titleEn),
                              instructions: LocalisedText(fi: instructionsFi, sv: instructionsSv, en: instructionsEn),
                              responsible: responsible, offsetDays: offsetDays, required: required,
                              trainingID: trainingID, instructionID: instructionID, linkURL: linkURL)
    }
}
