import Foundation
import HTTPServer
import Storage

/// Answering a round: an introduction, one page per area, the open questions, a review, and one
/// submission. Every page saves to the respondent's draft, so they can stop at any point and continue
/// later, on another device if signed in.
extension WebApp {
    /// Longest open answer accepted, in characters (the database allows 4,000).
    static let openAnswerLimit = 2000

    func showSurveyIntro(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        let draft = try responses.draft(roundID: taking.roundID, respondent: taking.respondent)
        let strings = context.strings
        let view = SurveyIntroView(
            roundTitle: taking.round.title, anonymous: taking.round.mode == .anonymous,
            closesOn: strings.date(taking.round.closesOn), areaCount: taking.areaCount,
            statementCount: taking.scoring.statementCount, startPath: taking.areaPath(1),
            startLabel: strings.text(draft == nil ? "survey_start" : "survey_continue"),
            answered: taking.answered, accepting: taking.round.acceptsAnswers(on: CalendarDate.today()),
            thanksPath: taking.thanksPath)
        return try context.render("surveys/intro", title: taking.round.title, view)
    }

    func showSurveyArea(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        let step = try requireAcceptingStep(taking, context)
        let draft = try currentDraft(taking)
        return try context.render("surveys/area", title: areaTitle(taking, step, context),
                                  areaView(taking, step: step, answers: draft.answers, context))
    }

    /// Stores this area's answers in the draft, then goes back, forward or to the respondent's page.
    func saveSurveyArea(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        let step = try requireAcceptingStep(taking, context)
        let form = try context.requireForm()
        var draft = try currentDraft(taking)
        let range = taking.content.statementRange(ofAreaAt: step - 1)
        let statements = taking.content.areas[step - 1].statements
        let scale = taking.content.framework.scaleMin...taking.content.framework.scaleMax
        for (offset, statement) in zip(range, statements) {
            guard let value = form["s\(statement.id)"] else { continue }
            if value == "cant" {
                draft.answers[offset] = .cantSay
            } else if let number = Int(value), scale.contains(number) {
                draft.answers[offset] = .value(number)
            } else {
                throw AppError.badRequest
            }
        }
        try save(draft, for: taking)
        switch form["go"] {
        case "back":
            return .redirect(to: step > 1 ? taking.areaPath(step - 1) : taking.basePath)
        case "save":
            return context.redirect(taking.basePath, notice: "survey_saved")
        default:
            return .redirect(to: step < taking.areaCount ? taking.areaPath(step + 1) : taking.afterLastArea)
        }
    }

    func showSurveyQuestions(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        try requireAccepting(taking)
        guard taking.hasOpenQuestions else { return .redirect(to: taking.reviewPath) }
        let draft = try currentDraft(taking)
        let view = SurveyQuestionsView(
            roundTitle: taking.round.title, action: taking.questionsPath,
            questions: taking.openQuestions.map { question in
                let id = question.id
                return OpenQuestionView(name: "q\(id)", id: "question-\(id)",
                                        text: question.text.text(context.language.rawValue),
                                        answer: draft.openAnswers[id] ?? "")
            }, limit: Self.openAnswerLimit)
        return try context.render("surveys/questions", title: context.strings.text("survey_questions_title"), view)
    }

    func saveSurveyQuestions(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        try requireAccepting(taking)
        let form = try context.requireForm()
        var draft = try currentDraft(taking)
        for question in taking.openQuestions {
            let id = question.id
            let text = (form["q\(id)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            draft.openAnswers[id] = text.isEmpty ? nil : String(text.prefix(Self.openAnswerLimit))
        }
        try save(draft, for: taking)
        switch form["go"] {
        case "back": return .redirect(to: taking.areaPath(taking.areaCount))
        case "save": return context.redirect(taking.basePath, notice: "survey_saved")
        default: return .redirect(to: taking.reviewPath)
        }
    }

    func showSurveyReview(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        try requireAccepting(taking)
        let draft = try currentDraft(taking)
        return try context.render("surveys/review", title: context.strings.text("survey_review_title"),
                                  reviewView(taking, draft, context))
    }

    /// Records the response once. A second submission (double click, resent form, back button) finds
    /// the respondent already answered and lands on the same thank-you page.
    func submitSurvey(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        _ = try context.requireForm()
        if taking.answered { return .redirect(to: taking.thanksPath) }
        try requireAccepting(taking)
        let draft = try currentDraft(taking)
        guard draft.answers.contains(where: { $0 != .unanswered }) else { return .redirect(to: taking.reviewPath) }
        let answers = AnswerString.encode(draft.answers)
        let scores = taking.scoring.areaScores(answers: answers)
        let outcome = try responses.submit(ResponseSubmission(
            roundID: taking.roundID, respondent: taking.respondent, answers: answers, areaScores: scores,
            openAnswers: draft.openAnswers, day: CalendarDate.today()))
        switch outcome {
        case .recorded:
            // The profile travels to the thank-you page in a signed cookie in the respondent's own
            // browser: the server keeps nothing that ties these scores to the person.
            var response = Response.redirect(to: taking.thanksPath)
            let content = ProfileCookie.Content(roundID: taking.roundID, scores: scores,
                                                issuedAt: Int(Date().timeIntervalSince1970), shown: false)
            if let binding = profileBinding(taking, context),
               let cookie = profileCookies.make(content, binding: binding, secure: settings.secureTransport) {
                response.setCookie(cookie)
            }
            // A used code is needed only for the thank-you page now: it goes when the profile does.
            if case .code = taking.respondent, let code = context.request.cookies[surveyCodeCookieName],
               let cookie = try? SetCookie(name: surveyCodeCookieName, value: code, path: Paths.codeEntry,
                                           maxAge: ProfileCookie.lifetime, secure: settings.secureTransport,
                                           httpOnly: true, sameSite: .lax) {
                response.setCookie(cookie)
            }
            return response
        case .alreadyAnswered:
            return .redirect(to: taking.thanksPath)
        case .notAccepted:
            return context.redirect(taking.basePath, notice: "survey_closed")
        }
    }

    // MARK: Helpers

    /// The draft with one answer slot per statement.
    struct WorkingDraft {
        var answers: [AnswerString.Answer]
        var openAnswers: [Int64: String]
    }

    func currentDraft(_ taking: SurveyTaking) throws -> WorkingDraft {
        let stored = try responses.draft(roundID: taking.roundID, respondent: taking.respondent) ?? SurveyDraft()
        let valid = Set(taking.openQuestions.compactMap(\.id))
        return WorkingDraft(answers: AnswerString.decode(stored.answers, count: taking.scoring.statementCount),
                            openAnswers: stored.openAnswers.filter { valid.contains($0.key) })
    }

    private func save(_ draft: WorkingDraft, for taking: SurveyTaking) throws {
        try responses.saveDraft(SurveyDraft(answers: AnswerString.encode(draft.answers), openAnswers: draft.openAnswers),
                                roundID: taking.roundID, respondent: taking.respondent)
    }

    /// Refuses pages of a round that takes no answers now, or from someone who has answered.
    func requireAccepting(_ taking: SurveyTaking) throws {
        guard !taking.answered, taking.round.acceptsAnswers(on: CalendarDate.today()) else {
            throw SurveyRedirect(to: taking.basePath)
        }
    }

    private func requireAcceptingStep(_ taking: SurveyTaking, _ context: RequestContext) throws -> Int {
        try requireAccepting(taking)
        let step = try context.step
        guard (1...taking.areaCount).contains(step)
        else { throw AppError.notFound }
        return step
    }

    private func areaTitle(_ taking: SurveyTaking, _ step: Int, _ context: RequestContext) -> String {
        let name = taking.content.areas[step - 1].area.name.text(context.language.rawValue)
        return "\(name) (\(step)/\(taking.areaCount))"
    }
}

/// Thrown by a survey page that should send the respondent elsewhere (the round closed, they have
/// answered): the route wrapper turns it into a redirect.
struct SurveyRedirect: Error {
    let to: String
}
