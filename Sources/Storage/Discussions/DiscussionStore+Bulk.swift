import Foundation
import GRDB

/// A goal of a bulk-loaded discussion with its actions (their `goalID` is ignored).
public struct DiscussionBulkGoal: Sendable, Equatable {
    public var areaID: Int64
    public var goal: String
    public var followUpOn: String?
    public var actions: [DiscussionAction]

    public init(areaID: Int64, goal: String, followUpOn: String?, actions: [DiscussionAction]) {
        self.areaID = areaID
        self.goal = goal
        self.followUpOn = followUpOn
        self.actions = actions
    }
}

/// A discussion of a bulk load as it stands: preparation, meeting, plan and signatures.
public struct DiscussionBulkItem: Sendable, Equatable {
    /// The discussion; its signatures (and the employee's comment) are written after its content,
    /// as the store's own functions would have left them.
    public var discussion: Discussion
    /// The employee's answers by question.
    public var answers: [Int64: String]
    /// When the employee answered (nil: when the discussion was opened).
    public var answeredAt: Date?
    /// At most `DiscussionStore.maximumGoals`, in order.
    public var goals: [DiscussionBulkGoal]

    public init(discussion: Discussion, answers: [Int64: String] = [:], answeredAt: Date? = nil,
                goals: [DiscussionBulkGoal] = []) {
        self.discussion = discussion
        self.answers = answers
        self.answeredAt = answeredAt
        self.goals = goals
    }
}

extension DiscussionStore {
    /// Stores many discussions in one transaction with prepared statements (demo data, benchmarks):
    /// all of them, or none when one is refused. The rules stay the database's: each discussion goes
    /// in unsigned, then its answers, goals and actions, then its signatures, so the read-only
    /// triggers see what they would have seen had the pages written it. Returns the ids in order.
    @discardableResult
    public func loadMany(_ items: [DiscussionBulkItem]) throws(StorageError) -> [Int64] {
        try database.writing { db in
            let insertDiscussion = try db.makeStatement(sql: """
                INSERT INTO discussions (cycle_id, employee_id, unit_id, planned_on, held_on, supervisor_notes,
                                         created_at, created_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertAnswer = try db.makeStatement(sql: """
                INSERT INTO discussion_answers (discussion_id, question_id, answer, updated_at) VALUES (?, ?, ?, ?)
                """)
            let insertGoal = try db.makeStatement(sql: """
                INSERT INTO discussion_goals (discussion_id, position, area_id, goal, follow_up_on) VALUES (?, ?, ?, ?, ?)
                """)
            let insertAction = try db.makeStatement(sql: """
                INSERT INTO discussion_actions (goal_id, kind, training_id, session_id, instruction_id, note)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            let sign = try db.makeStatement(sql: """
                UPDATE discussions SET employee_signed_at = ?, employee_comment = ?, employee_disagrees = ?,
                       supervisor_signed_at = ?, supervisor_signed_by = ?, updated_at = ?
                WHERE id = ?
                """)
            // Formatting a date for SQLite costs more than binding it, and a load's dates repeat (a
            // demo's are a few hundred days at set hours): each distinct one is formatted once.
            var formatted: [Date: DatabaseValue] = [:]
            func value(_ date: Date?) -> DatabaseValue {
                guard let date else { return .null }
                if let known = formatted[date] { return known }
                let value = date.databaseValue
                formatted[date] = value
                return value
            }
            var ids: [Int64] = []
            ids.reserveCapacity(items.count)
            for item in items {
                guard item.goals.count <= Self.maximumGoals else {
                    throw StorageError.invalid("A plan has at most \(Self.maximumGoals) goals.")
                }
                let discussion = item.discussion
                let created = value(discussion.createdAt)
                try insertDiscussion.execute(arguments: [
                    discussion.cycleID, discussion.employeeID, discussion.unitID, discussion.plannedOn, discussion.heldOn,
                    discussion.supervisorNotes, created, discussion.createdBy, value(discussion.updatedAt),
                ])
                let id = db.lastInsertedRowID
                let answered = value(item.answeredAt ?? discussion.createdAt)
                // Sorted so the same load writes the same pages, whatever the dictionary's order.
                for (questionID, answer) in item.answers.sorted(by: { $0.key < $1.key }) {
                    try insertAnswer.execute(arguments: [id, questionID, answer, answered])
                }
                for (index, goal) in item.goals.enumerated() {
                    try insertGoal.execute(arguments: [id, index + 1, goal.areaID, goal.goal, goal.followUpOn])
                    let goalID = db.lastInsertedRowID
                    for action in goal.actions {
                        try insertAction.execute(arguments: [goalID, action.kind, action.trainingID, action.sessionID,
                                                             action.instructionID, action.note])
                    }
                }
                // One update sets both signatures: the trigger looks at the row before it, still unsigned.
                // A discussion nobody has signed or commented on is complete already.
                let signs = discussion.employeeSignedAt != nil || discussion.supervisorSignedAt != nil
                    || !discussion.employeeComment.isEmpty || discussion.employeeDisagrees
                if signs {
                    try sign.execute(arguments: [
                        value(discussion.employeeSignedAt), discussion.employeeComment, discussion.employeeDisagrees,
                        value(discussion.supervisorSignedAt), discussion.supervisorSignedBy, value(discussion.updatedAt), id,
                    ])
                }
                ids.append(id)
            }
            return ids
        }
    }
}

/// Someone on an organisation's roster, with only what a bulk load of discussions decides by.
public struct DiscussionBulkPerson: Sendable, Equatable {
    public var employeeID: Int64
    public var unitID: Int64?
    public var startDate: String?
    public var endDate: String?
    public var active: Bool
    /// `fi`, `sv` or `en`: the language the person writes their answers in.
    public var language: String
}

extension DiscussionStore {
    /// Everyone of the organisation, inactive people included, in id order: a few columns rather
    /// than whole employee records, which at tens of thousands of people take most of a second to decode.
    public func bulkRoster(organisationID: Int64) throws(StorageError) -> [DiscussionBulkPerson] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT id, unit_id, start_date, end_date, active, language FROM employees WHERE organisation_id = ? ORDER BY id
                """, arguments: [organisationID]).map { row in
                DiscussionBulkPerson(employeeID: row[0], unitID: row[1], startDate: row[2], endDate: row[3], active: row[4],
                                     language: row[5])
            }
        }
    }
}
