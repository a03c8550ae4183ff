import Foundation
import HTTPServer
import Storage

extension WebApp {
    func showImportForm(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderImportForm(organisation, context, error: nil)
    }

    func renderImportForm(_ organisation: Stored<Organisation>, _ context: RequestContext, error: String?,
                          status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let columns = EmployeeColumn.allCases.map { column in
            ImportColumnLine(name: strings.column(column), headers: "\(column.finnishHeader) / \(column.englishHeader)",
                             required: EmployeeColumn.required.contains(column))
        }
        let recent = try imports.recentImports(organisationID: organisation.id).map {
            recentImportLine($0, slug: organisation.slug, strings)
        }
        return try context.render(
            "import/form", title: strings.format("import_title", ["organisation": organisation.name]),
            ImportFormView(organisationName: organisation.name, slug: organisation.slug, columns: columns, error: error,
                           recent: recent, hasRecent: !recent.isEmpty),
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
                userID: principal.userID, organisationID: organisation.id, batch: batch, outcome: outcome,
                fileName: file.filename ?? "", createdAt: Date()))
        }
        let shown = PreviewShown(preview: preview, outcome: outcome, fileName: file.filename ?? "", pendingID: pendingID)
        return try renderPreview(organisation, shown, context)
    }

    /// What a preview page shows: the file as read, what it would do, and the key to apply it.
    struct PreviewShown {
        let preview: EmployeeImportPreview?
        let outcome: EmployeeImportOutcome
        let fileName: String
        let pendingID: String?
    }

    private func renderPreview(_ organisation: Stored<Organisation>, _ shown: PreviewShown, _ context: RequestContext,
                               error: String? = nil, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let outcome = shown.outcome
        let rejectedRows = shown.preview?.rejected ?? []
        let counts = [
            ("import_count_new", outcome.created), ("import_count_changed", outcome.changed),
            ("import_count_unchanged", outcome.unchanged), ("import_count_deactivated", outcome.deactivated),
            ("import_count_rejected", rejectedRows.count),
        ].map { ImportCount(label: strings.text($0.0), value: strings.number($0.1)) }
        let rejected = rejectedRows.map { row in
            RejectedLine(line: strings.number(row.line), hrNumber: row.hrNumber ?? "", reasons: row.problems.map(strings.problem))
        }
        let facts = shown.preview.map { preview in
            strings.format("import_file_facts", [
                "rows": strings.number(preview.rowCount), "encoding": preview.encoding.description,
                "delimiter": preview.delimiter == .comma ? "," : ";",
            ])
        } ?? ""
        let view = ImportPreviewView(
            organisationName: organisation.name, slug: organisation.slug, fileName: shown.fileName, fileFacts: facts,
            counts: counts, rejected: rejected, hasRejected: !rejected.isEmpty,
            rejectedSummary: strings.format("import_rejected_summary", ["count": strings.number(rejected.count)]),
            sectorsCreated: outcome.sectorsCreated.isEmpty ? nil : outcome.sectorsCreated.joined(separator: ", "),
            unitsCreated: outcome.unitsCreated.isEmpty ? nil : outcome.unitsCreated.joined(separator: ", "),
            notices: (shown.preview?.notices ?? []).map(strings.notice), pendingID: shown.pendingID,
            deactivation: strings.deactivationWarning(outcome, unitNames: try unitNames(organisation.id)),
            error: error, applyAction: Paths.applyImport(organisation.slug),
            confirmAction: Paths.confirmImport(organisation.slug), cancelHref: Paths.importStaff(organisation.slug))
        return try context.render("import/preview",
                                  title: strings.format("import_preview_title", ["organisation": organisation.name]),
                                  view, status: status)
    }

    /// The second, deliberate step of a large deactivation: a page of its own where the number is typed.
    func confirmImport(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        guard let (id, entry) = try pendingEntry(form, organisation, context) else {
            return try renderImportForm(organisation, context, error: context.strings.text("import_error_expired"),
                                        status: .conflict)
        }
        return try renderConfirm(organisation, id: id, entry, context)
    }

    private func renderConfirm(_ organisation: Stored<Organisation>, id: String, _ entry: PendingImports.Entry,
                               _ context: RequestContext, typed: String = "", error: String? = nil,
                               status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        guard let warning = strings.deactivationWarning(entry.outcome, unitNames: try unitNames(organisation.id)) else {
            throw AppError.badRequest
        }
        let view = ImportConfirmView(
            organisationName: organisation.name, slug: organisation.slug, fileName: entry.fileName, pendingID: id,
            deactivation: warning,
            typedLabel: strings.format("import_confirm_type", ["count": strings.number(entry.outcome.deactivated)]),
            typed: typed, error: error, applyAction: Paths.applyImport(organisation.slug),
            cancelHref: Paths.importStaff(organisation.slug))
        return try context.render("import/confirm",
                                  title: strings.format("import_confirm_title", ["organisation": organisation.name]),
                                  view, status: status)
    }

    /// Applies exactly the previewed batch, in one transaction with its audit line and its record.
    /// A batch that deactivates anyone needs the confirmation naming the number; a large one also the
    /// number typed on the confirmation page.
    func applyImport(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        guard let principal = context.principal, let (id, entry) = try pendingEntry(form, organisation, context) else {
            return try renderImportForm(organisation, context, error: context.strings.text("import_error_expired"),
                                        status: .conflict)
        }
        if let refusal = confirmationRefusal(form, entry.outcome) {
            let message = context.strings.text(refusal)
            if DeactivationSafety.isLarge(entry.outcome) {
                return try renderConfirm(organisation, id: id, entry, context, typed: form["typed_count"] ?? "",
                                         error: message, status: .unprocessableContent)
            }
            let shown = PreviewShown(preview: nil, outcome: entry.outcome, fileName: entry.fileName, pendingID: id)
            return try renderPreview(organisation, shown, context, error: message, status: .unprocessableContent)
        }
        guard pendingImports.take(id, userID: principal.userID, organisationID: organisation.id) != nil else {
            return try renderImportForm(organisation, context, error: context.strings.text("import_error_expired"),
                                        status: .conflict)
        }
        do {
            try changing {
                let actor = EmployeeImportActor(userID: principal.userID, login: principal.user.login, source: .web,
                                                fileName: entry.fileName)
                let outcome = try imports.apply(entry.batch, recordedAs: actor)
                // The staff list changed between the preview and now: what was confirmed is not what
                // would happen, so nothing is applied.
                guard outcome.deactivated == entry.outcome.deactivated else { throw ImportOutdated() }
                try auditChange("import.employees", context, target: organisation.slug, detail: Self.importDetail(outcome, entry))
                // New hires get their onboarding checklists with the import that brings them.
                let started = try startOnboardingForNewHires(organisationID: organisation.id, how: .import, by: principal.userID)
                if started > 0 {
                    try auditChange("onboarding.start", context, target: organisation.slug, detail: "\(started) checklists")
                }
            }
        } catch is ImportOutdated {
            return try renderImportForm(organisation, context, error: context.strings.text("import_error_outdated"),
                                        status: .conflict)
        }
        return context.redirect(Paths.employees(organisation.slug), notice: "imported")
    }

    /// Undoes the deactivations an import made of people missing from its file.
    func reactivateImport(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let importID = try context.importID
        do {
            try changing {
                let count = try imports.reactivate(importID: importID, organisationID: organisation.id,
                                                   today: CalendarDate.today())
                try auditChange("import.reactivate", context, target: "import:\(importID)", detail: "\(count) employees")
            }
        } catch StorageError.notFound {
            throw AppError.notFound
        }
        return context.redirect(Paths.importStaff(organisation.slug), notice: "reactivated")
    }

    private struct ImportOutdated: Error {}

    /// The kept preview the form names, with its id; nil when it is gone or someone else's.
    private func pendingEntry(_ form: FormInput, _ organisation: Stored<Organisation>,
                              _ context: RequestContext) throws -> (String, PendingImports.Entry)? {
        guard let principal = context.principal, let id = form["pending"],
              let entry = pendingImports.entry(id, userID: principal.userID, organisationID: organisation.id)
        else { return nil }
        return (id, entry)
    }

    /// Why the form does not confirm what `outcome` does, as a string key; nil when it does.
    private func confirmationRefusal(_ form: FormInput, _ outcome: EmployeeImportOutcome) -> String? {
        guard outcome.deactivated > 0 else { return nil }
        let count = String(outcome.deactivated)
        if DeactivationSafety.isLarge(outcome) {
            let typed = (form["typed_count"] ?? "").filter(\.isNumber)
            guard typed == count else { return "import_error_typed_count" }
        }
        guard form["confirm_deactivations"] == count else { return "import_error_confirm_deactivations" }
        return nil
    }

    private func unitNames(_ organisationID: Int64) throws -> [Int64: String] {
        Dictionary(try units.units(organisationID: organisationID).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    private func recentImportLine(_ item: RecentEmployeeImport, slug: String, _ strings: Strings) -> RecentImportLine {
        let record = item.record
        let who = record.login ?? strings.text("import_history_command_line")
        let summary = strings.format("import_history_summary", [
            "new": strings.number(record.created), "changed": strings.number(record.changed),
            "deactivated": strings.number(record.deactivated),
        ])
        return RecentImportLine(
            when: strings.dateTime(record.importedAt), who: who, fileName: record.fileName, summary: summary,
            reactivatable: item.reactivatable > 0
                ? strings.format("import_history_inactive", ["count": strings.number(item.reactivatable)]) : nil,
            reactivateAction: Paths.reactivateImport(slug, record.id),
            reactivateLabel: strings.format("import_history_reactivate", ["count": strings.number(item.reactivatable)]))
    }

    static func importDetail(_ outcome: EmployeeImportOutcome, _ entry: PendingImports.Entry) -> String {
        "file=\(entry.fileName) created=\(outcome.created) changed=\(outcome.changed) "
            + "unchanged=\(outcome.unchanged) deactivated=\(outcome.deactivated) "
            + "sectors=\(outcome.sectorsCreated.count) units=\(outcome.unitsCreated.count)"
    }
}
