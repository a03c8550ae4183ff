/// Links of the board, Digivinkit (`Board/`).
extension Paths {
    /// The front page: search, filters and sort travel in the query.
    static let board = "/board"
    static func boardSearch(_ query: String) -> String { board + WebApp.queryString([("q", query)]) }
    /// The new-post form, for one kind (tip, question or practice).
    static func newBoardPost(kind: String) -> String { board + "/new?kind=" + kind }
    static let createBoardPost = board + "/new"
    static func boardPost(_ postID: Int64) -> String { board + "/\(postID)" }
    static func boardAnswers(_ postID: Int64) -> String { boardPost(postID) + "/answers" }
    static func boardAnswer(_ postID: Int64, _ answerID: Int64) -> String { boardAnswers(postID) + "/\(answerID)" }
    static func boardAnswerSolves(_ postID: Int64, _ answerID: Int64) -> String { boardAnswer(postID, answerID) + "/solves" }
    static func boardAnswerHidden(_ postID: Int64, _ answerID: Int64) -> String { boardAnswer(postID, answerID) + "/hidden" }
    static func boardAnswerReport(_ postID: Int64, _ answerID: Int64) -> String { boardAnswer(postID, answerID) + "/report" }
    static func boardUseful(_ postID: Int64) -> String { boardPost(postID) + "/useful" }
    static func boardAdoption(_ postID: Int64) -> String { boardPost(postID) + "/adoption" }
    static func boardReport(_ postID: Int64) -> String { boardPost(postID) + "/report" }
    static func boardHidden(_ postID: Int64) -> String { boardPost(postID) + "/hidden" }
    static func boardLocked(_ postID: Int64) -> String { boardPost(postID) + "/locked" }
    static func boardMakeTip(_ postID: Int64) -> String { boardPost(postID) + "/tip" }
    static func boardPhoto(_ photoID: Int64) -> String { board + "/photos/\(photoID)" }
    /// Moderators' page of an organisation: reports, hidden posts, named moderators.
    static func boardModeration(_ slug: String) -> String { organisation(slug) + "/board-moderation" }
    static func boardModerators(_ slug: String) -> String { boardModeration(slug) + "/moderators" }
    static func boardModeratorRemoval(_ slug: String, _ userID: Int64) -> String { boardModerators(slug) + "/\(userID)/remove" }
    static func boardReportDismissal(_ slug: String, _ reportID: Int64) -> String { boardModeration(slug) + "/reports/\(reportID)/dismiss" }
}
