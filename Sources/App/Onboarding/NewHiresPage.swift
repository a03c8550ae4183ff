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

/// The page around the kept lists: the heading, and the forms (with the reader's token).
struct NewHiresView {
    let crumbs: [Crumb]
    let heading: String
    let unitName: String
    /// The lists of hires, kept (`NewHiresListsView`); the start buttons in it submit `startFormID`.
    let listsHTML: String
    let startFormID: String
    /// The unit's supervisors open (or make) its own template here.
    let canEditUnitTemplate: Bool
    let unitTemplateAction: String
}

/// The lists of the supervisor's view, rendered without a token so that they can be kept: each start
/// button names the one form outside them (`form` and `formaction` attributes, no script).
struct NewHiresListsView {
    let running: [NewHireRow]
    let hasRunning: Bool
    let finished: [NewHireRow]
    let hasFinished: Bool
    let withoutChecklist: [HireWithoutChecklistRow]
    let hasWithoutChecklist: Bool
    let startFormID: String
}

extension WebApp {
    /// How far back the supervisor's view of new hires reaches.
    static let newHireMonths = 6

    /// The id of the page's one form the start buttons submit.
    static let startFormID = "start-onboarding"

    /// The supervisor's view of new hires of the last six months in the unit and its sub-units, with
    /// progress, the ones with overdue items first; finished checklists stay readable below.
    ///
    /// The lists are kept until this process commits anything, for a minute at most (what other
    /// processes write, a command-line import) and for the day (overdue items): reading and rendering
    /// them per view made the page cost twice the home page.
    func showUnitOnboarding(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let unit = try units.unit(id: try context.unitID) else { throw AppError.notFound }
        try context.require(context.access.canViewUnit(unit))
        let strings = context.strings
        let today = CivilDay.today(settings.now())
        let key = CacheKey(family: "new-hires:\(unit.id)|\(database.commitCount)",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: today.iso)
        let lists = try context.renderPartCached("onboarding/new-hires-lists", key: key) {
            try newHiresLists(unitID: unit.id, today: today, strings)
        }
        let title = strings.text("onboarding_new_hires_title")
        return try context.render("onboarding/new-hires", title: title, NewHiresView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.unit(unit.id), label: unit.name, current: false),
                     Crumb(href: Paths.unitOnboarding(unit.id), label: title, current: true)],
            heading: title, unitName: unit.name, listsHTML: lists, startFormID: Self.startFormID,
            canEditUnitTemplate: context.principal?.supervisedUnitIDs.contains(unit.id) ?? false,
            unitTemplateAction: Paths.unitOnboardingTemplate(unit.id)))
    }

    private func newHiresLists(unitID: Int64, today: CivilDay, _ strings: Strings) throws -> NewHiresListsView {
        let from = today.adding(months: -Self.newHireMonths).iso
        let subtree = try units.unitAndDescendantIDs(of: unitID)
        // Completed trainings have already ticked their items (migration 0017): this view only reads.
        let hires = try onboardingStore.hires(inUnits: subtree, startingFrom: from)
        let rows = hires.map { hire -> (row: NewHireRow, overdue: Int) in
            let progress = OnboardingProgress(hire.items.map(\.state), on: today)
            return (NewHireRow(
                name: hire.firstName + " " + hire.lastName, href: Paths.onboardingChecklist(hire.checklist.id),
                jobTitle: hire.jobTitle ?? "", startDate: strings.date(hire.checklist.startDate),
                progress: strings.format("onboarding_progress", ["done": strings.number(progress.done), "total": strings.number(progress.total)]),
                percent: progress.percent,
                overdue: strings.format("onboarding_overdue_count", ["count": strings.number(progress.overdue)]),
                hasOverdue: progress.overdue > 0, complete: progress.isComplete), progress.overdue)
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
        return NewHiresListsView(running: running, hasRunning: !running.isEmpty, finished: finished, hasFinished: !finished.isEmpty,
                                 withoutChecklist: waiting, hasWithoutChecklist: !waiting.isEmpty, startFormID: Self.startFormID)
    }
}
