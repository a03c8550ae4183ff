import Foundation
import HTTPServer
import Storage
import Synchronization

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
}

extension EmployeeRow {
    init(_ listing: EmployeeListing, _ strings: Strings) {
        let employee = listing.employee
        href = Paths.employee(employee.id)
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
    let sectorOptions: [SelectOption]
    let unitFilter: UnitFilterView?
    let includeInactive: Bool
    let resultSummary: String
    let rows: [EmployeeRow]
    let hasRows: Bool
    let pagination: PaginationView
    let showPagination: Bool
    /// The staff import, for those who may use it.
    let importHref: String?
}

/// The unit a search is limited to (reached from a unit's page), with a way back to all units.
struct UnitFilterView {
    let id: String
    let name: String
    let removeHref: String
}

/// Longest search text read; more would only slow the query.
let staffSearchLimit = 200

extension WebApp {
    /// Searches the organisation's roster: words in name, HR number, e-mail or job title, a unit
    /// (with its sub-units), and optionally the deactivated; 50 rows a page.
    func showEmployeeSearch(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let id = organisation.id
        let strings = context.strings
        let text = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .prefix(staffSearchLimit))
        let includeInactive = request.queryValue("inactive") == "1"
        let filter = try staffFilter(request, organisationID: id)
        let query = EmployeeQuery(organisationID: id, text: text.isEmpty ? nil : text, unitIDs: filter.unitIDs,
                                  sectorID: filter.sectorID, includeInactive: includeInactive)
        let (page, paging) = try pagedSearch(query, requestedPage: request.queryValue("page"))
        let base = Paths.employees(organisation.slug)
        let unitValue = filter.unit.map { String($0.id) } ?? ""
        let sectorValue = filter.sectorID.map(String.init) ?? ""
        let kept: [(String, String)] = [("q", text), ("sector", sectorValue), ("unit", unitValue),
                                        ("inactive", includeInactive ? "1" : "")]
        let view = EmployeeSearchView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("staff_employees_title"))]),
            organisationName: organisation.name, action: base, searchText: text,
            sectorOptions: [SelectOption(value: "", label: strings.text("staff_all_sectors"), selected: sectorValue.isEmpty)]
                + filter.sectors.map { sector in
                    let value = String(sector.id)
                    return SelectOption(value: value, label: sector.name, selected: value == sectorValue)
                },
            unitFilter: filter.unit.map { unit in
                UnitFilterView(id: unitValue, name: unit.name,
                               removeHref: base + Self.queryString(kept.filter { $0.0 != "unit" }))
            },
            includeInactive: includeInactive,
            resultSummary: strings.format("staff_search_total", ["count": strings.number(page.total)]),
            rows: page.listings.map { EmployeeRow($0, strings) }, hasRows: !page.listings.isEmpty,
            pagination: paging.view(strings: strings) { base + Self.queryString(kept + [("page", String($0))]) },
            showPagination: paging.pageCount > 1,
            importHref: context.access.canManageOrganisation(id) ? Paths.importStaff(organisation.slug) : nil)
        return try context.render("staff/employees",
                                  title: strings.text("staff_employees_title") + " – " + organisation.name, view)
    }

    /// The sector and unit a staff search is limited to. The form offers sectors (a handful); a unit
    /// filter comes from a unit's page, because a list of every unit (thousands in a large
    /// organisation) would make the page heavy and the control unusable on a phone.
    private func staffFilter(_ request: Request, organisationID: Int64)
        throws -> (sectors: [Stored<Sector>], sectorID: Int64?, unit: Stored<WorkUnit>?, unitIDs: Set<Int64>?) {
        let sectorList = try sectors.sectors(organisationID: organisationID)
        let sectorID = request.queryValue("sector").flatMap { Int64($0) }.flatMap { chosen in
            sectorList.contains { $0.id == chosen } ? chosen : nil
        }
        let unit = try request.queryValue("unit").flatMap { Int64($0) }.flatMap { try units.unit(id: $0) }
            .flatMap { $0.organisationID == organisationID ? $0 : nil }
        let unitIDs = try unit.map { try units.unitAndDescendantIDs(of: $0.id) }
        return (sectorList, sectorID, unit, unitIDs)
    }

    /// One page of a search; a page past the end shows the last page instead of an empty one.
    func pagedSearch(_ query: EmployeeQuery, requestedPage: String?) throws -> (EmployeePage, Paging) {
        var query = query
        query.limit = Paging.pageSize
        let asked = max(1, requestedPage.flatMap { Int($0) } ?? 1)
        // Multiplying by the page size must not overflow, whatever `?page=` says.
        let askedOffset = asked.multipliedReportingOverflow(by: Paging.pageSize)
        query.offset = askedOffset.overflow ? Int.max / 2 : askedOffset.partialValue - Paging.pageSize
        // Counting 23,000 rows took longer than reading a page; the count of a filter is kept until
        // anything is committed (`staffCounts`).
        let countKey = StaffCountCache.key(query, commit: database.commitCount)
        var page = try employees.search(query, knownTotal: staffCounts.total(for: countKey))
        staffCounts.remember(page.total, for: countKey)
        let paging = Paging(requested: requestedPage, total: page.total)
        if paging.offset != query.offset {
            query.offset = paging.offset
            page = try employees.search(query, knownTotal: page.total)
        }
        return (page, paging)
    }
}

/// The number of employees a staff filter matches, per filter, valid for one commit count: any
/// write (an import, an edit) makes every entry stale, and a stale entry is never read. Bounded:
/// when full it starts over.
final class StaffCountCache: Sendable {
    static let capacity = 512
    private let counts = Mutex<[String: Int]>([:])

    static func key(_ query: EmployeeQuery, commit: Int) -> String {
        let units = query.unitIDs.map { $0.sorted().map(String.init).joined(separator: ",") } ?? "*"
        return "\(commit)|\(query.organisationID)|\(query.includeInactive)|\(query.sectorID ?? 0)|\(units)|\(query.text ?? "")"
    }

    func total(for key: String) -> Int? {
        counts.withLock { $0[key] }
    }

    func remember(_ total: Int, for key: String) {
        counts.withLock { counts in
            if counts.count >= Self.capacity { counts.removeAll(keepingCapacity: true) }
            counts[key] = total
        }
    }
}
