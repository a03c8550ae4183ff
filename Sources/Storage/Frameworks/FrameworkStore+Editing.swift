import Foundation
import GRDB

/// Whom an area's target level is for: everyone, one sector of the organisation, or one job group.
public enum TargetScope: Sendable, Equatable, Hashable {
    case everyone
    case sector(Int64)
    case jobGroup(String)
}

/// Which way to move an area or a statement in its list.
public enum MoveDirection: String, Sendable, CaseIterable {
    case up
    case down
}

/// Rows kept in an order of their own within a parent: areas in a framework, statements in an area.
protocol Positioned: FetchableRecord, PersistableRecord {
    var position: Int { get set }
}

extension FrameworkArea: Positioned {}
extension FrameworkStatement: Positioned {}

/// Editing a framework draft: its names, scale labels, areas, statements and target levels.
///
/// Every operation runs in one transaction and first checks that the framework is still a draft, so
/// a published version is refused with a clear message before the database triggers would abort.
extension FrameworkStore {
    /// Longest area or statement code accepted.
    public static let codeLimit = 40
    /// Longest job group name accepted for a target level.
    public static let jobGroupLimit = 100

    /// Whether `code` is a stable code: lowercase a–z, digits and '-', starting with a letter or digit.
    public static func isValidCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, code.count <= codeLimit else { return false }
        let allowed = { (scalar: Unicode.Scalar) in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed(first) && code.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" }
    }

    // MARK: Framework

    /// Renames the draft and changes its "can't say" label.
    public func updateFramework(id: Int64, name: LocalisedText, cantSay: LocalisedText) throws(StorageError) {
        try Self.requireFinnish(name, "The framework needs a Finnish name.")
        try Self.requireFinnish(cantSay, "The “can't say” choice needs a Finnish label.")
        try database.writing { db in
            var framework = try FrameworkStore.requireDraft(db, id)
            framework.name = Self.trimmed(name)
            framework.cantSay = Self.trimmed(cantSay)
            try framework.update(db)
        }
    }

    /// Sets the labels of the scale's points; `labels` must name every point of the scale, no other.
    public func updateScaleLabels(frameworkID: Int64, labels: [Int: LocalisedText]) throws(StorageError) {
        try database.writing { db in
            let framework = try FrameworkStore.requireDraft(db, frameworkID)
            let points = Set(framework.scaleMin...framework.scaleMax)
            guard Set(labels.keys) == points else {
                throw StorageError.invalid(
                    "Give a label for every point of the scale \(framework.scaleMin)–\(framework.scaleMax).")
            }
            for value in points.sorted() {
                let label = Self.trimmed(labels[value] ?? LocalisedText(fi: "", sv: "", en: ""))
                try Self.requireFinnish(label, "The scale point \(value) needs a Finnish label.")
                try ScaleLabel(frameworkID: frameworkID, value: value, label: label).save(db)
            }
        }
    }

    // MARK: Areas

    /// Adds an area after the draft's last one.
    public func addArea(frameworkID: Int64, code: String, kind: AreaKind, name: LocalisedText,
                        description: LocalisedText) throws(StorageError) -> Stored<FrameworkArea> {
        try Self.requireAreaFields(code: code, name: name)
        return try database.writing(conflict: Self.areaConflict(code)) { db in
            _ = try FrameworkStore.requireDraft(db, frameworkID)
            try Self.requireUniqueAreaCode(db, frameworkID: frameworkID, code: code, except: nil)
            let last = try Int.fetchOne(db, sql: "SELECT max(position) FROM framework_areas WHERE framework_id = ?",
                                        arguments: [frameworkID]) ?? 0
            return try FrameworkArea(frameworkID: frameworkID, code: code, kind: kind, position: last + 1,
                                     name: Self.trimmed(name), description: Self.trimmed(description)).insertStored(db)
        }
    }

    /// Changes an area's code, kind, names and descriptions.
    public func updateArea(id: Int64, code: String, kind: AreaKind, name: LocalisedText,
                           description: LocalisedText) throws(StorageError) {
        try Self.requireAreaFields(code: code, name: name)
        try database.writing(conflict: Self.areaConflict(code)) { db in
            var area = try Self.requireDraftArea(db, id)
            try Self.requireUniqueAreaCode(db, frameworkID: area.frameworkID, code: code, except: id)
            area.code = code
            area.kind = kind
            area.name = Self.trimmed(name)
            area.description = Self.trimmed(description)
            try area.update(db)
        }
    }

    /// Deletes an area with its statements and target levels.
    public func deleteArea(id: Int64) throws(StorageError) {
        try delete(id, Self.requireDraftArea)
    }

    /// Swaps an area with its neighbour; the first area cannot move up, nor the last down.
    public func moveArea(id: Int64, _ direction: MoveDirection) throws(StorageError) {
        try move(id, direction, Self.requireDraftArea) { Column("framework_id") == $0.frameworkID }
    }

    // MARK: Statements

    /// Adds a statement at the end of an area, with a new code made of the area's code and a number.
    public func addStatement(areaID: Int64, text: LocalisedText) throws(StorageError) -> Stored<FrameworkStatement> {
        try Self.requireFinnish(text, "The statement needs a Finnish text.")
        return try database.writing { db in
            let area = try Self.requireDraftArea(db, areaID)
            let existing = try Stored<FrameworkStatement>.filter(Column("area_id") == areaID).fetchAll(db)
            return try FrameworkStatement(
                areaID: areaID, code: Self.newStatementCode(area: area.code, taken: Set(existing.map(\.code))),
                position: (existing.map(\.position).max() ?? 0) + 1, text: Self.trimmed(text)).insertStored(db)
        }
    }

    /// Changes a statement's texts; its code stays, so answers stay comparable.
    public func updateStatement(id: Int64, text: LocalisedText) throws(StorageError) {
        try Self.requireFinnish(text, "The statement needs a Finnish text.")
        try database.writing { db in
            var statement = try Self.requireDraftStatement(db, id)
            statement.text = Self.trimmed(text)
            try statement.update(db)
        }
    }

    /// Deletes a statement; the others keep their codes and positions.
    public func deleteStatement(id: Int64) throws(StorageError) {
        try delete(id, Self.requireDraftStatement)
    }

    /// Swaps a statement with its neighbour in the area.
    public func moveStatement(id: Int64, _ direction: MoveDirection) throws(StorageError) {
        try move(id, direction, Self.requireDraftStatement) { Column("area_id") == $0.areaID }
    }

    /// Deletes a row of a draft, found (and checked to be a draft's) by `find`.
    private func delete<Record: Positioned>(_ id: Int64, _ find: (Database, Int64) throws -> Stored<Record>)
        throws(StorageError) {
        try database.writing { db in
            _ = try find(db, id).delete(db)
        }
    }

    /// Moves a row of a draft among the rows `siblings` selects for it.
    private func move<Record: Positioned>(_ id: Int64, _ direction: MoveDirection,
                                          _ find: (Database, Int64) throws -> Stored<Record>,
                                          siblings: (Stored<Record>) -> SQLExpression) throws(StorageError) {
        try database.writing { db in
            let row = try find(db, id)
            try Self.move(row, direction, among: siblings(row), db)
        }
    }

    // MARK: Target levels

    /// Sets the area's target level for `scope`, or clears it when `level` is nil. The level must lie on
    /// the framework's scale; a sector must be one of the framework's organisation.
    public func setTarget(areaID: Int64, scope: TargetScope, level: Double?) throws(StorageError) {
        try database.writing { db in
            let area = try Self.requireDraftArea(db, areaID)
            let framework = try FrameworkStore.requireDraft(db, area.frameworkID)
            let (sectorID, jobGroup) = try Self.columns(of: scope, framework: framework, db)
            try db.execute(sql: """
                DELETE FROM framework_targets
                WHERE area_id = ? AND ifnull(sector_id, 0) = ? AND ifnull(job_group, '') = ?
                """, arguments: [areaID, sectorID ?? 0, jobGroup ?? ""])
            guard let level else { return }
            guard level.isFinite, level >= Double(framework.scaleMin), level <= Double(framework.scaleMax) else {
                throw StorageError.invalid(
                    "The target level must be between \(framework.scaleMin) and \(framework.scaleMax).")
            }
            try FrameworkTarget(areaID: areaID, sectorID: sectorID, jobGroup: jobGroup, level: level).insert(db)
        }
    }

    // MARK: Rules

    private static func columns(of scope: TargetScope, framework: Stored<Framework>,
                                _ db: Database) throws -> (Int64?, String?) {
        switch scope {
        case .everyone:
            return (nil, nil)
        case .sector(let sectorID):
            let owner = try Int64.fetchOne(db, sql: "SELECT organisation_id FROM sectors WHERE id = ?",
                                           arguments: [sectorID])
            guard let owner, owner == framework.organisationID else {
                throw StorageError.invalid("Choose one of the organisation's sectors.")
            }
            return (sectorID, nil)
        case .jobGroup(let name):
            let jobGroup = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !jobGroup.isEmpty else { throw StorageError.invalid("Name the job group.") }
            guard jobGroup.count <= jobGroupLimit else {
                throw StorageError.invalid("A job group name is at most \(jobGroupLimit) characters.")
            }
            return (nil, jobGroup)
        }
    }

    private static func requireAreaFields(code: String, name: LocalisedText) throws(StorageError) {
        guard isValidCode(code) else {
            throw StorageError.invalid("An area code uses lowercase letters a–z, digits and '-', starts with a "
                + "letter or digit, and is at most \(codeLimit) characters.")
        }
        try requireFinnish(name, "The area needs a Finnish name.")
    }

    private static func requireFinnish(_ text: LocalisedText, _ message: String) throws(StorageError) {
        if text.fi.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw StorageError.invalid(message) }
    }

    private static func trimmed(_ text: LocalisedText) -> LocalisedText {
        LocalisedText(fi: text.fi.trimmingCharacters(in: .whitespacesAndNewlines),
                      sv: text.sv.trimmingCharacters(in: .whitespacesAndNewlines),
                      en: text.en.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func areaConflict(_ code: String) -> (DatabaseError) -> String? {
        { error in error.violates("framework_areas.code") ? areaCodeTaken(code) : nil }
    }

    private static func areaCodeTaken(_ code: String) -> String {
        "The framework already has an area with the code “\(code)”."
    }

    private static func requireUniqueAreaCode(_ db: Database, frameworkID: Int64, code: String,
                                              except areaID: Int64?) throws {
        let clash = try Int64.fetchOne(db, sql: """
            SELECT id FROM framework_areas WHERE framework_id = ? AND code = ? AND id IS NOT ?
            """, arguments: [frameworkID, code, areaID])
        if clash != nil { throw StorageError.conflict(areaCodeTaken(code)) }
    }

    private static func requireDraftArea(_ db: Database, _ areaID: Int64) throws -> Stored<FrameworkArea> {
        guard let area = try Stored<FrameworkArea>.fetchOne(db, key: areaID) else { throw StorageError.notFound }
        _ = try FrameworkStore.requireDraft(db, area.frameworkID)
        return area
    }

    private static func requireDraftStatement(_ db: Database, _ statementID: Int64) throws -> Stored<FrameworkStatement> {
        guard let statement = try Stored<FrameworkStatement>.fetchOne(db, key: statementID) else {
            throw StorageError.notFound
        }
        _ = try requireDraftArea(db, statement.areaID)
        return statement
    }

    /// `area-N` with N past both the highest number in use and the count, so a new statement never takes
    /// the code of one still in the area.
    static func newStatementCode(area: String, taken: Set<String>) -> String {
        let prefix = area + "-"
        let numbers = taken.compactMap { code in code.hasPrefix(prefix) ? Int(code.dropFirst(prefix.count)) : nil }
        var number = max(numbers.max() ?? 0, taken.count) + 1
        while taken.contains(prefix + String(number)) { number += 1 }
        return prefix + String(number)
    }

    /// Swaps `row` with its neighbour among the rows `siblings` selects (in position order) and
    /// renumbers them 1, 2, …; nothing happens at the ends.
    private static func move<Record: Positioned>(_ row: Stored<Record>, _ direction: MoveDirection,
                                                 among siblings: SQLExpression, _ db: Database) throws {
        var list = try Stored<Record>.filter(siblings).order(Column("position"), Column("id")).fetchAll(db)
        guard let index = list.firstIndex(where: { $0.id == row.id }) else { return }
        let other = direction == .up ? index - 1 : index + 1
        guard list.indices.contains(other) else { return }
        list.swapAt(index, other)
        for (position, var moved) in zip(1..., list) where moved.position != position {
            moved.position = position
            try moved.update(db)
        }
    }
}
