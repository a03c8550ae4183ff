import Foundation
import GRDB

/// One person's trainings over a period, for the unit's training view.
public struct PersonTrainingSummary: Sendable, Equatable {
    public var employeeID: Int64
    /// Sessions attended (completions in force of kind `attended`).
    public var attended = 0
    /// Recordings watched (self-declared).
    public var recordings = 0
    /// Courses taken elsewhere (external evidence HR approved).
    public var external = 0
    /// The newest completion in force: its training and date.
    public var lastTrainingID: Int64?
    public var lastCompletedOn: String?

    public init(employeeID: Int64) {
        self.employeeID = employeeID
    }

    public var total: Int { attended + recordings + external }
}

/// Attendance and completions of one unit's own staff over a period (sub-units not included: add
/// them up the tree). Every count is of the organisation's own people.
public struct UnitTrainingActivity: Sendable, Equatable {
    /// Active employees.
    public var staff = 0
    /// Active employees with at least one completion in force in the period.
    public var trainedPeople = 0
    /// Attendances at sessions held in the period.
    public var attendances = 0
    /// Active employees who attended at least one session held in the period.
    public var attendedPeople = 0
    /// Completions in force dated in the period, by kind.
    public var attendedCompletions = 0
    public var recordings = 0
    public var external = 0

    public init() {}

    public var completions: Int { attendedCompletions + recordings + external }

    public mutating func add(_ other: UnitTrainingActivity) {
        staff += other.staff
        trainedPeople += other.trainedPeople
        attendances += other.attendances
        attendedPeople += other.attendedPeople
        attendedCompletions += other.attendedCompletions
        recordings += other.recordings
        external += other.external
    }
}

/// A training's sessions held in a period, with what the organisation's own people did.
public struct HeldTraining: Sendable, Equatable {
    public var training: Stored<Training>
    /// Sessions held (not cancelled) that started in the period.
    public var sessions: Int
    /// Attendances of the organisation's people at those sessions.
    public var attendances: Int
    /// Recordings of the training watched by the organisation's people in the period.
    public var recordings: Int

    public init(training: Stored<Training>, sessions: Int, attendances: Int, recordings: Int) {
        self.training = training
        self.sessions = sessions
        self.attendances = attendances
        self.recordings = recordings
    }
}

/// The people of a group who completed a training in each area: per unit (its own staff), those
/// employed on a day and how many of them have a completion in force in the window.
public struct AreaCompletionCounts: Sendable, Equatable {
    /// Staff per own unit (nil: employees without a unit).
    public var staff: [Int64?: Int] = [:]
    /// Area code → people per own unit with a completion in the area.
    public var trained: [String: [Int64?: Int]] = [:]

    public init() {}
}
