import Foundation
import HTTPServer
import Storage

/// One employee in a staff table.
struct EmployeeRow {
    let href: String
    let name: String
    let hrNumber: String
    let unitName: String
    let sectorName: String
    let jobTitle: String
    let status: String
    let active: Bool

    init(_ listing: EmployeeListing, _ strings: Strings) {
        let employee = listing.employee
        href = "/employees/\(employee.id ?? 0)"
        name = employee.lastName + ", " + employee.firstName
        hrNumber = employee.hrNumber
        unitName = listing.unitName ?? ""
        sectorName = listing.sectorName ?? ""
        jobTitle = employee.jobTitle ?? ""
        active = employee.active
        status = strings.text(employee.active ? "staff_status_active" : "staff_status_inactive")
    }
}

struct EmployeeSearchView {
    let crumbs: [Crumb]
    let organisationName: String
    let action: String
    let searchText: String
    let unitOptions: [SelectOption]
    let includeInactive: Bool
    let resultSummary: String
    let rows: [EmployeeRow]
    let hasRows: Bool
    let pagination: PaginationView
    let showPagination: Bool
}

/// Longest search text read; more would only slow the query.
let staffSearchLimit = 200

extension WebApp {
    /// Searches the organisation's roster: words in name, HR number, e-mail or job title, a unit
    /// (with its sub-units), and optionally the deactivated; 50 rows a page.
    func showEmployeeSearch(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let id = organisation.id ?? 0
        let strings = context.strings
        let text = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .prefix(staffSearchLimit))
        let includeInactive = request.queryValue("inactive") == "1"
        let unitList = try units.units(organisationID: id)
        var unitChoice = ""
        var unitIDs: Set<Int64>?
        if let chosen = request.queryValue("unit").flatMap({ Int64($0) }), unitList.contains(where: { $0.id == chosen }) {
            unitChoice = String(chosen)
            unitIDs = try units.unitAndDescendantIDs(of: chosen)
        }
        let query = EmployeeQuery(organisationID: id, text: text.isEmpty ? nil : text, unitIDs: unitIDs,
                                  includeInactive: includeInactive)
        let (page, paging) = try pagedSearch(query, requestedPage: request.queryValue("page"))
        let base = "/organisations/\(organisation.slug)/employees"
        let kept: [(String, String)] = [("q", text), ("unit", unitChoice), ("inactive", includeInactive ? "1" : "")]
        let view = EmployeeSearchView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("staff_employees_title"))]),
            organisationName: organisation.name, action: base, searchText: text,
            unitOptions: [SelectOption(value: "", label: strings.text("staff_all_units"), selected: unitChoice.isEmpty)]
                + unitList.map { unit in
                    let value = String(unit.id ?? 0)
                    let label = unit.active ? unit.name : strings.format("staff_unit_inactive_label", ["name": unit.name])
                    return SelectOption(value: value, label: label, selected: value == unitChoice)
                },
            includeInactive: includeInactive,
            resultSummary: strings.format("staff_search_total", ["count": strings.number(page.total)]),
            rows: page.listings.map { EmployeeRow($0, strings) }, hasRows: !page.listings.isEmpty,
            pagination: paging.view(strings: strings) { base + Self.queryString(kept + [("page", String($0))]) },
            showPagination: paging.pageCount > 1)
        return try context.render("staff/employees",
                                  title: strings.text("staff_employees_title") + " – " + organisation.name, view)
    }

    /// One page of a search; a page past the end shows the last page instead of an empty one.
    func pagedSearch(_ query: EmployeeQuery, requestedPage: String?) throws -> (EmployeePage, Paging) {
        var query = query
        query.limit = Paging.pageSize
        let asked = max(1, requestedPage.flatMap { Int($0) } ?? 1)
        // Multiplying by the page size must not overflow, whatever `?page=` says.
        let askedOffset = asked.multipliedReportingOverflow(by: Paging.pageSize)
        query.offset = askedOffset.overflow ? Int.max / 2 : askedOffset.partialValue - Paging.pageSize
        var page = try employees.search(query)
        let paging = Paging(requested: requestedPage, total: page.total)
        if paging.offset != query.offset {
            query.offset = paging.offset
            page = try employees.search(query)
        }
        return (page, paging)
    }
}
