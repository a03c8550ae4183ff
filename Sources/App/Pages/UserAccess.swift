import Storage

/// Who may see and change sign-ins. Kept beside `Access` so the rules stay in one policy type.
extension Access {
    /// A user's page: administrators, and HR of an organisation the user belongs to (through their
    /// employee record or a role scoped to it or one of its units).
    public func canViewUser(belongingTo organisationIDs: Set<Int64>) -> Bool {
        guard let principal else { return false }
        return principal.isAdmin || !principal.hrOrganisationIDs.isDisjoint(with: organisationIDs)
    }

    /// Disabling and enabling a sign-in. It shuts the user out everywhere, so HR may do it only to
    /// users who belong to no organisation but theirs, and never to an administrator.
    public func canManageUser(belongingTo organisationIDs: Set<Int64>, roles: [RoleAssignment]) -> Bool {
        guard let principal else { return false }
        if principal.isAdmin { return true }
        guard !organisationIDs.isEmpty, !roles.contains(where: { $0.role == .admin }) else { return false }
        return organisationIDs.isSubset(of: principal.hrOrganisationIDs)
    }
}
