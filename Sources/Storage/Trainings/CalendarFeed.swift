import Foundation
import GRDB

/// What a calendar subscription feed holds.
public enum CalendarFeedScope: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The person's own sessions: enrolled or assigned, and open ones they follow.
    case personal
    /// The organisation's sessions the person is of the audience of.
    case catalogue
}

/// One calendar feed address of a person. The address carries a random token; only its SHA-256 is
/// kept, so the address cannot be shown again, only replaced.
public struct CalendarFeed: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "calendar_feeds"

    public var tokenHash: Data
    public var employeeID: Int64
    public var scope: CalendarFeedScope
    public var createdAt: Date
    public var revokedAt: Date?

    enum CodingKeys: String, CodingKey {
        case scope
        case tokenHash = "token_hash"
        case employeeID = "employee_id"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    public init(tokenHash: Data, employeeID: Int64, scope: CalendarFeedScope, createdAt: Date, revokedAt: Date? = nil) {
        self.tokenHash = tokenHash
        self.employeeID = employeeID
        self.scope = scope
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
