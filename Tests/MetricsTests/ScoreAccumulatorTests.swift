import Testing
@testable import Metrics

@Suite("Score accumulator and summary")
struct ScoreAccumulatorTests {
    static let wideScale = Scale(minimum: 1, maximum: 10)

    @Test func summaryOfEightScores() throws {
        // [2, 4, 4, 4, 5, 5, 7, 9]: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
        // sample variance 32/7 = 4.571428…, SD 2.138090; t(7) = 2.365;
        // half-width 2.365 × 2.138090 / √8 = 2.365 × 0.755929 = 1.787772;
        // weak (≤ 2 on 1–10): one; strong (≥ 9): one.
        let accumulator = ScoreAccumulator(scale: Self.wideScale, scores: [2, 4, 4, 4, 5, 5, 7, 9])
        #expect(accumulator.count == 8)
        #expect(accumulator.sum == 40)
        #expect(accumulator.sumOfSquares == 232)
        let summary = try #require(accumulator.summary())
        #expect(summary.respondents == 8)
        #expect(summary.mean == 5)
        #expect(approximately(summary.standardDeviation, 2.138090, tolerance: 1e-6))
        let interval = try #require(summary.confidenceInterval)
        #expect(approximately(interval.lower, 5 - 1.787772, tolerance: 1e-6))
        #expect(approximately(interval.upper, 5 + 1.787772, tolerance: 1e-6))
        #expect(summary.shareWeak == 0.125)
        #expect(summary.shareStrong == 0.125)
    }

    @Test func oneScoreHasNoSpreadOrInterval() throws {
        let summary = try #require(ScoreAccumulator(scale: .agreement, scores: [3]).summary())
        #expect(summary.respondents == 1)
        #expect(summary.mean == 3)
        #expect(summary.standardDeviation == nil)
        #expect(summary.confidenceInterval == nil)
    }

    @Test func twoScoresGiveAnUnclampedInterval() throws {
        // [2, 4]: mean 3, variance (1 + 1) / 1 = 2, SD √2; half-width t(1) × √2 / √2 = 12.706,
        // so the interval runs far outside the 1–5 scale and is reported as such.
        let summary = try #require(ScoreAccumulator(scale: .agreement, scores: [2, 4]).summary())
        #expect(summary.mean == 3)
        #expect(approximately(summary.standardDeviation, 2.0.squareRoot()))
        #expect(summary.confidenceInterval == ConfidenceInterval(lower: 3 - 12.706, upper: 3 + 12.706))
        #expect(summary.shareWeak == 0.5)
        #expect(summary.shareStrong == 0.5)
    }

    @Test func emptyAccumulatorHasNoFigures() {
        let accumulator = ScoreAccumulator(scale: .agreement)
        #expect(accumulator.mean == nil)
        #expect(accumulator.summary() == nil)
    }

    @Test func mergingPartsEqualsAccumulatingEverything() {
        // Quarter steps are exact in binary, so the sums agree to the last bit in any order.
        let parts: [[Double]] = [[1, 2.25, 3.5], [], [4.75, 5, 2], [3.25]]
        var merged = ScoreAccumulator(scale: .agreement)
        for part in parts { merged.merge(ScoreAccumulator(scale: .agreement, scores: part)) }
        let whole = ScoreAccumulator(scale: .agreement, scores: parts.flatMap { $0 })
        #expect(merged == whole)
        #expect(merged.summary() == whole.summary())
    }

    @Test func mergingAnEmptyAccumulatorChangesNothing() {
        var accumulator = ScoreAccumulator(scale: .agreement, scores: [2, 3])
        let before = accumulator
        accumulator.merge(ScoreAccumulator(scale: .agreement))
        #expect(accumulator == before)
    }

    @Test(arguments: [
        (1.0, true, false), (2.0, true, false), (2.01, false, false), (3.0, false, false),
        (3.99, false, false), (4.0, false, true), (5.0, false, true),
    ])
    func weakAndStrongBoundaries(score: Double, weak: Bool, strong: Bool) {
        let accumulator = ScoreAccumulator(scale: .agreement, scores: [score])
        #expect(accumulator.weakCount == (weak ? 1 : 0))
        #expect(accumulator.strongCount == (strong ? 1 : 0))
    }

    @Test func sharesAtTheBoundaries() throws {
        // 2 and 1.5 are weak; 4 and 5 are strong; 2.5 and 3.75 are neither.
        let summary = try #require(ScoreAccumulator(scale: .agreement, scores: [2, 1.5, 4, 5, 2.5, 3.75]).summary())
        #expect(approximately(summary.shareWeak, 2.0 / 6.0))
        #expect(approximately(summary.shareStrong, 2.0 / 6.0))
    }

    @Test func identicalScoresNeverGiveANegativeVariance() throws {
        // 3.3 is inexact in binary, so sumOfSquares − sum²/n may round below zero; it is clamped.
        let accumulator = ScoreAccumulator(scale: .agreement, scores: Array(repeating: 3.3, count: 1000))
        let summary = try #require(accumulator.summary())
        let deviation = try #require(summary.standardDeviation)
        #expect(deviation >= 0 && deviation < 1e-6)
        let interval = try #require(summary.confidenceInterval)
        #expect(interval.lower <= interval.upper)
    }

    @Test(arguments: [
        (1, 12.706), (2, 4.303), (7, 2.365), (29, 2.045), (30, 2.042), (39, 2.042), (40, 2.021), (59, 2.021),
        (60, 2.000), (119, 2.000), (120, 1.980), (100_000, 1.980),
    ])
    func tCriticalValueUsesTheLargestTabulatedDegreesNotAbove(degrees: Int, expected: Double) {
        #expect(ConfidenceInterval.tCritical95(degreesOfFreedom: degrees) == expected)
    }
}
