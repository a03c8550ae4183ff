import Foundation
import HTTPServer
import Storage

/// One choice of a radio group.
struct FeedbackChoice {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}

/// The attendee's feedback form, or why it is not offered (given already, not yet, closed).
struct FeedbackFormView {
    let session: AttendanceSessionHeading
    let showForm: Bool
    let action: String
    let message: String
    let hasMessage: Bool
    let thanks: Bool
    let usefulness: [FeedbackChoice]
    let usefulnessError: String
    let hasUsefulnessError: Bool
    let canUse: [FeedbackChoice]
    let comment: FieldView
    let commentLimit: String
    let commentMaximum: Int
    let errors: [ErrorLink]
    let hasErrors: Bool
}

/// What was typed into the feedback form.
struct FeedbackInput {
    var usefulness = ""
    var canUse = ""
    var comment = ""
}

/// Why the feedback form is not offered.
enum FeedbackRefusal: Error {
    case cancelled
    case notYet(Date)
    case closed(Date)
    case given
}

extension WebApp {
    /// The feedback form for someone who was at the session, from its end for 14 days, once.
    func showSessionFeedback(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let attendee = try feedbackAttendee(context) else { return notAttendeePage(context) }
        let (listing, employee) = attendee
        do {
            try requireFeedbackOpen(listing, employee)
            return try renderFeedback(listing, context, input: FeedbackInput(), errors: FormErrors())
        } catch let refusal as FeedbackRefusal {
            return try renderFeedback(listing, context, refusal: refusal)
        }
    }

    /// Stores the feedback, not linked to the person, and thanks them.
    func giveSessionFeedback(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let attendee = try feedbackAttendee(context) else { return notAttendeePage(context) }
        let (listing, employee) = attendee
        let form = try context.requireForm()
        let strings = context.strings
        let session = listing.session
        do {
            try requireFeedbackOpen(listing, employee)
        } catch let refusal as FeedbackRefusal {
            return try renderFeedback(listing, context, refusal: refusal, status: .conflict)
        }
        let input = FeedbackInput(usefulness: form["usefulness"] ?? "", canUse: form["can_use"] ?? "",
                                  comment: form["comment"] ?? "")
        var errors = FormErrors()
        let usefulness = Int(input.usefulness).flatMap { (1...5).contains($0) ? $0 : nil }
        if usefulness == nil { errors.add("usefulness-1", strings.text("trainingattendance_feedback_error_usefulness")) }
        let canUse: Bool?
        switch input.canUse {
        case "yes": canUse = true
        case "no": canUse = false
        default: canUse = nil
        }
        if input.comment.count > TrainingFeedbackStore.maximumCommentLength {
            errors.add("comment", strings.format("trainingattendance_feedback_error_comment_long", [
                "maximum": strings.number(TrainingFeedbackStore.maximumCommentLength),
            ]))
        } else if FieldRules.hasControlCharacter(input.comment) {
            errors.add("comment", strings.text("trainingattendance_feedback_error_comment_control"))
        }
        guard errors.isEmpty, let usefulness else {
            return try renderFeedback(listing, context, input: input, errors: errors, status: .unprocessableContent)
        }
        // No audit line: it would say who answered when, which is what the storage keeps from anyone.
        switch try trainingFeedback.submit(sessionID: session.id, employeeID: employee.id,
                                           TrainingFeedbackAnswer(usefulness: usefulness, canUse: canUse,
                                                                  comment: input.comment)) {
        case .recorded, .alreadyGiven:
            return .redirect(to: Paths.sessionFeedback(session.id))
        case .notAttendee:
            return notAttendeePage(context)
        }
    }

    /// The session and the signed-in employee when they attended it; nil when they did not but may see
    /// the session (their page says feedback is asked from attendees); the 404 of an unknown session
    /// for anyone else.
    private func feedbackAttendee(_ context: RequestContext) throws -> (SessionListing, Stored<Employee>)? {
        guard let employeeID = context.principal?.employeeID, let employee = try employees.employee(id: employeeID),
              let listing = try trainingSessions.listing(sessionID: try context.sessionID) else { throw AppError.notFound }
        guard try completions.attended(sessionID: listing.session.id, employeeID: employee.id) else {
            _ = try readableSession(context)
            return nil
        }
        return (listing, employee)
    }

    private func notAttendeePage(_ context: RequestContext) -> Response {
        errorPage(.forbidden, for: context.request, principal: context.principal,
                  reason: "trainingattendance_feedback_not_attendee", title: "trainingattendance_feedback_not_attendee_title")
    }

    private func requireFeedbackOpen(_ listing: SessionListing, _ employee: Stored<Employee>) throws {
        let session = listing.session
        if session.status == .cancelled { throw FeedbackRefusal.cancelled }
        if try trainingFeedback.hasGiven(sessionID: session.id, employeeID: employee.id) { throw FeedbackRefusal.given }
        switch TrainingWindows.feedback(session.record, at: settings.now()) {
        case .open: return
        case .notYet(let opens): throw FeedbackRefusal.notYet(opens)
        case .closed(let closed): throw FeedbackRefusal.closed(closed)
        }
    }

    private func renderFeedback(_ listing: SessionListing, _ context: RequestContext, input: FeedbackInput = FeedbackInput(),
                                errors: FormErrors = FormErrors(), refusal: FeedbackRefusal? = nil,
                                status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        var message = ""
        switch refusal {
        case .cancelled?: message = strings.text("trainingattendance_feedback_cancelled")
        case .given?: message = strings.text("trainingattendance_feedback_thanks")
        case .notYet(let opens)?:
            message = strings.format("trainingattendance_feedback_not_yet", ["time": AttendanceText.dateTime(opens, strings)])
        case .closed(let closed)?:
            message = strings.format("trainingattendance_feedback_closed", ["time": AttendanceText.dateTime(closed, strings)])
        case nil: break
        }
        let usefulness = (1...5).map { value in
            FeedbackChoice(id: "usefulness-\(value)", value: String(value),
                           label: strings.text("trainingattendance_feedback_usefulness_\(value)"),
                           checked: input.usefulness == String(value))
        }
        let canUse = [("yes", "trainingattendance_feedback_can_use_yes"), ("no", "trainingattendance_feedback_can_use_no"),
                      ("", "trainingattendance_feedback_can_use_skip")].map { value, key in
            FeedbackChoice(id: "can-use-" + (value.isEmpty ? "skip" : value), value: value, label: strings.text(key),
                           checked: input.canUse == value || (value.isEmpty && !["yes", "no"].contains(input.canUse)))
        }
        let maximum = TrainingFeedbackStore.maximumCommentLength
        let view = FeedbackFormView(
            session: AttendanceSessionHeading(listing, strings), showForm: refusal == nil,
            action: Paths.sessionFeedback(listing.session.id), message: message, hasMessage: !message.isEmpty,
            thanks: { if case .given? = refusal { return true } else { return false } }(),
            usefulness: usefulness, usefulnessError: errors["usefulness-1"] ?? "",
            hasUsefulnessError: errors["usefulness-1"] != nil, canUse: canUse,
            comment: FieldView(name: "comment", value: input.comment, error: errors["comment"], hintID: "comment-hint"),
            commentLimit: strings.format("trainingattendance_feedback_comment_hint", ["maximum": strings.number(maximum)]),
            commentMaximum: maximum, errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("trainings/feedback-form",
                                  title: strings.text("trainingattendance_feedback_title") + " – " + view.session.title,
                                  view, status: status)
    }
}
