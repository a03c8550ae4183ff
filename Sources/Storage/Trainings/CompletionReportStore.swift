import Foundation
import GRDB

/// One person on a session's attendance sheet: their place on its list, if any, and whether and how
/// they were recorded present.
public struct AttendanceSheetLine: Sendable, Equatable {
    public var listing: EmployeeListing
    /// Enrolled or waiting; nil for someone not on the list (a walk-in, an open session's attendee).
    public var enrolment: EnrolmentState?
    public var attendance: AttendanceSource?
    public var recordedAt: Date?

    public init(listing: EmployeeListing, enrolment: EnrolmentState?, attendance: AttendanceSource?, recordedAt: Date?) {
        self.listing = listing
        self.enrolment = enrolment
        self.attendance = attendance
        self.recordedAt = recordedAt
    }
}

/// One completion in force for an export, with the person, the training and the session it names.
public struct CompletionReportLine: Sendable, Equatable {
    public var entry: Stored<Completion>
    public var listing: EmployeeListing
    public var training: Stored<Training>
    public var sessionStartsAt: Date?

    public init(entry: Stored<Completion>, listing: EmployeeListing, training: Stored<Training>, sessionStartsAt: Date?) {
        self.entry = entry
        self.listing = listing
        self.training = training
        self.sessionStartsAt = sessionStartsAt
    }
}

/// Attendance and completions read for the pages that mark them and the exports: a session's sheet
/// with names and units, people by id, and an organisation's completions in force over a period.
public struct CompletionReportStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Everyone enrolled or waiting for the session and everyone recorded present, by name.
    public func sheet(sessionID: Int64) throws(StorageError) -> [AttendanceSheetLine] {
        try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                WITH people(employee_id) AS (
                    SELECT employee_id FROM training_enrolments WHERE session_id = :session AND state <> 'cancelled'
                    UNION SELECT employee_id FROM training_attendance WHERE session_id = :session)
                SELECT e.*, u.name AS unit_name, s.name AS sector_name,
                       n.state AS enrolment_state, a.source AS attendance_source, a.recorded_at AS attendance_recorded_at
                FROM people p
                JOIN employees e ON e.id = p.employee_id
                LEFT JOIN units u ON u.id = e.unit_id
                LEFT JOIN sectors s ON s.id = u.sector_id
                LEFT JOIN training_enrolments n ON n.session_id = :session AND n.employee_id = e.id AND n.state <> 'cancelled'
                LEFT JOIN training_attendance a ON a.session_id = :session AND a.employee_id = e.id
                ORDER BY e.last_name, e.first_name, e.id
                """, arguments: ["session": sessionID])
            return try rows.map { row in
                AttendanceSheetLine(
                    listing: try Self.listing(row),
                    enrolment: (row["enrolment_state"] as String?).flatMap(EnrolmentState.init(rawValue:)),
                    attendance: (row["attendance_source"] as String?).flatMap(AttendanceSource.init(rawValue:)),
                    recordedAt: row["attendance_recorded_at"])
            }
        }
    }

    /// These employees with their unit and sector names, by name; unknown ids are left out.
    public func listings(employeeIDs: [Int64]) throws(StorageError) -> [EmployeeListing] {
        guard !employeeIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT e.*, u.name AS unit_name, s.name AS sector_name FROM employees e
                LEFT JOIN units u ON u.id = e.unit_id
                LEFT JOIN sectors s ON s.id = u.sector_id
                WHERE e.id IN (SELECT value FROM json_each(?))
                ORDER BY e.last_name, e.first_name, e.id
                """, arguments: [TrainingCatalogueStore.jsonArray(employeeIDs)]).map(Self.listing)
        }
    }

    /// The completions in force of the organisation's people completed `from`…`through` (Helsinki
    /// dates, inclusive), by date, name and entry.
    public func completionsInForce(organisationID: Int64, from: String,
                                   through: String) throws(StorageError) -> [CompletionReportLine] {
        try database.reading { db in
            let entries = try Stored<Completion>.fetchAll(db, sql: """
                SELECT c.* FROM training_completions c JOIN employees e ON e.id = c.employee_id
                WHERE e.organisation_id = ? AND c.completed_on BETWEEN ? AND ? AND c.withdrawn = 0
                  AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
                ORDER BY c.completed_on, e.last_name, e.first_name, c.id
                """, arguments: [organisationID, from, through])
            var listings: [Int64: EmployeeListing] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT e.*, u.name AS unit_name, s.name AS sector_name FROM employees e
                LEFT JOIN units u ON u.id = e.unit_id
                LEFT JOIN sectors s ON s.id = u.sector_id
                WHERE e.id IN (SELECT value FROM json_each(?))
                """, arguments: [TrainingCatalogueStore.jsonArray(Array(Set(entries.map(\.employeeID))))]) {
                let listing = try Self.listing(row)
                listings[listing.employee.id] = listing
            }
            var trainings: [Int64: Stored<Training>] = [:]
            for training in try Stored<Training>.fetchAll(db, sql: """
                SELECT * FROM trainings WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [TrainingCatalogueStore.jsonArray(Array(Set(entries.map(\.trainingID))))]) {
                trainings[training.id] = training
            }
            var starts: [Int64: Date] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, starts_at FROM training_sessions WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [TrainingCatalogueStore.jsonArray(Array(Set(entries.compactMap(\.sessionID))))]) {
                starts[row["id"]] = row["starts_at"]
            }
            return entries.compactMap { entry in
                guard let listing = listings[entry.employeeID], let training = trainings[entry.trainingID] else { return nil }
                return CompletionReportLine(entry: entry, listing: listing, training: training,
                                            sessionStartsAt: entry.sessionID.flatMap { starts[$0] })
            }
        }
    }

    private static func listing(_ row: Row) throws -> EmployeeListing {
        EmployeeListing(employee: try Stored<Employee>(row: row), unitName: row["unit_name"], sectorName: row["sector_name"])
    }
}
