/// A digitutor's record of help given. By design it names no one who was helped.
public struct HelpEntry: Sendable, Hashable {
    public let day: CivilDay
    public let topic: String
    public let minutes: Int
    public let channel: String
    /// The unit the help was given in.
    public let unitID: Int64

    public init(day: CivilDay, topic: String, minutes: Int, channel: String, unitID: Int64) {
        self.day = day
        self.topic = topic
        self.minutes = minutes
        self.channel = channel
        self.unitID = unitID
    }
}

/// Help sessions and their minutes, added up.
public struct HelpTally: Sendable, Hashable {
    public private(set) var sessions = 0
    public private(set) var minutes = 0

    public init() {}

    public init(sessions: Int, minutes: Int) {
        self.sessions = sessions
        self.minutes = minutes
    }

    /// Counts one entry; negative minutes count as none.
    public mutating func add(_ entry: HelpEntry) {
        sessions += 1
        minutes += max(0, entry.minutes)
    }

    /// Adds another tally, e.g. a sub-unit's.
    public mutating func add(_ other: HelpTally) {
        sessions += other.sessions
        minutes += other.minutes
    }
}

/// The help given on one topic.
public struct TopicHelp: Sendable, Hashable {
    public let topic: String
    public let tally: HelpTally

    public init(topic: String, tally: HelpTally) {
        self.topic = topic
        self.tally = tally
    }
}

/// A unit (with its sub-units) in one month, keyed by the month's first day.
public struct UnitMonth: Sendable, Hashable {
    public let unitID: Int64
    public let month: CivilDay

    public init(unitID: Int64, month: CivilDay) {
        self.unitID = unitID
        self.month = month
    }
}

/// The help log's figures as they may be shown.
public struct HelpAggregates: Sendable {
    /// Organisation-wide per topic, most sessions first (then most minutes, then by topic).
    public let byTopic: [TopicHelp]
    /// First days of the months with any entry, ascending.
    public let months: [CivilDay]
    /// Organisation-wide per month (keyed by first day).
    public let byMonth: [CivilDay: HelpTally]
    /// Per unit with its sub-units and month: only the figures the anonymity rule lets through, so
    /// a hidden figure is absent, never a zero.
    public let byUnitMonth: [UnitMonth: HelpTally]

    /// A unit's figure (with its sub-units) for the month containing `month`; nil when hidden.
    public func unit(_ unitID: Int64, month: CivilDay) -> HelpTally? {
        byUnitMonth[UnitMonth(unitID: unitID, month: month.firstDayOfMonth)]
    }
}

extension CivilDay {
    /// The first day of this day's month.
    public var firstDayOfMonth: CivilDay { adding(days: 1 - day) }
}
