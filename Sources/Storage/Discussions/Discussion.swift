import Foundation
import GRDB

/// A year's round of development discussions in an organisation, opened by HR.
public struct DiscussionCycle: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "discussion_cycles"

    public var organisationID: Int64
    public var title: String
    /// `YYYY-MM-DD`, both inclusive.
    public var startsOn: String
    public var endsOn: String
    public var createdAt: Date
    public var createdBy: Int64?

    enum CodingKeys: String, CodingKey {
        case title
        case organisationID = "organisation_id", startsOn = "starts_on", endsOn = "ends_on"
        case createdAt = "created_at", createdBy = "created_by"
    }

    public init(organisationID: Int64, title: String, startsOn: String, endsOn: String, createdBy: Int64? = nil,
                now: Date = Date()) {
        self.organisationID = organisationID
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.createdBy = createdBy
        createdAt = now
    }

    public func isRunning(on day: String) -> Bool { startsOn <= day && day <= endsOn }
}

/// A question the employee answers before the meeting.
public struct DiscussionQuestion: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "discussion_questions"

    public var organisationID: Int64
    public var position: Int
    public var text: LocalisedText
    public var active: Bool

    enum CodingKeys: String, CodingKey {
        case position, active
        case organisationID = "organisation_id", textFi = "text_fi", textSv = "text_sv", textEn = "text_en"
    }

    public init(organisationID: Int64, position: Int, text: LocalisedText, active: Bool = true) {
        self.organisationID = organisationID
        self.position = position
        self.text = text
        self.active = active
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organisationID = try container.decode(Int64.self, forKey: .organisationID)
        position = try container.decode(Int.self, forKey: .position)
        text = LocalisedText(fi: try container.decode(String.self, forKey: .textFi),
                             sv: try container.decode(String.self, forKey: .textSv),
                             en: try container.decode(String.self, forKey: .textEn))
        active = try container.decode(Bool.self, forKey: .active)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(organisationID, forKey: .organisationID)
        try container.encode(position, forKey: .position)
        try container.encode(text.fi, forKey: .textFi)
        try container.encode(text.sv, forKey: .textSv)
        try container.encode(text.en, forKey: .textEn)
        try container.encode(active, forKey: .active)
    }
}

/// One employee's discussion in a cycle. Once both have signed it does not change (the database
/// refuses); corrections are entries of their own.
public struct Discussion: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "discussions"

    public var cycleID: Int64
    public var employeeID: Int64
    /// The unit when the discussion was opened.
    public var unitID: Int64?
    public var plannedOn: String?
    public var heldOn: String?
    public var supervisorNotes: String
    public var employeeComment: String
    public var employeeDisagrees: Bool
    public var employeeSignedAt: Date?
    public var supervisorSignedAt: Date?
    public var supervisorSignedBy: Int64?
    public var createdAt: Date
    public var createdBy: Int64?
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case cycleID = "cycle_id", employeeID = "employee_id", unitID = "unit_id", plannedOn = "planned_on", heldOn = "held_on"
        case supervisorNotes = "supervisor_notes", employeeComment = "employee_comment", employeeDisagrees = "employee_disagrees"
        case employeeSignedAt = "employee_signed_at", supervisorSignedAt = "supervisor_signed_at"
        case supervisorSignedBy = "supervisor_signed_by", createdAt = "created_at", createdBy = "created_by", updatedAt = "updated_at"
    }

    public init(cycleID: Int64, employeeID: Int64, unitID: Int64?, createdBy: Int64? = nil, now: Date = Date()) {
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.unitID = unitID
        supervisorNotes = ""
        employeeComment = ""
        employeeDisagrees = false
        self.createdBy = createdBy
        createdAt = now
        updatedAt = now
    }

    /// Both have signed: the record is read-only.
    public var isSigned: Bool { employeeSignedAt != nil && supervisorSignedAt != nil }
}

/// What a plan's action is.
public enum DiscussionActionKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// A session of the training catalogue; the employee is enrolled.
    case session
    /// Time with the unit's digitutor.
    case tutor
    /// An instruction of the library.
    case instruction
    /// Practice at work.
    case practice
}

public struct DiscussionAction: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "discussion_actions"

    public var goalID: Int64
    public var kind: DiscussionActionKind
    public var trainingID: Int64?
    public var sessionID: Int64?
    public var instructionID: Int64?
    public var note: String

    enum CodingKeys: String, CodingKey {
        case kind, note
        case goalID = "goal_id", trainingID = "training_id", sessionID = "session_id", instructionID = "instruction_id"
    }

    public init(goalID: Int64, kind: DiscussionActionKind, trainingID: Int64? = nil, sessionID: Int64? = nil,
                instructionID: Int64? = nil, note: String = "") {
        self.goalID = goalID
        self.kind = kind
        self.trainingID = trainingID
        self.sessionID = sessionID
        self.instructionID = instructionID
        self.note = note
    }
}

/// One goal of a plan, tied to a competence area.
public struct DiscussionGoal: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "discussion_goals"

    public var discussionID: Int64
    public var position: Int
    public var areaID: Int64
    public var goal: String
    public var followUpOn: String?

    enum CodingKeys: String, CodingKey {
        case position, goal
        case discussionID = "discussion_id", areaID = "area_id", followUpOn = "follow_up_on"
    }

    public init(discussionID: Int64, position: Int, areaID: Int64, goal: String, followUpOn: String?) {
        self.discussionID = discussionID
        self.position = position
        self.areaID = areaID
        self.goal = goal
        self.followUpOn = followUpOn
    }
}

/// A goal with its actions, as a page shows them.
public struct DiscussionGoalDetails: Sendable, Equatable {
    public var goal: Stored<DiscussionGoal>
    public var actions: [Stored<DiscussionAction>]
}

/// A correction written after both signed.
public struct DiscussionCorrection: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "discussion_corrections"

    public var discussionID: Int64
    public var body: String
    public var writtenAt: Date
    public var writtenBy: Int64?

    enum CodingKeys: String, CodingKey {
        case body
        case discussionID = "discussion_id", writtenAt = "written_at", writtenBy = "written_by"
    }

    public init(discussionID: Int64, body: String, writtenBy: Int64?, now: Date = Date()) {
        self.discussionID = discussionID
        self.body = body
        self.writtenBy = writtenBy
        writtenAt = now
    }
}

/// An employee of a supervisor's units and where their discussion of the cycle stands.
public struct DiscussionStaffLine: Sendable, Equatable {
    public var employeeID: Int64
    public var firstName: String
    public var lastName: String
    public var jobTitle: String?
    public var unitID: Int64?
    public var discussion: Stored<Discussion>?
    public var goals: Int
}

/// HR's counts for one unit in a cycle: people, discussions opened, held, signed, with a plan.
public struct DiscussionUnitCounts: Sendable, Equatable {
    public var unitID: Int64
    public var staff: Int
    public var opened: Int
    public var held: Int
    public var signed: Int
    public var withPlan: Int
}
