import Foundation
import HTTPServer
import Storage

/// The code form at the short address `/k`.
struct CodeEntryView {
    let code: String
    let error: String?
}

extension WebApp {
    func showCodeEntry(_ request: Request, _ context: RequestContext) throws -> Response {
        try context.render("surveys/code", title: context.strings.text("code_title"), CodeEntryView(code: "", error: nil))
    }

    /// Checks a typed one-time code and, when it opens a round, keeps it in a cookie for the survey
    /// pages. Wrong codes are throttled per address: codes are long enough not to be guessed, and the
    /// throttle keeps anyone from trying.
    func enterCode(_ request: Request, _ context: RequestContext) throws -> Response {
        let typed = String((try context.requireForm()["code"] ?? "").prefix(64))
        let address = request.clientAddress
        let wait = codeThrottle.waitBeforeAttempt(address: address)
        if wait > 0 {
            let message = context.strings.format("code_throttled", ["seconds": context.strings.number(wait)])
            var response = try renderCodeEntry(typed, message, context, status: .tooManyRequests)
            response.headers.set("Retry-After", String(wait))
            return response
        }
        guard let code = SurveyCode.normalise(typed), let found = try responses.code(hash: SurveyCode.hash(code)),
              let round = try rounds.round(id: found.roundID) else {
            codeThrottle.recordFailure(address: address)
            return try renderCodeEntry(typed, context.strings.text("code_unknown"), context,
                                       status: .unprocessableContent)
        }
        if found.used {
            return try renderCodeEntry(typed, context.strings.text("code_used"), context, status: .unprocessableContent)
        }
        guard round.acceptsAnswers(on: CalendarDate.today()) else {
            return try renderCodeEntry(typed, context.strings.text("code_round_closed"), context,
                                       status: .unprocessableContent)
        }
        var response = Response.redirect(to: Paths.codeSurvey)
        // A profile left by the previous person on this device goes.
        if let cleared = ProfileCookie.cleared(secure: settings.secureTransport) { response.setCookie(cleared) }
        // The code is the respondent's only credential: HttpOnly, sent only to the survey pages.
        if let cookie = try? SetCookie(name: surveyCodeCookieName, value: code, path: Paths.codeEntry, maxAge: 8 * 60 * 60,
                                       secure: settings.secureTransport, httpOnly: true, sameSite: .lax) {
            response.setCookie(cookie)
        }
        return response
    }

    private func renderCodeEntry(_ typed: String, _ error: String, _ context: RequestContext,
                                 status: HTTPStatus) throws -> Response {
        try context.render("surveys/code", title: context.strings.text("code_title"),
                           CodeEntryView(code: typed, error: error), status: status)
    }
}
