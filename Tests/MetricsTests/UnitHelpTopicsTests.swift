import Testing
@testable import Metrics

@Suite("A unit's help topics for a development discussion")
struct UnitHelpTopicsTests {
    @Test func topicsByNameMostFirstWhenTheUnitHasEnoughSessions() {
        let topics = TutorRules.unitHelpTopics(sessionsByTopic: ["Teams": 4, "OneDrive": 2, "HR-järjestelmä": 2, "Tekoäly": 1],
                                               rule: AnonymityRule(), limit: 3)
        // Ties by name, so the order does not depend on the dictionary.
        #expect(topics == ["Teams", "HR-järjestelmä", "OneDrive"])
    }

    @Test func fewerSessionsThanTheMinimumGroupShowNothing() {
        #expect(TutorRules.unitHelpTopics(sessionsByTopic: ["Teams": 3, "OneDrive": 1], rule: AnonymityRule(), limit: 3) == nil)
        #expect(TutorRules.unitHelpTopics(sessionsByTopic: [:], rule: AnonymityRule(), limit: 3) == nil)
    }
}
