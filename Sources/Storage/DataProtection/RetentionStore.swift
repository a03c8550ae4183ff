import Foundation
import GRDB

/// How long an organisation keeps each kind of personal data.
public struct RetentionPolicy: Sendable, Equatable {
    public static let defaultLeaversMonths = 24
    public static let defaultAssessmentsYears = 5
    public static let leaversMonthsRange = 1...120
    public static let assessmentsYearsRange = 1...20

    /// People who left are erased this many months after their employment ended.
    public var leaversMonths: Int
    /// Identified self-assessments are unlinked from their person this many years after answering.
    public var assessmentsYears: Int

    public init(leaversMonths: Int = defaultLeaversMonths, assessmentsYears: Int = defaultAssessmentsYears) {
        self.leaversMonths = leaversMonths
        self.assessmentsYears = assessmentsYears
    }
}

/// Why a person cannot be erased now.
public enum ErasureRefusal: Error, Equatable, Sendable {
    /// Still employed: the employer must keep the roster data while the employment lasts.
    case stillEmployed
    case alreadyErased
    case notFound
}

/// What one retention pass did.
public struct RetentionReport: Sendable, Equatable {
    public var peopleErased = 0
    public var assessmentsUnlinked = 0
    public var auditLinesDeleted = 0

    public init() {}

    public var summary: String {
        "\(peopleErased) people erased, \(assessmentsUnlinked) self-assessments unlinked, \(auditLinesDeleted) audit lines deleted"
    }
}

/// Retention settings, erasing a person, and the daily pass that applies retention.
public struct RetentionStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func policy(organisationID: Int64) throws(StorageError) -> RetentionPolicy {
        try database.reading { db in try Self.policy(db, organisationID) }
    }

    /// Saves the organisation's policy (ranges checked: `.invalid`); call inside `changing`.
    public func save(_ policy: RetentionPolicy, organisationID: Int64, by userID: Int64?, at date: Date) throws(StorageError) {
        guard RetentionPolicy.leaversMonthsRange.contains(policy.leaversMonths),
              RetentionPolicy.assessmentsYearsRange.contains(policy.assessmentsYears)
        else { throw .invalid("retention out of range") }
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO retention_policies (organisation_id, leavers_months, assessments_years, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET leavers_months = excluded.leavers_months,
                    assessments_years = excluded.assessments_years, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """, arguments: [organisationID, policy.leaversMonths, policy.assessmentsYears, date, userID])
        }
    }

    /// The organisation's people whose retention has passed on `today` (`YYYY-MM-DD`), not yet erased.
    public func leaversDue(organisationID: Int64, today: String) throws(StorageError) -> [Int64] {
        try database.reading { db in
            let months = try Self.policy(db, organisationID).leaversMonths
            return try Int64.fetchAll(db, sql: """
                SELECT id FROM employees
                WHERE organisation_id = ? AND erased_at IS NULL AND active = 0 AND end_date IS NOT NULL
                  AND end_date < date(?, '-' || ? || ' months')
                ORDER BY id
                """, arguments: [organisationID, today, months])
        }
    }

    /// How many identified self-assessments of the organisation's staff are past retention on `today`.
    public func assessmentsDue(organisationID: Int64, today: String) throws(StorageError) -> Int {
        try database.reading { db in
            let years = try Self.policy(db, organisationID).assessmentsYears
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM survey_response_owners o JOIN employees e ON e.id = o.employee_id
                WHERE e.organisation_id = ? AND o.submitted_on < date(?, '-' || ? || ' years')
                """, arguments: [organisationID, today, years]) ?? 0
        }
    }

    /// Whether a person may be erased on `today`: not while employed (active without an end date, or
    /// an end date still to come).
    public func erasureRefusal(employeeID: Int64, today: String) throws(StorageError) -> ErasureRefusal? {
        try database.reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT active, end_date, erased_at FROM employees WHERE id = ?",
                                             arguments: [employeeID]) else { return .notFound }
            if (row["erased_at"] as String?) != nil { return .alreadyErased }
            let active: Bool = row["active"]
            let endDate: String? = row["end_date"]
            if let endDate, endDate >= today { return .stillEmployed }
            if active && endDate == nil { return .stillEmployed }
            return nil
        }
    }

    /// Erases a person who has left (see migration 0026): their roster and sign-in rows become empty
    /// shells, what is only about them is deleted, their audit lines lose who and from where. Figures
    /// about groups (survey results, attendance, completions) stay as they were. Call inside
    /// `changing`, with its audit line; throws `ErasureRefusal` when the person may not be erased.
    public func erase(employeeID: Int64, today: String, at date: Date) throws -> Void {
        if let refusal = try erasureRefusal(employeeID: employeeID, today: today) { throw refusal }
        try database.writing { db in try Self.erase(db, employeeID: employeeID, at: date) }
    }

    /// The daily pass for `today`, once per day: people past retention erased, old identified
    /// self-assessments unlinked, audit lines past their retention deleted. Nil when today's pass has
    /// run already. Each person is erased in a transaction of their own.
    public func runIfDue(today: String, now: Date) throws -> RetentionReport? {
        let ran = try database.reading { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM retention_runs WHERE day = ?)", arguments: [today]) ?? false
        }
        if ran { return nil }
        var report = RetentionReport()
        let organisationIDs = try database.reading { db in try Int64.fetchAll(db, sql: "SELECT id FROM organisations ORDER BY id") }
        for organisationID in organisationIDs {
            for employeeID in try leaversDue(organisationID: organisationID, today: today) {
                try database.transaction {
                    try database.writing { db in try Self.erase(db, employeeID: employeeID, at: now) }
                    try AuditStore(database).recordChange(AuditEntry(
                        at: now, action: "person.erase", target: "employee:\(employeeID)",
                        detail: "retention: employment ended over the organisation's limit ago"))
                }
                report.peopleErased += 1
            }
            report.assessmentsUnlinked += try unlinkOldAssessments(organisationID: organisationID, today: today)
        }
        report.auditLinesDeleted = try AuditStore(database).deleteExpired(now: now)
        let finished = report
        try database.writing { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO retention_runs (day, finished_at, people_erased, assessments_unlinked, audit_lines_deleted)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [today, now, finished.peopleErased, finished.assessmentsUnlinked, finished.auditLinesDeleted])
        }
        if finished.assessmentsUnlinked > 0 || finished.auditLinesDeleted > 0 {
            try AuditStore(database).record(AuditEntry(at: now, action: "retention.run", detail: finished.summary))
        }
        return report
    }

    /// The latest passes, the newest first.
    public func recentRuns(limit: Int) throws(StorageError) -> [(day: String, report: RetentionReport)] {
        try database.reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM retention_runs ORDER BY day DESC LIMIT ?", arguments: [limit]).map { row in
                var report = RetentionReport()
                report.peopleErased = row["people_erased"]
                report.assessmentsUnlinked = row["assessments_unlinked"]
                report.auditLinesDeleted = row["audit_lines_deleted"]
                return (row["day"], report)
            }
        }
    }

    // MARK: - Inside the transaction

    private func unlinkOldAssessments(organisationID: Int64, today: String) throws -> Int {
        try database.writing { db in
            let years = try Self.policy(db, organisationID).assessmentsYears
            try db.execute(sql: """
                DELETE FROM survey_response_owners WHERE submitted_on < date(?, '-' || ? || ' years')
                  AND employee_id IN (SELECT id FROM employees WHERE organisation_id = ?)
                """, arguments: [today, years, organisationID])
            return db.changesCount
        }
    }

    private static func policy(_ db: Database, _ organisationID: Int64) throws -> RetentionPolicy {
        guard let row = try Row.fetchOne(db, sql: "SELECT leavers_months, assessments_years FROM retention_policies WHERE organisation_id = ?",
                                         arguments: [organisationID]) else { return RetentionPolicy() }
        return RetentionPolicy(leaversMonths: row[0], assessmentsYears: row[1])
    }

    /// The erasure itself; the caller has checked that the person may be erased.
    static func erase(_ db: Database, employeeID: Int64, at date: Date) throws {
        let userID = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE employee_id = ?", arguments: [employeeID])
        // First the mark, which lets the person's signed discussions go (migration 0026's triggers).
        try db.execute(sql: """
            UPDATE employees SET hr_number = 'erased-' || id, first_name = '', last_name = '', email = NULL, phone = NULL,
                job_title = NULL, active = 0, erased_at = ?, updated_at = ? WHERE id = ?
            """, arguments: [date, date, employeeID])
        for sql in [
            "DELETE FROM survey_response_owners WHERE employee_id = ?",
            "DELETE FROM calendar_feeds WHERE employee_id = ?",
            "DELETE FROM training_follows WHERE employee_id = ?",
            "DELETE FROM key_users WHERE employee_id = ?",
            "DELETE FROM mail_outbox WHERE recipient_employee_id = ?",
            """
            DELETE FROM training_enrolments WHERE employee_id = ?
              AND session_id IN (SELECT id FROM training_sessions WHERE starts_at > strftime('%Y-%m-%d %H:%M:%f', 'now'))
            """,
            "UPDATE onboarding_checklist_items SET responsible_employee_id = NULL WHERE responsible_employee_id = ?",
            "DELETE FROM onboarding_checklist_items WHERE checklist_id IN (SELECT id FROM onboarding_checklists WHERE employee_id = ?)",
            "DELETE FROM onboarding_checklist_versions WHERE checklist_id IN (SELECT id FROM onboarding_checklists WHERE employee_id = ?)",
            "DELETE FROM onboarding_checklists WHERE employee_id = ?",
            "DELETE FROM discussion_answers WHERE discussion_id IN (SELECT id FROM discussions WHERE employee_id = ?)",
            """
            DELETE FROM discussion_actions WHERE goal_id IN
              (SELECT g.id FROM discussion_goals g JOIN discussions d ON d.id = g.discussion_id WHERE d.employee_id = ?)
            """,
            "DELETE FROM discussion_goals WHERE discussion_id IN (SELECT id FROM discussions WHERE employee_id = ?)",
            "DELETE FROM discussion_corrections WHERE discussion_id IN (SELECT id FROM discussions WHERE employee_id = ?)",
            "DELETE FROM discussions WHERE employee_id = ?",
            "UPDATE tutors SET contact_note = NULL WHERE employee_id = ?",
        ] {
            try db.execute(sql: sql, arguments: [employeeID])
        }
        guard let userID else { return }
        for sql in [
            "DELETE FROM sessions WHERE user_id = ?",
            "DELETE FROM role_assignments WHERE user_id = ?",
            "DELETE FROM totp_factors WHERE user_id = ?",
            "DELETE FROM recovery_codes WHERE user_id = ?",
            "DELETE FROM password_tokens WHERE user_id = ?",
            "DELETE FROM board_moderators WHERE user_id = ?",
            "DELETE FROM trainers WHERE user_id = ?",
            "UPDATE board_posts SET contact = '' WHERE author_user_id = ? AND contact <> ''",
            // Lines of failed attempts name the login or e-mail typed, not the user: those go too.
            """
            UPDATE audit_log SET user_id = NULL, login = NULL, client_address = NULL
            WHERE user_id = ?1
               OR lower(login) IN (SELECT lower(login) FROM users WHERE id = ?1 UNION SELECT lower(email) FROM users WHERE id = ?1)
            """,
            """
            UPDATE users SET login = 'erased-' || id, email = NULL, password_hash = '!erased', disabled = 1 WHERE id = ?
            """,
        ] {
            try db.execute(sql: sql, arguments: [userID])
        }
    }
}
