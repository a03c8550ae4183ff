import Foundation
import HTTPServer
import Storage

/// Helpers every feature that works inside one organisation uses: the organisation of the request
/// with its access checked, breadcrumbs from the organisation list, query strings and audit lines.
extension WebApp {
    /// A query string from name–value pairs, leaving out empty values.
    static func queryString(_ items: [(String, String)]) -> String {
        let parts = items.filter { !$0.1.isEmpty }.map { name, value in name + "=" + percentEncode(value) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// The organisation named by the `:slug` parameter, if this user may view it; otherwise the same
    /// 404 as an unknown slug.
    func viewableOrganisation(_ context: RequestContext) throws -> Stored<Organisation> {
        guard let organisation = try organisations.organisation(slug: try context.slug)
        else { throw AppError.notFound }
        try context.require(context.access.canViewOrganisation(organisation.id))
        return organisation
    }

    /// The organisation named by `:slug`, if this user manages it (HR or administrator).
    func administeredOrganisation(_ context: RequestContext) throws -> Stored<Organisation> {
        let organisation = try viewableOrganisation(context)
        try context.require(context.access.canManageOrganisation(organisation.id))
        return organisation
    }

    /// Breadcrumbs starting at the organisation list.
    func organisationCrumbs(_ organisation: Stored<Organisation>, _ strings: Strings, then rest: [(String, String)]) -> [Crumb] {
        var trail: [(String, String)] = [(Paths.organisations, strings.text("staff_organisations_title")),
                                         (Paths.organisation(organisation.slug), organisation.name)]
        trail.append(contentsOf: rest)
        return trail.enumerated().map { index, item in
            Crumb(href: item.0, label: item.1, current: index == trail.count - 1)
        }
    }
}
