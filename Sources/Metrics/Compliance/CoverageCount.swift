/// Counts of statuses for one requirement over a group of people, for coverage figures.
///
/// Figures about groups still go through the anonymity rules before they are shown; this only counts.
public struct CoverageCount: Sendable, Hashable {
    /// Everyone the requirement applies to, exempt people included.
    public private(set) var required = 0
    public private(set) var valid = 0
    /// All due, whatever the days left; `dueStillValid` of them are within a completion in force.
    public private(set) var due = 0
    public private(set) var dueStillValid = 0
    /// Due with at most 30 (60) days left, the deadline day included; the 60 count includes the 30.
    public private(set) var dueWithin30 = 0
    public private(set) var dueWithin60 = 0
    public private(set) var overdue = 0
    public private(set) var exempt = 0

    public init() {}

    public init<Statuses: Sequence>(_ statuses: Statuses) where Statuses.Element == RequirementStatus {
        for status in statuses { add(status) }
    }

    public mutating func add(_ status: RequirementStatus) {
        switch status {
        case .notRequired:
            return
        case .valid:
            valid += 1
        case let .due(_, daysLeft, stillValid):
            due += 1
            if stillValid { dueStillValid += 1 }
            if daysLeft <= 30 { dueWithin30 += 1 }
            if daysLeft <= 60 { dueWithin60 += 1 }
        case .overdue:
            overdue += 1
        case .exempt:
            exempt += 1
        }
        required += 1
    }

    /// Valid, or due within a completion still in force (see `RequirementStatus.isCompliant`).
    public var compliant: Int { valid + dueStillValid }

    /// Compliant people among those required and not exempt; nil when there are none. Exempt people
    /// are left out of both sides: they are excused, neither compliant nor failing.
    public var compliantShare: Double? {
        let base = required - exempt
        return base > 0 ? Double(compliant) / Double(base) : nil
    }
}
