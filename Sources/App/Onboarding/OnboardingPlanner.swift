import Foundation
import Metrics
import Storage

/// Turns the templates that apply to a new hire into the checklist to start: the composition rules
/// of `Metrics/Onboarding` applied to what the store found, due days from the start date and the
/// responsible person resolved (a digitutor item goes to the unit's active tutor, else the supervisor).
public enum OnboardingPlanner {
    static func layer(_ layer: OnboardingTemplateLayer, unitDistance: Int) -> OnboardingLayer {
        switch layer {
        case .organisation: OnboardingLayer(.organisation)
        case .sector: OnboardingLayer(.sector)
        case .unit: OnboardingLayer(.unit, unitDistance: unitDistance)
        case .jobGroup: OnboardingLayer(.jobGroup)
        }
    }

    static func party(_ party: OnboardingResponsibleParty) -> OnboardingParty {
        switch party {
        case .employee: .employee
        case .supervisor: .supervisor
        case .digitutor: .digitutor
        case .it: .it
        case .hr: .hr
        }
    }

    static func stored(_ party: OnboardingParty) -> OnboardingResponsibleParty {
        switch party {
        case .employee: .employee
        case .supervisor: .supervisor
        case .digitutor: .digitutor
        case .it: .it
        case .hr: .hr
        }
    }

    /// The checklist for `employee` starting on `start`, or nil when no template applies.
    public static func plan(employee: Stored<Employee>, start: CivilDay, applicable: [OnboardingApplicableItem], tutorEmployeeID: Int64?,
                     how: OnboardingStartKind, by userID: Int64?, now: Date) -> OnboardingChecklistPlan? {
        let byID = Dictionary(applicable.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
        let entries = applicable.map { found in
            OnboardingTemplateEntry(id: found.item.id, key: found.item.key, layer: layer(found.layer, unitDistance: found.unitDistance),
                                    position: found.item.position, offsetDays: found.item.offsetDays)
        }
        let composed = OnboardingComposition.compose(entries)
        guard !composed.isEmpty else { return nil }
        // The tutor is never the new hire themselves.
        let tutor = tutorEmployeeID == employee.id ? nil : tutorEmployeeID
        let items = composed.compactMap { entry -> OnboardingPlannedItem? in
            guard let found = byID[entry.id] else { return nil }
            let responsible = OnboardingComposition.responsible(for: party(found.item.responsible), tutorEmployeeID: tutor)
            return OnboardingPlannedItem(templateItemID: found.item.id, content: found.item.content, responsible: stored(responsible.party),
                                         responsibleEmployeeID: responsible.employeeID,
                                         dueOn: OnboardingComposition.dueDay(start: start, offsetDays: found.item.offsetDays).iso)
        }
        let versions = Set(applicable.filter { item in composed.contains { $0.id == item.item.id } }.map(\.versionID))
        return OnboardingChecklistPlan(
            checklist: OnboardingChecklist(organisationID: employee.organisationID, employeeID: employee.id, unitID: employee.unitID,
                                           startDate: start.iso, startedHow: how, startedBy: userID, now: now),
            versionIDs: versions.sorted(), items: items)
    }
}

/// Starts checklists: the web application's import, roster edits and start-by-hand, and the
/// command-line import, all through this one type.
public struct OnboardingStarter: Sendable {
    let database: AppDatabase
    let now: @Sendable () -> Date

    /// How far back a start date still counts as new: a hire added to the roster in their first
    /// month still gets a checklist, an old hand whose record is corrected does not.
    public static let newStartDays = 30

    public init(database: AppDatabase, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Starts the employee's checklist for their start date (today when the roster has none).
    public func start(for employee: Stored<Employee>, how: OnboardingStartKind, by userID: Int64?) throws -> OnboardingStartOutcome {
        let today = CivilDay.today(now())
        let start = employee.startDate.flatMap(CivilDay.init(iso:)) ?? today
        let tutor: Int64?
        if let unitID = employee.unitID {
            tutor = try TutorStore(database).activeTutors(servingUnit: unitID, on: today.iso)
                .map(\.tutor.employeeID).first { $0 != employee.id }
        } else {
            tutor = nil
        }
        let store = OnboardingStore(database)
        guard let plan = OnboardingPlanner.plan(employee: employee, start: start, applicable: try store.applicableItems(employeeID: employee.id),
                                                tutorEmployeeID: tutor, how: how, by: userID, now: now())
        else { return .nothingApplies }
        return try store.start(plan)
    }

    /// Starts checklists for the organisation's active employees whose start date is new and who
    /// have none for it (after an import, or an edit of the roster); returns how many were started.
    @discardableResult
    public func startForNewHires(organisationID: Int64, how: OnboardingStartKind, by userID: Int64?) throws -> Int {
        let from = CivilDay.today(now()).adding(days: -Self.newStartDays).iso
        var started = 0
        for employee in try OnboardingStore(database).newHiresWithoutChecklist(organisationID: organisationID, startingFrom: from) {
            if case .started = try start(for: employee, how: how, by: userID) { started += 1 }
        }
        return started
    }
}

extension WebApp {
    var onboardingStore: OnboardingStore { OnboardingStore(database) }
    var onboardingStarter: OnboardingStarter { OnboardingStarter(database: database, now: settings.now) }

    static let onboardingNewStartDays = OnboardingStarter.newStartDays

    func startOnboarding(for employee: Stored<Employee>, how: OnboardingStartKind, by userID: Int64?) throws -> OnboardingStartOutcome {
        try onboardingStarter.start(for: employee, how: how, by: userID)
    }

    @discardableResult
    func startOnboardingForNewHires(organisationID: Int64, how: OnboardingStartKind, by userID: Int64?) throws -> Int {
        try onboardingStarter.startForNewHires(organisationID: organisationID, how: how, by: userID)
    }
}

extension WebApp {
    /// After a change of one employee's record: starts their checklist when their start date is new
    /// and they have none for it (audited).
    func startOnboardingIfNew(_ employee: Stored<Employee>, how: OnboardingStartKind, _ context: RequestContext) throws {
        let from = CivilDay.today(settings.now()).adding(days: -Self.onboardingNewStartDays).iso
        guard employee.active, let start = employee.startDate, start >= from else { return }
        if case .started(let checklistID) = try startOnboarding(for: employee, how: how, by: context.principal?.userID) {
            try auditChange("onboarding.start", context, target: "employee:\(employee.id)", detail: "checklist \(checklistID)")
        }
    }
}
