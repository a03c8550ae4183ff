import Crypto
import Foundation
import HTTPServer
import Storage

struct ChangePasswordView {
    let action: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let current: FieldView
    let new: FieldView
    let repeated: FieldView
    let rules: String
}

struct SetPasswordView {
    let action: String
    let token: String
    let login: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let new: FieldView
    let repeated: FieldView
    let rules: String
}

struct PasswordMessageView {
    let heading: String
    let paragraphs: [String]
    let signInHref: String
}

extension WebApp {
    /// How long a link HR creates for one person works, and a printed slip (it passes through a
    /// supervisor's hands before it reaches the person).
    static let passwordLinkLifetime: TimeInterval = 24 * 3600
    static let passwordSlipLifetime: TimeInterval = 7 * 24 * 3600

    // MARK: Changing one's own password

    func showChangePassword(_ request: Request, _ context: RequestContext) throws -> Response {
        try renderChangePassword(context, errors: FormErrors())
    }

    /// The current password is required (a session left open must not be enough), the new one must
    /// pass the policy, and every other session of the user ends.
    func changePassword(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let form = try context.requireForm()
        let current = form.raw("current_password") ?? ""
        let new = form.raw("new_password") ?? ""
        var errors = FormErrors()
        let login = principal.user.login
        let wait = throttle.waitBeforeAttempt(login: login, address: request.clientAddress)
        if wait > 0 {
            errors.add("current_password", context.strings.format("sign_in_throttled",
                                                                  ["seconds": context.strings.number(wait)]))
            return try renderChangePassword(context, errors: errors, status: .tooManyRequests)
        }
        if !hasher.verify(current, against: principal.user.passwordHash) {
            throttle.recordFailure(login: login, address: request.clientAddress)
            errors.add("current_password", context.strings.text("password_error_current"))
        }
        checkNewPassword(new, repeated: form.raw("repeat_password") ?? "", for: principal.user, context, into: &errors)
        guard errors.isEmpty else { return try renderChangePassword(context, errors: errors, status: .unprocessableContent) }
        let hash = try hasher.hash(new)
        try changing {
            try users.changePassword(userID: principal.userID, hash: hash, keepingSession: principal.session.id)
            try auditChange("password.change", context, target: "user:\(principal.userID)")
        }
        return context.redirect(Paths.home, notice: "password_changed")
    }

    private func renderChangePassword(_ context: RequestContext, errors: FormErrors,
                                      status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        return try context.render("auth/change-password", title: strings.text("password_change_title"), ChangePasswordView(
            action: Paths.changePassword, errors: errors.links, hasErrors: !errors.isEmpty,
            current: FieldView(name: "current_password", value: "", error: errors["current_password"]),
            new: FieldView(name: "new_password", value: "", error: errors["new_password"], hintID: "new_password-hint"),
            repeated: FieldView(name: "repeat_password", value: "", error: errors["repeat_password"]),
            rules: strings.format("password_rules", ["minimum": String(PasswordPolicy.minimumLength)])),
            status: status)
    }

    // MARK: One-time links and slips

    /// The form a one-time link opens; an expired or used link says so and whom to ask.
    func showSetPassword(_ request: Request, _ context: RequestContext) throws -> Response {
        let token = request.queryValue("t") ?? ""
        guard let user = try passwordTokenUser(token) else { return try renderLinkExpired(context) }
        return try renderSetPassword(token: token, user: user, context, errors: FormErrors())
    }

    func setPassword(_ request: Request, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        let token = form.raw("token") ?? ""
        guard let user = try passwordTokenUser(token) else { return try renderLinkExpired(context) }
        let new = form.raw("new_password") ?? ""
        var errors = FormErrors()
        checkNewPassword(new, repeated: form.raw("repeat_password") ?? "", for: user, context, into: &errors)
        guard errors.isEmpty else {
            return try renderSetPassword(token: token, user: user, context, errors: errors, status: .unprocessableContent)
        }
        let hash = try hasher.hash(new)
        let redeemed = try changing {
            let redeemed = try passwordTokens.redeem(tokenHash: Self.tokenHash(token), passwordHash: hash)
            if let redeemed {
                try auditChange("password.set", userID: redeemed.id, login: redeemed.login,
                                address: context.request.clientAddress, target: "user:\(redeemed.id)")
            }
            return redeemed
        }
        guard redeemed != nil else { return try renderLinkExpired(context) }
        return context.redirect(Paths.signIn, notice: "password_set")
    }

    private func passwordTokenUser(_ token: String) throws -> Stored<User>? {
        guard !token.isEmpty, token.count <= 100 else { return nil }
        return try passwordTokens.user(tokenHash: Self.tokenHash(token))
    }

    private func renderSetPassword(token: String, user: Stored<User>, _ context: RequestContext, errors: FormErrors,
                                   status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        var response = try context.render("auth/set-password", title: strings.text("password_set_title"), SetPasswordView(
            action: Paths.setPassword, token: token, login: user.login, errors: errors.links, hasErrors: !errors.isEmpty,
            new: FieldView(name: "new_password", value: "", error: errors["new_password"], hintID: "new_password-hint"),
            repeated: FieldView(name: "repeat_password", value: "", error: errors["repeat_password"]),
            rules: strings.format("password_rules", ["minimum": String(PasswordPolicy.minimumLength)])),
            status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    private func renderLinkExpired(_ context: RequestContext) throws -> Response {
        let strings = context.strings
        var response = try context.render("auth/password-message", title: strings.text("password_link_expired_title"),
                                          PasswordMessageView(heading: strings.text("password_link_expired_title"),
                                                              paragraphs: [strings.text("password_link_expired_text"),
                                                                           strings.text("password_whom_to_ask")],
                                                              signInHref: Paths.signIn),
                                          status: .gone)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Until e-mail exists, a forgotten password is reset by someone who may: the page says who.
    func showForgotPassword(_ request: Request, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        return try context.render("auth/password-message", title: strings.text("password_forgot_title"),
                                  PasswordMessageView(heading: strings.text("password_forgot_title"),
                                                      paragraphs: [strings.text("password_forgot_text"),
                                                                   strings.text("password_whom_to_ask")],
                                                      signInHref: Paths.signIn))
    }

    /// A new one-time token for `userID`: the token (for the link) and when it stops working. Any
    /// earlier unused token of the user ends. Called inside the caller's `changing`.
    func issuePasswordToken(userID: Int64, createdBy: Int64?, lifetime: TimeInterval) throws -> (token: String, expires: Date) {
        let token = SecureRandom.token(byteCount: 24)
        let expires = Date().addingTimeInterval(lifetime)
        try passwordTokens.issue(userID: userID, tokenHash: Self.tokenHash(token), expiresAt: expires, createdBy: createdBy)
        return (token, expires)
    }

    static func tokenHash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    /// The policy's verdict on a new password and its repetition, as form errors.
    func checkNewPassword(_ new: String, repeated: String, for user: Stored<User>, _ context: RequestContext,
                          into errors: inout FormErrors) {
        var personal = [user.login]
        if let email = user.email { personal.append(email) }
        if let employeeID = user.employeeID, let employee = try? employees.employee(id: employeeID) {
            personal += [employee.firstName, employee.lastName]
        }
        if let problem = passwordPolicy.problem(new, personal: personal) {
            errors.add("new_password", context.strings.format(problem.rawValue, [
                "minimum": String(PasswordPolicy.minimumLength),
            ]))
        } else if new != repeated {
            errors.add("repeat_password", context.strings.text("password_error_repeat"))
        }
    }
}
