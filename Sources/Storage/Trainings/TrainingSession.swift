import Foundation
import GRDB

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
