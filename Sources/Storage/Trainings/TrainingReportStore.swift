import Foundation
import GRDB

/// The aggregates the supervisors' and HR's training views show, counted in SQL.
///
/// A completion "in force" is one no later entry corrects and that is not itself a withdrawal (see
/// `CompletionStore`). Dates of completions are Helsinki calendar dates (`YYYY-MM-DD`); sessions are
/// chosen by their starting instant.
public struct TrainingReportStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    static let inForce = """
        c.withdrawn = 0 AND NOT EXISTS (SELECT 1 FROM training_completions later WHERE later.corrects_id = c.id)
        """

    // MARK: - A unit's people

    /// The active employees of these units, by name.
    public func activeEmployees(unitIDs: Set<Int64>) throws(StorageError) -> [Stored<Employee>] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Stored<Employee>.fetchAll(db, sql: """
                SELECT * FROM employees WHERE active = 1 AND unit_id IN (SELECT value FROM json_each(?))
                ORDER BY last_name, first_name, id
                """, arguments: [TrainingCatalogueStore.jsonArray(unitIDs.sorted())])
        }
    }

    /// The sector of each of these units that has one.
    public func sectorIDs(unitIDs: Set<Int64>) throws(StorageError) -> [Int64: Int64] {
        guard !unitIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var sectors: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, sector_id FROM units WHERE sector_id IS NOT NULL AND id IN (SELECT value FROM json_each(?))
                """, arguments: [TrainingCatalogueStore.jsonArray(unitIDs.sorted())]) {
                sectors[row["id"]] = row["sector_id"]
            }
            return sectors
        }
    }

    /// Per person, completions in force dated on or after `since`, with the newest one.
    public func personSummaries(employeeIDs: [Int64], since: String) throws(StorageError) -> [Int64: PersonTrainingSummary] {
        guard !employeeIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var summaries: [Int64: PersonTrainingSummary] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.employee_id, c.kind, c.training_id, c.completed_on FROM training_completions c
                WHERE c.employee_id IN (SELECT value FROM json_each(?)) AND c.completed_on >= ? AND \(Self.inForce)
                ORDER BY c.employee_id, c.completed_on, c.id
                """, arguments: [TrainingCatalogueStore.jsonArray(employeeIDs), since])
            for row in rows {
                let employeeID: Int64 = row["employee_id"]
                var summary = summaries[employeeID] ?? PersonTrainingSummary(employeeID: employeeID)
                switch CompletionKind(rawValue: row["kind"]) {
                case .attended?: summary.attended += 1
                case .recording?: summary.recordings += 1
                case .external?: summary.external += 1
                case nil: continue
                }
                summary.lastTrainingID = row["training_id"]
                summary.lastCompletedOn = row["completed_on"]
                summaries[employeeID] = summary
            }
            return summaries
        }
    }

    /// Per area code, how many of these people have a completion in force dated on or after `since`.
    public func peoplePerArea(employeeIDs: [Int64], since: String) throws(StorageError) -> [String: Int] {
        guard !employeeIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.area_code, count(DISTINCT c.employee_id) AS people
                FROM training_completions c JOIN training_areas a ON a.training_id = c.training_id
                WHERE c.employee_id IN (SELECT value FROM json_each(?)) AND c.completed_on >= ? AND \(Self.inForce)
                GROUP BY a.area_code
                """, arguments: [TrainingCatalogueStore.jsonArray(employeeIDs), since]) {
                counts[row["area_code"]] = row["people"]
            }
            return counts
        }
    }

    /// Sessions of active trainings the organisation sees (its own and those offered to it) starting in
    /// `from..<until` that are aimed at the whole organisation or at one of `units`, earliest first;
    /// cancelled ones included.
    public func sessionIDs(organisationID: Int64, from: Date, until: Date,
                           aimedAt units: Set<Int64>) throws(StorageError) -> [Int64] {
        try database.reading { db in
            try Int64.fetchAll(db, sql: """
                SELECT s.id FROM training_sessions s JOIN trainings t ON t.id = s.training_id
                WHERE s.starts_at >= :from AND s.starts_at < :until AND t.active = 1
                  AND (t.organisation_id = :organisation
                       OR t.id IN (SELECT training_id FROM training_offers WHERE organisation_id = :organisation))
                  AND (NOT EXISTS (SELECT 1 FROM training_session_units u WHERE u.session_id = s.id)
                       OR EXISTS (SELECT 1 FROM training_session_units u
                                  WHERE u.session_id = s.id AND u.unit_id IN (SELECT value FROM json_each(:units))))
                ORDER BY s.starts_at, s.id
                """, arguments: ["from": from, "until": until, "organisation": organisationID,
                                 "units": TrainingCatalogueStore.jsonArray(units.sorted())])
        }
    }

    /// Places and queue places of these people on these sessions (cancelled ones left out).
    public func enrolments(sessionIDs: [Int64], employeeIDs: [Int64]) throws(StorageError) -> [Enrolment] {
        guard !sessionIDs.isEmpty, !employeeIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Enrolment.fetchAll(db, sql: """
                SELECT * FROM training_enrolments
                WHERE session_id IN (SELECT value FROM json_each(?)) AND employee_id IN (SELECT value FROM json_each(?))
                  AND state <> 'cancelled'
                ORDER BY session_id, state, enrolled_at
                """, arguments: [TrainingCatalogueStore.jsonArray(sessionIDs), TrainingCatalogueStore.jsonArray(employeeIDs)])
        }
    }

    // MARK: - The organisation

    /// Something that changes whenever the training views' figures may change: a new completion entry
    /// (attendance marked or unmarked, a recording, evidence, a correction), a session or training
    /// added or changed, a place taken or given up.
    public func version() throws(StorageError) -> String {
        try database.reading { db in try Self.version(db) }
    }

    static func version(_ db: Database) throws -> String {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT max(id) FROM training_completions) AS completion,
                   (SELECT count(*) FROM training_sessions) AS sessions,
                   (SELECT max(updated_at) FROM training_sessions) AS session_change,
                   (SELECT max(updated_at) FROM trainings) AS training_change,
                   (SELECT count(*) FROM training_enrolments) AS enrolments,
                   (SELECT max(changed_at) FROM training_enrolments) AS enrolment_change
            """))
        let values = row.map { Array($0.databaseValues.map(\.description)) } ?? []
        return values.joined(separator: "|")
    }

    /// Trainings the organisation sees (its own and those offered to it) with sessions held in
    /// `from..<until`: sessions, the organisation's people's attendances, and its people's watched
    /// recordings of the training dated in `fromDay...toDay`.
    public func trainingsHeld(organisationID: Int64, from: Date, until: Date, fromDay: String,
                              toDay: String) throws(StorageError) -> [HeldTraining] {
        try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                WITH visible AS (
                    SELECT id FROM trainings WHERE organisation_id = :organisation
                    UNION SELECT training_id FROM training_offers WHERE organisation_id = :organisation
                ),
                held AS (
                    SELECT s.id, s.training_id FROM training_sessions s
                    WHERE s.starts_at >= :from AND s.starts_at < :until AND s.status = 'scheduled'
                      AND s.training_id IN (SELECT id FROM visible)
                ),
                sessions AS (SELECT training_id, count(*) AS n FROM held GROUP BY training_id),
                present AS (
                    SELECT held.training_id, count(*) AS n FROM held
                    JOIN training_attendance a ON a.session_id = held.id
                    JOIN employees e ON e.id = a.employee_id AND e.organisation_id = :organisation
                    GROUP BY held.training_id
                ),
                watched AS (
                    SELECT c.training_id, count(*) AS n FROM training_completions c
                    JOIN employees e ON e.id = c.employee_id AND e.organisation_id = :organisation
                    WHERE c.kind = 'recording' AND c.completed_on BETWEEN :fromDay AND :toDay
                      AND c.training_id IN (SELECT id FROM visible) AND \(Self.inForce)
                    GROUP BY c.training_id
                )
                SELECT t.*, coalesce(sessions.n, 0) AS held_sessions, coalesce(present.n, 0) AS held_attendances,
                       coalesce(watched.n, 0) AS held_recordings
                FROM trainings t
                LEFT JOIN sessions ON sessions.training_id = t.id
                LEFT JOIN present ON present.training_id = t.id
                LEFT JOIN watched ON watched.training_id = t.id
                WHERE sessions.n IS NOT NULL OR watched.n IS NOT NULL
                ORDER BY t.title_fi, t.id
                """, arguments: ["organisation": organisationID, "from": from, "until": until, "fromDay": fromDay,
                                 "toDay": toDay])
            return try rows.map { row in
                HeldTraining(training: try Stored<Training>(row: row), sessions: row["held_sessions"],
                             attendances: row["held_attendances"], recordings: row["held_recordings"])
            }
        }
    }

    /// Per own unit (nil: without a unit): active staff, attendances at sessions held in
    /// `from..<until`, and completions in force dated in `fromDay...toDay`.
    public func unitActivity(organisationID: Int64, from: Date, until: Date, fromDay: String,
                             toDay: String) throws(StorageError) -> [Int64?: UnitTrainingActivity] {
        try database.reading { db in
            var activity: [Int64?: UnitTrainingActivity] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT unit_id, count(*) AS n FROM employees WHERE organisation_id = ? AND active = 1 GROUP BY unit_id
                """, arguments: [organisationID]) {
                activity[row["unit_id"] as Int64?, default: UnitTrainingActivity()].staff = row["n"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT e.unit_id, count(*) AS n, count(DISTINCT CASE WHEN e.active = 1 THEN a.employee_id END) AS people
                FROM training_sessions s JOIN training_attendance a ON a.session_id = s.id
                JOIN employees e ON e.id = a.employee_id
                WHERE s.starts_at >= ? AND s.starts_at < ? AND e.organisation_id = ?
                GROUP BY e.unit_id
                """, arguments: [from, until, organisationID]) {
                let unitID: Int64? = row["unit_id"]
                activity[unitID, default: UnitTrainingActivity()].attendances = row["n"]
                activity[unitID, default: UnitTrainingActivity()].attendedPeople = row["people"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT e.unit_id, sum(c.kind = 'attended') AS attended, sum(c.kind = 'recording') AS recordings,
                       sum(c.kind = 'external') AS external,
                       count(DISTINCT CASE WHEN e.active = 1 THEN c.employee_id END) AS people
                FROM training_completions c JOIN employees e ON e.id = c.employee_id
                WHERE e.organisation_id = ? AND c.completed_on BETWEEN ? AND ? AND \(Self.inForce)
                GROUP BY e.unit_id
                """, arguments: [organisationID, fromDay, toDay]) {
                let unitID: Int64? = row["unit_id"]
                activity[unitID, default: UnitTrainingActivity()].attendedCompletions = row["attended"]
                activity[unitID, default: UnitTrainingActivity()].recordings = row["recordings"]
                activity[unitID, default: UnitTrainingActivity()].external = row["external"]
                activity[unitID, default: UnitTrainingActivity()].trainedPeople = row["people"]
            }
            return activity
        }
    }

    /// Per own unit, the staff employed on `employedOn` and, per area code, how many of them have a
    /// completion in force dated after `after` and on or before `through`.
    public func areaCompletions(organisationID: Int64, after: String, through: String,
                                employedOn: String) throws(StorageError) -> AreaCompletionCounts {
        try database.reading { db in
            var counts = AreaCompletionCounts()
            let employed = """
                e.organisation_id = :organisation AND (e.start_date IS NULL OR e.start_date <= :day)
                AND (e.end_date IS NULL OR e.end_date >= :day)
                """
            for row in try Row.fetchAll(db, sql: "SELECT unit_id, count(*) AS n FROM employees e WHERE \(employed) GROUP BY unit_id",
                                        arguments: ["organisation": organisationID, "day": employedOn]) {
                counts.staff[row["unit_id"] as Int64?] = row["n"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT e.unit_id, a.area_code, count(DISTINCT c.employee_id) AS n
                FROM training_completions c JOIN employees e ON e.id = c.employee_id
                JOIN training_areas a ON a.training_id = c.training_id
                WHERE \(employed) AND c.completed_on > :after AND c.completed_on <= :through AND \(Self.inForce)
                GROUP BY e.unit_id, a.area_code
                """, arguments: ["organisation": organisationID, "day": employedOn, "after": after, "through": through]) {
                counts.trained[row["area_code"], default: [:]][row["unit_id"] as Int64?] = row["n"]
            }
            return counts
        }
    }
}
