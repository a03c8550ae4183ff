import Foundation
import GRDB

/// A training of a bulk load, with what hangs on it; `seriesIndex` points into the load's series.
public struct BulkTraining: Sendable, Equatable {
    public var draft: TrainingDraft
    public var seriesIndex: Int?

    public init(_ draft: TrainingDraft, seriesIndex: Int?) {
        self.draft = draft
        self.seriesIndex = seriesIndex
    }
}

/// A session of a bulk load; `trainingIndex` points into the load's trainings. The session's own
/// `trainingID` is ignored. A cancelled session keeps its status, reason and time as given.
public struct BulkSession: Sendable, Equatable {
    public var session: TrainingSession
    public var trainingIndex: Int
    /// Target units; empty means the whole organisation.
    public var unitIDs: [Int64]

    public init(_ session: TrainingSession, trainingIndex: Int, unitIDs: [Int64]) {
        self.session = session
        self.trainingIndex = trainingIndex
        self.unitIDs = unitIDs
    }
}

/// A place (or a place in the queue) on a session of a bulk load.
public struct BulkEnrolment: Sendable, Equatable {
    public var sessionIndex: Int
    public var employeeID: Int64
    public var kind: EnrolmentKind
    public var state: EnrolmentState
    public var enrolledAt: Date
    public var assignedBy: Int64?

    public init(sessionIndex: Int, employeeID: Int64, kind: EnrolmentKind, state: EnrolmentState, enrolledAt: Date,
                assignedBy: Int64? = nil) {
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
        self.kind = kind
        self.state = state
        self.enrolledAt = enrolledAt
        self.assignedBy = assignedBy
    }
}

/// Someone present at a session of a bulk load: stored as attendance and an "attended" completion
/// together, as `CompletionStore.markAttendance` stores them.
public struct BulkAttendance: Sendable, Equatable {
    public var sessionIndex: Int
    public var employeeID: Int64
    public var source: AttendanceSource
    public var recordedAt: Date
    public var recordedBy: Int64?
    /// The Helsinki calendar date of the session.
    public var completedOn: String

    public init(sessionIndex: Int, employeeID: Int64, source: AttendanceSource, recordedAt: Date, recordedBy: Int64?,
                completedOn: String) {
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.completedOn = completedOn
    }
}

/// A completion that is not an attendance (a watched recording, external evidence) of a bulk load.
public struct BulkCompletion: Sendable, Equatable {
    public var trainingIndex: Int
    public var sessionIndex: Int?
    public var employeeID: Int64
    public var kind: CompletionKind
    public var completedOn: String
    public var note: String
    public var recordedAt: Date
    public var recordedBy: Int64?

    public init(trainingIndex: Int, sessionIndex: Int?, employeeID: Int64, kind: CompletionKind, completedOn: String,
                note: String = "", recordedAt: Date, recordedBy: Int64?) {
        self.trainingIndex = trainingIndex
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
        self.kind = kind
        self.completedOn = completedOn
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// A year of trainings to store at once: series, trainings, sessions, enrolments, follows,
/// attendance and completions, cross-referenced by position in these arrays.
public struct TrainingBulkLoad: Sendable, Equatable {
    /// Users HR names as trainers: (organisation, user).
    public var trainers: [TrainerAssignment] = []
    public var series: [TrainingSeries] = []
    public var trainings: [BulkTraining] = []
    public var sessions: [BulkSession] = []
    public var enrolments: [BulkEnrolment] = []
    /// Open sessions people follow: (session index, employee).
    public var follows: [BulkFollow] = []
    public var attendance: [BulkAttendance] = []
    public var completions: [BulkCompletion] = []

    public init() {}
}

/// A trainer named for an organisation.
public struct TrainerAssignment: Sendable, Equatable {
    public var organisationID: Int64
    public var userID: Int64

    public init(organisationID: Int64, userID: Int64) {
        self.organisationID = organisationID
        self.userID = userID
    }
}

/// An open session someone follows, in a bulk load.
public struct BulkFollow: Sendable, Equatable {
    public var sessionIndex: Int
    public var employeeID: Int64

    public init(sessionIndex: Int, employeeID: Int64) {
        self.sessionIndex = sessionIndex
        self.employeeID = employeeID
    }
}

/// What a bulk load stored.
public struct TrainingBulkCount: Sendable, Equatable {
    public var series = 0
    public var trainings = 0
    public var sessions = 0
    public var enrolments = 0
    public var follows = 0
    public var attendance = 0
    /// Every completion entry: the attended ones and the others.
    public var completions = 0
    /// The stored id of each session, in the load's order.
    public var sessionIDs: [Int64] = []
    /// The stored id of each training, in the load's order.
    public var trainingIDs: [Int64] = []

    public init() {}
}

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
