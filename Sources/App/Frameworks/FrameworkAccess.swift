import Foundation
import HTTPServer
import Storage

/// The page shown when someone tries to change a published version.
struct FrameworkRefusedView {
    let crumbs: [Crumb]
    let heading: String
    let explanation: String
    let backHref: String
    let backLabel: String
}

extension WebApp {
    /// Whether `organisation` may read `framework`: its own versions and drafts, and shipped versions.
    func isReadable(_ framework: Stored<Framework>, by organisation: Stored<Organisation>) -> Bool {
        guard let owner = framework.organisationID else { return framework.status == .published }
        return owner == organisation.id
    }

    /// The organisation managed by this user and the framework `:id` it may read; 404 otherwise.
    func readableFramework(_ context: RequestContext) throws -> (Stored<Organisation>, FrameworkContent) {
        let organisation = try administeredOrganisation(context)
        let id = try context.frameworkID
        guard let content = try frameworks.content(frameworkID: id), isReadable(content.framework, by: organisation)
        else { throw AppError.notFound }
        return (organisation, content)
    }

    /// Runs `edit` on the organisation's draft `:id`. A published version (already, or by the time the
    /// store runs) gets the 409 page explaining that published versions never change.
    func editingDraft(_ context: RequestContext,
                      _ edit: (Stored<Organisation>, FrameworkContent) throws -> Response) throws -> Response {
        let (organisation, content) = try readableFramework(context)
        guard content.framework.status == .draft else {
            return try renderFrameworkRefused(organisation, content.framework, context)
        }
        do {
            // The edit and its audit line are one transaction.
            return try changing { try edit(organisation, content) }
        } catch let error as StorageError {
            if error == .notFound { throw AppError.notFound }
            if let now = try frameworks.framework(id: content.framework.id), now.status == .published {
                return try renderFrameworkRefused(organisation, now, context)
            }
            throw error
        }
    }

    /// The area `:areaID` of the framework; 404 when it belongs to another one.
    func frameworkArea(_ content: FrameworkContent, _ context: RequestContext) throws -> FrameworkContent.Area {
        let areaID = try context.areaID
        guard let area = content.areas.first(where: { $0.area.id == areaID }) else { throw AppError.notFound }
        return area
    }

    /// The statement `:statementID` of the area; 404 when it belongs to another one.
    func frameworkStatement(_ area: FrameworkContent.Area, _ context: RequestContext) throws -> Stored<FrameworkStatement> {
        let statementID = try context.statementID
        guard let statement = area.statements.first(where: { $0.id == statementID }) else { throw AppError.notFound }
        return statement
    }

    /// A framework's name in the reader's language, with its version or "draft".
    func frameworkTitle(_ framework: Stored<Framework>, _ strings: Strings) -> String {
        let name = framework.name.text(strings.language.rawValue)
        guard let version = framework.version else { return name + " (" + strings.text("frameworks_draft") + ")" }
        return name + " – " + strings.format("frameworks_version_n", ["version": String(version)])
    }

    /// Crumbs: organisation › frameworks › this framework › `rest`.
    func frameworkCrumbs(_ organisation: Stored<Organisation>, _ framework: Stored<Framework>?, _ strings: Strings,
                         then rest: [(String, String)] = []) -> [Crumb] {
        var trail = [(Paths.frameworks(organisation.slug), strings.text("frameworks_title"))]
        if let framework {
            trail.append((Paths.framework(organisation.slug, framework.id), frameworkTitle(framework, strings)))
        }
        return organisationCrumbs(organisation, strings, then: trail + rest)
    }

    func renderFrameworkRefused(_ organisation: Stored<Organisation>, _ framework: Stored<Framework>,
                                _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let view = FrameworkRefusedView(
            crumbs: frameworkCrumbs(organisation, framework, strings), heading: strings.text("frameworks_refused_title"),
            explanation: strings.text("frameworks_refused_text"), backHref: Paths.framework(organisation.slug, framework.id),
            backLabel: strings.text("frameworks_back_to_framework"))
        return try context.render("frameworks/refused", title: view.heading, view, status: .conflict)
    }
}
