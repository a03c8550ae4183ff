import Foundation
import GRDB

/// A recurring format of trainings (koulutussarja), e.g. Digivinkkituokio.
public struct TrainingSeries: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "training_series"

    public var organisationID: Int64
    public var titleFi: String
    public var titleSv: String
    public var titleEn: String
    public var descriptionFi: String
    public var descriptionSv: String
    public var descriptionEn: String
    public var active: Bool
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case active
        case organisationID = "organisation_id"
        case titleFi = "title_fi", titleSv = "title_sv", titleEn = "title_en"
        case descriptionFi = "description_fi", descriptionSv = "description_sv", descriptionEn = "description_en"
        case createdAt = "created_at"
    }

    public init(organisationID: Int64, title: LocalisedText, description: LocalisedText,
                active: Bool = true, createdAt: Date = Date()) {
        self.organisationID = organisationID
        (titleFi, titleSv, titleEn) = (title.fi, title.sv, title.en)
        (descriptionFi, descriptionSv, descriptionEn) = (description.fi, description.sv, description.en)
        self.active = active
        self.createdAt = createdAt
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
