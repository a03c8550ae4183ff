import Foundation
import HTTPServer
import Storage

struct MyRoundView {
    let title: String
    let path: String
    let closesOn: String
    let status: String
    let actionLabel: String
    let answered: Bool
    let anonymous: Bool
}

struct HistoryRowView {
    let area: String
    let values: [String]
}

struct MySurveysView {
    let open: [MyRoundView]
    let hasOpen: Bool
    let latestTitle: String
    let latest: OwnProfileView?
    let hasLatest: Bool
    let historyRounds: [String]
    let history: [HistoryRowView]
    let hasHistory: Bool
}

extension WebApp {
    /// The employee's own survey page: rounds open to them, and their own identified results with
    /// their history.
    func showMySurveys(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let employeeID = context.principal?.employeeID else {
            return try context.render("surveys/mine", title: context.strings.text("my_surveys_title"),
                                      MySurveysView(open: [], hasOpen: false, latestTitle: "", latest: nil,
                                                    hasLatest: false, historyRounds: [], history: [],
                                                    hasHistory: false))
        }
        let strings = context.strings
        let today = CalendarDate.today()
        let open = try rounds.invitations(employeeID: employeeID)
            .filter { $0.round.acceptsAnswers(on: today) }
            .map { invitation -> MyRoundView in
                let roundID = invitation.round.id
                let started = try responses.draft(roundID: roundID, respondent: .employee(employeeID)) != nil
                return MyRoundView(
                    title: invitation.round.title,
                    path: invitation.answered ? SurveyPaths(base: Paths.survey(roundID)).thanks : Paths.survey(roundID),
                    closesOn: strings.date(invitation.round.closesOn),
                    status: strings.text(invitation.answered ? "my_surveys_answered"
                                         : started ? "my_surveys_started" : "my_surveys_not_started"),
                    actionLabel: strings.text(invitation.answered ? "my_surveys_view"
                                              : started ? "survey_continue" : "survey_start"),
                    answered: invitation.answered, anonymous: invitation.round.mode == .anonymous)
            }
        let own = try results.ownResponses(employeeID: employeeID)
        var latest: OwnProfileView?
        var latestTitle = ""
        if let newest = own.first, let round = try rounds.round(id: newest.roundID),
           let content = try frameworkContent(round.frameworkID) {
            let unitID = try employees.employee(id: employeeID)?.unitID
            latest = try ownProfile(scores: newest.areaScores, round: round, content: content, unitID: unitID,
                                    chartID: "my-profile", context)
            latestTitle = round.title
        }
        let (historyRounds, history) = try ownHistory(own, context)
        return try context.render("surveys/mine", title: strings.text("my_surveys_title"), MySurveysView(
            open: open, hasOpen: !open.isEmpty, latestTitle: latestTitle, latest: latest, hasLatest: latest != nil,
            historyRounds: historyRounds, history: history, hasHistory: historyRounds.count > 1))
    }

    /// The employee's own area scores across identified rounds, oldest first, by area code (so
    /// rounds on different framework versions line up).
    private func ownHistory(_ own: [SurveyResultsStore.OwnResponse], _ context: RequestContext)
        throws -> ([String], [HistoryRowView]) {
        let language = context.language.rawValue
        var columns: [String] = []
        var byCode: [String: [Int: Double]] = [:]
        var names: [(code: String, name: String)] = []
        for (column, response) in own.reversed().enumerated() {
            guard let round = try rounds.round(id: response.roundID),
                  let content = try frameworkContent(round.frameworkID) else { continue }
            columns.append(round.title)
            for area in content.areas {
                if !names.contains(where: { $0.code == area.area.code }) {
                    names.append((area.area.code, area.area.name.text(language)))
                }
                if let score = response.areaScores[area.area.id] {
                    byCode[area.area.code, default: [:]][column] = score
                }
            }
        }
        let rows = names.map { code, name in
            HistoryRowView(area: name, values: columns.indices.map { column in
                byCode[code]?[column].map { context.strings.decimal($0) } ?? "–"
            })
        }
        return (columns, rows)
    }
}
