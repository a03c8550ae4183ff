import Testing
@testable import Metrics

/// The units the help-log tables use:
///
///     1 ── 2, 3 ── 5        4
enum HelpFixtures {
    static let units = [
        UnitNode(id: 1, parentID: nil, sectorID: 10), UnitNode(id: 2, parentID: 1, sectorID: 10),
        UnitNode(id: 3, parentID: 1, sectorID: 10), UnitNode(id: 4, parentID: nil, sectorID: 20),
        UnitNode(id: 5, parentID: 3, sectorID: 10),
    ]
    static let rule = AnonymityRule(minimumGroupSize: 5)

    /// `count` sessions of 15 minutes in a unit on a day.
    static func sessions(_ count: Int, unit: Int64, on day: String, topic: String = "Teams",
                         minutes: Int = 15) -> [HelpEntry] {
        Array(repeating: HelpEntry(day: civil(day), topic: topic, minutes: minutes, channel: "lähituki", unitID: unit),
              count: count)
    }

    static func aggregates(_ entries: [HelpEntry]) -> HelpAggregates {
        TutorRules.helpAggregates(entries: entries, units: units, rule: rule)
    }
}

/// One row of a suppression table: one month's sessions per unit, and which unit figures are shown.
struct HelpSuppressionCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// Sessions logged for each unit itself.
    let own: [Int64: Int]
    /// The shown sessions per unit with its sub-units; units not listed are hidden.
    let shown: [Int64: Int]

    var testDescription: String { name }
}

@Suite("Digitutors: help log aggregates")
struct TutorHelpLogTests {
    typealias F = HelpFixtures

    static let suppression: [HelpSuppressionCase] = [
        HelpSuppressionCase(name: "every unit at or above the minimum: all shown",
                            own: [2: 5, 3: 6, 4: 9], shown: [1: 11, 2: 5, 3: 6, 4: 9]),
        HelpSuppressionCase(name: "a unit with 3 sessions is hidden at minimum 5, and so is its sibling, which the parent would give away",
                            own: [2: 3, 3: 10, 4: 20], shown: [1: 13, 4: 20]),
        HelpSuppressionCase(name: "a small unit beside the parent's own entries: only the small unit hidden",
                            own: [1: 10, 2: 3, 4: 20], shown: [1: 13, 4: 20]),
        HelpSuppressionCase(name: "two small siblings adding up to the minimum: both hidden, the parent shown",
                            own: [2: 3, 3: 2, 4: 8], shown: [1: 5, 4: 8]),
        HelpSuppressionCase(name: "a small top unit: the other top unit hidden, or the organisation's total would give it away, and then one of its sub-units, or they would add up to it",
                            own: [2: 7, 3: 6, 4: 3], shown: [2: 7]),
        HelpSuppressionCase(name: "a small grandchild: its parent, no larger, is hidden too, and so is that parent's sibling",
                            own: [5: 2, 2: 9, 4: 9], shown: [1: 11, 4: 9]),
        HelpSuppressionCase(name: "no unit with any session: nothing shown, no zeros",
                            own: [:], shown: [:]),
    ]

    @Test(arguments: suppression) func unitFiguresGoThroughTheAnonymityRule(_ row: HelpSuppressionCase) {
        let entries = row.own.sorted { $0.key < $1.key }.flatMap { F.sessions($0.value, unit: $0.key, on: "2026-03-10") }
        let aggregates = F.aggregates(entries)
        for unit in F.units {
            #expect(aggregates.unit(unit.id, month: civil("2026-03-01"))?.sessions == row.shown[unit.id], "unit \(unit.id)")
        }
        #expect(aggregates.byUnitMonth.values.allSatisfy { $0.sessions >= F.rule.minimumGroupSize },
                "a hidden figure is absent, never a zero or a small number")
        #expect(aggregates.byMonth[civil("2026-03-01")]?.sessions == (entries.isEmpty ? nil : entries.count),
                "the organisation's month is always shown")
    }

    @Test func theMinimumItselfIsShownAndMinutesGoWithTheirSessions() {
        let aggregates = F.aggregates(F.sessions(5, unit: 4, on: "2026-03-02", minutes: 20)
                                      + F.sessions(1, unit: 4, on: "2026-03-31", minutes: -5))
        #expect(aggregates.unit(4, month: civil("2026-03-17")) == HelpTally(sessions: 6, minutes: 100),
                "any day of the month finds it; negative minutes count as none")
        let hidden = F.aggregates(F.sessions(4, unit: 4, on: "2026-03-02"))
        #expect(hidden.unit(4, month: civil("2026-03-01")) == nil)
        #expect(hidden.byMonth[civil("2026-03-01")] == HelpTally(sessions: 4, minutes: 60))
    }

    @Test func eachMonthIsJudgedOnItsOwn() {
        let entries = F.sessions(6, unit: 4, on: "2026-01-20") + F.sessions(2, unit: 4, on: "2026-02-03")
            + F.sessions(7, unit: 2, on: "2026-02-28") + F.sessions(1, unit: 3, on: "2026-04-01")
        let aggregates = F.aggregates(entries)
        #expect(aggregates.months == ["2026-01-01", "2026-02-01", "2026-04-01"].map { civil($0) })
        #expect(aggregates.byMonth.mapValues(\.sessions) == [civil("2026-01-01"): 6, civil("2026-02-01"): 9,
                                                            civil("2026-04-01"): 1])
        #expect(aggregates.unit(4, month: civil("2026-01-01"))?.sessions == 6)
        #expect(aggregates.unit(4, month: civil("2026-02-01")) == nil)
        #expect(aggregates.unit(2, month: civil("2026-02-01")) == nil,
                "shown alone it would give unit 4's February away through the organisation's total")
        #expect(aggregates.unit(3, month: civil("2026-04-01")) == nil)
        #expect(aggregates.byUnitMonth.count == 1)
    }

    @Test func entriesOfAUnitNotInTheTreeCountOrganisationWideAndProtectTheRest() {
        let entries = F.sessions(2, unit: 99, on: "2026-03-05") + F.sessions(9, unit: 4, on: "2026-03-05")
        let aggregates = F.aggregates(entries)
        #expect(aggregates.byMonth[civil("2026-03-01")]?.sessions == 11)
        #expect(aggregates.unit(99, month: civil("2026-03-01")) == nil)
        #expect(aggregates.unit(4, month: civil("2026-03-01")) == nil,
                "the organisation minus unit 4 would be the 2 sessions outside the tree")
    }

    @Test func topicsAreAlwaysShownMostSessionsFirst() {
        let entries = F.sessions(1, unit: 2, on: "2026-03-05", topic: "Palkka-asiat", minutes: 30)
            + F.sessions(3, unit: 4, on: "2026-03-05", topic: "Teams", minutes: 10)
            + F.sessions(1, unit: 3, on: "2026-04-05", topic: "Sähköposti", minutes: 30)
            + F.sessions(2, unit: 3, on: "2026-04-07", topic: "Teams", minutes: 5)
        let aggregates = F.aggregates(entries)
        #expect(aggregates.byTopic == [
            TopicHelp(topic: "Teams", tally: HelpTally(sessions: 5, minutes: 40)),
            TopicHelp(topic: "Palkka-asiat", tally: HelpTally(sessions: 1, minutes: 30)),
            TopicHelp(topic: "Sähköposti", tally: HelpTally(sessions: 1, minutes: 30)),
        ], "a topic with one session is shown; ties by minutes, then by topic")
        #expect(aggregates.byUnitMonth.isEmpty, "while no unit figure is")
    }

    @Test func topTopicsOfAMonth() {
        let entries = F.sessions(2, unit: 2, on: "2026-03-05", topic: "Teams")
            + F.sessions(2, unit: 2, on: "2026-03-25", topic: "Sähköposti", minutes: 30)
            + F.sessions(1, unit: 4, on: "2026-03-31", topic: "Tulostus")
            + F.sessions(9, unit: 4, on: "2026-04-01", topic: "Tulostus")
        let march = TutorRules.topTopics(entries: entries, month: civil("2026-03-15"), limit: 2)
        #expect(march.map(\.topic) == ["Sähköposti", "Teams"], "April's sessions do not count for March")
        #expect(march.first?.tally == HelpTally(sessions: 2, minutes: 60))
        #expect(TutorRules.topTopics(entries: entries, month: civil("2026-03-01"), limit: 10).count == 3)
        #expect(TutorRules.topTopics(entries: entries, month: civil("2026-03-01"), limit: 0).isEmpty)
        #expect(TutorRules.topTopics(entries: entries, month: civil("2026-05-01"), limit: 3).isEmpty)
    }
}
