import Foundation
import GRDB

/// A goal of a signed plan, with its person and the day the plan was agreed.
public struct PlannedArea: Sendable, Equatable {
    public var employeeID: Int64
    /// The unit the discussion was opened in.
    public var unitID: Int64?
    public var areaID: Int64
    /// The day the discussion was held (or opened, if no day was recorded).
    public var agreedOn: String
}

/// A completion in force of someone with a plan.
public struct PlanCompletion: Sendable, Equatable {
    public var employeeID: Int64
    public var trainingID: Int64
    public var completedOn: String
}

extension DiscussionStore {
    /// The goals of the cycle's signed plans, for discussions opened in `unitIDs` (nil: the whole
    /// organisation of the cycle).
    public func plannedAreas(cycleID: Int64, unitIDs: Set<Int64>?) throws(StorageError) -> [PlannedArea] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT d.employee_id, g.area_id, ifnull(d.held_on, substr(d.created_at, 1, 10)) AS agreed_on, d.unit_id
                FROM discussions d JOIN discussion_goals g ON g.discussion_id = d.id
                WHERE d.cycle_id = ? AND d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL
                  AND (? IS NULL OR d.unit_id IN (SELECT value FROM json_each(?)))
                """, arguments: [cycleID, unitIDs == nil ? nil : "all", unitIDs.map { OnboardingStore.jsonArray($0.sorted()) }]).map { row in
                PlannedArea(employeeID: row[0], unitID: row[3], areaID: row[1], agreedOn: row[2])
            }
        }
    }

    /// The completions in force (not withdrawn, not corrected) of `employeeIDs` on or after `from`.
    public func completions(employeeIDs: Set<Int64>, from: String) throws(StorageError) -> [PlanCompletion] {
        guard !employeeIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT c.employee_id, c.training_id, c.completed_on FROM training_completions c
                WHERE c.employee_id IN (SELECT value FROM json_each(?)) AND c.completed_on >= ? AND c.withdrawn = 0
                  AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
                """, arguments: [OnboardingStore.jsonArray(employeeIDs.sorted()), from]).map { row in
                PlanCompletion(employeeID: row[0], trainingID: row[1], completedOn: row[2])
            }
        }
    }
}
