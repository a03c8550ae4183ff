/// What a digitutor is from a day on: helping (`active`), on a break (`paused`) or no longer a tutor.
public enum TutorStanding: Sendable, Hashable {
    /// Helping: covers the units the tutor is named for.
    case active
    /// On a break (leave, a busy season): covers nothing, but is expected back.
    case paused
    /// No longer a tutor.
    case ended
}

/// One change of a tutor's status: `status` from `from` (inclusive) until the next change.
public struct TutorPeriod: Sendable, Hashable {
    public let status: TutorStanding
    public let from: CivilDay

    public init(_ status: TutorStanding, from: CivilDay) {
        self.status = status
        self.from = from
    }
}

/// A digitutor as the coverage rules see it: an id, the history of status changes and, when the
/// coordinator knows it, the day the tutor plans to stop.
public struct NetworkTutor: Sendable, Hashable {
    public let id: Int64
    /// Status changes in any order; on a day with several, the one given last wins.
    public let periods: [TutorPeriod]
    /// The planned last day as a tutor, for "ending soon"; it does not end anything by itself.
    public let plannedEnd: CivilDay?

    public init(id: Int64, periods: [TutorPeriod], plannedEnd: CivilDay? = nil) {
        self.id = id
        self.periods = periods
        self.plannedEnd = plannedEnd
    }

    /// The status on `day`: that of the latest change on or before it; nil before the first change,
    /// when the tutor did not exist yet.
    public func status(on day: CivilDay) -> TutorStanding? {
        var latest: TutorPeriod?
        for period in periods where period.from <= day {
            if let current = latest, current.from > period.from { continue }
            latest = period
        }
        return latest?.status
    }

    /// Whether an active tutor is ending within `days` after `day` (that day included): the planned
    /// end, or a recorded change to `ended`, falls on or before `day + days`. A planned end already
    /// past while the history still says active counts as ending too: the coordinator should look.
    public func isEnding(after day: CivilDay, within days: Int) -> Bool {
        let horizon = day.adding(days: days)
        if let plannedEnd, plannedEnd <= horizon { return true }
        return periods.contains { $0.status == .ended && $0.from > day && $0.from <= horizon }
    }
}

/// A tutor named for a unit. With `includesSubunits` the tutor also covers every unit below it.
public struct TutorAssignment: Sendable, Hashable {
    public let tutorID: Int64
    public let unitID: Int64
    public let includesSubunits: Bool

    public init(tutorID: Int64, unitID: Int64, includesSubunits: Bool) {
        self.tutorID = tutorID
        self.unitID = unitID
        self.includesSubunits = includesSubunits
    }
}

/// An organisation's digitutors and the units they are named for.
public struct TutorNetwork: Sendable {
    /// Tutors by id; of two tutors given with one id, the first is kept.
    public let tutors: [Int64: NetworkTutor]
    public let assignments: [TutorAssignment]

    public init(tutors: [NetworkTutor], assignments: [TutorAssignment]) {
        self.tutors = Dictionary(tutors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.assignments = assignments
    }
}

/// A unit with its place in the tree and its active staff, the denominator of coverage.
public struct StaffedUnit: Sendable, Hashable {
    public let id: Int64
    public let parentID: Int64?
    public let sectorID: Int64?
    /// Active staff whose own unit this is (not counting sub-units).
    public let staff: Int

    public init(id: Int64, parentID: Int64?, sectorID: Int64?, staff: Int) {
        self.id = id
        self.parentID = parentID
        self.sectorID = sectorID
        self.staff = staff
    }

    /// The unit as the unit tree sees it.
    public var node: UnitNode { UnitNode(id: id, parentID: parentID, sectorID: sectorID) }
}
