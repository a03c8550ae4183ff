import Foundation
import HTTPServer
import Storage

/// One published version in the list, with the form that starts a draft from it.
struct FrameworkVersionRow {
    let href: String
    let name: String
    let version: String
    let source: String
    let published: String
    let areaCount: String
    let statementCount: String
    let sourceID: String
}

/// One of the organisation's drafts.
struct FrameworkDraftRow {
    let href: String
    let editHref: String
    let name: String
    let created: String
    let areaCount: String
    let statementCount: String
}

struct FrameworkListView {
    let crumbs: [Crumb]
    let organisationName: String
    let createAction: String
    let versions: [FrameworkVersionRow]
    let hasVersions: Bool
    let drafts: [FrameworkDraftRow]
    let hasDrafts: Bool
}

extension WebApp {
    /// Published versions the organisation may use (its own and shipped ones) and its drafts.
    func showFrameworks(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let language = strings.language.rawValue
        var versions: [FrameworkVersionRow] = []
        var drafts: [FrameworkDraftRow] = []
        for framework in try frameworks.frameworks(organisationID: organisation.id)
        where isReadable(framework, by: organisation) {
            let content = try frameworks.content(frameworkID: framework.id)
            let areaCount = strings.number(content?.areas.count ?? 0)
            let statementCount = strings.number(content?.statementsInOrder.count ?? 0)
            let href = Paths.framework(organisation.slug, framework.id)
            if framework.status == .published {
                versions.append(FrameworkVersionRow(
                    href: href, name: framework.name.text(language), version: String(framework.version ?? 0),
                    source: strings.text(framework.organisationID == nil ? "frameworks_source_shipped"
                                                                         : "frameworks_source_own"),
                    published: framework.publishedAt.map { strings.date(CalendarDate.today($0)) } ?? "",
                    areaCount: areaCount, statementCount: statementCount, sourceID: String(framework.id)))
            } else {
                drafts.append(FrameworkDraftRow(
                    href: href, editHref: Paths.editFramework(organisation.slug, framework.id), name: framework.name.text(language),
                    created: strings.dateTime(framework.createdAt), areaCount: areaCount,
                    statementCount: statementCount))
            }
        }
        let view = FrameworkListView(
            crumbs: frameworkCrumbs(organisation, nil, strings), organisationName: organisation.name,
            createAction: Paths.frameworks(organisation.slug), versions: versions, hasVersions: !versions.isEmpty,
            drafts: drafts, hasDrafts: !drafts.isEmpty)
        return try context.render("frameworks/list", title: strings.text("frameworks_title") + " – " + organisation.name,
                                  view)
    }

    /// Starts a draft copied from a version the organisation may read (field `source`).
    func createFrameworkDraft(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        guard let text = try context.requireForm()["source"], let sourceID = Int64(text) else {
            throw AppError.badRequest
        }
        guard let source = try frameworks.framework(id: sourceID), isReadable(source, by: organisation) else {
            throw AppError.notFound
        }
        let draft = try changing {
            let draft = try frameworks.createDraft(copying: sourceID, organisationID: organisation.id)
            try auditChange("framework.draft.create", context, target: "framework:\(draft.id)",
                                detail: "copy of framework:\(sourceID) \(source.code) v\(source.version ?? 0)")
            return draft
        }
        return context.redirect(Paths.editFramework(organisation.slug, draft.id), notice: "created")
    }
}
