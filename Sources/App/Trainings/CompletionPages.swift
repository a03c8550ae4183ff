import Foundation
import HTTPServer
import Storage

/// One entry of a person's completion history, corrections shown as such.
struct CompletionHistoryRow {
    let anchor: String
    let number: String
    let date: String
    let training: String
    let kind: String
    let session: String
    let note: String
    let status: String
    let inForce: Bool
    let recorded: String
}

struct CompletionsView {
    let crumbs: [Crumb]
    let name: String
    let employeeHref: String
    let rows: [CompletionHistoryRow]
    let hasRows: Bool
    let action: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let training: SelectFieldView
    let date: FieldView
    let note: FieldView
    let entry: SelectFieldView
    let hasEntries: Bool
    let withdrawChecked: Bool
    let newDate: FieldView
    let reason: FieldView
    let earliestDate: String
    let noteMaximum: Int
}

/// What was typed into the two forms of the completions page.
struct CompletionFormInput {
    var training = ""
    var date = ""
    var note = ""
    var entry = ""
    var mode = "withdraw"
    var newDate = ""
    var reason = ""
}

extension WebApp {
    /// Earliest completion date HR may record, and the longest note or reason.
    static let earliestCompletionDate = "1990-01-01"
    static let completionNoteLength = 500

    /// A person's completion history (entries in force and the corrections), with forms to record
    /// external evidence and to correct or withdraw an entry, for HR of the person's organisation.
    func showEmployeeCompletions(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        return try renderCompletions(employee, context, input: CompletionFormInput(), errors: FormErrors())
    }

    /// Appends external evidence HR approved, or a correction naming the entry it corrects.
    func changeEmployeeCompletions(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        let form = try context.requireForm()
        if form["form"] == "correction" {
            return try correctCompletion(employee, form, context)
        }
        return try recordExternalCompletion(employee, form, context)
    }

    private func recordExternalCompletion(_ employee: Stored<Employee>, _ form: FormInput,
                                          _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let input = CompletionFormInput(training: form["training"] ?? "", date: form["date"] ?? "",
                                        note: form["note"] ?? "")
        var errors = FormErrors()
        let trainings = try trainingCatalogue.trainings(visibleTo: employee.organisationID, includeRetired: true)
        let training = Int64(input.training).flatMap { id in trainings.first { $0.id == id } }
        if training == nil { errors.add("training", strings.text("trainingattendance_completions_error_training")) }
        let date = completionDate(input.date, field: "date", &errors, strings)
        checkText(input.note, field: "note", required: "trainingattendance_completions_error_note", &errors, strings)
        guard errors.isEmpty, let training, let date else {
            return try renderCompletions(employee, context, input: input, errors: errors, status: .unprocessableContent)
        }
        let userID = context.principal?.userID
        let now = settings.now()
        try changing {
            let entry = try completions.record(Completion(
                employeeID: employee.id, trainingID: training.id, sessionID: nil, kind: .external, completedOn: date,
                note: input.note, recordedAt: now, recordedBy: userID))
            try auditChange("training.completion.external", context, target: "employee:\(employee.id)",
                            detail: "entry \(entry.id), training \(training.id), \(date)")
        }
        return context.redirect(Paths.employeeCompletions(employee.id), notice: "saved")
    }

    private func correctCompletion(_ employee: Stored<Employee>, _ form: FormInput,
                                   _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let input = CompletionFormInput(entry: form["entry"] ?? "", mode: form["mode"] == "date" ? "date" : "withdraw",
                                        newDate: form["new_date"] ?? "", reason: form["reason"] ?? "")
        var errors = FormErrors()
        let inForce = try completions.inForce(employeeID: employee.id)
        let entry = Int64(input.entry).flatMap { id in inForce.first { $0.entry.id == id }?.entry }
        if entry == nil { errors.add("entry", strings.text("trainingattendance_completions_error_entry")) }
        var newDate: String?
        if input.mode == "date" {
            newDate = completionDate(input.newDate, field: "new_date", &errors, strings)
            if let newDate, newDate == entry?.completedOn {
                errors.add("new_date", strings.text("trainingattendance_completions_error_same_date"))
            }
        }
        checkText(input.reason, field: "reason", required: "trainingattendance_completions_error_reason", &errors, strings)
        guard errors.isEmpty, let entry else {
            return try renderCompletions(employee, context, input: input, errors: errors, status: .unprocessableContent)
        }
        var replacement: Completion?
        if let newDate {
            var changed = entry.record
            changed.completedOn = newDate
            replacement = changed
        }
        let userID = context.principal?.userID
        let now = settings.now()
        do {
            try changing {
                let correction = try completions.correct(entry.id, replacement: replacement, note: input.reason,
                                                         recordedBy: userID, now: now)
                try auditChange("training.completion.correct", context, target: "employee:\(employee.id)",
                                detail: "entry \(correction.id) \(replacement == nil ? "withdraws" : "corrects") \(entry.id)")
            }
        } catch StorageError.conflict {
            errors.add("entry", strings.text("trainingattendance_completions_error_corrected"))
            return try renderCompletions(employee, context, input: input, errors: errors, status: .conflict)
        }
        return context.redirect(Paths.employeeCompletions(employee.id), notice: "saved")
    }

    /// A completion date typed as 2026-03-01 or 1.3.2026: not in the future, not before 1990.
    private func completionDate(_ text: String, field: String, _ errors: inout FormErrors, _ strings: Strings) -> String? {
        guard case .date(let date) = FieldRules.readDate(text) else {
            errors.add(field, strings.text("trainingattendance_completions_error_date"))
            return nil
        }
        if date > HelsinkiTime.date(settings.now()) {
            errors.add(field, strings.text("trainingattendance_completions_error_future"))
            return nil
        }
        if date < Self.earliestCompletionDate {
            errors.add(field, strings.format("trainingattendance_completions_error_early",
                                             ["date": strings.date(Self.earliestCompletionDate)]))
            return nil
        }
        return date
    }

    private func checkText(_ text: String, field: String, required: String, _ errors: inout FormErrors, _ strings: Strings) {
        if text.isEmpty {
            errors.add(field, strings.text(required))
        } else if text.count > Self.completionNoteLength {
            errors.add(field, strings.format("trainingattendance_completions_error_long",
                                             ["maximum": strings.number(Self.completionNoteLength)]))
        } else if FieldRules.hasControlCharacter(text) {
            errors.add(field, strings.text("trainingattendance_completions_error_control"))
        }
    }

    private func renderCompletions(_ employee: Stored<Employee>, _ context: RequestContext, input: CompletionFormInput,
                                   errors: FormErrors, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let history = try completions.history(employeeID: employee.id)
        let inForce = try completions.inForce(employeeID: employee.id)
        var titles: [Int64: String] = [:]
        for id in Set(history.map(\.trainingID)) {
            titles[id] = try trainingCatalogue.training(id: id)?.title.text(language) ?? ""
        }
        var logins: [Int64: String] = [:]
        for id in Set(history.compactMap(\.recordedBy)) {
            logins[id] = try users.user(id: id)?.login ?? ""
        }
        var starts: [Int64: String] = [:]
        for id in Set(history.compactMap(\.sessionID)) {
            starts[id] = try trainingSessions.session(id: id).map { AttendanceText.sessionTime($0.record, strings) } ?? ""
        }
        let correctedBy = Dictionary(history.compactMap { entry in entry.correctsID.map { ($0, entry.id) } },
                                     uniquingKeysWith: { first, _ in first })
        let inForceIDs = Set(inForce.map(\.entry.id))
        let rows = history.reversed().map { entry in
            CompletionHistoryRow(
                anchor: "entry-\(entry.id)", number: "#\(entry.id)", date: strings.date(entry.completedOn),
                training: titles[entry.trainingID] ?? "", kind: completionKindText(entry.kind, strings),
                session: entry.sessionID.flatMap { starts[$0] } ?? "", note: entry.note,
                status: statusText(entry, correctedBy: correctedBy[entry.id], inForce: inForceIDs.contains(entry.id), strings),
                inForce: inForceIDs.contains(entry.id),
                recorded: AttendanceText.dateTime(entry.recordedAt, strings)
                    + (entry.recordedBy.flatMap { logins[$0] }.map { ", " + $0 } ?? ""))
        }
        let trainings = try trainingCatalogue.trainings(visibleTo: employee.organisationID, includeRetired: true)
        let trainingOptions = [SelectOption(value: "", label: strings.text("trainingattendance_completions_choose"),
                                            selected: input.training.isEmpty)]
            + trainings.map { SelectOption(value: String($0.id), label: $0.title.text(language),
                                           selected: input.training == String($0.id)) }
        let entryOptions = [SelectOption(value: "", label: strings.text("trainingattendance_completions_choose"),
                                         selected: input.entry.isEmpty)]
            + inForce.map { item in
                SelectOption(value: String(item.entry.id),
                             label: "#\(item.entry.id) \(strings.date(item.entry.completedOn)) \(item.training.title.text(language))"
                                 + " (\(completionKindText(item.entry.kind, strings)))",
                             selected: input.entry == String(item.entry.id))
            }
        let title = strings.text("trainingattendance_completions_title")
        let name = employee.firstName + " " + employee.lastName
        let view = CompletionsView(
            crumbs: [Crumb(href: Paths.employee(employee.id), label: name, current: false),
                     Crumb(href: Paths.employeeCompletions(employee.id), label: title, current: true)],
            name: name, employeeHref: Paths.employee(employee.id), rows: rows, hasRows: !rows.isEmpty,
            action: Paths.employeeCompletions(employee.id), errors: errors.links, hasErrors: !errors.isEmpty,
            training: SelectFieldView(field: FieldView(name: "training", value: input.training, error: errors["training"]),
                                      options: trainingOptions),
            date: FieldView(name: "date", value: input.date, error: errors["date"], hintID: "date-hint"),
            note: FieldView(name: "note", value: input.note, error: errors["note"], hintID: "note-hint"),
            entry: SelectFieldView(field: FieldView(name: "entry", value: input.entry, error: errors["entry"]),
                                   options: entryOptions),
            hasEntries: !inForce.isEmpty, withdrawChecked: input.mode != "date",
            newDate: FieldView(name: "new_date", value: input.newDate, error: errors["new_date"], hintID: "new_date-hint"),
            reason: FieldView(name: "reason", value: input.reason, error: errors["reason"], hintID: "reason-hint"),
            earliestDate: strings.date(Self.earliestCompletionDate), noteMaximum: Self.completionNoteLength)
        return try context.render("trainings/completions-history", title: title + " – " + name, view, status: status)
    }

    func completionKindText(_ kind: CompletionKind, _ strings: Strings) -> String {
        strings.text("trainingattendance_kind_\(kind.rawValue)")
    }

    private func statusText(_ entry: Stored<Completion>, correctedBy: Int64?, inForce: Bool, _ strings: Strings) -> String {
        var parts: [String] = []
        if let corrects = entry.correctsID {
            parts.append(strings.format(entry.withdrawn ? "trainingattendance_status_withdraws" : "trainingattendance_status_corrects",
                                        ["entry": "#\(corrects)"]))
        }
        if let correctedBy {
            parts.append(strings.format("trainingattendance_status_corrected_by", ["entry": "#\(correctedBy)"]))
        } else if inForce {
            parts.append(strings.text("trainingattendance_status_in_force"))
        }
        return parts.joined(separator: "; ")
    }

    // MARK: - I watched the recording

    /// Records that the signed-in person watched the session's recording: a self-declared completion of
    /// its training, once per training unless that entry is corrected, while the recording is available.
    func recordRecordingWatched(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, reader, _) = try readableSession(context)
        guard let employee = reader.employee else { throw AppError.notFound }
        let session = listing.session
        let now = settings.now()
        guard TrainingWindows.recordingAvailable(session.record, at: now) else {
            return errorPage(.conflict, for: request, principal: context.principal,
                             reason: "trainingattendance_recording_unavailable",
                             title: "trainingattendance_recording_unavailable_title")
        }
        let userID = context.principal?.userID
        let trainingID = listing.training.id
        try changing {
            // Inside the write transaction, so two quick taps record one entry.
            let already = try completions.inForce(employeeID: employee.id).contains {
                $0.entry.trainingID == trainingID && $0.entry.kind == .recording
            }
            guard !already else { return }
            let entry = try completions.record(Completion(
                employeeID: employee.id, trainingID: trainingID, sessionID: session.id, kind: .recording,
                completedOn: HelsinkiTime.date(now), note: "", recordedAt: now, recordedBy: userID))
            try auditChange("training.recording-watched", context, target: "session:\(session.id)",
                            detail: "entry \(entry.id), employee \(employee.id)")
        }
        let back = context.safeReturnPath(context.form?["return"], fallback: Paths.trainingSession(session.id))
        return context.redirect(back, notice: "saved")
    }
}
