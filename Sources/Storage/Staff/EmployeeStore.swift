import Foundation
import GRDB

/// What to look for in the staff roster.
public struct EmployeeQuery: Sendable, Equatable {
    public var organisationID: Int64
    /// Words that must all appear, in any order and any case, in the name, HR number, e-mail or job
    /// title. Nil or blank matches everyone.
    public var text: String?
    /// Only employees of these units; nil means the whole organisation.
    public var unitIDs: Set<Int64>?
    /// Only employees of units in this sector (as well as `unitIDs`, when both are given).
    public var sectorID: Int64?
    public var includeInactive: Bool
    public var limit: Int
    public var offset: Int

    public init(organisationID: Int64, text: String? = nil, unitIDs: Set<Int64>? = nil, sectorID: Int64? = nil,
                includeInactive: Bool = false, limit: Int = 50, offset: Int = 0) {
        self.organisationID = organisationID
        self.text = text
        self.unitIDs = unitIDs
        self.sectorID = sectorID
        self.includeInactive = includeInactive
        self.limit = limit
        self.offset = offset
    }
}

/// One line of a staff list: the employee with the names of their unit and its sector.
public struct EmployeeListing: Sendable, Equatable {
    public var employee: Stored<Employee>
    public var unitName: String?
    public var sectorName: String?

    public init(employee: Stored<Employee>, unitName: String?, sectorName: String?) {
        self.employee = employee
        self.unitName = unitName
        self.sectorName = sectorName
    }
}

/// One page of search results, and how many match in all.
public struct EmployeePage: Sendable, Equatable {
    public var listings: [EmployeeListing]
    public var total: Int

    public init(listings: [EmployeeListing], total: Int) {
        self.listings = listings
        self.total = total
    }
}

/// The staff roster. Employees are deactivated, never deleted: their history stays.
public struct EmployeeStore: Sendable {
    private let database: AppDatabase

    /// A store over `database`.
    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Matching employees ordered by last name, first name and id, with the total for paging.
    /// `knownTotal`: the count of the same filter, when the caller knows it is still right (nothing
    /// was committed since), so it is not counted again.
    public func search(_ query: EmployeeQuery, knownTotal: Int? = nil) throws(StorageError) -> EmployeePage {
        if let unitIDs = query.unitIDs, unitIDs.isEmpty { return EmployeePage(listings: [], total: 0) }
        let filter = EmployeeSearchFilter(query)
        return try database.reading { db in
            let total = try knownTotal ?? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employees e WHERE \(filter.countSQL)",
                                                       arguments: filter.arguments) ?? 0
            let rows = try Self.pageRows(db, filter: filter, query: query, total: total)
            let listings = try rows.map { row in
                EmployeeListing(employee: try Stored<Employee>(row: row), unitName: row["unit_name"], sectorName: row["sector_name"])
            }
            return EmployeePage(listings: listings, total: total)
        }
    }

    /// One page of the listing. A late page of the plain list (no words, unit or sector) first finds
    /// its first row's place in the name order through the covering name index — skipping index
    /// entries only — and then reads its rows from there, so page 200 costs about what page 1 does;
    /// with OFFSET SQLite read and joined every row before the page (measured: 21 ms for page 200 of
    /// 23,000 against under 1 ms).
    private static func pageRows(_ db: Database, filter: EmployeeSearchFilter, query: EmployeeQuery,
                                 total: Int) throws -> [Row] {
        let select = """
            SELECT e.*, u.name AS unit_name, s.name AS sector_name
            FROM employees e
            LEFT JOIN units u ON u.id = e.unit_id
            LEFT JOIN sectors s ON s.id = u.sector_id
            """
        let offset = max(0, query.offset)
        let limit = max(0, query.limit)
        if offset > 0, filter.isPlain {
            guard let anchor = try Row.fetchOne(db, sql: """
                SELECT e.last_name, e.first_name, e.id FROM employees e WHERE \(filter.sql)
                ORDER BY e.last_name, e.first_name, e.id LIMIT 1 OFFSET ?
                """, arguments: filter.arguments + [offset]) else { return [] }
            return try Row.fetchAll(db, sql: """
                \(select)
                WHERE \(filter.sql) AND (e.last_name, e.first_name, e.id) >= (?, ?, ?)
                ORDER BY e.last_name, e.first_name, e.id LIMIT ?
                """, arguments: filter.arguments + [anchor[0], anchor[1], anchor[2], limit])
        }
        return try Row.fetchAll(db, sql: """
            \(select)
            WHERE \(filter.listingSQL(total: total))
            ORDER BY e.last_name, e.first_name, e.id
            LIMIT ? OFFSET ?
            """, arguments: filter.arguments + [limit, offset])
    }

    /// The employees with these ids, by id (unknown ids are left out).
    public func employees(ids: [Int64]) throws(StorageError) -> [Int64: Stored<Employee>] {
        guard !ids.isEmpty else { return [:] }
        return try database.reading { db in
            let list = try Stored<Employee>.fetchAll(db, sql: "SELECT * FROM employees WHERE id IN (SELECT value FROM json_each(?))",
                                                     arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
            return Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The organisation's active employees with these HR numbers, by HR number.
    public func activeEmployees(organisationID: Int64, hrNumbers: [String]) throws(StorageError) -> [String: Stored<Employee>] {
        guard !hrNumbers.isEmpty else { return [:] }
        return try database.reading { db in
            var found: [String: Stored<Employee>] = [:]
            for employee in try Stored<Employee>.fetchAll(db, sql: """
                SELECT * FROM employees WHERE organisation_id = ? AND active = 1
                  AND hr_number IN (SELECT value FROM json_each(?))
                """, arguments: [organisationID, Self.jsonStrings(hrNumbers)]) {
                found[employee.hrNumber] = employee
            }
            return found
        }
    }

    private static func jsonStrings(_ values: [String]) -> String {
        let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The employee with this id, active or not, or nil.
    public func employee(id: Int64) throws(StorageError) -> Stored<Employee>? {
        try database.reading { db in try Stored<Employee>.fetchOne(db, key: id) }
    }

    /// Adds an employee; `.conflict` when the organisation has the HR number already.
    public func create(_ employee: Employee) throws(StorageError) -> Stored<Employee> {
        try database.create(employee, conflict: Self.hrNumberTaken(employee.hrNumber)) { db in
            try Self.checkUnit(of: employee, in: db)
        }
    }

    /// Saves every field but the creation time and stamps `updatedAt`; `.conflict` when the new HR
    /// number belongs to another employee of the organisation.
    public func update(_ employee: Stored<Employee>) throws(StorageError) {
        try database.update(employee, conflict: Self.hrNumberTaken(employee.hrNumber),
                            movedAway: "An employee cannot move to another organisation; import them there.") { db, stored in
            try Self.checkUnit(of: employee.record, in: db)
            var employee = employee
            employee.createdAt = stored.createdAt
            employee.updatedAt = Date()
            return employee
        }
    }

    /// Deactivates (or reactivates) an employee. Employees are never deleted, so their answers,
    /// trainings and history keep their owner.
    public func setActive(employeeID: Int64, active: Bool) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE employees SET active = ?, updated_at = ? WHERE id = ?",
                           arguments: [active, Date(), employeeID])
            try db.requireChange()
        }
    }

    /// How many employees the organisation has, all or only the active ones.
    public func count(organisationID: Int64, activeOnly: Bool) throws(StorageError) -> Int {
        try database.reading { db in
            let sql = "SELECT COUNT(*) FROM employees WHERE organisation_id = ?" + (activeOnly ? " AND active = 1" : "")
            return try Int.fetchOne(db, sql: sql, arguments: [organisationID]) ?? 0
        }
    }

    private static func checkUnit(of employee: Employee, in db: Database) throws {
        guard let unitID = employee.unitID else { return }
        let unit = try Stored<WorkUnit>.fetchOne(db, key: unitID)
        guard unit?.organisationID == employee.organisationID else {
            throw StorageError.invalid("The unit does not belong to the employee's organisation.")
        }
    }

    private static func hrNumberTaken(_ hrNumber: String) -> String {
        "The organisation already has an employee with HR number \(hrNumber)."
    }
}

/// The WHERE clause of an employee search, over `employees e`.
struct EmployeeSearchFilter {
    private(set) var sql = "e.organisation_id = ?"
    private(set) var arguments: StatementArguments

    init(_ query: EmployeeQuery) {
        arguments = [query.organisationID]
        if !query.includeInactive {
            sql += " AND e.active = 1"
        }
        isPlain = query.unitIDs == nil && query.sectorID == nil && Self.words(in: query.text).isEmpty
        if let unitIDs = query.unitIDs {
            // A few units' staff are found through the unit index and sorted; the unary + keeps the
            // planner from walking the whole organisation in name order instead (measured: 40,000
            // table reads for a 45-person unit).
            sql = sql.replacingOccurrences(of: "e.organisation_id = ?", with: "+e.organisation_id = ?")
            sql += " AND e.unit_id IN (" + Array(repeating: "?", count: unitIDs.count).joined(separator: ",") + ")"
            arguments += StatementArguments(unitIDs.sorted())
        }
        if let sectorID = query.sectorID {
            // The sector's units in SQL rather than their ids as thousands of parameters: a large
            // organisation's sector has hundreds of units, and the list was built on every request.
            sql += " AND e.unit_id IN (SELECT id FROM units WHERE sector_id = ?)"
            arguments += [sectorID]
        }
        for word in Self.words(in: query.text) {
            hasText = true
            let pattern = "%" + Self.escapedForLike(word) + "%"
            let tests = Self.searchedColumns.map { column in "\(Self.folded(column, for: word)) LIKE ? ESCAPE '\\'" }
            sql += " AND (" + tests.joined(separator: " OR ") + ")"
            arguments += StatementArguments(Array(repeating: pattern, count: tests.count))
        }
    }

    /// Whether words are searched: every row of the organisation must then be tested.
    private(set) var hasText = false
    /// Only the organisation and whether the inactive are included: a name index serves it alone.
    private(set) var isPlain = true

    /// The filter for counting. A text search tests every row of the organisation anyway, and a
    /// plain table scan does that twice as fast as walking the name index with a table read per row
    /// (measured at 24,000 employees: 15 ms against 32 ms); the unary + rules the indexes out.
    var countSQL: String { hasText ? Self.withoutIndexes(sql) : sql }

    /// The filter for one page. When matches are plentiful the name index finds the first 50 in a
    /// few rows; when they are rare it would read the whole organisation, so scan and sort instead.
    func listingSQL(total: Int) -> String {
        hasText && total < Self.sparseMatches ? Self.withoutIndexes(sql) : sql
    }

    static let sparseMatches = 200

    private static func withoutIndexes(_ sql: String) -> String {
        sql.replacingOccurrences(of: "+e.organisation_id = ?", with: "e.organisation_id = ?")
            .replacingOccurrences(of: "e.organisation_id = ?", with: "+e.organisation_id = ?")
            .replacingOccurrences(of: "e.active = 1", with: "+e.active = 1")
    }

    /// Where a word may appear. Testing each column (rather than one concatenation) lets SQLite stop
    /// at the first match and allocate nothing.
    static let searchedColumns = ["e.last_name", "e.first_name", "e.hr_number", "e.email", "e.job_title"]

    /// SQLite's LIKE folds the case of ASCII letters only. For a word with Finnish or Swedish letters,
    /// their capitals in the column are lowered first; only those the word holds, to keep the scan
    /// quick (it runs over every employee of the organisation).
    static func folded(_ column: String, for word: String) -> String {
        var expression = column
        for capital in ["Å", "Ä", "Ö", "Ü", "É", "Š", "Ž"] where word.contains(capital.lowercased()) {
            expression = "replace(\(expression), '\(capital)', '\(capital.lowercased())')"
        }
        return expression
    }

    /// The search text's words, lower-cased and in composed Unicode form (as names are stored).
    static func words(in text: String?) -> [String] {
        guard let text else { return [] }
        return text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// `%`, `_` and the escape character itself match literally.
    static func escapedForLike(_ word: String) -> String {
        var escaped = ""
        for character in word {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
