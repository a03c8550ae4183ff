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
    let editHref: String
    let editLabel: String
    let removeAction: String
    let removeLabel: String
}

struct TemplateVersionRow {
    let version: String
    let date: String
    let changelog: String
}

/// An item's fields (`onboarding/item-fields`): the add form on the template page and the edit page.
struct TemplateItemFormView {
    let fields: [String: FieldView]
    let parties: [SelectOption]
    let trainings: [SelectOption]
    let instructions: [SelectOption]
    let required: Bool
    /// An item being changed shows its key instead of asking for one (the key joins the layers).
    let keptKey: String
    let hasKeptKey: Bool
}

struct TemplatePageView {
    let crumbs: [Crumb]
    let heading: String
    let layer: String
    let version: String
    let review: String
    let reviewOverdue: Bool
    /// "Owner: First Last", or that none is named.
    let owner: String
    let canEdit: Bool
    let items: [TemplateItemRow]
    let hasItems: Bool
    let versions: [TemplateVersionRow]
    let errors: [ErrorLink]
    let hasErrors: Bool
    let addAction: String
    let itemForm: TemplateItemFormView
    let reviewAction: String
    let reviewBy: FieldView
    /// HR of the organisation and administrators name the owner by HR number.
    let canNameOwner: Bool
    let ownerAction: String
    let ownerHRNumber: FieldView
}

/// The form to change one item of the newest version.
struct TemplateItemEditView {
    let crumbs: [Crumb]
    let heading: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let action: String
    let itemForm: TemplateItemFormView
    let templateHref: String
}

extension WebApp {
    /// Who edits a template: a unit's template its supervisors (and an owner HR named); the other
    /// layers HR of the organisation, administrators and the named owner (a sector owner).
    func editsTemplate(_ template: OnboardingTemplate, _ context: RequestContext) -> Bool {
        guard let principal = context.principal else { return false }
        return template.ownerUserID == principal.userID || editsTemplateByRole(template, context)
    }

    /// Whether a role lets the user edit the template, owner or not: the organisation's HR and
    /// administrators, and for a unit's template its supervisors.
    func editsTemplateByRole(_ template: OnboardingTemplate, _ context: RequestContext) -> Bool {
        guard let principal = context.principal else { return false }
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

    /// The form to change an item of the newest version, filled with what it says now (an older
    /// version's item is a 404).
    func showEditOnboardingTemplateItem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (summary, canEdit) = try visibleTemplate(context)
        try context.require(canEdit)
        let itemID = try context.itemID
        guard let item = try onboardingStore.items(versionID: summary.latestVersionID).first(where: { $0.id == itemID }) else {
            throw AppError.notFound
        }
        return try renderItemEditor(summary, item, context, input: TemplateItemInput(item: item.content))
    }

    /// Saves a changed item as the template's next version, in the same place and with the same key.
    func updateOnboardingTemplateItem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (summary, canEdit) = try visibleTemplate(context)
        try context.require(canEdit)
        let itemID = try context.itemID
        let current = try onboardingStore.items(versionID: summary.latestVersionID)
        guard let index = current.firstIndex(where: { $0.id == itemID }) else { throw AppError.notFound }
        let changed = current[index]
        let (trainings, instructions) = try evidenceChoices(summary.template.organisationID, keeping: changed.content)
        let input = TemplateItemInput(form: try context.requireForm(), existingKeys: [], keptKey: changed.key,
                                      trainings: Set(trainings.map(\.id)), instructions: Set(instructions.map(\.id)),
                                      strings: context.strings)
        guard let item = input.checked else {
            return try renderItemEditor(summary, changed, context, input: input, status: .unprocessableContent)
        }
        var items = current.map(\.content)
        items[index] = item
        try changing {
            let version = try onboardingStore.saveVersion(templateID: summary.template.id, items: items, changelog: input.changelog,
                                                          by: context.principal?.userID, now: settings.now())
            try auditChange("onboarding.template.version", context, target: "onboarding-template:\(summary.template.id)",
                            detail: "version \(version): changed \(changed.key)")
        }
        return context.redirect(Paths.onboardingTemplate(summary.template.id), notice: "saved")
    }

    private func renderItemEditor(_ summary: OnboardingTemplateSummary, _ item: Stored<OnboardingTemplateItem>, _ context: RequestContext,
                                  input: TemplateItemInput, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let template = summary.template
        let (trainings, instructions) = try evidenceChoices(template.organisationID, keeping: item.content)
        let heading = strings.format("onboarding_edit_item_heading", ["item": item.content.title.text(strings.language.rawValue)])
        let action = Paths.onboardingTemplateItem(template.id, item.id)
        let crumbs = try templateCrumbs(template, context)
            + [Crumb(href: Paths.editOnboardingTemplateItem(template.id, item.id), label: heading, current: true)]
        return try context.render("onboarding/template-item", title: heading, TemplateItemEditView(
            crumbs: crumbs, heading: heading, errors: input.errors.links, hasErrors: !input.errors.isEmpty, action: action,
            itemForm: itemFormView(input, trainings: trainings, instructions: instructions, keptKey: item.key, strings),
            templateHref: Paths.onboardingTemplate(template.id)), status: status)
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

    /// Names the template's owner by the HR number of an employee of its organisation with a sign-in:
    /// HR of the organisation and administrators (404 for others). Not a new version.
    func setOnboardingTemplateOwner(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let summary = try onboardingStore.template(id: try context.templateID) else { throw AppError.notFound }
        let template = summary.template
        try context.require(context.access.canManageOrganisation(template.organisationID))
        let strings = context.strings
        let typed = (try context.requireForm()["owner_hr_number"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var input = TemplateItemInput()
        var ownerID: Int64?
        if typed.isEmpty {
            input.errors.add("owner_hr_number", strings.text("onboarding_error_owner_empty"))
        } else if let employee = try employees.activeEmployees(organisationID: template.organisationID, hrNumbers: [typed])[typed] {
            if let user = try users.userLinked(toEmployee: employee.id), !user.disabled {
                ownerID = user.id
            } else {
                input.errors.add("owner_hr_number", strings.format("onboarding_error_owner_no_sign_in",
                                                                   ["name": employee.firstName + " " + employee.lastName]))
            }
        } else {
            input.errors.add("owner_hr_number", strings.text("onboarding_error_owner_unknown"))
        }
        guard let ownerID else {
            return try renderTemplate(summary, canEdit: editsTemplate(template.record, context), context, input: input, ownerTyped: typed,
                                      status: .unprocessableContent)
        }
        try changing {
            try onboardingStore.setOwner(templateID: template.id, userID: ownerID, now: settings.now())
            try auditChange("onboarding.template.owner", context, target: "onboarding-template:\(template.id)", detail: "user:\(ownerID)")
        }
        return context.redirect(Paths.onboardingTemplate(template.id), notice: "saved")
    }

    /// "Owner: First Last" (the sign-in's name when it has no employee record), or that none is named.
    private func ownerText(_ template: OnboardingTemplate, _ strings: Strings) throws -> String {
        guard let userID = template.ownerUserID, let user = try users.user(id: userID) else {
            return strings.text("onboarding_owner_none")
        }
        let employee = try user.employeeID.flatMap { try employees.employee(id: $0) }
        return strings.format("onboarding_owner_named", ["name": employee.map { $0.firstName + " " + $0.lastName } ?? user.login])
    }

    /// The trainings (active, of the organisation's catalogue) and instructions (not retired) an item
    /// may name; for an item being changed, also what it names now if since retired, so that
    /// changing its other fields keeps it.
    private func evidenceChoices(_ organisationID: Int64, keeping item: OnboardingItemContent? = nil) throws
        -> ([Stored<Training>], [Stored<Instruction>]) {
        var trainings = try trainingCatalogue.trainings(visibleTo: organisationID)
        var instructions = try instructionStore.instructions(organisationID: organisationID)
        if let id = item?.trainingID, !trainings.contains(where: { $0.id == id }),
           let kept = try trainingCatalogue.training(id: id) {
            trainings.append(kept)
        }
        if let id = item?.instructionID, !instructions.contains(where: { $0.id == id }),
           let kept = try instructionStore.instruction(id: id)?.instruction {
            instructions.append(kept)
        }
        return (trainings, instructions)
    }

    /// The item form's fields and choices, as typed (or as the item says now).
    private func itemFormView(_ input: TemplateItemInput, trainings: [Stored<Training>], instructions: [Stored<Instruction>],
                              keptKey: String?, _ strings: Strings) -> TemplateItemFormView {
        let language = strings.language.rawValue
        var fields: [String: FieldView] = [:]
        for name in TemplateItemInput.textFields {
            fields[name] = FieldView(name: name, value: input.values[name] ?? "", error: input.errors[name])
        }
        func options(_ values: [(Int64, String)], chosen: String) -> [SelectOption] {
            [SelectOption(value: "", label: strings.text("onboarding_evidence_none"), selected: chosen.isEmpty)]
                + values.map { SelectOption(value: String($0.0), label: $0.1, selected: String($0.0) == chosen) }
        }
        return TemplateItemFormView(
            fields: fields,
            parties: OnboardingResponsibleParty.allCases.map {
                SelectOption(value: $0.rawValue, label: partyText($0, strings), selected: $0.rawValue == input.values["responsible"])
            },
            trainings: options(trainings.map { ($0.id, LocalisedText(fi: $0.titleFi, sv: $0.titleSv, en: $0.titleEn).text(language)) },
                               chosen: input.values["training_id"] ?? ""),
            instructions: options(instructions.map { ($0.id, $0.title) }, chosen: input.values["instruction_id"] ?? ""),
            required: input.values["required"] == "1", keptKey: keptKey ?? "", hasKeptKey: keptKey != nil)
    }

    /// Home, then HR's list of templates (for those who manage the organisation) or the unit's new
    /// hires (a unit's template), then the template.
    private func templateCrumbs(_ template: Stored<OnboardingTemplate>, _ context: RequestContext, current: Bool = false) throws -> [Crumb] {
        let strings = context.strings
        var crumbs = [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false)]
        if context.access.canManageOrganisation(template.organisationID),
           let organisation = try organisations.organisation(id: template.organisationID) {
            crumbs.append(Crumb(href: Paths.onboardingTemplates(organisation.slug), label: strings.text("onboarding_templates_title"),
                                current: false))
        } else if let unitID = template.unitID {
            crumbs.append(Crumb(href: Paths.unitOnboarding(unitID), label: strings.text("onboarding_new_hires_title"), current: false))
        }
        crumbs.append(Crumb(href: Paths.onboardingTemplate(template.id), label: template.name, current: current))
        return crumbs
    }

    func partyText(_ party: OnboardingResponsibleParty, _ strings: Strings) -> String {
        strings.text("onboarding_party_" + party.rawValue)
    }

    func offsetText(_ days: Int, _ strings: Strings) -> String {
        if days < 0 { return strings.format("onboarding_offset_before", ["days": strings.number(-days)]) }
        return strings.format("onboarding_offset_day", ["day": strings.number(days)])
    }

    private func renderTemplate(_ summary: OnboardingTemplateSummary, canEdit: Bool, _ context: RequestContext, input: TemplateItemInput,
                                reviewTyped: String? = nil, ownerTyped: String = "", status: HTTPStatus = .ok) throws -> Response {
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
                                   hasEvidence: !evidence.isEmpty, editHref: Paths.editOnboardingTemplateItem(template.id, item.id),
                                   editLabel: strings.format("onboarding_edit_template_item", ["item": title]),
                                   removeAction: Paths.onboardingTemplateItemRemoval(template.id, item.id),
                                   removeLabel: strings.format("onboarding_remove_template_item", ["item": title]))
        }
        let versions = try onboardingStore.versions(templateID: template.id).map {
            TemplateVersionRow(version: strings.format("onboarding_version", ["version": String($0.version)]),
                               date: strings.dateTime($0.createdAt), changelog: $0.changelog)
        }
        let errors = input.errors
        let (review, overdue) = reviewText(template.record, today: today, strings)
        return try context.render("onboarding/template", title: template.name, TemplatePageView(
            crumbs: try templateCrumbs(template, context, current: true), heading: template.name,
            layer: layerText(template.record, strings, sectorNames: sectorNames, unitNames: unitNames),
            version: strings.format("onboarding_version", ["version": String(summary.latestVersion)]),
            review: review, reviewOverdue: overdue, owner: try ownerText(template.record, strings), canEdit: canEdit, items: items,
            hasItems: !items.isEmpty, versions: versions, errors: errors.links, hasErrors: !errors.isEmpty,
            addAction: Paths.onboardingTemplateItems(template.id),
            itemForm: itemFormView(input, trainings: trainings, instructions: instructions, keptKey: nil, strings),
            reviewAction: Paths.onboardingTemplateReview(template.id),
            reviewBy: FieldView(name: "review_by", value: reviewTyped ?? template.reviewBy ?? "", error: errors["review_by"]),
            canNameOwner: context.access.canManageOrganisation(template.organisationID),
            ownerAction: Paths.onboardingTemplateOwner(template.id),
            ownerHRNumber: FieldView(name: "owner_hr_number", value: ownerTyped, error: errors["owner_hr_number"])), status: status)
    }
}
