import Foundation
import GRDB

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
public struct RoleAssignment: Codable, Sendable, Equatable, FetchableRecord,
    PersistableRecord {
    public static let databaseTableName = "role_assignments"

    public var userID: Int64
    public var role: Role
    public var organisationID: Int64?
    public var unitID: Int64?

    enum CodingKeys: String, CodingKey {
        case role
        case userID = "user_id"
        case organisationID = "organisation_id"
        case unitID = "unit_id"
    }

    public init(userID: Int64, role: Role, organisationID: Int64? = nil, unitID: Int64? = nil) {
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
}
