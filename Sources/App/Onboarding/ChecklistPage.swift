import Foundation
import HTTPServer
import Metrics
import Storage

/// The supervisor's addition to one hire's checklist, as typed and checked.
struct ChecklistAdditionInput {
    static let parties: [OnboardingResponsibleParty] = [.employee, .supervisor, .it, .hr]

    var title = ""
    var dueOn = ""
    var responsible = OnboardingResponsibleParty.employee.rawValue
    var required = true
    var errors = FormErrors()
    private(set) var checked: (content: OnboardingItemContent, dueOn: String)?

    init() {}

    init(form: FormInput, strings: Strings) {
        title = (form["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        dueOn = (form["due_on"] ?? "").trimmingCharacters(in: .whitespaces)
        responsible = form["responsible"] ?? ""
        required = form["required"] == "1"
        if title.isEmpty {
            errors.add("title", strings.text("onboarding_error_title"))
        } else if title.count > 200 {
            errors.add("title", strings.text("onboarding_error_title_long"))
        }
        let day = CivilDay(iso: dueOn)
        if day == nil { errors.add("due_on", strings.text("onboarding_error_date")) }
        let party = OnboardingResponsibleParty(rawValue: responsible).flatMap { Self.parties.contains($0) ? $0 : nil }
        if party == nil { errors.add("responsible", strings.text("onboarding_error_responsible")) }
        guard let day, let party, errors.isEmpty else { return }
        // A key of its own, so an addition never clashes with a template's item.
        let key = "added-" + String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
        checked = (OnboardingItemContent(key: key, title: LocalisedText(fi: title, sv: "", en: ""), responsible: party,
                                         offsetDays: 0, required: required), day.iso)
    }
}

extension WebApp {
    /// Who the reader is to this checklist.
    func checklistReader(_ checklist: Stored<OnboardingChecklist>, _ context: RequestContext) -> ChecklistReader {
        let principal = context.principal
        let leads = context.access.canManageOrganisation(checklist.organisationID)
            || checklist.unitID.map { principal?.supervisedUnitIDs.contains($0) ?? false } ?? false
        return ChecklistReader(isOwner: principal?.employeeID == checklist.employeeID, leads: leads, employeeID: principal?.employeeID)
    }

    /// The checklist the path names, if the reader may see it: the new hire, the unit's supervisors,
    /// HR of the organisation, administrators and the tutor named on it (404 for anyone else).
    func visibleChecklist(_ context: RequestContext) throws -> (OnboardingChecklistDetails, ChecklistReader) {
        guard let details = try onboardingStore.checklist(id: try context.checklistID) else { throw AppError.notFound }
        let reader = checklistReader(details.checklist, context)
        try context.require(reader.leads || reader.isOwner || reader.isNamedTutor(details.items))
        return (details, reader)
    }

    /// The new employee's own checklist (phone first): their tasks to tick, and who does the rest.
    func showMyOnboarding(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let employeeID = context.principal?.employeeID else { throw AppError.notFound }
        let tutorItems = try self.tutorItems(employeeID: employeeID, context.strings)
        guard let found = try onboardingStore.latestChecklist(employeeID: employeeID) else {
            return try renderChecklist(nil, ChecklistReader(isOwner: true, leads: false, employeeID: employeeID), context,
                                       tutorItems: tutorItems)
        }
        return try renderChecklist(found, checklistReader(found.checklist, context), context, tutorItems: tutorItems)
    }

    /// A tutor's open items on new colleagues' checklists (of the last six months), each linking to it.
    func tutorItems(employeeID: Int64, _ strings: Strings) throws -> [HomeLink] {
        let from = CivilDay.today(settings.now()).adding(months: -Self.newHireMonths).iso
        let language = strings.language.rawValue
        return try onboardingStore.openTutorItems(employeeID: employeeID, startingFrom: from).map { item in
            HomeLink(href: Paths.onboardingChecklist(item.checklistID) + "#item-\(item.itemID)",
                     label: strings.format("onboarding_tutor_item", ["name": item.hireName, "item": item.title.text(language),
                                                                     "date": strings.date(item.dueOn)]),
                     description: "")
        }
    }

    func showOnboardingChecklist(_ request: Request, _ context: RequestContext) throws -> Response {
        let (found, reader) = try visibleChecklist(context)
        return try renderChecklist(found, reader, context)
    }

    /// Ticks an item done (`done=1`) or not done (`done=0`): the new hire their own items, the tutor
    /// theirs, the supervisors and HR any (404 for an item the reader may not tick).
    func tickOnboardingItem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, reader) = try visibleChecklist(context)
        let itemID = try context.itemID
        guard let item = details.items.first(where: { $0.id == itemID }), reader.canTick(item.record) else { throw AppError.notFound }
        let done = try context.requireForm()["done"] != "0"
        let today = CivilDay.today(settings.now())
        try changing {
            if try onboardingStore.setDone(itemID: itemID, checklistID: details.checklist.id, done: done, on: today.iso,
                                           by: context.principal?.userID, now: settings.now()) {
                try auditChange(done ? "onboarding.item.done" : "onboarding.item.undone", context,
                                target: "onboarding:\(details.checklist.id)", detail: "item \(itemID)")
            }
        }
        let page = reader.isOwner && !reader.leads ? Paths.myOnboarding : Paths.onboardingChecklist(details.checklist.id)
        return .redirect(to: page + "#item-\(itemID)")
    }

    /// Adds an item for this hire only: the unit's supervisors and HR (recorded, audited).
    func addOnboardingItem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, reader) = try visibleChecklist(context)
        try context.require(reader.leads)
        let input = ChecklistAdditionInput(form: try context.requireForm(), strings: context.strings)
        guard let (content, dueOn) = input.checked else {
            return try renderChecklist(details, reader, context, addition: input, status: .unprocessableContent)
        }
        let itemID = try changing {
            let id = try onboardingStore.addItem(checklistID: details.checklist.id, content: content, dueOn: dueOn,
                                                 by: context.principal?.userID, now: settings.now())
            try auditChange("onboarding.item.add", context, target: "onboarding:\(details.checklist.id)", detail: "item \(id)")
            return id
        }
        return .redirect(to: Paths.onboardingChecklist(details.checklist.id) + "#item-\(itemID)")
    }

    /// Removes an item from this hire's checklist: kept in the record as removed, by whom and when.
    func removeOnboardingItem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, reader) = try visibleChecklist(context)
        try context.require(reader.leads)
        let itemID = try context.itemID
        let removed = try changing {
            let removed = try onboardingStore.removeItem(itemID: itemID, checklistID: details.checklist.id,
                                                         by: context.principal?.userID, now: settings.now())
            if removed {
                try auditChange("onboarding.item.remove", context, target: "onboarding:\(details.checklist.id)", detail: "item \(itemID)")
            }
            return removed
        }
        guard removed else { throw AppError.notFound }
        return context.redirect(Paths.onboardingChecklist(details.checklist.id), notice: "deleted")
    }

    /// Starts an employee's checklist by hand: HR of the organisation and the supervisors of the
    /// employee's unit (404 for anyone else).
    func startOnboardingByHand(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let employee = try employees.employee(id: try context.employeeID) else { throw AppError.notFound }
        let supervises = employee.unitID.map { context.principal?.supervisedUnitIDs.contains($0) ?? false } ?? false
        try context.require(context.access.canManageOrganisation(employee.organisationID) || supervises)
        let outcome = try changing {
            let outcome = try startOnboarding(for: employee, how: .byHand, by: context.principal?.userID)
            if case .started(let id) = outcome {
                try auditChange("onboarding.start", context, target: "employee:\(employee.id)", detail: "checklist \(id)")
            }
            return outcome
        }
        switch outcome {
        case .started(let id), .alreadyStarted(let id):
            return .redirect(to: Paths.onboardingChecklist(id))
        case .nothingApplies:
            let strings = context.strings
            return try context.render("onboarding/nothing-applies", title: strings.text("onboarding_nothing_applies_title"),
                                      NothingAppliesView(back: employee.unitID.map(Paths.unitOnboarding) ?? Paths.home),
                                      status: .unprocessableContent)
        }
    }

    /// How the responsible person reads on a page.
    func responsibleText(_ item: OnboardingChecklistItem, reader: ChecklistReader, tutorNames: [Int64: String],
                         _ strings: Strings) -> String {
        switch item.responsible {
        case .employee: strings.text(reader.isOwner ? "onboarding_party_you" : "onboarding_party_employee")
        case .supervisor: strings.text("onboarding_party_supervisor")
        case .digitutor:
            item.responsibleEmployeeID == reader.employeeID ? strings.text("onboarding_party_you")
                : strings.format("onboarding_party_tutor_named", ["name": item.responsibleEmployeeID.flatMap { tutorNames[$0] } ?? ""])
        case .it: strings.text("onboarding_party_it")
        case .hr: strings.text("onboarding_party_hr")
        }
    }

    func renderChecklist(_ details: OnboardingChecklistDetails?, _ reader: ChecklistReader, _ context: RequestContext,
                         addition: ChecklistAdditionInput = ChecklistAdditionInput(), tutorItems: [HomeLink] = [],
                         status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let today = CivilDay.today(settings.now())
        let own = reader.isOwner && !reader.leads
        guard let details else {
            let title = strings.text("onboarding_my_title")
            return try context.render("onboarding/checklist", title: title, ChecklistView(
                crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                         Crumb(href: Paths.myOnboarding, label: title, current: true)],
                heading: title, hasChecklist: false, startDate: "", progressText: "", percent: 0, overdueText: "", hasOverdue: false,
                complete: false, newerVersion: false, sections: [], errors: [], hasErrors: false, addition: nil, hasAddition: false,
                tutorItems: tutorItems, hasTutorItems: !tutorItems.isEmpty),
                status: status)
        }
        let checklist = details.checklist
        let people = try employees.employees(ids: Array(Set(details.items.compactMap(\.responsibleEmployeeID) + [checklist.employeeID])))
        let tutorNames = people.mapValues { $0.firstName + " " + $0.lastName }
        let hireName = tutorNames[checklist.employeeID] ?? ""
        let progress = OnboardingProgress(details.items.map(\.record.state), on: today)
        func view(_ item: Stored<OnboardingChecklistItem>) -> ChecklistItemView {
            let record = item.record
            let title = record.title.text(language)
            let instructions = record.instructions.text(language)
            let statusText: String, statusClass: String
            if let done = record.doneOn {
                statusText = strings.format(record.doneByEvidence ? "onboarding_done_by_training" : "onboarding_done_on",
                                            ["date": strings.date(done)])
                statusClass = "status-valid"
            } else if record.state.isOverdue(on: today) {
                (statusText, statusClass) = (strings.text("onboarding_overdue"), "status-overdue")
            } else {
                (statusText, statusClass) = (strings.text("onboarding_open"), "status-due")
            }
            let canTick = reader.canTick(record)
            return ChecklistItemView(
                anchor: "item-\(item.id)", title: title, instructions: instructions, hasInstructions: !instructions.isEmpty,
                due: strings.date(record.dueOn), statusText: statusText, statusClass: statusClass,
                responsible: responsibleText(record, reader: reader, tutorNames: tutorNames, strings),
                isDone: record.isDone, canTick: canTick, tickAction: Paths.onboardingItem(checklist.id, item.id),
                tickValue: record.isDone ? "0" : "1",
                tickLabel: strings.format(record.isDone ? "onboarding_untick_label" : "onboarding_tick_label", ["item": title]),
                trainingHref: record.trainingID.map(Paths.training) ?? "", hasTraining: record.trainingID != nil,
                instructionHref: record.instructionID.map(Paths.instruction) ?? "", hasInstruction: record.instructionID != nil,
                linkURL: record.linkURL ?? "", hasLink: record.linkURL != nil, optional: !record.required,
                addedNote: record.addedAt.map { strings.format("onboarding_added_note", ["date": strings.dateTime($0)]) } ?? "",
                hasAddedNote: record.addedAt != nil,
                canRemove: reader.leads, removeAction: Paths.onboardingItemRemoval(checklist.id, item.id),
                removeLabel: strings.format("onboarding_remove_label", ["item": title]))
        }
        let sections: [ChecklistSectionView]
        if own {
            let mine = details.items.filter { reader.canTick($0.record) }.map(view)
            let others = details.items.filter { !reader.canTick($0.record) }.map(view)
            sections = [
                ChecklistSectionView(heading: strings.text("onboarding_section_yours"), headingID: "yours", items: mine, hasItems: !mine.isEmpty),
                ChecklistSectionView(heading: strings.text("onboarding_section_others"), headingID: "others", items: others,
                                     hasItems: !others.isEmpty),
            ]
        } else {
            let all = details.items.map(view)
            sections = [ChecklistSectionView(heading: strings.text("onboarding_section_all"), headingID: "items", items: all, hasItems: !all.isEmpty)]
        }
        let title = own ? strings.text("onboarding_my_title") : strings.format("onboarding_checklist_title", ["name": hireName])
        var crumbs = [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false)]
        if reader.leads, let unitID = checklist.unitID {
            crumbs.append(Crumb(href: Paths.unitOnboarding(unitID), label: strings.text("onboarding_new_hires_title"), current: false))
        }
        crumbs.append(Crumb(href: own ? Paths.myOnboarding : Paths.onboardingChecklist(checklist.id), label: title, current: true))
        let errors = addition.errors
        let additionView = reader.leads ? ChecklistAdditionView(
            action: Paths.onboardingItems(checklist.id),
            title: FieldView(name: "title", value: addition.title, error: errors["title"]),
            dueOn: FieldView(name: "due_on", value: addition.dueOn.isEmpty ? today.iso : addition.dueOn, error: errors["due_on"]),
            responsible: FieldView(name: "responsible", value: addition.responsible, error: errors["responsible"]),
            parties: ChecklistAdditionInput.parties.map {
                SelectOption(value: $0.rawValue, label: strings.text("onboarding_party_" + $0.rawValue), selected: $0.rawValue == addition.responsible)
            },
            required: addition.required) : nil
        return try context.render("onboarding/checklist", title: title, ChecklistView(
            crumbs: crumbs, heading: title, hasChecklist: true,
            startDate: strings.format("onboarding_start_date", ["date": strings.date(checklist.startDate)]),
            progressText: strings.format("onboarding_progress", ["done": strings.number(progress.done), "total": strings.number(progress.total)]),
            percent: progress.percent,
            overdueText: strings.format("onboarding_overdue_count", ["count": strings.number(progress.overdue)]),
            hasOverdue: progress.overdue > 0, complete: progress.isComplete, newerVersion: details.newerVersionExists,
            sections: sections, errors: errors.links, hasErrors: !errors.isEmpty, addition: additionView, hasAddition: additionView != nil,
            tutorItems: tutorItems, hasTutorItems: !tutorItems.isEmpty),
            status: status)
    }
}

struct NothingAppliesView {
    let back: String
}
