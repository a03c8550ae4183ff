import Foundation
import HTTPServer
import Storage

// View-model pieces shared by the organisation, unit, employee and user pages.
//
// Mustache looks a missing (nil) key up in the enclosing contexts, so a nil inside a row could show
// a value of the page around it. Row and field models therefore hold no optionals: empty strings
// and explicit `has…` flags instead.

/// One `<option>` of a `<select>`.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}

/// A labelled group of options (`<optgroup>`).
struct SelectGroup {
    let label: String
    let options: [SelectOption]
}

/// One form field's state: what was typed, and the message tying an error to it.
struct FieldView {
    /// The input's `id` and `name`.
    let name: String
    let value: String
    let fieldError: String
    let hasFieldError: Bool
    /// Ids for `aria-describedby`: the field's hint and its error, when present.
    let describedBy: String
    let hasDescription: Bool

    init(name: String, value: String, error: String? = nil, hintID: String? = nil) {
        self.name = name
        self.value = value
        fieldError = error ?? ""
        hasFieldError = error != nil
        let ids = [hintID, error == nil ? nil : name + "-error"].compactMap { $0 }
        describedBy = ids.joined(separator: " ")
        hasDescription = !ids.isEmpty
    }
}

/// One line of the error summary at the top of a form, linking to its field.
struct ErrorLink {
    let href: String
    let message: String
}

/// Field errors of a submitted form, in the order the fields appear.
struct FormErrors {
    private(set) var messages: [(field: String, message: String)] = []

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        guard self[field] == nil else { return }
        messages.append((field, message))
    }

    subscript(field: String) -> String? {
        messages.first { $0.field == field }?.message
    }

    /// The summary's links, each to the field it is about.
    var links: [ErrorLink] {
        messages.map { ErrorLink(href: "#" + $0.field, message: $0.message) }
    }
}

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

extension WebApp {
    /// A query string from name–value pairs, leaving out empty values.
    static func queryString(_ items: [(String, String)]) -> String {
        let parts = items.filter { !$0.1.isEmpty }.map { name, value in name + "=" + percentEncode(value) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// The organisation named by the `:slug` parameter, if this user may view it; otherwise the same
    /// 404 as an unknown slug.
    func viewableOrganisation(_ context: RequestContext) throws -> Organisation {
        guard let slug = context.request.parameters["slug"], let organisation = try organisations.organisation(slug: slug),
              let id = organisation.id
        else { throw AppError.notFound }
        try context.require(context.access.canViewOrganisation(id))
        return organisation
    }

    /// The organisation named by `:slug`, if this user manages it (HR or administrator).
    func administeredOrganisation(_ context: RequestContext) throws -> Organisation {
        let organisation = try viewableOrganisation(context)
        try context.require(context.access.canManageOrganisation(organisation.id ?? 0))
        return organisation
    }

    /// Breadcrumbs starting at the organisation list.
    func organisationCrumbs(_ organisation: Organisation, _ strings: Strings, then rest: [(String, String)]) -> [Crumb] {
        var trail: [(String, String)] = [("/organisations", strings.text("staff_organisations_title")),
                                         ("/organisations/" + organisation.slug, organisation.name)]
        trail.append(contentsOf: rest)
        return trail.enumerated().map { index, item in
            Crumb(href: item.0, label: item.1, current: index == trail.count - 1)
        }
    }

    /// Writes the audit line of a change made by the signed-in user.
    func auditChange(_ action: String, _ context: RequestContext, target: String, detail: String? = nil) {
        recordAudit(action, userID: context.principal?.userID, login: context.principal?.user.login,
                    address: context.request.clientAddress, target: target, detail: detail)
    }
}
