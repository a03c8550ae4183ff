import Foundation
import GRDB

/// What a post on the board (Digivinkit) is.
public enum BoardKind: String, Codable, Sendable, CaseIterable {
    /// A short how-to anyone shares.
    case tip
    /// A question anyone may answer; answers can be marked as solving it.
    case question
    /// A development deed (*kehittämisteko*): what we did, how, with what, how long it took.
    case practice
}

/// A post: a tip, a question or a practice.
public struct BoardPost: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "board_posts"

    public var organisationID: Int64
    public var kind: BoardKind
    public var title: String
    /// Markdown, rendered only through cmark's safe mode.
    public var body: String
    /// A practice's fields.
    public var how: String
    public var tools: String
    public var timeTaken: String
    public var contact: String
    public var unitID: Int64?
    public var sectorID: Int64?
    /// A competence area code of the framework.
    public var areaCode: String?
    /// A tool such as Teams.
    public var tool: String
    public var language: String
    /// Who posted; kept for anonymous questions, shown only to moderators.
    public var authorUserID: Int64?
    public var anonymous: Bool
    public var shared: Bool
    public var photoID: Int64?
    public var fromQuestionID: Int64?
    public var locked: Bool
    public var hidden: Bool
    public var hiddenReason: String
    public var hiddenBy: Int64?
    public var hiddenAt: Date?
    /// Kept by the database's triggers.
    public var solved: Bool
    public var answerCount: Int
    public var usefulCount: Int
    public var adoptionCount: Int
    public var lastActivityAt: Date
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case kind, title, body, how, tools, contact, tool, language, anonymous, shared, locked, hidden, solved
        case organisationID = "organisation_id", timeTaken = "time_taken", unitID = "unit_id", sectorID = "sector_id"
        case areaCode = "area_code", authorUserID = "author_user_id", photoID = "photo_id"
        case fromQuestionID = "from_question_id", hiddenReason = "hidden_reason", hiddenBy = "hidden_by"
        case hiddenAt = "hidden_at", answerCount = "answer_count", usefulCount = "useful_count"
        case adoptionCount = "adoption_count", lastActivityAt = "last_activity_at", createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(organisationID: Int64, kind: BoardKind, title: String, body: String, how: String = "", tools: String = "",
                timeTaken: String = "", contact: String = "", unitID: Int64? = nil, sectorID: Int64? = nil,
                areaCode: String? = nil, tool: String = "", language: String = "fi", authorUserID: Int64?,
                anonymous: Bool = false, shared: Bool = false, photoID: Int64? = nil, fromQuestionID: Int64? = nil,
                now: Date = Date()) {
        self.organisationID = organisationID
        self.kind = kind
        self.title = title
        self.body = body
        self.how = how
        self.tools = tools
        self.timeTaken = timeTaken
        self.contact = contact
        self.unitID = unitID
        self.sectorID = sectorID
        self.areaCode = areaCode
        self.tool = tool
        self.language = language
        self.authorUserID = authorUserID
        self.anonymous = anonymous && kind == .question
        self.shared = shared
        self.photoID = photoID
        self.fromQuestionID = fromQuestionID
        locked = false
        hidden = false
        hiddenReason = ""
        solved = false
        answerCount = 0
        usefulCount = 0
        adoptionCount = 0
        lastActivityAt = now
        createdAt = now
        updatedAt = now
    }
}

/// An answer or comment on a post.
public struct BoardAnswer: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "board_answers"

    public var postID: Int64
    public var body: String
    public var authorUserID: Int64?
    public var solves: Bool
    public var solvedBy: Int64?
    public var hidden: Bool
    public var hiddenReason: String
    public var hiddenBy: Int64?
    public var hiddenAt: Date?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case body, solves, hidden
        case postID = "post_id", authorUserID = "author_user_id", solvedBy = "solved_by", hiddenReason = "hidden_reason"
        case hiddenBy = "hidden_by", hiddenAt = "hidden_at", createdAt = "created_at"
    }

    public init(postID: Int64, body: String, authorUserID: Int64?, now: Date = Date()) {
        self.postID = postID
        self.body = body
        self.authorUserID = authorUserID
        solves = false
        hidden = false
        hiddenReason = ""
        createdAt = now
    }
}

/// Who wrote something, as the pages may need it: the name comes from the staff record (or the
/// sign-in's login when there is none); whether to show it is the page's decision.
public struct BoardAuthor: Sendable, Equatable {
    public let userID: Int64?
    public let name: String
    /// The writer's unit, for "Anna, Päiväkoti Sammakko".
    public let unitName: String?
    /// The writer's employee record, to tell digitutors.
    public let employeeID: Int64?
}

/// A post as lists and its page show it.
public struct BoardListing: Sendable, Equatable {
    public let post: Stored<BoardPost>
    public let author: BoardAuthor
    public let organisationName: String
    public let sectorName: String?
    /// A search's snippet with the matched words between `InstructionSearchText`'s markers.
    public let snippet: String
}

/// An answer with its writer.
public struct BoardAnswerListing: Sendable, Equatable {
    public let answer: Stored<BoardAnswer>
    public let author: BoardAuthor
}

/// A unit that adopted a practice, with how it went.
public struct BoardAdoption: Sendable, Equatable {
    public let unitID: Int64
    public let unitName: String
    public let organisationName: String
    public let howItWent: String
    public let createdAt: Date
}

/// A report waiting for a moderator.
public struct BoardReport: Sendable, Equatable {
    public let id: Int64
    public let postID: Int64
    public let answerID: Int64?
    public let postTitle: String
    public let reason: String
    public let reporterName: String
    public let createdAt: Date
}

/// How the board's lists are ordered.
public enum BoardSort: String, Sendable, CaseIterable {
    case newest, useful, adopted
}

/// The filters of the board's front page and search.
public struct BoardFilter: Sendable, Equatable {
    public var kind: BoardKind?
    public var sectorID: Int64?
    public var areaCode: String?
    public var tool: String?
    /// true: solved questions only; false: unsolved questions only.
    public var solved: Bool?
    public var sort: BoardSort
    /// Moderators see hidden posts too (marked as such).
    public var includeHidden: Bool

    public init(kind: BoardKind? = nil, sectorID: Int64? = nil, areaCode: String? = nil, tool: String? = nil,
                solved: Bool? = nil, sort: BoardSort = .newest, includeHidden: Bool = false) {
        self.kind = kind
        self.sectorID = sectorID
        self.areaCode = areaCode
        self.tool = tool
        self.solved = solved
        self.sort = sort
        self.includeHidden = includeHidden
    }
}
