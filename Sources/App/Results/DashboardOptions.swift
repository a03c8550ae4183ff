import HTTPServer

/// Which way a sorted column runs. Ascending puts the weakest first: the lowest mean, the furthest
/// below the target, the biggest drop since the last round.
enum SortDirection: String, Sendable {
    case ascending = "asc"
    case descending = "desc"

    var reversed: SortDirection { self == .ascending ? .descending : .ascending }
    /// The heading's `aria-sort`.
    var ariaSort: String { self == .ascending ? "ascending" : "descending" }
    /// The marker shown beside the sorted heading.
    var marker: String { self == .ascending ? "▲" : "▼" }
}

/// The figures an area table can be sorted by.
enum AreaSortColumn: String, Sendable, CaseIterable {
    case mean, gap, change
}

/// How a dashboard is laid out, read from its query string: the order of the area tables and of the
/// group tables (sectors, units, sub-units, job groups), whether the group tables show the factors'
/// columns as well, and the page of units. Every value is checked against a small fixed set, so
/// the page cache holds few variants, and a link repeats only what was understood. None of it
/// changes which figures exist: hidden groups stay hidden, and sort last whichever way.
struct DashboardOptions: Sendable, Equatable {
    /// Group tables sorted by the mean of the area with this code; nil keeps their usual order.
    var groupSort: String?
    var groupDirection = SortDirection.descending
    /// Area tables sorted by one of their figures; nil keeps the framework's order.
    var areaSort: AreaSortColumn?
    var areaDirection = SortDirection.ascending
    /// Group tables with a column for every area, the factors too, not only the competence areas.
    var allColumns = false
    /// The page of the organisation's units, 1-based (`Paging` clamps it to the pages there are).
    var page = 1

    init() {}

    /// `?sort=CODE&dir=asc|desc` (descending when left out, as the first sort links were),
    /// `?area-sort=mean|gap|change&area-dir=asc|desc` (ascending, weakest first, when left out),
    /// `?columns=all`, `?page=N`.
    init(_ request: Request) {
        groupSort = request.queryValue("sort").flatMap(Self.areaCode)
        groupDirection = request.queryValue("dir").flatMap(SortDirection.init) ?? .descending
        areaSort = request.queryValue("area-sort").flatMap(AreaSortColumn.init)
        areaDirection = request.queryValue("area-dir").flatMap(SortDirection.init) ?? .ascending
        allColumns = request.queryValue("columns") == "all"
        page = request.queryValue("page").flatMap { Int($0) }.map { min(max(1, $0), 100_000) } ?? 1
    }

    /// An area code as a sort key: letters, digits and "-", at most 40 characters.
    static func areaCode(_ text: String) -> String? {
        guard !text.isEmpty, text.count <= 40, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            return nil
        }
        return text
    }

    /// The query string of these options (with its "?"), defaults left out, always in one order.
    var query: String {
        WebApp.queryString([
            ("area-sort", areaSort?.rawValue ?? ""), ("area-dir", areaSort == nil ? "" : areaDirection.rawValue),
            ("sort", groupSort ?? ""), ("dir", groupSort == nil ? "" : groupDirection.rawValue),
            ("columns", allColumns ? "all" : ""), ("page", page > 1 ? String(page) : ""),
        ])
    }

    /// The dashboard at `base` with these options, scrolled to `fragment`.
    func link(_ base: String, fragment: String? = nil) -> String {
        base + query + (fragment.map { "#" + $0 } ?? "")
    }

    /// These options with the group tables sorted another way; back to the first page of units,
    /// as the order of every page changes.
    func sortingGroups(by code: String, _ direction: SortDirection) -> DashboardOptions {
        var changed = self
        changed.groupSort = code
        changed.groupDirection = direction
        changed.page = 1
        return changed
    }

    /// These options with the area tables sorted by a figure, or in the framework's order (nil).
    func sortingAreas(by column: AreaSortColumn?, _ direction: SortDirection) -> DashboardOptions {
        var changed = self
        changed.areaSort = column
        changed.areaDirection = direction
        return changed
    }

    func showingAllColumns(_ all: Bool) -> DashboardOptions {
        var changed = self
        changed.allColumns = all
        return changed
    }

    func onPage(_ number: Int) -> DashboardOptions {
        var changed = self
        changed.page = number
        return changed
    }
}

/// How a table's headings link to the table sorted by them: the first choice of a heading sorts
/// weakest first, the next strongest first, and so on back and forth.
struct ColumnSorting {
    /// The key the table is sorted by now, if any, and which way.
    let key: String?
    let direction: SortDirection
    /// The page sorted by a key in a direction.
    let link: (String, SortDirection) -> String

    /// How the table is sorted by `key`: nil when it is sorted by another or not at all.
    func direction(of key: String) -> SortDirection? {
        self.key == key ? direction : nil
    }

    /// Where the heading of `key` leads: the other way round if sorted by it now, weakest first if not.
    func next(for key: String) -> SortDirection {
        direction(of: key) == .ascending ? .descending : .ascending
    }
}
