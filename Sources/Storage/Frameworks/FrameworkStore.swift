import Foundation
import GRDB

/// Competence frameworks: reading published versions, and editing a draft until it is published.
///
/// The database refuses any change to a published framework (triggers in migration 0003); this store
/// turns that refusal into `StorageError.invalid`.
public struct FrameworkStore: Sendable {
    /// Internal so the draft editing in `FrameworkStore+Editing.swift` can use it.
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Frameworks an organisation may use or edit: the shipped ones and its own, newest first.
    public func frameworks(organisationID: Int64) throws(StorageError) -> [Stored<Framework>] {
        try database.reading { db in
            try Stored<Framework>
                .filter(Column("organisation_id") == nil || Column("organisation_id") == organisationID)
                .order(Column("code"), Column("status").desc, Column("version").desc)
                .fetchAll(db)
        }
    }

    public func framework(id: Int64) throws(StorageError) -> Stored<Framework>? {
        try database.reading { db in try Stored<Framework>.fetchOne(db, key: id) }
    }

    /// A framework with its labels, areas, statements and targets, all in position order.
    public func content(frameworkID: Int64) throws(StorageError) -> FrameworkContent? {
        try database.reading { db in try Self.content(db, frameworkID: frameworkID) }
    }

    static func content(_ db: Database, frameworkID: Int64) throws -> FrameworkContent? {
        guard let framework = try Stored<Framework>.fetchOne(db, key: frameworkID) else { return nil }
        let labels = try ScaleLabel.filter(Column("framework_id") == frameworkID).order(Column("value")).fetchAll(db)
        let areas = try Stored<FrameworkArea>.filter(Column("framework_id") == frameworkID)
            .order(Column("position"), Column("id")).fetchAll(db)
        let areaIDs = areas.map(\.id)
        let statements = try Stored<FrameworkStatement>.filter(areaIDs.contains(Column("area_id")))
            .order(Column("position"), Column("id")).fetchAll(db)
        let targets = try Stored<FrameworkTarget>.filter(areaIDs.contains(Column("area_id"))).fetchAll(db)
        let statementsByArea = Dictionary(grouping: statements, by: \.areaID)
        let targetsByArea = Dictionary(grouping: targets, by: \.areaID)
        return FrameworkContent(framework: framework, labels: labels, areas: areas.map { area in
            FrameworkContent.Area(area: area, statements: statementsByArea[area.id] ?? [],
                                  targets: targetsByArea[area.id] ?? [])
        })
    }

    /// Starts a draft for `organisationID` as a copy of `source` (any framework it may read). The draft
    /// keeps the source's family code, so publishing it gives that family's next version.
    public func createDraft(copying sourceID: Int64, organisationID: Int64) throws(StorageError) -> Stored<Framework> {
        try database.writing { db in
            guard let source = try Self.content(db, frameworkID: sourceID) else { throw StorageError.notFound }
            var draft = source.framework.record
            draft.organisationID = organisationID
            draft.version = nil
            draft.status = .draft
            draft.createdAt = Date()
            draft.publishedAt = nil
            let stored = try draft.insertStored(db)
            try Self.copy(source, into: stored.id, db)
            return stored
        }
    }

    private static func copy(_ source: FrameworkContent, into draftID: Int64, _ db: Database) throws {
        for label in source.labels {
            try ScaleLabel(frameworkID: draftID, value: label.value, label: label.label).insert(db)
        }
        for area in source.areas {
            var copy = area.area.record
            copy.frameworkID = draftID
            let areaID = try copy.insertStored(db).id
            for statement in area.statements {
                try FrameworkStatement(areaID: areaID, code: statement.code, position: statement.position,
                                       text: statement.text).insert(db)
            }
            for target in area.targets {
                try FrameworkTarget(areaID: areaID, sectorID: target.sectorID, jobGroup: target.jobGroup,
                                    level: target.level).insert(db)
            }
        }
    }

    /// Publishes a draft as the next version of its family. A framework without areas, or with an area
    /// without statements, cannot be published.
    public func publish(draftID: Int64) throws(StorageError) -> Stored<Framework> {
        try database.writing { db in
            var draft = try Self.requireDraft(db, draftID)
            try Self.requirePublishable(db, draftID)
            let latest = try Int.fetchOne(db, sql: """
                SELECT max(version) FROM frameworks WHERE ifnull(organisation_id, 0) = ? AND code = ?
                """, arguments: [draft.organisationID ?? 0, draft.code]) ?? 0
            let shipped = try Int.fetchOne(db, sql: """
                SELECT max(version) FROM frameworks WHERE organisation_id IS NULL AND code = ?
                """, arguments: [draft.code]) ?? 0
            draft.version = max(latest, shipped) + 1
            draft.status = .published
            draft.publishedAt = Date()
            try draft.update(db)
            return draft
        }
    }

    private static func requirePublishable(_ db: Database, _ frameworkID: Int64) throws {
        let areas = try Int.fetchOne(db, sql: "SELECT count(*) FROM framework_areas WHERE framework_id = ?",
                                     arguments: [frameworkID]) ?? 0
        if areas == 0 { throw StorageError.invalid("A framework needs at least one area.") }
        let empty = try String.fetchOne(db, sql: """
            SELECT a.name_fi FROM framework_areas a
            WHERE a.framework_id = ? AND NOT EXISTS (SELECT 1 FROM framework_statements s WHERE s.area_id = a.id)
            ORDER BY a.position LIMIT 1
            """, arguments: [frameworkID])
        if let empty { throw StorageError.invalid("The area “\(empty)” has no statements.") }
    }

    /// Deletes a draft that was never published.
    public func deleteDraft(id: Int64) throws(StorageError) {
        try database.writing { db in
            _ = try Self.requireDraft(db, id)
            try db.execute(sql: "DELETE FROM frameworks WHERE id = ?", arguments: [id])
        }
    }

    static func requireDraft(_ db: Database, _ frameworkID: Int64) throws -> Stored<Framework> {
        guard let framework = try Stored<Framework>.fetchOne(db, key: frameworkID) else { throw StorageError.notFound }
        guard framework.status == .draft else {
            throw StorageError.invalid("A published framework cannot be changed; start a new draft from it.")
        }
        return framework
    }

    /// The framework an area belongs to, for checking who may edit it.
    public func frameworkID(ofArea areaID: Int64) throws(StorageError) -> Int64? {
        try database.reading { db in
            try Int64.fetchOne(db, sql: "SELECT framework_id FROM framework_areas WHERE id = ?", arguments: [areaID])
        }
    }

    /// The framework a statement belongs to, for checking who may edit it.
    public func frameworkID(ofStatement statementID: Int64) throws(StorageError) -> Int64? {
        try database.reading { db in
            try Int64.fetchOne(db, sql: """
                SELECT a.framework_id FROM framework_statements s JOIN framework_areas a ON a.id = s.area_id
                WHERE s.id = ?
                """, arguments: [statementID])
        }
    }
}
