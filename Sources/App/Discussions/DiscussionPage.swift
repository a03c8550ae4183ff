import Foundation
import HTTPServer
import Metrics
import Storage

/// What a failed form on the discussion page brings back: its errors and what was typed.
struct DiscussionFormState {
    var errors = FormErrors()
    var values: [String: String] = [:]
}

extension WebApp {
    /// The limits of what is typed on the page.
    static let discussionAnswerLimit = 2000
    static let discussionNotesLimit = 4000
    static let discussionGoalLimit = 500

    func showDiscussion(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        return try renderDiscussion(found, context)
    }

    /// The employee's preparation: their answers to the organisation's questions.
    func saveDiscussionPreparation(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isEmployee)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        let form = try context.requireForm()
        var state = DiscussionFormState()
        var answers: [Int64: String] = [:]
        for question in try discussionStore.questions(organisationID: found.cycle.organisationID) {
            let name = "q\(question.id)"
            let answer = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            state.values[name] = answer
            if answer.count > Self.discussionAnswerLimit {
                state.errors.add(name, context.strings.format("discussions_error_too_long", ["limit": String(Self.discussionAnswerLimit)]))
            }
            answers[question.id] = answer
        }
        guard state.errors.isEmpty else { return try renderDiscussion(found, context, state: state, status: .unprocessableContent) }
        try changing {
            try discussionStore.saveAnswers(discussionID: found.discussion.id, answers, now: settings.now())
            try auditChange("discussion.prepare", context, target: "discussion:\(found.discussion.id)")
        }
        return context.redirect(Paths.discussion(found.discussion.id) + "#preparation-heading", notice: "saved")
    }

    /// The supervisor's part: the day planned, the day held, and their notes.
    func saveDiscussionMeeting(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isSupervisor)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        let form = try context.requireForm()
        var state = DiscussionFormState()
        for name in ["planned_on", "held_on", "notes"] {
            state.values[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let strings = context.strings
        func day(_ name: String) -> String? {
            let typed = state.values[name] ?? ""
            guard !typed.isEmpty else { return nil }
            guard let day = CivilDay(iso: typed) else {
                state.errors.add(name, strings.text("discussions_error_date"))
                return nil
            }
            return day.iso
        }
        let planned = day("planned_on")
        let held = day("held_on")
        if let held, held > CivilDay.today(settings.now()).iso { state.errors.add("held_on", strings.text("discussions_error_held_future")) }
        let notes = state.values["notes"] ?? ""
        if notes.count > Self.discussionNotesLimit {
            state.errors.add("notes", strings.format("discussions_error_too_long", ["limit": String(Self.discussionNotesLimit)]))
        }
        guard state.errors.isEmpty else { return try renderDiscussion(found, context, state: state, status: .unprocessableContent) }
        try changing {
            try discussionStore.saveMeeting(discussionID: found.discussion.id, plannedOn: planned, heldOn: held, notes: notes,
                                            now: settings.now())
            try auditChange("discussion.meeting", context, target: "discussion:\(found.discussion.id)")
        }
        return context.redirect(Paths.discussion(found.discussion.id) + "#meeting-heading", notice: "saved")
    }

    /// Adds a goal to the plan (the supervisor, during or after the meeting): its competence area,
    /// what is aimed at, and when to follow it up.
    func addDiscussionGoal(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isSupervisor)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        let form = try context.requireForm()
        let strings = context.strings
        var state = DiscussionFormState()
        for name in ["area_id", "goal", "follow_up_on"] {
            state.values[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let areas = try discussionFramework(found.employee)?.areas.filter { $0.area.kind == .competence } ?? []
        let areaID = Int64(state.values["area_id"] ?? "").flatMap { id in areas.contains { $0.area.id == id } ? id : nil }
        if areaID == nil { state.errors.add("area_id", strings.text("discussions_error_area")) }
        let goal = state.values["goal"] ?? ""
        if goal.isEmpty {
            state.errors.add("goal", strings.text("discussions_error_goal"))
        } else if goal.count > Self.discussionGoalLimit {
            state.errors.add("goal", strings.format("discussions_error_too_long", ["limit": String(Self.discussionGoalLimit)]))
        }
        let typedDay = state.values["follow_up_on"] ?? ""
        let followUp = CivilDay(iso: typedDay)?.iso
        if !typedDay.isEmpty, followUp == nil { state.errors.add("follow_up_on", strings.text("discussions_error_date")) }
        guard let areaID, state.errors.isEmpty else {
            return try renderDiscussion(found, context, state: state, status: .unprocessableContent)
        }
        let added = try changing {
            let added = try discussionStore.addGoal(discussionID: found.discussion.id, areaID: areaID, goal: goal, followUpOn: followUp,
                                                    now: settings.now())
            if let added {
                try auditChange("discussion.goal.add", context, target: "discussion:\(found.discussion.id)", detail: "goal \(added.id)")
            }
            return added
        }
        guard added != nil else {
            state.errors.add("goal", strings.text("discussions_error_three_goals"))
            return try renderDiscussion(found, context, state: state, status: .unprocessableContent)
        }
        return context.redirect(Paths.discussion(found.discussion.id) + "#plan-heading", notice: "saved")
    }

    func removeDiscussionGoal(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isSupervisor)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        let goalID = try context.goalID
        let removed = try changing {
            let removed = try discussionStore.removeGoal(goalID: goalID, discussionID: found.discussion.id, now: settings.now())
            if removed { try auditChange("discussion.goal.remove", context, target: "discussion:\(found.discussion.id)", detail: "goal \(goalID)") }
            return removed
        }
        guard removed else { throw AppError.notFound }
        return context.redirect(Paths.discussion(found.discussion.id) + "#plan-heading", notice: "deleted")
    }

    /// Adds a concrete action to a goal. A session of the catalogue enrols the employee at once (one
    /// tap), as a place assigned by the supervisor, or on the waiting list when it is full.
    func addDiscussionAction(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isSupervisor)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        let goalID = try context.goalID
        guard try discussionStore.goals(discussionID: found.discussion.id).contains(where: { $0.goal.id == goalID }) else {
            throw AppError.notFound
        }
        let form = try context.requireForm()
        let strings = context.strings
        var state = DiscussionFormState()
        let kind = DiscussionActionKind(rawValue: form["kind"] ?? "")
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        for name in ["kind", "session_id", "instruction_id"] { state.values[name] = form[name] ?? "" }
        state.values["note"] = note
        if kind == nil { state.errors.add("kind", strings.text("discussions_error_action_kind")) }
        if note.count > 500 { state.errors.add("note", strings.format("discussions_error_too_long", ["limit": "500"])) }
        var action = DiscussionAction(goalID: goalID, kind: kind ?? .practice, note: note)
        var session: Stored<TrainingSession>?
        switch kind {
        case .session?:
            let choices = try trainingCatalogueSnapshot(found.cycle.organisationID).upcoming.filter { $0.session.status != .cancelled }
            session = Int64(form["session_id"] ?? "").flatMap { id in choices.first { $0.session.id == id }?.session }
            if let session {
                action.sessionID = session.id
                action.trainingID = session.trainingID
            } else {
                state.errors.add("session_id", strings.text("discussions_error_session"))
            }
        case .instruction?:
            let choices = try instructionStore.instructions(organisationID: found.cycle.organisationID)
            action.instructionID = Int64(form["instruction_id"] ?? "").flatMap { id in choices.contains { $0.id == id } ? id : nil }
            if action.instructionID == nil { state.errors.add("instruction_id", strings.text("discussions_error_instruction")) }
        case .practice?, .tutor?:
            if kind == .practice, note.isEmpty { state.errors.add("note", strings.text("discussions_error_practice")) }
        case nil:
            break
        }
        guard state.errors.isEmpty else {
            return try renderNewAction(found, goalID: goalID, context, state: state, status: .unprocessableContent)
        }
        try changing {
            guard let added = try discussionStore.addAction(action, discussionID: found.discussion.id, now: settings.now()) else {
                throw AppError.notFound
            }
            if let session {
                _ = try enrolments.enrol(sessionID: session.id, employeeID: found.employee.id, kind: .assigned,
                                         assignedBy: context.principal?.userID, now: settings.now())
            }
            try auditChange("discussion.action.add", context, target: "discussion:\(found.discussion.id)", detail: "action \(added.id)")
        }
        return context.redirect(Paths.discussion(found.discussion.id) + "#goal-\(goalID)", notice: "saved")
    }

    func removeDiscussionAction(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isSupervisor)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        let actionID = try context.actionID
        let removed = try changing {
            let removed = try discussionStore.removeAction(actionID: actionID, discussionID: found.discussion.id, now: settings.now())
            if removed {
                try auditChange("discussion.action.remove", context, target: "discussion:\(found.discussion.id)", detail: "action \(actionID)")
            }
            return removed
        }
        guard removed else { throw AppError.notFound }
        return context.redirect(Paths.discussion(found.discussion.id) + "#plan-heading", notice: "deleted")
    }

    /// Signs the record: the employee with an optional comment and, if they wish, their disagreement
    /// on the record; the supervisor as the one who held it. After both it is read-only.
    func signDiscussion(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isEmployee || found.reader.isSupervisor)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        let form = try context.requireForm()
        var state = DiscussionFormState()
        let signer: DiscussionStore.Signer
        if found.reader.isEmployee {
            let comment = (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if comment.count > Self.discussionAnswerLimit {
                state.values["comment"] = comment
                state.errors.add("comment", context.strings.format("discussions_error_too_long", ["limit": String(Self.discussionAnswerLimit)]))
                return try renderDiscussion(found, context, state: state, status: .unprocessableContent)
            }
            signer = .employee(comment: comment, disagrees: form["disagrees"] == "1")
        } else {
            // A discussion is signed by its supervisor once it was held.
            guard found.discussion.heldOn != nil else {
                state.errors.add("held_on", context.strings.text("discussions_error_sign_before_held"))
                return try renderDiscussion(found, context, state: state, status: .unprocessableContent)
            }
            signer = .supervisor(userID: context.principal?.userID)
        }
        try changing {
            if try discussionStore.sign(discussionID: found.discussion.id, as: signer, now: settings.now()) {
                try auditChange("discussion.sign", context, target: "discussion:\(found.discussion.id)",
                                detail: found.reader.isEmployee ? "employee" : "supervisor")
            }
        }
        return context.redirect(Paths.discussion(found.discussion.id) + "#sign-heading", notice: "saved")
    }

    /// A correction to a signed record, by either of the two: a new entry, the record stays.
    func addDiscussionCorrection(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isEmployee || found.reader.isSupervisor)
        guard found.discussion.isSigned else { throw AppError.notFound }
        let body = (try context.requireForm()["correction"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var state = DiscussionFormState()
        state.values["correction"] = body
        if body.isEmpty {
            state.errors.add("correction", context.strings.text("discussions_error_correction"))
        } else if body.count > Self.discussionAnswerLimit {
            state.errors.add("correction", context.strings.format("discussions_error_too_long", ["limit": String(Self.discussionAnswerLimit)]))
        }
        guard state.errors.isEmpty else { return try renderDiscussion(found, context, state: state, status: .unprocessableContent) }
        try changing {
            let correction = try discussionStore.addCorrection(DiscussionCorrection(discussionID: found.discussion.id, body: body,
                                                                                    writtenBy: context.principal?.userID, now: settings.now()))
            try auditChange("discussion.correct", context, target: "discussion:\(found.discussion.id)", detail: "correction \(correction.id)")
        }
        return context.redirect(Paths.discussion(found.discussion.id) + "#corrections-heading", notice: "saved")
    }
}
