import Foundation
import GRDB

/// A sign-in. It may belong to an employee of the roster, or stand alone (an administrator).
public struct User: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "users"

    public var login: String
    public var email: String?
    /// Carries its own algorithm and parameters, so they can be raised later.
    public var passwordHash: String
    public var disabled: Bool
    public var employeeID: Int64?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case login, email, disabled
        case passwordHash = "password_hash"
        case employeeID = "employee_id"
        case createdAt = "created_at"
    }

    /// The hash of a sign-in whose person has not chosen a password yet (they have a one-time link):
    /// no password matches it.
    public static let noPassword = "unset"

    public init(login: String, email: String? = nil, passwordHash: String, disabled: Bool = false,
                employeeID: Int64? = nil, createdAt: Date = Date()) {
        self.login = login
        self.email = email
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.employeeID = employeeID
        self.createdAt = createdAt
    }
}
