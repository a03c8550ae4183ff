import Foundation
import GRDB

/// One security-relevant event.
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit_log"

    public var at: Date
    public var userID: Int64?
    public var login: String?
    public var action: String
    public var target: String?
    public var clientAddress: String?
    public var detail: String?
    /// The organisation the line concerns (the target's, else the actor's), set by `AuditStore` when
    /// the line is written; nil for the installation's own.
    public var organisationID: Int64?

    enum CodingKeys: String, CodingKey {
        case at, login, action, target, detail
        case userID = "user_id"
        case clientAddress = "client_address"
        case organisationID = "organisation_id"
    }

    public init(at: Date = Date(), userID: Int64? = nil, login: String? = nil, action: String, target: String? = nil,
                clientAddress: String? = nil, detail: String? = nil) {
        self.at = at
        self.userID = userID
        self.login = login
        self.action = action
        self.target = target
        self.clientAddress = clientAddress
        self.detail = detail
    }
}
