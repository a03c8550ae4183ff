/// Help sessions of one month, topic, channel and unit, already added up (as the database groups a
/// year of the help log). Like the entries it counts, it names no one.
public struct HelpCount: Sendable, Hashable {
    /// Any day of the month (the rules use its first day).
    public let month: CivilDay
    public let topic: String
    public let channel: String
    public let unitID: Int64
    public let tally: HelpTally

    public init(month: CivilDay, topic: String, channel: String, unitID: Int64, tally: HelpTally) {
        self.month = month
        self.topic = topic
        self.channel = channel
        self.unitID = unitID
        self.tally = tally
    }

    /// Entries counted per month, topic, channel and unit.
    public static func counting(_ entries: [HelpEntry]) -> [HelpCount] {
        struct Key: Hashable { let month: CivilDay, topic: String, channel: String, unitID: Int64 }
        var tallies: [Key: HelpTally] = [:]
        for entry in entries {
            tallies[Key(month: entry.day.firstDayOfMonth, topic: entry.topic, channel: entry.channel, unitID: entry.unitID),
                    default: HelpTally()].add(entry)
        }
        return tallies.map { HelpCount(month: $0.key.month, topic: $0.key.topic, channel: $0.key.channel,
                                       unitID: $0.key.unitID, tally: $0.value) }
    }
}

extension TutorRules {
    /// The `limit` topics with the most help sessions in the month containing `month`, most first
    /// (ties: more minutes, then by topic), from counted entries. Organisation-wide, so always shown.
    public static func topTopics(counts: [HelpCount], month: CivilDay, limit: Int) -> [TopicHelp] {
        guard limit > 0 else { return [] }
        let first = month.firstDayOfMonth
        var topics: [String: HelpTally] = [:]
        for count in counts where count.month.firstDayOfMonth == first { topics[count.topic, default: HelpTally()].add(count.tally) }
        return Array(ranked(topics).prefix(limit))
    }

    /// Help per channel organisation-wide, most sessions first. Like the figures per topic it says
    /// nothing of any person, so it is always shown. (`TopicHelp.topic` holds the channel.)
    public static func helpByChannel(counts: [HelpCount]) -> [TopicHelp] {
        var channels: [String: HelpTally] = [:]
        for count in counts { channels[count.channel, default: HelpTally()].add(count.tally) }
        return ranked(channels)
    }
}
