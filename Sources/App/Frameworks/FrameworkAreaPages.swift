import Foundation
import HTTPServer
import Storage

/// One target level with its remove button (the hidden fields name its audience).
struct TargetRow {
    let clearAction: String
    let who: String
    let level: String
    let scope: String
    let sectorID: String
    let jobGroup: String
}

/// One statement with its edit form and its move and delete buttons.
struct StatementRow {
    /// The list item's id, which the page returns to after saving the statement.
    let anchor: String
    let number: String
    let code: String
    let action: String
    let moveAction: String
    let deleteAction: String
    let text: LocalisedFields
    let canMoveUp: Bool
    let canMoveDown: Bool
}

/// The "set a target level" form.
struct TargetForm {
    let action: String
    let scopeLegend: String
    let scopes: [RadioOption]
    let scopeError: FieldView
    let sector: FieldView
    let sectorOptions: [SelectOption]
    let hasSectors: Bool
    let jobGroup: FieldView
    let level: FieldView
    let levelHint: String
}

struct FrameworkAreaView {
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let editHref: String
    let deleteAction: String
    let code: FieldView
    let kindLegend: String
    let kinds: [RadioOption]
    let name: LocalisedFields
    let description: LocalisedFields
    let targets: [TargetRow]
    let hasTargets: Bool
    let targetForm: TargetForm
    let statements: [StatementRow]
    let hasStatements: Bool
    let statementAction: String
    let newStatement: LocalisedFields
    let errors: [ErrorLink]
    let hasErrors: Bool
}

extension WebApp {
    func showFrameworkArea(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            try renderFrameworkArea(organisation, content, try frameworkArea(content, context), context)
        }
    }

    /// Saves the area's code, kind, names and descriptions.
    func updateFrameworkArea(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            let form = try context.requireForm()
            let strings = context.strings
            var errors = FormErrors()
            let (code, kind, name) = try areaFields(prefix: "area", context, into: &errors)
            let description = localisedText(form, "area-description")
            localisedProblems(description, prefix: "area-description", limit: FrameworkTextLimit.description,
                              missingKey: "", strings, into: &errors, required: false)
            guard errors.isEmpty, let kind else {
                return try renderFrameworkArea(organisation, content, area, context, errors: errors)
            }
            do {
                try frameworks.updateArea(id: area.area.id, code: code, kind: kind, name: name,
                                               description: description)
            } catch StorageError.conflict {
                errors.add("area-code", strings.format("frameworks_error_code_taken", ["code": code]))
                return try renderFrameworkArea(organisation, content, area, context, errors: errors)
            }
            try auditChange("framework.area.update", context, target: "framework-area:\(area.area.id)",
                            detail: area.area.code == code ? name.fi : "\(area.area.code) → \(code): \(name.fi)")
            return context.redirect(Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id), notice: "saved")
        }
    }

    func deleteFrameworkArea(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            try frameworks.deleteArea(id: area.area.id)
            try auditChange("framework.area.delete", context, target: "framework-area:\(area.area.id)",
                            detail: "framework:\(area.area.frameworkID) \(area.area.code)")
            return context.redirect(Paths.editFramework(organisation.slug, content.framework.id), notice: "saved")
        }
    }

    /// Moves the area up or down (field `direction`); back to the area list.
    func moveFrameworkArea(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            guard let direction = MoveDirection(rawValue: try context.requireForm()["direction"] ?? "") else {
                throw AppError.badRequest
            }
            try frameworks.moveArea(id: area.area.id, direction)
            try auditChange("framework.area.move", context, target: "framework-area:\(area.area.id)",
                            detail: direction.rawValue)
            return context.redirect(Paths.editFramework(organisation.slug, content.framework.id) + "#area-list-heading",
                                    notice: nil)
        }
    }

    func renderFrameworkArea(_ organisation: Stored<Organisation>, _ content: FrameworkContent, _ area: FrameworkContent.Area,
                             _ context: RequestContext, errors: FormErrors = FormErrors()) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let (slug, frameworkID, areaID) = (organisation.slug, area.area.frameworkID, area.area.id)
        let path = Paths.frameworkArea(slug, frameworkID, areaID)
        let framework = content.framework
        let organisationSectors = try sectors.sectors(organisationID: organisation.id)
        let sectorNames = Dictionary(uniqueKeysWithValues: organisationSectors.map { ($0.id, $0.name) })
        let statements = area.statements.enumerated().map { index, statement in
            let statementPath = Paths.statement(slug, frameworkID, areaID, statement.id)
            let anchor = "statement-\(statement.id)"
            return StatementRow(
                anchor: anchor, number: strings.format("frameworks_statement_n", ["number": strings.number(index + 1)]),
                code: statement.code, action: statementPath, moveAction: Paths.moveStatement(slug, frameworkID, areaID, statement.id),
                deleteAction: Paths.deleteStatement(slug, frameworkID, areaID, statement.id),
                text: localisedFields(strings.text("frameworks_field_statement"), prefix: anchor,
                                      stored: statement.text, context: context, errors: errors, multiline: true,
                                      limit: FrameworkTextLimit.statement),
                canMoveUp: index > 0, canMoveDown: index < area.statements.count - 1)
        }
        let targets = area.targets.map { target in
            TargetRow(clearAction: Paths.clearAreaTarget(slug, frameworkID, areaID),
                      who: targetAudience(target, sectorNames: sectorNames, strings), level: strings.decimal(target.level),
                      scope: target.sectorID != nil ? "sector" : (target.jobGroup != nil ? "job-group" : "everyone"),
                      sectorID: target.sectorID.map { String($0) } ?? "", jobGroup: target.jobGroup ?? "")
        }
        let empty = LocalisedText(fi: "", sv: "", en: "")
        let view = FrameworkAreaView(
            crumbs: frameworkCrumbs(organisation, framework, strings, then: [
                (Paths.editFramework(organisation.slug, framework.id), strings.text("frameworks_edit")),
                (path, area.area.name.text(language)),
            ]),
            heading: strings.format("frameworks_area_title", ["name": area.area.name.text(language)]),
            action: path, editHref: Paths.editFramework(organisation.slug, framework.id), deleteAction: Paths.deleteFrameworkArea(slug, frameworkID, areaID),
            code: FieldView(name: "area-code", value: context.form?["area-code"] ?? area.area.code,
                            error: errors["area-code"], hintID: "area-code-hint"),
            kindLegend: strings.text("frameworks_field_kind"),
            kinds: kindOptions(name: "area-kind", checked: context.form?["area-kind"] ?? area.area.kind.rawValue, strings),
            name: localisedFields(strings.text("frameworks_field_area_name"), prefix: "area-name", stored: area.area.name,
                                  context: context, errors: errors, limit: FrameworkTextLimit.name),
            description: localisedFields(strings.text("frameworks_field_description"), prefix: "area-description",
                                         stored: area.area.description, context: context, errors: errors,
                                         multiline: true, required: false, limit: FrameworkTextLimit.description),
            targets: targets, hasTargets: !targets.isEmpty,
            targetForm: targetForm(Paths.areaTargets(slug, frameworkID, areaID), framework, organisationSectors, context,
                                   errors),
            statements: statements, hasStatements: !statements.isEmpty, statementAction: Paths.areaStatements(slug, frameworkID, areaID),
            newStatement: localisedFields(strings.text("frameworks_field_new_statement"), prefix: "new-statement",
                                          stored: empty, context: context, errors: errors, multiline: true,
                                          limit: FrameworkTextLimit.statement),
            errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("frameworks/area", title: view.heading + " – " + frameworkTitle(framework, strings),
                                  view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func targetForm(_ action: String, _ framework: Stored<Framework>, _ organisationSectors: [Stored<Sector>],
                            _ context: RequestContext, _ errors: FormErrors) -> TargetForm {
        let strings = context.strings
        let chosenScope = context.form?["target-scope"] ?? "everyone"
        let chosenSector = context.form?["target-sector"] ?? ""
        let scopes = [("everyone", "frameworks_scope_everyone"), ("sector", "frameworks_scope_sector"),
                      ("job-group", "frameworks_scope_job_group")].map { value, key in
            RadioOption(id: "target-scope-" + value, name: "target-scope", value: value, label: strings.text(key),
                        checked: value == chosenScope)
        }
        return TargetForm(
            action: action,
            scopeLegend: strings.text("frameworks_field_scope"), scopes: scopes,
            scopeError: FieldView(name: "target-scope-everyone", value: "", error: errors["target-scope-everyone"]),
            sector: FieldView(name: "target-sector", value: chosenSector, error: errors["target-sector"]),
            sectorOptions: organisationSectors.map { sector in
                SelectOption(value: String(sector.id), label: sector.name, selected: String(sector.id) == chosenSector)
            },
            hasSectors: !organisationSectors.isEmpty,
            jobGroup: FieldView(name: "target-job-group", value: context.form?.raw("target-job-group") ?? "",
                                error: errors["target-job-group"]),
            level: FieldView(name: "target-level", value: context.form?.raw("target-level") ?? "",
                             error: errors["target-level"], hintID: "target-level-hint"),
            levelHint: strings.format("frameworks_level_hint", [
                "min": String(framework.scaleMin), "max": String(framework.scaleMax),
            ]))
    }
}
