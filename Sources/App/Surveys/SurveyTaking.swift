import Foundation
import HTTPServer
import Storage

/// One respondent answering one round: what every survey page needs, resolved once per request.
///
/// The same pages serve a signed-in employee (`/surveys/ID/…`) and the holder of a one-time code
/// (`/k/survey/…`); only `respondent` and `basePath` differ.
struct SurveyTaking {
    let round: Stored<SurveyRound>
    let content: FrameworkContent
    let openQuestions: [Stored<OpenQuestion>]
    let respondent: Respondent
    /// Where this respondent's survey pages live, e.g. `/surveys/12` or `/k/survey`.
    let basePath: String
    /// Whether this respondent has already submitted a response.
    let answered: Bool

    var roundID: Int64 { round.id }
    var scoring: ResponseScoring { ResponseScoring(content: content) }
    var areaCount: Int { content.areas.count }
    var hasOpenQuestions: Bool { !openQuestions.isEmpty }

    /// Steps: 1…areaCount are areas, then the open questions (if any), then the review.
    var paths: SurveyPaths { SurveyPaths(base: basePath) }
    func areaPath(_ step: Int) -> String { paths.area(step) }
    var questionsPath: String { paths.questions }
    var reviewPath: String { paths.review }
    var submitPath: String { paths.submit }
    var thanksPath: String { paths.thanks }
    /// Where "back" and "done" lead: the code form or the employee's surveys.
    var homePath: String {
        if case .code = respondent { return Paths.codeEntry }
        return Paths.mySurveys
    }

    /// The page after the last area.
    var afterLastArea: String { hasOpenQuestions ? questionsPath : reviewPath }
}

/// The name of the cookie that carries a typed one-time code through the code flow.
let surveyCodeCookieName = "tt_code"

extension WebApp {
    /// The survey of `:roundID` for the signed-in employee; 404 unless they were invited to it.
    func signedInTaking(_ context: RequestContext) throws -> SurveyTaking {
        let roundID = try context.roundID
        guard let employeeID = context.principal?.employeeID else { throw AppError.notFound }
        guard let invitation = try rounds.invitations(employeeID: employeeID).first(where: { $0.round.id == roundID })
        else { throw AppError.notFound }
        return try taking(invitation.round, respondent: .employee(employeeID), basePath: Paths.survey(roundID),
                          answered: invitation.answered)
    }

    /// The survey the code in this browser's code cookie opens; nil when there is none or it is unknown.
    func codeTaking(_ request: Request) throws -> SurveyTaking? {
        guard let typed = request.cookies[surveyCodeCookieName], let code = SurveyCode.normalise(typed) else {
            return nil
        }
        let hash = SurveyCode.hash(code)
        guard let found = try responses.code(hash: hash), let round = try rounds.round(id: found.roundID) else {
            return nil
        }
        return try taking(round, respondent: .code(hash: hash), basePath: Paths.codeSurvey, answered: found.used)
    }

    private func taking(_ round: Stored<SurveyRound>, respondent: Respondent, basePath: String, answered: Bool)
        throws -> SurveyTaking {
        guard round.status != .draft, let content = try frameworkContent(round.frameworkID) else {
            throw AppError.notFound
        }
        return SurveyTaking(round: round, content: content, openQuestions: try rounds.openQuestions(roundID: round.id),
                            respondent: respondent, basePath: basePath, answered: answered)
    }
}
