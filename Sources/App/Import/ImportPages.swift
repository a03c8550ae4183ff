import Foundation
import HTTPServer
import Storage

struct ImportFormView {
    let organisationName: String
    let slug: String
    let columns: [ImportColumnLine]
    let error: String?
}

struct ImportColumnLine {
    let name: String
    let headers: String
    let required: Bool
}

struct ImportCount {
    let label: String
    let value: String
}

struct RejectedLine {
    let line: String
    let hrNumber: String
    let reasons: [String]
}

struct ImportPreviewView {
    let organisationName: String
    let slug: String
    let fileName: String
    let fileFacts: String
    let counts: [ImportCount]
    let rejected: [RejectedLine]
    let hasRejected: Bool
    let rejectedSummary: String
    let sectorsCreated: String?
    let unitsCreated: String?
    let notices: [String]
    let pendingID: String?
    let deactivateMissing: Bool
}

extension WebApp {
    func showImportForm(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderImportForm(organisation, context, error: nil)
    }

    private func renderImportForm(_ organisation: Stored<Organisation>, _ context: RequestContext, error: String?,
                                  status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let columns = EmployeeColumn.allCases.map { column in
            ImportColumnLine(name: strings.column(column), headers: "\(column.finnishHeader) / \(column.englishHeader)",
                             required: EmployeeColumn.required.contains(column))
        }
        return try context.render(
            "import/form", title: strings.format("import_title", ["organisation": organisation.name]),
            ImportFormView(organisationName: organisation.name, slug: organisation.slug, columns: columns, error: error),
            status: status)
    }

    /// Reads the upload and shows what applying it would do, without changing anything.
    func previewImport(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        guard let file = form.file("file"), !file.body.isEmpty else {
            return try renderImportForm(organisation, context, error: context.strings.text("import_error_no_file"),
                                        status: .unprocessableContent)
        }
        let preview: EmployeeImportPreview
        do {
            preview = try EmployeeCSVReader().read(file.body)
        } catch {
            return try renderImportForm(organisation, context, error: context.strings.fileProblem(error),
                                        status: .unprocessableContent)
        }
        let deactivateMissing = form["deactivate_missing"] == "1"
        let batch = preview.previewBatch(forOrganisation: organisation.id, today: CalendarDate.today(),
                                         deactivateMissing: deactivateMissing)
        let outcome = try imports.preview(batch)
        var pendingID: String?
        if preview.rejected.isEmpty, let principal = context.principal {
            pendingID = pendingImports.keep(PendingImports.Entry(
                userID: principal.userID, organisationID: organisation.id, batch: batch,
                fileName: file.filename ?? "", createdAt: Date()))
        }
        let view = previewView(organisation, preview, outcome, fileName: file.filename ?? "", pendingID: pendingID,
                               deactivateMissing: deactivateMissing, strings: context.strings)
        return try context.render("import/preview",
                                  title: context.strings.format("import_preview_title", ["organisation": organisation.name]),
                                  view)
    }

    private func previewView(_ organisation: Stored<Organisation>, _ preview: EmployeeImportPreview,
                             _ outcome: EmployeeImportOutcome, fileName: String, pendingID: String?,
                             deactivateMissing: Bool, strings: Strings) -> ImportPreviewView {
        let counts = [
            ("import_count_new", outcome.created), ("import_count_changed", outcome.changed),
            ("import_count_unchanged", outcome.unchanged), ("import_count_deactivated", outcome.deactivated),
            ("import_count_rejected", preview.rejected.count),
        ].map { ImportCount(label: strings.text($0.0), value: strings.number($0.1)) }
        let rejected = preview.rejected.map { row in
            RejectedLine(line: strings.number(row.line), hrNumber: row.hrNumber ?? "", reasons: row.problems.map(strings.problem))
        }
        return ImportPreviewView(
            organisationName: organisation.name, slug: organisation.slug, fileName: fileName,
            fileFacts: strings.format("import_file_facts", [
                "rows": strings.number(preview.rowCount), "encoding": preview.encoding.description,
                "delimiter": preview.delimiter == .comma ? "," : ";",
            ]),
            counts: counts, rejected: rejected, hasRejected: !rejected.isEmpty,
            rejectedSummary: strings.format("import_rejected_summary", ["count": strings.number(rejected.count)]),
            sectorsCreated: outcome.sectorsCreated.isEmpty ? nil : outcome.sectorsCreated.joined(separator: ", "),
            unitsCreated: outcome.unitsCreated.isEmpty ? nil : outcome.unitsCreated.joined(separator: ", "),
            notices: preview.notices.map(strings.notice), pendingID: pendingID, deactivateMissing: deactivateMissing)
    }

    /// Applies exactly the previewed batch, in one transaction.
    func applyImport(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        guard let principal = context.principal,
              let entry = pendingImports.take(form["pending"] ?? "", userID: principal.userID,
                                              organisationID: organisation.id)
        else {
            return try renderImportForm(organisation, context, error: context.strings.text("import_error_expired"),
                                        status: .conflict)
        }
        try changing {
            let outcome = try imports.apply(entry.batch)
            let detail = "file=\(entry.fileName) created=\(outcome.created) changed=\(outcome.changed) "
                + "unchanged=\(outcome.unchanged) deactivated=\(outcome.deactivated) "
                + "sectors=\(outcome.sectorsCreated.count) units=\(outcome.unitsCreated.count)"
            try auditChange("import.employees", context, target: organisation.slug, detail: detail)
        }
        return context.redirect(Paths.employees(organisation.slug), notice: "imported")
    }
}
