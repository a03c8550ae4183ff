import Foundation
import HTTPServer
import Storage

struct SurveyThanksView {
    let roundTitle: String
    let anonymous: Bool
    let profile: OwnProfileView?
    let hasProfile: Bool
    /// The profile is in this browser but was shown already: a button shows it again.
    let canShowAgain: Bool
    let action: String
    let homePath: String
}

extension WebApp {
    /// After submitting: the respondent's own profile, once. In an anonymous round it comes from the
    /// signed cookie set at submission, in the respondent's browser; the server never stored it with
    /// their name. After the first view it is shown again only when they press the button for it.
    func showSurveyThanks(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        guard taking.answered else { return .redirect(to: taking.basePath) }
        if taking.round.mode == .identified, let scores = try identifiedScores(taking) {
            return try renderThanks(taking, scores: scores, canShowAgain: false, context)
        }
        guard let binding = profileBinding(taking, context),
              let content = profileCookies.read(context.request.cookies[ProfileCookie.name], roundID: taking.roundID,
                                                binding: binding) else {
            return try renderThanks(taking, scores: nil, canShowAgain: false, context)
        }
        if content.shown { return try renderThanks(taking, scores: nil, canShowAgain: true, context) }
        var response = try renderThanks(taking, scores: content.scores, canShowAgain: false, context)
        let shown = ProfileCookie.Content(roundID: content.roundID, scores: content.scores,
                                          issuedAt: content.issuedAt, shown: true)
        if let cookie = profileCookies.make(shown, binding: binding, secure: settings.secureTransport) {
            response.setCookie(cookie)
        }
        return response
    }

    /// The buttons of the thank-you page: show the profile again (a deliberate press), or finish,
    /// which clears it from this device at once.
    func revisitSurveyThanks(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        guard taking.answered else { return .redirect(to: taking.basePath) }
        if form["go"] == "finish" {
            var response = Response.redirect(to: taking.homePath)
            if let cleared = ProfileCookie.cleared(secure: settings.secureTransport) { response.setCookie(cleared) }
            if case .code = taking.respondent,
               let cleared = try? SetCookie.expired(name: surveyCodeCookieName, path: Paths.codeEntry,
                                                    secure: settings.secureTransport) {
                response.setCookie(cleared)
            }
            return response
        }
        let content = profileBinding(taking, context).flatMap { binding in
            profileCookies.read(context.request.cookies[ProfileCookie.name], roundID: taking.roundID, binding: binding)
        }
        return try renderThanks(taking, scores: content?.scores, canShowAgain: false, context)
    }

    /// What the profile cookie is bound to: the session of a signed-in respondent, or the code.
    func profileBinding(_ taking: SurveyTaking, _ context: RequestContext) -> Data? {
        switch taking.respondent {
        case .employee: return context.principal?.session.tokenHash
        case .code(let hash): return hash
        }
    }

    private func identifiedScores(_ taking: SurveyTaking) throws -> [Int64: Double]? {
        guard case .employee(let employeeID) = taking.respondent else { return nil }
        return try results.ownResponses(employeeID: employeeID).first { $0.roundID == taking.roundID }?.areaScores
    }

    private func renderThanks(_ taking: SurveyTaking, scores: [Int64: Double]?, canShowAgain: Bool,
                              _ context: RequestContext) throws -> Response {
        let profile = try scores.map {
            try ownProfile(scores: $0, round: taking.round, content: taking.content, unitID: nil, chartID: "own-profile",
                           context)
        }
        let view = SurveyThanksView(roundTitle: taking.round.title, anonymous: taking.round.mode == .anonymous,
                                    profile: profile, hasProfile: profile != nil, canShowAgain: canShowAgain,
                                    action: taking.thanksPath,
                                    homePath: taking.homePath)
        return try context.render("surveys/thanks", title: context.strings.text("survey_thanks_title"), view)
    }
}
