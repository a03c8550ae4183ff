import Foundation
import HTTPServer
import Storage

/// One line of a `<dl class="details">`.
struct DetailLine {
    let label: String
    let value: String
    let href: String
    let hasHref: Bool

    init(_ label: String, _ value: String, href: String? = nil) {
        self.label = label
        self.value = value
        self.href = href ?? ""
        hasHref = href != nil
    }
}

/// The "create a sign-in" form on an employee's page.
struct SignInFormView {
    let action: String
    let login: FieldView
    let password: FieldView
    let errors: [ErrorLink]
    let hasErrors: Bool
}

struct EmployeeDetailView {
    let crumbs: [Crumb]
    let hasCrumbs: Bool
    let name: String
    let active: Bool
    let details: [DetailLine]
    let canEdit: Bool
    let editHref: String
    /// HR's page of the person's training completions.
    let completionsHref: String
    /// HR's request-for-access page of the person (GDPR), which also leads to erasing a leaver.
    let dataHref: String
    let deactivateAction: String
    let reactivateAction: String
    /// The employee's sign-in, for those who may open it.
    let signIn: [DetailLine]
    let hasSignIn: Bool
    let signInForm: [SignInFormView]
    /// The latest identified self-assessment, for the employee, their supervisor and HR.
    let selfAssessment: OwnProfileView?
    let selfAssessmentMeta: String
    let hasSelfAssessment: Bool
}

/// Shortest initial password accepted for a new sign-in.

extension WebApp {
    /// An employee's record: for HR and administrators of their organisation, supervisors of their
    /// unit, and the employee themselves. Anyone else gets the page an unknown id gets.
    func showEmployee(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try viewableEmployee(context)
        return try renderEmployee(employee, context, signInInput: nil)
    }

    /// The signed-in user's own record.
    func showMe(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let employeeID = context.principal?.employeeID, let employee = try employees.employee(id: employeeID) else {
            throw AppError.notFound
        }
        try context.require(context.access.canViewEmployee(employee))
        return try renderEmployee(employee, context, signInInput: nil)
    }

    /// Deactivates (`active` false) or reactivates an employee. Employees are never deleted: their
    /// answers, trainings and history keep their owner.
    func setEmployeeActive(_ active: Bool) -> AppHandler {
        { [self] _, context in try setEmployeeActive(active, context) }
    }

    private func setEmployeeActive(_ active: Bool, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        return try switchActive(active, record: "employee", id: employee.id, back: Paths.employee(employee.id),
                                context) {
            try employees.setActive(employeeID: employee.id, active: active)
        }
    }

    /// Gives an employee a sign-in with the employee role. Without a password typed, the person gets a
    /// one-time link to choose their own (the better way: nobody else ever knows it); with one, it
    /// must pass the same policy as any new password.
    func createEmployeeUser(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        let id = employee.id
        let form = try context.requireForm()
        let strings = context.strings
        let input = SignInInput(login: form["login"] ?? "", password: form.raw("password") ?? "")
        var errors = FormErrors()
        if try users.userLinked(toEmployee: id) != nil {
            errors.add("login", strings.text("staff_error_has_sign_in"))
        } else if !employee.active {
            errors.add("login", strings.text("staff_error_inactive_sign_in"))
        }
        if input.login.isEmpty {
            errors.add("login", strings.text("staff_error_login_required"))
        } else if input.login.count > 100 || input.login.contains(where: { $0.isWhitespace }) {
            errors.add("login", strings.text("staff_error_login_shape"))
        } else if try users.user(loginOrEmail: input.login) != nil {
            errors.add("login", strings.text("staff_error_login_taken"))
        }
        if !input.password.isEmpty, let problem = passwordPolicy.problem(
            input.password, personal: [input.login, employee.firstName, employee.lastName, employee.email ?? ""]) {
            errors.add("password", strings.format(problem.rawValue, ["minimum": String(PasswordPolicy.minimumLength)]))
        }
        guard errors.isEmpty else {
            return try renderEmployee(employee, context, signInInput: (input, errors))
        }
        // The roster's e-mail also signs in, unless another sign-in uses it already.
        var email = employee.email
        if let address = email, try users.user(loginOrEmail: address) != nil { email = nil }
        let hash = input.password.isEmpty ? User.noPassword : try hasher.hash(input.password)
        let created: (user: Stored<User>, link: (token: String, expires: Date)?)
        do {
            created = try changing {
                let user = try users.create(User(login: input.login, email: email, passwordHash: hash, employeeID: id))
                _ = try users.assign(RoleAssignment(userID: user.id, role: .employee))
                try auditChange("user.create", context, target: "user:\(user.id)", detail: "employee:\(id)")
                guard input.password.isEmpty else { return (user, nil) }
                let link = try issuePasswordToken(userID: user.id, createdBy: context.principal?.userID,
                                                  lifetime: Self.passwordLinkLifetime)
                try auditChange("password.link", context, target: "user:\(user.id)")
                return (user, link)
            }
        } catch StorageError.conflict {
            errors.add("login", strings.text("staff_error_login_taken"))
            return try renderEmployee(employee, context, signInInput: (input, errors))
        }
        if let link = created.link {
            return try renderPasswordLink(created.user, token: link.token, expires: link.expires, context)
        }
        return context.redirect(Paths.employee(id), notice: "created")
    }

    func renderEmployee(_ employee: Stored<Employee>, _ context: RequestContext,
                        signInInput: (SignInInput, FormErrors)?) throws -> Response {
        let strings = context.strings
        let id = employee.id
        let access = context.access
        let unit = try employee.unitID.flatMap { try units.unit(id: $0) }
        let sectorName = try unit?.sectorID.flatMap { try sectors.sector(id: $0)?.name }
        let organisation = try organisations.organisation(id: employee.organisationID)
        let canManage = access.canManageOrganisation(employee.organisationID)
        var details = [DetailLine(strings.text("staff_field_hr_number"), employee.hrNumber)]
        if let organisation {
            details.append(DetailLine(strings.text("staff_field_organisation"), organisation.name,
                                      href: access.canViewOrganisation(employee.organisationID)
                                          ? Paths.organisation(organisation.slug) : nil))
        }
        if let unit {
            details.append(DetailLine(strings.text("staff_field_unit"), unit.name,
                                      href: access.canViewUnit(unit) ? Paths.unit(unit.id) : nil))
        }
        if let sectorName { details.append(DetailLine(strings.text("staff_field_sector"), sectorName)) }
        let optional: [(String, String?)] = [
            ("staff_field_job_title", employee.jobTitle), ("staff_field_job_group", employee.jobGroup),
            ("staff_field_email", employee.email), ("staff_field_phone", employee.phone),
            ("staff_field_start_date", employee.startDate.map { strings.date($0) }),
            ("staff_field_end_date", employee.endDate.map { strings.date($0) }),
        ]
        for (key, value) in optional {
            if let value, !value.isEmpty { details.append(DetailLine(strings.text(key), value)) }
        }
        details.append(DetailLine(strings.text("staff_field_language"), strings.text("language_" + employee.language)))
        details.append(DetailLine(strings.text("staff_field_status"),
                                  strings.text(employee.active ? "staff_status_active" : "staff_status_inactive")))
        var signIn: [DetailLine] = []
        var signInForm: [SignInFormView] = []
        if canManage {
            if let user = try users.userLinked(toEmployee: id) {
                signIn.append(DetailLine(strings.text("staff_field_login"), user.login, href: Paths.user(user.id)))
                signIn.append(DetailLine(strings.text("staff_field_status"),
                                         strings.text(user.disabled ? "staff_user_disabled" : "staff_user_enabled")))
            } else if employee.active {
                let errors = signInInput?.1 ?? FormErrors()
                signInForm.append(SignInFormView(
                    action: Paths.employeeSignIn(id),
                    login: FieldView(name: "login", value: signInInput?.0.login ?? "", error: errors["login"]),
                    password: FieldView(name: "password", value: "", error: errors["password"], hintID: "password-hint"),
                    errors: errors.links, hasErrors: !errors.isEmpty))
            }
        }
        var crumbs: [Crumb] = []
        if canManage, let organisation {
            let list = Paths.employees(organisation.slug)
            crumbs = organisationCrumbs(organisation, strings, then: [
                (list, strings.text("staff_employees_title")), (Paths.employee(id), employee.fullName),
            ])
        }
        let assessment = try latestSelfAssessment(of: employee, context)
        let view = EmployeeDetailView(
            crumbs: crumbs, hasCrumbs: !crumbs.isEmpty, name: employee.fullName, active: employee.active,
            details: details, canEdit: access.canEditEmployee(employee), editHref: Paths.editEmployee(id),
            completionsHref: Paths.employeeCompletions(id), dataHref: Paths.employeeData(id),
            deactivateAction: Paths.deactivateEmployee(id), reactivateAction: Paths.reactivateEmployee(id),
            signIn: signIn, hasSignIn: !signIn.isEmpty, signInForm: signInForm,
            selfAssessment: assessment?.profile, selfAssessmentMeta: assessment?.meta ?? "",
            hasSelfAssessment: assessment != nil)
        let failed = !(signInInput?.1.isEmpty ?? true)
        return try context.render("staff/employee", title: employee.fullName, view,
                                  status: failed ? .unprocessableContent : .ok)
    }

    /// The employee's latest identified self-assessment against the targets, their unit and the
    /// organisation. Only identified responses have an owner; anonymous ones never appear here.
    private func latestSelfAssessment(of employee: Stored<Employee>, _ context: RequestContext)
        throws -> (profile: OwnProfileView, meta: String)? {
        guard let latest = try results.ownResponses(employeeID: employee.id).first,
              let round = try rounds.round(id: latest.roundID), let content = try frameworkContent(round.frameworkID)
        else { return nil }
        // The person's own page says "You"; their supervisor or HR sees their name on the series.
        let isOwnPage = context.principal?.user.employeeID == employee.id
        let profile = try ownProfile(scores: latest.areaScores, round: round, content: content, unitID: employee.unitID,
                                     chartID: "self-assessment",
                                     ownerName: isOwnPage ? nil : "\(employee.firstName) \(employee.lastName)", context)
        return (profile, context.strings.format("self_assessment_meta",
                                                ["round": round.title, "date": context.strings.date(latest.submittedOn)]))
    }

    /// The employee named by `:id`, if this user may see them.
    func viewableEmployee(_ context: RequestContext) throws -> Stored<Employee> {
        guard let employee = try employees.employee(id: try context.employeeID) else { throw AppError.notFound }
        try context.require(context.access.canViewEmployee(employee))
        return employee
    }

    /// The employee named by `:id`, if this user may change their record. Someone who may see but
    /// not change it (a supervisor, the employee) is refused as forbidden, not as unknown: they
    /// know the record exists.
    func editableEmployee(_ context: RequestContext) throws -> Stored<Employee> {
        let employee = try viewableEmployee(context)
        guard context.access.canEditEmployee(employee) else { throw AppError.forbidden }
        return employee
    }
}

/// The login and initial password typed into the sign-in form.
struct SignInInput {
    let login: String
    let password: String
}
