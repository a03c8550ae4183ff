import Foundation
import HTTPServer
import Metrics
import Storage

/// One usefulness value's row in the distribution table.
struct FeedbackDistributionRow {
    let label: String
    let count: String
    let share: String
}

/// The figures of a group large enough to show them.
struct FeedbackFiguresView {
    let respondents: String
    let mean: String
    let canUseShare: String
    let canUseYes: String
    let canUseNo: String
    let canUseUnanswered: String
    let distribution: [FeedbackDistributionRow]
}

/// A group's feedback as the page shows it: figures or why not, comments or why not.
struct FeedbackGroupView {
    /// Zero or one element, so the template needs no optional.
    let figures: [FeedbackFiguresView]
    let suppressed: String
    let comments: [String]
    let hasComments: Bool
    let commentsNote: String
    let hasCommentsNote: Bool
}

struct FeedbackResultsView {
    let crumbs: [Crumb]
    let session: AttendanceSessionHeading
    let group: FeedbackGroupView
    let rule: String
    let seriesHref: String
    let seriesTitle: String
    let hasSeries: Bool
}

/// One session's line in a series' feedback table.
struct SeriesFeedbackRow {
    let href: String
    let time: String
    let title: String
    let cancelled: Bool
    let respondents: String
    let mean: String
    let canUseShare: String
}

struct SeriesFeedbackView {
    let crumbs: [Crumb]
    let title: String
    let total: FeedbackGroupView
    let rows: [SeriesFeedbackRow]
    let hasRows: Bool
    let rule: String
}

extension WebApp {
    /// The rule feedback figures follow: the surveys' default minimum group size and open-answer threshold.
    static let feedbackRule = AnonymityRule()

    /// A session's feedback as aggregates, for those who keep the training's catalogue.
    func showSessionFeedbackResults(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let listing = try trainingSessions.listing(sessionID: try context.sessionID) else { throw AppError.notFound }
        try context.require(try keepsCatalogue(listing.training.organisationID, context))
        let strings = context.strings
        let series = try listing.training.seriesID.flatMap { try trainingCatalogue.series(id: $0) }
        let result = try feedbackReport(seriesID: series?.id, sessionIDs: [listing.session.id]).session(listing.session.id)
        let title = strings.text("trainingattendance_results_title")
        let view = FeedbackResultsView(
            crumbs: attendanceCrumbs(listing, strings, then: (Paths.sessionFeedbackResults(listing.session.id), title)),
            session: AttendanceSessionHeading(listing, strings), group: feedbackGroupView(result, strings),
            rule: ruleText(strings), seriesHref: series.map { Paths.seriesFeedback($0.id) } ?? "",
            seriesTitle: series?.title.text(strings.language.rawValue) ?? "", hasSeries: series != nil)
        return try context.render("trainings/feedback-results", title: title + " – " + view.session.title, view)
    }

    /// A series' feedback: all its sessions together, and each session where the rule lets it show.
    func showSeriesFeedback(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let series = try trainingCatalogue.series(id: try context.seriesID) else { throw AppError.notFound }
        try context.require(try keepsCatalogue(series.organisationID, context))
        let strings = context.strings
        let sessionIDs = try trainingFeedback.sessionIDs(seriesID: series.id)
        let report = try feedbackReport(seriesID: series.id, sessionIDs: sessionIDs)
        let listings = try trainingSessions.listings(sessionIDs: sessionIDs)
        let rows = listings.map { listing in
            let figures = report.session(listing.session.id).figures
            return SeriesFeedbackRow(
                href: Paths.sessionFeedbackResults(listing.session.id),
                time: AttendanceText.sessionTime(listing.session.record, strings),
                title: listing.training.title.text(strings.language.rawValue),
                cancelled: listing.session.status == .cancelled,
                respondents: figures.map { strings.number($0.respondents) } ?? suppressedShort(strings),
                mean: figures.map { strings.decimal($0.usefulnessMean) } ?? "–",
                canUseShare: figures?.canUseShare.map { strings.percent($0) } ?? "–")
        }
        let seriesTitle = series.title.text(strings.language.rawValue)
        let title = strings.text("trainingattendance_series_title")
        let view = SeriesFeedbackView(
            crumbs: [Crumb(href: Paths.trainingSeries(series.id), label: seriesTitle, current: false),
                     Crumb(href: Paths.seriesFeedback(series.id), label: title, current: true)],
            title: seriesTitle, total: feedbackGroupView(report.series ?? .hidden, strings),
            rows: rows, hasRows: !rows.isEmpty, rule: ruleText(strings))
        return try context.render("trainings/feedback-series", title: title + " – " + seriesTitle, view)
    }

    /// The feedback report of a series (all its sessions, suppressed jointly) or, for a training in no
    /// series, of the sessions given alone.
    func feedbackReport(seriesID: Int64?, sessionIDs: [Int64]) throws -> FeedbackReport {
        let ids = try seriesID.map { try trainingFeedback.sessionIDs(seriesID: $0) } ?? sessionIDs
        let stored = try trainingFeedback.answers(sessionIDs: ids)
        var answers: [Int64: [FeedbackAnswer]] = [:]
        for id in ids {
            answers[id] = (stored[id] ?? []).map {
                FeedbackAnswer(usefulness: $0.usefulness, canUse: $0.canUse, comment: $0.comment)
            }
        }
        return Self.feedbackRule.feedbackReport(sessions: answers, asSeries: seriesID != nil)
    }

    private func feedbackGroupView(_ result: FeedbackGroupResult, _ strings: Strings) -> FeedbackGroupView {
        let figures = result.figures.map { figures in
            FeedbackFiguresView(
                respondents: strings.number(figures.respondents), mean: strings.decimal(figures.usefulnessMean),
                canUseShare: figures.canUseShare.map { strings.percent($0) } ?? "–",
                canUseYes: strings.number(figures.canUseYes), canUseNo: strings.number(figures.canUseNo),
                canUseUnanswered: strings.number(figures.canUseUnanswered),
                distribution: figures.usefulnessCounts.enumerated().reversed().map { index, count in
                    FeedbackDistributionRow(label: strings.text("trainingattendance_feedback_usefulness_\(index + 1)"),
                                            count: strings.number(count),
                                            share: strings.percent(Double(count) / Double(max(1, figures.respondents))))
                })
        }
        let comments = result.comments ?? []
        let note: String
        if result.figures == nil {
            note = ""
        } else if result.comments == nil {
            note = strings.format("trainingattendance_results_comments_hidden",
                                  ["threshold": strings.number(Self.feedbackRule.openAnswerThreshold)])
        } else if comments.isEmpty {
            note = strings.text("trainingattendance_results_no_comments")
        } else {
            note = ""
        }
        return FeedbackGroupView(
            figures: figures.map { [$0] } ?? [],
            suppressed: strings.format("trainingattendance_results_suppressed",
                                       ["minimum": strings.number(Self.feedbackRule.minimumGroupSize)]),
            comments: comments, hasComments: !comments.isEmpty, commentsNote: note, hasCommentsNote: !note.isEmpty)
    }

    private func suppressedShort(_ strings: Strings) -> String {
        strings.format("trainingattendance_results_fewer_than", ["minimum": strings.number(Self.feedbackRule.minimumGroupSize)])
    }

    private func ruleText(_ strings: Strings) -> String {
        strings.format("trainingattendance_results_rule", [
            "minimum": strings.number(Self.feedbackRule.minimumGroupSize),
            "threshold": strings.number(Self.feedbackRule.openAnswerThreshold),
        ])
    }
}
