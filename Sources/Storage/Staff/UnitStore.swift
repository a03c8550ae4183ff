import GRDB

/// Work units (työyksiköt) and their tree.
public struct UnitStore: Sendable {
    private let database: AppDatabase

    /// A store over `database`.
    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// All the organisation's units, active and inactive, by name.
    public func units(organisationID: Int64) throws(StorageError) -> [Stored<WorkUnit>] {
        try database.reading { db in
            try Stored<WorkUnit>.filter(Column("organisation_id") == organisationID).order(Column("name"), Column("id")).fetchAll(db)
        }
    }

    /// The unit with this id, or nil.
    public func unit(id: Int64) throws(StorageError) -> Stored<WorkUnit>? {
        try database.reading { db in
            try Stored<WorkUnit>.fetchOne(db.cachedStatement(sql: "SELECT * FROM units WHERE id = ?"), arguments: [id])
        }
    }

    /// Creates a unit. Its sector and parent must belong to the same organisation; `.conflict` when
    /// the organisation has a unit of that name already.
    public func create(_ unit: WorkUnit) throws(StorageError) -> Stored<WorkUnit> {
        try database.create(unit, conflict: Self.nameTaken(unit.name)) { db in
            try Self.checkReferences(of: unit, in: db)
        }
    }

    /// Saves a unit's name, sector, parent and active flag. Refuses a parent in another organisation
    /// or one that would put the unit under itself.
    public func update(_ unit: Stored<WorkUnit>) throws(StorageError) {
        try database.update(unit, conflict: Self.nameTaken(unit.name),
                            movedAway: "A unit cannot move to another organisation.") { db, _ in
            try Self.checkReferences(of: unit.record, in: db)
            if let parentID = unit.parentID, try Self.ancestorIDs(of: parentID, in: db).contains(unit.id) {
                throw StorageError.invalid("A unit cannot be placed under itself or one of its own sub-units.")
            }
            return unit
        }
    }

    /// The unit and all units below it, at any depth; empty when the unit does not exist.
    public func unitAndDescendantIDs(of unitID: Int64) throws(StorageError) -> Set<Int64> {
        try database.reading { db in
            // UNION (not UNION ALL) stops at rows already seen, so even a corrupt cycle ends.
            let ids = try Int64.fetchAll(db, sql: """
                WITH RECURSIVE tree(id) AS (
                    SELECT id FROM units WHERE id = ?
                    UNION
                    SELECT units.id FROM units JOIN tree ON units.parent_id = tree.id
                )
                SELECT id FROM tree
                """, arguments: [unitID])
            return Set(ids)
        }
    }

    /// Active employees per unit id, counting each unit's own staff only (not its sub-units').
    /// The direct sub-units of `unitID`, by name.
    public func children(of unitID: Int64) throws(StorageError) -> [Stored<WorkUnit>] {
        try database.reading { db in
            try Stored<WorkUnit>.filter(Column("parent_id") == unitID).order(Column("name")).fetchAll(db)
        }
    }

    /// Active employees per unit for the given units only (own staff, not sub-units): a unit page
    /// needs a few counts, not a scan of the whole organisation.
    public func employeeCounts(unitIDs: [Int64]) throws(StorageError) -> [Int64: Int] {
        guard !unitIDs.isEmpty else { return [:] }
        return try database.reading { db in
            let questionMarks = databaseQuestionMarks(count: unitIDs.count)
            let rows = try Row.fetchAll(db, sql: """
                SELECT unit_id, COUNT(*) AS staff FROM employees
                WHERE active = 1 AND unit_id IN (\(questionMarks))
                GROUP BY unit_id
                """, arguments: StatementArguments(unitIDs))
            var counts: [Int64: Int] = [:]
            for row in rows {
                let unitID: Int64 = row["unit_id"]
                counts[unitID] = row["staff"]
            }
            return counts
        }
    }

    public func employeeCounts(organisationID: Int64) throws(StorageError) -> [Int64: Int] {
        try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT unit_id, COUNT(*) AS staff FROM employees
                WHERE organisation_id = ? AND active = 1 AND unit_id IS NOT NULL
                GROUP BY unit_id
                """, arguments: [organisationID])
            var counts: [Int64: Int] = [:]
            for row in rows {
                let unitID: Int64 = row["unit_id"]
                counts[unitID] = row["staff"]
            }
            return counts
        }
    }

    /// The unit and its parents up to the root: a session or rule aimed at any of them reaches the unit.
    public func ancestorIDs(of unitID: Int64) throws(StorageError) -> Set<Int64> {
        try database.reading { db in try Self.ancestorIDs(of: unitID, in: db) }
    }

    /// The unit and its parents up to the root.
    static func ancestorIDs(of unitID: Int64, in db: Database) throws -> Set<Int64> {
        let ids = try Int64.fetchAll(db.cachedStatement(sql: """
            WITH RECURSIVE chain(id, parent_id) AS (
                SELECT id, parent_id FROM units WHERE id = ?
                UNION
                SELECT units.id, units.parent_id FROM units JOIN chain ON units.id = chain.parent_id
            )
            SELECT id FROM chain
            """), arguments: [unitID])
        return Set(ids)
    }

    private static func checkReferences(of unit: WorkUnit, in db: Database) throws {
        if let sectorID = unit.sectorID {
            let sector = try Stored<Sector>.fetchOne(db, key: sectorID)
            guard sector?.organisationID == unit.organisationID else {
                throw StorageError.invalid("The sector does not belong to the unit's organisation.")
            }
        }
        if let parentID = unit.parentID {
            let parent = try Stored<WorkUnit>.fetchOne(db, key: parentID)
            guard parent?.organisationID == unit.organisationID else {
                throw StorageError.invalid("The parent unit does not belong to the unit's organisation.")
            }
        }
    }

    private static func nameTaken(_ name: String) -> String {
        "The organisation already has a unit named “\(name)”."
    }
}
