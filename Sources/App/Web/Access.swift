import Storage

/// Who is signed in, with what roles, for this request.
public struct Principal: Sendable {
    public let user: Stored<User>
    public let session: Stored<Session>
    public let assignments: [Stored<RoleAssignment>]
    /// Units this user supervises, with all their sub-units.
    public let supervisedUnitIDs: Set<Int64>

    public var userID: Int64 { user.id }
    public var isAdmin: Bool { assignments.contains { $0.role == .admin } }
    public var hrOrganisationIDs: Set<Int64> { organisations(with: .hr) }
    public var coordinatorOrganisationIDs: Set<Int64> { organisations(with: .tutorCoordinator) }
    public var isSupervisor: Bool { assignments.contains { $0.role == .supervisor } }
    /// The employee record this sign-in belongs to, when it has one.
    public var employeeID: Int64? { user.employeeID }

    private func organisations(with role: Role) -> Set<Int64> {
        Set(assignments.filter { $0.role == role }.compactMap(\.organisationID))
    }
}

/// What a route needs before its handler runs. Record-level checks happen in the handler, through
/// `Access`, once the record is loaded.
public enum Requirement: Sendable {
    /// Public pages: sign-in, accessibility statement, errors.
    case anyone
    /// Any signed-in user.
    case signedIn
    /// HR of some organisation, or an administrator.
    case staffAdministration
    /// Supervisors, HR and administrators: people who look after units.
    case unitLeadership
    /// Administrators only.
    case administrator
}

/// The one place that decides who may see and change what.
///
/// Every answer is a plain yes or no; handlers turn a "no" for a record into the same "not found"
/// page an unknown id gets, so ids cannot be probed.
public struct Access: Sendable {
    public let principal: Principal?

    public init(principal: Principal?) {
        self.principal = principal
    }

    public func satisfies(_ requirement: Requirement) -> Bool {
        guard let principal else { return requirement == .anyone }
        switch requirement {
        case .anyone, .signedIn:
            return true
        case .staffAdministration:
            return principal.isAdmin || !principal.hrOrganisationIDs.isEmpty
        case .unitLeadership:
            return principal.isAdmin || !principal.hrOrganisationIDs.isEmpty || principal.isSupervisor
        case .administrator:
            return principal.isAdmin
        }
    }

    /// HR of the organisation, or an administrator: sectors, units, staff, import, users.
    public func canManageOrganisation(_ organisationID: Int64) -> Bool {
        guard let principal else { return false }
        return principal.isAdmin || principal.hrOrganisationIDs.contains(organisationID)
    }

    /// Organisation overview pages: those who manage it, and its tutor coordinators.
    public func canViewOrganisation(_ organisationID: Int64) -> Bool {
        guard let principal else { return false }
        return canManageOrganisation(organisationID) || principal.coordinatorOrganisationIDs.contains(organisationID)
    }

    /// A unit's page: its organisation's HR and administrators, and supervisors of it or a parent.
    public func canViewUnit(_ unit: Stored<WorkUnit>) -> Bool {
        guard let principal else { return false }
        return canManageOrganisation(unit.organisationID) || principal.supervisedUnitIDs.contains(unit.id)
    }

    /// An employee's record: HR of their organisation, administrators, supervisors of their unit, and
    /// the employee themselves.
    public func canViewEmployee(_ employee: Stored<Employee>) -> Bool {
        guard let principal else { return false }
        if canManageOrganisation(employee.organisationID) { return true }
        if principal.employeeID == employee.id { return true }
        if let unitID = employee.unitID, principal.supervisedUnitIDs.contains(unitID) { return true }
        return false
    }

    /// Changing the roster (edit, deactivate) is HR's and administrators' work; the HR system is the
    /// source, so supervisors correct it there.
    public func canEditEmployee(_ employee: Stored<Employee>) -> Bool {
        canManageOrganisation(employee.organisationID)
    }

    /// Whether the signed-in user may grant or remove `role`, scoped as given.
    ///
    /// Administrators grant anything. HR grants roles inside their own organisation only, and never
    /// `admin`, so no one can raise themselves above their scope.
    public func canAssign(_ role: Role, organisationID: Int64?, unitOrganisationID: Int64?) -> Bool {
        guard let principal else { return false }
        if principal.isAdmin { return true }
        switch role {
        case .admin:
            return false
        case .employee:
            return !principal.hrOrganisationIDs.isEmpty
        case .supervisor:
            return unitOrganisationID.map { principal.hrOrganisationIDs.contains($0) } ?? false
        case .hr, .tutorCoordinator:
            return organisationID.map { principal.hrOrganisationIDs.contains($0) } ?? false
        }
    }

    /// Organisations whose pages this user may open, for navigation; `nil` means all (administrator).
    public var visibleOrganisationIDs: Set<Int64>? {
        guard let principal else { return [] }
        if principal.isAdmin { return nil }
        return principal.hrOrganisationIDs.union(principal.coordinatorOrganisationIDs)
    }

    /// A user's page: administrators, and HR of an organisation the user belongs to (through their
    /// employee record or a role scoped to it or one of its units).
    public func canViewUser(belongingTo organisationIDs: Set<Int64>) -> Bool {
        guard let principal else { return false }
        return principal.isAdmin || !principal.hrOrganisationIDs.isDisjoint(with: organisationIDs)
    }

    /// Disabling and enabling a sign-in. It shuts the user out everywhere, so HR may do it only to
    /// users who belong to no organisation but theirs, and never to an administrator.
    public func canManageUser(belongingTo organisationIDs: Set<Int64>, roles: [Stored<RoleAssignment>]) -> Bool {
        guard let principal else { return false }
        if principal.isAdmin { return true }
        guard !organisationIDs.isEmpty, !roles.contains(where: { $0.role == .admin }) else { return false }
        return organisationIDs.isSubset(of: principal.hrOrganisationIDs)
    }
}
