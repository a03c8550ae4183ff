import Foundation
import GRDB

/// A sign-in. It may belong to an employee of the roster, or stand alone (an administrator).
public struct User: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "users"

    public var id: Int64?
    public var login: String
    public var email: String?
    /// Carries its own algorithm and parameters, so they can be raised later.
    public var passwordHash: String
    public var disabled: Bool
    public var employeeID: Int64?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, login, email, disabled
        case passwordHash = "password_hash"
        case employeeID = "employee_id"
        case createdAt = "created_at"
    }

    public init(id: Int64? = nil, login: String, email: String? = nil, passwordHash: String, disabled: Bool = false,
                employeeID: Int64? = nil, createdAt: Date = Date()) {
        self.id = id
        self.login = login
        self.email = email
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.employeeID = employeeID
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// What a user may do. The scope that goes with each is in `RoleAssignment`.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Self only, through the user's employee record.
    case employee
    /// A unit and its sub-units.
    case supervisor
    /// An organisation.
    case hr
    /// An organisation's digitutor network.
    case tutorCoordinator = "tutor_coordinator"
    /// The whole installation.
    case admin
}

/// One role of a user, with its scope: a unit for supervisors, an organisation for HR and tutor
/// coordinators, nothing for employees and administrators.
public struct RoleAssignment: Codable, Sendable, Equatable, Identifiable, FetchableRecord,
    MutablePersistableRecord {
    public static let databaseTableName = "role_assignments"

    public var id: Int64?
    public var userID: Int64
    public var role: Role
    public var organisationID: Int64?
    public var unitID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, role
        case userID = "user_id"
        case organisationID = "organisation_id"
        case unitID = "unit_id"
    }

    public init(id: Int64? = nil, userID: Int64, role: Role, organisationID: Int64? = nil, unitID: Int64? = nil) {
        self.id = id
        self.userID = userID
        self.role = role
        self.organisationID = organisationID
        self.unitID = unitID
    }

    /// Why the scope does not fit the role, or nil when it does (the schema's CHECK, in words).
    public var scopeProblem: String? {
        switch role {
        case .supervisor:
            return unitID != nil && organisationID == nil ? nil : "A supervisor role is given for one unit."
        case .hr, .tutorCoordinator:
            return organisationID != nil && unitID == nil ? nil : "This role is given for one organisation."
        case .employee, .admin:
            return organisationID == nil && unitID == nil ? nil : "This role is not limited to a unit or an organisation."
        }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A signed-in browser session. Only a hash of the browser's token is stored.
public struct Session: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sessions"

    public var id: Int64?
    public var tokenHash: Data
    public var userID: Int64
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var clientAddress: String?

    enum CodingKeys: String, CodingKey {
        case id
        case tokenHash = "token_hash"
        case userID = "user_id"
        case csrfToken = "csrf_token"
        case createdAt = "created_at"
        case lastSeenAt = "last_seen_at"
        case clientAddress = "client_address"
    }

    public init(id: Int64? = nil, tokenHash: Data, userID: Int64, csrfToken: String, createdAt: Date = Date(),
                lastSeenAt: Date = Date(), clientAddress: String? = nil) {
        self.id = id
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.clientAddress = clientAddress
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
