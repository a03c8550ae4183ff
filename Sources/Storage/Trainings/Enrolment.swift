import Foundation
import GRDB

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
