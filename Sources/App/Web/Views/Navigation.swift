import Foundation

// Breadcrumbs and pagination, shared by every feature's pages.

/// A link in the breadcrumb trail; the last one is the current page.
struct Crumb {
    let href: String
    let label: String
    let current: Bool
}

/// Previous/next links and "page X of Y" under a paged list.
struct PaginationView {
    let status: String
    let hasPrevious: Bool
    let previousHref: String
    let hasNext: Bool
    let nextHref: String
    let label: String
}

/// Which page of a 50-row list to show, and the links around it.
struct Paging {
    static let pageSize = 50

    let page: Int
    let pageCount: Int

    /// `requested` is the 1-based `?page=`; anything unreadable or out of range is clamped.
    init(requested: String?, total: Int) {
        pageCount = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let asked = requested.flatMap { Int($0) } ?? 1
        page = min(max(1, asked), pageCount)
    }

    var offset: Int { (page - 1) * Self.pageSize }

    /// The pagination links; `href(n)` builds the link to page n with the other parameters kept.
    func view(strings: Strings, href: (Int) -> String) -> PaginationView {
        PaginationView(
            status: strings.format("staff_page_of", ["page": strings.number(page), "pages": strings.number(pageCount)]),
            hasPrevious: page > 1, previousHref: page > 1 ? href(page - 1) : "",
            hasNext: page < pageCount, nextHref: page < pageCount ? href(page + 1) : "",
            label: strings.text("staff_pagination_label"))
    }
}

/// A shortcut on the home page.
struct HomeLink {
    let href: String
    let label: String
    let description: String
}
