import Foundation
import HTTPServer
import Storage

/// How much one person may write in an hour: enough for anyone helping colleagues, too little for
/// a script or a stuck key to flood the board.
enum BoardLimits {
    static let postsPerHour = 10
    static let answersPerHour = 30
    static let reportsPerHour = 10
    static let answerLimit = 5000
    static let reasonLimit = 500
    static let noteLimit = 1000
}

extension WebApp {
    /// 429 with the reason when the reader wrote too much of one kind within the hour.
    func boardRateLimited(_ reader: BoardReader, _ context: RequestContext,
                          _ over: (BoardWritten) -> Bool) throws -> Response? {
        let written = try boardStore.writtenSince(userID: reader.userID, since: settings.now().addingTimeInterval(-3600))
        guard over(written) else { return nil }
        var response = errorPage(.tooManyRequests, for: context.request, principal: context.principal,
                                 reason: "board_error_rate", title: "board_error_rate_title")
        response.headers.set("Retry-After", "3600")
        return response
    }

    /// An answer (on a question) or a comment (on a tip or practice).
    func answerBoardPost(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let listing = try readablePost(context, reader)
        let post = listing.post
        guard !post.hidden else { throw AppError.notFound }
        if post.locked {
            return try renderBoardPost(listing, reader, context, answerError: context.strings.text("board_error_locked"),
                                       status: .conflict)
        }
        if let limited = try boardRateLimited(reader, context, { $0.answers >= BoardLimits.answersPerHour }) { return limited }
        let text = TrainingFieldRules.paragraph(try context.requireForm()["body"] ?? "", limit: BoardLimits.answerLimit)
        let problem = text.text.isEmpty ? "board_error_answer_empty" : text.problem
        if let problem {
            return try renderBoardPost(listing, reader, context, answerValue: text.text,
                                       answerError: context.strings.text(problem), status: .unprocessableContent)
        }
        let answer = try changing {
            let answer = try boardStore.addAnswer(BoardAnswer(postID: post.id, body: text.text, authorUserID: reader.userID,
                                                              now: settings.now()))
            try auditChange("board.answer", context, target: "board_post:\(post.id)")
            return answer
        }
        return .redirect(to: Paths.boardPost(post.id) + "?notice=board_answered#answer-\(answer.id)")
    }

    /// "Useful" on or off: light and private; the count is what others see.
    func toggleBoardUseful(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let post = try readablePost(context, reader).post
        guard !post.hidden else { throw AppError.notFound }
        _ = try context.requireForm()
        _ = try changing { try boardStore.toggleUseful(postID: post.id, userID: reader.userID, now: settings.now()) }
        return context.redirect(Paths.boardPost(post.id), notice: "saved")
    }

    /// "We adopted this": a unit of the reader's (their own, or one they supervise) took the practice
    /// into use, with an optional "how it went". Sending it again updates the note; `withdraw`
    /// takes it back.
    func adoptBoardPractice(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let listing = try readablePost(context, reader)
        let post = listing.post
        guard post.kind == .practice, !post.hidden else { throw AppError.notFound }
        let form = try context.requireForm()
        let allowed = try boardAdoptionUnits(reader)
        guard let unitID = form["unit_id"].flatMap(Int64.init), allowed.contains(where: { $0.id == unitID }) else {
            throw AppError.badRequest
        }
        if form["action"] == "withdraw" {
            try changing {
                try boardStore.withdrawAdoption(postID: post.id, unitID: unitID)
                try auditChange("board.adoption.withdraw", context, target: "board_post:\(post.id)", detail: "unit:\(unitID)")
            }
            return context.redirect(Paths.boardPost(post.id), notice: "saved")
        }
        let note = TrainingFieldRules.paragraph(form["how_it_went"] ?? "", limit: BoardLimits.noteLimit)
        if let problem = note.problem {
            return try renderBoardPost(listing, reader, context, answerError: context.strings.text(problem), status: .unprocessableContent)
        }
        try changing {
            try boardStore.adopt(postID: post.id, unitID: unitID, organisationID: reader.organisation.id, userID: reader.userID,
                                 howItWent: note.text, now: settings.now())
            try auditChange("board.adoption", context, target: "board_post:\(post.id)", detail: "unit:\(unitID)")
        }
        return context.redirect(Paths.boardPost(post.id), notice: "board_adopted")
    }

    /// The asker, a digitutor or a moderator marks an answer as solving the question (or unmarks it).
    func markBoardAnswerSolving(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let post = try readablePost(context, reader).post
        try context.require(reader.marksSolving(post) && !post.hidden)
        let solves = try context.requireForm()["solves"] == "1"
        let answerID = try context.answerID
        try changing {
            try boardStore.setSolves(answerID: answerID, postID: post.id, solves: solves, by: reader.userID)
            try auditChange(solves ? "board.solved" : "board.unsolved", context, target: "board_answer:\(answerID)")
        }
        return .redirect(to: Paths.boardPost(post.id) + "?notice=saved#answer-\(answerID)")
    }

    /// A digitutor or a moderator makes a tip of a solved question: the question and the answers that
    /// solved it, written by them, linked both ways.
    func makeBoardTip(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let post = try readablePost(context, reader).post
        try context.require(post.kind == .question && post.solved && (reader.moderates(post) || reader.isTutor))
        _ = try context.requireForm()
        if let existing = try boardStore.tipMade(fromQuestion: post.id) { return .redirect(to: Paths.boardPost(existing)) }
        let solving = try boardStore.answers(postID: post.id, includeHidden: false).filter(\.answer.solves).map(\.answer.body)
        let body = ([post.body] + solving).filter { !$0.isEmpty }.joined(separator: "\n\n")
        let tip = try changing {
            let tip = try boardStore.tip(fromQuestion: post.id, authorUserID: reader.userID,
                                         body: String(body.prefix(10_000)), now: settings.now())
            try auditChange("board.tip_from_question", context, target: "board_post:\(tip.id)", detail: "question:\(post.id)")
            return tip
        }
        return context.redirect(Paths.boardPost(tip.id), notice: "created")
    }

    /// Anyone who can read a post reports it, or one of its answers, with a reason.
    func reportBoardPost(_ request: Request, _ context: RequestContext) throws -> Response {
        try reportBoard(context, answerID: nil)
    }

    func reportBoardAnswer(_ request: Request, _ context: RequestContext) throws -> Response {
        try reportBoard(context, answerID: try context.answerID)
    }

    private func reportBoard(_ context: RequestContext, answerID: Int64?) throws -> Response {
        let reader = try boardReader(context)
        let listing = try readablePost(context, reader)
        let post = listing.post
        if let answerID {
            guard try boardStore.answers(postID: post.id, includeHidden: false).contains(where: { $0.answer.id == answerID }) else {
                throw AppError.notFound
            }
        }
        if let limited = try boardRateLimited(reader, context, { $0.reports >= BoardLimits.reportsPerHour }) { return limited }
        let reason = TrainingFieldRules.paragraph(try context.requireForm()["reason"] ?? "", limit: BoardLimits.reasonLimit)
        if reason.text.isEmpty || reason.problem != nil {
            return try renderBoardPost(listing, reader, context,
                                       answerError: context.strings.text(reason.problem ?? "board_error_reason"),
                                       status: .unprocessableContent)
        }
        try changing {
            try boardStore.report(postID: post.id, answerID: answerID, organisationID: post.organisationID,
                                  reporterUserID: reader.userID, reason: reason.text, now: settings.now())
            try auditChange("board.report", context, target: answerID.map { "board_answer:\($0)" } ?? "board_post:\(post.id)")
        }
        return context.redirect(Paths.boardPost(post.id), notice: "board_reported")
    }
}

extension WebApp {
    /// A new post's form with its photo: the photo's limit plus room for the text fields, so an
    /// over-large photo gets the form's own message rather than a bare 413.
    static let boardPostBodyLimit = PhotoSanitiser.maximumBytes + 1_048_576
}
