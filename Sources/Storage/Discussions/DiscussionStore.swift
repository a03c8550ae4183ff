import Foundation
import GRDB

/// Development discussions: cycles, questions, discussions with their preparation, plan and
/// sign-off. Editing a discussion one party has signed takes that signature back (they signed
/// something else); once both have signed, the database refuses every change.
public struct DiscussionStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Settings and questions

    /// Whether HR of the organisation sees discussions' content (the default: counts only).
    public func hrSeesContent(organisationID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT hr_sees_content FROM discussion_settings WHERE organisation_id = ?"),
                              arguments: [organisationID]) ?? false
        }
    }

    public func setHRSeesContent(organisationID: Int64, _ sees: Bool, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO discussion_settings (organisation_id, hr_sees_content, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET hr_sees_content = excluded.hr_sees_content, updated_at = excluded.updated_at
                """, arguments: [organisationID, sees, now])
        }
    }

    /// The organisation's questions in order; retired ones only when asked.
    public func questions(organisationID: Int64, includeRetired: Bool = false) throws(StorageError) -> [Stored<DiscussionQuestion>] {
        try database.reading { db in
            try Stored<DiscussionQuestion>.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM discussion_questions WHERE organisation_id = ? AND (active = 1 OR ?)
                ORDER BY position, id
                """), arguments: [organisationID, includeRetired])
        }
    }

    /// Adds a question at the end of the active ones.
    @discardableResult
    public func addQuestion(organisationID: Int64, text: LocalisedText) throws(StorageError) -> Stored<DiscussionQuestion> {
        try database.writing { db in
            let position = try Int.fetchOne(db.cachedStatement(sql: "SELECT ifnull(max(position), 0) + 1 FROM discussion_questions WHERE organisation_id = ?"),
                                            arguments: [organisationID]) ?? 1
            return try DiscussionQuestion(organisationID: organisationID, position: position, text: text).insertStored(db)
        }
    }

    /// Retires a question of the organisation (answers given to it stay readable); false if not theirs.
    public func retireQuestion(id: Int64, organisationID: Int64) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: "UPDATE discussion_questions SET active = 0 WHERE id = ? AND organisation_id = ? AND active = 1",
                           arguments: [id, organisationID])
            return db.changesCount == 1
        }
    }

    // MARK: - Cycles

    /// Opens a cycle covering `unitIDs` with their sub-units (none: the whole organisation).
    public func createCycle(_ cycle: DiscussionCycle, unitIDs: [Int64]) throws(StorageError) -> Stored<DiscussionCycle> {
        try database.writing { db in
            let stored = try cycle.insertStored(db)
            for unitID in Set(unitIDs) {
                try db.execute(sql: "INSERT INTO discussion_cycle_units (cycle_id, unit_id) VALUES (?, ?)", arguments: [stored.id, unitID])
            }
            return stored
        }
    }

    public func cycle(id: Int64) throws(StorageError) -> Stored<DiscussionCycle>? {
        try database.reading { db in try Stored<DiscussionCycle>.fetchOne(db, key: id) }
    }

    /// The organisation's cycles, newest first.
    public func cycles(organisationID: Int64) throws(StorageError) -> [Stored<DiscussionCycle>] {
        try database.reading { db in
            try Stored<DiscussionCycle>.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM discussion_cycles WHERE organisation_id = ? ORDER BY starts_on DESC, id DESC
                """), arguments: [organisationID])
        }
    }

    /// The units a cycle names (each with its sub-units); empty: the whole organisation.
    public func cycleUnitIDs(cycleID: Int64) throws(StorageError) -> [Int64] {
        try database.reading { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT unit_id FROM discussion_cycle_units WHERE cycle_id = ? ORDER BY unit_id"),
                               arguments: [cycleID])
        }
    }

    /// The newest cycle running on `day` that covers the unit (the unit or one above it named, or
    /// the whole organisation).
    public func cycleCovering(organisationID: Int64, unitID: Int64?, on day: String) throws(StorageError) -> Stored<DiscussionCycle>? {
        try database.reading { db in
            try Stored<DiscussionCycle>.fetchOne(db.cachedStatement(sql: """
                WITH RECURSIVE above(id) AS (
                    SELECT ? WHERE ? IS NOT NULL
                    UNION ALL SELECT u.parent_id FROM units u JOIN above ON u.id = above.id WHERE u.parent_id IS NOT NULL)
                SELECT c.* FROM discussion_cycles c
                WHERE c.organisation_id = ? AND c.starts_on <= ? AND c.ends_on >= ?
                  AND (NOT EXISTS (SELECT 1 FROM discussion_cycle_units s WHERE s.cycle_id = c.id)
                       OR EXISTS (SELECT 1 FROM discussion_cycle_units s WHERE s.cycle_id = c.id AND s.unit_id IN (SELECT id FROM above)))
                ORDER BY c.starts_on DESC, c.id DESC LIMIT 1
                """), arguments: [unitID, unitID, organisationID, day, day])
        }
    }

    // MARK: - Discussions

    /// A discussion with its cycle, in one read (every discussion page starts with both).
    public func discussionAndCycle(id: Int64) throws(StorageError) -> (Stored<Discussion>, Stored<DiscussionCycle>)? {
        try database.reading { db in
            guard let discussion = try Stored<Discussion>.fetchOne(db, key: id),
                  let cycle = try Stored<DiscussionCycle>.fetchOne(db, key: discussion.cycleID) else { return nil }
            return (discussion, cycle)
        }
    }

    public func discussion(id: Int64) throws(StorageError) -> Stored<Discussion>? {
        try database.reading { db in try Stored<Discussion>.fetchOne(db, key: id) }
    }

    /// Whether any discussion has been opened for the employee (the home page's link).
    public func hasDiscussion(employeeID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM discussions WHERE employee_id = ?)"),
                              arguments: [employeeID]) ?? false
        }
    }

    /// The employee's discussions, newest cycle first, with their cycles (one read, one query).
    public func discussions(employeeID: Int64) throws(StorageError) -> [(discussion: Stored<Discussion>, cycle: Stored<DiscussionCycle>)] {
        try database.reading { db in
            let discussions = try Stored<Discussion>.fetchAll(db.cachedStatement(sql: """
                SELECT d.* FROM discussions d JOIN discussion_cycles c ON c.id = d.cycle_id
                WHERE d.employee_id = ? ORDER BY c.starts_on DESC, d.id DESC
                """), arguments: [employeeID])
            let cycles = Dictionary(uniqueKeysWithValues: try Stored<DiscussionCycle>.fetchAll(
                db, keys: Set(discussions.map(\.cycleID))).map { ($0.id, $0) })
            return discussions.compactMap { discussion in cycles[discussion.cycleID].map { (discussion, $0) } }
        }
    }

    /// The employee's discussion in the cycle, opened if there is none yet.
    public func open(cycleID: Int64, employeeID: Int64, unitID: Int64?, by userID: Int64?, now: Date = Date())
        throws(StorageError) -> Stored<Discussion> {
        try database.writing { db in
            if let found = try Stored<Discussion>.fetchOne(db.cachedStatement(sql: "SELECT * FROM discussions WHERE cycle_id = ? AND employee_id = ?"),
                                                           arguments: [cycleID, employeeID]) {
                return found
            }
            return try Discussion(cycleID: cycleID, employeeID: employeeID, unitID: unitID, createdBy: userID, now: now).insertStored(db)
        }
    }

    /// The signed discussion of the employee before `discussion`'s cycle, if any: its plan is where
    /// the next discussion starts. "Before" is the order `cycles` lists them in (start day, then the
    /// order they were created), so of two cycles starting the same day only the later one sees the other.
    public func previousSigned(before discussion: Stored<Discussion>) throws(StorageError) -> Stored<Discussion>? {
        try database.reading { db in
            try Stored<Discussion>.fetchOne(db.cachedStatement(sql: """
                WITH this AS (SELECT id, starts_on FROM discussion_cycles WHERE id = :cycle)
                SELECT d.* FROM discussions d JOIN discussion_cycles c ON c.id = d.cycle_id, this
                WHERE d.employee_id = :employee AND d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL
                  AND (c.starts_on < this.starts_on OR (c.starts_on = this.starts_on AND c.id < this.id))
                ORDER BY c.starts_on DESC, c.id DESC LIMIT 1
                """), arguments: ["cycle": discussion.cycleID, "employee": discussion.employeeID])
        }
    }

    /// The employee's answers to the questions, by question.
    public func answers(discussionID: Int64) throws(StorageError) -> [Int64: String] {
        try database.reading { db in
            var answers: [Int64: String] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT question_id, answer FROM discussion_answers WHERE discussion_id = ?"),
                                        arguments: [discussionID]) {
                answers[row[0]] = row[1]
            }
            return answers
        }
    }

    /// Saves the employee's preparation; takes back the supervisor's signature if they had signed.
    public func saveAnswers(discussionID: Int64, _ answers: [Int64: String], now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            for (questionID, answer) in answers {
                try db.execute(sql: """
                    INSERT INTO discussion_answers (discussion_id, question_id, answer, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (discussion_id, question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at
                    """, arguments: [discussionID, questionID, answer, now])
            }
            try Self.changed(db, discussionID, now: now)
        }
    }

    /// The supervisor's part of the meeting: when it is planned and was held, and their notes.
    public func saveMeeting(discussionID: Int64, plannedOn: String?, heldOn: String?, notes: String, now: Date = Date())
        throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE discussions SET planned_on = ?, held_on = ?, supervisor_notes = ? WHERE id = ?",
                           arguments: [plannedOn, heldOn, notes, discussionID])
            try Self.changed(db, discussionID, now: now)
        }
    }

    /// The plan's goals in order, each with its actions.
    public func goals(discussionID: Int64) throws(StorageError) -> [DiscussionGoalDetails] {
        try database.reading { db in try Self.goals(db, discussionID: discussionID) }
    }

    static func goals(_ db: Database, discussionID: Int64) throws -> [DiscussionGoalDetails] {
        let goals = try Stored<DiscussionGoal>.fetchAll(db.cachedStatement(sql: "SELECT * FROM discussion_goals WHERE discussion_id = ? ORDER BY position"),
                                                        arguments: [discussionID])
        let actions = try Stored<DiscussionAction>.fetchAll(db.cachedStatement(sql: """
            SELECT a.* FROM discussion_actions a JOIN discussion_goals g ON g.id = a.goal_id WHERE g.discussion_id = ? ORDER BY a.id
            """), arguments: [discussionID])
        let byGoal = Dictionary(grouping: actions, by: \.goalID)
        return goals.map { DiscussionGoalDetails(goal: $0, actions: byGoal[$0.id] ?? []) }
    }

    /// The most goals a plan has.
    public static let maximumGoals = 3

    /// Adds a goal in the first free place; nil when the plan has three already.
    public func addGoal(discussionID: Int64, areaID: Int64, goal: String, followUpOn: String?, now: Date = Date())
        throws(StorageError) -> Stored<DiscussionGoal>? {
        try database.writing { db in
            let taken = Set(try Int.fetchAll(db.cachedStatement(sql: "SELECT position FROM discussion_goals WHERE discussion_id = ?"),
                                             arguments: [discussionID]))
            guard let position = (1...Self.maximumGoals).first(where: { !taken.contains($0) }) else { return nil }
            let stored = try DiscussionGoal(discussionID: discussionID, position: position, areaID: areaID, goal: goal,
                                            followUpOn: followUpOn).insertStored(db)
            try Self.changed(db, discussionID, now: now)
            return stored
        }
    }

    /// Removes a goal of the discussion with its actions; false if it is not the discussion's.
    public func removeGoal(goalID: Int64, discussionID: Int64, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                DELETE FROM discussion_actions WHERE goal_id = (SELECT id FROM discussion_goals WHERE id = ? AND discussion_id = ?)
                """, arguments: [goalID, discussionID])
            try db.execute(sql: "DELETE FROM discussion_goals WHERE id = ? AND discussion_id = ?", arguments: [goalID, discussionID])
            let removed = db.changesCount == 1
            if removed { try Self.changed(db, discussionID, now: now) }
            return removed
        }
    }

    /// Adds an action to a goal of the discussion; nil if the goal is not the discussion's.
    public func addAction(_ action: DiscussionAction, discussionID: Int64, now: Date = Date()) throws(StorageError) -> Stored<DiscussionAction>? {
        try database.writing { db in
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM discussion_goals WHERE id = ? AND discussion_id = ?)"),
                                    arguments: [action.goalID, discussionID]) == true else { return nil }
            let stored = try action.insertStored(db)
            try Self.changed(db, discussionID, now: now)
            return stored
        }
    }

    public func removeAction(actionID: Int64, discussionID: Int64, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                DELETE FROM discussion_actions WHERE id = ?
                  AND goal_id IN (SELECT id FROM discussion_goals WHERE discussion_id = ?)
                """, arguments: [actionID, discussionID])
            let removed = db.changesCount == 1
            if removed { try Self.changed(db, discussionID, now: now) }
            return removed
        }
    }

    /// Who signs.
    public enum Signer: Sendable {
        case employee(comment: String, disagrees: Bool)
        case supervisor(userID: Int64?)
    }

    /// Signs the discussion as one party; false when already signed by that party.
    public func sign(discussionID: Int64, as signer: Signer, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            switch signer {
            case .employee(let comment, let disagrees):
                try db.execute(sql: """
                    UPDATE discussions SET employee_signed_at = ?, employee_comment = ?, employee_disagrees = ?, updated_at = ?
                    WHERE id = ? AND employee_signed_at IS NULL
                    """, arguments: [now, comment, disagrees, now, discussionID])
            case .supervisor(let userID):
                try db.execute(sql: """
                    UPDATE discussions SET supervisor_signed_at = ?, supervisor_signed_by = ?, updated_at = ?
                    WHERE id = ? AND supervisor_signed_at IS NULL
                    """, arguments: [now, userID, now, discussionID])
            }
            return db.changesCount == 1
        }
    }

    /// A change to what was signed: both signatures are taken back (the database refuses once both
    /// have signed, so this runs only while at most one has).
    private static func changed(_ db: Database, _ discussionID: Int64, now: Date) throws {
        try db.execute(sql: """
            UPDATE discussions SET updated_at = ?, employee_signed_at = NULL, employee_comment = '', employee_disagrees = 0,
                   supervisor_signed_at = NULL, supervisor_signed_by = NULL
            WHERE id = ?
            """, arguments: [now, discussionID])
    }

    public func corrections(discussionID: Int64) throws(StorageError) -> [Stored<DiscussionCorrection>] {
        try database.reading { db in
            try Stored<DiscussionCorrection>.fetchAll(db.cachedStatement(sql: "SELECT * FROM discussion_corrections WHERE discussion_id = ? ORDER BY id"),
                                                      arguments: [discussionID])
        }
    }

    @discardableResult
    public func addCorrection(_ correction: DiscussionCorrection) throws(StorageError) -> Stored<DiscussionCorrection> {
        try database.writing { db in try correction.insertStored(db) }
    }

    // MARK: - Supervisors and HR

    /// The active employees of `unitIDs` and their discussion in the cycle (if opened), by name.
    public func staffLines(cycleID: Int64, unitIDs: Set<Int64>) throws(StorageError) -> [DiscussionStaffLine] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT e.id AS employee_id, e.first_name, e.last_name, e.job_title, e.unit_id, d.id AS discussion_id,
                       (SELECT count(*) FROM discussion_goals g WHERE g.discussion_id = d.id) AS goals
                FROM employees e LEFT JOIN discussions d ON d.employee_id = e.id AND d.cycle_id = ?
                WHERE e.unit_id IN (SELECT value FROM json_each(?)) AND e.active = 1
                ORDER BY e.last_name, e.first_name, e.id
                """), arguments: [cycleID, OnboardingStore.jsonArray(unitIDs.sorted())])
            let ids = rows.compactMap { $0["discussion_id"] as Int64? }
            let discussions = Dictionary(uniqueKeysWithValues: try Stored<Discussion>.fetchAll(db, keys: ids).map { ($0.id, $0) })
            return rows.map { row in
                DiscussionStaffLine(employeeID: row["employee_id"], firstName: row["first_name"], lastName: row["last_name"],
                                    jobTitle: row["job_title"], unitID: row["unit_id"],
                                    discussion: (row["discussion_id"] as Int64?).flatMap { discussions[$0] }, goals: row["goals"])
            }
        }
    }

    /// HR's counts per unit for a cycle: active staff now, and discussions by the unit they were
    /// opened in. Units with neither are left out.
    public func unitCounts(cycleID: Int64, organisationID: Int64) throws(StorageError) -> [DiscussionUnitCounts] {
        try database.reading { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                WITH staff AS (SELECT unit_id, count(*) AS n FROM employees WHERE organisation_id = ? AND active = 1 AND unit_id IS NOT NULL
                               GROUP BY unit_id),
                     held AS (SELECT d.unit_id, count(*) AS opened, count(d.held_on) AS held,
                                     sum(d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL) AS signed,
                                     sum(EXISTS (SELECT 1 FROM discussion_goals g WHERE g.discussion_id = d.id)) AS with_plan
                              FROM discussions d WHERE d.cycle_id = ? AND d.unit_id IS NOT NULL GROUP BY d.unit_id)
                SELECT u.id, ifnull(staff.n, 0) AS staff, ifnull(held.opened, 0) AS opened, ifnull(held.held, 0) AS held,
                       ifnull(held.signed, 0) AS signed, ifnull(held.with_plan, 0) AS with_plan
                FROM units u LEFT JOIN staff ON staff.unit_id = u.id LEFT JOIN held ON held.unit_id = u.id
                WHERE u.organisation_id = ? AND (staff.n IS NOT NULL OR held.opened IS NOT NULL)
                ORDER BY u.id
                """), arguments: [organisationID, cycleID, organisationID]).map { row in
                DiscussionUnitCounts(unitID: row["id"], staff: row["staff"], opened: row["opened"], held: row["held"],
                                     signed: row["signed"], withPlan: row["with_plan"])
            }
        }
    }
}
