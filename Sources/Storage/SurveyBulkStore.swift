import Foundation
import GRDB

/// One invitation of a round, with the invited employee's HR number so generated data can find
/// its person.
public struct RoundInvitation: Sendable, Equatable {
    public let employeeID: Int64
    public let hrNumber: String
    /// The unit and job group the employee had when the round opened.
    public let unitID: Int64
    public let jobGroup: String
    /// The day the employee answered, or nil.
    public let answeredOn: String?
}

/// A completed questionnaire of an invited employee, for `SurveyBulkStore.loadResponses`.
///
/// The employee is named only so that their invitation can be marked answered (and, in an
/// identified round, the response given its owner); an anonymous response keeps nothing of them.
public struct BulkResponse: Sendable, Equatable {
    public var employeeID: Int64
    /// The day of answering, `YYYY-MM-DD`, within the round's dates.
    public var day: String
    /// Encoded as in `survey_responses.answers`: see `AnswerString`.
    public var answers: String
    /// Area id → score, only for areas that met the half-answered rule.
    public var areaScores: [Int64: Double]
    /// Open question id → text; blank texts are left out.
    public var openAnswers: [Int64: String]

    public init(employeeID: Int64, day: String, answers: String, areaScores: [Int64: Double],
                openAnswers: [Int64: String] = [:]) {
        self.employeeID = employeeID
        self.day = day
        self.answers = answers
        self.areaScores = areaScores
        self.openAnswers = openAnswers
    }
}

/// What `SurveyBulkStore.loadResponses` stored.
public struct BulkLoadCount: Sendable, Equatable {
    public var responses = 0
    public var openAnswers = 0
    /// Responses given an owner: all of them in an identified round, none in an anonymous one.
    public var owners = 0
}

/// Survey rounds with many responses at once, for demo data and benchmarks: rounds dated in the
/// past, and the responses of a whole round in one write transaction with prepared statements.
///
/// It keeps the rules of `SurveyResponseStore.submit`: each response gets a random positive key
/// (drawn again on a clash), the invitation records only the day of answering, an owner is stored
/// only in an identified round, and the respondent's draft is deleted (a draft left behind would
/// tie a person to answers). It does not ask whether the round takes answers today: it is for
/// loading what was answered while the round was open.
public struct SurveyBulkStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Creates a round and opens it at `openedAt` (which invites its population as it is now);
    /// closes it at `closedAt` when given. Returns the stored round and how many were invited.
    public func createRound(_ round: SurveyRound, scope: [RoundScope] = [], openQuestions: [LocalisedText] = [],
                            openedAt: Date, closedAt: Date? = nil)
        throws(StorageError) -> (round: SurveyRound, invited: Int) {
        if let closedAt, closedAt < openedAt {
            throw .invalid("A round cannot close before it opens.")
        }
        let rounds = SurveyRoundStore(database)
        let created = try rounds.create(round, scope: scope, openQuestions: openQuestions)
        guard let roundID = created.id else { throw .notFound }
        let invited = try rounds.open(roundID: roundID, at: openedAt)
        if let closedAt { try rounds.close(roundID: roundID, at: closedAt) }
        guard let stored = try rounds.round(id: roundID) else { throw .notFound }
        return (stored, invited)
    }

    /// The round's invitations in employee id order.
    public func invitations(roundID: Int64) throws(StorageError) -> [RoundInvitation] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT i.employee_id, e.hr_number, i.unit_id, i.job_group, i.answered_on
                FROM survey_invitations i JOIN employees e ON e.id = i.employee_id
                WHERE i.round_id = ? ORDER BY i.employee_id
                """, arguments: [roundID]).map { row in
                RoundInvitation(employeeID: row["employee_id"], hrNumber: row["hr_number"], unitID: row["unit_id"],
                                jobGroup: row["job_group"], answeredOn: row["answered_on"])
            }
        }
    }

    /// Stores the responses of invited employees who have not answered, in one transaction: either
    /// all are stored or, when one is refused, none.
    @discardableResult
    public func loadResponses(roundID: Int64, _ responses: [BulkResponse]) throws(StorageError) -> BulkLoadCount {
        try database.writing { db in
            guard let round = try SurveyRound.fetchOne(db, key: roundID) else { throw StorageError.notFound }
            guard round.status != .draft else {
                throw StorageError.invalid("A draft round has no invitations; open it before loading responses.")
            }
            var writer = try BulkResponseWriter(db, round: round)
            for response in responses {
                try writer.write(response)
            }
            return writer.count
        }
    }
}

/// The prepared statements and lookups of one `loadResponses` transaction.
private struct BulkResponseWriter {
    let round: SurveyRound
    let roundID: Int64
    /// Employee id → where the response is counted; removed once answered.
    var pending: [Int64: (unitID: Int64, jobGroup: String)] = [:]
    let sectorOfUnit: [Int64: Int64?]
    let keyTaken: Statement
    let markAnswered: Statement
    let insertResponse: Statement
    let insertScore: Statement
    let insertOpenAnswer: Statement
    let insertOwner: Statement
    let deleteDraft: Statement
    var count = BulkLoadCount()

    init(_ db: Database, round: SurveyRound) throws {
        self.round = round
        roundID = round.id ?? 0
        for row in try Row.fetchAll(db, sql: """
            SELECT employee_id, unit_id, job_group FROM survey_invitations WHERE round_id = ? AND answered_on IS NULL
            """, arguments: [roundID]) {
            pending[row["employee_id"]] = (row["unit_id"], row["job_group"])
        }
        var sectors: [Int64: Int64?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, sector_id FROM units WHERE organisation_id = ?",
                                    arguments: [round.organisationID]) {
            sectors[row["id"]] = .some(row["sector_id"])
        }
        sectorOfUnit = sectors
        keyTaken = try db.makeStatement(sql: "SELECT 1 FROM survey_responses WHERE key = ?")
        markAnswered = try db.makeStatement(sql: """
            UPDATE survey_invitations SET answered_on = ? WHERE round_id = ? AND employee_id = ?
            """)
        insertResponse = try db.makeStatement(sql: """
            INSERT INTO survey_responses (key, round_id, unit_id, sector_id, job_group, answers)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertScore = try db.makeStatement(sql: """
            INSERT INTO survey_area_scores (response_key, area_id, score) VALUES (?, ?, ?)
            """)
        insertOpenAnswer = try db.makeStatement(sql: """
            INSERT INTO survey_open_answers (response_key, question_id, text) VALUES (?, ?, ?)
            """)
        insertOwner = try db.makeStatement(sql: """
            INSERT INTO survey_response_owners (response_key, employee_id, submitted_on) VALUES (?, ?, ?)
            """)
        deleteDraft = try db.makeStatement(sql: "DELETE FROM survey_drafts WHERE round_id = ? AND respondent = ?")
    }

    mutating func write(_ response: BulkResponse) throws {
        guard Self.isDay(response.day), round.opensOn <= response.day, response.day <= round.closesOn else {
            throw StorageError.invalid(
                "\(response.day) is not a day from \(round.opensOn) to \(round.closesOn), when the round took answers.")
        }
        guard let placement = pending.removeValue(forKey: response.employeeID) else {
            throw StorageError.invalid(
                "Employee \(response.employeeID) was not invited to round \(roundID) or has answered already.")
        }
        try markAnswered.execute(arguments: [response.day, roundID, response.employeeID])
        let key = try freeKey()
        let sectorID = sectorOfUnit[placement.unitID] ?? nil
        try insertResponse.execute(arguments: [key, roundID, placement.unitID, sectorID, placement.jobGroup,
                                               response.answers])
        for (areaID, score) in response.areaScores {
            try insertScore.execute(arguments: [key, areaID, score])
        }
        for (questionID, text) in response.openAnswers
        where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try insertOpenAnswer.execute(arguments: [key, questionID, text])
            count.openAnswers += 1
        }
        if round.mode == .identified {
            try insertOwner.execute(arguments: [key, response.employeeID, response.day])
            count.owners += 1
        }
        try deleteDraft.execute(arguments: [roundID, Respondent.employee(response.employeeID).draftKey])
        count.responses += 1
    }

    /// A random positive key no response has: the keys' order says nothing of the order of loading.
    private func freeKey() throws -> Int64 {
        var key = Int64.random(in: 1...Int64.max)
        while try Bool.fetchOne(keyTaken, arguments: [key]) != nil {
            key = Int64.random(in: 1...Int64.max)
        }
        return key
    }

    private static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : digits.contains(byte)
        }
    }
}
