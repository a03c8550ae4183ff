import Foundation
import HTTPServer
import Metrics
import Storage

/// The instruction form as typed and checked.
struct InstructionFormInput {
    static let bodyLimit = 10_000
    static let nameLimit = 100

    var title = ""
    var body = ""
    var links = ""
    var topicID = ""
    var systemName = ""
    var sectorID = ""
    var language = "fi"
    var translationOf = ""
    var ownerTeam = "IT"
    var ownerLogins = ""
    var pinned = false
    var reviewedOn = ""
    var reviewInterval = "12"
    var errors = FormErrors()
    private(set) var checked: (draft: InstructionDraft, ownerLogins: [String])?

    init(today: String) {
        reviewedOn = today
    }

    init(_ details: InstructionDetails, ownerLogins logins: [String]) {
        let instruction = details.instruction
        title = instruction.title
        body = instruction.body
        links = details.links.map { $0.title + " | " + $0.url }.joined(separator: "\n")
        topicID = instruction.topicID.map(String.init) ?? ""
        systemName = instruction.systemName
        sectorID = instruction.sectorID.map(String.init) ?? ""
        language = instruction.language
        translationOf = instruction.translationOf.map(String.init) ?? ""
        ownerTeam = instruction.ownerTeam
        ownerLogins = logins.joined(separator: "\n")
        pinned = instruction.pinned
        reviewedOn = instruction.reviewedOn
        reviewInterval = String(instruction.reviewIntervalMonths)
    }

    /// Reads and checks the form. `topics`, `sectors` and `originals` are the ids the organisation
    /// has; `owner` finds a user of the organisation by login (nil: no such user there).
    init(form: FormInput, organisationID: Int64, topics: Set<Int64>, sectors: Set<Int64>, originals: Set<Int64>,
         owner: (String) throws -> Int64?, userID: Int64?, strings: Strings) throws {
        title = form["title"] ?? ""
        body = form["body"] ?? ""
        links = form["links"] ?? ""
        topicID = form["topic_id"] ?? ""
        systemName = form["system_name"] ?? ""
        sectorID = form["sector_id"] ?? ""
        language = form["language"] ?? ""
        translationOf = form["translation_of"] ?? ""
        ownerTeam = form["owner_team"] ?? ""
        ownerLogins = form["owner_logins"] ?? ""
        pinned = form["pinned"] == "yes"
        reviewedOn = form["reviewed_on"] ?? ""
        reviewInterval = form["review_interval_months"] ?? ""

        let titleLine = TrainingFieldRules.line(title, limit: TrainingFieldRules.titleLimit, required: true)
        if let problem = titleLine.problem { errors.add("title", strings.text(problem)) }
        let text = TrainingFieldRules.paragraph(body, limit: Self.bodyLimit)
        if let problem = text.problem { errors.add("body", strings.text(problem)) }
        var parsedLinks: [InstructionLink] = []
        for line in links.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let linkTitle = parts.count == 2 ? parts[0] : ""
            let address = TrainingFieldRules.link(parts.count == 2 ? parts[1] : "")
            guard !linkTitle.isEmpty, linkTitle.count <= TrainingFieldRules.titleLimit, !FieldRules.hasControlCharacter(linkTitle),
                  let url = address.url else {
                errors.add("links", strings.format("instructions_error_link", ["line": String(trimmed.prefix(80))]))
                continue
            }
            parsedLinks.append(InstructionLink(title: linkTitle, url: url))
        }
        if parsedLinks.count > 20 { errors.add("links", strings.text("instructions_error_too_many_links")) }
        let topic = Int64(topicID)
        if !topicID.isEmpty && !(topic.map(topics.contains) ?? false) { errors.add("topic_id", strings.text("instructions_error_choice")) }
        let system = TrainingFieldRules.line(systemName, limit: Self.nameLimit, required: false)
        if let problem = system.problem { errors.add("system_name", strings.text(problem)) }
        let sector = Int64(sectorID)
        if !sectorID.isEmpty && !(sector.map(sectors.contains) ?? false) { errors.add("sector_id", strings.text("instructions_error_choice")) }
        if !["fi", "sv", "en"].contains(language) { errors.add("language", strings.text("instructions_error_choice")) }
        let original = Int64(translationOf)
        if !translationOf.isEmpty && !(original.map(originals.contains) ?? false) {
            errors.add("translation_of", strings.text("instructions_error_choice"))
        }
        let team = TrainingFieldRules.line(ownerTeam, limit: Self.nameLimit, required: false)
        if let problem = team.problem { errors.add("owner_team", strings.text(problem)) }
        var ownerIDs: [Int64] = []
        var logins: [String] = []
        for login in ownerLogins.split(whereSeparator: { $0.isNewline || $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) })
        where !login.isEmpty {
            guard login.count <= 200, !FieldRules.hasControlCharacter(login), let id = try owner(login) else {
                errors.add("owner_logins", strings.format("instructions_error_owner", ["login": String(login.prefix(80))]))
                continue
            }
            ownerIDs.append(id)
            logins.append(login)
        }
        if team.text.isEmpty && ownerIDs.isEmpty { errors.add("owner_team", strings.text("instructions_error_owner_needed")) }
        let reviewed = CivilDay(iso: reviewedOn.trimmingCharacters(in: .whitespaces))
        if reviewed == nil { errors.add("reviewed_on", strings.text("instructions_error_date")) }
        let interval = Int(reviewInterval.trimmingCharacters(in: .whitespaces))
        if !(interval.map { (1...60).contains($0) } ?? false) { errors.add("review_interval_months", strings.text("instructions_error_interval")) }
        guard errors.isEmpty, let reviewed, let interval else { return }
        let instruction = Instruction(
            organisationID: organisationID, title: titleLine.text, body: text.text, topicID: topic, systemName: system.text,
            sectorID: sector, language: language, translationOf: original, ownerTeam: team.text, pinned: pinned,
            reviewedOn: reviewed.iso, reviewIntervalMonths: interval, updatedBy: userID)
        checked = (InstructionDraft(instruction: instruction, links: parsedLinks, ownerUserIDs: ownerIDs), logins)
    }
}

extension WebApp {
    /// The organisation named by `:slug`, for its HR and administrators (the library's keepers).
    func libraryOrganisation(_ context: RequestContext) throws -> Stored<Organisation> {
        guard let organisation = try organisations.organisation(slug: try context.slug) else { throw AppError.notFound }
        try context.require(context.access.canManageOrganisation(organisation.id))
        return organisation
    }

    func showNewInstruction(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try libraryOrganisation(context)
        return try renderInstructionForm(organisation, context, input: InstructionFormInput(today: CivilDay.today(settings.now()).iso),
                                         instruction: nil)
    }

    func createInstruction(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try libraryOrganisation(context)
        let input = try instructionInput(context, organisation, editing: nil)
        guard let checked = input.checked else {
            return try renderInstructionForm(organisation, context, input: input, instruction: nil, status: .unprocessableContent)
        }
        let created = try changing {
            let instruction = try instructionStore.create(checked.draft)
            try auditChange("instruction.create", context, target: "instruction:\(instruction.id)")
            return instruction
        }
        return context.redirect(Paths.instruction(created.id), notice: "created")
    }

    func showEditInstruction(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, reader, canEdit) = try readableInstruction(context)
        try context.require(canEdit)
        let logins = try details.ownerUserIDs.compactMap { try users.user(id: $0)?.login }
        return try renderInstructionForm(reader.organisation, context, input: InstructionFormInput(details, ownerLogins: logins),
                                         instruction: details)
    }

    func updateInstruction(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, reader, canEdit) = try readableInstruction(context)
        try context.require(canEdit)
        let input = try instructionInput(context, reader.organisation, editing: details)
        guard var checked = input.checked else {
            return try renderInstructionForm(reader.organisation, context, input: input, instruction: details,
                                             status: .unprocessableContent)
        }
        // Owners keep the text up to date; only HR pins or names other owners.
        if !context.access.canManageOrganisation(reader.organisation.id) {
            checked.draft.instruction.pinned = details.instruction.pinned
            checked.draft.ownerUserIDs = details.ownerUserIDs
        }
        try changing {
            try instructionStore.update(details.instruction.id, checked.draft)
            try auditChange("instruction.update", context, target: "instruction:\(details.instruction.id)")
        }
        return context.redirect(Paths.instruction(details.instruction.id), notice: "saved")
    }

    private func instructionInput(_ context: RequestContext, _ organisation: Stored<Organisation>,
                                  editing: InstructionDetails?) throws -> InstructionFormInput {
        let originals = try instructionStore.instructions(organisationID: organisation.id, InstructionFilter(includeRetired: true))
            .filter { $0.translationOf == nil && $0.id != editing?.instruction.id }.map(\.id)
        return try InstructionFormInput(
            form: try context.requireForm(), organisationID: organisation.id,
            topics: Set(try tutorStore.topics(organisationID: organisation.id, includeRetired: true).map(\.id)),
            sectors: Set(try sectors.sectors(organisationID: organisation.id).map(\.id)), originals: Set(originals),
            owner: { login in try self.organisationUserID(login: login, organisationID: organisation.id) },
            userID: context.principal?.userID, strings: context.strings)
    }

    /// The user signing in as `login` when they belong to the organisation: staff of it, or holding a
    /// role there. Disabled users are not named owners.
    func organisationUserID(login: String, organisationID: Int64) throws -> Int64? {
        guard let user = try users.user(loginOrEmail: login), !user.disabled else { return nil }
        if let employeeID = user.employeeID, try employees.employee(id: employeeID)?.organisationID == organisationID {
            return user.id
        }
        for role in try users.roles(userID: user.id) {
            if role.organisationID == organisationID { return user.id }
            if let unitID = role.unitID, try units.unit(id: unitID)?.organisationID == organisationID { return user.id }
        }
        return nil
    }

    private func renderInstructionForm(_ organisation: Stored<Organisation>, _ context: RequestContext,
                                       input: InstructionFormInput, instruction: InstructionDetails?,
                                       status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let errors = input.errors
        let keeps = context.access.canManageOrganisation(organisation.id)
        let topics = [SelectOption(value: "", label: strings.text("instructions_no_topic"), selected: input.topicID.isEmpty)]
            + (try tutorStore.topics(organisationID: organisation.id)).map {
                SelectOption(value: String($0.id), label: $0.name.text(strings.language.rawValue), selected: String($0.id) == input.topicID)
            }
        let sectorOptions = [SelectOption(value: "", label: strings.text("instructions_everyone"), selected: input.sectorID.isEmpty)]
            + (try sectors.sectors(organisationID: organisation.id)).map {
                SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == input.sectorID)
            }
        let languages = ["fi", "sv", "en"].map { SelectOption(value: $0, label: strings.languageName($0), selected: $0 == input.language) }
        let originals = [SelectOption(value: "", label: strings.text("instructions_not_translation"), selected: input.translationOf.isEmpty)]
            + (try instructionStore.instructions(organisationID: organisation.id))
                .filter { $0.translationOf == nil && $0.id != instruction?.instruction.id }
                .map { SelectOption(value: String($0.id), label: $0.title + " (" + $0.language + ")", selected: String($0.id) == input.translationOf) }
        var fields: [FormFieldView] = [
            FormFieldView(.text, name: "title", value: input.title, label: strings.text("instructions_field_title"),
                          error: errors["title"], required: true, maxLength: TrainingFieldRules.titleLimit),
            FormFieldView(.textarea, name: "body", value: input.body, label: strings.text("instructions_field_body"),
                          hint: strings.text("instructions_field_body_hint"), error: errors["body"]),
            FormFieldView(.textarea, name: "links", value: input.links, label: strings.text("instructions_field_links"),
                          hint: strings.text("instructions_field_links_hint"), error: errors["links"]),
            FormFieldView(.select, name: "topic_id", label: strings.text("instructions_field_topic"), error: errors["topic_id"], options: topics),
            FormFieldView(.text, name: "system_name", value: input.systemName, label: strings.text("instructions_field_system"),
                          hint: strings.text("instructions_field_system_hint"), error: errors["system_name"], maxLength: InstructionFormInput.nameLimit),
            FormFieldView(.select, name: "sector_id", label: strings.text("instructions_field_sector"), error: errors["sector_id"], options: sectorOptions),
            FormFieldView(.select, name: "language", label: strings.text("instructions_field_language"), error: errors["language"], options: languages),
            FormFieldView(.select, name: "translation_of", label: strings.text("instructions_field_translation_of"),
                          error: errors["translation_of"], options: originals),
            FormFieldView(.text, name: "owner_team", value: input.ownerTeam, label: strings.text("instructions_field_owner_team"),
                          error: errors["owner_team"], maxLength: InstructionFormInput.nameLimit),
        ]
        if keeps {
            fields.append(FormFieldView(.textarea, name: "owner_logins", value: input.ownerLogins, label: strings.text("instructions_field_owners"),
                                        hint: strings.text("instructions_field_owners_hint"), error: errors["owner_logins"]))
            fields.append(FormFieldView(.checkbox, name: "pinned", label: strings.text("instructions_field_pinned"),
                                        hint: strings.text("instructions_field_pinned_hint"), checked: input.pinned))
        }
        fields += [
            FormFieldView(.date, name: "reviewed_on", value: input.reviewedOn, label: strings.text("instructions_field_reviewed_on"),
                          error: errors["reviewed_on"], required: true),
            FormFieldView(.number, name: "review_interval_months", value: input.reviewInterval,
                          label: strings.text("instructions_field_interval"), error: errors["review_interval_months"], required: true),
        ]
        let heading = instruction.map { strings.format("instructions_edit_heading", ["title": $0.instruction.title]) }
            ?? strings.text("instructions_new_heading")
        let action = instruction.map { Paths.editInstruction($0.instruction.id) } ?? Paths.newInstruction(organisation.slug)
        var trail = [Crumb(href: Paths.instructions, label: strings.text("instructions_title"), current: false)]
        if let instruction {
            trail.append(Crumb(href: Paths.instruction(instruction.instruction.id), label: instruction.instruction.title, current: false))
        }
        trail.append(Crumb(href: action, label: heading, current: true))
        let view = TrainingFormView(
            crumbs: trail, heading: heading, intro: "", hasIntro: false, action: action,
            submitLabel: strings.text(instruction == nil ? "instructions_create" : "instructions_save"),
            sections: [FormSectionView(fields)], errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("trainings/form", title: heading, view, status: status)
    }
}
