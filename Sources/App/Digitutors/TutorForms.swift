import Foundation
import HTTPServer
import Metrics
import Storage

/// The form that names a tutor or changes one, as typed and checked.
struct TutorFormInput {
    var hrNumber = ""
    var unitNames = ""
    var includesSubunits = true
    var topicIDs: Set<String> = []
    var languages: Set<String> = ["fi"]
    var hours = ""
    var askAnytime = false
    var contactNote = ""
    var plannedEnd = ""
    var activeFrom = ""
    var errors = FormErrors()
    private(set) var checked: (employee: Stored<Employee>?, draft: TutorDraft, activeFrom: String)?

    init(today: CivilDay) {
        activeFrom = today.iso
    }

    /// The form of an existing tutor.
    init(_ tutor: TutorDetails, unitNames names: [Int64: String]) {
        unitNames = tutor.units.compactMap { names[$0.unitID] }.joined(separator: "\n")
        includesSubunits = tutor.units.allSatisfy(\.includesSubunits)
        topicIDs = Set(tutor.topicIDs.map(String.init))
        languages = Set(tutor.tutor.languageCodes)
        hours = tutor.hours.map { "\(Self.weekdayCodes[$0.weekday - 1]) \($0.starts)-\($0.ends) \($0.place)" }
            .joined(separator: "\n")
        askAnytime = tutor.tutor.askAnytime
        contactNote = tutor.tutor.contactNote
        plannedEnd = tutor.tutor.plannedEndOn ?? ""
    }

    static let weekdayCodes = ["ma", "ti", "ke", "to", "pe", "la", "su"]
    /// Weekday words in Finnish, Swedish and English (and 1–7), for the office-hour lines.
    static let weekdays: [String: Int] = {
        var table: [String: Int] = [:]
        let names = [["ma", "maanantai", "mån", "måndag", "mon", "monday"], ["ti", "tiistai", "tis", "tisdag", "tue", "tuesday"],
                     ["ke", "keskiviikko", "ons", "onsdag", "wed", "wednesday"], ["to", "torstai", "tor", "torsdag", "thu", "thursday"],
                     ["pe", "perjantai", "fre", "fredag", "fri", "friday"], ["la", "lauantai", "lör", "lördag", "sat", "saturday"],
                     ["su", "sunnuntai", "sön", "söndag", "sun", "sunday"]]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
            table[String(index + 1)] = index + 1
        }
        return table
    }()

    /// "ti 12:30-13:00 Taukotila" → an office hour; nil when the line is not one.
    static func officeHour(_ line: String) -> OfficeHour? {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, let weekday = weekdays[parts[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,"))]
        else { return nil }
        let times = parts[1].replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: ".", with: ":")
            .split(separator: "-").map { time -> String in
                let pieces = time.split(separator: ":")
                guard pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]),
                      (0...23).contains(hour), (0...59).contains(minute) else { return "" }
                return String(format: "%02d:%02d", hour, minute)
            }
        guard times.count == 2, !times[0].isEmpty, !times[1].isEmpty, times[0] < times[1] else { return nil }
        let place = parts.count > 2 ? parts[2].trimmingCharacters(in: .whitespaces) : ""
        guard place.count <= 100 else { return nil }
        return OfficeHour(weekday: weekday, starts: times[0], ends: times[1], place: place)
    }

    init(form: FormInput, organisationID: Int64, isNew: Bool, coordinatorUserID: Int64?, topics: Set<Int64>,
         units: [String: Int64], find: (String) throws -> Stored<Employee>?, strings: Strings) throws {
        hrNumber = (form["hr_number"] ?? "").trimmingCharacters(in: .whitespaces)
        unitNames = form["unit_names"] ?? ""
        includesSubunits = form["includes_subunits"] == "yes"
        topicIDs = Set(form.values("topic_ids"))
        languages = Set(form.values("languages"))
        hours = form["hours"] ?? ""
        askAnytime = form["ask_anytime"] == "yes"
        contactNote = form["contact_note"] ?? ""
        plannedEnd = (form["planned_end_on"] ?? "").trimmingCharacters(in: .whitespaces)
        activeFrom = (form["active_from"] ?? "").trimmingCharacters(in: .whitespaces)

        var employee: Stored<Employee>?
        if isNew {
            employee = hrNumber.isEmpty ? nil : try find(hrNumber)
            if employee == nil { errors.add("hr_number", strings.text("tutors_error_hr_number")) }
            if CivilDay(iso: activeFrom) == nil { errors.add("active_from", strings.text("tutors_error_date")) }
        }
        var served: [TutorUnit] = []
        for line in unitNames.split(whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            guard let id = units[name.lowercased()] else {
                errors.add("unit_names", strings.format("tutors_error_unit", ["name": name]))
                break
            }
            served.append(TutorUnit(unitID: id, includesSubunits: includesSubunits))
        }
        if served.isEmpty, errors["unit_names"] == nil { errors.add("unit_names", strings.text("tutors_error_units")) }
        let chosenTopics = topicIDs.compactMap(Int64.init)
        if chosenTopics.count != topicIDs.count || !Set(chosenTopics).isSubset(of: topics) {
            errors.add("topic_ids", strings.text("trainings_error_choose"))
        }
        let codes = ["fi", "sv", "en"].filter(languages.contains)
        if codes.isEmpty || codes.count != languages.count { errors.add("languages", strings.text("tutors_error_languages")) }
        var officeHours: [OfficeHour] = []
        for line in hours.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let hour = Self.officeHour(String(line)) else {
                errors.add("hours", strings.format("tutors_error_hour", ["line": String(line)]))
                break
            }
            officeHours.append(hour)
        }
        let note = TrainingFieldRules.line(contactNote, limit: 200, required: false)
        if let problem = note.problem { errors.add("contact_note", strings.text(problem)) }
        if !plannedEnd.isEmpty, CivilDay(iso: plannedEnd) == nil { errors.add("planned_end_on", strings.text("tutors_error_date")) }
        guard errors.isEmpty else { return }
        let tutor = Tutor(organisationID: organisationID, employeeID: employee?.id ?? 0, coordinatorUserID: coordinatorUserID,
                          languages: codes, askAnytime: askAnytime, contactNote: note.text,
                          plannedEndOn: plannedEnd.isEmpty ? nil : plannedEnd)
        checked = (employee, TutorDraft(tutor: tutor, units: served, topicIDs: chosenTopics, hours: officeHours), activeFrom)
    }
}

extension WebApp {
    /// The organisation named by `:slug`, for its tutor coordinators, HR and administrators (404 for
    /// anyone else, supervisors included).
    func networkOrganisation(_ context: RequestContext) throws -> Stored<Organisation> {
        guard let organisation = try organisations.organisation(slug: try context.slug) else { throw AppError.notFound }
        try context.require(keepsNetwork(organisation.id, context))
        return organisation
    }

    func keepsNetwork(_ organisationID: Int64, _ context: RequestContext) -> Bool {
        guard let principal = context.principal else { return false }
        return context.access.canManageOrganisation(organisationID) || principal.coordinatorOrganisationIDs.contains(organisationID)
    }

    /// The tutor named by `:tutorID` with their organisation, for those who keep its network.
    func keptTutor(_ context: RequestContext) throws -> (TutorDetails, Stored<Organisation>) {
        guard let tutor = try tutorStore.tutor(id: try context.tutorID),
              let organisation = try organisations.organisation(id: tutor.tutor.organisationID),
              keepsNetwork(organisation.id, context) else { throw AppError.notFound }
        return (tutor, organisation)
    }

    func showNewTutor(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        return try renderTutorForm(organisation, context, input: TutorFormInput(today: CivilDay.today()), tutor: nil)
    }

    func createTutor(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let input = try tutorInput(context, organisation, isNew: true)
        guard let checked = input.checked, let employee = checked.employee else {
            return try renderTutorForm(organisation, context, input: input, tutor: nil, status: .unprocessableContent)
        }
        var draft = checked.draft
        draft.tutor.employeeID = employee.id
        do {
            try changing {
                let tutor = try tutorStore.create(draft, activeFrom: checked.activeFrom, by: context.principal?.userID)
                try auditChange("tutor.create", context, target: "tutor:\(tutor.id)", detail: "employee \(employee.id)")
            }
        } catch StorageError.conflict {
            var refused = input
            refused.errors.add("hr_number", context.strings.text("tutors_error_already"))
            return try renderTutorForm(organisation, context, input: refused, tutor: nil, status: .unprocessableContent)
        }
        return context.redirect(Paths.tutorNetwork(organisation.slug), notice: "created")
    }

    func showTutor(_ request: Request, _ context: RequestContext) throws -> Response {
        let (tutor, organisation) = try keptTutor(context)
        let names = Dictionary(uniqueKeysWithValues: try units.units(organisationID: organisation.id).map { ($0.id, $0.name) })
        return try renderTutorForm(organisation, context, input: TutorFormInput(tutor, unitNames: names), tutor: tutor)
    }

    func updateTutor(_ request: Request, _ context: RequestContext) throws -> Response {
        let (tutor, organisation) = try keptTutor(context)
        let input = try tutorInput(context, organisation, isNew: false)
        guard let checked = input.checked else {
            return try renderTutorForm(organisation, context, input: input, tutor: tutor, status: .unprocessableContent)
        }
        var draft = checked.draft
        draft.tutor.employeeID = tutor.tutor.employeeID
        draft.tutor.coordinatorUserID = tutor.tutor.coordinatorUserID ?? context.principal?.userID
        try changing {
            try tutorStore.update(tutor.tutor.id, draft)
            try auditChange("tutor.update", context, target: "tutor:\(tutor.tutor.id)")
        }
        return context.redirect(Paths.tutor(tutor.tutor.id), notice: "saved")
    }

    /// A change of status from a day on (the history keeps every change).
    func changeTutorStatus(_ request: Request, _ context: RequestContext) throws -> Response {
        let (tutor, _) = try keptTutor(context)
        let form = try context.requireForm()
        guard let status = TutorStatus(rawValue: form["status"] ?? ""), let day = CivilDay(iso: form["from_on"] ?? "") else {
            throw AppError.badRequest
        }
        try changing {
            try tutorStore.setStatus(tutor.tutor.id, status, from: day.iso, by: context.principal?.userID)
            try auditChange("tutor.status", context, target: "tutor:\(tutor.tutor.id)", detail: "\(status.rawValue) from \(day.iso)")
        }
        return context.redirect(Paths.tutor(tutor.tutor.id), notice: "saved")
    }

    private func tutorInput(_ context: RequestContext, _ organisation: Stored<Organisation>, isNew: Bool) throws -> TutorFormInput {
        var unitsByName: [String: Int64] = [:]
        for unit in try units.units(organisationID: organisation.id) { unitsByName[unit.name.lowercased()] = unit.id }
        return try TutorFormInput(
            form: try context.requireForm(), organisationID: organisation.id, isNew: isNew,
            coordinatorUserID: context.principal?.userID,
            topics: Set(try tutorStore.topics(organisationID: organisation.id).map(\.id)), units: unitsByName,
            find: { number in try employees.activeEmployees(organisationID: organisation.id, hrNumbers: [number])[number] },
            strings: context.strings)
    }

    private func renderTutorForm(_ organisation: Stored<Organisation>, _ context: RequestContext, input: TutorFormInput,
                                 tutor: TutorDetails?, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let errors = input.errors
        var who: [FormFieldView] = []
        if tutor == nil {
            who.append(FormFieldView(.text, name: "hr_number", value: input.hrNumber, label: strings.text("tutors_field_hr_number"),
                                     error: errors["hr_number"], required: true, maxLength: 40))
            who.append(FormFieldView(.date, name: "active_from", value: input.activeFrom, label: strings.text("tutors_field_active_from"),
                                     error: errors["active_from"], required: true))
        }
        let topics = try tutorStore.topics(organisationID: organisation.id).map {
            CheckboxItemView(id: "topic-\($0.id)", value: String($0.id), label: $0.name.text(strings.language.rawValue),
                             checked: input.topicIDs.contains(String($0.id)))
        }
        let fields: [FormFieldView] = who + [
            FormFieldView(.textarea, name: "unit_names", value: input.unitNames, label: strings.text("tutors_field_units"),
                          hint: strings.text("tutors_field_units_hint"), error: errors["unit_names"], required: true),
            FormFieldView(.checkbox, name: "includes_subunits", label: strings.text("tutors_field_subunits"),
                          hint: strings.text("tutors_field_subunits_hint"), checked: input.includesSubunits),
            FormFieldView(.checkboxes, name: "topic_ids", label: strings.text("tutors_topics"), error: errors["topic_ids"], items: topics),
            FormFieldView(.checkboxes, name: "languages", label: strings.text("tutors_languages"), error: errors["languages"],
                          items: ["fi", "sv", "en"].map {
                              CheckboxItemView(id: "language-\($0)", value: $0, label: strings.languageName($0),
                                               checked: input.languages.contains($0))
                          }),
            FormFieldView(.textarea, name: "hours", value: input.hours, label: strings.text("tutors_field_hours"),
                          hint: strings.text("tutors_field_hours_hint"), error: errors["hours"]),
            FormFieldView(.checkbox, name: "ask_anytime", label: strings.text("tutors_ask_anytime"), checked: input.askAnytime),
            FormFieldView(.text, name: "contact_note", value: input.contactNote, label: strings.text("tutors_field_contact"),
                          hint: strings.text("tutors_field_contact_hint"), error: errors["contact_note"]),
            FormFieldView(.date, name: "planned_end_on", value: input.plannedEnd, label: strings.text("tutors_field_planned_end"),
                          hint: strings.text("tutors_field_planned_end_hint"), error: errors["planned_end_on"]),
        ]
        let heading = tutor.map { strings.format("tutors_edit_heading", ["name": $0.firstName + " " + $0.lastName]) }
            ?? strings.text("tutors_new_heading")
        let action = tutor.map { Paths.tutor($0.tutor.id) } ?? Paths.newTutor(organisation.slug)
        let view = TrainingFormView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.tutorNetwork(organisation.slug), strings.text("tutors_network_title")),
                                                                     (action, heading)]),
            heading: heading, intro: "", hasIntro: false, action: action,
            submitLabel: strings.text(tutor == nil ? "tutors_create" : "tutors_save"),
            sections: [FormSectionView(fields)], errors: errors.links, hasErrors: !errors.isEmpty)
        guard let tutor else { return try context.render("trainings/form", title: heading, view, status: status) }
        let today = CivilDay.today().iso
        let training = try tutorTrainingStatuses(organisation.id, tutors: [tutor], on: CivilDay.today(settings.now()))
        return try context.render("digitutors/tutor", title: heading, TutorPageView(
            training: training.cells(of: tutor.tutor.id, strings),
            trainingInfo: tutorTrainingView(training, organisation: organisation, withCounts: false, context),
            form: view, statusAction: Paths.tutorStatus(tutor.tutor.id), today: today,
            current: strings.text("tutors_status_" + (tutor.status(on: today)?.rawValue ?? "ended")),
            history: tutor.history.reversed().map { strings.format("tutors_history_line", [
                "status": strings.text("tutors_status_" + $0.status.rawValue), "date": strings.date($0.fromOn)]) },
            statuses: TutorStatus.allCases.map { SelectOption(value: $0.rawValue, label: strings.text("tutors_status_" + $0.rawValue),
                                                              selected: false) }), status: status)
    }
}

struct TutorPageView {
    /// The tutor's status in each requirement aimed at digitutors.
    let training: [TutorTrainingCell]
    let trainingInfo: TutorTrainingView
    let form: TrainingFormView
    let statusAction: String
    let today: String
    let current: String
    let history: [String]
    let statuses: [SelectOption]
}
