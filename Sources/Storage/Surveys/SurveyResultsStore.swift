import Foundation
import GRDB

/// The raw material of a round's results, read in bulk for aggregation (the Metrics module does the
/// arithmetic). Responses are opened from their sealed boxes here; rows come in the table's key
/// order, which is random, so they carry no order of submission either.
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
        let secrets = database.secrets
        return try database.reading { db in
            var responses: [ResponseRow] = []
            var openAnswers: [OpenAnswerRow] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT key, sealed FROM survey_responses WHERE round_id = ?",
                                           arguments: [roundID])
            while let row = try rows.next() {
                let content = try Self.open(row[1], roundID: roundID, key: row[0], secrets: secrets)
                responses.append(ResponseRow(unitID: content.unitID, jobGroup: content.jobGroup,
                                             answers: content.answers, areaScores: content.areaScores))
                for (question, text) in content.openAnswers {
                    openAnswers.append(OpenAnswerRow(unitID: content.unitID, jobGroup: content.jobGroup,
                                                     questionID: question, text: text))
                }
            }
            openAnswers.sort { ($0.questionID, $0.text) < ($1.questionID, $1.text) }
            return RoundData(responses: responses, population: try Self.population(db, roundID: roundID),
                             openAnswers: openAnswers)
        }
    }

    /// A sealed response's content; an error when the box does not open (a damaged row).
    static func open(_ sealed: Data, roundID: Int64, key: Int64, secrets: SurveySecrets) throws -> ResponseContent {
        guard let plain = try? secrets.openResponse(sealed, roundID: roundID, key: key),
              let content = ResponseContent(encoded: plain) else {
            throw StorageError.sqlite("the sealed survey response \(key) of round \(roundID) cannot be opened")
        }
        return content
    }

    private static func population(_ db: Database, roundID: Int64) throws -> [PopulationRow] {
        try Row.fetchAll(db, sql: """
            SELECT unit_id, job_group, count(*) FROM survey_invitations WHERE round_id = ?
            GROUP BY unit_id, job_group
            """, arguments: [roundID]).map { PopulationRow(unitID: $0[0], jobGroup: $0[1], invited: $0[2]) }
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

    /// Something that changes when the person submits another identified self-assessment (how many
    /// they have and the newest date), read without opening any of them.
    public func ownResponseStamp(employeeID: Int64) throws(StorageError) -> String {
        try database.reading { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT count(*), max(submitted_on) FROM survey_response_owners WHERE employee_id = ?
                """), arguments: [employeeID])
            return row.map { "\($0[0] as Int64? ?? 0)|\($0[1] as String? ?? "")" } ?? ""
        }
    }

    /// An employee's identified responses, newest first.
    public func ownResponses(employeeID: Int64) throws(StorageError) -> [OwnResponse] {
        let secrets = database.secrets
        return try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.key, r.round_id, o.submitted_on, r.sealed FROM survey_response_owners o
                JOIN survey_responses r ON r.key = o.response_key
                WHERE o.employee_id = ? ORDER BY o.submitted_on DESC, r.round_id DESC
                """, arguments: [employeeID])
            return try rows.map { row in
                let content = try Self.open(row[3], roundID: row[1], key: row[0], secrets: secrets)
                return OwnResponse(roundID: row[1], submittedOn: row[2], answers: content.answers,
                                   areaScores: content.areaScores)
            }
        }
    }
}
