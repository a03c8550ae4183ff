/// One item of a running checklist, as progress needs it.
public struct OnboardingItemState: Sendable, Hashable {
    public let due: CivilDay
    public let doneOn: CivilDay?
    public let required: Bool

    public init(due: CivilDay, doneOn: CivilDay?, required: Bool) {
        self.due = due
        self.doneOn = doneOn
        self.required = required
    }

    public var isDone: Bool { doneOn != nil }

    /// Not done and its due day has passed (an item due today is not yet overdue).
    public func isOverdue(on today: CivilDay) -> Bool {
        doneOn == nil && due < today
    }
}

/// How far a checklist has come on a day, from its items' dates.
public struct OnboardingProgress: Sendable, Hashable {
    public let total: Int
    public let done: Int
    public let overdue: Int
    public let requiredOpen: Int
    /// 0…100, rounded down (a checklist shows 100 only when every item is done).
    public let percent: Int
    /// Every required item is done.
    public let isComplete: Bool
    /// The day the last required item was done, when complete (nil when there is no required item).
    public let completedOn: CivilDay?

    public init(_ items: [OnboardingItemState], on today: CivilDay) {
        total = items.count
        done = items.filter(\.isDone).count
        overdue = items.filter { $0.isOverdue(on: today) }.count
        requiredOpen = items.filter { $0.required && !$0.isDone }.count
        percent = total == 0 ? 100 : done * 100 / total
        isComplete = requiredOpen == 0
        completedOn = isComplete ? items.filter(\.required).compactMap(\.doneOn).max() : nil
    }

    /// Days from the start date to completion, when complete and there was something required.
    public func daysToComplete(start: CivilDay) -> Int? {
        completedOn.map { max(0, start.days(until: $0)) }
    }
}
