import Foundation
import HTTPServer
import Storage

extension WebApp {
    /// At most this many people assigned in one go.
    static let assignLimit = 500

    // MARK: Assigning people to a session

    func showAssignToSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, _, limit) = try assignableSession(context)
        return try renderAssignForm(listing, context, numbers: "", supervisorOnly: limit != nil, error: nil)
    }

    /// The session and its organisation for someone who may assign people to it: its catalogue's
    /// keepers (anyone of the organisation), or a supervisor of one of its units (only the people of
    /// the units they supervise, returned as the limit).
    private func assignableSession(_ context: RequestContext) throws -> (SessionListing, Stored<Organisation>, Set<Int64>?) {
        guard let listing = try trainingSessions.listing(sessionID: try context.sessionID),
              let organisation = try organisations.organisation(id: listing.training.organisationID),
              let principal = context.principal else { throw AppError.notFound }
        if try keepsCatalogue(organisation.id, context) { return (listing, organisation, nil) }
        let supervised = principal.supervisedUnitIDs
        let ownUnits = try units.units(organisationID: organisation.id).filter { supervised.contains($0.id) }
        guard !ownUnits.isEmpty else { throw AppError.notFound }
        return (listing, organisation, supervised)
    }

    /// Assigns the people named by HR number, one per line. Nothing is saved unless every line names
    /// an active employee of the organisation, so a typo never leaves half a list.
    func assignToSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, organisation, limit) = try assignableSession(context)
        let supervisorOnly = limit != nil
        let strings = context.strings
        let typed = try context.requireForm()["hr_numbers"] ?? ""
        let numbers = typed.split(whereSeparator: { $0.isNewline || $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard listing.session.status == .scheduled, listing.session.enrolment != .open else {
            return try renderAssignForm(listing, context, numbers: typed, supervisorOnly: supervisorOnly, error: strings.text("trainings_error_assign_mode"))
        }
        guard !numbers.isEmpty else {
            return try renderAssignForm(listing, context, numbers: typed, supervisorOnly: supervisorOnly, error: strings.text("trainings_error_required"))
        }
        guard numbers.count <= Self.assignLimit else {
            return try renderAssignForm(listing, context, numbers: typed, supervisorOnly: supervisorOnly, error: strings.format(
                "trainings_error_assign_too_many", ["maximum": strings.number(Self.assignLimit)]))
        }
        var found = try employees.activeEmployees(organisationID: organisation.id, hrNumbers: numbers)
        if let limit {
            // A supervisor assigns only their own units' people; anyone else reads as unknown.
            found = found.filter { $0.value.unitID.map(limit.contains) ?? false }
        }
        let unknown = numbers.filter { found[$0] == nil }
        guard unknown.isEmpty else {
            return try renderAssignForm(listing, context, numbers: typed, supervisorOnly: supervisorOnly, error: strings.format(
                "trainings_error_assign_unknown", ["numbers": unknown.prefix(10).joined(separator: ", ")]))
        }
        let assigner = context.principal?.userID
        let outcomes = try changing {
            var outcomes: [EnrolOutcome] = []
            for number in Set(numbers).sorted() {
                guard let employee = found[number] else { continue }
                outcomes.append(try enrolments.enrol(sessionID: listing.session.id, employeeID: employee.id,
                                                     kind: .assigned, assignedBy: assigner))
            }
            try auditChange("training-session.assign", context, target: "training-session:\(listing.session.id)",
                            detail: "\(outcomes.count) people")
            return outcomes
        }
        let waiting = outcomes.filter { if case .waiting = $0 { return true } else { return false } }.count
        return context.redirect(Paths.trainingSession(listing.session.id),
                                notice: waiting > 0 ? "assigned_some_waiting" : "assigned")
    }

    private func renderAssignForm(_ listing: SessionListing, _ context: RequestContext, numbers: String,
                                  supervisorOnly: Bool = false, error: String?) throws -> Response {
        let strings = context.strings
        let title = listing.training.title.text(strings.language.rawValue)
        let heading = strings.format("trainings_assign_heading", ["title": title])
        var errors = FormErrors()
        if let error { errors.add("hr_numbers", error) }
        let view = TrainingFormView(
            crumbs: trainingCrumbs(strings, then: [
                (Paths.trainingSession(listing.session.id), strings.sessionTime(listing.session.startsAt, listing.session.endsAt)),
                (Paths.assignToSession(listing.session.id), heading),
            ]),
            heading: heading,
            intro: strings.text(supervisorOnly ? "trainings_assign_intro_supervisor" : "trainings_assign_intro"), hasIntro: true,
            action: Paths.assignToSession(listing.session.id), submitLabel: strings.text("trainings_assign_submit"),
            sections: [FormSectionView([FormFieldView(.textarea, name: "hr_numbers", value: numbers,
                                                      label: strings.text("trainings_field_hr_numbers"),
                                                      hint: strings.text("trainings_field_hr_numbers_hint"),
                                                      error: error, required: true)])],
            errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("trainings/form", title: heading, view, status: error == nil ? .ok : .unprocessableContent)
    }

    // MARK: Trainers

    /// Names or un-names a user trainer of the organisation (`organisation_id` in the form), by its HR.
    func setTrainer(_ request: Request, _ context: RequestContext) throws -> Response {
        let userID = try context.userID
        guard let user = try users.user(id: userID) else { throw AppError.notFound }
        let form = try context.requireForm()
        guard let organisationID = form["organisation_id"].flatMap({ Int64($0) }),
              context.access.canManageOrganisation(organisationID) else { throw AppError.notFound }
        // HR names trainers among its own people; only an administrator reaches across organisations.
        let ownPerson = try user.employeeID.flatMap { try employees.employee(id: $0) }?.organisationID == organisationID
        guard ownPerson || context.principal?.isAdmin == true else { throw AppError.notFound }
        let trainer = form["trainer"] == "yes"
        try changing {
            try trainingCatalogue.setTrainer(userID: user.id, organisationID: organisationID, trainer)
            try auditChange(trainer ? "trainer.add" : "trainer.remove", context, target: "user:\(user.id)",
                            detail: "organisation:\(organisationID)")
        }
        return context.redirect(Paths.user(user.id), notice: "saved")
    }
}
