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

/// How people come to a session.
public enum EnrolmentMode: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// No enrolment: everyone in the audience is invited.
    case open
    /// People enrol themselves, up to the capacity, then onto a waiting list.
    case registration
    /// HR or a supervisor assigns people.
    case assigned
}

/// Whether a session takes place.
public enum SessionStatus: String, Codable, Sendable, DatabaseValueConvertible {
    case scheduled
    case cancelled
}

/// One occurrence of a training (koulutustilaisuus).
public struct TrainingSession: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "training_sessions"

    public var trainingID: Int64
    /// The stable iCalendar UID.
    public var uid: String
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var meetingURL: String?
    public var trainerName: String
    public var capacity: Int?
    public var enrolment: EnrolmentMode
    public var status: SessionStatus
    public var cancelReason: String?
    public var cancelledAt: Date?
    public var recordingURL: String?
    /// The last day the recording is available (Helsinki calendar date), if it has an end.
    public var recordingUntil: String?
    /// The secret in the self check-in QR code's address.
    public var checkInKey: String
    /// Grows on every change (iCalendar SEQUENCE).
    public var sequence: Int
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case uid, place, capacity, enrolment, status, sequence
        case trainingID = "training_id"
        case startsAt = "starts_at", endsAt = "ends_at"
        case meetingURL = "meeting_url"
        case trainerName = "trainer_name"
        case cancelReason = "cancel_reason", cancelledAt = "cancelled_at"
        case recordingURL = "recording_url", recordingUntil = "recording_until"
        case checkInKey = "check_in_key"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(trainingID: Int64, uid: String, startsAt: Date, endsAt: Date, place: String, meetingURL: String?,
                trainerName: String, capacity: Int?, enrolment: EnrolmentMode, recordingURL: String? = nil,
                recordingUntil: String? = nil, checkInKey: String, now: Date = Date()) {
        self.trainingID = trainingID
        self.uid = uid
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.meetingURL = meetingURL
        self.trainerName = trainerName
        self.capacity = capacity
        self.enrolment = enrolment
        status = .scheduled
        cancelReason = nil
        cancelledAt = nil
        self.recordingURL = recordingURL
        self.recordingUntil = recordingUntil
        self.checkInKey = checkInKey
        sequence = 0
        createdAt = now
        updatedAt = now
    }
}

/// How someone is on a session's list.
public enum EnrolmentKind: String, Codable, Sendable, DatabaseValueConvertible {
    case registered
    case assigned
}

/// Where someone stands on a session's list.
public enum EnrolmentState: String, Codable, Sendable, DatabaseValueConvertible {
    case enrolled
    case waiting
    case cancelled
}

/// One person on a registration or assigned session's list.
public struct Enrolment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "training_enrolments"

    public var sessionID: Int64
    public var employeeID: Int64
    public var kind: EnrolmentKind
    public var state: EnrolmentState
    /// When the person joined the list: the waiting list's order.
    public var enrolledAt: Date
    public var changedAt: Date
    public var assignedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case kind, state
        case sessionID = "session_id", employeeID = "employee_id"
        case enrolledAt = "enrolled_at", changedAt = "changed_at"
        case assignedBy = "assigned_by"
    }

    public init(sessionID: Int64, employeeID: Int64, kind: EnrolmentKind, state: EnrolmentState,
                enrolledAt: Date, changedAt: Date, assignedBy: Int64?) {
        self.sessionID = sessionID
        self.employeeID = employeeID
        self.kind = kind
        self.state = state
        self.enrolledAt = enrolledAt
        self.changedAt = changedAt
        self.assignedBy = assignedBy
    }
}

/// How attendance was recorded.
public enum AttendanceSource: String, Codable, Sendable, DatabaseValueConvertible {
    /// Ticked by the trainer, HR or the supervisor.
    case marked
    /// The person's own "I was here" through the session's QR code.
    case checkIn = "check_in"
}

/// How a training was completed.
public enum CompletionKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case attended
    /// Self-declared: "I watched the recording".
    case recording
    /// A course taken elsewhere, recorded and approved by HR.
    case external
}

/// One entry of the append-only completion history.
public struct Completion: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "training_completions"

    public var employeeID: Int64
    public var trainingID: Int64
    public var sessionID: Int64?
    public var kind: CompletionKind
    /// The Helsinki calendar date of the completion.
    public var completedOn: String
    public var note: String
    /// A correction that takes the entry it corrects out of force.
    public var withdrawn: Bool
    /// The entry this one corrects, if it is a correction.
    public var correctsID: Int64?
    public var recordedAt: Date
    public var recordedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case kind, note, withdrawn
        case employeeID = "employee_id", trainingID = "training_id", sessionID = "session_id"
        case completedOn = "completed_on"
        case correctsID = "corrects_id"
        case recordedAt = "recorded_at", recordedBy = "recorded_by"
    }

    public init(employeeID: Int64, trainingID: Int64, sessionID: Int64?, kind: CompletionKind, completedOn: String,
                note: String = "", withdrawn: Bool = false, correctsID: Int64? = nil, recordedAt: Date = Date(),
                recordedBy: Int64?) {
        self.employeeID = employeeID
        self.trainingID = trainingID
        self.sessionID = sessionID
        self.kind = kind
        self.completedOn = completedOn
        self.note = note
        self.withdrawn = withdrawn
        self.correctsID = correctsID
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
