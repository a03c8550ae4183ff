/// What a requirement's next deadline is counted from.
public enum DueAnchor: Sendable, Hashable {
    /// Validity runs from the completion (or, for an early renewal, from the expiry it renews).
    case completionDate
    /// Every expiry lands on this date of a year, so deadlines cannot drift however early or late
    /// people complete. A 29 February anchor means 28 February in common years; an out-of-range
    /// month or day is clamped into range rather than rejected, so a bad setting cannot crash a page.
    case yearly(month: Int, day: Int)
}

/// One version of a requirement's rule: how long a completion stays valid and when people are due.
///
/// A rule is a version: when HR changes a requirement the app keeps the old version and evaluates
/// each day with the version in force on that day, so history does not change after the fact.
public struct RequirementRule: Sendable, Hashable {
    /// Months a completion stays valid; nil means once: any completion is valid for good.
    public let validityMonths: Int?
    /// The renewal window opens this many days before expiry: a completion inside it renews from the
    /// expiry, and the person shows as due from its first day.
    public let renewalWindowDays: Int
    public let anchor: DueAnchor
    /// Someone who starts after `inForceFrom` is first due this many days after their start date.
    public let newHireGraceDays: Int
    /// The first deadline for staff already employed when the requirement came into force.
    public let firstDueOn: CivilDay
    /// The requirement applies from this day on.
    public let inForceFrom: CivilDay

    /// Settings are clamped to sane ranges (validity 1…1200 months, window and grace 0…36,500 days)
    /// so no setting can make date arithmetic overflow; the forms should refuse such values first.
    public init(validityMonths: Int?, renewalWindowDays: Int = 0, anchor: DueAnchor = .completionDate,
                newHireGraceDays: Int = 0, firstDueOn: CivilDay, inForceFrom: CivilDay) {
        self.validityMonths = validityMonths.map { min(max($0, 1), 1200) }
        self.renewalWindowDays = min(max(renewalWindowDays, 0), 36_500)
        self.anchor = anchor
        self.newHireGraceDays = min(max(newHireGraceDays, 0), 36_500)
        self.firstDueOn = firstDueOn
        self.inForceFrom = inForceFrom
    }
}

/// The dates of a person's employment that the rules need.
public struct RequirementPerson: Sendable, Hashable {
    public let startDate: CivilDay?
    /// The last day of employment: still required on it, not after.
    public let endDate: CivilDay?

    public init(startDate: CivilDay? = nil, endDate: CivilDay? = nil) {
        self.startDate = startDate
        self.endDate = endDate
    }
}

/// A period (long leave, an individual decision) during which someone need not complete a requirement.
public struct ExemptionPeriod: Sendable, Hashable {
    public let from: CivilDay
    /// Inclusive: the last exempt day.
    public let until: CivilDay

    public init(from: CivilDay, until: CivilDay) {
        self.from = from
        self.until = until
    }

    public func contains(_ day: CivilDay) -> Bool {
        from <= day && day <= until
    }
}

extension ExemptionPeriod {
    /// Non-empty periods sorted by start, overlapping or back-to-back ones joined into one run, so
    /// "exempt until" names the real end of the absence and a run is found with one look.
    static func merged(_ periods: [ExemptionPeriod]) -> [ExemptionPeriod] {
        var runs: [ExemptionPeriod] = []
        for period in periods.filter({ $0.from <= $0.until }).sorted(by: { $0.from < $1.from }) {
            if let last = runs.last, period.from <= last.until.adding(days: 1) {
                runs[runs.count - 1] = ExemptionPeriod(from: last.from, until: max(last.until, period.until))
            } else {
                runs.append(period)
            }
        }
        return runs
    }
}

extension RequirementRule {
    /// The first day the requirement applies to this person: its entry into force or their start.
    func requiredFrom(for person: RequirementPerson) -> CivilDay {
        guard let start = person.startDate else { return inForceFrom }
        return max(start, inForceFrom)
    }

    /// The deadline of someone who has never had a valid completion. A new hire (started after the
    /// rule came into force) gets their grace from the start date, not snapped to a yearly anchor,
    /// but never a deadline earlier than the staff who were already there.
    func firstDeadline(for person: RequirementPerson) -> CivilDay {
        guard let start = person.startDate, start > inForceFrom else { return firstDueOn }
        return max(start.adding(days: newHireGraceDays), firstDueOn)
    }

    /// The expiry earned by validity counted from `start` (a completion, or an expiry being renewed).
    func expiry(countingFrom start: CivilDay, months: Int) -> CivilDay {
        let end = start.adding(months: months)
        switch anchor {
        case .completionDate:
            return end
        case let .yearly(month, day):
            let sameYear = CivilDay.clamped(year: end.year, month: month, day: day)
            return sameYear >= end ? sameYear : CivilDay.clamped(year: end.year + 1, month: month, day: day)
        }
    }
}

extension RequirementPerson {
    func hasLeft(by day: CivilDay) -> Bool {
        guard let end = endDate else { return false }
        return day > end
    }
}
