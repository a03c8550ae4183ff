import Foundation
import Metrics
import Storage

/// The help log's figures for one organisation and period, as the rules let them be shown, with
/// topics as their ids (named per request, in the reader's language).
struct HelpAggregatesData: Sendable {
    let aggregates: HelpAggregates
    let byChannel: [TopicHelp]
    /// This month's most-helped topics.
    let topTopics: [TopicHelp]

    /// Roughly what the figures hold: a tally per shown unit-month, per month, topic and channel.
    var memoryCost: Int {
        MemoryCost.table(aggregates.byUnitMonth.count, of: (UnitMonth, HelpTally).self)
            + MemoryCost.table(aggregates.byMonth.count, of: (CivilDay, HelpTally).self)
            + MemoryCost.array(aggregates.byTopic.count + byChannel.count + topTopics.count, of: TopicHelp.self)
    }
}

/// Built help-log figures per organisation and period. A year of a large organisation's log is
/// tens of thousands of groups to count and suppress, too slow to do on every view; they are rebuilt
/// when the help log changes (its size and newest id), and at least every five minutes for changes
/// of the unit tree, which that version does not see.
final class HelpAggregatesCache: Sendable {
    struct Entry: Sendable {
        let version: String
        let builtAt: Date
        let data: HelpAggregatesData
    }

    /// A dozen organisation-periods of a large installation.
    static let budget = 8 << 20

    private let entries: SingleFlight<Entry>
    let maximumAge: TimeInterval

    init(maximumAge: TimeInterval = 300, budget: Int = HelpAggregatesCache.budget,
         released: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.maximumAge = maximumAge
        entries = SingleFlight(budget: budget, cost: { $0.data.memoryCost + $0.version.utf8.count }, released: released)
    }

    func data(organisationID: Int64, from: String, to: String, version: String,
              build: () throws -> HelpAggregatesData) throws -> HelpAggregatesData {
        // One key per organisation and period whatever the version: a stale entry is replaced.
        let key = CacheKey(family: "tutor-help:\(organisationID)", version: 0, variant: "\(from)|\(to)")
        return try entries.value(key, isFresh: { entry in
            entry.version == version && Date().timeIntervalSince(entry.builtAt) < self.maximumAge
        }, build: {
            Entry(version: version, builtAt: Date(), data: try build())
        }).data
    }
}
