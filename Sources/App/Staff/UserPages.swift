import Foundation
import HTTPServer
import Storage

/// One user in a user table.
struct UserRow {
    let href: String
    let login: String
    let name: String
    let roles: String
    let status: String
}

struct UserListView {
    let crumbs: [Crumb]
    let hasCrumbs: Bool
    let heading: String
    let action: String
    let searchText: String
    let resultSummary: String
    let rows: [UserRow]
    let hasRows: Bool
    let pagination: PaginationView
    let showPagination: Bool
    /// The staff import (on an organisation's list, for those who may use it).
    let importHref: String?
    /// The installation's audit log (on the administrators' list of every user).
    var auditHref: String?
}

/// One role on the user's page, with its remove button when this viewer may remove it.
struct RoleRow {
    let role: String
    let scope: String
    let hasScope: Bool
    let canRevoke: Bool
    let revokeAction: String
}

struct RoleFormView {
    let action: String
    let role: SelectFieldView
    let scope: FieldView
    let scopeNone: SelectOption
    let scopeGroups: [SelectGroup]
}

struct UserDetailView {
    let crumbs: [Crumb]
    let login: String
    let details: [DetailLine]
    let roles: [RoleRow]
    let hasRoles: Bool
    let roleForm: [RoleFormView]
    let errors: [ErrorLink]
    let hasErrors: Bool
    let canDisable: Bool
    let canEnable: Bool
    let disableAction: String
    let enableAction: String
    /// Ends every session of the user (a lost phone, a shared computer).
    let endSessionsAction: String
    /// Removes the user's authenticator app (a lost phone); they set up a new one at next sign-in.
    let resetSecondFactorAction: String
    /// A one-time set-password link instead of a password typed for someone.
    let canCreatePasswordLink: Bool
    let passwordLinkAction: String
    /// The trainer choice for the employee's organisation, when the viewer is its HR.
    let trainer: [TrainerChoiceView]
}

/// A one-time set-password link, shown once to whoever made it, to hand over printed or read out.
struct PasswordLinkView {
    let crumbs: [Crumb]
    let login: String
    let link: String
    let qr: String?
    let validUntil: String
    let backHref: String
}

/// Names of organisations and units for role scopes, looked up once per page.
struct ScopeNames {
    var organisations: [Int64: String] = [:]
    var units: [Int64: Stored<WorkUnit>] = [:]
    let store: UnitStore

    init(organisations list: [Stored<Organisation>], store: UnitStore) {
        for organisation in list { organisations[organisation.id] = organisation.name }
        self.store = store
    }

    mutating func unit(_ id: Int64) throws -> Stored<WorkUnit>? {
        if let known = units[id] { return known }
        let unit = try store.unit(id: id)
        units[id] = unit
        return unit
    }

    /// "Supervisor (Päiväkoti Satakieli)"-style text of one assignment's scope.
    mutating func scope(of assignment: Stored<RoleAssignment>) throws -> String {
        if let organisationID = assignment.organisationID { return organisations[organisationID] ?? "" }
        if let unitID = assignment.unitID { return try unit(unitID)?.name ?? "" }
        return ""
    }
}

extension WebApp {
    // MARK: Lists

    /// Every user of the installation (administrators).
    func showAllUsers(_ request: Request, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        return try renderUserList(try users.users(organisationID: nil), context, heading: strings.text("staff_users_title"),
                                  action: Paths.users, crumbs: [], auditHref: Paths.installationAudit)
    }

    /// The users of one organisation: its staff's sign-ins and everyone with a role in it.
    func showOrganisationUsers(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let base = Paths.organisationUsers(organisation.slug)
        return try renderUserList(
            try users.users(organisationID: organisation.id), context,
            heading: strings.format("staff_organisation_users_title", ["name": organisation.name]), action: base,
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("staff_users_title"))]),
            importHref: context.access.canManageOrganisation(organisation.id) ? Paths.importStaff(organisation.slug) : nil)
    }

    private func renderUserList(_ listings: [UserListing], _ context: RequestContext, heading: String, action: String,
                                crumbs: [Crumb], importHref: String? = nil, auditHref: String? = nil) throws -> Response {
        let strings = context.strings
        let request = context.request
        let text = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .prefix(staffSearchLimit))
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace })
        let matching = words.isEmpty ? listings : listings.filter { listing in
            let haystack = [listing.user.login, listing.user.email ?? "", listing.employeeName ?? ""]
                .joined(separator: " ").lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
        let paging = Paging(requested: request.queryValue("page"), total: matching.count)
        var names = ScopeNames(organisations: try organisations.all(), store: units)
        let rows = try matching.dropFirst(paging.offset).prefix(Paging.pageSize).map { listing in
            let roles = try listing.roles.map { assignment in
                let scope = try names.scope(of: assignment)
                let role = strings.text("role_" + assignment.role.rawValue)
                return scope.isEmpty ? role : "\(role) (\(scope))"
            }
            return UserRow(href: Paths.user(listing.user.id), login: listing.user.login,
                           name: listing.employeeName ?? "", roles: roles.joined(separator: ", "),
                           status: strings.text(listing.user.disabled ? "staff_user_disabled" : "staff_user_enabled"))
        }
        let view = UserListView(
            crumbs: crumbs, hasCrumbs: !crumbs.isEmpty, heading: heading, action: action, searchText: text,
            resultSummary: strings.format("staff_users_total", ["count": strings.number(matching.count)]),
            rows: rows, hasRows: !rows.isEmpty,
            pagination: paging.view(strings: strings) { action + Self.queryString([("q", text), ("page", String($0))]) },
            showPagination: paging.pageCount > 1, importHref: importHref, auditHref: auditHref)
        return try context.render("staff/users", title: heading, view)
    }

    // MARK: One user

    func showUser(_ request: Request, _ context: RequestContext) throws -> Response {
        let subject = try viewableUser(context)
        return try renderUser(subject, context, errors: FormErrors(), typedRole: "", typedScope: "")
    }

    /// Gives the user a role, if the viewer may give that role in that scope.
    func assignRole(_ request: Request, _ context: RequestContext) throws -> Response {
        let subject = try viewableUser(context)
        let userID = subject.user.id
        let form = try context.requireForm()
        let strings = context.strings
        let roleChoice = form["role"] ?? ""
        let scopeChoice = form["scope"] ?? ""
        var errors = FormErrors()
        guard let role = Role(rawValue: roleChoice) else {
            errors.add("role", strings.text("staff_error_choose_from_list"))
            return try renderUser(subject, context, errors: errors, typedRole: roleChoice, typedScope: scopeChoice)
        }
        var assignment = RoleAssignment(userID: userID, role: role)
        var unitOrganisationID: Int64?
        if let id = Self.scopeID(scopeChoice, prefix: "organisation-") {
            guard try organisations.organisation(id: id) != nil else { throw AppError.badRequest }
            assignment.organisationID = id
        } else if let id = Self.scopeID(scopeChoice, prefix: "unit-") {
            guard let unit = try units.unit(id: id) else { throw AppError.badRequest }
            assignment.unitID = id
            unitOrganisationID = unit.organisationID
        } else if !scopeChoice.isEmpty {
            throw AppError.badRequest
        }
        if assignment.scopeProblem != nil {
            errors.add("scope", strings.text(Self.scopeErrorKey(for: role)))
            return try renderUser(subject, context, errors: errors, typedRole: roleChoice, typedScope: scopeChoice)
        }
        guard context.access.canAssign(role, organisationID: assignment.organisationID,
                                       unitOrganisationID: unitOrganisationID) else { throw AppError.forbidden }
        do {
            try changing {
                let saved = try users.assign(assignment)
                try auditChange("role.assign", context, target: "user:\(userID)", detail: Self.describe(saved))
            }
        } catch StorageError.conflict {
            errors.add("role", strings.text("staff_error_role_exists"))
            return try renderUser(subject, context, errors: errors, typedRole: roleChoice, typedScope: scopeChoice)
        }
        return context.redirect(Paths.user(userID), notice: "role_added")
    }

    /// Removes one of the user's roles, under the same rule as giving it.
    func revokeRole(_ request: Request, _ context: RequestContext) throws -> Response {
        let subject = try viewableUser(context)
        let userID = subject.user.id
        guard let assignment = try users.assignment(id: try context.assignmentID), assignment.userID == userID else {
            throw AppError.notFound
        }
        guard try mayChange(assignment, context) else { throw AppError.forbidden }
        try changing {
            try users.revoke(assignmentID: assignment.id)
            try auditChange("role.revoke", context, target: "user:\(userID)", detail: Self.describe(assignment))
        }
        return context.redirect(Paths.user(userID), notice: "role_removed")
    }

    func disableUser(_ request: Request, _ context: RequestContext) throws -> Response {
        try setUserDisabled(true, context)
    }

    func enableUser(_ request: Request, _ context: RequestContext) throws -> Response {
        try setUserDisabled(false, context)
    }

    /// Disabling ends the user's sessions at once (in the store's transaction).
    private func setUserDisabled(_ disabled: Bool, _ context: RequestContext) throws -> Response {
        let subject = try viewableUser(context)
        let userID = subject.user.id
        guard context.access.canManageUser(belongingTo: subject.organisationIDs, roles: subject.roles) else {
            throw AppError.forbidden
        }
        // Locking oneself out would leave no one to undo it.
        if disabled, userID == context.principal?.userID { throw AppError.badRequest }
        try changing {
            try users.setDisabled(userID: userID, disabled: disabled)
            try auditChange(disabled ? "user.disable" : "user.enable", context, target: "user:\(userID)")
        }
        return context.redirect(Paths.user(userID), notice: disabled ? "user_disabled" : "user_enabled")
    }

    /// Makes a one-time set-password link for the user (any earlier unused one ends) and shows it once.
    func createPasswordLink(_ request: Request, _ context: RequestContext) throws -> Response {
        let subject = try viewableUser(context)
        let user = subject.user
        guard context.access.canManageUser(belongingTo: subject.organisationIDs, roles: subject.roles) else {
            throw AppError.forbidden
        }
        // A link for oneself would be a way round the current password; a disabled user cannot sign in.
        if user.id == context.principal?.userID || user.disabled { throw AppError.badRequest }
        let link = try changing {
            let link = try issuePasswordToken(userID: user.id, createdBy: context.principal?.userID,
                                              lifetime: Self.passwordLinkLifetime)
            try auditChange("password.link", context, target: "user:\(user.id)")
            return link
        }
        return try renderPasswordLink(user, token: link.token, expires: link.expires, context)
    }

    func renderPasswordLink(_ user: Stored<User>, token: String, expires: Date, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let path = Paths.setPassword(token: token)
        let origin = siteOrigin(context.request)
        let link = (origin ?? "") + path
        let view = PasswordLinkView(
            crumbs: [Crumb(href: Paths.user(user.id), label: user.login, current: false),
                     Crumb(href: Paths.user(user.id), label: strings.text("staff_password_link_title"), current: true)],
            login: user.login, link: link,
            qr: origin == nil ? nil : QRCode(link)?.svg(label: strings.text("staff_password_link_qr")),
            validUntil: strings.dateTime(expires), backHref: Paths.user(user.id))
        var response = try context.render("staff/password-link",
                                          title: strings.format("staff_password_link_page", ["login": user.login]), view)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    // MARK: Rendering

    private func renderUser(_ subject: UserSubject, _ context: RequestContext, errors: FormErrors, typedRole: String,
                            typedScope: String) throws -> Response {
        let strings = context.strings
        let user = subject.user
        let userID = user.id
        let access = context.access
        let allOrganisations = try organisations.all()
        var names = ScopeNames(organisations: allOrganisations, store: units)
        var details = [DetailLine(strings.text("staff_field_login"), user.login)]
        if let email = user.email { details.append(DetailLine(strings.text("staff_field_email"), email)) }
        if let employee = subject.employee {
            details.append(DetailLine(strings.text("staff_field_employee"), employee.fullName,
                                      href: access.canViewEmployee(employee) ? Paths.employee(employee.id) : nil))
        }
        details.append(DetailLine(strings.text("staff_field_status"),
                                  strings.text(user.disabled ? "staff_user_disabled" : "staff_user_enabled")))
        details.append(DetailLine(strings.text("staff_field_created"), strings.dateTime(user.createdAt)))
        let roles = try subject.roles.map { assignment in
            let scope = try names.scope(of: assignment)
            return RoleRow(role: strings.text("role_" + assignment.role.rawValue), scope: scope, hasScope: !scope.isEmpty,
                           canRevoke: try mayChange(assignment, context),
                           revokeAction: Paths.revokeRole(userID, assignment.id))
        }
        let roleForm = try roleFormView(userID: userID, context, organisations: allOrganisations, errors: errors,
                                        typedRole: typedRole, typedScope: typedScope)
        let canManage = access.canManageUser(belongingTo: subject.organisationIDs, roles: subject.roles)
        let isSelf = userID == context.principal?.userID
        var crumbs: [Crumb] = []
        if access.satisfies(.administrator) {
            crumbs.append(Crumb(href: Paths.users, label: strings.text("staff_users_title"), current: false))
        }
        crumbs.append(Crumb(href: Paths.user(userID), label: user.login, current: true))
        let view = UserDetailView(
            crumbs: crumbs, login: user.login, details: details, roles: roles, hasRoles: !roles.isEmpty,
            roleForm: roleForm, errors: errors.links, hasErrors: !errors.isEmpty,
            canDisable: canManage && !user.disabled && !isSelf, canEnable: canManage && user.disabled,
            disableAction: Paths.disableUser(userID), enableAction: Paths.enableUser(userID),
            endSessionsAction: Paths.endUserSessions(userID), resetSecondFactorAction: Paths.resetSecondFactor(userID),
            canCreatePasswordLink: canManage && !user.disabled && !isSelf, passwordLinkAction: Paths.passwordLink(userID),
            trainer: try trainerChoice(subject, context))
        return try context.render("staff/user", title: strings.format("staff_user_title", ["login": user.login]), view,
                                  status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Whether the person trains for their organisation, with the form to change it, for its HR.
    private func trainerChoice(_ subject: UserSubject, _ context: RequestContext) throws -> [TrainerChoiceView] {
        guard let employee = subject.employee, context.access.canManageOrganisation(employee.organisationID) else { return [] }
        let isTrainer = try trainingCatalogue.isTrainer(userID: subject.user.id, organisationID: employee.organisationID)
        return [TrainerChoiceView(isTrainer: isTrainer, action: Paths.trainer(subject.user.id),
                                  organisationID: String(employee.organisationID))]
    }

    /// The role form: only roles and scopes this viewer may give.
    private func roleFormView(userID: Int64, _ context: RequestContext, organisations all: [Stored<Organisation>],
                              errors: FormErrors, typedRole: String, typedScope: String) throws -> [RoleFormView] {
        let strings = context.strings
        let access = context.access
        let managed = all.filter { access.canManageOrganisation($0.id) }
        let roles = Role.allCases.filter { role in
            role == .admin ? access.canAssign(.admin, organisationID: nil, unitOrganisationID: nil) : !managed.isEmpty
        }
        guard !roles.isEmpty else { return [] }
        let roleOptions = roles.map {
            SelectOption(value: $0.rawValue, label: strings.text("role_" + $0.rawValue), selected: $0.rawValue == typedRole)
        }
        var groups = [SelectGroup(label: strings.text("staff_scope_organisations"), options: managed.map {
            let value = "organisation-\($0.id)"
            return SelectOption(value: value, label: $0.name, selected: value == typedScope)
        })]
        for organisation in managed {
            let unitList = try units.units(organisationID: organisation.id).filter(\.active)
            guard !unitList.isEmpty else { continue }
            groups.append(SelectGroup(
                label: strings.format("staff_scope_units_of", ["name": organisation.name]),
                options: unitList.map {
                    let value = "unit-\($0.id)"
                    return SelectOption(value: value, label: $0.name, selected: value == typedScope)
                }))
        }
        return [RoleFormView(
            action: Paths.userRoles(userID),
            role: SelectFieldView(field: FieldView(name: "role", value: typedRole, error: errors["role"]),
                                  options: roleOptions),
            scope: FieldView(name: "scope", value: typedScope, error: errors["scope"], hintID: "scope-hint"),
            scopeNone: SelectOption(value: "", label: strings.text("staff_scope_none"), selected: typedScope.isEmpty),
            scopeGroups: groups)]
    }

    // MARK: Helpers

    /// The user named by `:id`, if this viewer may see them.
    func viewableUser(_ context: RequestContext) throws -> UserSubject {
        guard let user = try users.user(id: try context.userID) else { throw AppError.notFound }
        let roles = try users.roles(userID: user.id)
        let employee = try user.employeeID.flatMap { try employees.employee(id: $0) }
        var organisationIDs: Set<Int64> = []
        if let employee { organisationIDs.insert(employee.organisationID) }
        for assignment in roles {
            if let id = assignment.organisationID { organisationIDs.insert(id) }
            if let unitID = assignment.unitID, let unit = try units.unit(id: unitID) {
                organisationIDs.insert(unit.organisationID)
            }
        }
        try context.require(context.access.canViewUser(belongingTo: organisationIDs))
        return UserSubject(user: user, roles: roles, employee: employee, organisationIDs: organisationIDs)
    }

    /// Whether this viewer may give or remove `assignment` as scoped.
    private func mayChange(_ assignment: Stored<RoleAssignment>, _ context: RequestContext) throws -> Bool {
        let unitOrganisationID = try assignment.unitID.flatMap { try units.unit(id: $0)?.organisationID }
        return context.access.canAssign(assignment.role, organisationID: assignment.organisationID,
                                        unitOrganisationID: unitOrganisationID)
    }

    /// The message for a scope that does not fit `role`, saying what it needs.
    private static func scopeErrorKey(for role: Role) -> String {
        switch role {
        case .supervisor: return "staff_error_scope_unit"
        case .hr, .tutorCoordinator: return "staff_error_scope_organisation"
        case .employee, .admin: return "staff_error_scope_none"
        }
    }

    private static func scopeID(_ choice: String, prefix: String) -> Int64? {
        guard choice.hasPrefix(prefix) else { return nil }
        return Int64(choice.dropFirst(prefix.count))
    }

    /// An assignment for the audit log: `supervisor unit:12`.
    private static func describe(_ assignment: Stored<RoleAssignment>) -> String {
        if let id = assignment.organisationID { return "\(assignment.role.rawValue) organisation:\(id)" }
        if let id = assignment.unitID { return "\(assignment.role.rawValue) unit:\(id)" }
        return assignment.role.rawValue
    }
}

/// A user with everything the access rules look at.
struct UserSubject {
    let user: Stored<User>
    let roles: [Stored<RoleAssignment>]
    let employee: Stored<Employee>?
    let organisationIDs: Set<Int64>
}

/// HR's choice of whether a person is one of the organisation's trainers.
struct TrainerChoiceView {
    let isTrainer: Bool
    let action: String
    let organisationID: String
}
