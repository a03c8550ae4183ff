import Foundation
import GRDB

/// The raw material of a round's results, read in bulk for aggregation (the Metrics module does the
/// arithmetic). Rows come in the table's key order, which is random, so they carry no order of
/// submission either.
public struct SurveyResultsStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// One stored response, without any identity.
    public struct ResponseRow: Sendable, Equatable {
        public var unitID: Int64
        public var jobGroup: String
        public var answers: String
        /// Area id → score, for the areas that met the half-answered rule.
        public var areaScores: [Int64: Double]
    }

    /// How many were invited from one unit and job group when the round opened.
    public struct PopulationRow: Sendable, Equatable {
        public var unitID: Int64
        public var jobGroup: String
        public var invited: Int
    }

    /// One open answer, with only the group it can be shown for.
    public struct OpenAnswerRow: Sendable, Equatable {
        public var unitID: Int64
        public var jobGroup: String
        public var questionID: Int64
        public var text: String
    }

    /// Everything a dashboard needs from one round, read in one transaction so the parts agree.
    public struct RoundData: Sendable {
        public var responses: [ResponseRow]
        public var population: [PopulationRow]
        public var openAnswers: [OpenAnswerRow]
    }

    public func roundData(roundID: Int64) throws(StorageError) -> RoundData {
        try database.reading { db in
            RoundData(responses: try Self.responses(db, roundID: roundID),
                      population: try Self.population(db, roundID: roundID),
                      openAnswers: try Self.openAnswers(db, roundID: roundID))
        }
    }

    private static func responses(_ db: Database, roundID: Int64) throws -> [ResponseRow] {
        var scores: [Int64: [Int64: Double]] = [:]
        let scoreRows = try Row.fetchCursor(db, sql: """
            SELECT s.response_key, s.area_id, s.score FROM survey_area_scores s
            JOIN survey_responses r ON r.key = s.response_key WHERE r.round_id = ?
            """, arguments: [roundID])
        while let row = try scoreRows.next() {
            scores[row[0], default: [:]][row[1]] = row[2]
        }
        var responses: [ResponseRow] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT key, unit_id, job_group, answers FROM survey_responses WHERE round_id = ?
            """, arguments: [roundID])
        while let row = try rows.next() {
            let key: Int64 = row[0]
            responses.append(ResponseRow(unitID: row[1], jobGroup: row[2], answers: row[3],
                                         areaScores: scores[key] ?? [:]))
        }
        return responses
    }

    private static func population(_ db: Database, roundID: Int64) throws -> [PopulationRow] {
        try Row.fetchAll(db, sql: """
            SELECT unit_id, job_group, count(*) FROM survey_invitations WHERE round_id = ?
            GROUP BY unit_id, job_group
            """, arguments: [roundID]).map { PopulationRow(unitID: $0[0], jobGroup: $0[1], invited: $0[2]) }
    }

    private static func openAnswers(_ db: Database, roundID: Int64) throws -> [OpenAnswerRow] {
        try Row.fetchAll(db, sql: """
            SELECT r.unit_id, r.job_group, o.question_id, o.text FROM survey_open_answers o
            JOIN survey_responses r ON r.key = o.response_key WHERE r.round_id = ?
            ORDER BY o.question_id, o.text
            """, arguments: [roundID]).map {
            OpenAnswerRow(unitID: $0[0], jobGroup: $0[1], questionID: $0[2], text: $0[3])
        }
    }

    /// A number that changes whenever a round's results may have changed, for caching aggregates.
    public func version(roundID: Int64) throws(StorageError) -> Int {
        try database.reading { db in
            try Int.fetchOne(db, sql: "SELECT results_version FROM survey_rounds WHERE id = ?", arguments: [roundID]) ?? 0
        }
    }

    /// An identified response of an employee: their own self-assessment.
    public struct OwnResponse: Sendable, Equatable {
        public var roundID: Int64
        public var submittedOn: String
        public var answers: String
        public var areaScores: [Int64: Double]
    }

    /// An employee's identified responses, newest first.
    public func ownResponses(employeeID: Int64) throws(StorageError) -> [OwnResponse] {
        try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.key, r.round_id, o.submitted_on, r.answers FROM survey_response_owners o
                JOIN survey_responses r ON r.key = o.response_key
                WHERE o.employee_id = ? ORDER BY o.submitted_on DESC
                """, arguments: [employeeID])
            return try rows.map { row in
                let key: Int64 = row[0]
                return OwnResponse(roundID: row[1], submittedOn: row[2], answers: row[3],
                                   areaScores: try Self.areaScores(db, key: key))
            }
        }
    }

    /// One response by key: only for showing a submitter their own answers right after submitting.
    public func response(key: Int64) throws(StorageError) -> (roundID: Int64, answers: String,
                                                              areaScores: [Int64: Double])? {
        try database.reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT round_id, answers FROM survey_responses WHERE key = ?",
                                             arguments: [key]) else { return nil }
            return (row[0], row[1], try Self.areaScores(db, key: key))
        }
    }

    private static func areaScores(_ db: Database, key: Int64) throws -> [Int64: Double] {
        var scores: [Int64: Double] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT area_id, score FROM survey_area_scores WHERE response_key = ?",
                                    arguments: [key]) {
            scores[row[0]] = row[1]
        }
        return scores
    }
}
