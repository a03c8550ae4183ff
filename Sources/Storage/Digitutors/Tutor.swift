import Foundation
import GRDB

/// A tutor's standing from a day on.
public enum TutorStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case active, paused, ended
}

/// How help was given.
public enum HelpChannel: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case inPerson = "in_person"
    case phone
    case teams
}

/// A digitutor (digimentori): a colleague who helps others in their units with digital tools.
public struct Tutor: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tutors"

    public var organisationID: Int64
    public var employeeID: Int64
    public var coordinatorUserID: Int64?
    /// `fi`, `sv`, `en`, comma-separated.
    public var languages: String
    public var askAnytime: Bool
    public var contactNote: String
    public var plannedEndOn: String?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case languages
        case organisationID = "organisation_id", employeeID = "employee_id", coordinatorUserID = "coordinator_user_id"
        case askAnytime = "ask_anytime", contactNote = "contact_note", plannedEndOn = "planned_end_on"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(organisationID: Int64, employeeID: Int64, coordinatorUserID: Int64?, languages: [String],
                askAnytime: Bool, contactNote: String, plannedEndOn: String?, now: Date = Date()) {
        self.organisationID = organisationID
        self.employeeID = employeeID
        self.coordinatorUserID = coordinatorUserID
        self.languages = languages.joined(separator: ",")
        self.askAnytime = askAnytime
        self.contactNote = contactNote
        self.plannedEndOn = plannedEndOn
        createdAt = now
        updatedAt = now
    }

    public var languageCodes: [String] { languages.split(separator: ",").map(String.init) }
}

/// One change of a tutor's status, from a day on (history: never changed or deleted).
public struct TutorStatusChange: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tutor_status_changes"

    public var tutorID: Int64
    public var status: TutorStatus
    public var fromOn: String
    public var recordedAt: Date
    public var recordedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case status
        case tutorID = "tutor_id", fromOn = "from_on", recordedAt = "recorded_at", recordedBy = "recorded_by"
    }

    public init(tutorID: Int64, status: TutorStatus, fromOn: String, recordedBy: Int64?, now: Date = Date()) {
        self.tutorID = tutorID
        self.status = status
        self.fromOn = fromOn
        recordedAt = now
        self.recordedBy = recordedBy
    }
}

/// A topic tutors help with.
public struct TutorTopic: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tutor_topics"

    public var organisationID: Int64
    public var nameFi: String
    public var nameSv: String
    public var nameEn: String
    public var position: Int
    public var active: Bool
    /// The competence area of the framework the topic belongs to, by code (as trainings name theirs),
    /// so the topics tutors help with most can be shown next to the trainings in them.
    public var areaCode: String?

    enum CodingKeys: String, CodingKey {
        case position, active
        case organisationID = "organisation_id", nameFi = "name_fi", nameSv = "name_sv", nameEn = "name_en"
        case areaCode = "area_code"
    }

    public init(organisationID: Int64, name: LocalisedText, position: Int, active: Bool = true, areaCode: String? = nil) {
        self.organisationID = organisationID
        (nameFi, nameSv, nameEn) = (name.fi, name.sv, name.en)
        self.position = position
        self.active = active
        self.areaCode = areaCode
    }

    public var name: LocalisedText { LocalisedText(fi: nameFi, sv: nameSv, en: nameEn) }
}

/// A recurring office hour: weekday 1 (Monday) … 7 (Sunday), times as HH:MM.
public struct OfficeHour: Sendable, Equatable {
    public var weekday: Int
    public var starts: String
    public var ends: String
    public var place: String

    public init(weekday: Int, starts: String, ends: String, place: String) {
        self.weekday = weekday
        self.starts = starts
        self.ends = ends
        self.place = place
    }
}

/// One unit a tutor serves.
public struct TutorUnit: Sendable, Equatable {
    public var unitID: Int64
    /// Whether the tutor also covers the unit's sub-units (the coordinator decides).
    public var includesSubunits: Bool

    public init(unitID: Int64, includesSubunits: Bool) {
        self.unitID = unitID
        self.includesSubunits = includesSubunits
    }
}

/// A tutor with everything that hangs on them, and their name for lists.
public struct TutorDetails: Sendable, Equatable {
    public var tutor: Stored<Tutor>
    public var firstName: String
    public var lastName: String
    public var email: String?
    public var phone: String?
    public var homeUnitID: Int64?
    public var units: [TutorUnit]
    public var topicIDs: [Int64]
    public var hours: [OfficeHour]
    /// Oldest first.
    public var history: [Stored<TutorStatusChange>]

    /// The status on `day` (a Helsinki date): the latest change on or before it; nil before the first.
    public func status(on day: String) -> TutorStatus? {
        history.last { $0.fromOn <= day }?.status
    }
}

/// A help session as the tutor logs it: no one helped is named, by design.
public struct HelpLogEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tutor_help_log"

    public var tutorID: Int64
    public var day: String
    public var topicID: Int64
    public var minutes: Int
    public var channel: HelpChannel
    public var unitID: Int64

    enum CodingKeys: String, CodingKey {
        case day, minutes, channel
        case tutorID = "tutor_id", topicID = "topic_id", unitID = "unit_id"
    }

    public init(tutorID: Int64, day: String, topicID: Int64, minutes: Int, channel: HelpChannel, unitID: Int64) {
        self.tutorID = tutorID
        self.day = day
        self.topicID = topicID
        self.minutes = minutes
        self.channel = channel
        self.unitID = unitID
    }
}
