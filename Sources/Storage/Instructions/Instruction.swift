import Foundation
import GRDB

/// An instruction of the library (*digiohje*): a short guide in Markdown with links, the topic and
/// system it concerns, its audience (a sector or everyone), language, owner and review date.
public struct Instruction: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "instructions"

    public var organisationID: Int64
    public var title: String
    /// Markdown, rendered only through cmark's safe mode.
    public var body: String
    public var topicID: Int64?
    public var systemName: String
    /// nil: for everyone in the organisation.
    public var sectorID: Int64?
    /// `fi`, `sv` or `en`.
    public var language: String
    /// The instruction this one translates, when it is a translation.
    public var translationOf: Int64?
    /// The team that owns it (IT by default).
    public var ownerTeam: String
    public var pinned: Bool
    public var reviewedOn: String
    public var reviewIntervalMonths: Int
    /// `reviewedOn` plus the interval; kept by the store.
    public var reviewDueOn: String
    public var retired: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var updatedBy: Int64?

    enum CodingKeys: String, CodingKey {
        case title, body, language, pinned, retired
        case organisationID = "organisation_id", topicID = "topic_id", systemName = "system_name", sectorID = "sector_id"
        case translationOf = "translation_of", ownerTeam = "owner_team", reviewedOn = "reviewed_on"
        case reviewIntervalMonths = "review_interval_months", reviewDueOn = "review_due_on"
        case createdAt = "created_at", updatedAt = "updated_at", updatedBy = "updated_by"
    }

    public init(organisationID: Int64, title: String, body: String, topicID: Int64? = nil, systemName: String = "",
                sectorID: Int64? = nil, language: String = "fi", translationOf: Int64? = nil, ownerTeam: String = "IT",
                pinned: Bool = false, reviewedOn: String, reviewIntervalMonths: Int = 12, retired: Bool = false,
                updatedBy: Int64? = nil, now: Date = Date()) {
        self.organisationID = organisationID
        self.title = title
        self.body = body
        self.topicID = topicID
        self.systemName = systemName
        self.sectorID = sectorID
        self.language = language
        self.translationOf = translationOf
        self.ownerTeam = ownerTeam
        self.pinned = pinned
        self.reviewedOn = reviewedOn
        self.reviewIntervalMonths = reviewIntervalMonths
        reviewDueOn = InstructionReview.dueOn(reviewedOn: reviewedOn, months: reviewIntervalMonths) ?? reviewedOn
        self.retired = retired
        createdAt = now
        updatedAt = now
        self.updatedBy = updatedBy
    }

    /// Whether the review is overdue on `day` (`YYYY-MM-DD`): the due day has passed.
    public func needsReview(on day: String) -> Bool {
        reviewDueOn < day
    }
}

/// A link to a video or a file: a title and an http(s) address.
public struct InstructionLink: Sendable, Equatable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// An instruction with its links and the users who own it.
public struct InstructionDetails: Sendable, Equatable {
    public var instruction: Stored<Instruction>
    public var links: [InstructionLink]
    public var ownerUserIDs: [Int64]
}

/// What an instruction is made of when written or changed.
public struct InstructionDraft: Sendable, Equatable {
    public var instruction: Instruction
    public var links: [InstructionLink]
    public var ownerUserIDs: [Int64]

    public init(instruction: Instruction, links: [InstructionLink] = [], ownerUserIDs: [Int64] = []) {
        self.instruction = instruction
        self.links = links
        self.ownerUserIDs = ownerUserIDs
    }
}

/// The review rule: due the interval's months after the last review, on the same day of the month
/// or the last day of a shorter month (31 January + 1 month is 28 or 29 February).
public enum InstructionReview {
    public static func dueOn(reviewedOn: String, months: Int) -> String? {
        let parts = reviewedOn.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, reviewedOn.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]),
              months >= 0, months <= 1200 else { return nil }
        let total = parts[0] * 12 + (parts[1] - 1) + months
        let year = total / 12, month = total % 12 + 1
        let day = min(parts[2], daysIn(month: month, year: year))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
