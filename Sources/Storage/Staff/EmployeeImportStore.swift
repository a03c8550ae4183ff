import Foundation
import GRDB

/// Applies roster exports from the HR system, or previews what one would do.
public struct EmployeeImportStore: Sendable {
    private let database: AppDatabase

    /// A store over `database`.
    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Imports the batch in one write transaction: employees are matched by HR number within the
    /// organisation, missing sectors and units are created, and nothing is deleted. Any error rolls
    /// back the whole batch.
    public func apply(_ batch: EmployeeImportBatch) throws(StorageError) -> EmployeeImportOutcome {
        try database.writing { db in
            var importer = EmployeeImporter(batch: batch, db: db)
            return try importer.run()
        }
    }

    /// What `apply` would do, computed by the same code inside a transaction that is then rolled back.
    public func preview(_ batch: EmployeeImportBatch) throws(StorageError) -> EmployeeImportOutcome {
        var outcome = EmployeeImportOutcome()
        do {
            try database.pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    var importer = EmployeeImporter(batch: batch, db: db)
                    outcome = try importer.run()
                    return .rollback
                }
            }
        } catch {
            throw StorageError(error, conflict: { _ in nil })
        }
        return outcome
    }
}

/// The fields an import sets, as stored: two equal values mean the row is unchanged.
private struct ImportedFields: Equatable {
    var firstName: String
    var lastName: String
    var email: String?
    var phone: String?
    var unitID: Int64?
    var jobTitle: String?
    var jobGroup: String?
    var startDate: String?
    var endDate: String?
    var language: String
    var active: Bool

    /// Takes the stored value of every field the file did not carry.
    mutating func keepStored(_ stored: ImportedFields, for absent: Set<ImportedField>) {
        for field in absent {
            switch field {
            case .email: email = stored.email
            case .phone: phone = stored.phone
            case .unit: unitID = stored.unitID
            case .jobTitle: jobTitle = stored.jobTitle
            case .jobGroup: jobGroup = stored.jobGroup
            case .startDate: startDate = stored.startDate
            case .endDate: endDate = stored.endDate
            case .language: language = stored.language
            }
        }
    }
}

/// One run of an import inside a write transaction opened by the caller.
private struct EmployeeImporter {
    private let batch: EmployeeImportBatch
    private let db: Database
    /// The time stamp of every row this run writes, encoded once: formatting a date for each of
    /// 40,000 rows would cost more than the inserts.
    private let now = Date().databaseValue
    private var sectorIDs: [String: Int64] = [:]
    private var unitIDs: [String: Int64] = [:]
    private var outcome = EmployeeImportOutcome()

    init(batch: EmployeeImportBatch, db: Database) {
        self.batch = batch
        self.db = db
    }

    mutating func run() throws -> EmployeeImportOutcome {
        guard try Stored<Organisation>.exists(db, key: batch.organisationID) else { throw StorageError.notFound }
        let batchHRNumbers = try uniqueHRNumbers()
        try loadSectorsAndUnits()
        let stored = try storedEmployees()
        for row in batch.employees {
            do {
                try importRow(row, stored: stored[row.hrNumber])
            } catch let error as DatabaseError where !error.isPassingFault {
                throw StorageError.sqlite("importing HR number \(row.hrNumber): \(error.message ?? "\(error)")")
            }
        }
        if batch.deactivateMissing {
            for (hrNumber, employee) in stored where employee.fields.active && !batchHRNumbers.contains(hrNumber) {
                try deactivate(employeeID: employee.id)
            }
        }
        return outcome
    }

    /// The importer promises unique HR numbers; a repeat would make the counts lie, so it is refused.
    private func uniqueHRNumbers() throws -> Set<String> {
        var seen = Set<String>()
        seen.reserveCapacity(batch.employees.count)
        for row in batch.employees where !seen.insert(row.hrNumber).inserted {
            throw StorageError.invalid("HR number \(row.hrNumber) appears more than once in the import.")
        }
        return seen
    }

    private mutating func loadSectorsAndUnits() throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM sectors WHERE organisation_id = ?",
                                    arguments: [batch.organisationID]) {
            sectorIDs[row[1]] = row[0]
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM units WHERE organisation_id = ?",
                                    arguments: [batch.organisationID]) {
            unitIDs[row[1]] = row[0]
        }
    }

    private func storedEmployees() throws -> [String: (id: Int64, fields: ImportedFields)] {
        var stored: [String: (id: Int64, fields: ImportedFields)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, hr_number, first_name, last_name, email, phone, unit_id, job_title, job_group,
                   start_date, end_date, language, active
            FROM employees WHERE organisation_id = ?
            """, arguments: [batch.organisationID])
        while let row = try rows.next() {
            let fields = ImportedFields(
                firstName: row[2], lastName: row[3], email: row[4], phone: row[5], unitID: row[6], jobTitle: row[7],
                jobGroup: row[8], startDate: row[9], endDate: row[10], language: row[11], active: row[12])
            stored[row[1]] = (row[0], fields)
        }
        return stored
    }

    private mutating func importRow(_ row: ImportedEmployee, stored: (id: Int64, fields: ImportedFields)?) throws {
        let sectorID = try sectorID(named: row.sectorName)
        var fields = ImportedFields(
            firstName: row.firstName, lastName: row.lastName, email: row.email, phone: row.phone,
            unitID: try unitID(named: row.unitName, sectorID: sectorID), jobTitle: row.jobTitle, jobGroup: row.jobGroup,
            startDate: row.startDate, endDate: row.endDate, language: row.language, active: true)
        if let stored {
            fields.keepStored(stored.fields, for: batch.absentFields)
        }
        fields.active = !(fields.endDate.map { $0 < batch.today } ?? false)
        guard let stored else {
            try insert(hrNumber: row.hrNumber, fields: fields)
            outcome.created += 1
            return
        }
        guard stored.fields != fields else {
            outcome.unchanged += 1
            return
        }
        try update(employeeID: stored.id, fields: fields)
        outcome.changed += 1
        if stored.fields.active && !fields.active { outcome.deactivated += 1 }
    }

    private mutating func sectorID(named name: String?) throws -> Int64? {
        guard let name, !name.isEmpty else { return nil }
        if let id = sectorIDs[name] { return id }
        let statement = try db.cachedStatement(sql: "INSERT INTO sectors (organisation_id, name) VALUES (?, ?)")
        try statement.execute(arguments: [batch.organisationID, name])
        sectorIDs[name] = db.lastInsertedRowID
        outcome.sectorsCreated.append(name)
        return db.lastInsertedRowID
    }

    /// A unit created here gets the sector of the row that first names it.
    private mutating func unitID(named name: String?, sectorID: Int64?) throws -> Int64? {
        guard let name, !name.isEmpty else { return nil }
        if let id = unitIDs[name] { return id }
        let statement = try db.cachedStatement(sql: "INSERT INTO units (organisation_id, sector_id, name) VALUES (?, ?, ?)")
        try statement.execute(arguments: [batch.organisationID, sectorID, name])
        unitIDs[name] = db.lastInsertedRowID
        outcome.unitsCreated.append(name)
        return db.lastInsertedRowID
    }

    private func insert(hrNumber: String, fields: ImportedFields) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO employees (organisation_id, hr_number, first_name, last_name, email, phone, unit_id, job_title,
                                   job_group, start_date, end_date, language, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            batch.organisationID, hrNumber, fields.firstName, fields.lastName, fields.email, fields.phone, fields.unitID,
            fields.jobTitle, fields.jobGroup, fields.startDate, fields.endDate, fields.language, fields.active, now, now,
        ])
    }

    private func update(employeeID: Int64, fields: ImportedFields) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE employees SET first_name = ?, last_name = ?, email = ?, phone = ?, unit_id = ?, job_title = ?,
                                 job_group = ?, start_date = ?, end_date = ?, language = ?, active = ?, updated_at = ?
            WHERE id = ?
            """)
        try statement.execute(arguments: [
            fields.firstName, fields.lastName, fields.email, fields.phone, fields.unitID, fields.jobTitle, fields.jobGroup,
            fields.startDate, fields.endDate, fields.language, fields.active, now, employeeID,
        ])
    }

    private mutating func deactivate(employeeID: Int64) throws {
        let statement = try db.cachedStatement(sql: "UPDATE employees SET active = 0, updated_at = ? WHERE id = ?")
        try statement.execute(arguments: [now, employeeID])
        outcome.deactivated += 1
    }
}
