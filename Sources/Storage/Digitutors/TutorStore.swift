import Foundation
import GRDB

/// What a tutor is made of when named or changed.
public struct TutorDraft: Sendable, Equatable {
    public var tutor: Tutor
    public var units: [TutorUnit]
    public var topicIDs: [Int64]
    public var hours: [OfficeHour]

    public init(tutor: Tutor, units: [TutorUnit], topicIDs: [Int64], hours: [OfficeHour]) {
        self.tutor = tutor
        self.units = units
        self.topicIDs = topicIDs
        self.hours = hours
    }
}

/// The tutor network: tutors with their units, topics, hours and status history; the topics; the
/// coordinator's news line; the help log.
public struct TutorStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Tutors

    /// Names a tutor, active from `from`.
    public func create(_ draft: TutorDraft, activeFrom from: String, by userID: Int64?,
                       now: Date = Date()) throws(StorageError) -> Stored<Tutor> {
        try database.writing { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM tutors WHERE employee_id = ?", arguments: [draft.tutor.employeeID]) == true {
                throw StorageError.conflict("This person is already a tutor.")
            }
            let tutor = try draft.tutor.insertStored(db)
            try Self.replaceParts(db, tutorID: tutor.id, draft)
            try TutorStatusChange(tutorID: tutor.id, status: .active, fromOn: from, recordedBy: userID, now: now).insert(db)
            return tutor
        }
    }

    /// Names many tutors in one transaction (the demo's network): each draft with its status history.
    public func createMany(_ tutors: [(draft: TutorDraft, history: [(TutorStatus, String)])], by userID: Int64?,
                           now: Date = Date()) throws(StorageError) -> Int {
        try database.writing { db in
            for entry in tutors {
                let tutor = try entry.draft.tutor.insertStored(db)
                try Self.replaceParts(db, tutorID: tutor.id, entry.draft)
                for (status, day) in entry.history {
                    try TutorStatusChange(tutorID: tutor.id, status: status, fromOn: day, recordedBy: userID, now: now).insert(db)
                }
            }
            return tutors.count
        }
    }

    /// Saves a changed tutor (not their status, which has a history).
    public func update(_ tutorID: Int64, _ draft: TutorDraft, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            var tutor = draft.tutor
            tutor.updatedAt = now
            try db.execute(sql: """
                UPDATE tutors SET coordinator_user_id = ?, languages = ?, ask_anytime = ?, contact_note = ?,
                    planned_end_on = ?, updated_at = ? WHERE id = ?
                """, arguments: [tutor.coordinatorUserID, tutor.languages, tutor.askAnytime, tutor.contactNote,
                                 tutor.plannedEndOn, now, tutorID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
            try Self.replaceParts(db, tutorID: tutorID, draft)
        }
    }

    /// Records a change of status from a day on.
    public func setStatus(_ tutorID: Int64, _ status: TutorStatus, from day: String, by userID: Int64?,
                          now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try TutorStatusChange(tutorID: tutorID, status: status, fromOn: day, recordedBy: userID, now: now).insert(db)
            try db.execute(sql: "UPDATE tutors SET updated_at = ? WHERE id = ?", arguments: [now, tutorID])
        }
    }

    public func tutor(id: Int64) throws(StorageError) -> TutorDetails? {
        try database.reading { db in
            try Self.details(db, where: "t.id = ?", arguments: [id]).first
        }
    }

    public func tutor(employeeID: Int64) throws(StorageError) -> TutorDetails? {
        try database.reading { db in
            try Self.details(db, where: "t.employee_id = ?", arguments: [employeeID]).first
        }
    }

    /// The id of the employee's tutor record, if they have one: one indexed lookup, for pages that
    /// need only to know (the full `tutor(employeeID:)` reads units, topics, hours and history).
    public func tutorID(employeeID: Int64) throws(StorageError) -> Int64? {
        try database.reading { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM tutors WHERE employee_id = ?"), arguments: [employeeID])
        }
    }

    /// Every tutor of the organisation (ended ones too), by name.
    public func tutors(organisationID: Int64) throws(StorageError) -> [TutorDetails] {
        try database.reading { db in
            try Self.details(db, where: "t.organisation_id = ?", arguments: [organisationID])
        }
    }

    /// Tutors serving any of `unitIDs` (ended ones too; the caller decides by date).
    public func tutors(servingAny unitIDs: Set<Int64>) throws(StorageError) -> [TutorDetails] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Self.details(db, where: """
                t.id IN (SELECT tutor_id FROM tutor_units WHERE unit_id IN (SELECT value FROM json_each(?)))
                """, arguments: [TrainingCatalogueStore.jsonArray(unitIDs.sorted())])
        }
    }

    /// Employees of the organisation who are active tutors on `day`.
    public func activeTutorEmployeeIDs(organisationID: Int64, on day: String) throws(StorageError) -> Set<Int64> {
        try database.reading { db in
            Set(try Int64.fetchAll(db, sql: """
                SELECT t.employee_id FROM tutors t
                WHERE t.organisation_id = ? AND (
                    SELECT c.status FROM tutor_status_changes c WHERE c.tutor_id = t.id AND c.from_on <= ?
                    ORDER BY c.from_on DESC, c.id DESC LIMIT 1) = 'active'
                """, arguments: [organisationID, day]))
        }
    }

    /// Something that changes whenever the network changes, its topics included (for cached pages).
    /// Tutors are never deleted (their history is kept), so the newest id sees a new one without
    /// counting them all on every view of a kept page.
    public func version() throws(StorageError) -> String {
        try database.reading { db in try Self.version(db) }
    }

    static func version(_ db: Database) throws -> String {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT max(updated_at) FROM tutors), (SELECT max(id) FROM tutors),
                   (SELECT max(id) FROM tutor_status_changes), (SELECT max(id) FROM tutor_news),
                   (SELECT group_concat(id || ':' || active || ':' || ifnull(area_code, '') || ':' || position || ':'
                                        || name_fi || name_sv || name_en, ',') FROM tutor_topics)
            """))
        return row.map { $0.databaseValues.map(\.description).joined(separator: "|") } ?? ""
    }

    /// Active staff per unit of the organisation.
    public func staffPerUnit(organisationID: Int64) throws(StorageError) -> [Int64: Int] {
        try database.reading { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT unit_id, count(*) FROM employees WHERE organisation_id = ? AND active = 1 AND unit_id IS NOT NULL
                GROUP BY unit_id
                """, arguments: [organisationID]) {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    // MARK: - Topics

    public func topics(organisationID: Int64, includeRetired: Bool = false) throws(StorageError) -> [Stored<TutorTopic>] {
        try database.reading { db in
            try Stored<TutorTopic>.fetchAll(db, sql: """
                SELECT * FROM tutor_topics WHERE organisation_id = ? AND (active = 1 OR ?) ORDER BY position, name_fi, id
                """, arguments: [organisationID, includeRetired])
        }
    }

    public func addTopic(_ topic: TutorTopic) throws(StorageError) -> Stored<TutorTopic> {
        try database.writing { db in try topic.insertStored(db) }
    }

    public func setTopicActive(_ topicID: Int64, _ active: Bool) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE tutor_topics SET active = ? WHERE id = ?", arguments: [active, topicID])
            guard db.changesCount == 1 else { throw StorageError.notFound }
        }
    }

    // MARK: - News line

    public func news(organisationID: Int64, limit: Int = 20) throws(StorageError) -> [(id: Int64, body: String, at: Date)] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT id, body, created_at FROM tutor_news WHERE organisation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?
                """, arguments: [organisationID, limit]).map { ($0[0], $0[1], $0[2]) }
        }
    }

    public func postNews(organisationID: Int64, body: String, by userID: Int64?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "INSERT INTO tutor_news (organisation_id, body, created_at, created_by) VALUES (?, ?, ?, ?)",
                           arguments: [organisationID, body, now, userID])
        }
    }

    // MARK: - Help log

    public func logHelp(_ entry: HelpLogEntry) throws(StorageError) {
        try database.writing { db in try entry.insert(db) }
    }

    /// The tutor's own log, newest first.
    public func helpLog(tutorID: Int64, limit: Int = 100) throws(StorageError) -> [HelpLogEntry] {
        try database.reading { db in
            try HelpLogEntry.fetchAll(db, sql: """
                SELECT * FROM tutor_help_log WHERE tutor_id = ? ORDER BY day DESC, id DESC LIMIT ?
                """, arguments: [tutorID, limit])
        }
    }

    /// The organisation's help log from `from` on (for aggregates only).
    public func helpLog(organisationID: Int64, from: String) throws(StorageError) -> [HelpLogEntry] {
        try database.reading { db in
            try HelpLogEntry.fetchAll(db, sql: """
                SELECT h.* FROM tutor_help_log h JOIN tutors t ON t.id = h.tutor_id
                WHERE t.organisation_id = ? AND h.day >= ? ORDER BY h.day
                """, arguments: [organisationID, from])
        }
    }

    // MARK: - Reading

    private static func replaceParts(_ db: Database, tutorID: Int64, _ draft: TutorDraft) throws {
        try db.execute(sql: "DELETE FROM tutor_units WHERE tutor_id = ?", arguments: [tutorID])
        for unit in draft.units {
            try db.execute(sql: "INSERT INTO tutor_units (tutor_id, unit_id, includes_subunits) VALUES (?, ?, ?)",
                           arguments: [tutorID, unit.unitID, unit.includesSubunits])
        }
        try db.execute(sql: "DELETE FROM tutor_topic_links WHERE tutor_id = ?", arguments: [tutorID])
        for topic in Set(draft.topicIDs).sorted() {
            try db.execute(sql: "INSERT INTO tutor_topic_links (tutor_id, topic_id) VALUES (?, ?)", arguments: [tutorID, topic])
        }
        try db.execute(sql: "DELETE FROM tutor_office_hours WHERE tutor_id = ?", arguments: [tutorID])
        for hour in draft.hours {
            try db.execute(sql: "INSERT INTO tutor_office_hours (tutor_id, weekday, starts, ends, place) VALUES (?, ?, ?, ?, ?)",
                           arguments: [tutorID, hour.weekday, hour.starts, hour.ends, hour.place])
        }
    }

    static func details(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [TutorDetails] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.*, e.first_name, e.last_name, e.email, e.phone, e.unit_id AS home_unit_id
            FROM tutors t JOIN employees e ON e.id = t.employee_id WHERE \(condition)
            ORDER BY e.last_name, e.first_name, t.id
            """, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids = TrainingCatalogueStore.jsonArray(rows.map { $0["id"] })
        var units: [Int64: [TutorUnit]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT tutor_id, unit_id, includes_subunits FROM tutor_units WHERE tutor_id IN (SELECT value FROM json_each(?))
            ORDER BY unit_id
            """, arguments: [ids]) {
            units[row[0], default: []].append(TutorUnit(unitID: row[1], includesSubunits: row[2]))
        }
        var topics: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT tutor_id, topic_id FROM tutor_topic_links WHERE tutor_id IN (SELECT value FROM json_each(?))
            ORDER BY topic_id
            """, arguments: [ids]) {
            topics[row[0], default: []].append(row[1])
        }
        var hours: [Int64: [OfficeHour]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT tutor_id, weekday, starts, ends, place FROM tutor_office_hours
            WHERE tutor_id IN (SELECT value FROM json_each(?)) ORDER BY weekday, starts
            """, arguments: [ids]) {
            hours[row[0], default: []].append(OfficeHour(weekday: row[1], starts: row[2], ends: row[3], place: row[4]))
        }
        let history = Dictionary(grouping: try Stored<TutorStatusChange>.fetchAll(db, sql: """
            SELECT * FROM tutor_status_changes WHERE tutor_id IN (SELECT value FROM json_each(?)) ORDER BY from_on, id
            """, arguments: [ids]), by: \.tutorID)
        return try rows.map { row in
            let tutor = try Stored<Tutor>(row: row)
            return TutorDetails(tutor: tutor, firstName: row["first_name"], lastName: row["last_name"], email: row["email"],
                                phone: row["phone"], homeUnitID: row["home_unit_id"], units: units[tutor.id] ?? [],
                                topicIDs: topics[tutor.id] ?? [], hours: hours[tutor.id] ?? [],
                                history: history[tutor.id] ?? [])
        }
    }
}
