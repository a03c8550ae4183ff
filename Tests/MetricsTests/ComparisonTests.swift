import Testing
@testable import Metrics

@Suite("Comparison")
struct ComparisonTests {
    @Test(arguments: [(3.5, 4.0, -0.5), (4.25, 4.0, 0.25), (3.0, 3.0, 0.0)])
    func gapIsMeanMinusTarget(mean: Double, target: Double, gap: Double) {
        #expect(Comparison.gap(mean: mean, target: target) == gap)
    }

    @Test func changeKeepsOnlyAreaCodesInBothRounds() {
        // "DATA" is new in this framework version and "OLD" was dropped from it: neither has a change.
        let current = ["SAFE": 3.5, "COMM": 3.0, "DATA": 4.0]
        let previous = ["SAFE": 3.0, "COMM": 3.25, "OLD": 2.0]
        #expect(Comparison.change(current: current, previous: previous) == ["SAFE": 0.5, "COMM": -0.25])
    }

    @Test func changeWithNothingInCommonIsEmpty() {
        #expect(Comparison.change(current: ["A": 3], previous: ["B": 3]).isEmpty)
    }

    @Test(arguments: [
        (5, 10, 0.5 as Double?), (0, 10, 0), (10, 10, 1), (12, 10, 1), (3, 0, nil), (3, -4, nil),
    ])
    func responseRate(respondents: Int, population: Int, expected: Double?) {
        #expect(Comparison.responseRate(respondents: respondents, population: population) == expected)
    }

    @Test func weakestAreAscendingWithTiesInInputOrder() {
        let items: [(id: String, mean: Double)] = [
            ("a", 3.0), ("b", 2.0), ("c", 3.0), ("d", 2.0), ("e", 4.0), ("f", 3.0),
        ]
        #expect(Comparison.weakest(items, count: 4).map(\.id) == ["b", "d", "a", "c"])
        #expect(Comparison.weakest(items, count: 4).map(\.mean) == [2, 2, 3, 3])
    }

    @Test(arguments: [(0, 0), (-1, 0), (2, 2), (10, 3)])
    func weakestCountIsClampedToTheItems(count: Int, expectedLength: Int) {
        let items: [(id: Int, mean: Double)] = [(1, 4.0), (2, 1.0), (3, 2.5)]
        #expect(Comparison.weakest(items, count: count).map(\.id) == Array([2, 3, 1].prefix(expectedLength)))
    }
}
