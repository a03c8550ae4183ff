import Foundation
import GRDB

/// A template with its newest version number, for lists and the editing page.
public struct OnboardingTemplateSummary: Sendable, Equatable {
    public var template: Stored<OnboardingTemplate>
    public var latestVersion: Int
    public var latestVersionID: Int64
    public var itemCount: Int
}

/// What starting a checklist came to.
public enum OnboardingStartOutcome: Sendable, Equatable {
    case started(checklistID: Int64)
    /// The employee already has a checklist for this start date.
    case alreadyStarted(checklistID: Int64)
    /// No template applies to the employee: nothing to start.
    case nothingApplies
}

/// Digital onboarding: the layered templates and their versions, and the new hires' checklists.
public struct OnboardingStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Templates

    /// Creates a template with its first version.
    public func createTemplate(_ template: OnboardingTemplate, items: [OnboardingItemContent], changelog: String,
                               by userID: Int64?, now: Date = Date()) throws(StorageError) -> Stored<OnboardingTemplate> {
        try database.writing(conflict: { _ in "This layer already has a template." }) { db in
            let stored = try template.insertStored(db)
            try Self.insertVersion(db, templateID: stored.id, version: 1, items: items, changelog: changelog, by: userID, now: now)
            return stored
        }
    }

    /// Saves an edit as the template's next version (running checklists keep the one they began
    /// with); returns the new version number.
    @discardableResult
    public func saveVersion(templateID: Int64, items: [OnboardingItemContent], changelog: String, name: String? = nil,
                            reviewBy: String?? = .none, by userID: Int64?, now: Date = Date()) throws(StorageError) -> Int {
        try database.writing(conflict: { _ in "Two items have the same key." }) { db in
            guard let latest = try Int.fetchOne(db, sql: "SELECT max(version) FROM onboarding_template_versions WHERE template_id = ?",
                                                arguments: [templateID]) else { throw StorageError.notFound }
            try Self.insertVersion(db, templateID: templateID, version: latest + 1, items: items, changelog: changelog, by: userID, now: now)
            if let name {
                try db.execute(sql: "UPDATE onboarding_templates SET name = ? WHERE id = ?", arguments: [name, templateID])
            }
            if case .some(let day) = reviewBy {
                try db.execute(sql: "UPDATE onboarding_templates SET review_by = ? WHERE id = ?", arguments: [day, templateID])
            }
            try db.execute(sql: "UPDATE onboarding_templates SET updated_at = ? WHERE id = ?", arguments: [now, templateID])
            return latest + 1
        }
    }

    private static func insertVersion(_ db: Database, templateID: Int64, version: Int, items: [OnboardingItemContent],
                                      changelog: String, by userID: Int64?, now: Date) throws {
        let stored = try OnboardingTemplateVersion(templateID: templateID, version: version, changelog: changelog,
                                                   createdBy: userID, now: now).insertStored(db)
        for (position, item) in items.enumerated() {
            try OnboardingTemplateItem(versionID: stored.id, position: position, item).insert(db)
        }
    }

    public func template(id: Int64) throws(StorageError) -> OnboardingTemplateSummary? {
        try database.reading { db in
            try Self.summaries(db, where: "t.id = ?", arguments: [id]).first
        }
    }

    /// The organisation's templates: the organisation's first, then sectors, units and job groups.
    public func templates(organisationID: Int64) throws(StorageError) -> [OnboardingTemplateSummary] {
        try database.reading { db in
            try Self.summaries(db, where: "t.organisation_id = ?", arguments: [organisationID])
        }
    }

    private static func summaries(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [OnboardingTemplateSummary] {
        try Row.fetchAll(db, sql: """
            SELECT t.*, v.version AS latest_version, v.id AS latest_version_id,
                   (SELECT count(*) FROM onboarding_template_items i WHERE i.version_id = v.id) AS item_count
            FROM onboarding_templates t
            JOIN onboarding_template_versions v ON v.template_id = t.id
                AND v.version = (SELECT max(version) FROM onboarding_template_versions WHERE template_id = t.id)
            WHERE \(condition)
            ORDER BY CASE t.layer WHEN 'organisation' THEN 0 WHEN 'sector' THEN 1 WHEN 'unit' THEN 2 ELSE 3 END, t.name, t.id
            """, arguments: arguments).map { row in
            OnboardingTemplateSummary(template: try Stored<OnboardingTemplate>(row: row), latestVersion: row["latest_version"],
                                      latestVersionID: row["latest_version_id"], itemCount: row["item_count"])
        }
    }

    /// Sets (or clears) the day a template is to be reviewed by.
    public func setReviewBy(templateID: Int64, _ day: String?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE onboarding_templates SET review_by = ?, updated_at = ? WHERE id = ?",
                           arguments: [day, now, templateID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    /// Names the template's owner: not a new version (the items stay as they are).
    public func setOwner(templateID: Int64, userID: Int64, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE onboarding_templates SET owner_user_id = ?, updated_at = ? WHERE id = ?",
                           arguments: [userID, now, templateID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    /// The templates the user is the named owner of, by name (the home page's shortcuts).
    public func templates(ownedBy userID: Int64) throws(StorageError) -> [Stored<OnboardingTemplate>] {
        try database.reading { db in
            try Stored<OnboardingTemplate>.fetchAll(db, sql: """
                SELECT * FROM onboarding_templates WHERE owner_user_id = ? ORDER BY name, id
                """, arguments: [userID])
        }
    }

    /// Who owns which of the organisation's templates (part of the home page's stamp: naming an
    /// owner adds or takes away their shortcut).
    static func ownersStamp(_ db: Database, organisationID: Int64) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT group_concat(id || ':' || owner_user_id) FROM (
                SELECT id, owner_user_id FROM onboarding_templates
                WHERE organisation_id = ? AND owner_user_id IS NOT NULL ORDER BY id)
            """), arguments: [organisationID]) ?? ""
    }

    /// The unit's own template, if it has one.
    public func unitTemplateID(unitID: Int64) throws(StorageError) -> Int64? {
        try database.reading { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM onboarding_templates WHERE layer = 'unit' AND unit_id = ?", arguments: [unitID])
        }
    }

    /// The items of one version, in order.
    public func items(versionID: Int64) throws(StorageError) -> [Stored<OnboardingTemplateItem>] {
        try database.reading { db in
            try Stored<OnboardingTemplateItem>.fetchAll(db, sql: """
                SELECT * FROM onboarding_template_items WHERE version_id = ? ORDER BY position, id
                """, arguments: [versionID])
        }
    }

    /// The versions of a template, newest first.
    public func versions(templateID: Int64) throws(StorageError) -> [Stored<OnboardingTemplateVersion>] {
        try database.reading { db in
            try Stored<OnboardingTemplateVersion>.fetchAll(db, sql: """
                SELECT * FROM onboarding_template_versions WHERE template_id = ? ORDER BY version DESC
                """, arguments: [templateID])
        }
    }

    // MARK: - Composition's input

    /// The newest version's items of every template that applies to the employee: the
    /// organisation's, their unit's sector's, their unit's and the units' above it, their job group's.
    public func applicableItems(employeeID: Int64) throws(StorageError) -> [OnboardingApplicableItem] {
        try database.reading { db in
            try Self.applicableItems(db, employeeID: employeeID)
        }
    }

    static func applicableItems(_ db: Database, employeeID: Int64) throws -> [OnboardingApplicableItem] {
        try Row.fetchAll(db, sql: """
            WITH RECURSIVE chain(id, parent_id, depth) AS (
                SELECT u.id, u.parent_id, 0 FROM units u JOIN employees e ON e.unit_id = u.id WHERE e.id = ?1
                UNION ALL
                SELECT u.id, u.parent_id, c.depth + 1 FROM units u JOIN chain c ON u.id = c.parent_id WHERE c.depth < 64
            ),
            hire AS (
                SELECT e.organisation_id, e.job_group, (SELECT sector_id FROM units WHERE id = e.unit_id) AS sector_id
                FROM employees e WHERE e.id = ?1
            ),
            applicable AS (
                SELECT t.id AS template_id, t.layer,
                       ifnull((SELECT min(c.depth) FROM chain c WHERE c.id = t.unit_id), 0) AS distance,
                       (SELECT v.id FROM onboarding_template_versions v WHERE v.template_id = t.id
                        ORDER BY v.version DESC LIMIT 1) AS version_id
                FROM onboarding_templates t, hire h
                WHERE t.organisation_id = h.organisation_id AND (
                    t.layer = 'organisation'
                    OR (t.layer = 'sector' AND t.sector_id = h.sector_id)
                    OR (t.layer = 'unit' AND t.unit_id IN (SELECT id FROM chain))
                    OR (t.layer = 'job_group' AND t.job_group = h.job_group))
            )
            SELECT a.layer AS applicable_layer, a.distance AS applicable_distance, i.*
            FROM applicable a JOIN onboarding_template_items i ON i.version_id = a.version_id
            ORDER BY i.id
            """, arguments: [employeeID]).map { row in
            let layer: String = row["applicable_layer"]
            return OnboardingApplicableItem(layer: OnboardingTemplateLayer(rawValue: layer) ?? .organisation,
                                            unitDistance: row["applicable_distance"], versionID: row["version_id"],
                                            item: try Stored<OnboardingTemplateItem>(row: row))
        }
    }

    // MARK: - Starting checklists

    /// Starts a checklist as planned, in one transaction; an existing checklist for the same start
    /// date is left as it is.
    public func start(_ plan: OnboardingChecklistPlan) throws(StorageError) -> OnboardingStartOutcome {
        guard !plan.items.isEmpty else { return .nothingApplies }
        return try database.writing { db in
            if let existing = try Int64.fetchOne(db, sql: """
                SELECT id FROM onboarding_checklists WHERE employee_id = ? AND start_date = ?
                """, arguments: [plan.checklist.employeeID, plan.checklist.startDate]) {
                return .alreadyStarted(checklistID: existing)
            }
            return .started(checklistID: try Self.insert(db, plan))
        }
    }

    /// Starts many checklists in one transaction (the demo's); those already started are skipped.
    /// Returns how many were started.
    public func startMany(_ plans: [OnboardingChecklistPlan]) throws(StorageError) -> Int {
        try database.writing { db in
            var started = 0
            for plan in plans where !plan.items.isEmpty {
                let exists = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM onboarding_checklists WHERE employee_id = ? AND start_date = ?)
                    """, arguments: [plan.checklist.employeeID, plan.checklist.startDate]) ?? false
                guard !exists else { continue }
                _ = try Self.insert(db, plan)
                started += 1
            }
            return started
        }
    }

    private static func insert(_ db: Database, _ plan: OnboardingChecklistPlan) throws -> Int64 {
        let checklist = try plan.checklist.insertStored(db)
        for versionID in Set(plan.versionIDs).sorted() {
            try db.execute(sql: "INSERT INTO onboarding_checklist_versions (checklist_id, version_id) VALUES (?, ?)",
                           arguments: [checklist.id, versionID])
        }
        for (position, item) in plan.items.enumerated() {
            var record = OnboardingChecklistItem(checklistID: checklist.id, templateItemID: item.templateItemID, position: position,
                                                 content: item.content, responsible: item.responsible,
                                                 responsibleEmployeeID: item.responsibleEmployeeID, dueOn: item.dueOn)
            if let done = item.doneOn {
                record.doneOn = done
                record.doneAt = checklist.startedAt
            }
            try record.insert(db)
        }
        return checklist.id
    }

    /// Active employees of the organisation whose start date is on or after `from` and who have no
    /// checklist for it yet (the import's and the manual add's new hires), by id.
    public func newHiresWithoutChecklist(organisationID: Int64, startingFrom from: String) throws(StorageError) -> [Stored<Employee>] {
        try database.reading { db in
            try Stored<Employee>.fetchAll(db, sql: """
                SELECT e.* FROM employees e
                WHERE e.organisation_id = ? AND e.active = 1 AND e.start_date >= ?
                  AND NOT EXISTS (SELECT 1 FROM onboarding_checklists c WHERE c.employee_id = e.id AND c.start_date = e.start_date)
                ORDER BY e.id
                """, arguments: [organisationID, from])
        }
    }

    // MARK: - Reading checklists

    /// The employee's latest checklist (by start date), with its items.
    public func latestChecklist(employeeID: Int64) throws(StorageError) -> OnboardingChecklistDetails? {
        try database.reading { db in
            guard let checklist = try Stored<OnboardingChecklist>.fetchOne(db, sql: """
                SELECT * FROM onboarding_checklists WHERE employee_id = ? ORDER BY start_date DESC, id DESC LIMIT 1
                """, arguments: [employeeID]) else { return nil }
            return try Self.details(db, checklist)
        }
    }

    public func checklist(id: Int64) throws(StorageError) -> OnboardingChecklistDetails? {
        try database.reading { db in
            guard let checklist = try Stored<OnboardingChecklist>.fetchOne(db, sql: "SELECT * FROM onboarding_checklists WHERE id = ?",
                                                                          arguments: [id]) else { return nil }
            return try Self.details(db, checklist)
        }
    }

    private static func details(_ db: Database, _ checklist: Stored<OnboardingChecklist>) throws -> OnboardingChecklistDetails {
        let items = try Stored<OnboardingChecklistItem>.fetchAll(db, sql: """
            SELECT * FROM onboarding_checklist_items WHERE checklist_id = ? AND removed_at IS NULL
            ORDER BY due_on, position, id
            """, arguments: [checklist.id])
        let newer = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (
                SELECT 1 FROM onboarding_checklist_versions cv
                JOIN onboarding_template_versions used ON used.id = cv.version_id
                JOIN onboarding_template_versions later ON later.template_id = used.template_id AND later.version > used.version
                WHERE cv.checklist_id = ?)
            """, arguments: [checklist.id]) ?? false
        return OnboardingChecklistDetails(checklist: checklist, items: items, newerVersionExists: newer)
    }

    /// Checklists of hires in `unitIDs` who started on or after `from`, with their items' dates.
    public func hires(inUnits unitIDs: Set<Int64>, startingFrom from: String) throws(StorageError) -> [OnboardingHireSummary] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.*, e.first_name, e.last_name, e.job_title FROM onboarding_checklists c
                JOIN employees e ON e.id = c.employee_id
                WHERE c.unit_id IN (SELECT value FROM json_each(?)) AND c.start_date >= ?
                ORDER BY c.start_date DESC, c.id
                """, arguments: [Self.jsonArray(unitIDs.sorted()), from])
            var dates: [Int64: [OnboardingItemDates]] = [:]
            let ids = rows.map { $0["id"] as Int64 }
            for row in try Row.fetchAll(db, sql: """
                SELECT checklist_id, due_on, done_on, required FROM onboarding_checklist_items
                WHERE checklist_id IN (SELECT value FROM json_each(?)) AND removed_at IS NULL
                """, arguments: [Self.jsonArray(ids)]) {
                dates[row["checklist_id"], default: []].append(
                    OnboardingItemDates(dueOn: row["due_on"], doneOn: row["done_on"], required: row["required"]))
            }
            return try rows.map { row in
                let checklist = try Stored<OnboardingChecklist>(row: row)
                return OnboardingHireSummary(checklist: checklist, firstName: row["first_name"], lastName: row["last_name"],
                                             jobTitle: row["job_title"], items: dates[checklist.id] ?? [])
            }
        }
    }

    /// Active employees of `unitIDs` who started on or after `from` and have no checklist for their
    /// start date (the supervisor may start one by hand), by start date.
    public func hiresWithoutChecklist(inUnits unitIDs: Set<Int64>, startingFrom from: String) throws(StorageError) -> [Stored<Employee>] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Stored<Employee>.fetchAll(db, sql: """
                SELECT e.* FROM employees e
                WHERE e.unit_id IN (SELECT value FROM json_each(?)) AND e.active = 1 AND e.start_date >= ?
                  AND NOT EXISTS (SELECT 1 FROM onboarding_checklists c WHERE c.employee_id = e.id AND c.start_date = e.start_date)
                ORDER BY e.start_date DESC, e.last_name, e.first_name, e.id
                """, arguments: [Self.jsonArray(unitIDs.sorted()), from])
        }
    }

    /// The open items named to a tutor on new colleagues' checklists started on or after `from`, by due day.
    public func openTutorItems(employeeID: Int64, startingFrom from: String) throws(StorageError) -> [OnboardingTutorItem] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT i.id, i.checklist_id, i.title_fi, i.title_sv, i.title_en, i.due_on, e.first_name, e.last_name
                FROM onboarding_checklist_items i
                JOIN onboarding_checklists c ON c.id = i.checklist_id
                JOIN employees e ON e.id = c.employee_id
                WHERE i.responsible_employee_id = ? AND i.responsible = 'digitutor' AND i.done_on IS NULL
                  AND i.removed_at IS NULL AND c.start_date >= ?
                ORDER BY i.due_on, i.id
                """, arguments: [employeeID, from]).map { row in
                OnboardingTutorItem(itemID: row["id"], checklistID: row["checklist_id"],
                                    title: LocalisedText(fi: row["title_fi"], sv: row["title_sv"], en: row["title_en"]),
                                    dueOn: row["due_on"], hireName: (row["first_name"] as String) + " " + (row["last_name"] as String))
            }
        }
    }

    /// Changes whenever the employee's checklists or their items change (the home page's key).
    public func stamp(employeeID: Int64) throws(StorageError) -> String {
        try database.reading { db in try Self.stamp(db, employeeID: employeeID) }
    }

    static func stamp(_ db: Database, employeeID: Int64) throws -> String {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*), max(i.id), max(i.done_at), max(i.removed_at), count(i.done_on)
            FROM onboarding_checklists c JOIN onboarding_checklist_items i ON i.checklist_id = c.id
            WHERE c.employee_id = ?
            """), arguments: [employeeID])
        return row.map { $0.databaseValues.map(\.description).joined(separator: "|") } ?? ""
    }

    // MARK: - HR's overview

    /// Each checklist of the organisation started on or after `from`, counted on `today` by the
    /// database: its unit and the unit's sector, its items, done, overdue and required open.
    public func overviewCounts(organisationID: Int64, startingFrom from: String, today: String) throws(StorageError)
        -> [OnboardingChecklistCounts] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT c.unit_id, u.sector_id, c.start_date, count(i.id) AS items, count(i.done_on) AS done,
                       ifnull(sum(i.done_on IS NULL AND i.due_on < ?), 0) AS overdue,
                       ifnull(sum(i.required = 1 AND i.done_on IS NULL), 0) AS required_open,
                       max(CASE WHEN i.required = 1 THEN i.done_on END) AS last_required_done
                FROM onboarding_checklists c
                LEFT JOIN units u ON u.id = c.unit_id
                JOIN onboarding_checklist_items i ON i.checklist_id = c.id AND i.removed_at IS NULL
                WHERE c.organisation_id = ? AND c.start_date >= ?
                GROUP BY c.id
                ORDER BY c.id
                """, arguments: [today, organisationID, from]).map { row in
                OnboardingChecklistCounts(unitID: row["unit_id"], sectorID: row["sector_id"], startDate: row["start_date"],
                                          items: row["items"], done: row["done"], overdue: row["overdue"],
                                          requiredOpen: row["required_open"], lastRequiredDone: row["last_required_done"])
            }
        }
    }

    /// The items (by key) most often late in the organisation's checklists started on or after
    /// `from`: open past their due day on `today`, or done after it.
    public func mostOftenLate(organisationID: Int64, startingFrom from: String, today: String, limit: Int = 10) throws(StorageError)
        -> [OnboardingLateItem] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT i.item_key, max(i.title_fi) AS title_fi, max(i.title_sv) AS title_sv, max(i.title_en) AS title_en,
                       count(*) AS items,
                       sum((i.done_on IS NULL AND i.due_on < ?) OR (i.done_on IS NOT NULL AND i.done_on > i.due_on)) AS late
                FROM onboarding_checklist_items i JOIN onboarding_checklists c ON c.id = i.checklist_id
                WHERE c.organisation_id = ? AND c.start_date >= ? AND i.removed_at IS NULL
                GROUP BY i.item_key
                HAVING late > 0
                ORDER BY late DESC, i.item_key
                LIMIT ?
                """, arguments: [today, organisationID, from, limit]).map { row in
                OnboardingLateItem(key: row["item_key"], title: LocalisedText(fi: row["title_fi"], sv: row["title_sv"], en: row["title_en"]),
                                   items: row["items"], late: row["late"])
            }
        }
    }

    // MARK: - Ticking

    /// Marks an item of the checklist done (or not done again). False when the item is not the
    /// checklist's, is removed, or is already as asked.
    public func setDone(itemID: Int64, checklistID: Int64, done: Bool, on day: String, by userID: Int64?,
                        now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            if done {
                try db.execute(sql: """
                    UPDATE onboarding_checklist_items SET done_on = ?, done_at = ?, done_by = ?, done_by_evidence = 0
                    WHERE id = ? AND checklist_id = ? AND removed_at IS NULL AND done_on IS NULL
                    """, arguments: [day, now, userID, itemID, checklistID])
            } else {
                try db.execute(sql: """
                    UPDATE onboarding_checklist_items SET done_on = NULL, done_at = NULL, done_by = NULL, done_by_evidence = 0
                    WHERE id = ? AND checklist_id = ? AND removed_at IS NULL AND done_on IS NOT NULL
                    """, arguments: [itemID, checklistID])
            }
            return db.changesCount == 1
        }
    }

    // MARK: - Per-hire changes

    /// Adds an item for this hire only (the supervisor's addition, recorded with who and when).
    public func addItem(checklistID: Int64, content: OnboardingItemContent, dueOn: String, by userID: Int64?,
                        now: Date = Date()) throws(StorageError) -> Int64 {
        try database.writing { db in
            let position = try Int.fetchOne(db, sql: "SELECT ifnull(max(position), -1) + 1 FROM onboarding_checklist_items WHERE checklist_id = ?",
                                            arguments: [checklistID]) ?? 0
            var item = OnboardingChecklistItem(checklistID: checklistID, templateItemID: nil, position: position, content: content,
                                               responsible: content.responsible == .digitutor ? .supervisor : content.responsible,
                                               responsibleEmployeeID: nil, dueOn: dueOn)
            item.addedBy = userID
            item.addedAt = now
            return try item.insertStored(db).id
        }
    }

    /// Removes an item from this hire's checklist: kept, marked with who removed it and when.
    public func removeItem(itemID: Int64, checklistID: Int64, by userID: Int64?, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE onboarding_checklist_items SET removed_at = ?, removed_by = ?
                WHERE id = ? AND checklist_id = ? AND removed_at IS NULL
                """, arguments: [now, userID, itemID, checklistID])
            return db.changesCount == 1
        }
    }

    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
