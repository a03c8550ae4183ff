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
}
