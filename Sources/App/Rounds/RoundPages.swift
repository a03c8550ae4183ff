import Foundation
import HTTPServer
import Storage

extension WebApp {
    // MARK: The organisation's rounds

    /// Every round of the organisation with its status, dates and response rate.
    func showRounds(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let frameworkNames = try frameworkLabels(organisationID: organisation.id, strings)
        let rows = try rounds.rounds(organisationID: organisation.id).map { round in
            let figures = participationFigures(round, try roundParticipation(round), strings)
            return RoundRow(href: Paths.round(round.id), title: round.title,
                            mode: strings.text("rounds_mode_" + round.mode.rawValue),
                            status: strings.text("rounds_status_" + round.status.rawValue),
                            dates: strings.date(round.opensOn) + "–" + strings.date(round.closesOn),
                            framework: frameworkNames[round.frameworkID] ?? "",
                            invited: figures.invited, answered: figures.answered, rate: figures.rate)
        }
        let base = Paths.rounds(organisation.slug)
        let view = RoundListView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("rounds_title"))]),
            organisationName: organisation.name, newHref: Paths.newRound(organisation.slug), rows: rows, hasRows: !rows.isEmpty)
        return try context.render("rounds/list", title: strings.text("rounds_title") + " – " + organisation.name, view)
    }

    /// Invited, answered and response rate as shown; a draft has invited no one yet, and a count under
    /// the round's minimum is shown as "fewer than N" (watching it move would tell who just answered).
    private func participationFigures(_ round: Stored<SurveyRound>, _ counts: RoundParticipation,
                                      _ strings: Strings) -> (invited: String, answered: String, rate: String) {
        guard round.status != .draft else { return ("–", "–", "–") }
        guard let answered = counts.answered else {
            return (strings.number(counts.invited),
                    strings.format("rounds_codes_hidden", ["minimum": String(round.minimumGroupSize)]), "–")
        }
        return (strings.number(counts.invited), strings.number(answered), counts.rate.map { strings.percent($0) } ?? "–")
    }

    /// "Name, version N" of each framework the organisation may use, by id.
    private func frameworkLabels(organisationID: Int64, _ strings: Strings) throws -> [Int64: String] {
        var labels: [Int64: String] = [:]
        for framework in try frameworks.frameworks(organisationID: organisationID) {
            labels[framework.id] = frameworkLabel(framework, strings)
        }
        return labels
    }

    private func frameworkLabel(_ framework: Stored<Framework>, _ strings: Strings) -> String {
        let name = framework.name.text(strings.language.rawValue)
        guard let version = framework.version else { return name }
        return strings.format("rounds_framework_version", ["name": name, "version": String(version)])
    }

    // MARK: New and edit

    func showNewRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        var input = RoundFormInput()
        input.opensOn = CalendarDate.today()
        input.closesOn = CalendarDate.today(Date().addingTimeInterval(21 * 86_400))
        if let newest = try publishedFrameworks(organisation.id).first?.id { input.frameworkChoice = String(newest) }
        return try renderRoundForm(organisation, context, input: input, round: nil)
    }

    /// Creates a draft round; nothing is stored unless every field is right.
    func createRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let organisationID = organisation.id
        var input = try roundInput(context, organisationID: organisationID)
        if let checked = input.checked {
            let draft = SurveyRound(organisationID: organisationID, frameworkID: checked.frameworkID, title: checked.title,
                                    mode: checked.mode, opensOn: checked.opensOn, closesOn: checked.closesOn,
                                    minimumGroupSize: checked.minimumGroupSize,
                                    openAnswerThreshold: checked.openAnswerThreshold)
            do {
                let round = try changing {
                    let round = try rounds.create(draft, scope: checked.scope, openQuestions: checked.openQuestions)
                    try auditChange("round.create", context, target: "round:\(round.id)", detail: round.title)
                    return round
                }
                return context.redirect(Paths.round(round.id), notice: "created")
            } catch let error as StorageError {
                try addRoundStoreProblem(error, to: &input.errors, context.strings)
            }
        }
        return try renderRoundForm(organisation, context, input: input, round: nil)
    }

    func showEditRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let (round, organisation) = try managedRound(context)
        guard round.status == .draft else { return try notDraft(round, context) }
        let roundID = round.id
        let input = RoundFormInput(round: round, scope: try rounds.scope(roundID: roundID),
                                   questions: try rounds.openQuestions(roundID: roundID),
                                   units: try units.units(organisationID: organisation.id))
        return try renderRoundForm(organisation, context, input: input, round: round)
    }

    /// Saves a changed draft.
    func updateRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let (round, organisation) = try managedRound(context)
        guard round.status == .draft else { return try notDraft(round, context) }
        var input = try roundInput(context, organisationID: organisation.id)
        if let checked = input.checked {
            var changed = round
            changed.frameworkID = checked.frameworkID
            changed.title = checked.title
            changed.mode = checked.mode
            changed.opensOn = checked.opensOn
            changed.closesOn = checked.closesOn
            changed.minimumGroupSize = checked.minimumGroupSize
            changed.openAnswerThreshold = checked.openAnswerThreshold
            do {
                try changing {
                    try rounds.updateDraft(changed, scope: checked.scope, openQuestions: checked.openQuestions)
                    try auditChange("round.update", context, target: "round:\(round.id)", detail: changed.title)
                }
                return context.redirect(Paths.round(round.id), notice: "saved")
            } catch let error as StorageError {
                try addRoundStoreProblem(error, to: &input.errors, context.strings)
            }
        }
        return try renderRoundForm(organisation, context, input: input, round: round)
    }

    private func roundInput(_ context: RequestContext, organisationID: Int64) throws -> RoundFormInput {
        RoundFormInput(form: try context.requireForm(), frameworks: try publishedFrameworks(organisationID),
                       sectors: try sectors.sectors(organisationID: organisationID),
                       units: try units.units(organisationID: organisationID), strings: context.strings)
    }

    private func publishedFrameworks(_ organisationID: Int64) throws -> [Stored<Framework>] {
        try frameworks.frameworks(organisationID: organisationID).filter { $0.status == .published }
    }

    /// A refusal of the store (the round changed meanwhile, the framework is not usable) as a form error.
    private func addRoundStoreProblem(_ error: StorageError, to errors: inout FormErrors, _ strings: Strings) throws {
        switch error {
        case .invalid, .conflict:
            errors.add("title", strings.format("rounds_error_not_saved", ["reason": error.description]))
        case .notFound:
            throw AppError.notFound
        default:
            throw error
        }
    }

    private func renderRoundForm(_ organisation: Stored<Organisation>, _ context: RequestContext, input: RoundFormInput,
                                 round: Stored<SurveyRound>?) throws -> Response {
        let strings = context.strings
        let organisationID = organisation.id
        let errors = input.errors
        func field(_ name: String, _ value: String, hint: Bool = false) -> FieldView {
            FieldView(name: name, value: value, error: errors[name], hintID: hint ? name + "-hint" : nil)
        }
        let frameworkOptions = try publishedFrameworks(organisationID).map { framework in
            SelectOption(value: String(framework.id), label: frameworkLabel(framework, strings),
                         selected: String(framework.id) == input.frameworkChoice)
        }
        let sectorOptions = try sectors.sectors(organisationID: organisationID).map { sector in
            CheckboxOption(id: "sector-\(sector.id)", value: String(sector.id), label: sector.name,
                           checked: input.sectorChoices.contains(String(sector.id)))
        }
        let questions = input.questions.enumerated().map { index, texts in
            let number = index + 1
            return QuestionFields(
                legend: strings.format("rounds_question_legend", ["number": String(number)]),
                fi: field("q\(number)_fi", texts[0]), sv: field("q\(number)_sv", texts[1], hint: true),
                en: field("q\(number)_en", texts[2], hint: true))
        }
        let listHref = Paths.rounds(organisation.slug)
        var trail = [(listHref, strings.text("rounds_title"))]
        let heading: String
        let action: String
        if let round {
            let roundID = round.id
            trail.append((Paths.round(roundID), round.title))
            trail.append((Paths.editRound(roundID), strings.text("rounds_edit")))
            heading = strings.format("rounds_edit_heading", ["title": round.title])
            action = Paths.editRound(roundID)
        } else {
            trail.append((Paths.newRound(organisation.slug), strings.text("rounds_new")))
            heading = strings.text("rounds_new")
            action = Paths.newRound(organisation.slug)
        }
        let view = RoundFormView(
            crumbs: organisationCrumbs(organisation, strings, then: trail), heading: heading, action: action,
            submitLabel: strings.text(round == nil ? "rounds_create" : "staff_save"),
            cancelHref: round.map { Paths.round($0.id) } ?? listHref,
            errors: errors.links, hasErrors: !errors.isEmpty,
            title: field("title", input.title), framework: field("framework_id", input.frameworkChoice),
            frameworkOptions: frameworkOptions, hasFrameworks: !frameworkOptions.isEmpty,
            scope: field("scope-organisation", input.scopeChoice),
            scopeWhole: input.scopeChoice != "selected", scopeSelected: input.scopeChoice == "selected",
            sectorField: field("sector_ids", ""), sectors: sectorOptions, hasSectors: !sectorOptions.isEmpty,
            unitNames: field("unit_names", input.unitNames, hint: true),
            opensOn: field("opens_on", input.opensOn, hint: true), closesOn: field("closes_on", input.closesOn, hint: true),
            mode: field("mode-anonymous", input.modeChoice),
            modeAnonymous: input.modeChoice != SurveyMode.identified.rawValue,
            modeIdentified: input.modeChoice == SurveyMode.identified.rawValue,
            minimumGroupSize: field("minimum_group_size", input.minimumGroupSize, hint: true),
            openAnswerThreshold: field("open_answer_threshold", input.openAnswerThreshold, hint: true),
            questions: questions)
        return try context.render("rounds/form", title: heading + " – " + organisation.name, view,
                                  status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    // MARK: One round

    /// The round named by `:id` and its organisation, if this user manages that organisation.
    func managedRound(_ context: RequestContext) throws -> (Stored<SurveyRound>, Stored<Organisation>) {
        guard let round = try rounds.round(id: try context.roundID) else { throw AppError.notFound }
        try context.require(context.access.canManageOrganisation(round.organisationID))
        guard let organisation = try organisations.organisation(id: round.organisationID) else {
            throw AppError.notFound
        }
        return (round, organisation)
    }

    func showRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let (round, organisation) = try managedRound(context)
        return try renderRound(round, organisation, context)
    }

    private func notDraft(_ round: Stored<SurveyRound>, _ context: RequestContext) throws -> Response {
        guard let organisation = try organisations.organisation(id: round.organisationID) else {
            throw AppError.notFound
        }
        var errors = FormErrors()
        errors.add("round-actions", context.strings.text("rounds_error_not_draft"))
        return try renderRound(round, organisation, context, errors: errors, status: .conflict)
    }

    func renderRound(_ round: Stored<SurveyRound>, _ organisation: Stored<Organisation>, _ context: RequestContext,
                     errors: FormErrors = FormErrors(), typedCloseDate: String? = nil,
                     status: HTTPStatus? = nil) throws -> Response {
        let strings = context.strings
        let roundID = round.id
        let framework = try frameworks.framework(id: round.frameworkID)
        let details = [
            DetailItem(label: strings.text("rounds_field_status"), value: strings.text("rounds_status_" + round.status.rawValue)),
            DetailItem(label: strings.text("rounds_field_mode"), value: strings.text("rounds_mode_" + round.mode.rawValue)),
            DetailItem(label: strings.text("rounds_field_framework"),
                       value: framework.map { frameworkLabel($0, strings) } ?? ""),
            DetailItem(label: strings.text("rounds_field_opens_on"), value: strings.date(round.opensOn)),
            DetailItem(label: strings.text("rounds_field_closes_on"), value: strings.date(round.closesOn)),
            DetailItem(label: strings.text("rounds_field_minimum_group_size"), value: strings.number(round.minimumGroupSize)),
            DetailItem(label: strings.text("rounds_field_open_answer_threshold"),
                       value: strings.number(round.openAnswerThreshold)),
        ]
        let figures = participationFigures(round, try roundParticipation(round), strings)
        let participation = [
            DetailItem(label: strings.text("rounds_invited"), value: figures.invited),
            DetailItem(label: strings.text("rounds_answered"), value: figures.answered),
            DetailItem(label: strings.text("rounds_response_rate"), value: figures.rate),
        ]
        let questions = try rounds.openQuestions(roundID: roundID).enumerated().map { index, question in
            QuestionRow(number: String(index + 1), fi: question.textFi, sv: question.textSv, en: question.textEn)
        }
        let listHref = Paths.rounds(organisation.slug)
        let view = RoundDetailView(
            crumbs: organisationCrumbs(organisation, strings, then: [(listHref, strings.text("rounds_title")),
                                                                      (Paths.round(roundID), round.title)]),
            title: round.title, status: strings.text("rounds_status_" + round.status.rawValue), details: details,
            modeExplanation: strings.text("rounds_mode_" + round.mode.rawValue + "_text"),
            isAnonymous: round.mode == .anonymous,
            population: try populationSummary(round, strings), hasParticipation: round.status != .draft,
            participation: participation, questions: questions, hasQuestions: !questions.isEmpty,
            isDraft: round.status == .draft, isOpen: round.status == .open,
            editHref: Paths.editRound(roundID), openAction: Paths.openRound(roundID),
            deleteAction: Paths.deleteRound(roundID), closeAction: Paths.closeRound(roundID),
            extendAction: Paths.extendRound(roundID),
            extendField: FieldView(name: "closes_on", value: typedCloseDate ?? round.closesOn,
                                   error: errors["closes_on"], hintID: "closes_on-hint"),
            hasResults: round.status != .draft, resultsHref: Paths.roundResults(roundID),
            errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("rounds/round", title: round.title, view,
                                  status: status ?? (errors.isEmpty ? .ok : .unprocessableContent))
    }

    /// The population in words: the whole organisation, or each sector and unit of the scope.
    private func populationSummary(_ round: Stored<SurveyRound>, _ strings: Strings) throws -> [String] {
        let scope = try rounds.scope(roundID: round.id)
        guard !scope.isEmpty else { return [strings.text("rounds_population_whole")] }
        let sectorNames = Dictionary(uniqueKeysWithValues: try sectors.sectors(organisationID: round.organisationID)
            .map { ($0.id, $0.name) })
        return try scope.map { part in
            if let sectorID = part.sectorID {
                return strings.format("rounds_population_sector", ["name": sectorNames[sectorID] ?? ""])
            }
            let name = try part.unitID.flatMap { try units.unit(id: $0) }?.name ?? ""
            return strings.format("rounds_population_unit", ["name": name])
        }
    }

    // MARK: Lifecycle

    /// Opens a draft: its population is invited as it is today.
    func openRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let (round, organisation) = try managedRound(context)
        return try changeRound(round, organisation, context, errorKey: "rounds_error_open", notice: "round_opened") {
            ("round.open", "\(try rounds.open(roundID: round.id)) invited")
        }
    }

    /// Moves the close date of an open round later.
    func extendRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let (round, organisation) = try managedRound(context)
        let typed = try context.requireForm()["closes_on"] ?? ""
        var errors = FormErrors()
        guard round.status == .open else {
            return try refused(StorageError.invalid(""), round, organisation, context, message: "rounds_error_extend")
        }
        guard let date = RoundFormInput.date(typed, field: "closes_on", &errors, context.strings) else {
            return try renderRound(round, organisation, context, errors: errors, typedCloseDate: typed)
        }
        guard date > round.closesOn else {
            errors.add("closes_on", context.strings.format("rounds_error_extend_earlier",
                                                           ["date": context.strings.date(round.closesOn)]))
            return try renderRound(round, organisation, context, errors: errors, typedCloseDate: typed)
        }
        return try changeRound(round, organisation, context, errorKey: "rounds_error_extend", notice: "round_extended") {
            try rounds.extend(roundID: round.id, closesOn: date)
            return ("round.extend", "\(round.closesOn) → \(date)")
        }
    }

    /// Closes an open round: no more answers.
    func closeRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let (round, organisation) = try managedRound(context)
        return try changeRound(round, organisation, context, errorKey: "rounds_error_close", notice: "round_closed") {
            try rounds.close(roundID: round.id)
            return ("round.close", round.title)
        }
    }

    /// Deletes a draft that never opened.
    func deleteRound(_ request: Request, _ context: RequestContext) throws -> Response {
        let (round, organisation) = try managedRound(context)
        return try changeRound(round, organisation, context, errorKey: "rounds_error_delete", notice: "deleted",
                               then: Paths.rounds(organisation.slug)) {
            try rounds.deleteDraft(roundID: round.id)
            return ("round.delete", round.title)
        }
    }

    /// One change of a round's life: the store call (returning its audit action and detail) and the audit
    /// line in one transaction, then the round page (or `then`); when the store refuses, the round page with the reason.
    private func changeRound(_ round: Stored<SurveyRound>, _ organisation: Stored<Organisation>, _ context: RequestContext,
                             errorKey: String, notice: String, then path: String? = nil,
                             _ change: () throws -> (action: String, detail: String)) throws -> Response {
        do {
            try changing {
                let (action, detail) = try change()
                try auditChange(action, context, target: "round:\(round.id)", detail: detail)
            }
        } catch {
            return try refused(error, round, organisation, context, message: errorKey)
        }
        return context.redirect(path ?? Paths.round(round.id), notice: notice)
    }

    /// The round page again with why the action was refused (the round is in another state by now).
    private func refused(_ error: Error, _ round: Stored<SurveyRound>, _ organisation: Stored<Organisation>,
                         _ context: RequestContext, message: String) throws -> Response {
        guard let storageError = error as? StorageError, case .invalid = storageError else { throw error }
        let current = try rounds.round(id: round.id) ?? round
        var errors = FormErrors()
        errors.add("round-actions", context.strings.text(message))
        return try renderRound(current, organisation, context, errors: errors, status: .conflict)
    }
}
