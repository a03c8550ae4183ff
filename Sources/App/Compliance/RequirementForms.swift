import Foundation
import HTTPServer
import Metrics
import Storage

/// The requirement form as typed, checked against what the organisation has. The same form makes a
/// requirement and, for an existing one, a new version of its rule from a day on.
struct RequirementFormInput {
    var title = ["", "", ""]
    var description = ["", "", ""]
    var trainingIDs: Set<String> = []
    var validityMonths = "12"
    var anchor = RequirementAnchor.completion.rawValue
    var anchorDate = ""
    var windowDays = "60"
    var graceDays = "90"
    var firstDueOn = ""
    var effectiveFrom = ""
    var sectorIDs: Set<String> = []
    var jobGroups = ""
    var unitNames = ""
    var roles: Set<String> = []
    var note = ""
    var errors = FormErrors()
    /// What passed the checks: names, and the version to add.
    private(set) var checked: (title: LocalisedText, description: LocalisedText, version: RequirementVersionDraft)?

    init(today: CivilDay) {
        effectiveFrom = today.iso
        firstDueOn = today.adding(days: 90).iso
    }

    /// The form for a new version of `definition`, filled from its current one.
    init(definition: RequirementDefinition, today: CivilDay, unitNames names: [Int64: String]) {
        let requirement = definition.requirement
        title = [requirement.titleFi, requirement.titleSv, requirement.titleEn]
        description = [requirement.descriptionFi, requirement.descriptionSv, requirement.descriptionEn]
        effectiveFrom = today.adding(days: 1).iso
        guard let current = definition.current(today: today.iso) else { return }
        let version = current.version
        trainingIDs = Set(current.trainingIDs.map(String.init))
        validityMonths = version.validityMonths.map(String.init) ?? ""
        anchor = version.anchor.rawValue
        if let month = version.anchorMonth, let day = version.anchorDay { anchorDate = "\(day).\(month)." }
        windowDays = String(version.renewalWindowDays)
        graceDays = String(version.newHireGraceDays)
        firstDueOn = version.firstDueOn
        sectorIDs = Set(current.audience.sectorIDs.map(String.init))
        jobGroups = current.audience.jobGroups.sorted().joined(separator: "\n")
        unitNames = current.audience.unitIDs.compactMap { names[$0] }.sorted().joined(separator: "\n")
        roles = Set(current.audience.roles.map(\.rawValue))
    }

    /// Reads and checks a submitted form.
    init(form: FormInput, requirementID: Int64, trainings: Set<Int64>, sectors: Set<Int64>, units: [String: Int64],
         createdBy: Int64?, strings: Strings) {
        let languages = ["fi", "sv", "en"]
        title = languages.map { form["title_\($0)"] ?? "" }
        description = languages.map { form["description_\($0)"] ?? "" }
        trainingIDs = Set(form.values("training_ids"))
        validityMonths = (form["validity_months"] ?? "").trimmingCharacters(in: .whitespaces)
        anchor = form["anchor"] ?? ""
        anchorDate = (form["anchor_date"] ?? "").trimmingCharacters(in: .whitespaces)
        windowDays = (form["renewal_window_days"] ?? "").trimmingCharacters(in: .whitespaces)
        graceDays = (form["new_hire_grace_days"] ?? "").trimmingCharacters(in: .whitespaces)
        firstDueOn = (form["first_due_on"] ?? "").trimmingCharacters(in: .whitespaces)
        effectiveFrom = (form["effective_from"] ?? "").trimmingCharacters(in: .whitespaces)
        sectorIDs = Set(form.values("sector_ids"))
        jobGroups = form["job_groups"] ?? ""
        unitNames = form["unit_names"] ?? ""
        roles = Set(form.values("roles"))
        note = form["note"] ?? ""

        var titles: [String] = [], descriptions: [String] = []
        for (index, code) in languages.enumerated() {
            let line = TrainingFieldRules.line(title[index], limit: TrainingFieldRules.titleLimit, required: index == 0)
            if let problem = line.problem { errors.add("title_\(code)", strings.text(problem)) }
            titles.append(line.text)
            let paragraph = TrainingFieldRules.paragraph(description[index], limit: TrainingFieldRules.descriptionLimit)
            if let problem = paragraph.problem { errors.add("description_\(code)", strings.text(problem)) }
            descriptions.append(paragraph.text)
        }
        let chosenTrainings = Set(trainingIDs.compactMap(Int64.init))
        if chosenTrainings.isEmpty { errors.add("training_ids", strings.text("compliance_error_trainings")) }
        if chosenTrainings.count != trainingIDs.count || !chosenTrainings.isSubset(of: trainings) {
            errors.add("training_ids", strings.text("trainings_error_choose"))
        }
        let validity = validityMonths.isEmpty ? nil : Int(validityMonths)
        if !validityMonths.isEmpty, validity.map({ !(1...120).contains($0) }) ?? true {
            errors.add("validity_months", strings.text("compliance_error_validity"))
        }
        let chosenAnchor = RequirementAnchor(rawValue: anchor)
        if chosenAnchor == nil { errors.add("anchor", strings.text("trainings_error_choose")) }
        var anchorParts: (month: Int, day: Int)?
        if chosenAnchor == .yearly {
            anchorParts = Self.dayAndMonth(anchorDate)
            if anchorParts == nil { errors.add("anchor_date", strings.text("compliance_error_anchor_date")) }
            if validity == nil { errors.add("validity_months", strings.text("compliance_error_yearly_once")) }
        }
        let window = Int(windowDays), grace = Int(graceDays)
        if window.map({ !(0...366).contains($0) }) ?? true { errors.add("renewal_window_days", strings.text("compliance_error_days")) }
        if grace.map({ !(0...366).contains($0) }) ?? true { errors.add("new_hire_grace_days", strings.text("compliance_error_days")) }
        let firstDue = CivilDay(iso: firstDueOn), effective = CivilDay(iso: effectiveFrom)
        if firstDue == nil { errors.add("first_due_on", strings.text("compliance_error_date")) }
        if effective == nil { errors.add("effective_from", strings.text("compliance_error_date")) }
        let audience = checkedAudience(sectors: sectors, units: units, strings: strings)
        let noteLine = TrainingFieldRules.line(note, limit: TrainingFieldRules.reasonLimit, required: false)
        if let problem = noteLine.problem { errors.add("note", strings.text(problem)) }

        guard errors.isEmpty, let chosenAnchor, let window, let grace, let firstDue, let effective, let audience else { return }
        let version = RequirementVersion(
            requirementID: requirementID, effectiveFrom: effective.iso, validityMonths: validity, renewalWindowDays: window,
            anchor: chosenAnchor, anchorMonth: anchorParts?.month, anchorDay: anchorParts?.day, newHireGraceDays: grace,
            firstDueOn: firstDue.iso, forEveryone: audience.everyone, note: noteLine.text, createdBy: createdBy)
        checked = (LocalisedText(fi: titles[0], sv: titles[1], en: titles[2]),
                   LocalisedText(fi: descriptions[0], sv: descriptions[1], en: descriptions[2]),
                   RequirementVersionDraft(version: version, trainingIDs: chosenTrainings.sorted(), audience: audience))
    }

    /// Sectors, job groups, units (by name, one per line) and roles; none of them means everyone.
    private mutating func checkedAudience(sectors: Set<Int64>, units: [String: Int64], strings: Strings) -> RequirementAudience? {
        var audience = RequirementAudience(everyone: false)
        for text in sectorIDs {
            guard let id = Int64(text), sectors.contains(id) else {
                errors.add("sector_ids", strings.text("trainings_error_choose"))
                return nil
            }
            audience.sectorIDs.insert(id)
        }
        for line in jobGroups.split(whereSeparator: \.isNewline) {
            let group = TrainingFieldRules.line(String(line), limit: 100, required: false)
            if group.problem != nil { errors.add("job_groups", strings.text("trainings_error_job_groups")); return nil }
            if !group.text.isEmpty { audience.jobGroups.insert(group.text) }
        }
        for line in unitNames.split(whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            guard let id = units[name.lowercased()] else {
                errors.add("unit_names", strings.format("compliance_error_unit", ["name": name]))
                return nil
            }
            audience.unitIDs.insert(id)
        }
        for role in roles {
            guard let named = RequirementRole(rawValue: role) else {
                errors.add("roles", strings.text("trainings_error_choose"))
                return nil
            }
            audience.roles.insert(named)
        }
        audience.everyone = audience.sectorIDs.isEmpty && audience.jobGroups.isEmpty && audience.unitIDs.isEmpty
            && audience.roles.isEmpty
        return audience
    }

    /// "31.12." or "31.12" → (12, 31); nil for anything that is not a day of the year.
    static func dayAndMonth(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true).map { Int($0) }
        guard parts.count == 2, let day = parts[0], let month = parts[1], (1...12).contains(month) else { return nil }
        // 29 February is allowed: in common years it falls on the 28th.
        guard let last = CivilDay(year: 2028, month: month, day: 1)?.adding(months: 1).adding(days: -1).day,
              (1...last).contains(day) else { return nil }
        return (month, day)
    }
}

extension WebApp {
    func showNewRequirement(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderRequirementForm(organisation, context, input: RequirementFormInput(today: CivilDay.today()),
                                         definition: nil)
    }

    func createRequirement(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let input = try requirementInput(context, organisationID: organisation.id, requirementID: 0)
        guard let checked = input.checked else {
            return try renderRequirementForm(organisation, context, input: input, definition: nil, status: .unprocessableContent)
        }
        let requirement = try changing {
            let stored = try requirements.create(
                RequiredTraining(organisationID: organisation.id, title: checked.title, description: checked.description,
                            createdBy: context.principal?.userID), first: checked.version)
            try auditChange("requirement.create", context, target: "requirement:\(stored.id)", detail: checked.title.fi)
            return stored
        }
        return context.redirect(Paths.requirement(requirement.id), notice: "created")
    }

    func showChangeRequirement(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, organisation) = try administeredRequirement(context)
        let names = Dictionary(uniqueKeysWithValues: try units.units(organisationID: organisation.id).map { ($0.id, $0.name) })
        return try renderRequirementForm(organisation, context, input: RequirementFormInput(
            definition: definition, today: CivilDay.today(), unitNames: names), definition: definition)
    }

    /// Saves the names and, as a new version from its day on, the rule (past days keep the old one).
    func changeRequirement(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, organisation) = try administeredRequirement(context)
        var input = try requirementInput(context, organisationID: organisation.id, requirementID: definition.requirement.id)
        if let latest = definition.versions.last?.version.effectiveFrom, input.effectiveFrom <= latest {
            input.errors.add("effective_from", context.strings.format("compliance_error_after", ["date": context.strings.date(latest)]))
        }
        guard input.errors.isEmpty, let checked = input.checked else {
            return try renderRequirementForm(organisation, context, input: input, definition: definition,
                                             status: .unprocessableContent)
        }
        try changing {
            try requirements.rename(definition.requirement.id, title: checked.title, description: checked.description)
            let version = try requirements.addVersion(checked.version)
            try auditChange("requirement.change", context, target: "requirement:\(definition.requirement.id)",
                            detail: "version \(version.id) from \(version.effectiveFrom)")
        }
        return context.redirect(Paths.requirement(definition.requirement.id), notice: "saved")
    }

    /// Asks before stopping to follow a requirement.
    func showRetireRequirement(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, organisation) = try administeredRequirement(context)
        let strings = context.strings
        let title = definition.requirement.title.text(strings.language.rawValue)
        let heading = strings.format("compliance_retire_heading", ["title": title])
        return try context.render("compliance/retire", title: heading, RetireRequirementView(
            crumbs: organisationCrumbs(organisation, strings, then: [
                (Paths.requirements(organisation.slug), strings.text("compliance_title")),
                (Paths.requirement(definition.requirement.id), title),
                (Paths.retireRequirement(definition.requirement.id), strings.text("compliance_retire"))]),
            heading: heading, action: Paths.retireRequirement(definition.requirement.id),
            backHref: Paths.requirement(definition.requirement.id)))
    }

    /// Stops following the requirement from today on; its history stays.
    func retireRequirement(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, _) = try administeredRequirement(context)
        _ = try context.requireForm()
        try changing {
            try requirements.retire(definition.requirement.id, on: CivilDay.today().iso)
            try auditChange("requirement.retire", context, target: "requirement:\(definition.requirement.id)")
        }
        return context.redirect(Paths.requirement(definition.requirement.id), notice: "saved")
    }

    private func requirementInput(_ context: RequestContext, organisationID: Int64,
                                  requirementID: Int64) throws -> RequirementFormInput {
        let trainings = try trainingCatalogue.trainings(visibleTo: organisationID, includeRetired: true)
        var unitsByName: [String: Int64] = [:]
        for unit in try units.units(organisationID: organisationID) { unitsByName[unit.name.lowercased()] = unit.id }
        return RequirementFormInput(
            form: try context.requireForm(), requirementID: requirementID, trainings: Set(trainings.map(\.id)),
            sectors: Set(try sectors.sectors(organisationID: organisationID).map(\.id)), units: unitsByName,
            createdBy: context.principal?.userID, strings: context.strings)
    }

    private func renderRequirementForm(_ organisation: Stored<Organisation>, _ context: RequestContext,
                                       input: RequirementFormInput, definition: RequirementDefinition?,
                                       status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let errors = input.errors
        var names: [FormFieldView] = []
        for (index, code) in ["fi", "sv", "en"].enumerated() {
            names.append(FormFieldView(.text, name: "title_\(code)", value: input.title[index],
                                       label: strings.text("compliance_field_title_\(code)"),
                                       hint: index == 0 ? "" : strings.text("trainings_translation_hint"),
                                       error: errors["title_\(code)"], required: index == 0))
        }
        for (index, code) in ["fi", "sv", "en"].enumerated() {
            names.append(FormFieldView(.textarea, name: "description_\(code)", value: input.description[index],
                                       label: strings.text("compliance_field_description_\(code)"),
                                       error: errors["description_\(code)"]))
        }
        let chosen = Set(input.trainingIDs)
        let trainingItems = try trainingCatalogue.trainings(visibleTo: organisation.id, includeRetired: true)
            .filter { $0.active || chosen.contains(String($0.id)) }
            .map { CheckboxItemView(id: "training-\($0.id)", value: String($0.id), label: $0.title.text(language),
                                    checked: chosen.contains(String($0.id))) }
        let rule: [FormFieldView] = [
            FormFieldView(.checkboxes, name: "training_ids", label: strings.text("compliance_field_trainings"),
                          hint: strings.text("compliance_field_trainings_hint"), error: errors["training_ids"], items: trainingItems),
            FormFieldView(.text, name: "validity_months", value: input.validityMonths, label: strings.text("compliance_field_validity"),
                          hint: strings.text("compliance_field_validity_hint"), error: errors["validity_months"], maxLength: 3),
            FormFieldView(.select, name: "anchor", value: input.anchor, label: strings.text("compliance_field_anchor"),
                          error: errors["anchor"], options: RequirementAnchor.allCases.map {
                              SelectOption(value: $0.rawValue, label: strings.text("compliance_anchor_" + $0.rawValue),
                                           selected: input.anchor == $0.rawValue)
                          }),
            FormFieldView(.text, name: "anchor_date", value: input.anchorDate, label: strings.text("compliance_field_anchor_date"),
                          hint: strings.text("compliance_field_anchor_date_hint"), error: errors["anchor_date"], maxLength: 6),
            FormFieldView(.text, name: "renewal_window_days", value: input.windowDays, label: strings.text("compliance_field_window"),
                          hint: strings.text("compliance_field_window_hint"), error: errors["renewal_window_days"],
                          required: true, maxLength: 3),
            FormFieldView(.text, name: "new_hire_grace_days", value: input.graceDays, label: strings.text("compliance_field_grace"),
                          hint: strings.text("compliance_field_grace_hint"), error: errors["new_hire_grace_days"],
                          required: true, maxLength: 3),
            FormFieldView(.date, name: "first_due_on", value: input.firstDueOn, label: strings.text("compliance_field_first_due"),
                          hint: strings.text("compliance_field_first_due_hint"), error: errors["first_due_on"], required: true),
            FormFieldView(.date, name: "effective_from", value: input.effectiveFrom, label: strings.text("compliance_field_effective"),
                          hint: strings.text(definition == nil ? "compliance_field_effective_hint_new" : "compliance_field_effective_hint"),
                          error: errors["effective_from"], required: true),
        ]
        let sectorItems = try sectors.sectors(organisationID: organisation.id).map {
            CheckboxItemView(id: "sector-\($0.id)", value: String($0.id), label: $0.name, checked: input.sectorIDs.contains(String($0.id)))
        }
        var audience: [FormFieldView] = []
        if !sectorItems.isEmpty {
            audience.append(FormFieldView(.checkboxes, name: "sector_ids", label: strings.text("compliance_field_sectors"),
                                          hint: strings.text("compliance_field_audience_hint"), error: errors["sector_ids"],
                                          items: sectorItems))
        }
        audience += [
            FormFieldView(.textarea, name: "job_groups", value: input.jobGroups, label: strings.text("compliance_field_job_groups"),
                          hint: strings.text("trainings_field_job_groups_hint"), error: errors["job_groups"]),
            FormFieldView(.textarea, name: "unit_names", value: input.unitNames, label: strings.text("compliance_field_units"),
                          hint: strings.text("compliance_field_units_hint"), error: errors["unit_names"]),
            FormFieldView(.checkboxes, name: "roles", label: strings.text("compliance_field_roles"), error: errors["roles"],
                          items: RequirementRole.allCases.map {
                              CheckboxItemView(id: "role-\($0.rawValue)", value: $0.rawValue,
                                               label: strings.text("compliance_role_" + $0.rawValue),
                                               checked: input.roles.contains($0.rawValue))
                          }),
        ]
        var sections = [FormSectionView(strings.text("compliance_section_what"), names),
                         FormSectionView(strings.text("compliance_section_rule"), rule),
                         FormSectionView(strings.text("compliance_section_audience"), audience)]
        if definition != nil {
            sections.append(FormSectionView([FormFieldView(.text, name: "note", value: input.note,
                                                           label: strings.text("compliance_field_note"),
                                                           hint: strings.text("compliance_field_note_hint"),
                                                           error: errors["note"], maxLength: 500)]))
        }
        let heading = definition.map { strings.format("compliance_change_heading", ["title": $0.requirement.title.text(language)]) }
            ?? strings.text("compliance_new_heading")
        let base = Paths.requirements(organisation.slug)
        let action = definition.map { Paths.changeRequirement($0.requirement.id) } ?? Paths.newRequirement(organisation.slug)
        let intro = strings.text(definition == nil ? "compliance_new_intro" : "compliance_change_intro")
        let view = TrainingFormView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("compliance_title")), (action, heading)]),
            heading: heading, intro: intro, hasIntro: true, action: action,
            submitLabel: strings.text(definition == nil ? "compliance_create" : "compliance_save"),
            sections: sections, errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("trainings/form", title: heading, view, status: status)
    }
}

struct RetireRequirementView {
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let backHref: String
}
