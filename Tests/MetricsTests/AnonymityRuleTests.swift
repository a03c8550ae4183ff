import Testing
@testable import Metrics

@Suite("Anonymity rule")
struct AnonymityRuleTests {
    let rule = AnonymityRule()

    @Test func defaults() {
        #expect(rule.minimumGroupSize == 5)
        #expect(rule.openAnswerThreshold == 10)
    }

    @Test(arguments: [(0, false, false), (4, false, false), (5, true, false), (9, true, false), (10, true, true)])
    func thresholds(respondents: Int, figures: Bool, openAnswers: Bool) {
        #expect(rule.showsFigures(respondents: respondents) == figures)
        #expect(rule.showsOpenAnswers(respondents: respondents) == openAnswers)
    }

    @Test func openAnswersAlsoNeedTheMinimum() {
        let strict = AnonymityRule(minimumGroupSize: 12, openAnswerThreshold: 10)
        #expect(strict.showsOpenAnswers(respondents: 10) == false)
        #expect(strict.showsOpenAnswers(respondents: 12))
    }

    @Test func aGroupBelowTheMinimumIsHidden() {
        #expect(rule.hiddenGroups(respondents: ["A": 4, "B": 5, "C": 30], partitions: []) == ["A"])
    }

    @Test func oneHiddenSiblingHidesTheNextSmallest() {
        // Organisation 23 − B 6 − C 14 would reveal A's 3, so B (the smaller shown part) goes too.
        let hidden = rule.hiddenGroups(
            respondents: ["O": 23, "A": 3, "B": 6, "C": 14],
            partitions: [Partition(whole: "O", parts: ["A", "B", "C"])])
        #expect(hidden == ["A", "B"])
    }

    @Test func equalSiblingsTieToTheFirstInPartsOrder() {
        let hidden = rule.hiddenGroups(
            respondents: ["O": 16, "A": 2, "B": 7, "C": 7],
            partitions: [Partition(whole: "O", parts: ["A", "C", "B"])])
        #expect(hidden == ["A", "C"])
    }

    @Test func twoSmallSiblingsTogetherAtTheMinimumNeedNothingMore() {
        // Subtraction reveals only A + B = 5, which is a shown-sized group.
        let hidden = rule.hiddenGroups(
            respondents: ["O": 18, "A": 3, "B": 2, "C": 13],
            partitions: [Partition(whole: "O", parts: ["A", "B", "C"])])
        #expect(hidden == ["A", "B"])
    }

    @Test func noShownPartLeftHidesTheWhole() {
        // A partition missing its remainder part (the caller's mistake) still cannot leak: the
        // whole minus nothing shown is the 2 of A plus unknown others, so the whole is hidden.
        let hidden = rule.hiddenGroups(
            respondents: ["W": 6, "A": 2],
            partitions: [Partition(whole: "W", parts: ["A"])])
        #expect(hidden == ["W", "A"])
    }

    @Test func aHiddenWholeCascadesThroughThreeLevels() {
        // O = A + B + C; B = B-own (0) + B1 + B2; B1 = B1-own (0) + B11.
        // A (3) hides B (rule a: 42 − 29 would reveal A); hidden B hides B1, as B1 + B2 would
        // add up to B (rule b, tie to the first); hidden B1 hides B11, which alone equals B1.
        let respondents = [
            "O": 42, "A": 3, "B": 10, "C": 29, "B-own": 0, "B1": 5, "B2": 5, "B1-own": 0, "B11": 5,
        ]
        let partitions = [
            Partition(whole: "O", parts: ["A", "B", "C"]),
            Partition(whole: "B", parts: ["B-own", "B1", "B2"]),
            Partition(whole: "B1", parts: ["B1-own", "B11"]),
        ]
        let hidden = rule.hiddenGroups(respondents: respondents, partitions: partitions)
        #expect(hidden == ["A", "B", "B-own", "B1", "B1-own", "B11"])
    }

    @Test func partitionsListedBottomUpStillReachTheFixpoint() {
        // W = a + b is looked at first and needs nothing; then V = d + W + c hides W (d is 3).
        // Only a second pass over W's partition sees that a + b would add up to the hidden W.
        let respondents = ["V": 33, "d": 3, "W": 10, "c": 20, "a": 5, "b": 5]
        let partitions = [
            Partition(whole: "W", parts: ["a", "b"]),
            Partition(whole: "V", parts: ["d", "W", "c"]),
        ]
        #expect(rule.hiddenGroups(respondents: respondents, partitions: partitions) == ["d", "W", "a"])
    }

    @Test func hiddenEmptyPartsRevealNothing() {
        // A unit with no own staff: the empty part is hidden but subtracting gives 0, which is safe.
        let hidden = rule.hiddenGroups(
            respondents: ["U": 20, "U-own": 0, "P1": 10, "P2": 10],
            partitions: [Partition(whole: "U", parts: ["U-own", "P1", "P2"])])
        #expect(hidden == ["U-own"])
    }

    @Test func emptyPartsDoNotCountTowardsTheHiddenSum() {
        let hidden = rule.hiddenGroups(
            respondents: ["U": 20, "U-own": 0, "P1": 3, "P2": 17],
            partitions: [Partition(whole: "U", parts: ["U-own", "P1", "P2"])])
        #expect(hidden == ["U-own", "P1", "P2"])
    }

    @Test func groupsAbsentFromRespondentsCountAsEmpty() {
        let hidden = rule.hiddenGroups(
            respondents: ["U": 12, "P1": 12],
            partitions: [Partition(whole: "U", parts: ["U-own", "P1"])])
        #expect(hidden == ["U-own"])
    }

    @Test func aHiddenWholeWithOnlyEmptyPartsNeedsNothingMore() {
        let hidden = rule.hiddenGroups(
            respondents: ["U": 0],
            partitions: [Partition(whole: "U", parts: ["U-own", "P1"])])
        #expect(hidden == ["U", "U-own", "P1"])
    }

    @Test func aHiddenWholeWithAHiddenPartNeedsNothingMore() {
        // Whole 4 is hidden; its part of 4 is hidden too; the empty part is irrelevant.
        let hidden = rule.hiddenGroups(
            respondents: ["U": 4, "U-own": 0, "P1": 4],
            partitions: [Partition(whole: "U", parts: ["U-own", "P1"])])
        #expect(hidden == ["U", "U-own", "P1"])
    }

    @Test func aLargerMinimumHidesMore() {
        let strict = AnonymityRule(minimumGroupSize: 10)
        let hidden = strict.hiddenGroups(
            respondents: ["O": 30, "A": 9, "B": 10, "C": 11],
            partitions: [Partition(whole: "O", parts: ["A", "B", "C"])])
        #expect(hidden == ["A", "B"])
    }
}
