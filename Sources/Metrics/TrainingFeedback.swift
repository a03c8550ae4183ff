/// One answer to the feedback asked after a training session: usefulness 1–5, "I can use this in my
/// work" (yes, no, or not answered) and an optional comment.
public struct FeedbackAnswer: Sendable, Equatable {
    public let usefulness: Int
    public let canUse: Bool?
    public let comment: String

    public init(usefulness: Int, canUse: Bool?, comment: String) {
        self.usefulness = usefulness
        self.canUse = canUse
        self.comment = comment
    }

    /// Usefulness is on the scale 1–5; anything else is not an answer and is left out.
    public static let usefulnessScale = 1...5
}

/// The figures of a group of feedback answers, for groups the anonymity rule lets show.
public struct FeedbackFigures: Sendable, Equatable {
    public let respondents: Int
    /// How many chose each usefulness, from 1 (index 0) to 5 (index 4).
    public let usefulnessCounts: [Int]
    public let usefulnessMean: Double
    public let canUseYes: Int
    public let canUseNo: Int

    /// The share of "yes" among those who answered yes or no; nil when no one did.
    public var canUseShare: Double? {
        let answered = canUseYes + canUseNo
        return answered == 0 ? nil : Double(canUseYes) / Double(answered)
    }

    /// Those who left "I can use this" unanswered.
    public var canUseUnanswered: Int { respondents - canUseYes - canUseNo }

    /// The figures of `answers` (all on the usefulness scale), or nil for none.
    init?(_ answers: [FeedbackAnswer]) {
        guard !answers.isEmpty else { return nil }
        var counts = [Int](repeating: 0, count: FeedbackAnswer.usefulnessScale.count)
        var sum = 0
        var yes = 0
        var no = 0
        for answer in answers {
            counts[answer.usefulness - FeedbackAnswer.usefulnessScale.lowerBound] += 1
            sum += answer.usefulness
            switch answer.canUse {
            case true?: yes += 1
            case false?: no += 1
            case nil: break
            }
        }
        respondents = answers.count
        usefulnessCounts = counts
        usefulnessMean = Double(sum) / Double(answers.count)
        canUseYes = yes
        canUseNo = no
    }
}

/// What feedback can describe: one session, or a series made of its sessions.
public enum FeedbackGroup: Hashable, Sendable {
    case series
    case session(Int64)
}

/// A group's feedback as it may be shown: figures only when the group is large enough (and no
/// hidden group can be worked out from it), comments only at the open-answer threshold.
public struct FeedbackGroupResult: Sendable, Equatable {
    /// Nil when the figures must not be shown.
    public let figures: FeedbackFigures?
    /// Nil when the comments must not be shown; otherwise the non-blank comments, sorted, so their
    /// order says nothing of who wrote them or when.
    public let comments: [String]?

    /// Nothing to show.
    public static let hidden = FeedbackGroupResult(figures: nil, comments: nil)
}

/// The feedback of some sessions, each alone and, for a series, all together.
public struct FeedbackReport: Sendable, Equatable {
    /// The whole series; nil when the report is not about a series.
    public let series: FeedbackGroupResult?
    public let sessions: [Int64: FeedbackGroupResult]

    /// The result for one session (hidden when it had no place in the report).
    public func session(_ id: Int64) -> FeedbackGroupResult {
        sessions[id] ?? .hidden
    }
}

extension AnonymityRule {
    /// The feedback of sessions under the rule, like a survey's figures and open answers: a group below
    /// the minimum shows nothing; for a series, which is exactly its sessions put together, a session
    /// that is hidden cannot be worked out by subtracting the shown sessions from the series (complementary
    /// suppression, checked by the disclosure audit); comments, which can be differenced like any
    /// sum, follow the same plan at the open-answer threshold, among the groups whose figures show.
    ///
    /// A page about one session of a series must take that session's result from the series' report,
    /// so that the series page and the session pages together give nothing away.
    public func feedbackReport(sessions: [Int64: [FeedbackAnswer]], asSeries: Bool) -> FeedbackReport {
        let ids = sessions.keys.sorted()
        let answers = ids.map { id in
            (sessions[id] ?? []).filter { FeedbackAnswer.usefulnessScale.contains($0.usefulness) }
        }
        let cellRespondents = answers.map(\.count)
        var members: [FeedbackGroup: [Int]] = [:]
        for (index, id) in ids.enumerated() { members[.session(id)] = [index] }
        var candidates = ids.map { FeedbackGroup.session($0) }
        var partitions: [Partition<FeedbackGroup>] = []
        if asSeries {
            members[.series] = Array(ids.indices)
            candidates.insert(.series, at: 0)
            partitions = [Partition(whole: .series, parts: ids.map { .session($0) })]
        }
        let figurePlan = LinkedSuppression.plan(candidates: candidates, members: members,
                                                cellRespondents: cellRespondents, minimum: minimumGroupSize,
                                                partitions: partitions)
        let offered = candidates.filter(figurePlan.shows)
        let offeredSet = Set(offered)
        let commentPlan = LinkedSuppression.plan(
            candidates: offered, members: members, cellRespondents: cellRespondents,
            minimum: max(openAnswerThreshold, minimumGroupSize),
            partitions: partitions.filter { offeredSet.contains($0.whole) })

        func result(_ group: FeedbackGroup) -> FeedbackGroupResult {
            guard figurePlan.shows(group) else { return .hidden }
            let cells = members[group] ?? []
            let all = cells.flatMap { answers[$0] }
            let comments = commentPlan.shows(group) && offeredSet.contains(group)
                ? all.map { Self.trimmed($0.comment) }.filter { !$0.isEmpty }.sorted() : nil
            return FeedbackGroupResult(figures: FeedbackFigures(all), comments: comments)
        }
        var bySession: [Int64: FeedbackGroupResult] = [:]
        for id in ids { bySession[id] = result(.session(id)) }
        return FeedbackReport(series: asSeries ? result(.series) : nil, sessions: bySession)
    }

    /// The text without surrounding spaces and line breaks (Metrics has no Foundation to do it).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
