import Testing
@testable import Metrics

@Suite("Area score")
struct AreaScoreTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let answers: [Int?]
        let statementCount: Int
        let expected: Double?
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "all answered", answers: [1, 2, 3, 4, 5], statementCount: 5, expected: 3),
        Case(name: "can't say excluded from the mean", answers: [4, nil, 5, 3], statementCount: 4, expected: 4),
        Case(name: "exactly half of an even count", answers: [4, nil, 2, nil], statementCount: 4, expected: 3),
        Case(name: "just under half of an even count", answers: [4, nil, nil, nil], statementCount: 4, expected: nil),
        Case(name: "all can't say", answers: [nil, nil, nil, nil], statementCount: 4, expected: nil),
        Case(name: "2 of 5 is under half", answers: [5, 4, nil, nil, nil], statementCount: 5, expected: nil),
        Case(name: "3 of 5 is over half", answers: [5, 4, 3, nil, nil], statementCount: 5, expected: 4),
        Case(name: "4 of 7", answers: [1, 2, 2, 3, nil, nil, nil], statementCount: 7, expected: 2),
        Case(name: "3 of 7", answers: [1, 2, 3, nil, nil, nil, nil], statementCount: 7, expected: nil),
        Case(name: "out-of-scale answers ignored", answers: [6, 0, 4, 5], statementCount: 4, expected: 4.5),
        Case(name: "out-of-scale counts as unanswered", answers: [6, 0, 4, nil], statementCount: 4, expected: nil),
        Case(name: "missing statements count as unanswered", answers: [3, 4], statementCount: 4, expected: 3.5),
        Case(name: "missing statements under half", answers: [3], statementCount: 4, expected: nil),
        Case(name: "no statements", answers: [], statementCount: 0, expected: nil),
    ])
    func scoreOnTheAgreementScale(_ example: Case) {
        let score = AreaScore.score(of: example.answers, statementCount: example.statementCount, scale: .agreement)
        #expect(approximately(score, example.expected))
    }

    @Test func fractionalMean() {
        // (3 + 4 + 4) / 3 = 3.666…
        let score = AreaScore.score(of: [3, 4, 4, nil], statementCount: 4, scale: .agreement)
        #expect(approximately(score, 11.0 / 3.0))
    }
}
