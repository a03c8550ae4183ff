import Foundation
import GRDB

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
