import Foundation
import HTTPServer
import Storage

struct SurveyThanksView {
    let roundTitle: String
    let anonymous: Bool
    let profile: OwnProfileView?
    let hasProfile: Bool
    let homePath: String
}

extension WebApp {
    /// After submitting: the respondent's own profile at once. In an anonymous round it comes from the
    /// signed cookie set at submission, in the respondent's browser; the server never stored it with
    /// their name.
    func showSurveyThanks(_ taking: SurveyTaking, _ context: RequestContext) throws -> Response {
        guard taking.answered else { return .redirect(to: taking.basePath) }
        var scores = ProfileCookie.scores(in: context.request.cookies[ProfileCookie.name], roundID: taking.roundID,
                                          key: anonymousFormKey)
        if scores == nil, taking.round.mode == .identified, case .employee(let employeeID) = taking.respondent {
            scores = try results.ownResponses(employeeID: employeeID).first { $0.roundID == taking.roundID }?.areaScores
        }
        let profile = try scores.map {
            try ownProfile(scores: $0, round: taking.round, content: taking.content, unitID: nil, chartID: "own-profile",
                           context)
        }
        let view = SurveyThanksView(roundTitle: taking.round.title, anonymous: taking.round.mode == .anonymous,
                                    profile: profile, hasProfile: profile != nil,
                                    homePath: taking.basePath.hasPrefix("/k") ? "/k" : "/surveys")
        return try context.render("surveys/thanks", title: context.strings.text("survey_thanks_title"), view)
    }
}
