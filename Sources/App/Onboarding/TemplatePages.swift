import Foundation
import HTTPServer
import Metrics
import Storage

/// One template in HR's list.
struct TemplateRow {
    let name: String
    let href: String
    let layer: String
    let version: String
    let items: String
    let review: String
    let reviewOverdue: Bool
}

struct TemplateListView {
    let crumbs: [Crumb]
    let templates: [TemplateRow]
    let hasTemplates: Bool
    let overviewHref: String
    let action: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let name: FieldView
    let layers: [SelectOption]
    let layer: FieldView
    let sectors: [SelectOption]
    let sector: FieldView
    let jobGroup: FieldView
    let reviewBy: FieldView
}

/// One item of a template's newest version.
struct TemplateItemRow {
    let title: String
    let key: String
    let responsible: String
    let offset: String
    let optional: Bool
    let evidence: String
    let hasEvidence: Bool
    let removeAction: String
    let removeLabel: String
}

struct TemplateVersionRow {
    let version: String
    let date: String
    let changelog: String
}

struct TemplatePageView {
    let crumbs: [Crumb]
    let heading: String
    let layer: String
    let version: String
    let review: String
    let reviewOverdue: Bool
    let canEdit: Bool
    let items: [TemplateItemRow]
    let hasItems: Bool
    let versions: [TemplateVersionRow]
    let errors: [ErrorLink]
    let hasErrors: Bool
    let addAction: String
    let fields: [String: FieldView]
    let parties: [SelectOption]
    let trainings: [SelectOption]
    let instructions: [SelectOption]
    let required: Bool
    let reviewAction: String
    let reviewBy: FieldView
}

extension WebApp {
    /// Who edits a template: a unit's template its supervisors (and an owner HR named); the other
    /// layers HR of the organisation, administrators and the named owner (a sector owner).
    func editsTemplate(_ template: OnboardingTemplate, _ context: RequestContext) -> Bool {
        guard let principal = context.principal else { return false }
        if template.ownerUserID == principal.userID { return true }
        switch template.layer {
        case .unit: return template.unitID.map { principal.supervisedUnitIDs.contains($0) } ?? false
        case .organisation, .sector, .jobGroup: return context.access.canManageOrganisation(template.organisationID)
        }
    }

    /// The template the path names, for its editors and the organisation's HR (404 for anyone else).
    func visibleTemplate(_ context: RequestContext) throws -> (OnboardingTemplateSummary, canEdit: Bool) {
        guard let summary = try onboardingStore.template(id: try context.templateID) else { throw AppError.notFound }
        let canEdit = editsTemplate(summary.template.record, context)
        try context.require(canEdit || context.access.canManageOrganisation(summary.template.organisationID))
        return (summary, canEdit)
    }

    func layerText(_ template: OnboardingTemplate, _ strings: Strings, sectorNames: [Int64: String],
                   unitNames: [Int64: String]) -> String {
        switch template.layer {
        case .organisation: strings.text("onboarding_layer_organisation")
        case .sector: strings.format("onboarding_layer_sector_named", ["name": template.sectorID.flatMap { sectorNames[$0] } ?? ""])
        case .unit: strings.format("onboarding_layer_unit_named", ["name": template.unitID.flatMap { unitNames[$0] } ?? ""])
        case .jobGroup: strings.format("onboarding_layer_job_group_named", ["name": template.jobGroup ?? ""])
        }
    }

    func reviewText(_ template: OnboardingTemplate, today: CivilDay, _ strings: Strings) -> (String, overdue: Bool) {
        guard let day = template.reviewBy else { return (strings.text("onboarding_review_none"), false) }
        let overdue = day < today.iso
        return (strings.format(overdue ? "onboarding_review_overdue" : "onboarding_review_by", ["date": strings.date(day)]), overdue)
    }

    // MARK: - HR's list

    func showOnboardingTemplates(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderTemplateList(organisation, context, input: NewTemplateInput())
    }

    func createOnboardingTemplate(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let sectors = Set(try self.sectors.sectors(organisationID: organisation.id).map(\.id))
        var input = NewTemplateInput(form: try context.requireForm(), organisationID: organisation.id, sectors: sectors,
                                     userID: context.principal?.userID, strings: context.strings)
        if let template = input.checked {
            do {
                let created = try changing {
                    let created = try onboardingStore.createTemplate(template, items: [], changelog: context.strings.text("onboarding_first_version"),
                                                                     by: context.principal?.userID, now: settings.now())
                    try auditChange("onboarding.template.create", context, target: "onboarding-template:\(created.id)")
                    return created
                }
                return .redirect(to: Paths.onboardingTemplate(created.id))
            } catch StorageError.conflict {
                input.errors.add("layer", context.strings.text("onboarding_error_layer_taken"))
            }
        }
        return try renderTemplateList(organisation, context, input: input, status: .unprocessableContent)
    }

    private func renderTemplateList(_ organisation: Stored<Organisation>, _ context: RequestContext, input: NewTemplateInput,
                                    status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let today = CivilDay.today(settings.now())
        let sectors = try self.sectors.sectors(organisationID: organisation.id)
        let sectorNames = Dictionary(sectors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let unitNames = Dictionary(try units.units(organisationID: organisation.id).map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        let rows = try onboardingStore.templates(organisationID: organisation.id).map { summary in
            let (review, overdue) = reviewText(summary.template.record, today: today, strings)
            return TemplateRow(name: summary.template.name, href: Paths.onboardingTemplate(summary.template.id),
                               layer: layerText(summary.template.record, strings, sectorNames: sectorNames, unitNames: unitNames),
                               version: strings.format("onboarding_version", ["version": String(summary.latestVersion)]),
                               items: strings.format("onboarding_item_count", ["count": strings.number(summary.itemCount)]),
                               review: review, reviewOverdue: overdue)
        }
        let errors = input.errors
        func field(_ name: String) -> FieldView { FieldView(name: name, value: input.values[name] ?? "", error: errors[name]) }
        let layerChoice = input.values["layer"] ?? ""
        let title = strings.text("onboarding_templates_title")
        return try context.render("onboarding/templates", title: title, TemplateListView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.onboardingTemplates(organisation.slug), title)]),
            templates: rows, hasTemplates: !rows.isEmpty, overviewHref: Paths.onboardingOverview(organisation.slug),
            action: Paths.onboardingTemplates(organisation.slug), errors: errors.links, hasErrors: !errors.isEmpty,
            name: field("name"),
            layers: [OnboardingTemplateLayer.organisation, .sector, .jobGroup].map {
                SelectOption(value: $0.rawValue, label: strings.text("onboarding_layer_" + $0.rawValue), selected: $0.rawValue == layerChoice)
            },
            layer: field("layer"),
            sectors: sectors.map { SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == input.values["sector_id"]) },
            sector: field("sector_id"), jobGroup: field("job_group"), reviewBy: field("review_by")), status: status)
    }

    // MARK: - A unit's template

    /// Opens the unit's own template, making it on first use: the unit's supervisors (404 for others).
    func openUnitOnboardingTemplate(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let unit = try units.unit(id: try context.unitID) else { throw AppError.notFound }
        try context.require(context.principal?.supervisedUnitIDs.contains(unit.id) ?? false)
        if let existing = try onboardingStore.unitTemplateID(unitID: unit.id) {
            return .redirect(to: Paths.onboardingTemplate(existing))
        }
        let created = try changing {
            let created = try onboardingStore.createTemplate(
                OnboardingTemplate(organisationID: unit.organisationID, layer: .unit, unitID: unit.id, name: unit.name,
                                   ownerUserID: context.principal?.userID, now: settings.now()),
                items: [], changelog: context.strings.text("onboarding_first_version"), by: context.principal?.userID, now: settings.now())
            try auditChange("onboarding.template.create", context, target: "onboarding-template:\(created.id)", detail: "unit \(unit.id)")
            return created
        }
        return .redirect(to: Paths.onboardingTemplate(created.id))
    }

    // MARK: - One template

    func showOnboardingTemplate(_ request: Request, _ context: RequestContext) throws -> Response {
        let (summary, canEdit) = try visibleTemplate(context)
        return try renderTemplate(summary, canEdit: canEdit, context, input: TemplateItemInput())
    }

    /// Adds an item as the template's next version; checklists already running keep theirs.
    func addOnboardingTemplateItem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (summary, canEdit) = try visibleTemplate(context)
        try context.require(canEdit)
        let current = try onboardingStore.items(versionID: summary.latestVersionID)
        let (trainings, instructions) = try evidenceChoices(summary.template.organisationID)
        let input = TemplateItemInput(form: try context.requireForm(), existingKeys: Set(current.map(\.key)),
                                      trainings: Set(trainings.map(\.id)), instructions: Set(instructions.map(\.id)),
                                      strings: context.strings)
        guard let item = input.checked else {
            return try renderTemplate(summary, canEdit: canEdit, context, input: input, status: .unprocessableContent)
        }
        try changing {
            let version = try onboardingStore.saveVersion(templateID: summary.template.id, items: current.map(\.content) + [item],
                                                          changelog: input.changelog, by: context.principal?.userID, now: settings.now())
            try auditChange("onboarding.template.version", context, target: "onboarding-template:\(summary.template.id)",
                            detail: "version \(version): added \(item.key)")
        }
        return context.redirect(Paths.onboardingTemplate(summary.template.id), notice: "saved")
    }

    /// Removes an item of the newest version as the template's next version.
    func removeOnboardingTemplateItem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (summary, canEdit) = try visibleTemplate(context)
        try context.require(canEdit)
        let itemID = try context.itemID
        let current = try onboardingStore.items(versionID: summary.latestVersionID)
        guard let removed = current.first(where: { $0.id == itemID }) else { throw AppError.notFound }
        try changing {
            let version = try onboardingStore.saveVersion(
                templateID: summary.template.id, items: current.filter { $0.id != itemID }.map(\.content),
                changelog: context.strings.format("onboarding_removed_changelog", ["item": removed.titleFi]),
                by: context.principal?.userID, now: settings.now())
            try auditChange("onboarding.template.version", context, target: "onboarding-template:\(summary.template.id)",
                            detail: "version \(version): removed \(removed.key)")
        }
        return context.redirect(Paths.onboardingTemplate(summary.template.id), notice: "saved")
    }

    /// Sets the day the template is to be reviewed by (empty clears it).
    func setOnboardingTemplateReview(_ request: Request, _ context: RequestContext) throws -> Response {
        let (summary, canEdit) = try visibleTemplate(context)
        try context.require(canEdit)
        let typed = (try context.requireForm()["review_by"] ?? "").trimmingCharacters(in: .whitespaces)
        let day = CivilDay(iso: typed)
        guard typed.isEmpty || day != nil else {
            var input = TemplateItemInput()
            input.errors.add("review_by", context.strings.text("onboarding_error_date"))
            return try renderTemplate(summary, canEdit: canEdit, context, input: input, reviewTyped: typed, status: .unprocessableContent)
        }
        try changing {
            try onboardingStore.setReviewBy(templateID: summary.template.id, day?.iso, now: settings.now())
            try auditChange("onboarding.template.review", context, target: "onboarding-template:\(summary.template.id)",
                            detail: day?.iso ?? "none")
        }
        return context.redirect(Paths.onboardingTemplate(summary.template.id), notice: "saved")
    }

    /// The trainings (active, of the organisation's catalogue) and instructions (not retired) an item may name.
    private func evidenceChoices(_ organisationID: Int64) throws -> ([Stored<Training>], [Stored<Instruction>]) {
        (try trainingCatalogue.trainings(visibleTo: organisationID), try instructionStore.instructions(organisationID: organisationID))
    }

    func partyText(_ party: OnboardingResponsibleParty, _ strings: Strings) -> String {
        strings.text("onboarding_party_" + party.rawValue)
    }

    func offsetText(_ days: Int, _ strings: Strings) -> String {
        if days < 0 { return strings.format("onboarding_offset_before", ["days": strings.number(-days)]) }
        return strings.format("onboarding_offset_day", ["day": strings.number(days)])
    }

    private func renderTemplate(_ summary: OnboardingTemplateSummary, canEdit: Bool, _ context: RequestContext, input: TemplateItemInput,
                                reviewTyped: String? = nil, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let today = CivilDay.today(settings.now())
        let template = summary.template
        let sectorNames = Dictionary(try sectors.sectors(organisationID: template.organisationID).map { ($0.id, $0.name) },
                                     uniquingKeysWith: { first, _ in first })
        let unitNames = template.unitID.flatMap { id in try? units.unit(id: id).map { [id: $0.name] } } ?? [:]
        let (trainings, instructions) = canEdit ? try evidenceChoices(template.organisationID) : ([], [])
        let trainingNames = Dictionary(try trainingCatalogue.trainings(visibleTo: template.organisationID, includeRetired: true)
            .map { ($0.id, LocalisedText(fi: $0.titleFi, sv: $0.titleSv, en: $0.titleEn).text(language)) }, uniquingKeysWith: { first, _ in first })
        let instructionNames = Dictionary(try instructionStore.instructions(organisationID: template.organisationID,
                                                                            InstructionFilter(includeRetired: true)).map { ($0.id, $0.title) },
                                          uniquingKeysWith: { first, _ in first })
        let items = try onboardingStore.items(versionID: summary.latestVersionID).map { item -> TemplateItemRow in
            let title = item.content.title.text(language)
            let evidence = [item.trainingID.flatMap { trainingNames[$0] }.map { strings.format("onboarding_evidence_training_named", ["name": $0]) },
                            item.instructionID.flatMap { instructionNames[$0] }.map { strings.format("onboarding_evidence_instruction_named", ["name": $0]) },
                            item.linkURL].compactMap { $0 }.joined(separator: " · ")
            return TemplateItemRow(title: title, key: item.key, responsible: partyText(item.responsible, strings),
                                   offset: offsetText(item.offsetDays, strings), optional: !item.required, evidence: evidence,
                                   hasEvidence: !evidence.isEmpty, removeAction: Paths.onboardingTemplateItemRemoval(template.id, item.id),
                                   removeLabel: strings.format("onboarding_remove_template_item", ["item": title]))
        }
        let versions = try onboardingStore.versions(templateID: template.id).map {
            TemplateVersionRow(version: strings.format("onboarding_version", ["version": String($0.version)]),
                               date: strings.dateTime($0.createdAt), changelog: $0.changelog)
        }
        let errors = input.errors
        var fields: [String: FieldView] = [:]
        for name in TemplateItemInput.textFields {
            fields[name] = FieldView(name: name, value: input.values[name] ?? "", error: errors[name])
        }
        let (review, overdue) = reviewText(template.record, today: today, strings)
        var crumbs = [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false)]
        if context.access.canManageOrganisation(template.organisationID),
           let organisation = try organisations.organisation(id: template.organisationID) {
            crumbs.append(Crumb(href: Paths.onboardingTemplates(organisation.slug), label: strings.text("onboarding_templates_title"),
                                current: false))
        } else if let unitID = template.unitID {
            crumbs.append(Crumb(href: Paths.unitOnboarding(unitID), label: strings.text("onboarding_new_hires_title"), current: false))
        }
        crumbs.append(Crumb(href: Paths.onboardingTemplate(template.id), label: template.name, current: true))
        func options(_ values: [(Int64, String)], chosen: String) -> [SelectOption] {
            [SelectOption(value: "", label: strings.text("onboarding_evidence_none"), selected: chosen.isEmpty)]
                + values.map { SelectOption(value: String($0.0), label: $0.1, selected: String($0.0) == chosen) }
        }
        return try context.render("onboarding/template", title: template.name, TemplatePageView(
            crumbs: crumbs, heading: template.name,
            layer: layerText(template.record, strings, sectorNames: sectorNames, unitNames: unitNames),
            version: strings.format("onboarding_version", ["version": String(summary.latestVersion)]),
            review: review, reviewOverdue: overdue, canEdit: canEdit, items: items, hasItems: !items.isEmpty, versions: versions,
            errors: errors.links, hasErrors: !errors.isEmpty, addAction: Paths.onboardingTemplateItems(template.id), fields: fields,
            parties: OnboardingResponsibleParty.allCases.map {
                SelectOption(value: $0.rawValue, label: partyText($0, strings), selected: $0.rawValue == input.values["responsible"])
            },
            trainings: options(trainings.filter(\.active).map { ($0.id, LocalisedText(fi: $0.titleFi, sv: $0.titleSv, en: $0.titleEn).text(language)) },
                               chosen: input.values["training_id"] ?? ""),
            instructions: options(instructions.filter { !$0.retired }.map { ($0.id, $0.title) }, chosen: input.values["instruction_id"] ?? ""),
            required: input.values["required"] == "1", reviewAction: Paths.onboardingTemplateReview(template.id),
            reviewBy: FieldView(name: "review_by", value: reviewTyped ?? template.reviewBy ?? "", error: errors["review_by"])), status: status)
    }
}
