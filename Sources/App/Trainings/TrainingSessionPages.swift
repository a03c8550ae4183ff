import Foundation
import HTTPServer
import Storage

/// A session's page: what, when, where or the meeting link, add to calendar, enrol or give up a place,
/// follow an open session, the recording; and for those who keep the catalogue, the list and the
/// session's management.
struct SessionPageView {
    let crumbs: [Crumb]
    let title: String
    let time: String
    let cancelled: Bool
    let cancelReason: String
    let hasCancelReason: Bool
    let facts: [FactView]
    let meetingURL: String
    let hasMeetingURL: Bool
    let eventHref: String
    let trainingHref: String
    let description: String
    let hasDescription: Bool
    /// The reader's own part, as a sentence ("You are enrolled.", "You are 2nd on the waiting list.").
    let myState: String
    let hasMyState: Bool
    let enrolAction: String
    let canEnrol: Bool
    let enrolLabel: String
    let leaveAction: String
    let canLeave: Bool
    let followAction: String
    let canFollow: Bool
    let following: Bool
    let enrolmentNote: String
    let hasEnrolmentNote: Bool
    let recordingURL: String
    let hasRecording: Bool
    let recordingUntil: String
    let recordingWatchedAction: String
    let canDeclareRecording: Bool
    // Catalogue keepers
    let canManage: Bool
    let editHref: String
    let copyHref: String
    let cancelAction: String
    let canCancel: Bool
    let assignAction: String
    let canAssign: Bool
    /// A supervisor (not a keeper) may assign their own units' people.
    let canAssignOwnPeople: Bool
    let attendanceHref: String
    let checkInCodeHref: String
    let feedbackResultsHref: String
    /// An attendee's way to the feedback form, from the end of the session for 14 days.
    let feedbackHref: String
    let canGiveFeedback: Bool
    let list: [ListedPersonView]
    let hasList: Bool
    let listSummary: String
}

/// Someone on a session's list, for those who keep the catalogue.
struct ListedPersonView {
    let name: String
    let href: String
    let state: String
}

extension WebApp {
    func showTrainingSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, reader, details) = try readableSession(context)
        return try renderSessionPage(listing, reader, details, context)
    }

    func renderSessionPage(_ listing: SessionListing, _ reader: TrainingReader, _ details: TrainingDetails,
                           _ context: RequestContext, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let session = listing.session, training = listing.training
        let now = Date()
        let enrolled = try trainingSessions.enrolledCount(sessionID: session.id)
        let mine = try reader.employee.flatMap { try enrolments.enrolment(sessionID: session.id, employeeID: $0.id) }
        let following = try reader.employee.map { try enrolments.followed(employeeID: $0.id).contains(session.id) } ?? false
        let scheduled = session.status == .scheduled
        let notStarted = session.startsAt > now
        let onList = mine.map { $0.state != .cancelled } ?? false
        let full = session.capacity.map { enrolled >= $0 } ?? false

        var facts = [
            FactView(term: strings.text("trainings_duration"), value: strings.duration(minutes: training.durationMinutes)),
            FactView(term: strings.text("trainings_format"), value: strings.trainingFormat(training.format)),
            FactView(term: strings.text("trainings_language"), value: strings.languageName(training.language)),
        ]
        let place = strings.sessionPlace(session.record, given: training.format)
        if !place.isEmpty { facts.insert(FactView(term: strings.text("trainings_place"), value: place), at: 0) }
        if !session.trainerName.isEmpty {
            facts.append(FactView(term: strings.text("trainings_trainer"), value: session.trainerName))
        }
        facts.append(FactView(term: strings.text("trainings_enrolment"),
                              value: strings.text("trainings_enrolment_" + session.enrolment.rawValue)))
        if let capacity = session.capacity {
            facts.append(FactView(term: strings.text("trainings_capacity"), value: strings.format(
                "trainings_capacity_value", ["enrolled": strings.number(enrolled), "capacity": strings.number(capacity)])))
        }

        let myState = try myStateText(session, mine: mine, following: following, strings)
        let canEnrol = reader.employee != nil && scheduled && notStarted && session.enrolment == .registration && !onList
        let canLeave = scheduled && notStarted && onList && mine?.kind == .registered
        let canFollow = reader.employee != nil && scheduled && notStarted && session.enrolment == .open
        let enrolmentNote: String
        switch session.enrolment {
        case .open: enrolmentNote = strings.text("trainings_note_open")
        case .assigned: enrolmentNote = onList ? strings.text("trainings_note_assigned_leave") : strings.text("trainings_note_assigned")
        case .registration: enrolmentNote = canEnrol && full ? strings.text("trainings_note_full") : ""
        }
        let today = HelsinkiTime.date(now)
        let recordingAvailable = session.recordingURL != nil && (session.recordingUntil.map { $0 >= today } ?? true)
            && session.startsAt <= now
        let keeps = try keepsCatalogue(training.organisationID, context)
        let list = keeps ? try sessionList(session.id, context) : (people: [], enrolled: 0, waiting: 0, others: 0)
        let description = training.description.text(language)
        let view = SessionPageView(
            crumbs: trainingCrumbs(strings, then: [
                (Paths.training(training.id), training.title.text(language)),
                (Paths.trainingSession(session.id), strings.date(HelsinkiTime.date(session.startsAt))),
            ]),
            title: training.title.text(language), time: strings.sessionTime(session.startsAt, session.endsAt),
            cancelled: !scheduled, cancelReason: session.cancelReason ?? "",
            hasCancelReason: !(session.cancelReason ?? "").isEmpty, facts: facts,
            meetingURL: session.meetingURL ?? "", hasMeetingURL: scheduled && session.meetingURL != nil,
            eventHref: Paths.trainingSessionEvent(session.id), trainingHref: Paths.training(training.id),
            description: description, hasDescription: !description.isEmpty,
            myState: myState, hasMyState: !myState.isEmpty,
            enrolAction: Paths.enrol(session.id), canEnrol: canEnrol,
            enrolLabel: strings.text(full ? "trainings_join_waiting_list" : "trainings_enrol"),
            leaveAction: Paths.leaveSession(session.id), canLeave: canLeave,
            followAction: Paths.followSession(session.id), canFollow: canFollow, following: following,
            enrolmentNote: enrolmentNote, hasEnrolmentNote: !enrolmentNote.isEmpty,
            recordingURL: recordingAvailable ? session.recordingURL ?? "" : "", hasRecording: recordingAvailable,
            recordingUntil: session.recordingUntil.map {
                strings.format("trainings_recording_until", ["date": strings.date($0)])
            } ?? "",
            recordingWatchedAction: Paths.recordingWatched(session.id),
            canDeclareRecording: recordingAvailable && reader.employee != nil,
            canManage: keeps, editHref: Paths.editTrainingSession(session.id), copyHref: Paths.copyTrainingSession(session.id),
            cancelAction: Paths.cancelTrainingSession(session.id), canCancel: keeps && scheduled,
            assignAction: Paths.assignToSession(session.id),
            canAssign: keeps && scheduled && notStarted && session.enrolment != .open,
            canAssignOwnPeople: !keeps && (context.principal?.isSupervisor ?? false) && scheduled && notStarted
                && session.enrolment != .open,
            attendanceHref: Paths.sessionAttendance(session.id),
            checkInCodeHref: Paths.checkInCode(session.id), feedbackResultsHref: Paths.sessionFeedbackResults(session.id),
            feedbackHref: Paths.sessionFeedback(session.id),
            canGiveFeedback: try mayGiveFeedback(session, reader, now: now),
            list: list.people, hasList: !list.people.isEmpty,
            listSummary: strings.format("trainings_list_summary", [
                "enrolled": strings.number(list.enrolled), "waiting": strings.number(list.waiting),
            ]) + (list.others > 0 ? " " + strings.format("trainings_list_others", ["count": strings.number(list.others)]) : ""))
        return try context.render("trainings/session", title: training.title.text(language) + " – " + view.time, view,
                                  status: status)
    }

    /// Whether to offer the feedback form: the reader attended and its window is open (the form itself
    /// checks again, and that it was not given already).
    private func mayGiveFeedback(_ session: Stored<TrainingSession>, _ reader: TrainingReader, now: Date) throws -> Bool {
        guard session.status == .scheduled, let employee = reader.employee,
              TrainingWindows.feedback(session.record, at: now) == .open else { return false }
        return try completions.attended(sessionID: session.id, employeeID: employee.id)
    }

    private func myStateText(_ session: Stored<TrainingSession>, mine: Enrolment?, following: Bool,
                             _ strings: Strings) throws -> String {
        switch mine?.state {
        case .enrolled?:
            return strings.text(mine?.kind == .assigned ? "trainings_you_assigned" : "trainings_you_enrolled")
        case .waiting?:
            guard let mine, let position = try enrolments.waitingPosition(sessionID: session.id, employeeID: mine.employeeID)
            else { return "" }
            return strings.format("trainings_you_waiting", ["position": strings.number(position)])
        default:
            return following ? strings.text("trainings_you_following") : ""
        }
    }

    /// The session's list (enrolled, then waiting in queue order) with names, for catalogue keepers.
    /// In regional cooperation each organisation sees only its own people by name; the others are a
    /// count.
    private func sessionList(_ sessionID: Int64, _ context: RequestContext) throws
        -> (people: [ListedPersonView], enrolled: Int, waiting: Int, others: Int) {
        let strings = context.strings
        let list = try enrolments.list(sessionID: sessionID)
        let people = try employees.employees(ids: list.map(\.employeeID))
        var others = 0
        let views: [ListedPersonView] = list.compactMap { enrolment in
            guard let person = people[enrolment.employeeID] else { return nil }
            guard context.access.canViewEmployee(person) else {
                others += 1
                return nil
            }
            let state = strings.text(enrolment.state == .waiting ? "trainings_listed_waiting"
                                     : enrolment.kind == .assigned ? "trainings_listed_assigned" : "trainings_listed_enrolled")
            return ListedPersonView(name: "\(person.lastName) \(person.firstName)", href: Paths.employee(person.id), state: state)
        }
        let waiting = list.filter { $0.state == .waiting }.count
        return (views, list.count - waiting, waiting, others)
    }

    // MARK: The reader's own actions

    /// Takes a place, or a place on the waiting list when the session is full.
    func enrolInSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, reader, _) = try readableSession(context)
        guard let employee = reader.employee else { throw AppError.notFound }
        let session = listing.session
        guard session.enrolment == .registration, session.status == .scheduled, session.startsAt > Date() else {
            return context.redirect(Paths.trainingSession(session.id))
        }
        let outcome = try changing {
            let outcome = try enrolments.enrol(sessionID: session.id, employeeID: employee.id)
            try auditChange("training.enrol", context, target: "training-session:\(session.id)",
                            detail: "\(outcome)")
            return outcome
        }
        switch outcome {
        case .waiting, .alreadyWaiting: return context.redirect(Paths.trainingSession(session.id), notice: "waiting_list")
        case .enrolled, .alreadyEnrolled: return context.redirect(Paths.trainingSession(session.id), notice: "enrolled")
        }
    }

    /// Gives up a place or a place in the queue; the first waiting gets the place.
    func leaveSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, reader, _) = try readableSession(context)
        guard let employee = reader.employee else { throw AppError.notFound }
        let session = listing.session
        guard let mine = try enrolments.enrolment(sessionID: session.id, employeeID: employee.id),
              mine.state != .cancelled, mine.kind == .registered, session.startsAt > Date() else {
            return context.redirect(Paths.trainingSession(session.id))
        }
        try changing {
            let promoted = try enrolments.cancel(sessionID: session.id, employeeID: employee.id)
            try auditChange("training.leave", context, target: "training-session:\(session.id)",
                            detail: promoted.isEmpty ? nil : "promoted from the waiting list: \(promoted.count)")
        }
        return context.redirect(Paths.trainingSession(session.id), notice: "place_given_up")
    }

    /// Follows or stops following an open session in the person's calendar.
    func followSession(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, reader, _) = try readableSession(context)
        guard let employee = reader.employee else { throw AppError.notFound }
        let follow = try context.requireForm()["follow"] == "yes"
        let session = listing.session
        guard session.enrolment == .open else { return context.redirect(Paths.trainingSession(session.id)) }
        try changing {
            try enrolments.follow(sessionID: session.id, employeeID: employee.id, follow)
            try auditChange(follow ? "training.follow" : "training.unfollow", context,
                            target: "training-session:\(session.id)")
        }
        return context.redirect(Paths.trainingSession(session.id), notice: follow ? "following" : "not_following")
    }
}
