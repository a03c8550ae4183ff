import Foundation
import GRDB

/// Anonymous (staff survey) or identified (self-assessment for development discussions).
public enum SurveyMode: String, Codable, Sendable, CaseIterable {
    case anonymous
    case identified
}

/// Where a round is in its life: draft → open → closed.
public enum RoundStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case open
    case closed
}

/// A survey round (kysely): one measurement of an organisation on one framework version.
public struct SurveyRound: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "survey_rounds"

    public var organisationID: Int64
    public var frameworkID: Int64
    public var title: String
    public var mode: SurveyMode
    public var status: RoundStatus
    /// Calendar dates `YYYY-MM-DD`; the round takes answers from opensOn to closesOn inclusive.
    public var opensOn: String
    public var closesOn: String
    public var minimumGroupSize: Int
    public var openAnswerThreshold: Int
    public var createdAt: Date
    public var openedAt: Date?
    public var closedAt: Date?
    /// Changes whenever the round's results may have changed (kept by triggers).
    public var resultsVersion: Int

    enum CodingKeys: String, CodingKey {
        case title, mode, status
        case organisationID = "organisation_id"
        case frameworkID = "framework_id"
        case opensOn = "opens_on"
        case closesOn = "closes_on"
        case minimumGroupSize = "minimum_group_size"
        case openAnswerThreshold = "open_answer_threshold"
        case createdAt = "created_at"
        case openedAt = "opened_at"
        case closedAt = "closed_at"
        case resultsVersion = "results_version"
    }

    public init(organisationID: Int64, frameworkID: Int64, title: String, mode: SurveyMode,
                status: RoundStatus = .draft, opensOn: String, closesOn: String, minimumGroupSize: Int = 5,
                openAnswerThreshold: Int = 10, createdAt: Date = Date(), openedAt: Date? = nil,
                closedAt: Date? = nil, resultsVersion: Int = 0) {
        self.organisationID = organisationID
        self.frameworkID = frameworkID
        self.title = title
        self.mode = mode
        self.status = status
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.minimumGroupSize = minimumGroupSize
        self.openAnswerThreshold = openAnswerThreshold
        self.createdAt = createdAt
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.resultsVersion = resultsVersion
    }

    /// Whether the round takes answers on `day` (`YYYY-MM-DD`).
    public func acceptsAnswers(on day: String) -> Bool {
        status == .open && opensOn <= day && day <= closesOn
    }
}

/// One part of a round's population: a whole sector, or a unit with its sub-units.
public struct RoundScope: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "survey_round_scope"

    public var roundID: Int64
    public var sectorID: Int64?
    public var unitID: Int64?

    enum CodingKeys: String, CodingKey {
        case roundID = "round_id"
        case sectorID = "sector_id"
        case unitID = "unit_id"
    }

    public init(roundID: Int64, sectorID: Int64? = nil, unitID: Int64? = nil) {
        self.roundID = roundID
        self.sectorID = sectorID
        self.unitID = unitID
    }
}

/// An optional open question of a round.
public struct OpenQuestion: Codable, Sendable, Equatable, FetchableRecord,
    PersistableRecord {
    public static let databaseTableName = "survey_open_questions"

    public var roundID: Int64
    public var position: Int
    public var textFi: String
    public var textSv: String
    public var textEn: String

    enum CodingKeys: String, CodingKey {
        case position
        case roundID = "round_id"
        case textFi = "text_fi", textSv = "text_sv", textEn = "text_en"
    }

    public init(roundID: Int64, position: Int, text: LocalisedText) {
        self.roundID = roundID
        self.position = position
        (textFi, textSv, textEn) = (text.fi, text.sv, text.en)
    }

    public var text: LocalisedText { LocalisedText(fi: textFi, sv: textSv, en: textEn) }
}

/// Who answers: a signed-in employee, or the holder of a one-time code (known by the code's SHA-256;
/// the database keeps only a keyed hash of that).
public enum Respondent: Sendable, Equatable, Hashable {
    case employee(Int64)
    case code(hash: Data)
}

/// Answers saved to continue later.
public struct SurveyDraft: Sendable, Equatable {
    /// Encoded as described in `AnswerString`.
    public var answers: String
    /// Open question id → text.
    public var openAnswers: [Int64: String]

    public init(answers: String = "", openAnswers: [Int64: String] = [:]) {
        self.answers = answers
        self.openAnswers = openAnswers
    }
}

/// A completed questionnaire, ready to store. The caller computes the area scores (with Metrics).
public struct ResponseSubmission: Sendable, Equatable {
    public var roundID: Int64
    public var respondent: Respondent
    public var answers: String
    /// Area id → score, only for areas that met the half-answered rule.
    public var areaScores: [Int64: Double]
    public var openAnswers: [Int64: String]
    /// The day of submission `YYYY-MM-DD`: checked against the round's dates, and stored only with an
    /// identified response (its owner's submission day); an anonymous response keeps no time.
    public var day: String

    public init(roundID: Int64, respondent: Respondent, answers: String, areaScores: [Int64: Double],
                openAnswers: [Int64: String], day: String) {
        self.roundID = roundID
        self.respondent = respondent
        self.answers = answers
        self.areaScores = areaScores
        self.openAnswers = openAnswers
        self.day = day
    }
}

/// What happened to a submission.
public enum SubmissionOutcome: Sendable, Equatable {
    /// Stored; the key is returned only so the submitter's own page can show it at once, and must
    /// never be stored with the person in an anonymous round.
    case recorded(responseKey: Int64)
    /// This respondent had already answered: nothing was stored (double click, resent form).
    case alreadyAnswered
    /// The round does not take answers from this respondent (closed, not invited, code used up).
    case notAccepted
}

/// Where a unit stood when a round opened: its parent and sector then. Results are added up over
/// this tree, so a unit moved later changes no published figure of a closed round.
public struct UnitPlacement: Sendable, Equatable {
    public var unitID: Int64
    public var parentID: Int64?
    public var sectorID: Int64?

    public init(unitID: Int64, parentID: Int64?, sectorID: Int64?) {
        self.unitID = unitID
        self.parentID = parentID
        self.sectorID = sectorID
    }
}

extension Stored where Record == SurveyRound {
    /// Whether the round takes answers on `day` (`YYYY-MM-DD`).
    public func acceptsAnswers(on day: String) -> Bool { record.acceptsAnswers(on: day) }
}
