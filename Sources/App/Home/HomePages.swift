import Foundation
import HTTPServer
import Metrics
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
    /// For supervisors: how their units' open rounds are going, with the slips to print.
    let unitRounds: [UnitRoundLine]
    let hasUnitRounds: Bool
    /// Required trainings due or overdue for the person, with sessions that satisfy them.
    let requirements: [OwnRequirementView]
    let hasRequirements: Bool
    /// The digitutors of the person's unit and the units above it.
    let tutors: [TutorCardView]
    let hasTutors: Bool
    /// For digitutors (active or paused): the link to log help given.
    var logsHelp = false
    let helpLogHref = Paths.myHelpLog
    /// "Instructions for your sector": a few pinned and newest of the library.
    let instructions: [InstructionRowView]
    let hasInstructions: Bool
    let instructionsHref = Paths.instructions
    let findHelpHref = Paths.findHelp
    let changePasswordHref = Paths.changePassword
    let sessionsHref = Paths.sessions
    let securityHref = Paths.security
    let ownDataHref = Paths.ownData
    /// The new employee's onboarding checklist while it runs (none or one card).
    var onboarding: [OnboardingCardView] = []
    var hasOnboarding = false
}

/// An open round as a supervisor's unit sees it: how many have answered (from the minimum group
/// size up; fewer is "fewer than 5"), the progress page, and the code slips for anonymous rounds.
struct UnitRoundLine {
    let unit: String
    let round: String
    let progress: String
    let progressHref: String
    let slipsHref: String?
}

struct AccessibilityView {
    let updated: String
}

extension WebApp {
    /// The signed-in start page: who you are here, and where your work is.
    ///
    /// An employee's page is kept while nothing it shows can have changed (their record, roles, the
    /// network of tutors, required training and completions, the rounds of
    /// the organisation and their answers, the instructions library, their onboarding checklist, who
    /// owns the organisation's onboarding templates: `HomeFactsStore`), and for a
    /// minute at most: the required-training status counts from today, and a round's dates and title
    /// are not in the stamps.
    func showHome(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { return .redirect(to: Paths.signIn) }
        let title = context.strings.text("home_title")
        let store = HomeFactsStore(database)
        guard let employeeID = principal.employeeID, let (employee, onboarding) = try store.employee(id: employeeID) else {
            return try context.render("home/home", title: title, try homeView(principal, employee: nil, context))
        }
        let stamp = try homeStamps.stamp(organisationID: employee.organisationID, commits: database.commitCount) {
            try store.stamp(organisationID: employee.organisationID)
        }
        let roles = principal.assignments.map { "\($0.id)" }.joined(separator: ",")
        let key = CacheKey(family: "home:\(employee.id)|" + stamp + "|" + onboarding,
                           version: Int(Date().timeIntervalSince1970 / 60),
                           variant: "\(employee.updatedAt.timeIntervalSince1970)|\(roles)|\(CivilDay.today(settings.now()).iso)")
        return try context.renderCached("home/home", title: title, key: key) {
            try homeView(principal, employee: employee, context)
        }
    }

    private func homeView(_ principal: Principal, employee: Stored<Employee>?, _ context: RequestContext) throws -> HomeView {
        let strings = context.strings
        var name = principal.user.login
        var tutors: [TutorCardView] = []
        var requirements: [OwnRequirementView] = []
        var logsHelp = false
        var instructions: [InstructionRowView] = []
        var onboarding: [OnboardingCardView] = []
        if let employee {
            name = employee.firstName
            tutors = try myTutors(employee, strings)
            logsHelp = try self.logsHelp(employeeID: employee.id)
            requirements = try ownRequirementReminders(employee, context)
            instructions = try sectorInstructions(employee, strings)
            onboarding = try onboardingCard(employee, strings).map { [$0] } ?? []
        }
        let roles = try principal.assignments.map { try roleLine($0, strings: strings) }
        let links = navigation(for: principal, path: "", strings: strings).dropFirst().map { item in
            HomeLink(href: item.href, label: item.label, description: strings.text("home_link_" + item.href.dropFirst()))
        }
        var shortcuts = Array(links)
        if context.access.satisfies(.staffAdministration) {
            shortcuts.append(HomeLink(href: Paths.outbox, label: strings.text("mail_outbox_title"),
                                      description: strings.text("mail_home_link_text")))
        }
        // Development discussions: the employee's own, once one has been opened for them.
        if let employee, try discussionStore.hasDiscussion(employeeID: employee.id) {
            shortcuts.append(HomeLink(href: Paths.myDiscussions, label: strings.text("discussions_my_title"),
                                      description: strings.text("discussions_home_link_text")))
        }
        // Supervisors: the toolkit of each unit they lead.
        shortcuts += try toolkitShortcuts(principal, strings)
        // Templates the person was named the owner of and edits for no other reason: their way in.
        for template in try onboardingStore.templates(ownedBy: principal.userID)
        where !editsTemplateByRole(template.record, context) {
            shortcuts.append(HomeLink(href: Paths.onboardingTemplate(template.id), label: template.name,
                                      description: strings.text("onboarding_owner_home_link_description")))
        }
        let today = CalendarDate.today()
        let openSurveys = try employee.map { employee in
            try rounds.invitations(employeeID: employee.id)
                .filter { !$0.answered && $0.round.acceptsAnswers(on: today) }
                .map { invitation in
                    HomeLink(href: Paths.survey(invitation.round.id), label: invitation.round.title,
                             description: strings.format("survey_open_until",
                                                         ["date": strings.date(invitation.round.closesOn)]))
                }
        } ?? []
        let unitRounds = try supervisedUnitRounds(principal, strings)
        return HomeView(greeting: strings.format("home_greeting", ["name": name]),
                        roles: roles, links: shortcuts, hasLinks: !shortcuts.isEmpty,
                        openSurveys: openSurveys, hasOpenSurveys: !openSurveys.isEmpty,
                        unitRounds: unitRounds, hasUnitRounds: !unitRounds.isEmpty,
                        requirements: requirements, hasRequirements: !requirements.isEmpty,
                        tutors: tutors, hasTutors: !tutors.isEmpty, logsHelp: logsHelp,
                        instructions: instructions, hasInstructions: !instructions.isEmpty,
                        onboarding: onboarding, hasOnboarding: !onboarding.isEmpty)
    }

    /// The open rounds of each unit the principal supervises (with its sub-units), in the same count
    /// the dashboards show.
    private func supervisedUnitRounds(_ principal: Principal, _ strings: Strings) throws -> [UnitRoundLine] {
        var lines: [UnitRoundLine] = []
        let today = CalendarDate.today()
        for unitID in principal.assignments.filter({ $0.role == .supervisor }).compactMap(\.unitID) {
            guard let unit = try units.unit(id: unitID) else { continue }
            for round in try rounds.rounds(organisationID: unit.organisationID)
            where round.status == .open && round.acceptsAnswers(on: today) {
                let counts = try roundParticipation(round, unitID: unitID)
                guard counts.invited > 0 else { continue }
                let progress = counts.answered.map { answered in
                    strings.format("home_unit_round_progress", [
                        "answered": strings.number(answered), "invited": strings.number(counts.invited),
                        "rate": counts.rate.map { strings.percent($0) } ?? "–",
                    ])
                } ?? strings.format("home_unit_round_few", [
                    "minimum": String(round.minimumGroupSize), "invited": strings.number(counts.invited),
                ])
                lines.append(UnitRoundLine(
                    unit: unit.name, round: round.title, progress: progress,
                    progressHref: Paths.unitResults(round.id, unitID),
                    slipsHref: round.mode == .anonymous ? Paths.unitSurveys(unitID) : nil))
            }
        }
        return lines
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
                           AccessibilityView(updated: context.strings.date("2026-12-07")))
    }
}
