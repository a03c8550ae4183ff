import Foundation
import HTTPServer
import Storage

extension WebApp {
    /// How long a self check-in key is: 128 random bits, base64url.
    static let checkInKeyBytes = 16

    // MARK: New, edit, copy

    func showNewTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, organisation) = try keptTraining(context)
        var input = SessionFormInput()
        input.enrolment = EnrolmentMode.open.rawValue
        return try renderSessionForm(details.training, organisation, context, input: input, session: nil)
    }

    func createTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, organisation) = try keptTraining(context)
        let input = SessionFormInput(form: try context.requireForm(), units: try units.units(organisationID: organisation.id),
                                     strings: context.strings)
        guard let checked = input.checked else {
            return try renderSessionForm(details.training, organisation, context, input: input, session: nil,
                                         status: .unprocessableContent)
        }
        let session = try changing {
            let session = try trainingSessions.create(newSession(details.training.id, checked, request), unitIDs: checked.unitIDs)
            try auditChange("training-session.create", context, target: "training-session:\(session.id)")
            return session
        }
        return context.redirect(Paths.trainingSession(session.id), notice: "created")
    }

    func showEditTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, organisation) = try keptSession(context)
        let names = try unitNames(try trainingSessions.targetUnits(sessionID: listing.session.id))
        return try renderSessionForm(listing.training, organisation, context,
                                     input: SessionFormInput(session: listing.session.record, unitNames: names),
                                     session: listing.session)
    }

    func updateTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, organisation) = try keptSession(context)
        var input = SessionFormInput(form: try context.requireForm(), units: try units.units(organisationID: organisation.id),
                                     strings: context.strings)
        if let checked = input.checked {
            var session = listing.session
            session.startsAt = checked.startsAt
            session.endsAt = checked.endsAt
            session.place = checked.place
            session.meetingURL = checked.meetingURL
            session.trainerName = checked.trainerName
            session.capacity = checked.capacity
            session.enrolment = checked.enrolment
            session.recordingURL = checked.recordingURL
            session.recordingUntil = checked.recordingUntil
            do {
                try changing {
                    try trainingSessions.update(session, unitIDs: checked.unitIDs)
                    // A raised capacity gives places to the waiting list at once.
                    let promoted = try enrolments.promoteWaiting(sessionID: session.id)
                    try auditChange("training-session.update", context, target: "training-session:\(session.id)",
                                    detail: promoted.isEmpty ? nil : "promoted from the waiting list: \(promoted.count)")
                }
                return context.redirect(Paths.trainingSession(session.id), notice: "saved")
            } catch StorageError.invalid {
                input.errors.add("capacity", context.strings.format("trainings_error_capacity_below", [
                    "enrolled": context.strings.number(try trainingSessions.enrolledCount(sessionID: session.id)),
                ]))
            }
        }
        return try renderSessionForm(listing.training, organisation, context, input: input, session: listing.session,
                                     status: .unprocessableContent)
    }

    /// A copy of the session on a new day: same times, place, links, capacity and targets; a new
    /// calendar event and check-in key, no list, no recording.
    func showCopyTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, organisation) = try keptSession(context)
        let names = try unitNames(try trainingSessions.targetUnits(sessionID: listing.session.id))
        var input = SessionFormInput(session: listing.session.record, unitNames: names)
        input.date = HelsinkiTime.date(HelsinkiTime.adding(days: 7, to: listing.session.startsAt))
        input.recordingURL = ""
        input.recordingUntil = ""
        return try renderSessionForm(listing.training, organisation, context, input: input, session: nil,
                                     action: Paths.copyTrainingSession(listing.session.id))
    }

    func copyTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, organisation) = try keptSession(context)
        let input = SessionFormInput(form: try context.requireForm(), units: try units.units(organisationID: organisation.id),
                                     strings: context.strings)
        guard let checked = input.checked else {
            return try renderSessionForm(listing.training, organisation, context, input: input, session: nil,
                                         action: Paths.copyTrainingSession(listing.session.id), status: .unprocessableContent)
        }
        let copy = try changing {
            let copy = try trainingSessions.create(newSession(listing.training.id, checked, request), unitIDs: checked.unitIDs)
            try auditChange("training-session.copy", context, target: "training-session:\(copy.id)",
                            detail: "copy of training-session:\(listing.session.id)")
            return copy
        }
        return context.redirect(Paths.trainingSession(copy.id), notice: "created")
    }

    // MARK: Cancel

    func showCancelTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, organisation) = try keptSession(context)
        return try renderCancelForm(listing, organisation, context, reason: "", error: nil)
    }

    /// Cancels the session with a reason; the record, its list and its calendar event stay (marked
    /// cancelled), so nobody's history or calendar loses it silently.
    func cancelTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, organisation) = try keptSession(context)
        let reason = try context.requireForm()["reason"] ?? ""
        let line = TrainingFieldRules.line(reason, limit: TrainingFieldRules.reasonLimit, required: true)
        if let problem = line.problem {
            return try renderCancelForm(listing, organisation, context, reason: reason, error: context.strings.text(problem))
        }
        guard listing.session.status == .scheduled else { return context.redirect(Paths.trainingSession(listing.session.id)) }
        try changing {
            try trainingSessions.cancel(sessionID: listing.session.id, reason: line.text)
            try auditChange("training-session.cancel", context, target: "training-session:\(listing.session.id)",
                            detail: line.text)
        }
        return context.redirect(Paths.trainingSession(listing.session.id), notice: "session_cancelled")
    }

    private func renderCancelForm(_ listing: SessionListing, _ organisation: Stored<Organisation>, _ context: RequestContext,
                                  reason: String, error: String?) throws -> Response {
        let strings = context.strings
        let title = listing.training.title.text(strings.language.rawValue)
        let heading = strings.format("trainings_cancel_heading", ["title": title])
        var errors = FormErrors()
        if let error { errors.add("reason", error) }
        let view = TrainingFormView(
            crumbs: trainingCrumbs(strings, then: [
                (Paths.trainingSession(listing.session.id), strings.sessionTime(listing.session.startsAt, listing.session.endsAt)),
                (Paths.cancelTrainingSession(listing.session.id), heading),
            ]),
            heading: heading, intro: strings.text("trainings_cancel_intro"), hasIntro: true,
            action: Paths.cancelTrainingSession(listing.session.id), submitLabel: strings.text("trainings_cancel_submit"),
            sections: [FormSectionView([FormFieldView(.text, name: "reason", value: reason,
                                                      label: strings.text("trainings_field_cancel_reason"),
                                                      hint: strings.text("trainings_field_cancel_reason_hint"),
                                                      error: error, required: true, maxLength: TrainingFieldRules.reasonLimit)])],
            errors: errors.links, hasErrors: !errors.isEmpty)
        _ = organisation
        return try context.render("trainings/form", title: heading, view, status: error == nil ? .ok : .unprocessableContent)
    }

    // MARK: Shared

    /// The session named by `:sessionID` with its training and organisation, for catalogue keepers.
    func keptSession(_ context: RequestContext) throws -> (SessionListing, Stored<Organisation>) {
        guard let listing = try trainingSessions.listing(sessionID: try context.sessionID),
              let organisation = try organisations.organisation(id: listing.training.organisationID)
        else { throw AppError.notFound }
        guard try keepsCatalogue(organisation.id, context) else { throw AppError.notFound }
        return (listing, organisation)
    }

    private func newSession(_ trainingID: Int64, _ checked: SessionFormInput.Checked, _ request: Request) -> TrainingSession {
        TrainingSession(trainingID: trainingID, uid: UUID().uuidString.lowercased(), startsAt: checked.startsAt,
                        endsAt: checked.endsAt, place: checked.place, meetingURL: checked.meetingURL,
                        trainerName: checked.trainerName, capacity: checked.capacity, enrolment: checked.enrolment,
                        recordingURL: checked.recordingURL, recordingUntil: checked.recordingUntil,
                        checkInKey: Self.randomKey(bytes: Self.checkInKeyBytes))
    }

    /// A random key, base64url without padding.
    static func randomKey(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64URL.encode(bytes)
    }

    private func unitNames(_ ids: [Int64]) throws -> [String] {
        try ids.compactMap { try units.unit(id: $0)?.name }.sorted()
    }

    private func renderSessionForm(_ training: Stored<Training>, _ organisation: Stored<Organisation>, _ context: RequestContext,
                                   input: SessionFormInput, session: Stored<TrainingSession>?, action: String? = nil,
                                   status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let errors = input.errors
        let title = training.title.text(strings.language.rawValue)
        let heading = strings.format(session == nil ? (action == nil ? "trainings_session_new_heading" : "trainings_session_copy_heading")
                                     : "trainings_session_edit_heading", ["title": title])
        let when: [FormFieldView] = [
            FormFieldView(.date, name: "date", value: input.date, label: strings.text("trainings_field_date"),
                          hint: strings.text("trainings_field_date_hint"), error: errors["date"], required: true),
            FormFieldView(.time, name: "start_time", value: input.startTime, label: strings.text("trainings_field_start"),
                          error: errors["start_time"], required: true),
            FormFieldView(.time, name: "end_time", value: input.endTime, label: strings.text("trainings_field_end"),
                          error: errors["end_time"], required: true),
        ]
        let whereFields: [FormFieldView] = [
            FormFieldView(.text, name: "place", value: input.place, label: strings.text("trainings_place"),
                          hint: strings.text("trainings_field_place_hint"), error: errors["place"]),
            FormFieldView(.url, name: "meeting_url", value: input.meetingURL, label: strings.text("trainings_field_meeting_url"),
                          hint: strings.text("trainings_field_meeting_url_hint"), error: errors["meeting_url"],
                          maxLength: TrainingFieldRules.urlLimit),
            FormFieldView(.text, name: "trainer_name", value: input.trainerName, label: strings.text("trainings_trainer"),
                          error: errors["trainer_name"]),
        ]
        let who: [FormFieldView] = [
            FormFieldView(.select, name: "enrolment", value: input.enrolment, label: strings.text("trainings_enrolment"),
                          hint: strings.text("trainings_field_enrolment_hint"), error: errors["enrolment"],
                          options: EnrolmentMode.allCases.map {
                              SelectOption(value: $0.rawValue, label: strings.text("trainings_enrolment_" + $0.rawValue),
                                           selected: input.enrolment == $0.rawValue)
                          }),
            FormFieldView(.number, name: "capacity", value: input.capacity, label: strings.text("trainings_capacity"),
                          hint: strings.text("trainings_field_capacity_hint"), error: errors["capacity"]),
            FormFieldView(.textarea, name: "unit_names", value: input.unitNames, label: strings.text("trainings_field_units"),
                          hint: strings.text("trainings_field_units_hint"), error: errors["unit_names"]),
        ]
        let recording: [FormFieldView] = [
            FormFieldView(.url, name: "recording_url", value: input.recordingURL,
                          label: strings.text("trainings_field_recording_url"), error: errors["recording_url"],
                          maxLength: TrainingFieldRules.urlLimit),
            FormFieldView(.date, name: "recording_until", value: input.recordingUntil,
                          label: strings.text("trainings_field_recording_until"),
                          hint: strings.text("trainings_field_recording_until_hint"), error: errors["recording_until"]),
        ]
        let formAction = action ?? session.map { Paths.editTrainingSession($0.id) } ?? Paths.newTrainingSession(training.id)
        let view = TrainingFormView(
            crumbs: trainingCrumbs(strings, then: [(Paths.training(training.id), title), (formAction, heading)]),
            heading: heading, intro: strings.text("trainings_session_form_intro"), hasIntro: true, action: formAction,
            submitLabel: strings.text(session == nil ? "trainings_create" : "trainings_save"),
            sections: [FormSectionView(strings.text("trainings_section_when"), when),
                       FormSectionView(strings.text("trainings_section_where"), whereFields),
                       FormSectionView(strings.text("trainings_section_who"), who),
                       FormSectionView(strings.text("trainings_section_recording"), recording)],
            errors: errors.links, hasErrors: !errors.isEmpty)
        _ = organisation
        return try context.render("trainings/form", title: heading, view, status: status)
    }
}
