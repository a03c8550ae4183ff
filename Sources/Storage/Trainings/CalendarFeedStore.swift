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

/// Calendar subscription feeds: at most one live address per person and scope, renewed (the old one
/// stops working in the same transaction) or revoked on the person's page.
public struct CalendarFeedStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Replaces the person's live feed of this scope (if any) with a new one of this token hash.
    @discardableResult
    public func renew(employeeID: Int64, scope: CalendarFeedScope, tokenHash: Data,
                      now: Date = Date()) throws(StorageError) -> Stored<CalendarFeed> {
        try database.writing { db in
            _ = try Self.revoke(db, employeeID: employeeID, scope: scope, now: now)
            return try CalendarFeed(tokenHash: tokenHash, employeeID: employeeID, scope: scope, createdAt: now)
                .insertStored(db)
        }
    }

    /// Stops the person's live feed of this scope; false when there was none.
    @discardableResult
    public func revoke(employeeID: Int64, scope: CalendarFeedScope, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in try Self.revoke(db, employeeID: employeeID, scope: scope, now: now) }
    }

    private static func revoke(_ db: Database, employeeID: Int64, scope: CalendarFeedScope, now: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE calendar_feeds SET revoked_at = ? WHERE employee_id = ? AND scope = ? AND revoked_at IS NULL
            """, arguments: [now, employeeID, scope])
        return db.changesCount > 0
    }

    /// The live feed whose token hashes to `tokenHash`, if it has not been revoked.
    public func liveFeed(tokenHash: Data) throws(StorageError) -> Stored<CalendarFeed>? {
        try database.reading { db in
            try Stored<CalendarFeed>.fetchOne(db, sql: """
                SELECT * FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL
                """, arguments: [tokenHash])
        }
    }

    /// The person's live feeds, by scope.
    public func liveFeeds(employeeID: Int64) throws(StorageError) -> [CalendarFeedScope: Stored<CalendarFeed>] {
        try database.reading { db in
            let feeds = try Stored<CalendarFeed>.fetchAll(db, sql: """
                SELECT * FROM calendar_feeds WHERE employee_id = ? AND revoked_at IS NULL
                """, arguments: [employeeID])
            return Dictionary(feeds.map { ($0.scope, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
