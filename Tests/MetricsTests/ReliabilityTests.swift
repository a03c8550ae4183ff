import Testing
@testable import Metrics

@Suite("Reliability")
struct ReliabilityTests {
    @Test func cronbachAlphaByHand() throws {
        // Three statements, four complete respondents (the row with a nil is left out):
        //   rows 1 2 2 | 2 3 3 | 3 3 4 | 4 4 5, row sums 5, 8, 10, 13 (mean 9)
        //   item variances: [1,2,3,4] → 5/3, [2,3,3,4] → 2/3, [2,3,4,5] → 5/3; Σ = 4
        //   variance of row sums: (16 + 1 + 1 + 16) / 3 = 34/3
        //   alpha = 3/2 × (1 − 4 / (34/3)) = 3/2 × 22/34 = 33/34 ≈ 0.970588
        let rows: [[Double?]] = [[1, 2, 2], [2, 3, 3], [5, nil, 1], [3, 3, 4], [4, 4, 5]]
        let alpha = try #require(Reliability.cronbachAlpha(rows))
        #expect(approximately(alpha, 33.0 / 34.0))
        #expect(alpha >= Reliability.acceptableAlpha)
    }

    @Test func inconsistentStatementsGiveALowAlpha() throws {
        // Rows [1,3], [3,1], [2,2], [3,3]: the items pull in opposite directions.
        //   row sums 4, 4, 4, 6 (mean 4.5): variance (0.25 × 3 + 2.25) / 3 = 1
        //   items [1,3,2,3] and [3,1,2,3] (mean 2.25): variance 2.75/3 each; Σ = 5.5/3
        //   alpha = 2/1 × (1 − 5.5/3) = −5/3
        let alpha = try #require(Reliability.cronbachAlpha([[1, 3], [3, 1], [2, 2], [3, 3]]))
        #expect(approximately(alpha, -5.0 / 3.0))
        #expect(alpha < Reliability.acceptableAlpha)
    }

    @Test(arguments: [
        ("one statement", [[1], [2], [3]] as [[Double?]]),
        ("one complete row", [[1, 2], [nil, 3], [4, nil]]),
        ("no rows", []),
        ("no variance in the totals", [[3, 3], [3, 3], [3, 3]]),
        ("totals equal though items vary", [[1, 3], [3, 1], [2, 2]]),
        ("short rows are incomplete", [[1, 2, 3], [2, 3], [3]]),
    ])
    func alphaIsUndefined(_ name: String, rows: [[Double?]]) {
        #expect(Reliability.cronbachAlpha(rows) == nil)
    }
}

@Suite("Reliability from sums")
struct ReliabilityAccumulatorTests {
    @Test func agreesWithTheTwoPassFormulaOnCompleteRows() {
        var random = SplitMix64(state: 3)
        for _ in 0..<200 {
            let items = random.int(in: 1...6)
            let rows: [[Double?]] = (0..<random.int(in: 0...40)).map { _ in
                (0..<items).map { _ in random.int(in: 0...9) == 0 ? nil : Double(random.int(in: 1...5)) }
            }
            var accumulator = ReliabilityAccumulator(itemCount: items)
            for row in rows where row.allSatisfy({ $0 != nil }) { accumulator.add(row.compactMap { $0 }[...]) }
            let expected = Reliability.cronbachAlpha(rows)
            if let expected, let alpha = accumulator.alpha {
                #expect(abs(alpha - expected) < 1e-9)
            } else {
                #expect(expected == nil && accumulator.alpha == nil, "\(rows)")
            }
        }
    }

    @Test func byHand() {
        var accumulator = ReliabilityAccumulator(itemCount: 3)
        for row: [Double] in [[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 4, 5]] { accumulator.add(row[...]) }
        accumulator.add([5, 1][...])
        #expect(accumulator.rowCount == 4)
        #expect(abs((accumulator.alpha ?? 0) - 33.0 / 34.0) < 1e-12)
    }
}
