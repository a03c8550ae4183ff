import Foundation
import GRDB

/// A new version's rule with the trainings that satisfy it and its audience.
public struct RequirementVersionDraft: Sendable, Equatable {
    public var version: RequirementVersion
    public var trainingIDs: [Int64]
    public var audience: RequirementAudience

    public init(version: RequirementVersion, trainingIDs: [Int64], audience: RequirementAudience) {
        self.version = version
        self.trainingIDs = trainingIDs
        self.audience = audience
    }
}

/// Requirements and their versions. A version is never changed or deleted (the database refuses):
/// changing a rule adds a version from a day on, so what was required on a past day stays as it was.
public struct RequirementStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Stores a new requirement with its first version (whose `requirementID` is filled in).
    public func create(_ requirement: RequiredTraining, first draft: RequirementVersionDraft) throws(StorageError) -> Stored<RequiredTraining> {
        try database.writing { db in
            let stored = try requirement.insertStored(db)
            var draft = draft
            draft.version.requirementID = stored.id
            try Self.insertVersion(db, draft)
            return stored
        }
    }

    /// Adds a version from its `effectiveFrom` on; it must come after every earlier version.
    public func addVersion(_ draft: RequirementVersionDraft, now: Date = Date()) throws(StorageError) -> Stored<RequirementVersion> {
        try database.writing { db in
            let latest = try String.fetchOne(db, sql: """
                SELECT max(effective_from) FROM compliance_requirement_versions WHERE requirement_id = ?
                """, arguments: [draft.version.requirementID])
            if let latest, draft.version.effectiveFrom <= latest {
                throw StorageError.conflict("A change must take effect after the latest one (\(latest)).")
            }
            try db.execute(sql: "UPDATE compliance_requirements SET updated_at = ? WHERE id = ?",
                           arguments: [now, draft.version.requirementID])
            return try Self.insertVersion(db, draft)
        }
    }

    /// Changes the name and description (not the rule, which has versions).
    public func rename(_ requirementID: Int64, title: LocalisedText, description: LocalisedText,
                       now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE compliance_requirements SET title_fi = ?, title_sv = ?, title_en = ?,
                    description_fi = ?, description_sv = ?, description_en = ?, updated_at = ? WHERE id = ?
                """, arguments: [title.fi, title.sv, title.en, description.fi, description.sv, description.en, now,
                                 requirementID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    /// Stops following the requirement from `day` on (nil: follow it again).
    public func retire(_ requirementID: Int64, on day: String?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE compliance_requirements SET retired_on = ?, updated_at = ? WHERE id = ?",
                           arguments: [day, now, requirementID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    public func definition(id: Int64) throws(StorageError) -> RequirementDefinition? {
        try database.reading { db in
            guard let requirement = try Stored<RequiredTraining>.fetchOne(db, key: id) else { return nil }
            return try Self.definitions(db, [requirement]).first
        }
    }

    /// The organisation's requirements with their versions, by Finnish title.
    public func definitions(organisationID: Int64) throws(StorageError) -> [RequirementDefinition] {
        try database.reading { db in
            let requirements = try Stored<RequiredTraining>.fetchAll(db, sql: """
                SELECT * FROM compliance_requirements WHERE organisation_id = ? ORDER BY title_fi, id
                """, arguments: [organisationID])
            return try Self.definitions(db, requirements)
        }
    }

    /// Something that changes whenever a status may change through this room or the completions:
    /// a version, an exemption granted or ended, a retirement, a completion entry.
    public func version() throws(StorageError) -> String {
        try database.reading { db in try Self.version(db) }
    }

    static func version(_ db: Database) throws -> String {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT max(id) FROM compliance_requirement_versions),
                       (SELECT max(updated_at) FROM compliance_requirements),
                       (SELECT max(id) FROM compliance_exemptions),
                       (SELECT count(*) FROM compliance_exemptions WHERE ended_on IS NOT NULL),
                       (SELECT max(id) FROM training_completions),
                       (SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM compliance_minimum_levels),
                       (SELECT max(id) FROM tutor_status_changes)
                """))
        return row.map { $0.databaseValues.map(\.description).joined(separator: "|") } ?? ""
    }

    @discardableResult
    private static func insertVersion(_ db: Database, _ draft: RequirementVersionDraft) throws -> Stored<RequirementVersion> {
        var version = draft.version
        version.forEveryone = draft.audience.everyone
        let stored = try version.insertStored(db)
        for training in Set(draft.trainingIDs).sorted() {
            try db.execute(sql: "INSERT INTO compliance_requirement_trainings (version_id, training_id) VALUES (?, ?)",
                           arguments: [stored.id, training])
        }
        guard !draft.audience.everyone else { return stored }
        let audience = draft.audience
        let insert = "INSERT INTO compliance_requirement_audience (version_id, sector_id, job_group, unit_id, role) VALUES (?, ?, ?, ?, ?)"
        for sector in audience.sectorIDs.sorted() {
            try db.execute(sql: insert, arguments: [stored.id, sector, nil, nil, nil])
        }
        for group in audience.jobGroups.sorted() {
            try db.execute(sql: insert, arguments: [stored.id, nil, group, nil, nil])
        }
        for unit in audience.unitIDs.sorted() {
            try db.execute(sql: insert, arguments: [stored.id, nil, nil, unit, nil])
        }
        for role in audience.roles.map(\.rawValue).sorted() {
            try db.execute(sql: insert, arguments: [stored.id, nil, nil, nil, role])
        }
        return stored
    }

    private static func definitions(_ db: Database, _ requirements: [Stored<RequiredTraining>]) throws -> [RequirementDefinition] {
        guard !requirements.isEmpty else { return [] }
        let ids = TrainingCatalogueStore.jsonArray(requirements.map(\.id))
        let versions = try Stored<RequirementVersion>.fetchAll(db, sql: """
            SELECT * FROM compliance_requirement_versions WHERE requirement_id IN (SELECT value FROM json_each(?))
            ORDER BY requirement_id, effective_from
            """, arguments: [ids])
        let versionIDs = TrainingCatalogueStore.jsonArray(versions.map(\.id))
        var trainings: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT version_id, training_id FROM compliance_requirement_trainings
            WHERE version_id IN (SELECT value FROM json_each(?)) ORDER BY version_id, training_id
            """, arguments: [versionIDs]) {
            trainings[row["version_id"], default: []].append(row["training_id"])
        }
        var audiences: [Int64: RequirementAudience] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT version_id, sector_id, job_group, unit_id, role FROM compliance_requirement_audience
            WHERE version_id IN (SELECT value FROM json_each(?))
            """, arguments: [versionIDs]) {
            let id: Int64 = row["version_id"]
            var audience = audiences[id] ?? RequirementAudience(everyone: false)
            if let sector: Int64 = row["sector_id"] { audience.sectorIDs.insert(sector) }
            if let group: String = row["job_group"] { audience.jobGroups.insert(group) }
            if let unit: Int64 = row["unit_id"] { audience.unitIDs.insert(unit) }
            if let role: String = row["role"], let named = RequirementRole(rawValue: role) { audience.roles.insert(named) }
            audiences[id] = audience
        }
        var byRequirement: [Int64: [RequirementVersionDetails]] = [:]
        for version in versions {
            let audience = version.forEveryone ? RequirementAudience.all
                : audiences[version.id] ?? RequirementAudience(everyone: false)
            byRequirement[version.requirementID, default: []].append(
                RequirementVersionDetails(version: version, trainingIDs: trainings[version.id] ?? [], audience: audience))
        }
        return requirements.map { RequirementDefinition(requirement: $0, versions: byRequirement[$0.id] ?? []) }
    }
}
