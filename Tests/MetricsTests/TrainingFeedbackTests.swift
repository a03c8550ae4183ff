import Testing
@testable import Metrics

@Suite("Training feedback under the anonymity rule")
struct TrainingFeedbackTests {
    let rule = AnonymityRule()

    /// `count` answers with the given usefulness, "can use" and comment each.
    static func answers(_ count: Int, usefulness: Int = 4, canUse: Bool? = true, comment: String = "") -> [FeedbackAnswer] {
        (0..<count).map { index in
            FeedbackAnswer(usefulness: usefulness, canUse: canUse, comment: comment.isEmpty ? "" : "\(comment) \(index)")
        }
    }

    /// One session alone: respondents → figures shown, comments shown.
    @Test(arguments: [(0, false, false), (1, false, false), (4, false, false), (5, true, false), (9, true, false),
                      (10, true, true), (25, true, true)])
    func aLoneSessionFollowsBothThresholds(respondents: Int, figures: Bool, comments: Bool) {
        let report = rule.feedbackReport(sessions: [7: Self.answers(respondents, comment: "Hyvä")], asSeries: false)
        let result = report.session(7)
        #expect((result.figures != nil) == figures)
        #expect((result.comments != nil) == comments)
        #expect(report.series == nil)
        if figures { #expect(result.figures?.respondents == respondents) }
    }

    @Test func figuresCountEachChoice() throws {
        let answers = [
            FeedbackAnswer(usefulness: 5, canUse: true, comment: ""),
            FeedbackAnswer(usefulness: 4, canUse: true, comment: ""),
            FeedbackAnswer(usefulness: 4, canUse: false, comment: ""),
            FeedbackAnswer(usefulness: 2, canUse: nil, comment: ""),
            FeedbackAnswer(usefulness: 1, canUse: nil, comment: ""),
        ]
        let figures = try #require(rule.feedbackReport(sessions: [1: answers], asSeries: false).session(1).figures)
        #expect(figures.respondents == 5)
        #expect(figures.usefulnessCounts == [1, 1, 0, 2, 1])
        #expect(approximately(figures.usefulnessMean, 16.0 / 5.0))
        #expect(figures.canUseYes == 2 && figures.canUseNo == 1 && figures.canUseUnanswered == 2)
        #expect(approximately(figures.canUseShare, 2.0 / 3.0))
    }

    @Test func noOneAnsweringCanUseGivesNoShare() throws {
        let figures = try #require(rule.feedbackReport(sessions: [1: Self.answers(6, canUse: nil)], asSeries: false)
            .session(1).figures)
        #expect(figures.canUseShare == nil)
        #expect(figures.canUseUnanswered == 6)
    }

    @Test func answersOffTheScaleAreNotCounted() {
        var answers = Self.answers(4)
        answers.append(FeedbackAnswer(usefulness: 0, canUse: true, comment: ""))
        answers.append(FeedbackAnswer(usefulness: 6, canUse: true, comment: ""))
        #expect(rule.feedbackReport(sessions: [1: answers], asSeries: false).session(1).figures == nil)
    }

    @Test func commentsAreSortedAndBlankOnesLeftOut() throws {
        let texts = ["Ö lopuksi", "  ", "Alussa", "", "Keskellä\n", "B", "a", "Z", "C", "D"]
        let answers = texts.map { FeedbackAnswer(usefulness: 3, canUse: nil, comment: $0) }
        let comments = try #require(rule.feedbackReport(sessions: [1: answers], asSeries: false).session(1).comments)
        #expect(comments == ["Alussa", "B", "C", "D", "Keskellä", "Z", "a", "Ö lopuksi"])
    }

    /// A series and its sessions: which groups show figures, for respondents per session.
    @Test(arguments: [
        // Every session large enough: everything shows.
        ([6, 7, 8], true, [true, true, true]),
        // One small session: the series less the shown ones would give it away, so the next
        // smallest goes too.
        ([3, 6, 14], true, [false, false, true]),
        // Two small sessions that together reach the minimum: nothing more needs hiding.
        ([3, 2, 13], true, [false, false, true]),
        // Everything small but the series: the series shows, no session does.
        ([2, 2, 2], true, [false, false, false]),
        // The whole series below the minimum: nothing shows.
        ([1, 2], false, [false, false]),
        // A session without answers is no secret: the others show.
        ([0, 5, 5], true, [false, true, true]),
    ] as [([Int], Bool, [Bool])])
    func aSeriesSuppressesComplementarily(respondents: [Int], series: Bool, sessions: [Bool]) {
        var input: [Int64: [FeedbackAnswer]] = [:]
        for (index, count) in respondents.enumerated() { input[Int64(index + 1)] = Self.answers(count) }
        let report = rule.feedbackReport(sessions: input, asSeries: true)
        #expect((report.series?.figures != nil) == series)
        for (index, shown) in sessions.enumerated() {
            #expect((report.session(Int64(index + 1)).figures != nil) == shown, "session \(index + 1)")
        }
        // Whatever shows, no hidden session with answers can be worked out: the series less the shown
        // sessions is 0 or at least the minimum.
        if let total = report.series?.figures?.respondents {
            let shown = (1...respondents.count).compactMap { report.session(Int64($0)).figures?.respondents }
                .reduce(0, +)
            let rest = total - shown
            #expect(rest == 0 || rest >= rule.minimumGroupSize)
        }
    }

    @Test func seriesCommentsAreHeldBackWhenASessionsCommentsWouldShowTheRest() throws {
        // The series (16) shows comments and session 1 (11) would too, but then the series less
        // session 1 would be session 2's five comments: session 1's comments are held back.
        let report = rule.feedbackReport(sessions: [1: Self.answers(11, comment: "Yksi"),
                                                    2: Self.answers(5, comment: "Kaksi")], asSeries: true)
        #expect(report.series?.figures?.respondents == 16)
        #expect(report.session(1).figures?.respondents == 11)
        #expect(report.session(2).figures?.respondents == 5)
        let seriesComments = try #require(report.series?.comments)
        #expect(seriesComments.count == 16)
        #expect(report.session(1).comments == nil)
        #expect(report.session(2).comments == nil)
    }

    @Test func commentsOfTwoLargeSessionsShowEverywhere() throws {
        let report = rule.feedbackReport(sessions: [1: Self.answers(10, comment: "Yksi"),
                                                    2: Self.answers(12, comment: "Kaksi")], asSeries: true)
        #expect(report.series?.comments?.count == 22)
        #expect(report.session(1).comments?.count == 10)
        #expect(report.session(2).comments?.count == 12)
    }

    @Test func anEmptySeriesShowsNothing() {
        let report = rule.feedbackReport(sessions: [:], asSeries: true)
        #expect(report.series == .hidden)
        #expect(report.session(1).figures == nil)
    }

    @Test func aStricterRuleIsFollowed() {
        let strict = AnonymityRule(minimumGroupSize: 8, openAnswerThreshold: 12)
        let report = strict.feedbackReport(sessions: [1: Self.answers(7, comment: "x"), 2: Self.answers(11, comment: "y")],
                                           asSeries: false)
        #expect(report.session(1).figures == nil)
        #expect(report.session(2).figures != nil)
        #expect(report.session(2).comments == nil)
    }
}
