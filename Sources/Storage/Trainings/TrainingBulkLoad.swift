import Foundation
import GRDB

/// A training of a bulk load, with what hangs on it; `seriesIndex` points into the load's series.
public struct BulkTraining: Sendable, Equatable {
    public var draft: TrainingDraft
    public var seriesIndex: Int?

    public init(_ draft: TrainingDraft, seriesIndex: Int?) {
        self.draft = draft
        self.seriesIndex = seriesIndex
    }
}

/// A session of a bulk load; `trainingIndex` points into the load's trainings. The session's own
/// `trainingID` is ignored. A cancelled session keeps its status, reason and time as given.
public struct BulkSession: Sendable, Equatable {
    public var session: TrainingSession
    public var trainingIndex: Int
    /// Target units; empty means the whole organisation.
    public var unitIDs: [Int64]

    public init(_ session: TrainingSession, trainingIndex: Int, unitIDs: [Int64]) {
        self.session = session
        self.trainingIndex = trainingIndex
        self.unitIDs = unitIDs
    }
}

/// A place (or a place in the queue) on a session of a bulk load.
public struct BulkEnrolment: Sendable, Equatable {
    public var sessionIndex: Int
    public var employeeID: Int64
    public var kind: EnrolmentKind
    public var state: EnrolmentState
    public var enrolledAt: Date
    public var assignedBy: Int64?

    public init(sessionIndex: Int, employeeID: Int64, kind: EnrolmentKind, state: EnrolmentState, enrolledAt: Date,
                assignedBy: Int64? = nil) {
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
        self.kind = kind
        self.state = state
        self.enrolledAt = enrolledAt
        self.assignedBy = assignedBy
    }
}

/// Someone present at a session of a bulk load: stored as attendance and an "attended" completion
/// together, as `CompletionStore.markAttendance` stores them.
public struct BulkAttendance: Sendable, Equatable {
    public var sessionIndex: Int
    public var employeeID: Int64
    public var source: AttendanceSource
    public var recordedAt: Date
    public var recordedBy: Int64?
    /// The Helsinki calendar date of the session.
    public var completedOn: String

    public init(sessionIndex: Int, employeeID: Int64, source: AttendanceSource, recordedAt: Date, recordedBy: Int64?,
                completedOn: String) {
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.completedOn = completedOn
    }
}

/// A completion that is not an attendance (a watched recording, external evidence) of a bulk load.
public struct BulkCompletion: Sendable, Equatable {
    public var trainingIndex: Int
    public var sessionIndex: Int?
    public var employeeID: Int64
    public var kind: CompletionKind
    public var completedOn: String
    public var note: String
    public var recordedAt: Date
    public var recordedBy: Int64?

    public init(trainingIndex: Int, sessionIndex: Int?, employeeID: Int64, kind: CompletionKind, completedOn: String,
                note: String = "", recordedAt: Date, recordedBy: Int64?) {
        self.trainingIndex = trainingIndex
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
        self.kind = kind
        self.completedOn = completedOn
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// A year of trainings to store at once: series, trainings, sessions, enrolments, follows,
/// attendance and completions, cross-referenced by position in these arrays.
public struct TrainingBulkLoad: Sendable, Equatable {
    /// Users HR names as trainers: (organisation, user).
    public var trainers: [TrainerAssignment] = []
    public var series: [TrainingSeries] = []
    public var trainings: [BulkTraining] = []
    public var sessions: [BulkSession] = []
    public var enrolments: [BulkEnrolment] = []
    /// Open sessions people follow: (session index, employee).
    public var follows: [BulkFollow] = []
    public var attendance: [BulkAttendance] = []
    public var completions: [BulkCompletion] = []

    public init() {}
}

/// A trainer named for an organisation.
public struct TrainerAssignment: Sendable, Equatable {
    public var organisationID: Int64
    public var userID: Int64

    public init(organisationID: Int64, userID: Int64) {
        self.organisationID = organisationID
        self.userID = userID
    }
}

/// An open session someone follows, in a bulk load.
public struct BulkFollow: Sendable, Equatable {
    public var sessionIndex: Int
    public var employeeID: Int64

    public init(sessionIndex: Int, employeeID: Int64) {
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
    }
}

/// What a bulk load stored.
public struct TrainingBulkCount: Sendable, Equatable {
    public var series = 0
    public var trainings = 0
    public var sessions = 0
    public var enrolments = 0
    public var follows = 0
    public var attendance = 0
    /// Every completion entry: the attended ones and the others.
    public var completions = 0
    /// The stored id of each session, in the load's order.
    public var sessionIDs: [Int64] = []
    /// The stored id of each training, in the load's order.
    public var trainingIDs: [Int64] = []

    public init() {}
}
