/// One item of a template, as the composition sees it: the caller's id for it, its key, its layer,
/// its place in its template and its due offset.
public struct OnboardingTemplateEntry: Sendable, Hashable {
    /// The caller's id of the item (a template item's row id); the composition hands it back.
    public let id: Int64
    public let key: String
    public let layer: OnboardingLayer
    public let position: Int
    /// Days from the start date; negative before day one.
    public let offsetDays: Int

    public init(id: Int64, key: String, layer: OnboardingLayer, position: Int, offsetDays: Int) {
        self.id = id
        self.key = key
        self.layer = layer
        self.position = position
        self.offsetDays = offsetDays
    }
}

/// Composes a new hire's checklist from the template layers that apply to them.
public enum OnboardingComposition {
    /// The items of every layer given, de-duplicated by key (the more specific layer wins; within
    /// one layer the earlier position), ordered by due offset, then layer (wider first), then
    /// position, then key — a total order, so the result never depends on the input's order.
    public static func compose(_ entries: [OnboardingTemplateEntry]) -> [OnboardingTemplateEntry] {
        var chosen: [String: OnboardingTemplateEntry] = [:]
        for entry in entries {
            guard let current = chosen[entry.key] else {
                chosen[entry.key] = entry
                continue
            }
            if wins(entry, over: current) { chosen[entry.key] = entry }
        }
        return chosen.values.sorted(by: inChecklistOrder)
    }

    /// Whether `entry` replaces `current` for the same key.
    static func wins(_ entry: OnboardingTemplateEntry, over current: OnboardingTemplateEntry) -> Bool {
        if entry.layer.specificity != current.layer.specificity {
            return entry.layer.specificity > current.layer.specificity
        }
        if entry.position != current.position { return entry.position < current.position }
        return entry.id < current.id
    }

    /// The checklist's order: due offset, layer, position, key, id.
    public static func inChecklistOrder(_ lhs: OnboardingTemplateEntry, _ rhs: OnboardingTemplateEntry) -> Bool {
        if lhs.offsetDays != rhs.offsetDays { return lhs.offsetDays < rhs.offsetDays }
        if lhs.layer.specificity != rhs.layer.specificity { return lhs.layer.specificity < rhs.layer.specificity }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.key != rhs.key { return lhs.key < rhs.key }
        return lhs.id < rhs.id
    }

    /// The day an item is due: the start date plus its offset (before the start when negative).
    public static func dueDay(start: CivilDay, offsetDays: Int) -> CivilDay {
        start.adding(days: offsetDays)
    }

    /// Who does an item for this hire. A digitutor item goes to the unit's active tutor when there
    /// is one, and to the supervisor when there is none.
    public static func responsible(for party: OnboardingParty, tutorEmployeeID: Int64?) -> OnboardingResponsible {
        switch party {
        case .employee: .newEmployee
        case .supervisor: .supervisor
        case .digitutor: tutorEmployeeID.map { .tutor(employeeID: $0) } ?? .supervisor
        case .it: .it
        case .hr: .hr
        }
    }
}

/// Who does a checklist item, once resolved for one new hire.
public enum OnboardingResponsible: Sendable, Hashable {
    case newEmployee
    case supervisor
    case tutor(employeeID: Int64)
    case it
    case hr

    /// The party as stored (`employee`, `supervisor`, `digitutor`, `it`, `hr`).
    public var party: OnboardingParty {
        switch self {
        case .newEmployee: .employee
        case .supervisor: .supervisor
        case .tutor: .digitutor
        case .it: .it
        case .hr: .hr
        }
    }

    /// The tutor's employee id for tutor items.
    public var employeeID: Int64? {
        if case .tutor(let id) = self { return id }
        return nil
    }
}
