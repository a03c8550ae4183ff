import Foundation
import HTTPServer
import Metrics
import Storage

typealias VisibleDiscussion = (discussion: Stored<Discussion>, employee: Stored<Employee>, cycle: Stored<DiscussionCycle>,
                               reader: DiscussionReader)

extension WebApp {
    /// A change posted to a record both have signed (an old tab): the page again, saying why.
    func signedAlready(_ found: VisibleDiscussion, _ context: RequestContext) throws -> Response {
        var state = DiscussionFormState()
        state.errors.add("sign-heading", context.strings.text("discussions_error_signed"))
        return try renderDiscussion(found, context, state: state, status: .conflict)
    }

    func renderDiscussion(_ found: VisibleDiscussion, _ context: RequestContext, state: DiscussionFormState = DiscussionFormState(),
                          status: HTTPStatus = .ok) throws -> Response {
        let title = context.strings.format("discussions_page_title", ["name": found.employee.fullName])
        guard state.errors.isEmpty else {
            return try context.render("discussions/discussion", title: title, try discussionView(found, context, state: state),
                                      status: status)
        }
        // Kept per discussion and kind of reader until this process commits anything, for a minute at
        // most (other processes' writes) and for the day; each view fills in its own form token.
        let reader = found.reader
        let key = CacheKey(family: "discussion:\(found.discussion.id)|\(database.commitCount)",
                           version: Int(Date().timeIntervalSince1970 / 60),
                           variant: "\(reader.isEmployee)|\(reader.isSupervisor)|\(reader.isHRWithContent)|\(CivilDay.today(settings.now()).iso)")
        return try context.renderCachedWithForms("discussions/discussion", title: title, key: key, status: status) {
            try discussionView(found, context, state: state)
        }
    }

    /// The one-page print for the meeting: the same record, compact, without the forms.
    func showDiscussionPrint(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        let view = try discussionView(found, context, state: DiscussionFormState())
        let unit = try found.discussion.unitID.flatMap { try units.unit(id: $0)?.name } ?? ""
        let picture = try discussionPicture(found.discussion, employee: found.employee, context)
        return try context.render("discussions/print", title: view.heading, DiscussionPrintView(
            heading: view.heading, cycle: view.cycle, unit: unit, planned: view.planned, held: view.held, backHref: Paths.discussion(found.discussion.id),
            questions: view.questions, hasQuestions: view.hasQuestions, picture: DiscussionPrintPicture(picture),
            goals: view.goals, hasGoals: view.hasGoals, notes: view.notes, hasNotes: view.hasNotes,
            employeeSigned: view.employeeSigned, supervisorSigned: view.supervisorSigned, comment: view.comment,
            hasComment: view.hasComment, disagrees: view.disagrees, visibility: view.visibility))
    }

    func discussionView(_ found: VisibleDiscussion, _ context: RequestContext, state: DiscussionFormState) throws -> DiscussionPageView {
        let (discussion, employee, cycle, reader) = found
        let strings = context.strings
        let language = strings.language.rawValue
        let open = !discussion.isSigned
        let content = try discussionFramework(employee)
        let areas = content?.areas.filter { $0.area.kind == .competence } ?? []
        let areaNames = Dictionary(areas.map { ($0.area.id, $0.area.name.text(language)) }, uniquingKeysWith: { first, _ in first })
        func field(_ name: String, _ stored: String) -> FieldView {
            FieldView(name: name, value: state.values[name] ?? stored, error: state.errors[name])
        }

        let answers = try discussionStore.answers(discussionID: discussion.id)
        let questions = try discussionStore.questions(organisationID: cycle.organisationID, includeRetired: true)
            .filter { $0.active || answers[$0.id] != nil }
            .map { question in
                let name = "q\(question.id)"
                let answer = state.values[name] ?? answers[question.id] ?? ""
                return QuestionView(name: name, question: question.text.text(language), answer: answer, hasAnswer: !answer.isEmpty)
            }

        let leads = reader.isSupervisor && open
        let goals = try discussionStore.goals(discussionID: discussion.id).map { details -> GoalView in
            let goal = details.goal
            let actions = try details.actions.map { action in
                let (text, href) = try actionText(action, strings)
                return ActionView(text: text, href: href, hasHref: !href.isEmpty, canRemove: leads,
                                  removeAction: Paths.discussionActionRemoval(discussion.id, goal.id, action.id),
                                  removeLabel: strings.format("discussions_remove_action", ["action": text]))
            }
            let area = areaNames[goal.areaID] ?? ""
            return GoalView(
                number: strings.format("discussions_goal_number", ["number": String(goal.position)]), area: area, goal: goal.goal,
                followUp: goal.followUpOn.map { strings.format("discussions_follow_up_on", ["date": strings.date($0)]) } ?? "",
                hasFollowUp: goal.followUpOn != nil, actions: actions, hasActions: !actions.isEmpty, canEdit: leads,
                removeAction: Paths.discussionGoalRemoval(discussion.id, goal.id),
                removeLabel: strings.format("discussions_remove_goal", ["goal": goal.goal]),
                newActionHref: Paths.newDiscussionAction(discussion.id, goal.id), formID: "goal\(goal.id)",
                newActionLabel: strings.format("discussions_add_action_for", ["goal": goal.goal]))
        }

        let supervisorName = try discussion.supervisorSignedBy.flatMap { try users.user(id: $0) }
            .flatMap { user in try user.employeeID.flatMap { try employees.employee(id: $0) }.map(\.fullName) ?? user.login }
        let (statusKey, statusClass) = discussionStatus(discussion.record)
        let hrSees = try discussionStore.hrSeesContent(organisationID: cycle.organisationID)
        let corrections = try discussionStore.corrections(discussionID: discussion.id).map {
            strings.format("discussions_correction_line", ["date": strings.dateTime($0.writtenAt), "text": $0.body])
        }
        var crumbs = [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false)]
        if reader.isSupervisor, let unitID = employee.unitID {
            crumbs.append(Crumb(href: Paths.unitDiscussions(unitID), label: strings.text("discussions_unit_title"), current: false))
        } else if reader.isEmployee {
            crumbs.append(Crumb(href: Paths.myDiscussions, label: strings.text("discussions_my_title"), current: false))
        }
        crumbs.append(Crumb(href: Paths.discussion(discussion.id), label: employee.fullName, current: true))
        let title = strings.format("discussions_page_title", ["name": employee.fullName])
        // The picture reads a dozen things about the person and their unit; it is kept until this
        // process commits anything, for a minute at most (other processes' writes) and for the day.
        let key = CacheKey(family: "discussion-picture:\(discussion.id)|\(database.commitCount)",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: CivilDay.today(settings.now()).iso)
        let pictureHTML = try context.renderPartCached("discussions/picture", key: key) {
            try discussionPicture(discussion, employee: employee, context)
        }
        return DiscussionPageView(
            crumbs: crumbs, heading: title, cycle: cycle.title, status: strings.text(statusKey), statusClass: statusClass,
            visibility: strings.text(hrSees ? "discussions_visibility_hr_content" : "discussions_visibility_counts"),
            errors: state.errors.links, hasErrors: !state.errors.isEmpty, isSigned: discussion.isSigned,
            printHref: Paths.discussionPrint(discussion.id),
            questions: questions, hasQuestions: !questions.isEmpty, canPrepare: reader.isEmployee && open,
            preparationAction: Paths.discussionPreparation(discussion.id),
            planned: discussion.plannedOn.map { strings.date($0) } ?? strings.text("discussions_not_set"),
            held: discussion.heldOn.map { strings.date($0) } ?? strings.text("discussions_not_held"),
            notes: discussion.supervisorNotes, hasNotes: !discussion.supervisorNotes.isEmpty, canLead: leads,
            meetingAction: Paths.discussionMeeting(discussion.id),
            plannedField: field("planned_on", discussion.plannedOn ?? ""), heldField: field("held_on", discussion.heldOn ?? ""),
            notesField: field("notes", discussion.supervisorNotes),
            pictureHTML: pictureHTML,
            goals: goals, hasGoals: !goals.isEmpty, canAddGoal: leads && goals.count < DiscussionStore.maximumGoals,
            goalAction: Paths.discussionGoals(discussion.id), goalField: field("goal", ""), followUpField: field("follow_up_on", ""),
            areas: [SelectOption(value: "", label: strings.text("discussions_choose_area"), selected: false)] + areas.map {
                SelectOption(value: String($0.area.id), label: $0.area.name.text(language), selected: state.values["area_id"] == String($0.area.id))
            },
            employeeSigned: discussion.employeeSignedAt.map {
                strings.format("discussions_employee_signed", ["name": employee.fullName, "date": strings.dateTime($0)])
            } ?? strings.text("discussions_employee_not_signed"),
            supervisorSigned: discussion.supervisorSignedAt.map {
                strings.format("discussions_supervisor_signed", ["name": supervisorName ?? "", "date": strings.dateTime($0)])
            } ?? strings.text("discussions_supervisor_not_signed"),
            comment: discussion.employeeComment, hasComment: !discussion.employeeComment.isEmpty, disagrees: discussion.employeeDisagrees,
            canSignAsEmployee: reader.isEmployee && open && discussion.employeeSignedAt == nil,
            canSignAsSupervisor: reader.isSupervisor && open && discussion.supervisorSignedAt == nil,
            signAction: Paths.discussionSignature(discussion.id),
            corrections: corrections, hasCorrections: !corrections.isEmpty,
            canCorrect: discussion.isSigned && (reader.isEmployee || reader.isSupervisor),
            correctionAction: Paths.discussionCorrections(discussion.id), correctionField: field("correction", ""))
    }

    /// An action as text, with a link where it has one.
    private func actionText(_ action: Stored<DiscussionAction>, _ strings: Strings) throws -> (String, String) {
        let language = strings.language.rawValue
        let note = action.note.isEmpty ? "" : ": " + action.note
        switch action.kind {
        case .session:
            guard let sessionID = action.sessionID, let listing = try trainingSessions.listing(sessionID: sessionID) else {
                return (strings.text("discussions_action_session") + note, "")
            }
            let title = LocalisedText(fi: listing.training.titleFi, sv: listing.training.titleSv, en: listing.training.titleEn).text(language)
            return (strings.format("discussions_action_session_named", ["title": title, "date": strings.dateTime(listing.session.startsAt)]) + note,
                    Paths.trainingSession(sessionID))
        case .instruction:
            guard let id = action.instructionID, let instruction = try instructionStore.instruction(id: id) else {
                return (strings.text("discussions_action_instruction") + note, "")
            }
            return (strings.format("discussions_action_instruction_named", ["title": instruction.instruction.title]) + note, Paths.instruction(id))
        case .tutor:
            return (strings.text("discussions_action_tutor") + note, Paths.findHelp)
        case .practice:
            return (strings.text("discussions_action_practice") + note, "")
        }
    }

    /// The form for one goal's next action: a session in the goal's area (the soonest upcoming ones,
    /// from the catalogue's snapshot, kept a minute), an instruction, time with the digitutor, or
    /// practice at work. On its own page, so the discussion page stays light on a phone.
    func showNewDiscussionAction(_ request: Request, _ context: RequestContext) throws -> Response {
        let found = try visibleDiscussion(context)
        try context.require(found.reader.isSupervisor)
        guard !found.discussion.isSigned else { return try signedAlready(found, context) }
        return try renderNewAction(found, goalID: try context.goalID, context)
    }

    func renderNewAction(_ found: VisibleDiscussion, goalID: Int64, _ context: RequestContext,
                         state: DiscussionFormState = DiscussionFormState(), status: HTTPStatus = .ok) throws -> Response {
        guard let goal = try discussionStore.goals(discussionID: found.discussion.id).first(where: { $0.goal.id == goalID })?.goal else {
            throw AppError.notFound
        }
        let strings = context.strings
        let language = strings.language.rawValue
        let area = try discussionFramework(found.employee)?.areas.first { $0.area.id == goal.areaID }
        let catalogue = try trainingCatalogueSnapshot(found.cycle.organisationID)
        let inArea = catalogue.upcoming.filter { listing in
            listing.session.status != .cancelled && (catalogue.areaCodes[listing.training.id] ?? []).contains(area?.area.code ?? "")
        }
        let chosenKind = state.values["kind"] ?? DiscussionActionKind.session.rawValue
        let instructions = try instructionStore.instructions(organisationID: found.cycle.organisationID).filter { !$0.retired }
        let title = strings.format("discussions_new_action_title", ["goal": goal.goal])
        return try context.render("discussions/new-action", title: title, NewActionView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.discussion(found.discussion.id), label: found.employee.fullName, current: false),
                     Crumb(href: Paths.newDiscussionAction(found.discussion.id, goalID), label: strings.text("discussions_add_action"),
                           current: true)],
            heading: title, area: area?.area.name.text(language) ?? "", errors: state.errors.links, hasErrors: !state.errors.isEmpty,
            action: Paths.discussionActions(found.discussion.id, goalID),
            kinds: DiscussionActionKind.allCases.map {
                SelectOption(value: $0.rawValue, label: strings.text("discussions_action_" + $0.rawValue), selected: $0.rawValue == chosenKind)
            },
            sessions: [SelectOption(value: "", label: "–", selected: false)] + inArea.prefix(Self.actionSessionLimit).map { listing in
                SelectOption(value: String(listing.session.id),
                             label: LocalisedText(fi: listing.training.titleFi, sv: listing.training.titleSv, en: listing.training.titleEn)
                                 .text(language) + " – " + strings.dateTime(listing.session.startsAt),
                             selected: state.values["session_id"] == String(listing.session.id))
            },
            hasSessions: !inArea.isEmpty,
            instructions: [SelectOption(value: "", label: "–", selected: false)] + instructions.map {
                SelectOption(value: String($0.id), label: $0.title, selected: state.values["instruction_id"] == String($0.id))
            },
            note: FieldView(name: "note", value: state.values["note"] ?? "", error: state.errors["note"]),
            kindField: FieldView(name: "kind", value: "", error: state.errors["kind"]),
            sessionField: FieldView(name: "session_id", value: "", error: state.errors["session_id"],
                                    hintID: inArea.isEmpty ? "session_id-hint" : nil),
            instructionField: FieldView(name: "instruction_id", value: "", error: state.errors["instruction_id"]), backHref: Paths.discussion(found.discussion.id) + "#goal\(goalID)"),
            status: status)
    }

    /// The most sessions a goal's action form offers (the soonest in its area).
    static let actionSessionLimit = 20

    /// Where a discussion stands, as a locale key and a status class.
    func discussionStatus(_ discussion: Discussion?) -> (String, String) {
        guard let discussion else { return ("discussions_status_not_opened", "status-exempt") }
        if discussion.isSigned { return ("discussions_status_signed", "status-valid") }
        if discussion.heldOn != nil { return ("discussions_status_held", "status-due") }
        if discussion.plannedOn != nil { return ("discussions_status_planned", "status-due") }
        return ("discussions_status_preparing", "status-exempt")
    }
}
