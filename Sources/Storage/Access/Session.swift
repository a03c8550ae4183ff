import Foundation
import GRDB

/// A signed-in browser session. Only a hash of the browser's token is stored.
public struct Session: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "sessions"

    public var tokenHash: Data
    public var userID: Int64
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var clientAddress: String?
    /// The browser and system, named at sign-in ("Chrome, Android"); empty when unknown.
    public var device: String
    /// When the person last typed their password again in this session, for changes to security
    /// settings; nil when only at sign-in.
    public var reauthenticatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case tokenHash = "token_hash"
        case userID = "user_id"
        case csrfToken = "csrf_token"
        case createdAt = "created_at"
        case lastSeenAt = "last_seen_at"
        case clientAddress = "client_address"
        case device
        case reauthenticatedAt = "reauthenticated_at"
    }

    public init(tokenHash: Data, userID: Int64, csrfToken: String, createdAt: Date = Date(),
                lastSeenAt: Date = Date(), clientAddress: String? = nil, device: String = "",
                reauthenticatedAt: Date? = nil) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.clientAddress = clientAddress
        self.device = device
        self.reauthenticatedAt = reauthenticatedAt
    }
}
