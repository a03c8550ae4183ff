import Foundation
import HTTPServer
import Storage

/// One line of the audit log as the viewer shows it.
struct AuditRowView {
    let time: String
    let who: String
    let action: String
    let target: String
    let address: String
    let detail: String
}

/// How long lines are kept, with the administrator's form to change it.
struct AuditRetentionView {
    let months: String
    let action: String
    let retentionError: String?
}

struct AuditLogView {
    let crumbs: [Crumb]
    let heading: String
    let intro: String
    let formAction: String
    let text: String
    let actions: [SelectOption]
    let from: String
    let through: String
    let error: String?
    let rows: [AuditRowView]
    let hasRows: Bool
    let olderHref: String?
    let exportHref: String
    let exportSemicolonHref: String
    let retentionText: String
    /// Administrators' installation-wide page only.
    let retention: [AuditRetentionView]
}

extension WebApp {
    /// Lines per page; the export takes at most `auditExportLimit`.
    static let auditPageSize = 50
    static let auditExportLimit = 100_000

    /// HR of the organisation (and administrators): the organisation's lines, searchable.
    func showOrganisationAudit(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let heading = strings.format("audit_title_organisation", ["organisation": organisation.name])
        return try renderAudit(context, organisationID: organisation.id, base: Paths.organisationAudit(organisation.slug),
                               export: Paths.organisationAuditExport(organisation.slug), heading: heading,
                               crumbs: [Crumb(href: Paths.organisation(organisation.slug), label: organisation.name, current: false),
                                        Crumb(href: Paths.organisationAudit(organisation.slug), label: strings.text("audit_title"), current: true)])
    }

    /// Administrators: every line, the installation's own included, and the retention setting.
    func showInstallationAudit(_ request: Request, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        return try renderAudit(context, organisationID: nil, base: Paths.installationAudit, export: Paths.installationAuditExport,
                               heading: strings.text("audit_title_installation"),
                               crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                                        Crumb(href: Paths.installationAudit, label: strings.text("audit_title"), current: true)])
    }

    func exportOrganisationAudit(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try exportAudit(context, organisationID: organisation.id, filename: "lokitiedot-\(organisation.slug).csv",
                               title: context.strings.format("audit_title_organisation", ["organisation": organisation.name]))
    }

    func exportInstallationAudit(_ request: Request, _ context: RequestContext) throws -> Response {
        try exportAudit(context, organisationID: nil, filename: "lokitiedot.csv",
                        title: context.strings.text("audit_title_installation"))
    }

    /// Sets how many months audit lines are kept (6–120).
    func saveAuditRetention(_ request: Request, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        guard let months = Int((form["months"] ?? "").trimmingCharacters(in: .whitespaces)), (6...120).contains(months) else {
            return try renderAudit(context, organisationID: nil, base: Paths.installationAudit, export: Paths.installationAuditExport,
                                   heading: context.strings.text("audit_title_installation"), crumbs: [],
                                   retentionError: context.strings.text("audit_retention_invalid"), status: .unprocessableContent)
        }
        try changing {
            try audit.setRetentionMonths(months, at: settings.now())
            try auditChange("audit.retention", context, detail: "\(months) months")
        }
        return context.redirect(Paths.installationAudit, notice: "saved")
    }

    // MARK: - Reading the filters

    /// The search the query string asks for; an error text when a date is not one.
    private func auditQuery(_ request: Request, organisationID: Int64?) -> (AuditQuery, String?) {
        var query = AuditQuery(organisationID: organisationID)
        query.text = String((request.queryValue("q") ?? "").prefix(200))
        query.action = String((request.queryValue("action") ?? "").prefix(100))
        query.before = request.queryValue("before").flatMap { Int64($0) }
        var problem: String?
        for (name, value) in [("from", request.queryValue("from")), ("through", request.queryValue("through"))] {
            guard let value, !value.isEmpty else { continue }
            guard case .date(let day) = FieldRules.readDate(value) else { problem = "audit_bad_date"; continue }
            if name == "from" { query.from = day } else { query.through = day }
        }
        return (query, problem)
    }

    private func renderAudit(_ context: RequestContext, organisationID: Int64?, base: String, export: String,
                             heading: String, crumbs: [Crumb], retentionError: String? = nil,
                             status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let request = context.request
        let (query, problem) = auditQuery(request, organisationID: organisationID)
        let lines = problem == nil ? try audit.search(query, limit: Self.auditPageSize + 1) : []
        let shown = Array(lines.prefix(Self.auditPageSize))
        let filters: [(String, String)] = [("q", query.text), ("action", query.action), ("from", query.from ?? ""),
                                           ("through", query.through ?? "")]
        let older = lines.count > Self.auditPageSize ? shown.last.map { base + Self.queryString(filters + [("before", String($0.id))]) } : nil
        let categories = Set(try audit.actions(organisationID: organisationID).map { String($0.prefix { $0 != "." }) })
        let months = try audit.retentionMonths()
        let view = AuditLogView(
            crumbs: crumbs, heading: heading,
            intro: strings.text(organisationID == nil ? "audit_intro_installation" : "audit_intro_organisation"),
            formAction: base, text: query.text,
            actions: [SelectOption(value: "", label: strings.text("audit_all_actions"), selected: query.action.isEmpty)]
                + categories.sorted().map { SelectOption(value: $0, label: $0, selected: $0 == query.action) },
            from: request.queryValue("from") ?? "", through: request.queryValue("through") ?? "",
            error: problem.map { strings.text($0) }, rows: shown.map { row(for: $0, strings) }, hasRows: !shown.isEmpty,
            olderHref: older, exportHref: export + Self.queryString(filters),
            exportSemicolonHref: export + Self.queryString(filters + [("separator", "semicolon")]),
            retentionText: strings.format("audit_retention_text", ["months": strings.number(months)]),
            retention: organisationID == nil && context.access.satisfies(.administrator)
                ? [AuditRetentionView(months: String(months), action: Paths.auditRetention, retentionError: retentionError)] : [])
        return try context.render("dataprotection/audit", title: heading, view,
                                  status: problem == nil ? status : .unprocessableContent)
    }

    private func row(for entry: Stored<AuditEntry>, _ strings: Strings) -> AuditRowView {
        AuditRowView(time: strings.dateTime(entry.at), who: entry.login ?? "–", action: entry.action,
                     target: entry.target ?? "", address: entry.clientAddress ?? "", detail: entry.detail ?? "")
    }

    /// The lines the filters find, up to 100,000, as CSV; the export itself is a line in the log.
    private func exportAudit(_ context: RequestContext, organisationID: Int64?, filename: String, title: String) throws -> Response {
        let strings = context.strings
        let (query, problem) = auditQuery(context.request, organisationID: organisationID)
        if problem != nil { throw AppError.badRequest }
        let lines = try audit.search(query, limit: Self.auditExportLimit)
        let table = ResultTable(id: "audit", caption: title, columns: [
            ResultColumn(strings.text("audit_column_time"), numeric: false),
            ResultColumn(strings.text("audit_column_who"), numeric: false),
            ResultColumn(strings.text("audit_column_action"), numeric: false),
            ResultColumn(strings.text("audit_column_target"), numeric: false),
            ResultColumn(strings.text("audit_column_address"), numeric: false),
            ResultColumn(strings.text("audit_column_detail"), numeric: false),
            ResultColumn(strings.text("audit_column_line")),
        ], rows: lines.map { entry in
            ResultRow(label: Self.exportTime(entry.at), cells: [
                ResultCell(text: entry.login ?? ""), ResultCell(text: entry.action), ResultCell(text: entry.target ?? ""),
                ResultCell(text: entry.clientAddress ?? ""), ResultCell(text: entry.detail ?? ""),
                ResultCell(text: String(entry.id), export: .integer(Int(entry.id))),
            ])
        })
        recordEvent("audit.export", userID: context.principal?.userID, login: context.principal?.user.login,
                    address: context.request.clientAddress,
                    target: organisationID.map { "organisation:\($0)" }, detail: "\(lines.count) lines")
        return csvResponse(title: title, tables: [table], context, filename: filename, audited: false)
    }

}
