import Foundation
import HTTPServer
import Metrics
import Storage

struct ExemptionRowView {
    let name: String
    let href: String
    let hrNumber: String
    let period: String
    let reason: String
    let recorded: String
    let ended: String
    let isOngoing: Bool
    let endAction: String
}

struct ExemptionsView {
    let crumbs: [Crumb]
    let title: String
    let rows: [ExemptionRowView]
    let hasRows: Bool
    let action: String
    let fields: [FormFieldView]
    let errors: [ErrorLink]
    let hasErrors: Bool
}

/// A grant typed into the exemptions form, checked.
struct ExemptionInput {
    var hrNumber = ""
    var from = ""
    var until = ""
    var reason = ""
    var errors = FormErrors()
    private(set) var checked: (employee: Stored<Employee>, from: CivilDay, until: CivilDay, reason: String)?

    init(today: CivilDay) {
        from = today.iso
    }

    init(form: FormInput, find: (String) throws -> Stored<Employee>?, strings: Strings) throws {
        hrNumber = (form["hr_number"] ?? "").trimmingCharacters(in: .whitespaces)
        from = (form["from_on"] ?? "").trimmingCharacters(in: .whitespaces)
        until = (form["until_on"] ?? "").trimmingCharacters(in: .whitespaces)
        reason = form["reason"] ?? ""
        let employee = hrNumber.isEmpty ? nil : try find(hrNumber)
        if employee == nil { errors.add("hr_number", strings.text("compliance_error_hr_number")) }
        let start = CivilDay(iso: from), end = CivilDay(iso: until)
        if start == nil { errors.add("from_on", strings.text("compliance_error_date")) }
        if end == nil { errors.add("until_on", strings.text("compliance_error_date")) }
        if let start, let end, end < start { errors.add("until_on", strings.text("compliance_error_until")) }
        if let start, let end, start.days(until: end) > 3 * 366 { errors.add("until_on", strings.text("compliance_error_long")) }
        let line = TrainingFieldRules.line(reason, limit: TrainingFieldRules.reasonLimit, required: true)
        if let problem = line.problem { errors.add("reason", strings.text(problem)) }
        if let employee, let start, let end, errors.isEmpty { checked = (employee, start, end, line.text) }
    }
}

extension WebApp {
    /// A requirement's exemptions (people on long leave, covered elsewhere) with who granted them and
    /// when, and the form to grant one. Ending one early keeps the record.
    func showExemptions(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, organisation) = try administeredRequirement(context)
        return try renderExemptions(definition, organisation, context, input: ExemptionInput(today: CivilDay.today()))
    }

    func grantExemption(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, organisation) = try administeredRequirement(context)
        let input = try ExemptionInput(form: try context.requireForm(), find: { number in
            try employees.activeEmployees(organisationID: organisation.id, hrNumbers: [number])[number]
        }, strings: context.strings)
        guard let checked = input.checked else {
            return try renderExemptions(definition, organisation, context, input: input, status: .unprocessableContent)
        }
        try changing {
            let exemption = try exemptionStore.grant(Exemption(
                requirementID: definition.requirement.id, employeeID: checked.employee.id, fromOn: checked.from.iso,
                untilOn: checked.until.iso, reason: checked.reason, createdBy: context.principal?.userID))
            try auditChange("exemption.grant", context, target: "exemption:\(exemption.id)",
                            detail: "requirement \(definition.requirement.id), employee \(checked.employee.id), "
                                + "\(checked.from.iso)...\(checked.until.iso)")
        }
        return context.redirect(Paths.requirementExemptions(definition.requirement.id), notice: "saved")
    }

    /// Ends an exemption today: it covers the days before today only.
    func endExemption(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let exemption = try exemptionStore.exemption(id: try context.exemptionID),
              let definition = try requirements.definition(id: exemption.requirementID),
              context.access.canManageOrganisation(definition.requirement.organisationID) else { throw AppError.notFound }
        _ = try context.requireForm()
        let today = CivilDay.today()
        guard exemption.endedOn == nil, exemption.untilOn >= today.iso else {
            return context.redirect(Paths.requirementExemptions(definition.requirement.id))
        }
        try changing {
            try exemptionStore.end(id: exemption.id, on: max(today.iso, exemption.fromOn), by: context.principal?.userID)
            try auditChange("exemption.end", context, target: "exemption:\(exemption.id)", detail: today.iso)
        }
        return context.redirect(Paths.requirementExemptions(definition.requirement.id), notice: "saved")
    }

    private func renderExemptions(_ definition: RequirementDefinition, _ organisation: Stored<Organisation>,
                                  _ context: RequestContext, input: ExemptionInput,
                                  status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let requirementID = definition.requirement.id
        let list = try exemptionStore.exemptions(requirementID: requirementID)
        let people = try employees.employees(ids: Array(Set(list.map(\.employeeID))))
        let today = CivilDay.today().iso
        let rows = list.map { exemption in
            let person = people[exemption.employeeID]
            return ExemptionRowView(
                name: person.map { $0.lastName + ", " + $0.firstName } ?? "", href: Paths.employee(exemption.employeeID),
                hrNumber: person?.hrNumber ?? "",
                period: strings.date(exemption.fromOn) + "–" + strings.date(exemption.untilOn), reason: exemption.reason,
                recorded: strings.dateTime(exemption.createdAt),
                ended: exemption.endedOn.map { strings.format("compliance_exemption_ended", ["date": strings.date($0)]) } ?? "",
                isOngoing: exemption.endedOn == nil && exemption.untilOn >= today,
                endAction: Paths.endExemption(exemption.id))
        }
        let errors = input.errors
        let fields = [
            FormFieldView(.text, name: "hr_number", value: input.hrNumber, label: strings.text("compliance_field_hr_number"),
                          error: errors["hr_number"], required: true, maxLength: 40),
            FormFieldView(.date, name: "from_on", value: input.from, label: strings.text("compliance_field_from"),
                          error: errors["from_on"], required: true),
            FormFieldView(.date, name: "until_on", value: input.until, label: strings.text("compliance_field_until"),
                          hint: strings.text("compliance_field_until_hint"), error: errors["until_on"], required: true),
            FormFieldView(.text, name: "reason", value: input.reason, label: strings.text("compliance_field_reason"),
                          hint: strings.text("compliance_field_reason_hint"), error: errors["reason"], required: true,
                          maxLength: 500),
        ]
        let title = definition.requirement.title.text(strings.language.rawValue)
        let heading = strings.format("compliance_exemptions_heading", ["title": title])
        let view = ExemptionsView(
            crumbs: organisationCrumbs(organisation, strings, then: [
                (Paths.requirements(organisation.slug), strings.text("compliance_title")),
                (Paths.requirement(requirementID), title), (Paths.requirementExemptions(requirementID), strings.text("compliance_exemptions")),
            ]),
            title: heading, rows: rows, hasRows: !rows.isEmpty, action: Paths.requirementExemptions(requirementID),
            fields: fields, errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("compliance/exemptions", title: heading, view, status: status)
    }
}
