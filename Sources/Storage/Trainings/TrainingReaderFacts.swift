import Foundation
import GRDB

/// Everything the trainings pages need to know of an employee reading them, read at once: the
/// employee pages are the ones staff open on a phone between tasks, and each separate read costs a
/// trip through the connection pool (eight of them were most of a catalogue view's time).
public struct TrainingReaderFacts: Sendable {
    public var employee: Stored<Employee>
    public var organisation: Stored<Organisation>
    /// Whether the employee's sign-in is a trainer of their organisation.
    public var isTrainer: Bool
    /// The employee's unit and every unit above it.
    public var unitAncestry: Set<Int64>
    public var sectorID: Int64?
    /// Their places and queue places (not cancelled ones), and the open sessions they follow.
    public var enrolments: [Enrolment]
    public var followed: Set<Int64>
    /// The trainings' data version (`TrainingReportStore.version`).
    public var trainingsVersion: String
}

extension TrainingReportStore {
    /// The facts of the employee reading, or nil when there is no such employee.
    public func readerFacts(employeeID: Int64, userID: Int64) throws(StorageError) -> TrainingReaderFacts? {
        try database.reading { db in
            // Cached statements: this runs on every view of the employee's trainings pages, and compiling
            // its seven statements each time was a good part of its cost.
            guard let employee = try Stored<Employee>.fetchOne(db.cachedStatement(sql: "SELECT * FROM employees WHERE id = ?"),
                                                               arguments: [employeeID]),
                  let organisation = try Stored<Organisation>.fetchOne(
                      db.cachedStatement(sql: "SELECT * FROM organisations WHERE id = ?"), arguments: [employee.organisationID])
            else { return nil }
            var ancestry: Set<Int64> = []
            var sectorID: Int64?
            if let unitID = employee.unitID {
                ancestry = try UnitStore.ancestorIDs(of: unitID, in: db)
                sectorID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT sector_id FROM units WHERE id = ?"),
                                              arguments: [unitID])
            }
            let isTrainer = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM trainers WHERE organisation_id = ? AND user_id = ?"),
                arguments: [organisation.id, userID]) ?? false
            let enrolments = try Enrolment.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM training_enrolments WHERE employee_id = ? AND state <> 'cancelled'
                """), arguments: [employeeID])
            let followed = Set(try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT session_id FROM training_follows WHERE employee_id = ?"), arguments: [employeeID]))
            return TrainingReaderFacts(employee: employee, organisation: organisation, isTrainer: isTrainer,
                                       unitAncestry: ancestry, sectorID: sectorID, enrolments: enrolments,
                                       followed: followed, trainingsVersion: try Self.version(db))
        }
    }
}
