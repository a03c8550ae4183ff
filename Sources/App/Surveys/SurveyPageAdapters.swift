import HTTPServer

/// A survey page: the same handler serves a signed-in employee and the holder of a one-time code.
typealias SurveyPage = @Sendable (SurveyTaking, RequestContext) throws -> Response

extension WebApp {
    /// A survey page of round `:roundID` for the signed-in employee; 404 unless they were invited.
    func asInvitedEmployee(_ page: @escaping SurveyPage) -> AppHandler {
        { [self] _, context in try answering(try signedInTaking(context), context, page) }
    }

    /// A survey page for the holder of the code in this browser's code cookie; without one, back to
    /// the code form.
    func asCodeHolder(_ page: @escaping SurveyPage) -> AppHandler {
        { [self] request, context in
            guard let taking = try codeTaking(request) else { return .redirect(to: Paths.codeEntry) }
            return try answering(taking, context, page)
        }
    }

    /// Runs a survey page, turning `SurveyRedirect` into a redirect.
    private func answering(_ taking: SurveyTaking, _ context: RequestContext, _ page: SurveyPage) throws -> Response {
        do {
            return try page(taking, context)
        } catch let redirect as SurveyRedirect {
            return .redirect(to: redirect.to)
        }
    }
}
