import Foundation
import HTTPServer
import Metrics
import Storage

/// One new hire in the supervisor's view.
struct NewHireRow {
    let name: String
    let href: String
    let jobTitle: String
    let startDate: String
    let progress: String
    let percent: Int
    let overdue: String
    let hasOverdue: Bool
    let complete: Bool
}

/// A hire of the last months without a checklist, with the button that starts one.
struct HireWithoutChecklistRow {
    let name: String
    let startDate: String
    let action: String
    let label: String
}

struct NewHiresView {
    let crumbs: [Crumb]
    let heading: String
    let unitName: String
    let running: [NewHireRow]
    let hasRunning: Bool
    let finished: [NewHireRow]
    let hasFinished: Bool
    let withoutChecklist: [HireWithoutChecklistRow]
    let hasWithoutChecklist: Bool
    /// The unit's supervisors open (or make) its own template here.
    let canEditUnitTemplate: Bool
    let unitTemplateAction: String
}

extension WebApp {
    /// How far back the supervisor's view of new hires reaches.
    static let newHireMonths = 6

    /// The supervisor's view of new hires of the last six months in the unit and its sub-units, with
    /// progress, the ones with overdue items first; finished checklists stay readable below.
    func showUnitOnboarding(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let unit = try units.unit(id: try context.unitID) else { throw AppError.notFound }
        try context.require(context.access.canViewUnit(unit))
        let strings = context.strings
        let today = CivilDay.today(settings.now())
        let from = today.adding(months: -Self.newHireMonths).iso
        let subtree = try units.unitAndDescendantIDs(of: unit.id)
        var hires = try onboardingStore.hires(inUnits: subtree, startingFrom: from)
        let open = hires.filter { hire in hire.items.contains { $0.doneOn == nil } }.map(\.checklist.id)
        if !open.isEmpty, try onboardingStore.tickByEvidence(checklistIDs: open, now: settings.now()) > 0 {
            hires = try onboardingStore.hires(inUnits: subtree, startingFrom: from)
        }
        let rows = hires.map { hire -> (row: NewHireRow, overdue: Int, start: String) in
            let progress = OnboardingProgress(hire.items.map(\.state), on: today)
            return (NewHireRow(
                name: hire.firstName + " " + hire.lastName, href: Paths.onboardingChecklist(hire.checklist.id),
                jobTitle: hire.jobTitle ?? "", startDate: strings.date(hire.checklist.startDate),
                progress: strings.format("onboarding_progress", ["done": strings.number(progress.done), "total": strings.number(progress.total)]),
                percent: progress.percent,
                overdue: strings.format("onboarding_overdue_count", ["count": strings.number(progress.overdue)]),
                hasOverdue: progress.overdue > 0, complete: progress.isComplete), progress.overdue, hire.checklist.startDate)
        }
        // Overdue items first (most first), then the newest start; the store's order breaks ties.
        let running = rows.filter { !$0.row.complete }.enumerated()
            .sorted { ($0.element.overdue, $1.offset) > ($1.element.overdue, $0.offset) }.map(\.element.row)
        let finished = rows.filter(\.row.complete).map(\.row)
        let waiting = try onboardingStore.hiresWithoutChecklist(inUnits: subtree, startingFrom: from).map { employee in
            let name = employee.firstName + " " + employee.lastName
            return HireWithoutChecklistRow(name: name, startDate: strings.date(employee.startDate),
                                           action: Paths.startOnboarding(employee.id),
                                           label: strings.format("onboarding_start_label", ["name": name]))
        }
        let title = strings.text("onboarding_new_hires_title")
        return try context.render("onboarding/new-hires", title: title, NewHiresView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.unit(unit.id), label: unit.name, current: false),
                     Crumb(href: Paths.unitOnboarding(unit.id), label: title, current: true)],
            heading: title, unitName: unit.name, running: running, hasRunning: !running.isEmpty, finished: finished,
            hasFinished: !finished.isEmpty, withoutChecklist: waiting, hasWithoutChecklist: !waiting.isEmpty,
            canEditUnitTemplate: context.principal?.supervisedUnitIDs.contains(unit.id) ?? false,
            unitTemplateAction: Paths.unitOnboardingTemplate(unit.id)))
    }
}
