import Foundation
import HTTPServer
import Storage

struct BoardReportView {
    let href: String
    let title: String
    let what: String
    let reason: String
    let meta: String
    let dismissAction: String
}

struct BoardModeratorView {
    let name: String
    let removeAction: String
}

struct BoardModerationView {
    let crumbs: [Crumb]
    let heading: String
    let reports: [BoardReportView]
    let hasReports: Bool
    let hidden: [BoardRowView]
    let hasHidden: Bool
    let moderators: [BoardModeratorView]
    let hasModerators: Bool
    let canName: Bool
    let nameAction: String
    let nameValue: String
    let nameError: String
    let hasNameError: Bool
}

extension WebApp {
    /// The organisation named by `:slug` for one of its board's moderators (404 for anyone else),
    /// with whether the reader may name moderators (HR, the tutor coordinator, administrators).
    private func moderatedOrganisation(_ context: RequestContext) throws -> (Stored<Organisation>, canName: Bool) {
        guard let principal = context.principal,
              let organisation = try organisations.organisation(slug: try context.slug) else { throw AppError.notFound }
        try context.require(try isBoardModerator(principal, organisationID: organisation.id, context.access))
        return (organisation, context.access.canViewOrganisation(organisation.id))
    }

    /// Reports waiting, hidden posts and the moderators HR or the coordinator named.
    func showBoardModeration(_ request: Request, _ context: RequestContext) throws -> Response {
        let (organisation, canName) = try moderatedOrganisation(context)
        return try renderBoardModeration(organisation, canName: canName, context)
    }

    private func renderBoardModeration(_ organisation: Stored<Organisation>, canName: Bool, _ context: RequestContext,
                                       nameValue: String = "", nameError: String? = nil, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let reader = try boardReader(context, knowingTutors: false)
        let reports = try boardStore.openReports(organisationID: organisation.id).map { report in
            BoardReportView(
                href: Paths.boardPost(report.postID) + (report.answerID.map { "#answer-\($0)" } ?? ""), title: report.postTitle,
                what: strings.text(report.answerID == nil ? "board_report_of_post" : "board_report_of_answer"),
                reason: report.reason,
                meta: strings.format("board_report_meta", ["name": report.reporterName, "date": strings.dateTime(report.createdAt)]),
                dismissAction: Paths.boardReportDismissal(organisation.slug, report.id))
        }
        let hidden = try boardStore.hiddenPosts(organisationID: organisation.id).map { boardRow($0, reader, strings) }
        let moderators = try boardStore.moderators(organisationID: organisation.id).map {
            BoardModeratorView(name: $0.name, removeAction: Paths.boardModeratorRemoval(organisation.slug, $0.userID))
        }
        let heading = strings.format("board_moderation_heading", ["organisation": organisation.name])
        let view = BoardModerationView(
            crumbs: [Crumb(href: Paths.board, label: strings.text("board_title"), current: false),
                     Crumb(href: Paths.boardModeration(organisation.slug), label: strings.text("board_moderation_title"), current: true)],
            heading: heading, reports: reports, hasReports: !reports.isEmpty, hidden: hidden, hasHidden: !hidden.isEmpty,
            moderators: moderators, hasModerators: !moderators.isEmpty, canName: canName,
            nameAction: Paths.boardModerators(organisation.slug), nameValue: nameValue, nameError: nameError ?? "",
            hasNameError: nameError != nil)
        return try context.render("board/moderation", title: heading, view, status: status)
    }

    /// HR or the tutor coordinator names a moderator by HR number (a person with a sign-in).
    func nameBoardModerator(_ request: Request, _ context: RequestContext) throws -> Response {
        let (organisation, canName) = try moderatedOrganisation(context)
        try context.require(canName)
        let strings = context.strings
        let typed = String((try context.requireForm()["hr_number"] ?? "").prefix(100))
        guard !typed.isEmpty, let employee = try employees.activeEmployees(organisationID: organisation.id, hrNumbers: [typed])[typed] else {
            return try renderBoardModeration(organisation, canName: canName, context, nameValue: typed,
                                             nameError: strings.text("board_error_moderator_unknown"), status: .unprocessableContent)
        }
        guard let user = try users.userLinked(toEmployee: employee.id), !user.disabled else {
            return try renderBoardModeration(organisation, canName: canName, context, nameValue: typed,
                                             nameError: strings.format("board_error_moderator_no_sign_in",
                                                                       ["name": employee.firstName + " " + employee.lastName]),
                                             status: .unprocessableContent)
        }
        try changing {
            try boardStore.addModerator(organisationID: organisation.id, userID: user.id, by: context.principal?.userID, now: settings.now())
            try auditChange("board.moderator.add", context, target: "organisation:\(organisation.id)", detail: "user:\(user.id)")
        }
        return context.redirect(Paths.boardModeration(organisation.slug), notice: "saved")
    }

    func removeBoardModerator(_ request: Request, _ context: RequestContext) throws -> Response {
        let (organisation, canName) = try moderatedOrganisation(context)
        try context.require(canName)
        _ = try context.requireForm()
        let userID = try context.userID
        try changing {
            try boardStore.removeModerator(organisationID: organisation.id, userID: userID)
            try auditChange("board.moderator.remove", context, target: "organisation:\(organisation.id)", detail: "user:\(userID)")
        }
        return context.redirect(Paths.boardModeration(organisation.slug), notice: "saved")
    }

    func dismissBoardReport(_ request: Request, _ context: RequestContext) throws -> Response {
        let (organisation, _) = try moderatedOrganisation(context)
        _ = try context.requireForm()
        let reportID = try context.reportID
        try changing {
            try boardStore.dismissReport(reportID, organisationID: organisation.id, by: context.principal?.userID, now: settings.now())
            try auditChange("board.report.dismiss", context, target: "board_report:\(reportID)")
        }
        return context.redirect(Paths.boardModeration(organisation.slug), notice: "saved")
    }

    /// A moderator hides a post with a reason (kept on the record, audited) or shows it again.
    func setBoardPostHidden(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let listing = try readablePost(context, reader)
        let post = listing.post
        try context.require(reader.moderates(post))
        let form = try context.requireForm()
        let hide = form["action"] == "hide"
        let reason = TrainingFieldRules.paragraph(form["reason"] ?? "", limit: BoardLimits.reasonLimit)
        if hide && (reason.text.isEmpty || reason.problem != nil) {
            return try renderBoardPost(listing, reader, context, answerError: context.strings.text(reason.problem ?? "board_error_hide_reason"),
                                       status: .unprocessableContent)
        }
        try changing {
            try boardStore.setPostHidden(post.id, hidden: hide, reason: reason.text, by: reader.userID, now: settings.now())
            try auditChange(hide ? "board.hide" : "board.show", context, target: "board_post:\(post.id)", detail: hide ? reason.text : nil)
        }
        return context.redirect(Paths.boardPost(post.id), notice: hide ? "board_hidden" : "board_shown")
    }

    func setBoardAnswerHidden(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let listing = try readablePost(context, reader)
        let post = listing.post
        try context.require(reader.moderates(post))
        let form = try context.requireForm()
        let hide = form["action"] == "hide"
        let answerID = try context.answerID
        let reason = TrainingFieldRules.paragraph(form["reason"] ?? "", limit: BoardLimits.reasonLimit)
        if hide && (reason.text.isEmpty || reason.problem != nil) {
            return try renderBoardPost(listing, reader, context, answerError: context.strings.text(reason.problem ?? "board_error_hide_reason"),
                                       status: .unprocessableContent)
        }
        try changing {
            try boardStore.setAnswerHidden(answerID, postID: post.id, hidden: hide, reason: reason.text, by: reader.userID,
                                           now: settings.now())
            try auditChange(hide ? "board.answer.hide" : "board.answer.show", context, target: "board_answer:\(answerID)",
                            detail: hide ? reason.text : nil)
        }
        return .redirect(to: Paths.boardPost(post.id) + "?notice=" + (hide ? "board_hidden" : "board_shown") + "#answer-\(answerID)")
    }

    func setBoardPostLocked(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let post = try readablePost(context, reader).post
        try context.require(reader.moderates(post))
        let lock = try context.requireForm()["action"] == "lock"
        try changing {
            try boardStore.setLocked(post.id, locked: lock, now: settings.now())
            try auditChange(lock ? "board.lock" : "board.unlock", context, target: "board_post:\(post.id)")
        }
        return context.redirect(Paths.boardPost(post.id), notice: "saved")
    }

    /// A post's photo, to those who may read the post: its stored type only, no sniffing, no script,
    /// downloaded under a plain name.
    func showBoardPhoto(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context, knowingTutors: false)
        guard let found = try boardStore.photo(id: try context.photoID), reader.canRead(found.post) else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.set("Content-Type", found.photo.contentType)
        var response = Response(status: .ok, headers: headers, body: .bytes([UInt8](found.photo.bytes)))
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Content-Security-Policy", "default-src 'none'; sandbox")
        response.headers.set("Content-Disposition", "inline; filename=\"photo-\(found.post.id)."
                             + (found.photo.contentType == "image/png" ? "png" : "jpg") + "\"")
        response.headers.set("Cache-Control", "private, max-age=3600")
        return response
    }
}
