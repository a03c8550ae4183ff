import Foundation
import GRDB

/// What to look for in the audit log; every field narrows.
public struct AuditQuery: Sendable, Equatable {
    /// nil: every organisation's lines and the installation's own (administrators only).
    public var organisationID: Int64?
    /// Words found in the login, action, target or detail.
    public var text = ""
    /// An action or the start of one (`sign_in` finds `sign_in.success` and `sign_in.failure`).
    public var action = ""
    /// Calendar dates, inclusive, as `YYYY-MM-DD` (UTC).
    public var from: String?
    public var through: String?
    /// Lines older than this id (the next page).
    public var before: Int64?

    public init(organisationID: Int64?, text: String = "", action: String = "", from: String? = nil,
                through: String? = nil, before: Int64? = nil) {
        self.organisationID = organisationID
        self.text = text
        self.action = action
        self.from = from
        self.through = through
        self.before = before
    }
}

/// The audit log: append-only (triggers refuse changes, and deletions before the retention passes).
public struct AuditStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Appends an entry that stands alone (a sign-in, a refused attempt): no change goes with it.
    public func record(_ entry: AuditEntry) throws(StorageError) {
        try database.writing { db in try Self.insert(entry, db) }
    }

    /// Appends the audit line of a change, inside the change's `AppDatabase.transaction`: the two
    /// commit together or not at all, so no change is ever saved without the line saying who made
    /// it. Called outside a transaction it refuses, so a forgotten transaction fails loudly in tests
    /// instead of quietly splitting the two again.
    public func recordChange(_ entry: AuditEntry) throws(StorageError) {
        guard database.isInTransaction else {
            throw .sqlite("the audit line of \(entry.action) must be written in the change's transaction")
        }
        try database.writing { db in try Self.insert(entry, db) }
    }

    /// The newest entries first.
    public func latest(limit: Int) throws(StorageError) -> [Stored<AuditEntry>] {
        try database.reading { db in
            try Stored<AuditEntry>.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// Lines matching `query`, the newest first, at most `limit`.
    public func search(_ query: AuditQuery, limit: Int) throws(StorageError) -> [Stored<AuditEntry>] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let organisationID = query.organisationID {
            conditions.append("organisation_id = ?")
            arguments.append(organisationID)
        }
        if let before = query.before {
            conditions.append("id < ?")
            arguments.append(before)
        }
        if !query.action.isEmpty {
            conditions.append("(action = ? OR action LIKE ? ESCAPE '\\')")
            arguments += [query.action, Self.likeEscaped(query.action) + ".%"]
        }
        if let from = query.from {
            conditions.append("at >= ?")
            arguments.append(from)
        }
        if let through = query.through {
            conditions.append("at < date(?, '+1 day')")
            arguments.append(through)
        }
        for word in query.text.split(whereSeparator: \.isWhitespace).prefix(5) {
            conditions.append("""
                (ifnull(login, '') || ' ' || action || ' ' || ifnull(target, '') || ' ' || ifnull(detail, '') || ' '
                 || ifnull(client_address, '')) LIKE ? ESCAPE '\\'
                """)
            arguments.append("%" + Self.likeEscaped(String(word)) + "%")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT * FROM audit_log \(filter) ORDER BY id DESC LIMIT \(max(0, limit))"
        let bound = StatementArguments(arguments)
        return try database.reading { db in try Stored<AuditEntry>.fetchAll(db, sql: sql, arguments: bound) }
    }

    /// The distinct actions recorded, for the filter's choices.
    public func actions(organisationID: Int64?) throws(StorageError) -> [String] {
        try database.reading { db in
            if let organisationID {
                return try String.fetchAll(db, sql: "SELECT DISTINCT action FROM audit_log WHERE organisation_id = ? ORDER BY action",
                                           arguments: [organisationID])
            }
            return try String.fetchAll(db, sql: "SELECT DISTINCT action FROM audit_log ORDER BY action")
        }
    }

    /// How many months lines are kept.
    public func retentionMonths() throws(StorageError) -> Int {
        try database.reading { db in
            try Int.fetchOne(db, sql: "SELECT retention_months FROM audit_settings WHERE id = 1") ?? 24
        }
    }

    /// Sets how many months lines are kept (6–120, or `.invalid`); call inside `changing`, with its line.
    public func setRetentionMonths(_ months: Int, at date: Date) throws(StorageError) {
        guard (6...120).contains(months) else { throw .invalid("Audit lines are kept from 6 to 120 months.") }
        try database.writing { db in
            try db.execute(sql: "UPDATE audit_settings SET retention_months = ?, updated_at = ? WHERE id = 1",
                           arguments: [months, date])
        }
    }

    /// Deletes the lines older than the retention (the database refuses younger ones); returns how many.
    @discardableResult
    public func deleteExpired(now: Date) throws(StorageError) -> Int {
        try database.writing { db in
            let months = try Int.fetchOne(db, sql: "SELECT retention_months FROM audit_settings WHERE id = 1") ?? 24
            guard let cutoff = Calendar(identifier: .gregorian).utcCalendar.date(byAdding: .month, value: -months, to: now)
            else { return 0 }
            try db.execute(sql: "DELETE FROM audit_log WHERE at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }

    // MARK: - Writing a line

    private static func insert(_ entry: AuditEntry, _ db: Database) throws {
        var entry = entry
        if entry.organisationID == nil {
            entry.organisationID = try organisationID(of: entry, db)
        }
        try entry.insert(db)
    }

    /// Where a record of each target kind says which organisation it belongs to.
    private static let targetOrganisation: [String: String] = [
        "organisation": "SELECT id FROM organisations WHERE id = ?",
        "employee": "SELECT organisation_id FROM employees WHERE id = ?",
        "unit": "SELECT organisation_id FROM units WHERE id = ?",
        "sector": "SELECT organisation_id FROM sectors WHERE id = ?",
        "round": "SELECT organisation_id FROM survey_rounds WHERE id = ?",
        "training": "SELECT organisation_id FROM trainings WHERE id = ?",
        "framework": "SELECT organisation_id FROM frameworks WHERE id = ?",
        "requirement": "SELECT organisation_id FROM compliance_requirements WHERE id = ?",
        "instruction": "SELECT organisation_id FROM instructions WHERE id = ?",
        "import": "SELECT organisation_id FROM employee_imports WHERE id = ?",
        "tutor": "SELECT organisation_id FROM tutors WHERE id = ?",
        "tutor_topic": "SELECT organisation_id FROM tutor_topics WHERE id = ?",
        "key_user_system": "SELECT organisation_id FROM key_user_systems WHERE id = ?",
        "onboarding": "SELECT organisation_id FROM onboarding_checklists WHERE id = ?",
        "board_post": "SELECT organisation_id FROM board_posts WHERE id = ?",
        "discussion": "SELECT c.organisation_id FROM discussions d JOIN discussion_cycles c ON c.id = d.cycle_id WHERE d.id = ?",
        "exemption": "SELECT r.organisation_id FROM compliance_exemptions x JOIN compliance_requirements r ON r.id = x.requirement_id WHERE x.id = ?",
    ]

    /// The organisation a line concerns: its target's when the target belongs to one, else the
    /// actor's (their employee record's, or their role's).
    static func organisationID(of entry: AuditEntry, _ db: Database) throws -> Int64? {
        if let target = entry.target, let colon = target.firstIndex(of: ":"),
           let id = Int64(target[target.index(after: colon)...]) {
            let kind = String(target[..<colon])
            if kind == "user" {
                if let found = try organisationID(ofUser: id, db) { return found }
            } else if let sql = targetOrganisation[kind],
                      let found = try Int64.fetchOne(db, sql: sql, arguments: [id]) {
                return found
            }
        }
        if let userID = entry.userID { return try organisationID(ofUser: userID, db) }
        // A failed sign-in names only what was typed: when that is someone's login or e-mail, the
        // attempt concerns their organisation (its HR should see guessing at their people).
        guard let login = entry.login, !login.isEmpty,
              let userID = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?1 OR email = ?1", arguments: [login])
        else { return nil }
        return try organisationID(ofUser: userID, db)
    }

    private static func organisationID(ofUser userID: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT coalesce(
                (SELECT e.organisation_id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.id = ?1),
                (SELECT r.organisation_id FROM role_assignments r
                  WHERE r.user_id = ?1 AND r.organisation_id IS NOT NULL ORDER BY r.id LIMIT 1),
                (SELECT un.organisation_id FROM role_assignments r JOIN units un ON un.id = r.unit_id
                  WHERE r.user_id = ?1 ORDER BY r.id LIMIT 1))
            """, arguments: [userID])
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension Calendar {
    /// This calendar in UTC: retention counts calendar months as stored timestamps do.
    var utcCalendar: Calendar {
        var calendar = self
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }
}
