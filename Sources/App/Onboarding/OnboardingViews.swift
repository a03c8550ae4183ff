import Foundation
import Metrics
import Storage

/// One item of a checklist as a page shows it.
struct ChecklistItemView {
    /// The item's anchor (`item-12`), where a tick returns to.
    let anchor: String
    let title: String
    let instructions: String
    let hasInstructions: Bool
    let due: String
    let statusText: String
    let statusClass: String
    let responsible: String
    let isDone: Bool
    let canTick: Bool
    let tickAction: String
    /// `1` to mark done, `0` to mark not done.
    let tickValue: String
    let tickLabel: String
    let trainingHref: String
    let hasTraining: Bool
    let instructionHref: String
    let hasInstruction: Bool
    let linkURL: String
    let hasLink: Bool
    let optional: Bool
    let addedNote: String
    let hasAddedNote: Bool
    let canRemove: Bool
    let removeAction: String
    let removeLabel: String
}

/// A group of items under a heading ("Your tasks", "Others do these").
struct ChecklistSectionView {
    let heading: String
    let headingID: String
    let items: [ChecklistItemView]
    let hasItems: Bool
}

/// The supervisor's form to add an item for this hire.
struct ChecklistAdditionView {
    let action: String
    let title: FieldView
    let dueOn: FieldView
    let responsible: FieldView
    let parties: [SelectOption]
    let required: Bool
}

struct ChecklistView {
    let crumbs: [Crumb]
    let heading: String
    let hasChecklist: Bool
    let startDate: String
    let progressText: String
    let percent: Int
    let overdueText: String
    let hasOverdue: Bool
    let complete: Bool
    let newerVersion: Bool
    let sections: [ChecklistSectionView]
    let errors: [ErrorLink]
    let hasErrors: Bool
    let addition: ChecklistAdditionView?
    let hasAddition: Bool
    /// On the employee's own page, for tutors: new colleagues' open items named to them.
    var tutorItems: [HomeLink] = []
    var hasTutorItems = false
}

/// Who may do what on one checklist.
struct ChecklistReader {
    /// The new employee themselves.
    let isOwner: Bool
    /// A supervisor of the checklist's unit, HR of its organisation, or an administrator.
    let leads: Bool
    /// The employee id of the reader (for tutor items named to them).
    let employeeID: Int64?

    func canTick(_ item: OnboardingChecklistItem) -> Bool {
        if leads { return true }
        if isOwner && item.responsible == .employee { return true }
        if let employeeID, item.responsible == .digitutor, item.responsibleEmployeeID == employeeID { return true }
        return false
    }

    /// The tutor named on some item of the checklist.
    func isNamedTutor(_ items: [Stored<OnboardingChecklistItem>]) -> Bool {
        guard let employeeID else { return false }
        return items.contains { $0.responsible == .digitutor && $0.responsibleEmployeeID == employeeID }
    }
}

extension OnboardingChecklistItem {
    /// Progress's view of the item.
    var state: OnboardingItemState {
        OnboardingItemState(due: CivilDay(iso: dueOn) ?? CivilDay(daysSinceEpoch: 0), doneOn: doneOn.flatMap(CivilDay.init(iso:)),
                            required: required)
    }
}

extension OnboardingItemDates {
    var state: OnboardingItemState {
        OnboardingItemState(due: CivilDay(iso: dueOn) ?? CivilDay(daysSinceEpoch: 0), doneOn: doneOn.flatMap(CivilDay.init(iso:)),
                            required: required)
    }
}

/// The home page's short card of the new employee's running checklist.
struct OnboardingCardView {
    let progress: String
    let percent: Int
    let overdue: String
    let hasOverdue: Bool
    /// The employee's own next open items: "Title (due 3.3.2027)".
    let next: [String]
    let hasNext: Bool
    let href: String
}

extension WebApp {
    /// How many of their own next items the home page card names.
    static let onboardingCardItems = 3

    /// The card of the employee's latest checklist while any of its required items is open.
    func onboardingCard(_ employee: Stored<Employee>, _ strings: Strings) throws -> OnboardingCardView? {
        guard let details = try onboardingStore.latestChecklist(employeeID: employee.id) else { return nil }
        let today = CivilDay.today(settings.now())
        let progress = OnboardingProgress(details.items.map(\.record.state), on: today)
        guard !progress.isComplete else { return nil }
        let language = strings.language.rawValue
        let next = details.items.filter { $0.responsible == .employee && !$0.isDone }.prefix(Self.onboardingCardItems).map {
            strings.format("onboarding_home_item", ["item": $0.title.text(language), "date": strings.date($0.dueOn)])
        }
        return OnboardingCardView(
            progress: strings.format("onboarding_progress", ["done": strings.number(progress.done), "total": strings.number(progress.total)]),
            percent: progress.percent,
            overdue: strings.format("onboarding_overdue_count", ["count": strings.number(progress.overdue)]),
            hasOverdue: progress.overdue > 0, next: Array(next), hasNext: !next.isEmpty, href: Paths.myOnboarding)
    }
}
