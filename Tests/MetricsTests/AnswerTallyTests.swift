import Testing
@testable import Metrics

@Suite("Answer tally")
struct AnswerTallyTests {
    static func tally(_ answers: [Int?], scale: Scale = .agreement) -> AnswerTally {
        var tally = AnswerTally(scale: scale)
        for answer in answers { tally.add(answer) }
        return tally
    }

    @Test func countsPerPointAndCantSay() {
        let tally = Self.tally([1, 5, 5, nil, 3, nil, 5])
        #expect(tally.counts == [1, 0, 1, 0, 3])
        #expect(tally.cantSay == 2)
        #expect(tally.answered == 5)
        // (1 + 3 + 5 + 5 + 5) / 5 = 3.8
        #expect(approximately(tally.mean, 3.8))
    }

    @Test func sharesAreOverAnsweredAndCantSayOverAll() {
        let tally = Self.tally([1, 5, 5, nil, 3, nil, 5])
        #expect(tally.shares() == [0.2, 0, 0.2, 0, 0.6])
        #expect(approximately(tally.cantSayShare, 2.0 / 7.0))
    }

    @Test func outOfScaleValuesAreRefused() {
        var tally = AnswerTally(scale: .agreement)
        let accepted = [0, 6, 4, nil].map { tally.add($0) }
        #expect(accepted == [false, false, true, true])
        #expect(tally.counts == [0, 0, 0, 1, 0])
        #expect(tally.cantSay == 1)
    }

    @Test func emptyTally() {
        let tally = AnswerTally(scale: .agreement)
        #expect(tally.answered == 0)
        #expect(tally.mean == nil)
        #expect(tally.shares() == [0, 0, 0, 0, 0])
        #expect(tally.cantSayShare == 0)
    }

    @Test func onlyCantSay() {
        let tally = Self.tally([nil, nil])
        #expect(tally.shares() == [0, 0, 0, 0, 0])
        #expect(tally.cantSayShare == 1)
        #expect(tally.mean == nil)
    }

    @Test func countsStartAtTheScaleMinimum() {
        let tally = Self.tally([0, 10, 10, 7], scale: Scale(minimum: 0, maximum: 10))
        #expect(tally.counts.count == 11)
        #expect(tally.counts[0] == 1)
        #expect(tally.counts[7] == 1)
        #expect(tally.counts[10] == 2)
        #expect(approximately(tally.mean, 27.0 / 4.0))
    }

    @Test func mergeEqualsTallyingEverything() {
        let first: [Int?] = [1, 2, nil, 5]
        let second: [Int?] = [nil, 4, 4, 3]
        var merged = Self.tally(first)
        merged.merge(Self.tally(second))
        #expect(merged == Self.tally(first + second))
    }

    @Test func mergeIgnoresATallyOnAnotherScale() {
        var tally = Self.tally([3])
        tally.merge(Self.tally([3, 7], scale: Scale(minimum: 1, maximum: 7)))
        #expect(tally == Self.tally([3]))
    }
}
