import Foundation
import HTTPServer
import Storage

/// One role a user holds, described for people.
struct RoleLine {
    let role: String
    let scope: String
}

struct HomeView {
    let greeting: String
    let roles: [RoleLine]
    let links: [HomeLink]
    /// Stored, not computed: templates see stored properties only (they are read by reflection).
    let hasLinks: Bool
    /// Rounds the employee has not answered yet, first on the page: answering takes minutes.
    let openSurveys: [HomeLink]
    let hasOpenSurveys: Bool
}

struct AccessibilityView {
    let updated: String
}

extension WebApp {
    /// The signed-in start page: who you are here, and where your work is.
    func showHome(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { return .redirect(to: Paths.signIn) }
        let strings = context.strings
        var name = principal.user.login
        if let employeeID = principal.employeeID, let employee = try employees.employee(id: employeeID) {
            name = employee.firstName
        }
        let roles = try principal.assignments.map { try roleLine($0, strings: strings) }
        let links = navigation(for: principal, path: "", strings: strings).dropFirst().map { item in
            HomeLink(href: item.href, label: item.label, description: strings.text("home_link_" + item.href.dropFirst()))
        }
        let today = CalendarDate.today()
        let openSurveys = try principal.employeeID.map { employeeID in
            try rounds.invitations(employeeID: employeeID)
                .filter { !$0.answered && $0.round.acceptsAnswers(on: today) }
                .map { invitation in
                    HomeLink(href: Paths.survey(invitation.round.id), label: invitation.round.title,
                             description: strings.format("survey_open_until",
                                                         ["date": strings.date(invitation.round.closesOn)]))
                }
        } ?? []
        return try context.render("home/home", title: strings.text("home_title"),
                                  HomeView(greeting: strings.format("home_greeting", ["name": name]),
                                           roles: roles, links: Array(links), hasLinks: !links.isEmpty,
                                           openSurveys: openSurveys, hasOpenSurveys: !openSurveys.isEmpty))
    }

    /// A role assignment in words: "Supervisor — Päiväkoti Satakieli".
    func roleLine(_ assignment: Stored<RoleAssignment>, strings: Strings) throws -> RoleLine {
        var scope = ""
        if let organisationID = assignment.organisationID {
            scope = try organisations.organisation(id: organisationID)?.name ?? ""
        } else if let unitID = assignment.unitID {
            scope = try units.unit(id: unitID)?.name ?? ""
        }
        return RoleLine(role: strings.text("role_" + assignment.role.rawValue), scope: scope)
    }

    /// The accessibility statement Finnish public-sector services must publish (Act 306/2019).
    func showAccessibility(_ request: Request, _ context: RequestContext) throws -> Response {
        try context.render("home/accessibility", title: context.strings.text("accessibility_title"),
                           AccessibilityView(updated: context.strings.date("2026-11-23")))
    }
}
