import Foundation
import GRDB

/// Trainings in bulk, for demo data and benchmarks: a whole year in one write transaction with
/// prepared statements, keeping the rules the other stores keep (attendance always with its
/// "attended" completion; nothing in the completion history changed afterwards).
public struct TrainingBulkStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Every employee of the organisation, inactive ones included, in id order.
    public func roster(organisationID: Int64) throws(StorageError) -> [Stored<Employee>] {
        try database.reading { db in
            try Stored<Employee>.fetchAll(db, sql: "SELECT * FROM employees WHERE organisation_id = ? ORDER BY id",
                                          arguments: [organisationID])
        }
    }

    /// Stores the load in one transaction: all of it, or nothing when a row is refused.
    @discardableResult
    public func load(_ load: TrainingBulkLoad) throws(StorageError) -> TrainingBulkCount {
        try database.writing { db in
            var count = TrainingBulkCount()
            for trainer in load.trainers {
                try db.execute(sql: "INSERT OR IGNORE INTO trainers (organisation_id, user_id) VALUES (?, ?)",
                               arguments: [trainer.organisationID, trainer.userID])
            }
            var seriesIDs: [Int64] = []
            for series in load.series {
                seriesIDs.append(try series.insertStored(db).id)
                count.series += 1
            }
            try Self.insertTrainings(db, load, seriesIDs: seriesIDs, into: &count)
            try Self.insertSessions(db, load, into: &count)
            try Self.insertPeople(db, load, into: &count)
            return count
        }
    }

    private static func insertTrainings(_ db: Database, _ load: TrainingBulkLoad, seriesIDs: [Int64],
                                        into count: inout TrainingBulkCount) throws {
        let area = try db.makeStatement(sql: "INSERT INTO training_areas (training_id, area_code) VALUES (?, ?)")
        let sector = try db.makeStatement(sql: "INSERT INTO training_audience (training_id, sector_id) VALUES (?, ?)")
        let group = try db.makeStatement(sql: "INSERT INTO training_audience (training_id, job_group) VALUES (?, ?)")
        let material = try db.makeStatement(sql: """
            INSERT INTO training_materials (training_id, position, title, url) VALUES (?, ?, ?, ?)
            """)
        let offer = try db.makeStatement(sql: "INSERT INTO training_offers (training_id, organisation_id) VALUES (?, ?)")
        for item in load.trainings {
            var training = item.draft.training
            training.seriesID = try item.seriesIndex.map { index in
                guard seriesIDs.indices.contains(index) else { throw StorageError.invalid("no series \(index)") }
                return seriesIDs[index]
            }
            let id = try training.insertStored(db).id
            count.trainingIDs.append(id)
            count.trainings += 1
            for code in Set(item.draft.areaCodes).sorted() { try area.execute(arguments: [id, code]) }
            for sectorID in item.draft.audience.sectorIDs.sorted() { try sector.execute(arguments: [id, sectorID]) }
            for name in item.draft.audience.jobGroups.sorted() { try group.execute(arguments: [id, name]) }
            for (position, link) in item.draft.materials.enumerated() {
                try material.execute(arguments: [id, position, link.title, link.url])
            }
            for organisationID in item.draft.offeredTo.sorted() where organisationID != training.organisationID {
                try offer.execute(arguments: [id, organisationID])
            }
        }
    }

    private static func insertSessions(_ db: Database, _ load: TrainingBulkLoad, into count: inout TrainingBulkCount) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO training_sessions (training_id, uid, starts_at, ends_at, place, meeting_url, trainer_name, capacity,
                enrolment, status, cancel_reason, cancelled_at, recording_url, recording_until, check_in_key, sequence,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let unit = try db.makeStatement(sql: "INSERT INTO training_session_units (session_id, unit_id) VALUES (?, ?)")
        for item in load.sessions {
            guard count.trainingIDs.indices.contains(item.trainingIndex) else {
                throw StorageError.invalid("no training \(item.trainingIndex)")
            }
            let session = item.session
            try insert.execute(arguments: [
                count.trainingIDs[item.trainingIndex], session.uid, session.startsAt, session.endsAt, session.place,
                session.meetingURL, session.trainerName, session.capacity, session.enrolment.rawValue,
                session.status.rawValue, session.cancelReason, session.cancelledAt, session.recordingURL,
                session.recordingUntil, session.checkInKey, session.sequence, session.createdAt, session.updatedAt,
            ])
            let id = db.lastInsertedRowID
            count.sessionIDs.append(id)
            count.sessions += 1
            for unitID in Set(item.unitIDs).sorted() { try unit.execute(arguments: [id, unitID]) }
        }
    }

    private static func insertPeople(_ db: Database, _ load: TrainingBulkLoad, into count: inout TrainingBulkCount) throws {
        let sessions = count.sessionIDs, trainings = count.trainingIDs
        func session(_ index: Int) throws -> Int64 {
            guard sessions.indices.contains(index) else { throw StorageError.invalid("no session \(index)") }
            return sessions[index]
        }
        func training(_ index: Int) throws -> Int64 {
            guard trainings.indices.contains(index) else { throw StorageError.invalid("no training \(index)") }
            return trainings[index]
        }
        let enrol = try db.makeStatement(sql: """
            INSERT INTO training_enrolments (session_id, employee_id, kind, state, enrolled_at, changed_at, assigned_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for item in load.enrolments {
            try enrol.execute(arguments: [try session(item.sessionIndex), item.employeeID, item.kind.rawValue,
                                          item.state.rawValue, item.enrolledAt, item.enrolledAt, item.assignedBy])
            count.enrolments += 1
        }
        let follow = try db.makeStatement(sql: "INSERT OR IGNORE INTO training_follows (employee_id, session_id) VALUES (?, ?)")
        for item in load.follows {
            try follow.execute(arguments: [item.employeeID, try session(item.sessionIndex)])
            count.follows += 1
        }
        let trainingOfSession = load.sessions.map(\.trainingIndex)
        let attend = try db.makeStatement(sql: """
            INSERT INTO training_attendance (session_id, employee_id, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
            """)
        let complete = try db.makeStatement(sql: """
            INSERT INTO training_completions (employee_id, training_id, session_id, kind, completed_on, note, withdrawn,
                corrects_id, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)
            """)
        for item in load.attendance {
            let sessionID = try session(item.sessionIndex)
            try attend.execute(arguments: [sessionID, item.employeeID, item.source.rawValue, item.recordedAt, item.recordedBy])
            try complete.execute(arguments: [item.employeeID, try training(trainingOfSession[item.sessionIndex]), sessionID,
                                             CompletionKind.attended.rawValue, item.completedOn, "", item.recordedAt,
                                             item.recordedBy])
            count.attendance += 1
            count.completions += 1
        }
        for item in load.completions {
            try complete.execute(arguments: [item.employeeID, try training(item.trainingIndex),
                                             try item.sessionIndex.map(session), item.kind.rawValue, item.completedOn,
                                             item.note, item.recordedAt, item.recordedBy])
            count.completions += 1
        }
    }
}
