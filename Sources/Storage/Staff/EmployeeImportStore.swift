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
    ///
    /// With `recordedAs`, the import and every deactivation it made are recorded in the same
    /// transaction (the import page's history, and what "reactivate" undoes).
    public func apply(_ batch: EmployeeImportBatch,
                      recordedAs actor: EmployeeImportActor? = nil) throws(StorageError) -> EmployeeImportOutcome {
        try database.writing { db in
            var importer = EmployeeImporter(batch: batch, db: db)
            let outcome = try importer.run()
            if let actor { try Self.record(outcome, of: batch, by: actor, db) }
            return outcome
        }
    }

    private static func record(_ outcome: EmployeeImportOutcome, of batch: EmployeeImportBatch,
                               by actor: EmployeeImportActor, _ db: Database) throws {
        let record = try EmployeeImportRecord(organisationID: batch.organisationID, who: actor, fileName: actor.fileName,
                                              outcome: outcome).insertStored(db)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO employee_import_deactivations (import_id, employee_id, reason) VALUES (?, ?, ?)
            """)
        for deactivation in outcome.deactivations {
            try statement.execute(arguments: [record.id, deactivation.employeeID, deactivation.reason.rawValue])
        }
    }

    /// The organisation's latest imports, newest first, each with how many of the employees it
    /// deactivated as missing are still inactive.
    public func recentImports(organisationID: Int64, limit: Int = 10) throws(StorageError) -> [RecentEmployeeImport] {
        try database.reading { db in
            let records = try Stored<EmployeeImportRecord>.filter(Column("organisation_id") == organisationID)
                .order(Column("id").desc).limit(limit).fetchAll(db)
            return try records.map { record in
                let count = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM employee_import_deactivations d JOIN employees e ON e.id = d.employee_id
                    WHERE d.import_id = ? AND d.reason = 'missing' AND d.reactivated_at IS NULL AND e.active = 0
                    """, arguments: [record.id]) ?? 0
                return RecentEmployeeImport(record: record, reactivatable: count)
            }
        }
    }

    /// Reactivates the employees import `importID` deactivated for being missing from its file and
    /// who are still inactive, unless their end date has passed since. Returns how many.
    public func reactivate(importID: Int64, organisationID: Int64, today: String,
                           at moment: Date = Date()) throws(StorageError) -> Int {
        try database.writing { db in
            guard let record = try Stored<EmployeeImportRecord>.fetchOne(db, key: importID),
                  record.organisationID == organisationID else { throw StorageError.notFound }
            let ids = try Int64.fetchAll(db, sql: """
                SELECT e.id FROM employee_import_deactivations d JOIN employees e ON e.id = d.employee_id
                WHERE d.import_id = ? AND d.reason = 'missing' AND d.reactivated_at IS NULL AND e.active = 0
                  AND (e.end_date IS NULL OR e.end_date >= ?)
                """, arguments: [importID, today])
            let now = moment.databaseValue
            for id in ids {
                try db.execute(sql: "UPDATE employees SET active = 1, updated_at = ? WHERE id = ?", arguments: [now, id])
                try db.execute(sql: """
                    UPDATE employee_import_deactivations SET reactivated_at = ? WHERE import_id = ? AND employee_id = ?
                    """, arguments: [now, importID, id])
            }
            return ids.count
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
        outcome.activeBefore = stored.values.filter(\.fields.active).count
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
                note(.missing, hrNumber: hrNumber, employee.id, employee.fields)
            }
        }
        outcome.deactivations.sort { $0.hrNumber < $1.hrNumber }
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
        if stored.fields.active && !fields.active {
            outcome.deactivated += 1
            note(.ended, hrNumber: row.hrNumber, stored.id, fields)
        }
    }

    private mutating func note(_ reason: ImportDeactivation.Reason, hrNumber: String, _ employeeID: Int64,
                               _ fields: ImportedFields) {
        outcome.deactivations.append(ImportDeactivation(
            employeeID: employeeID, hrNumber: hrNumber, firstName: fields.firstName, lastName: fields.lastName,
            unitID: fields.unitID, reason: reason))
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
