import Foundation
import GRDB

/// A person as the required-training views need them: who, where, and the dates that decide whether
/// a requirement applies.
public struct CompliancePerson: Sendable, Equatable {
    public var id: Int64
    public var hrNumber: String
    public var firstName: String
    public var lastName: String
    public var unitID: Int64?
    public var sectorID: Int64?
    public var jobGroup: String?
    public var startDate: String?
    /// The last day of employment: the end date, or for someone deactivated without one, the day
    /// they were deactivated.
    public var endDate: String?
    public var active: Bool
    public var email: String?
    public var language: String

    public var fullName: String { "\(firstName) \(lastName)" }
}

/// A supervisor to whom the weekly digest of their units goes.
public struct SupervisorRecipient: Sendable, Equatable {
    public var employeeID: Int64
    public var firstName: String
    public var email: String
    public var language: String
    public var unitIDs: [Int64]
}

/// A completion in force of a training, as evidence for requirements.
public struct EvidenceEntry: Sendable, Equatable {
    public var trainingID: Int64
    public var completedOn: String
}

/// Bulk reads for computing statuses: people, their completions in force of given trainings, and who
/// supervises. Columns are chosen lean: at 40,000 staff these are most of a coverage view's time.
public struct ComplianceEvidenceStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    private static let personColumns = """
        e.id, e.hr_number, e.first_name, e.last_name, e.unit_id, u.sector_id, e.job_group, e.start_date,
        CASE WHEN e.end_date IS NOT NULL OR e.active = 1 THEN e.end_date ELSE substr(e.updated_at, 1, 10) END AS end_day,
        e.active, e.email, e.language
        """

    private static func person(_ row: Row) -> CompliancePerson {
        CompliancePerson(id: row[0], hrNumber: row[1], firstName: row[2], lastName: row[3], unitID: row[4], sectorID: row[5],
                         jobGroup: row[6], startDate: row[7], endDate: row[8], active: row[9], email: row[10],
                         language: row[11])
    }

    /// Everyone of the organisation (those who left included, for audits of past days), by name.
    public func people(organisationID: Int64, activeOnly: Bool = false) throws(StorageError) -> [CompliancePerson] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.personColumns) FROM employees e LEFT JOIN units u ON u.id = e.unit_id
                WHERE e.organisation_id = ? AND (e.active = 1 OR NOT ?)
                ORDER BY e.last_name, e.first_name, e.id
                """, arguments: [organisationID, activeOnly]).map(Self.person)
        }
    }

    /// The active people of these units, by name.
    public func people(unitIDs: [Int64]) throws(StorageError) -> [CompliancePerson] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.personColumns) FROM employees e LEFT JOIN units u ON u.id = e.unit_id
                WHERE e.unit_id IN (SELECT value FROM json_each(?)) AND e.active = 1
                ORDER BY e.last_name, e.first_name, e.id
                """, arguments: [TrainingCatalogueStore.jsonArray(unitIDs)]).map(Self.person)
        }
    }

    public func person(employeeID: Int64) throws(StorageError) -> CompliancePerson? {
        try database.reading { db in
            try Row.fetchOne(db, sql: """
                SELECT \(Self.personColumns) FROM employees e LEFT JOIN units u ON u.id = e.unit_id WHERE e.id = ?
                """, arguments: [employeeID]).map(Self.person)
        }
    }

    /// Completions in force of `trainingIDs` by the organisation's people, by person, oldest first.
    public func evidence(organisationID: Int64, trainingIDs: Set<Int64>) throws(StorageError) -> [Int64: [EvidenceEntry]] {
        guard !trainingIDs.isEmpty else { return [:] }
        return try database.reading { db in
            try Self.evidence(db, sql: """
                SELECT c.employee_id, c.training_id, c.completed_on FROM training_completions c
                JOIN employees e ON e.id = c.employee_id
                WHERE c.training_id IN (SELECT value FROM json_each(?)) AND e.organisation_id = ? AND c.withdrawn = 0
                  AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
                ORDER BY c.completed_on
                """, arguments: [TrainingCatalogueStore.jsonArray(trainingIDs.sorted()), organisationID])
        }
    }

    /// Completions in force of `trainingIDs` by these people, by person, oldest first.
    /// The unary `+` keeps SQLite on the employee index: without it the planner chose the training
    /// index and read every completion of those trainings (17 ms at 40,000 staff for one person's
    /// home page, against 1 ms).
    public func evidence(employeeIDs: [Int64], trainingIDs: Set<Int64>) throws(StorageError) -> [Int64: [EvidenceEntry]] {
        guard !trainingIDs.isEmpty, !employeeIDs.isEmpty else { return [:] }
        return try database.reading { db in
            try Self.evidence(db, sql: """
                SELECT c.employee_id, c.training_id, c.completed_on FROM training_completions c
                WHERE c.employee_id IN (SELECT value FROM json_each(?)) AND +c.training_id IN (SELECT value FROM json_each(?))
                  AND c.withdrawn = 0
                  AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
                ORDER BY c.completed_on
                """, arguments: [TrainingCatalogueStore.jsonArray(employeeIDs), TrainingCatalogueStore.jsonArray(trainingIDs.sorted())])
        }
    }

    private static func evidence(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Int64: [EvidenceEntry]] {
        var byPerson: [Int64: [EvidenceEntry]] = [:]
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            byPerson[row[0], default: []].append(EvidenceEntry(trainingID: row[1], completedOn: row[2]))
        }
        return byPerson
    }

    /// The organisation's supervisors who have a staff record with an e-mail address, with the units
    /// they supervise: the recipients of the weekly digest.
    public func supervisorRecipients(organisationID: Int64) throws(StorageError) -> [SupervisorRecipient] {
        try database.reading { db in
            var byEmployee: [Int64: SupervisorRecipient] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT e.id, e.first_name, e.email, e.language, r.unit_id FROM role_assignments r
                JOIN users us ON us.id = r.user_id JOIN employees e ON e.id = us.employee_id
                WHERE r.role = 'supervisor' AND e.organisation_id = ? AND us.disabled = 0 AND e.active = 1
                  AND e.email IS NOT NULL AND e.email <> ''
                ORDER BY e.id, r.unit_id
                """, arguments: [organisationID]) {
                let id: Int64 = row[0]
                var recipient = byEmployee[id] ?? SupervisorRecipient(employeeID: id, firstName: row[1], email: row[2],
                                                                      language: row[3], unitIDs: [])
                recipient.unitIDs.append(row[4])
                byEmployee[id] = recipient
            }
            return byEmployee.values.sorted { $0.employeeID < $1.employeeID }
        }
    }

    /// Whether the employee's sign-in supervises a unit.
    public func isSupervisor(employeeID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT 1 FROM role_assignments r JOIN users us ON us.id = r.user_id
                WHERE r.role = 'supervisor' AND us.employee_id = ? AND us.disabled = 0 LIMIT 1
                """), arguments: [employeeID]) ?? false
        }
    }

    /// Employees of the organisation who supervise a unit (through their sign-in).
    public func supervisorEmployeeIDs(organisationID: Int64) throws(StorageError) -> Set<Int64> {
        try database.reading { db in
            Set(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT us.employee_id FROM role_assignments r JOIN users us ON us.id = r.user_id
                JOIN employees e ON e.id = us.employee_id
                WHERE r.role = 'supervisor' AND e.organisation_id = ? AND us.disabled = 0
                """, arguments: [organisationID]))
        }
    }
}

extension ComplianceEvidenceStore {
    /// These people (those who left included), by name: a known few, such as the digitutors, without
    /// reading the whole organisation.
    public func people(employeeIDs: [Int64]) throws(StorageError) -> [CompliancePerson] {
        guard !employeeIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.personColumns) FROM employees e LEFT JOIN units u ON u.id = e.unit_id
                WHERE e.id IN (SELECT value FROM json_each(?))
                ORDER BY e.last_name, e.first_name, e.id
                """, arguments: [TrainingCatalogueStore.jsonArray(employeeIDs)]).map(Self.person)
        }
    }
}
