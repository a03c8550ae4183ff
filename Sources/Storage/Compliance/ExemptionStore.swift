import Foundation
import GRDB

/// Exemptions from requirements. Granting and ending one are recorded (who, when); nothing is deleted.
public struct ExemptionStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func grant(_ exemption: Exemption) throws(StorageError) -> Stored<Exemption> {
        try database.writing { db in try exemption.insertStored(db) }
    }

    public func exemption(id: Int64) throws(StorageError) -> Stored<Exemption>? {
        try database.reading { db in try Stored<Exemption>.fetchOne(db, key: id) }
    }

    /// Ends an exemption early: it covers days before `day` only. Ending one already ended is refused.
    public func end(id: Int64, on day: String, by userID: Int64?) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE compliance_exemptions SET ended_on = ?, ended_by = ? WHERE id = ? AND ended_on IS NULL
                """, arguments: [day, userID, id])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    /// The requirement's exemptions, newest first.
    public func exemptions(requirementID: Int64) throws(StorageError) -> [Stored<Exemption>] {
        try database.reading { db in
            try Stored<Exemption>.fetchAll(db, sql: """
                SELECT * FROM compliance_exemptions WHERE requirement_id = ? ORDER BY from_on DESC, id DESC
                """, arguments: [requirementID])
        }
    }

    /// The person's exemptions, newest first.
    public func exemptions(employeeID: Int64) throws(StorageError) -> [Stored<Exemption>] {
        try database.reading { db in
            try Stored<Exemption>.fetchAll(db, sql: """
                SELECT * FROM compliance_exemptions WHERE employee_id = ? ORDER BY from_on DESC, id DESC
                """, arguments: [employeeID])
        }
    }

    /// Every exemption of these people, by person.
    public func exemptions(employeeIDs: [Int64]) throws(StorageError) -> [Int64: [Stored<Exemption>]] {
        guard !employeeIDs.isEmpty else { return [:] }
        return try database.reading { db in
            Dictionary(grouping: try Stored<Exemption>.fetchAll(db, sql: """
                SELECT * FROM compliance_exemptions WHERE employee_id IN (SELECT value FROM json_each(?))
                ORDER BY from_on, id
                """, arguments: [TrainingCatalogueStore.jsonArray(employeeIDs)]), by: \.employeeID)
        }
    }

    /// Every exemption of the organisation's people, by person.
    public func exemptions(organisationID: Int64) throws(StorageError) -> [Int64: [Stored<Exemption>]] {
        try database.reading { db in
            Dictionary(grouping: try Stored<Exemption>.fetchAll(db, sql: """
                SELECT x.* FROM compliance_exemptions x JOIN compliance_requirements r ON r.id = x.requirement_id
                WHERE r.organisation_id = ? ORDER BY x.from_on, x.id
                """, arguments: [organisationID]), by: \.employeeID)
        }
    }
}

/// Minimum levels of competence areas.
public struct MinimumLevelStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func levels(organisationID: Int64) throws(StorageError) -> [Stored<MinimumLevel>] {
        try database.reading { db in
            try Stored<MinimumLevel>.fetchAll(db, sql: """
                SELECT * FROM compliance_minimum_levels WHERE organisation_id = ?
                ORDER BY area_code, sector_id IS NOT NULL, job_group IS NOT NULL, sector_id, job_group
                """, arguments: [organisationID])
        }
    }

    /// Sets the level of an area for a group (replacing the one there was), or removes it when
    /// `level` is nil.
    public func set(organisationID: Int64, areaCode: String, sectorID: Int64?, jobGroup: String?, level: Double?,
                    by userID: Int64?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                DELETE FROM compliance_minimum_levels WHERE organisation_id = ? AND area_code = ?
                  AND ifnull(sector_id, 0) = ifnull(?, 0) AND ifnull(job_group, '') = ifnull(?, '')
                """, arguments: [organisationID, areaCode, sectorID, jobGroup])
            guard let level else { return }
            try MinimumLevel(organisationID: organisationID, areaCode: areaCode, sectorID: sectorID, jobGroup: jobGroup,
                             level: level, updatedBy: userID, now: now).insert(db)
        }
    }
}
