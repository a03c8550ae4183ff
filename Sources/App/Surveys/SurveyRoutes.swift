import HTTPServer

/// Answering surveys: signed-in employees under `/surveys`, holders of a one-time code under `/k`.
///
/// The survey pages themselves are shared; each route resolves who is answering which round first
/// (`signedInTaking` checks the invitation, `codeTaking` the code cookie) and 404s otherwise.
extension WebApp {
    typealias SurveyHandler = @Sendable (WebApp) -> (SurveyTaking, RequestContext) throws -> Response

    func registerSurveyRoutes(_ routes: inout RouteTable) {
        routes.get("/surveys", .signedIn, showMySurveys)

        let pages: [(String, Bool, SurveyHandler)] = [
            ("", false, { $0.showSurveyIntro }),
            ("/areas/:step", false, { $0.showSurveyArea }),
            ("/areas/:step", true, { $0.saveSurveyArea }),
            ("/questions", false, { $0.showSurveyQuestions }),
            ("/questions", true, { $0.saveSurveyQuestions }),
            ("/review", false, { $0.showSurveyReview }),
            ("/submit", true, { $0.submitSurvey }),
            ("/thanks", false, { $0.showSurveyThanks }),
            ("/thanks", true, { $0.revisitSurveyThanks }),
        ]
        for (suffix, isPost, page) in pages {
            let signedIn: AppHandler = { _, context in
                try self.answering(try self.signedInTaking(context), context, page(self))
            }
            let coded: AppHandler = { request, context in
                guard let taking = try self.codeTaking(request) else { return .redirect(to: "/k") }
                return try self.answering(taking, context, page(self))
            }
            if isPost {
                routes.post("/surveys/:roundID" + suffix, .signedIn, signedIn)
                routes.post("/k/survey" + suffix, .anyone, coded)
            } else {
                routes.get("/surveys/:roundID" + suffix, .signedIn, signedIn)
                routes.get("/k/survey" + suffix, .anyone, coded)
            }
        }

        routes.get("/k", .anyone, showCodeEntry)
        routes.post("/k", .anyone, enterCode)
    }

    /// Runs a survey page, turning `SurveyRedirect` into a redirect.
    private func answering(_ taking: SurveyTaking, _ context: RequestContext,
                           _ page: (SurveyTaking, RequestContext) throws -> Response) throws -> Response {
        do {
            return try page(taking, context)
        } catch let redirect as SurveyRedirect {
            return .redirect(to: redirect.to)
        }
    }
}
