import Foundation
import HTTPServer
import Storage

/// The code form at the short address `/k`.
struct CodeEntryView {
    let code: String
    let error: String?
    /// The code came from a slip's QR code (`/k?code=…`) and waits for the person to continue.
    let prefilled: Bool
}

extension WebApp {
    /// The code form; `?code=` (a slip's QR code) fills it in when it is a well-formed code. Nothing is
    /// checked or sent until the person presses the button, so a scanned slip is not used up by a
    /// link preview, and a wrong code in the address costs nothing. The page is not stored by caches.
    func showCodeEntry(_ request: Request, _ context: RequestContext) throws -> Response {
        let prefilled = request.queryValue("code").flatMap { SurveyCode.normalise(String($0.prefix(64))) }
            .map(SurveyCode.format)
        var response = try context.render("surveys/code", title: context.strings.text("code_title"),
                                          CodeEntryView(code: prefilled ?? "", error: nil, prefilled: prefilled != nil))
        if prefilled != nil { response.headers.set("Cache-Control", "no-store") }
        return response
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
                           CodeEntryView(code: typed, error: error, prefilled: false), status: status)
    }
}
