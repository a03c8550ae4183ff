import Foundation
import GRDB

/// One value of a person's data, as the export writes it.
public enum PersonalValue: Sendable, Equatable, Encodable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }

    /// As shown on the readable page.
    public var display: String {
        switch self {
        case .null: return ""
        case .integer(let value): return String(value)
        case .real(let value): return String(format: "%.2f", value)
        case .text(let value): return value
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let integer): self = .integer(integer)
        case .double(let real): self = .real(real)
        case .string(let text): self = .text(text)
        case .blob: self = .text("(binary)")
        }
    }
}

/// One kind of a person's data: its rows under named columns.
public struct PersonalDataSection: Sendable, Equatable {
    public let key: String
    public let columns: [String]
    public let rows: [[PersonalValue]]

    public init(key: String, columns: [String], rows: [[PersonalValue]]) {
        self.key = key
        self.columns = columns
        self.rows = rows
    }
}

/// All the data kept about one person, for their right of access and portability (GDPR arts. 15
/// and 20): the roster, the sign-in, identified self-assessments, trainings, onboarding, discussions,
/// tutor roles, board posts and the rest. Anonymous survey answers are not here and cannot be: no
/// row links them to anyone. Secrets (password hashes, token hashes, sealed authenticator secrets)
/// are never written out; that they exist is.
public struct PersonalDataStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Who a section is about: the employee record, the sign-in, or either.
    enum Subject { case employee, user }

    /// Each section's rows. `:employee` and `:user` are the person's ids.
    static let sections: [(key: String, subject: Subject, sql: String)] = [
        ("employee", .employee, """
            SELECT e.hr_number, e.first_name, e.last_name, e.email, e.phone, o.name AS organisation, u.name AS unit,
                   s.name AS sector, e.job_title, e.job_group, e.start_date, e.end_date, e.language, e.active,
                   e.created_at, e.updated_at
            FROM employees e JOIN organisations o ON o.id = e.organisation_id
            LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN sectors s ON s.id = u.sector_id WHERE e.id = :employee
            """),
        ("sign_in", .user, """
            SELECT login, email, disabled, created_at, password_hash LIKE 'pbkdf2-%' AS has_password
            FROM users WHERE id = :user
            """),
        ("roles", .user, """
            SELECT r.role, o.name AS organisation, un.name AS unit FROM role_assignments r
            LEFT JOIN organisations o ON o.id = r.organisation_id LEFT JOIN units un ON un.id = r.unit_id
            WHERE r.user_id = :user ORDER BY r.id
            """),
        ("sessions", .user, "SELECT created_at, last_seen_at, client_address, device FROM sessions WHERE user_id = :user ORDER BY id"),
        ("authenticator", .user, "SELECT created_at, confirmed_at FROM totp_factors WHERE user_id = :user"),
        ("recovery_codes", .user, "SELECT created_at, used_at FROM recovery_codes WHERE user_id = :user ORDER BY id"),
        ("password_links", .user, "SELECT created_at, expires_at, used_at FROM password_tokens WHERE user_id = :user ORDER BY id"),
        ("audit_events", .user, """
            SELECT at, action, target, client_address, detail FROM audit_log WHERE user_id = :user ORDER BY id DESC LIMIT 10000
            """),
        ("survey_invitations", .employee, """
            SELECT r.title AS round, r.mode, r.opens_on, r.closes_on, u.name AS unit, i.job_group
            FROM survey_invitations i JOIN survey_rounds r ON r.id = i.round_id LEFT JOIN units u ON u.id = i.unit_id
            WHERE i.employee_id = :employee ORDER BY r.opens_on, r.id
            """),
        ("training_enrolments", .employee, """
            SELECT t.title_fi AS training, ts.starts_at, en.kind, en.state, en.enrolled_at, en.changed_at
            FROM training_enrolments en JOIN training_sessions ts ON ts.id = en.session_id
            JOIN trainings t ON t.id = ts.training_id WHERE en.employee_id = :employee ORDER BY ts.starts_at
            """),
        ("training_follows", .employee, """
            SELECT t.title_fi AS training, ts.starts_at FROM training_follows f
            JOIN training_sessions ts ON ts.id = f.session_id JOIN trainings t ON t.id = ts.training_id
            WHERE f.employee_id = :employee ORDER BY ts.starts_at
            """),
        ("training_attendance", .employee, """
            SELECT t.title_fi AS training, ts.starts_at, a.source, a.recorded_at FROM training_attendance a
            JOIN training_sessions ts ON ts.id = a.session_id JOIN trainings t ON t.id = ts.training_id
            WHERE a.employee_id = :employee ORDER BY ts.starts_at
            """),
        ("training_completions", .employee, """
            SELECT t.title_fi AS training, c.kind, c.completed_on, c.note, c.withdrawn, c.recorded_at
            FROM training_completions c JOIN trainings t ON t.id = c.training_id
            WHERE c.employee_id = :employee ORDER BY c.completed_on, c.id
            """),
        ("calendar_feeds", .employee, "SELECT scope, created_at, revoked_at FROM calendar_feeds WHERE employee_id = :employee ORDER BY id"),
        ("required_training_exemptions", .employee, """
            SELECT q.title_fi AS requirement, x.from_on, x.until_on, x.reason, x.created_at, x.ended_on
            FROM compliance_exemptions x JOIN compliance_requirements q ON q.id = x.requirement_id
            WHERE x.employee_id = :employee ORDER BY x.id
            """),
        ("onboarding_checklists", .employee, """
            SELECT c.start_date, c.started_how, c.started_at, u.name AS unit FROM onboarding_checklists c
            LEFT JOIN units u ON u.id = c.unit_id WHERE c.employee_id = :employee ORDER BY c.id
            """),
        ("onboarding_items", .employee, """
            SELECT i.title_fi AS item, i.responsible, i.due_on, i.required, i.done_on, i.done_at, i.removed_at,
                   c.employee_id = :employee AS own_checklist
            FROM onboarding_checklist_items i JOIN onboarding_checklists c ON c.id = i.checklist_id
            WHERE c.employee_id = :employee OR i.responsible_employee_id = :employee ORDER BY c.id, i.position
            """),
        ("discussions", .employee, """
            SELECT d.id AS discussion, dc.title AS cycle, u.name AS unit, d.planned_on, d.held_on, d.supervisor_notes,
                   d.employee_comment, d.employee_disagrees, d.employee_signed_at, d.supervisor_signed_at, d.created_at
            FROM discussions d JOIN discussion_cycles dc ON dc.id = d.cycle_id LEFT JOIN units u ON u.id = d.unit_id
            WHERE d.employee_id = :employee ORDER BY dc.starts_on, d.id
            """),
        ("discussion_answers", .employee, """
            SELECT a.discussion_id AS discussion, q.text_fi AS question, a.answer, a.updated_at
            FROM discussion_answers a JOIN discussions d ON d.id = a.discussion_id
            JOIN discussion_questions q ON q.id = a.question_id WHERE d.employee_id = :employee ORDER BY d.id, q.position
            """),
        ("discussion_goals", .employee, """
            SELECT g.discussion_id AS discussion, g.position, fa.name_fi AS area, g.goal, g.follow_up_on
            FROM discussion_goals g JOIN discussions d ON d.id = g.discussion_id
            LEFT JOIN framework_areas fa ON fa.id = g.area_id WHERE d.employee_id = :employee ORDER BY d.id, g.position
            """),
        ("discussion_actions", .employee, """
            SELECT g.discussion_id AS discussion, g.position AS goal, x.kind, t.title_fi AS training, x.note
            FROM discussion_actions x JOIN discussion_goals g ON g.id = x.goal_id JOIN discussions d ON d.id = g.discussion_id
            LEFT JOIN trainings t ON t.id = x.training_id WHERE d.employee_id = :employee ORDER BY d.id, g.position, x.id
            """),
        ("discussion_corrections", .employee, """
            SELECT c.discussion_id AS discussion, c.body, c.written_at FROM discussion_corrections c
            JOIN discussions d ON d.id = c.discussion_id WHERE d.employee_id = :employee ORDER BY c.id
            """),
        ("digitutor", .employee, """
            SELECT o.name AS organisation, t.languages, t.ask_anytime, t.contact_note, t.planned_end_on, t.created_at
            FROM tutors t JOIN organisations o ON o.id = t.organisation_id WHERE t.employee_id = :employee
            """),
        ("digitutor_units", .employee, """
            SELECT u.name AS unit, tu.includes_subunits FROM tutor_units tu JOIN tutors t ON t.id = tu.tutor_id
            JOIN units u ON u.id = tu.unit_id WHERE t.employee_id = :employee
            """),
        ("digitutor_status", .employee, """
            SELECT s.status, s.from_on, s.recorded_at FROM tutor_status_changes s JOIN tutors t ON t.id = s.tutor_id
            WHERE t.employee_id = :employee ORDER BY s.id
            """),
        ("digitutor_topics", .employee, """
            SELECT tt.name_fi AS topic FROM tutor_topic_links l JOIN tutors t ON t.id = l.tutor_id
            JOIN tutor_topics tt ON tt.id = l.topic_id WHERE t.employee_id = :employee
            """),
        ("digitutor_office_hours", .employee, """
            SELECT h.weekday, h.starts, h.ends, h.place FROM tutor_office_hours h JOIN tutors t ON t.id = h.tutor_id
            WHERE t.employee_id = :employee ORDER BY h.weekday, h.starts
            """),
        ("digitutor_help_given", .employee, """
            SELECT h.day, tt.name_fi AS topic, h.minutes, h.channel, u.name AS unit FROM tutor_help_log h
            JOIN tutors t ON t.id = h.tutor_id LEFT JOIN tutor_topics tt ON tt.id = h.topic_id
            LEFT JOIN units u ON u.id = h.unit_id WHERE t.employee_id = :employee ORDER BY h.day, h.id
            """),
        ("key_user", .employee, """
            SELECT s.name AS system, k.note FROM key_users k JOIN key_user_systems s ON s.id = k.system_id
            WHERE k.employee_id = :employee
            """),
        ("mail", .employee, """
            SELECT created_at, recipient_address, subject, state, sent_at FROM mail_outbox
            WHERE recipient_employee_id = :employee ORDER BY id
            """),
        ("import_deactivations", .employee, """
            SELECT i.imported_at, d.reason, d.reactivated_at FROM employee_import_deactivations d
            JOIN employee_imports i ON i.id = d.import_id WHERE d.employee_id = :employee ORDER BY i.id
            """),
        ("board_posts", .user, """
            SELECT kind, title, body, how, tools, time_taken, contact, anonymous, shared, hidden, hidden_reason, created_at
            FROM board_posts WHERE author_user_id = :user ORDER BY id
            """),
        ("board_answers", .user, """
            SELECT p.title AS post, a.body, a.solves, a.hidden, a.hidden_reason, a.created_at
            FROM board_answers a JOIN board_posts p ON p.id = a.post_id WHERE a.author_user_id = :user ORDER BY a.id
            """),
        ("board_useful_marks", .user, """
            SELECT p.title AS post, m.created_at FROM board_useful m JOIN board_posts p ON p.id = m.post_id
            WHERE m.user_id = :user ORDER BY m.created_at
            """),
        ("board_adoptions", .user, """
            SELECT p.title AS post, u.name AS unit, a.how_it_went, a.created_at FROM board_adoptions a
            JOIN board_posts p ON p.id = a.post_id LEFT JOIN units u ON u.id = a.unit_id WHERE a.user_id = :user
            ORDER BY a.created_at
            """),
        ("board_reports", .user, """
            SELECT p.title AS post, r.reason, r.created_at, r.resolved_at FROM board_reports r
            JOIN board_posts p ON p.id = r.post_id WHERE r.reporter_user_id = :user ORDER BY r.id
            """),
        ("board_moderator", .user, """
            SELECT o.name AS organisation, m.created_at FROM board_moderators m
            JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = :user
            """),
        ("trainer", .user, """
            SELECT o.name AS organisation FROM trainers t JOIN organisations o ON o.id = t.organisation_id WHERE t.user_id = :user
            """),
        ("trainings_owned", .user, "SELECT title_fi AS training, created_at FROM trainings WHERE owner_user_id = :user ORDER BY id"),
        ("instructions_owned", .user, """
            SELECT i.title AS instruction FROM instruction_owners o JOIN instructions i ON i.id = o.instruction_id
            WHERE o.user_id = :user ORDER BY i.id
            """),
        ("onboarding_templates_owned", .user, """
            SELECT name AS template, created_at FROM onboarding_templates WHERE owner_user_id = :user ORDER BY id
            """),
    ]

    /// Where each column that names a person (`employee_id`, `user_id`, `…_employee_id`, `…_user_id`)
    /// is accounted for: the section that exports it, or why it is not one. `PersonalDataTests`
    /// checks the schema against this list, so a new table that keeps something about a person
    /// cannot be left out of the export unnoticed.
    public static let coverage: [String: String] = [
        "users.employee_id": "sign_in",
        "role_assignments.user_id": "roles",
        "sessions.user_id": "sessions",
        "totp_factors.user_id": "authenticator",
        "recovery_codes.user_id": "recovery_codes",
        "password_tokens.user_id": "password_links",
        "audit_log.user_id": "audit_events",
        "survey_invitations.employee_id": "survey_invitations",
        "survey_response_owners.employee_id": "identified_self_assessments",
        "training_enrolments.employee_id": "training_enrolments",
        "training_follows.employee_id": "training_follows",
        "training_attendance.employee_id": "training_attendance",
        "training_completions.employee_id": "training_completions",
        "calendar_feeds.employee_id": "calendar_feeds",
        "compliance_exemptions.employee_id": "required_training_exemptions",
        "onboarding_checklists.employee_id": "onboarding_checklists",
        "onboarding_checklist_items.responsible_employee_id": "onboarding_items",
        "discussions.employee_id": "discussions",
        "tutors.employee_id": "digitutor",
        "key_users.employee_id": "key_user",
        "mail_outbox.recipient_employee_id": "mail",
        "employee_import_deactivations.employee_id": "import_deactivations",
        "board_posts.author_user_id": "board_posts",
        "board_answers.author_user_id": "board_answers",
        "board_useful.user_id": "board_useful_marks",
        "board_adoptions.user_id": "board_adoptions",
        "board_reports.reporter_user_id": "board_reports",
        "board_moderators.user_id": "board_moderator",
        "trainers.user_id": "trainer",
        "trainings.owner_user_id": "trainings_owned",
        "instruction_owners.user_id": "instructions_owned",
        "onboarding_templates.owner_user_id": "onboarding_templates_owned",
        // Who did something at work, not data about them: it is in their audit_events.
        "employee_imports.user_id": "(actor: the audit log's import line)",
        "tutors.coordinator_user_id": "(actor: the coordinator who named the digitutor)",
    ]

    /// The person's data, section by section; sections with no rows are left out. `employeeID` and
    /// `userID` are the person's roster record and sign-in (either may be missing).
    public func sections(employeeID: Int64?, userID: Int64?) throws(StorageError) -> [PersonalDataSection] {
        try database.reading { db in
            var found: [PersonalDataSection] = []
            for section in Self.sections {
                let id: Int64?
                switch section.subject {
                case .employee: id = employeeID
                case .user: id = userID
                }
                guard let id else { continue }
                let arguments: StatementArguments = section.subject == .employee ? ["employee": id] : ["user": id]
                let statement = try db.makeStatement(sql: section.sql)
                let columns = statement.columnNames
                let rows = try Row.fetchAll(statement, arguments: arguments).map { row in
                    columns.indices.map { PersonalValue(row[$0] as DatabaseValue) }
                }
                if !rows.isEmpty { found.append(PersonalDataSection(key: section.key, columns: columns, rows: rows)) }
            }
            return found
        }
    }

    /// The person's identified self-assessments, opened: round, date and each area's score (areas
    /// named in Finnish as in the framework). Anonymous responses have no owner row and are not here.
    public func identifiedSelfAssessments(employeeID: Int64) throws(StorageError) -> PersonalDataSection? {
        let own = try SurveyResultsStore(database).ownResponses(employeeID: employeeID)
        guard !own.isEmpty else { return nil }
        let (titles, areas) = try database.reading { db in
            let titles = try Dictionary(Row.fetchAll(db, sql: "SELECT id, title FROM survey_rounds")
                .map { (($0[0] as Int64), ($0[1] as String)) }, uniquingKeysWith: { first, _ in first })
            let areas = try Dictionary(Row.fetchAll(db, sql: "SELECT id, name_fi FROM framework_areas")
                .map { (($0[0] as Int64), ($0[1] as String)) }, uniquingKeysWith: { first, _ in first })
            return (titles, areas)
        }
        var rows: [[PersonalValue]] = []
        for response in own {
            for (areaID, score) in response.areaScores.sorted(by: { $0.key < $1.key }) {
                rows.append([.text(titles[response.roundID] ?? String(response.roundID)), .text(response.submittedOn),
                             .text(areas[areaID] ?? String(areaID)), .real(score)])
            }
        }
        return PersonalDataSection(key: "identified_self_assessments", columns: ["round", "submitted_on", "area", "score"],
                                   rows: rows)
    }

    /// Each identified response's answers to the statements, in the compact form it is stored in
    /// (`AnswerString`: the statements in the framework's order, one character each).
    public func identifiedAnswers(employeeID: Int64) throws(StorageError) -> PersonalDataSection? {
        let own = try SurveyResultsStore(database).ownResponses(employeeID: employeeID)
        guard !own.isEmpty else { return nil }
        return PersonalDataSection(key: "identified_self_assessment_answers", columns: ["round_id", "submitted_on", "answers"],
                                   rows: own.map { [.integer($0.roundID), .text($0.submittedOn), .text($0.answers)] })
    }
}
