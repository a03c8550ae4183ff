import Foundation
import HTTPServer
import Storage

/// One organisation in the list.
struct OrganisationRow {
    let href: String
    let name: String
    let activeEmployees: String
}

struct OrganisationListView {
    let organisations: [OrganisationRow]
    let hasOrganisations: Bool
}

/// A figure on the organisation overview.
struct OverviewFigure {
    let label: String
    let value: String
}

struct OrganisationOverviewView {
    let crumbs: [Crumb]
    let name: String
    let figures: [OverviewFigure]
    /// Links to the pages this user may open (HR and administrators get all of them).
    let links: [HomeLink]
    let hasLinks: Bool
}

extension WebApp {
    /// Organisations this user may open: all for administrators, otherwise those they are HR or tutor
    /// coordinator of. A list of one is still a list, so the page never changes shape.
    func showOrganisations(_ request: Request, _ context: RequestContext) throws -> Response {
        let visible = context.access.visibleOrganisationIDs
        if let visible, visible.isEmpty { throw AppError.forbidden }
        let shown = try organisations.all().filter { organisation in
            visible.map { $0.contains(organisation.id) } ?? true
        }
        let strings = context.strings
        let rows = try shown.map { organisation in
            OrganisationRow(href: Paths.organisation(organisation.slug), name: organisation.name,
                            activeEmployees: strings.format("staff_count_active_employees", [
                                "count": strings.number(try employees.count(organisationID: organisation.id,
                                                                            activeOnly: true)),
                            ]))
        }
        return try context.render("staff/organisations", title: strings.text("staff_organisations_title"),
                                  OrganisationListView(organisations: rows, hasOrganisations: !rows.isEmpty))
    }

    /// An organisation's figures and the way to its sectors, units, staff and users.
    func showOrganisation(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try viewableOrganisation(context)
        let id = organisation.id
        let strings = context.strings
        let unitList = try units.units(organisationID: id)
        let figures = [
            OverviewFigure(label: strings.text("staff_figure_active_employees"),
                           value: strings.number(try employees.count(organisationID: id, activeOnly: true))),
            OverviewFigure(label: strings.text("staff_figure_units"),
                           value: strings.number(unitList.filter(\.active).count)),
            OverviewFigure(label: strings.text("staff_figure_sectors"),
                           value: strings.number(try sectors.sectors(organisationID: id).count)),
        ]
        var links: [HomeLink] = []
        if context.access.canManageOrganisation(id) {
            let slug = organisation.slug
            for (path, key) in [(Paths.employees(slug), "employees"), (Paths.unitTree(slug), "units"),
                                (Paths.sectors(slug), "sectors"), (Paths.organisationUsers(slug), "users"),
                                (Paths.importStaff(slug), "import"), (Paths.signInSlips(slug), "sign_in_slips"),
                                (Paths.trainingCatalogue(slug), "trainings")] {
                links.append(HomeLink(href: path, label: strings.text("staff_link_" + key),
                                      description: strings.text("staff_link_" + key + "_text")))
            }
            links.append(HomeLink(href: Paths.trainingReport(slug), label: strings.text("trainingreport_link"),
                                  description: strings.text("trainingreport_link_text")))
            links.append(HomeLink(href: Paths.requirements(slug), label: strings.text("compliance_title"),
                                  description: strings.text("compliance_link_text")))
            links.append(HomeLink(href: Paths.onboardingOverview(slug), label: strings.text("onboarding_overview_title"),
                                  description: strings.text("onboarding_overview_link_text")))
            links.append(HomeLink(href: Paths.discussionCycles(slug), label: strings.text("discussions_cycles_title"),
                                  description: strings.text("discussions_link_text")))
            links.append(HomeLink(href: Paths.organisationAudit(slug), label: strings.text("audit_title"),
                                  description: strings.text("audit_link_text")))
            links.append(HomeLink(href: Paths.dataProtection(slug), label: strings.text("retention_short"),
                                  description: strings.text("retention_link_text")))
        }
        return try context.render("staff/organisation", title: organisation.name, OrganisationOverviewView(
            crumbs: organisationCrumbs(organisation, strings, then: []), name: organisation.name, figures: figures,
            links: links, hasLinks: !links.isEmpty))
    }
}
