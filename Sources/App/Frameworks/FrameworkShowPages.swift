import Foundation
import HTTPServer
import Storage

/// One point of the scale and its label.
struct ScalePointView {
    let value: String
    let label: String
}

/// A target level: for whom, and the level.
struct TargetLevelView {
    let who: String
    let level: String
}

/// An area as read: name, description, statements and target levels.
struct AreaReadView {
    let id: String
    let name: String
    let code: String
    let description: String
    let hasDescription: Bool
    let statements: [String]
    let hasStatements: Bool
    let targets: [TargetLevelView]
    let hasTargets: Bool
    let editHref: String
    let editLabel: String
    let hasEditLink: Bool
}

/// The competence areas, or the influencing factors.
struct AreaGroupView {
    let headingID: String
    let heading: String
    let areas: [AreaReadView]
    let hasAreas: Bool
}

struct FrameworkShowView {
    let crumbs: [Crumb]
    let heading: String
    let status: String
    let isDraft: Bool
    let editHref: String
    let publishAction: String
    let deleteAction: String
    let copyAction: String
    let sourceID: String
    let scale: [ScalePointView]
    let cantSay: String
    let groups: [AreaGroupView]
    let errors: [ErrorLink]
    let hasErrors: Bool
}

extension WebApp {
    /// A framework version read-only, in the reader's language; a draft's page leads to editing it.
    func showFramework(_ request: Request, _ context: RequestContext) throws -> Response {
        let (organisation, content) = try readableFramework(context)
        return try renderFramework(organisation, content, context)
    }

    /// Publishes the draft as its family's next version; a draft with an empty area is refused.
    func publishFramework(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let published: Stored<Framework>
            do {
                published = try frameworks.publish(draftID: content.framework.id)
            } catch StorageError.invalid(let message) {
                // Published meanwhile: `editingDraft` answers with the page for published versions.
                guard try frameworks.framework(id: content.framework.id)?.status == .draft else {
                    throw StorageError.invalid(message)
                }
                return try renderFramework(organisation, content, context,
                                           problem: publishProblem(content, context.strings) ?? message)
            }
            try auditChange("framework.publish", context, target: "framework:\(published.id)",
                            detail: "\(published.code) v\(published.version ?? 0)")
            return context.redirect(Paths.framework(organisation.slug, published.id), notice: "published")
        }
    }

    /// Deletes a draft that was never published.
    func deleteFrameworkDraft(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            try frameworks.deleteDraft(id: content.framework.id)
            try auditChange("framework.draft.delete", context, target: "framework:\(content.framework.id)",
                            detail: content.framework.nameFi)
            return context.redirect(Paths.frameworks(organisation.slug), notice: "deleted")
        }
    }

    /// Why the store refused to publish, in the reader's language, when it is one of the known rules.
    private func publishProblem(_ content: FrameworkContent, _ strings: Strings) -> String? {
        if content.areas.isEmpty { return strings.text("frameworks_error_publish_no_areas") }
        guard let empty = content.areas.first(where: { $0.statements.isEmpty }) else { return nil }
        return strings.format("frameworks_error_publish_empty_area",
                              ["area": empty.area.name.text(strings.language.rawValue)])
    }

    func renderFramework(_ organisation: Stored<Organisation>, _ content: FrameworkContent, _ context: RequestContext,
                         problem: String? = nil) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let framework = content.framework
        let isDraft = framework.status == .draft
        let sectorNames = Dictionary(uniqueKeysWithValues: try sectors.sectors(organisationID: organisation.id)
            .map { ($0.id, $0.name) })
        let groups = AreaKind.allCases.map { kind in
            let areas = content.areas.filter { $0.area.kind == kind }.map { area in
                let description = area.area.description.text(language)
                return AreaReadView(
                    id: "area-\(area.area.id)", name: area.area.name.text(language), code: area.area.code,
                    description: description, hasDescription: !description.isEmpty,
                    statements: area.statements.map { $0.text.text(language) }, hasStatements: !area.statements.isEmpty,
                    targets: targetLines(area.targets, sectorNames: sectorNames, strings),
                    hasTargets: !area.targets.isEmpty, editHref: Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id),
                    editLabel: strings.format("frameworks_edit_area", ["name": area.area.name.text(language)]),
                    hasEditLink: isDraft)
            }
            return AreaGroupView(headingID: "areas-\(kind.rawValue)",
                                 heading: strings.text("frameworks_kind_\(kind.rawValue)_plural"),
                                 areas: areas, hasAreas: !areas.isEmpty)
        }
        var errors = FormErrors()
        if let problem { errors.add("publish", problem) }
        let view = FrameworkShowView(
            crumbs: frameworkCrumbs(organisation, framework, strings), heading: frameworkTitle(framework, strings),
            status: isDraft ? strings.text("frameworks_status_draft")
                : strings.format("frameworks_status_published", [
                    "date": framework.publishedAt.map { strings.date(CalendarDate.today($0)) } ?? "",
                ]),
            isDraft: isDraft, editHref: Paths.editFramework(organisation.slug, framework.id),
            publishAction: Paths.publishFramework(organisation.slug, framework.id),
            deleteAction: Paths.deleteFramework(organisation.slug, framework.id),
            copyAction: Paths.frameworks(organisation.slug), sourceID: String(framework.id),
            scale: content.labels.map { ScalePointView(value: String($0.value), label: $0.label.text(language)) },
            cantSay: framework.cantSay.text(language), groups: groups, errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("frameworks/show", title: view.heading, view,
                                  status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Target levels: everyone first, then sectors, then job groups, each by name.
    func targetLines(_ targets: [Stored<FrameworkTarget>], sectorNames: [Int64: String], _ strings: Strings) -> [TargetLevelView] {
        targets.map { target in
            (rank: target.sectorID != nil ? 1 : (target.jobGroup != nil ? 2 : 0),
             line: TargetLevelView(who: targetAudience(target, sectorNames: sectorNames, strings),
                              level: strings.decimal(target.level)))
        }
        .sorted { ($0.rank, $0.line.who) < ($1.rank, $1.line.who) }
        .map(\.line)
    }

    func targetAudience(_ target: Stored<FrameworkTarget>, sectorNames: [Int64: String], _ strings: Strings) -> String {
        if let sectorID = target.sectorID {
            return strings.format("frameworks_target_sector", ["sector": sectorNames[sectorID] ?? "–"])
        }
        if let jobGroup = target.jobGroup {
            return strings.format("frameworks_target_job_group", ["group": jobGroup])
        }
        return strings.text("frameworks_target_everyone")
    }
}
