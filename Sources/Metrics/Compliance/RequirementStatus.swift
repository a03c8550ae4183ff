/// A person's standing against one requirement on one day, computed at read time and never stored.
public enum RequirementStatus: Sendable, Hashable {
    /// Not in force yet, before the person's start, or after their last day.
    case notRequired
    /// Completed and not yet in the renewal window; `until` is nil for a once-only requirement.
    case valid(until: CivilDay?)
    /// Must complete by `on` (inclusive). `stillValid` is true when the renewal window opened on a
    /// completion that is still in force (they are compliant, just reminded), false when they have
    /// no valid completion (never did it, or it lapsed before a later first deadline).
    case due(on: CivilDay, daysLeft: Int, stillValid: Bool)
    /// Missed the deadline `since`; `days` counts from it (1 on the day after).
    case overdue(since: CivilDay, days: Int)
    /// Excused, with no valid completion, through `until` (inclusive).
    case exempt(until: CivilDay)

    /// The case without its values, for counting and sorting. Declared most urgent first, and
    /// `Comparable` in that order: overdue, due, exempt, valid, not required.
    public enum Kind: Int, Sendable, Hashable, CaseIterable, Comparable {
        case overdue, due, exempt, valid, notRequired

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind {
        switch self {
        case .notRequired: .notRequired
        case .valid: .valid
        case .due: .due
        case .overdue: .overdue
        case .exempt: .exempt
        }
    }

    /// The deadline a due or overdue status is counted against; nil otherwise. Reminders belong to it.
    public var deadline: CivilDay? {
        switch self {
        case let .due(on, _, _): on
        case let .overdue(since, _): since
        case .notRequired, .valid, .exempt: nil
        }
    }

    /// Compliant means covered by a completion in force today: valid, or due with the window open on
    /// a still-valid completion. Someone who never completed is not compliant even before their
    /// deadline; an exempt person is neither compliant nor not (see `CoverageCount`).
    public var isCompliant: Bool {
        switch self {
        case .valid: true
        case let .due(_, _, stillValid): stillValid
        case .notRequired, .overdue, .exempt: false
        }
    }
}
