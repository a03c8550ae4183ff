import Foundation
import HTTPServer
import Storage

/// One area in the draft's area list, with its move and delete buttons.
struct AreaListRow {
    let href: String
    let name: String
    let code: String
    let kind: String
    let statementCount: String
    let moveAction: String
    let deleteAction: String
    let canMoveUp: Bool
    let canMoveDown: Bool
}

/// The "add an area" form.
struct NewAreaForm {
    let action: String
    let code: FieldView
    let kindLegend: String
    let kinds: [RadioOption]
    let name: LocalisedFields
}

struct FrameworkEditView {
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let showHref: String
    let name: LocalisedFields
    let cantSay: LocalisedFields
    let labels: [LocalisedFields]
    let areas: [AreaListRow]
    let hasAreas: Bool
    let newArea: NewAreaForm
    let errors: [ErrorLink]
    let hasErrors: Bool
}

extension WebApp {
    /// The draft's names, scale labels and list of areas.
    func showEditFramework(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            try renderEditFramework(organisation, content, context)
        }
    }

    /// Saves the draft's name, "can't say" label and scale labels.
    func updateFramework(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let form = try context.requireForm()
            let strings = context.strings
            let framework = content.framework
            var errors = FormErrors()
            let name = localisedText(form, "name")
            localisedProblems(name, prefix: "name", limit: FrameworkTextLimit.name,
                              missingKey: "frameworks_error_name_required", strings, into: &errors)
            let cantSay = localisedText(form, "cant-say")
            localisedProblems(cantSay, prefix: "cant-say", limit: FrameworkTextLimit.label,
                              missingKey: "frameworks_error_label_required", strings, into: &errors)
            var labels: [Int: LocalisedText] = [:]
            for value in framework.scaleMin...framework.scaleMax {
                labels[value] = localisedText(form, "label-\(value)")
                localisedProblems(labels[value] ?? name, prefix: "label-\(value)", limit: FrameworkTextLimit.label,
                                  missingKey: "frameworks_error_label_required", strings, into: &errors)
            }
            guard errors.isEmpty else { return try renderEditFramework(organisation, content, context, errors: errors) }
            let id = framework.id
            try frameworks.updateFramework(id: id, name: name, cantSay: cantSay)
            try frameworks.updateScaleLabels(frameworkID: id, labels: labels)
            try auditChange("framework.update", context, target: "framework:\(id)", detail: name.fi)
            return context.redirect(Paths.editFramework(organisation.slug, framework.id), notice: "saved")
        }
    }

    /// Adds an area at the end of the draft and opens it for statements.
    func addFrameworkArea(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let strings = context.strings
            var errors = FormErrors()
            let (code, kind, name) = try areaFields(prefix: "new-area", context, into: &errors)
            guard errors.isEmpty, let kind else {
                return try renderEditFramework(organisation, content, context, errors: errors)
            }
            let area: Stored<FrameworkArea>
            do {
                area = try frameworks.addArea(frameworkID: content.framework.id, code: code, kind: kind,
                                                   name: name, description: LocalisedText(fi: "", sv: "", en: ""))
            } catch StorageError.conflict {
                errors.add("new-area-code", strings.format("frameworks_error_code_taken", ["code": code]))
                return try renderEditFramework(organisation, content, context, errors: errors)
            }
            try auditChange("framework.area.create", context, target: "framework-area:\(area.id)",
                            detail: "framework:\(area.frameworkID) \(code)")
            return context.redirect(Paths.frameworkArea(organisation.slug, area.frameworkID, area.id), notice: "created")
        }
    }

    /// An area's code, kind and names as the form `prefix-code`, `prefix-kind` and `prefix-name-…`
    /// gave them, with what is wrong with them added to `errors`.
    func areaFields(prefix: String, _ context: RequestContext, into errors: inout FormErrors) throws
        -> (code: String, kind: AreaKind?, name: LocalisedText) {
        let form = try context.requireForm()
        let strings = context.strings
        let code = form[prefix + "-code"] ?? ""
        if let problem = areaCodeProblem(code, strings) { errors.add(prefix + "-code", problem) }
        let kind = AreaKind(rawValue: form[prefix + "-kind"] ?? "")
        if kind == nil { errors.add(prefix + "-kind-competence", strings.text("frameworks_error_kind")) }
        let name = localisedText(form, prefix + "-name")
        localisedProblems(name, prefix: prefix + "-name", limit: FrameworkTextLimit.name,
                          missingKey: "frameworks_error_name_required", strings, into: &errors)
        return (code, kind, name)
    }

    /// Why `code` cannot be an area code, in the reader's language.
    func areaCodeProblem(_ code: String, _ strings: Strings) -> String? {
        if code.isEmpty { return strings.text("frameworks_error_code_required") }
        if !FrameworkStore.isValidCode(code) {
            return strings.format("frameworks_error_code_shape", ["limit": String(FrameworkStore.codeLimit)])
        }
        return nil
    }

    /// The two kinds as radio buttons named `name`, `checked` chosen.
    func kindOptions(name: String, checked: String, _ strings: Strings) -> [RadioOption] {
        AreaKind.allCases.map { kind in
            RadioOption(id: name + "-" + kind.rawValue, name: name, value: kind.rawValue,
                        label: strings.text("frameworks_kind_" + kind.rawValue), checked: kind.rawValue == checked)
        }
    }

    func renderEditFramework(_ organisation: Stored<Organisation>, _ content: FrameworkContent, _ context: RequestContext,
                             errors: FormErrors = FormErrors()) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let framework = content.framework
        let path = Paths.framework(organisation.slug, framework.id)
        let labels = (framework.scaleMin...framework.scaleMax).map { value in
            let stored = content.labels.first { $0.value == value }?.label ?? LocalisedText(fi: "", sv: "", en: "")
            return localisedFields(strings.format("frameworks_scale_point", ["value": String(value)]),
                                   prefix: "label-\(value)", stored: stored, context: context, errors: errors,
                                   limit: FrameworkTextLimit.label)
        }
        let areas = content.areas.enumerated().map { index, area in
            let (slug, frameworkID, areaID) = (organisation.slug, area.area.frameworkID, area.area.id)
            let href = Paths.frameworkArea(slug, frameworkID, areaID)
            return AreaListRow(
                href: href, name: area.area.name.text(language), code: area.area.code,
                kind: strings.text("frameworks_kind_" + area.area.kind.rawValue),
                statementCount: strings.number(area.statements.count), moveAction: Paths.moveFrameworkArea(slug, frameworkID, areaID),
                deleteAction: Paths.deleteFrameworkArea(slug, frameworkID, areaID), canMoveUp: index > 0, canMoveDown: index < content.areas.count - 1)
        }
        let empty = LocalisedText(fi: "", sv: "", en: "")
        let newArea = NewAreaForm(
            action: Paths.frameworkAreas(organisation.slug, framework.id),
            code: FieldView(name: "new-area-code", value: context.form?["new-area-code"] ?? "",
                            error: errors["new-area-code"], hintID: "new-area-code-hint"),
            kindLegend: strings.text("frameworks_field_kind"),
            kinds: kindOptions(name: "new-area-kind", checked: context.form?["new-area-kind"] ?? "competence", strings),
            name: localisedFields(strings.text("frameworks_field_area_name"), prefix: "new-area-name", stored: empty,
                                  context: context, errors: errors, limit: FrameworkTextLimit.name))
        let view = FrameworkEditView(
            crumbs: frameworkCrumbs(organisation, framework, strings, then: [(Paths.editFramework(organisation.slug, framework.id),
                                                                        strings.text("frameworks_edit"))]),
            heading: strings.text("frameworks_edit_title"), action: Paths.editFramework(organisation.slug, framework.id), showHref: path,
            name: localisedFields(strings.text("frameworks_field_name"), prefix: "name", stored: framework.name,
                                  context: context, errors: errors, limit: FrameworkTextLimit.name),
            cantSay: localisedFields(strings.text("frameworks_field_cant_say"), prefix: "cant-say",
                                     stored: framework.cantSay, context: context, errors: errors,
                                     limit: FrameworkTextLimit.label),
            labels: labels, areas: areas, hasAreas: !areas.isEmpty, newArea: newArea,
            errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("frameworks/edit", title: view.heading + " – " + frameworkTitle(framework, strings),
                                  view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
