import Foundation
import HTTPServer
import Metrics
import Storage

/// One cycle in HR's list.
struct CycleRowView {
    let title: String
    let href: String
    let dates: String
    let scope: String
    let running: Bool
}

/// A top-level unit HR may pick for a cycle's scope.
struct ScopeChoiceView {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}

struct CyclesPageView {
    let crumbs: [Crumb]
    let cycles: [CycleRowView]
    let hasCycles: Bool
    let errors: [ErrorLink]
    let hasErrors: Bool
    let createAction: String
    let titleField: FieldView
    let startsField: FieldView
    let endsField: FieldView
    let scope: [ScopeChoiceView]
    let settingsAction: String
    let hrSeesContent: Bool
    let questions: [QuestionRowView]
    let hasQuestions: Bool
    let canAddQuestion: Bool
    let questionAction: String
    let questionFields: [String: FieldView]
}

/// A preparation question in HR's list, with its retire button.
struct QuestionRowView {
    let text: String
    let retireAction: String
    let retireLabel: String
    let canRetire: Bool
}

/// One unit's line of a cycle's counts.
struct CycleUnitRowView {
    let unit: String
    let staff: String
    let opened: String
    let held: String
    let signed: String
    let withPlan: String
}

struct CyclePageView {
    /// Closing the loop for the organisation (kept: it reads every plan and completion of the cycle).
    let loopHTML: String
    let crumbs: [Crumb]
    let heading: String
    let dates: String
    let total: CycleUnitRowView
    let units: [CycleUnitRowView]
    let hasUnits: Bool
    let visibility: String
}

extension WebApp {
    /// The questions an organisation starts with when HR opens its first cycle; HR edits them after.
    static let defaultDiscussionQuestions: [LocalisedText] = [
        LocalisedText(fi: "Missä digitaalisissa työtehtävissä onnistuit tänä vuonna?",
                      sv: "I vilka digitala arbetsuppgifter lyckades du i år?",
                      en: "Which digital tasks at work went well for you this year?"),
        LocalisedText(fi: "Mikä digitaalinen työväline tai tehtävä tuntuu vaikealta?",
                      sv: "Vilket digitalt verktyg eller vilken uppgift känns svår?",
                      en: "Which digital tool or task feels difficult?"),
        LocalisedText(fi: "Mitä haluaisit oppia seuraavaksi?", sv: "Vad vill du lära dig härnäst?",
                      en: "What would you like to learn next?"),
        LocalisedText(fi: "Millaista tukea toivot esihenkilöltä tai digitutorilta?",
                      sv: "Vilket stöd önskar du av din chef eller digitutorn?",
                      en: "What support would you like from your supervisor or digitutor?"),
    ]

    func showDiscussionCycles(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderCycles(organisation, context, values: [:], chosen: [], errors: FormErrors())
    }

    /// How many preparation questions an organisation has: 3–5, short enough for a phone.
    static let discussionQuestionRange = 3...5

    /// Adds a preparation question (Finnish required, Swedish and English optional), at most five.
    func addDiscussionQuestion(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        let strings = context.strings
        var values: [String: String] = [:]
        for name in ["question_fi", "question_sv", "question_en"] {
            values[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var errors = FormErrors()
        if (values["question_fi"] ?? "").isEmpty { errors.add("question_fi", strings.text("discussions_error_question")) }
        for name in ["question_fi", "question_sv", "question_en"] where (values[name] ?? "").count > 300 {
            errors.add(name, strings.format("discussions_error_too_long", ["limit": "300"]))
        }
        let active = try discussionStore.questions(organisationID: organisation.id).count
        if active >= Self.discussionQuestionRange.upperBound {
            errors.add("question_fi", strings.text("discussions_error_five_questions"))
        }
        guard errors.isEmpty else {
            return try renderCycles(organisation, context, values: values, chosen: [], errors: errors, status: .unprocessableContent)
        }
        try changing {
            let question = try discussionStore.addQuestion(organisationID: organisation.id, text: LocalisedText(
                fi: values["question_fi"] ?? "", sv: values["question_sv"] ?? "", en: values["question_en"] ?? ""))
            try auditChange("discussion.question.add", context, target: "organisation:\(organisation.id)", detail: "question \(question.id)")
        }
        return context.redirect(Paths.discussionCycles(organisation.slug) + "#questions-heading", notice: "saved")
    }

    /// Retires a question; answers already given to it stay readable. At least three remain.
    func retireDiscussionQuestion(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let questionID = try context.questionID
        let active = try discussionStore.questions(organisationID: organisation.id)
        guard active.contains(where: { $0.id == questionID }) else { throw AppError.notFound }
        guard active.count > Self.discussionQuestionRange.lowerBound else {
            var errors = FormErrors()
            errors.add("questions-heading", context.strings.text("discussions_error_three_questions"))
            return try renderCycles(organisation, context, values: [:], chosen: [], errors: errors, status: .unprocessableContent)
        }
        try changing {
            if try discussionStore.retireQuestion(id: questionID, organisationID: organisation.id) {
                try auditChange("discussion.question.retire", context, target: "organisation:\(organisation.id)", detail: "question \(questionID)")
            }
        }
        return context.redirect(Paths.discussionCycles(organisation.slug) + "#questions-heading", notice: "saved")
    }

    /// Opens a cycle with its dates and the units in it (none chosen: the whole organisation).
    func createDiscussionCycle(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        let strings = context.strings
        var values: [String: String] = [:]
        for name in ["title", "starts_on", "ends_on"] { values[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors = FormErrors()
        let title = values["title"] ?? ""
        if title.isEmpty || title.count > 200 { errors.add("title", strings.text("discussions_error_cycle_title")) }
        let starts = CivilDay(iso: values["starts_on"] ?? "")
        if starts == nil { errors.add("starts_on", strings.text("discussions_error_date")) }
        let ends = CivilDay(iso: values["ends_on"] ?? "")
        if ends == nil { errors.add("ends_on", strings.text("discussions_error_date")) }
        if let starts, let ends, ends < starts { errors.add("ends_on", strings.text("discussions_error_ends_before")) }
        let topUnits = Set(try units.units(organisationID: organisation.id).filter { $0.parentID == nil }.map(\.id))
        let chosen = form.values("unit_id").compactMap(Int64.init)
        if chosen.contains(where: { !topUnits.contains($0) }) { errors.add("scope", strings.text("discussions_error_scope")) }
        guard let starts, let ends, errors.isEmpty else {
            return try renderCycles(organisation, context, values: values, chosen: Set(chosen), errors: errors, status: .unprocessableContent)
        }
        let cycle = try changing {
            if try discussionStore.questions(organisationID: organisation.id, includeRetired: true).isEmpty {
                for question in Self.defaultDiscussionQuestions { try discussionStore.addQuestion(organisationID: organisation.id, text: question) }
            }
            let cycle = try discussionStore.createCycle(
                DiscussionCycle(organisationID: organisation.id, title: title, startsOn: starts.iso, endsOn: ends.iso,
                                createdBy: context.principal?.userID, now: settings.now()), unitIDs: chosen)
            try auditChange("discussion.cycle.create", context, target: "discussion-cycle:\(cycle.id)")
            return cycle
        }
        return context.redirect(Paths.discussionCycle(cycle.id), notice: "saved")
    }

    /// Whether HR sees discussions' content (`1`) or only counts; the discussion page tells the
    /// employee which.
    func saveDiscussionSettings(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let sees = try context.requireForm()["hr_sees_content"] == "1"
        try changing {
            try discussionStore.setHRSeesContent(organisationID: organisation.id, sees, now: settings.now())
            try auditChange("discussion.settings", context, target: "organisation:\(organisation.id)", detail: sees ? "content" : "counts")
        }
        return context.redirect(Paths.discussionCycles(organisation.slug), notice: "saved")
    }

    private func renderCycles(_ organisation: Stored<Organisation>, _ context: RequestContext, values: [String: String],
                              chosen: Set<Int64>, errors: FormErrors, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let today = CivilDay.today(settings.now()).iso
        let unitNames = Dictionary(try units.units(organisationID: organisation.id).map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        let cycles = try discussionStore.cycles(organisationID: organisation.id).map { cycle in
            let scope = try discussionStore.cycleUnitIDs(cycleID: cycle.id).compactMap { unitNames[$0] }.sorted()
            return CycleRowView(title: cycle.title, href: Paths.discussionCycle(cycle.id),
                                dates: strings.date(cycle.startsOn) + "–" + strings.date(cycle.endsOn),
                                scope: scope.isEmpty ? strings.text("discussions_scope_all") : scope.joined(separator: ", "),
                                running: cycle.record.isRunning(on: today))
        }
        let top = try units.units(organisationID: organisation.id).filter { $0.parentID == nil && $0.active }.sorted { $0.name < $1.name }
        let title = strings.text("discussions_cycles_title")
        let language = strings.language.rawValue
        let active = try discussionStore.questions(organisationID: organisation.id)
        let questions = active.map { question in
            QuestionRowView(text: question.text.text(language), retireAction: Paths.retireDiscussionQuestion(organisation.slug, question.id),
                            retireLabel: strings.format("discussions_retire_question", ["question": question.text.text(language)]),
                            canRetire: active.count > Self.discussionQuestionRange.lowerBound)
        }
        var questionFields: [String: FieldView] = [:]
        for name in ["question_fi", "question_sv", "question_en"] {
            questionFields[name] = FieldView(name: name, value: values[name] ?? "", error: errors[name])
        }
        return try context.render("discussions/cycles", title: title + " – " + organisation.name, CyclesPageView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.discussionCycles(organisation.slug), title)]),
            cycles: cycles, hasCycles: !cycles.isEmpty, errors: errors.links, hasErrors: !errors.isEmpty,
            createAction: Paths.discussionCycles(organisation.slug),
            titleField: FieldView(name: "title", value: values["title"] ?? "", error: errors["title"]),
            startsField: FieldView(name: "starts_on", value: values["starts_on"] ?? "", error: errors["starts_on"]),
            endsField: FieldView(name: "ends_on", value: values["ends_on"] ?? "", error: errors["ends_on"]),
            scope: top.map { ScopeChoiceView(id: "unit-\($0.id)", value: String($0.id), label: $0.name, checked: chosen.contains($0.id)) },
            settingsAction: Paths.discussionSettings(organisation.slug),
            hrSeesContent: try discussionStore.hrSeesContent(organisationID: organisation.id),
            questions: questions, hasQuestions: !questions.isEmpty,
            canAddQuestion: !active.isEmpty && active.count < Self.discussionQuestionRange.upperBound,
            questionAction: Paths.discussionQuestions(organisation.slug), questionFields: questionFields), status: status)
    }

    /// A cycle's counts per unit for HR: staff, discussions opened, held, signed, and with a plan.
    /// Whether a discussion was held is an administrative fact HR follows per unit (as it follows
    /// onboarding), not a figure about people's competence; no content is shown here.
    func showDiscussionCycle(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let cycle = try discussionStore.cycle(id: try context.cycleID) else { throw AppError.notFound }
        try context.require(context.access.canManageOrganisation(cycle.organisationID))
        guard let organisation = try organisations.organisation(id: cycle.organisationID) else { throw AppError.notFound }
        let strings = context.strings
        let unitNames = Dictionary(try units.units(organisationID: organisation.id).map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        let counts = try discussionStore.unitCounts(cycleID: cycle.id, organisationID: organisation.id)
        func row(_ name: String, _ numbers: [Int]) -> CycleUnitRowView {
            let text = numbers.map { strings.number($0) }
            return CycleUnitRowView(unit: name, staff: text[0], opened: text[1], held: text[2], signed: text[3], withPlan: text[4])
        }
        func numbers(_ count: DiscussionUnitCounts) -> [Int] { [count.staff, count.opened, count.held, count.signed, count.withPlan] }
        let total = counts.map(numbers).reduce([0, 0, 0, 0, 0]) { sum, next in zip(sum, next).map { $0 + $1 } }
        let rows = counts.map { row(unitNames[$0.unitID] ?? "", numbers($0)) }.sorted { $0.unit < $1.unit }
        let hrSees = try discussionStore.hrSeesContent(organisationID: organisation.id)
        let key = CacheKey(family: "discussion-loop:\(cycle.id)|\(database.commitCount)",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: CivilDay.today(settings.now()).iso)
        let loopHTML = try context.renderPartCached("discussions/loop-part", key: key) { try planLoop(cycle, unitID: nil, strings) }
        return try context.render("discussions/cycle", title: cycle.title, CyclePageView(
            loopHTML: loopHTML,
            crumbs: organisationCrumbs(organisation, strings, then: [
                (Paths.discussionCycles(organisation.slug), strings.text("discussions_cycles_title")),
                (Paths.discussionCycle(cycle.id), cycle.title)]),
            heading: cycle.title, dates: strings.date(cycle.startsOn) + "–" + strings.date(cycle.endsOn),
            total: row(strings.text("discussions_all_units"), total), units: rows, hasUnits: !rows.isEmpty,
            visibility: strings.text(hrSees ? "discussions_hr_sees_content" : "discussions_hr_sees_counts")))
    }
}
