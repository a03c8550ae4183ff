import Foundation
import GRDB

/// A new hire's checklist for one start date.
public struct OnboardingChecklist: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "onboarding_checklists"

    public var organisationID: Int64
    public var employeeID: Int64
    public var unitID: Int64?
    /// `YYYY-MM-DD`.
    public var startDate: String
    public var startedHow: OnboardingStartKind
    public var startedAt: Date
    public var startedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case organisationID = "organisation_id", employeeID = "employee_id", unitID = "unit_id", startDate = "start_date"
        case startedHow = "started_how", startedAt = "started_at", startedBy = "started_by"
    }

    public init(organisationID: Int64, employeeID: Int64, unitID: Int64?, startDate: String, startedHow: OnboardingStartKind,
                startedBy: Int64?, now: Date = Date()) {
        self.organisationID = organisationID
        self.employeeID = employeeID
        self.unitID = unitID
        self.startDate = startDate
        self.startedHow = startedHow
        startedAt = now
        self.startedBy = startedBy
    }
}

/// One item of a checklist: copied from a template at the start, or added for this hire.
public struct OnboardingChecklistItem: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "onboarding_checklist_items"

    public var checklistID: Int64
    public var templateItemID: Int64?
    public var key: String
    public var position: Int
    public var titleFi: String
    public var titleSv: String
    public var titleEn: String
    public var instructionsFi: String
    public var instructionsSv: String
    public var instructionsEn: String
    /// Resolved: `digitutor` only with a tutor in `responsibleEmployeeID`.
    public var responsible: OnboardingResponsibleParty
    public var responsibleEmployeeID: Int64?
    public var dueOn: String
    public var required: Bool
    public var trainingID: Int64?
    public var instructionID: Int64?
    public var linkURL: String?
    public var doneOn: String?
    public var doneAt: Date?
    public var doneBy: Int64?
    public var doneByEvidence: Bool
    public var addedBy: Int64?
    public var addedAt: Date?
    public var removedAt: Date?
    public var removedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case position, responsible, required
        case checklistID = "checklist_id", templateItemID = "template_item_id", key = "item_key"
        case titleFi = "title_fi", titleSv = "title_sv", titleEn = "title_en"
        case instructionsFi = "instructions_fi", instructionsSv = "instructions_sv", instructionsEn = "instructions_en"
        case responsibleEmployeeID = "responsible_employee_id", dueOn = "due_on"
        case trainingID = "training_id", instructionID = "instruction_id", linkURL = "link_url"
        case doneOn = "done_on", doneAt = "done_at", doneBy = "done_by", doneByEvidence = "done_by_evidence"
        case addedBy = "added_by", addedAt = "added_at", removedAt = "removed_at", removedBy = "removed_by"
    }

    public init(checklistID: Int64, templateItemID: Int64?, position: Int, content: OnboardingItemContent,
                responsible: OnboardingResponsibleParty, responsibleEmployeeID: Int64?, dueOn: String) {
        self.checklistID = checklistID
        self.templateItemID = templateItemID
        key = content.key
        self.position = position
        titleFi = content.title.fi
        titleSv = content.title.sv
        titleEn = content.title.en
        instructionsFi = content.instructions.fi
        instructionsSv = content.instructions.sv
        instructionsEn = content.instructions.en
        self.responsible = responsible
        self.responsibleEmployeeID = responsibleEmployeeID
        self.dueOn = dueOn
        required = content.required
        trainingID = content.trainingID
        instructionID = content.instructionID
        linkURL = content.linkURL
        doneByEvidence = false
    }

    public var title: LocalisedText { LocalisedText(fi: titleFi, sv: titleSv, en: titleEn) }
    public var instructions: LocalisedText { LocalisedText(fi: instructionsFi, sv: instructionsSv, en: instructionsEn) }
    public var isDone: Bool { doneOn != nil }
}

/// An item as planned for a new checklist: what it says, when it is due and who does it.
public struct OnboardingPlannedItem: Sendable, Equatable {
    public var templateItemID: Int64?
    public var content: OnboardingItemContent
    public var responsible: OnboardingResponsibleParty
    public var responsibleEmployeeID: Int64?
    public var dueOn: String
    /// Already done (the demo's checklists under way); nil for a new checklist.
    public var doneOn: String?

    public init(templateItemID: Int64?, content: OnboardingItemContent, responsible: OnboardingResponsibleParty,
                responsibleEmployeeID: Int64?, dueOn: String, doneOn: String? = nil) {
        self.templateItemID = templateItemID
        self.content = content
        self.responsible = responsible
        self.responsibleEmployeeID = responsibleEmployeeID
        self.dueOn = dueOn
        self.doneOn = doneOn
    }
}

/// A checklist to start: the checklist, the template versions it is made of, its items in order.
public struct OnboardingChecklistPlan: Sendable, Equatable {
    public var checklist: OnboardingChecklist
    public var versionIDs: [Int64]
    public var items: [OnboardingPlannedItem]

    public init(checklist: OnboardingChecklist, versionIDs: [Int64], items: [OnboardingPlannedItem]) {
        self.checklist = checklist
        self.versionIDs = versionIDs
        self.items = items
    }
}

/// A template item that applies to an employee, with where its template sits.
public struct OnboardingApplicableItem: Sendable, Equatable {
    public var layer: OnboardingTemplateLayer
    /// For unit templates: 0 for the employee's own unit, 1 for its parent…
    public var unitDistance: Int
    public var versionID: Int64
    public var item: Stored<OnboardingTemplateItem>
}

/// A checklist with its items (removed ones apart) and whether a template it was made from has a
/// newer version now.
public struct OnboardingChecklistDetails: Sendable, Equatable {
    public var checklist: Stored<OnboardingChecklist>
    public var items: [Stored<OnboardingChecklistItem>]
    public var newerVersionExists: Bool
}

/// A new hire's checklist in a list (the supervisor's view): the person and the items' dates.
public struct OnboardingHireSummary: Sendable, Equatable {
    public var checklist: Stored<OnboardingChecklist>
    public var firstName: String
    public var lastName: String
    public var jobTitle: String?
    public var items: [OnboardingItemDates]
}

/// What progress needs of an item.
public struct OnboardingItemDates: Sendable, Equatable, Hashable {
    public var dueOn: String
    public var doneOn: String?
    public var required: Bool
}

/// One checklist's counts for HR's overview.
public struct OnboardingChecklistCounts: Sendable, Equatable {
    public var unitID: Int64?
    public var sectorID: Int64?
    public var startDate: String
    public var items: Int
    public var done: Int
    public var overdue: Int
    public var requiredOpen: Int
    public var lastRequiredDone: String?
}

/// An item (by key) and how often it was late.
public struct OnboardingLateItem: Sendable, Equatable {
    public var key: String
    public var title: LocalisedText
    public var items: Int
    public var late: Int
}

/// An open item named to a tutor on a new colleague's checklist.
public struct OnboardingTutorItem: Sendable, Equatable {
    public var itemID: Int64
    public var checklistID: Int64
    public var title: LocalisedText
    public var dueOn: String
    public var hireName: String
}
