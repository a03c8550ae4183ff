import Testing
@testable import Metrics

@Suite("Digitutors: help log from counted groups")
struct HelpCountTests {
    typealias F = HelpFixtures

    @Test func countedEntriesGiveTheSameFiguresAsTheEntries() {
        let entries = F.sessions(3, unit: 2, on: "2026-03-10") + F.sessions(10, unit: 3, on: "2026-03-11", topic: "Sähköposti")
            + F.sessions(20, unit: 4, on: "2026-03-12", minutes: 30) + F.sessions(6, unit: 5, on: "2026-04-01")
            + F.sessions(2, unit: 99, on: "2026-04-02", topic: "Tietoturva")
        let counts = HelpCount.counting(entries)
        #expect(counts.count == 5)
        let direct = F.aggregates(entries)
        let counted = TutorRules.helpAggregates(counts: counts, units: F.units, rule: F.rule)
        #expect(counted.byTopic == direct.byTopic && counted.months == direct.months && counted.byMonth == direct.byMonth)
        #expect(counted.byUnitMonth == direct.byUnitMonth)
        // Unit 2's three sessions in March stay hidden.
        #expect(counted.unit(2, month: civil("2026-03-01")) == nil && counted.unit(4, month: civil("2026-03-31")) != nil)
        #expect(TutorRules.topTopics(counts: counts, month: civil("2026-03-15"), limit: 1)
            == TutorRules.topTopics(entries: entries, month: civil("2026-03-15"), limit: 1))
    }

    @Test func helpByChannelAddsUpOrganisationWide() {
        let entries = F.sessions(2, unit: 2, on: "2026-03-10")
            + [HelpEntry(day: civil("2026-03-10"), topic: "Teams", minutes: 5, channel: "puhelin", unitID: 2)]
        let channels = TutorRules.helpByChannel(counts: HelpCount.counting(entries))
        #expect(channels.map(\.topic) == ["lähituki", "puhelin"])
        #expect(channels.map(\.tally) == [HelpTally(sessions: 2, minutes: 30), HelpTally(sessions: 1, minutes: 5)])
    }
}
