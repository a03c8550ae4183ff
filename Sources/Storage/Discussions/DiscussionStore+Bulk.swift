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
            var ids: [Int64] = []
            ids.reserveCapacity(items.count)
            for item in items {
                guard item.goals.count <= Self.maximumGoals else {
                    throw StorageError.invalid("A plan has at most \(Self.maximumGoals) goals.")
                }
                let discussion = item.discussion
                try insertDiscussion.execute(arguments: [
                    discussion.cycleID, discussion.employeeID, discussion.unitID, discussion.plannedOn, discussion.heldOn,
                    discussion.supervisorNotes, discussion.createdAt, discussion.createdBy, discussion.createdAt,
                ])
                let id = db.lastInsertedRowID
                // Sorted so the same load writes the same pages, whatever the dictionary's order.
                for (questionID, answer) in item.answers.sorted(by: { $0.key < $1.key }) {
                    try insertAnswer.execute(arguments: [id, questionID, answer, item.answeredAt ?? discussion.createdAt])
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
                try sign.execute(arguments: [
                    discussion.employeeSignedAt, discussion.employeeComment, discussion.employeeDisagrees,
                    discussion.supervisorSignedAt, discussion.supervisorSignedBy, discussion.updatedAt, id,
                ])
                ids.append(id)
            }
            return ids
        }
    }
}
