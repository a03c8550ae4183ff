/// The tutors a unit has on a day. Every list holds tutor ids, ascending, each once.
public struct UnitTutors: Sendable, Hashable {
    /// Active tutors covering the unit (named for it, or for an ancestor with its sub-units),
    /// those ending soon included.
    public let active: [Int64]
    /// The active tutors among them that end within the warning period.
    public let ending: [Int64]
    /// Tutors named the same way who are on a break that day; they do not cover.
    public let paused: [Int64]

    public init(active: [Int64], ending: [Int64], paused: [Int64]) {
        self.active = active
        self.ending = ending
        self.paused = paused
    }

    /// Whether someone helps here on the day.
    public var isCovered: Bool { !active.isEmpty }

    /// Whether every tutor the unit has is paused or ending, and it has at least one (`ending` is a
    /// subset of `active`, as the rules build it).
    public var hasOnlyPausedOrEnding: Bool {
        (!paused.isEmpty || !ending.isEmpty) && active.count == ending.count
    }
}

/// Staff and tutors of a group of units (the organisation, a sector, a top unit with its sub-units).
public struct GroupCoverage: Sendable, Hashable {
    /// Active staff of the group's units.
    public let staff: Int
    /// Active staff of the group's units that have an active tutor.
    public let coveredStaff: Int
    /// Distinct active tutors covering some unit of the group; one covering two units counts once.
    public let tutors: Int

    public init(staff: Int, coveredStaff: Int, tutors: Int) {
        self.staff = staff
        self.coveredStaff = coveredStaff
        self.tutors = tutors
    }

    /// Staff of covered units per tutor; nil without any tutor.
    public var staffPerTutor: Double? {
        tutors > 0 ? Double(coveredStaff) / Double(tutors) : nil
    }

    /// The share of staff working in a covered unit; nil without staff.
    public var coveredShare: Double? {
        staff > 0 ? Double(coveredStaff) / Double(staff) : nil
    }
}

/// Who covers what on one day, and the gaps. Staff counts here are HR data about units, not about
/// what any person did or answered, so they are not subject to the anonymity rule.
public struct TutorCoverage: Sendable {
    /// The day the coverage describes.
    public let day: CivilDay
    /// Every unit given, with its tutors (empty lists when it has none).
    public let units: [Int64: UnitTutors]
    /// Units with staff and no active tutor, in the order the units were given. A unit whose only
    /// tutors are paused is here and in `onlyPausedOrEnding`.
    public let uncovered: [Int64]
    /// Units with staff whose only tutors are paused or end within the warning period, in the order
    /// the units were given: uncovered now, or soon.
    public let onlyPausedOrEnding: [Int64]
    /// Sectors (of the units given) none of whose units has an active tutor, ascending.
    public let sectorsWithoutTutor: [Int64]
    public let organisation: GroupCoverage
    /// Per sector; units without a sector count only in the organisation and their top unit.
    public let sectors: [Int64: GroupCoverage]
    /// Per top unit (a unit whose parent is not among those given) with all units below it.
    public let topUnits: [Int64: GroupCoverage]

    /// The tutors of a unit; empty lists for a unit not given.
    public func tutors(of unitID: Int64) -> UnitTutors {
        units[unitID] ?? UnitTutors(active: [], ending: [], paused: [])
    }
}

/// The organisation's covered-staff share on one day of a trend.
public struct CoverageTrendPoint: Sendable, Hashable {
    public let day: CivilDay
    public let staff: Int
    public let coveredStaff: Int

    public init(day: CivilDay, staff: Int, coveredStaff: Int) {
        self.day = day
        self.staff = staff
        self.coveredStaff = coveredStaff
    }

    /// Covered staff over staff; nil without staff.
    public var coveredShare: Double? {
        staff > 0 ? Double(coveredStaff) / Double(staff) : nil
    }
}
