/// What the overview needs of one checklist: its counts on a day, as the database counted them.
public struct OnboardingChecklistFacts: Sendable, Hashable {
    public let start: CivilDay
    public let items: Int
    public let done: Int
    public let overdue: Int
    public let requiredOpen: Int
    /// The day the last required item was done (meaningful when none is open).
    public let lastRequiredDone: CivilDay?

    public init(start: CivilDay, items: Int, done: Int, overdue: Int, requiredOpen: Int, lastRequiredDone: CivilDay?) {
        self.start = start
        self.items = items
        self.done = done
        self.overdue = overdue
        self.requiredOpen = requiredOpen
        self.lastRequiredDone = lastRequiredDone
    }

    public var isComplete: Bool { requiredOpen == 0 }
}

/// Progress of a group of checklists (a sector, a unit, the organisation).
public struct OnboardingTally: Sendable, Hashable {
    public let checklists: Int
    public let completed: Int
    public let withOverdue: Int
    public let items: Int
    public let done: Int
    public let overdue: Int
    /// 0…100 of the items done, rounded down; nil without items.
    public let percentDone: Int?
    /// Mean days from the start date to the last required item, over completed checklists with
    /// something required (a day before the start counts as 0); nil when there are none.
    public let averageDaysToComplete: Double?

    public init(_ facts: [OnboardingChecklistFacts]) {
        checklists = facts.count
        completed = facts.filter(\.isComplete).count
        withOverdue = facts.filter { $0.overdue > 0 }.count
        items = facts.reduce(0) { $0 + $1.items }
        done = facts.reduce(0) { $0 + $1.done }
        overdue = facts.reduce(0) { $0 + $1.overdue }
        percentDone = items == 0 ? nil : done * 100 / items
        let durations = facts.compactMap { fact -> Int? in
            guard fact.isComplete, let last = fact.lastRequiredDone else { return nil }
            return max(0, fact.start.days(until: last))
        }
        averageDaysToComplete = durations.isEmpty ? nil : Double(durations.reduce(0, +)) / Double(durations.count)
    }
}
