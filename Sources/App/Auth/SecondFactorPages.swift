import Foundation
import HTTPServer
import Storage

/// The code step of signing in: the password was right, the code is asked before a session starts.
struct SecondFactorView {
    let action: String
    let next: String
    let error: String?
}

/// Setting up an authenticator app: the QR code, the secret to type by hand, and the first code.
struct AuthenticatorSetupView {
    let crumbs: [Crumb]
    let action: String
    let next: String
    let qrCode: String
    let secret: String
    let account: String
    let error: String?
    /// Whether this is the sign-in of a role that must have it (the page says why it is asked).
    let required: Bool
}

/// Recovery codes, shown this once.
struct RecoveryCodesView {
    let codes: [String]
    let continueHref: String
}

/// The person's own security settings.
struct SecurityView {
    let crumbs: [Crumb]
    let notice: String?
    /// Sign-ins through the identity provider have no password here, and no local second factor.
    let hasPassword: Bool
    let isRecent: Bool
    let confirmAction: String
    let asksCode: Bool
    let error: String?
    let authenticatorOn: Bool
    let required: Bool
    let recoveryCodesLeft: String
    let fewCodesLeft: Bool
    let setupHref: String
    let newCodesAction: String
    let removeAction: String
    let canRemove: Bool
    let passwordHref: String
    let sessionsHref: String
}

extension WebApp {
    // MARK: - Between the password and the session

    /// After a right password: whether a code must follow, and where the person goes for it. Nil when
    /// the session may start now (no authenticator, and the roles do not require one).
    func secondFactorStep(for user: Stored<User>, next: String) throws -> String? {
        if let factor = try secondFactor.store.factor(userID: user.id), factor.isConfirmed {
            return Paths.secondFactor(next: next)
        }
        return try requiresSecondFactor(userID: user.id) ? Paths.secondFactorSetup(next: next) : nil
    }

    /// Whether the user's roles require a second factor with a local password (`--second-factor-optional`
    /// turns this off for demonstrations).
    func requiresSecondFactor(userID: Int64) throws -> Bool {
        try users.roles(userID: userID).contains { settings.secondFactorRoles.contains($0.role) }
    }

    /// The user the pending-sign-in cookie names, when it is valid and the user may still sign in.
    private func pendingUser(_ request: Request) throws -> Stored<User>? {
        let name = secondFactor.pending.cookieName(secure: settings.secureTransport)
        guard let token = request.cookies[name],
              let userID = secondFactor.pending.userID(in: token, now: settings.now()),
              let user = try users.user(id: userID), !user.disabled
        else { return nil }
        return user
    }

    func showSecondFactor(_ request: Request, _ context: RequestContext) throws -> Response {
        guard try pendingUser(request) != nil else { return .redirect(to: Paths.signIn(notice: "second_factor_expired")) }
        return try renderSecondFactor(context, next: context.safeReturnPath(request.queryValue("next")), error: nil)
    }

    /// Checks the code (or a recovery code) and starts the session.
    func verifySecondFactor(_ request: Request, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        let next = context.safeReturnPath(form["next"])
        guard let user = try pendingUser(request) else { return .redirect(to: Paths.signIn(notice: "second_factor_expired")) }
        let now = settings.now()
        if let refused = try throttledCode(user, context, now: now, render: { try renderSecondFactor(context, next: next, error: $0, status: $1) }) {
            return refused
        }
        guard let accepted = try secondFactor.accept(form.raw("code") ?? "", userID: user.id, now: now) else {
            return try refuseCode(user, context, now: now) { try renderSecondFactor(context, next: next, error: $0, status: $1) }
        }
        secondFactor.throttle.recordSuccess(userID: user.id)
        let left = try secondFactor.store.unusedRecoveryCodes(userID: user.id)
        // A used recovery code means the phone may be lost: the person lands on their security
        // settings, told how many codes are left.
        let destination = accepted == .recoveryCode ? Paths.security + "?notice=recovery_code_used" : next
        var response = Response.redirect(to: destination)
        try startSession(for: user, request, response: &response, detail: "second factor: \(accepted.rawValue)"
                         + (accepted == .recoveryCode ? ", \(left) recovery codes left" : ""))
        return response
    }

    func showSecondFactorSetup(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let user = try pendingUser(request) else { return .redirect(to: Paths.signIn(notice: "second_factor_expired")) }
        let next = context.safeReturnPath(request.queryValue("next"))
        if try secondFactor.store.factor(userID: user.id)?.isConfirmed == true {
            return .redirect(to: Paths.secondFactor(next: next))
        }
        return try renderSetup(user, context, action: Paths.secondFactorSetupAction, next: next, crumbs: [], error: nil)
    }

    /// The first code from the new authenticator: it is set up, the session starts, and the recovery
    /// codes are shown once.
    func confirmSecondFactorSetup(_ request: Request, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        let next = context.safeReturnPath(form["next"])
        guard let user = try pendingUser(request) else { return .redirect(to: Paths.signIn(notice: "second_factor_expired")) }
        let render = { (error: String, status: HTTPStatus) in
            try self.renderSetup(user, context, action: Paths.secondFactorSetupAction, next: next, crumbs: [],
                                 error: error, status: status)
        }
        guard let codes = try confirmSetup(user, form: form, context, render: render) else {
            return try render(context.strings.text("second_factor_wrong_code"), .unprocessableContent)
        }
        if case .refused(let response) = codes { return response }
        guard case .confirmed(let recoveryCodes) = codes else { return .redirect(to: Paths.signIn) }
        var response = try renderRecoveryCodes(recoveryCodes, continueHref: next, context)
        try startSession(for: user, request, response: &response, detail: "second factor: authenticator set up")
        return response
    }

    /// Ends any old session, starts a new one for `user` and sets its cookie on `response`, clearing
    /// the pending-sign-in cookie; audited as a successful sign-in.
    private func startSession(for user: Stored<User>, _ request: Request, response: inout Response, detail: String) throws {
        let address = request.clientAddress
        _ = try? sessions.end(for: request)
        let started = try changing {
            let started = try sessions.start(for: user, clientAddress: address,
                                             device: DeviceName.name(userAgent: request.headers["User-Agent"]))
            try auditChange("sign_in.success", userID: user.id, login: user.login, address: address, detail: detail)
            return started
        }
        response.setCookie(started.cookie)
        response.setCookie(try SetCookie.expired(name: secondFactor.pending.cookieName(secure: settings.secureTransport),
                                                 secure: settings.secureTransport, sameSite: .strict))
    }

    // MARK: - Codes: throttling, refusing, confirming a new authenticator

    /// A 429 page when the account has failed too many codes lately; nil when a code may be tried.
    private func throttledCode(_ user: Stored<User>, _ context: RequestContext, now: Date,
                               render: (String, HTTPStatus) throws -> Response) throws -> Response? {
        let wait = secondFactor.throttle.waitBeforeAttempt(userID: user.id, now: now)
        guard wait > 0 else { return nil }
        recordEvent("second_factor.throttled", userID: user.id, login: user.login, address: context.request.clientAddress)
        var response = try render(context.strings.format("sign_in_throttled", ["seconds": context.strings.number(wait)]),
                                  .tooManyRequests)
        response.headers.set("Retry-After", String(wait))
        return response
    }

    private func refuseCode(_ user: Stored<User>, _ context: RequestContext, now: Date,
                            render: (String, HTTPStatus) throws -> Response) throws -> Response {
        secondFactor.throttle.recordFailure(userID: user.id, now: now)
        recordEvent("second_factor.failure", userID: user.id, login: user.login, address: context.request.clientAddress)
        return try render(context.strings.text("second_factor_wrong_code"), .unprocessableContent)
    }

    enum SetupOutcome {
        case confirmed([String])
        case refused(Response)
    }

    /// Checks the first code against the authenticator being set up and, when right, confirms it with
    /// new recovery codes. Nil when the code is wrong (counted against the account).
    private func confirmSetup(_ user: Stored<User>, form: FormInput, _ context: RequestContext,
                              render: (String, HTTPStatus) throws -> Response) throws -> SetupOutcome? {
        let now = settings.now()
        if let refused = try throttledCode(user, context, now: now, render: render) { return .refused(refused) }
        guard let factor = try secondFactor.store.factor(userID: user.id), !factor.isConfirmed,
              let secret = secondFactor.open(factor.sealedSecret, userID: user.id)
        else { return .refused(.redirect(to: Paths.security)) }
        guard let step = TOTP(secret: secret).matchingStep(form.raw("code") ?? "", at: now) else {
            return .refused(try refuseCode(user, context, now: now, render: render))
        }
        let codes = SecondFactor.newRecoveryCodes()
        let confirmed = try changing {
            let confirmed = try secondFactor.store.confirm(userID: user.id, step: step,
                                                           recoveryCodeHashes: codes.map(secondFactor.recoveryHash), at: now)
            if confirmed {
                try auditChange("second_factor.set_up", userID: user.id, login: user.login,
                                address: context.request.clientAddress, target: "user:\(user.id)")
            }
            return confirmed
        }
        secondFactor.throttle.recordSuccess(userID: user.id)
        return confirmed ? .confirmed(codes) : nil
    }

    // MARK: - Rendering

    private func renderSecondFactor(_ context: RequestContext, next: String, error: String?,
                                    status: HTTPStatus = .ok) throws -> Response {
        var response = try context.render("auth/second-factor", title: context.strings.text("second_factor_title"),
                                          SecondFactorView(action: Paths.secondFactorAction, next: next, error: error),
                                          status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// The setup page, with the secret of the authenticator being set up (made now when there is none).
    func renderSetup(_ user: Stored<User>, _ context: RequestContext, action: String, next: String, crumbs: [Crumb],
                     error: String?, status: HTTPStatus = .ok) throws -> Response {
        let secret: [UInt8]
        if let factor = try secondFactor.store.factor(userID: user.id), !factor.isConfirmed,
           let existing = secondFactor.open(factor.sealedSecret, userID: user.id) {
            secret = existing
        } else {
            secret = SecondFactor.newSecret()
            try secondFactor.store.beginSetup(userID: user.id, sealedSecret: try secondFactor.seal(secret, userID: user.id),
                                              at: settings.now())
        }
        let strings = context.strings
        let uri = TOTP(secret: secret).provisioningURI(issuer: "Taitotutka", account: user.login)
        let qr = QRCode(uri)?.svg(label: strings.text("second_factor_qr_label"), className: "qr-code authenticator-qr") ?? ""
        var response = try context.render("auth/authenticator-setup", title: strings.text("authenticator_setup_title"),
                                          AuthenticatorSetupView(
                                              crumbs: crumbs, action: action, next: next, qrCode: qr,
                                              secret: Base32.grouped(secret), account: user.login, error: error,
                                              required: try requiresSecondFactor(userID: user.id)),
                                          status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    func renderRecoveryCodes(_ codes: [String], continueHref: String, _ context: RequestContext) throws -> Response {
        var response = try context.render("auth/recovery-codes", title: context.strings.text("recovery_codes_title"),
                                          RecoveryCodesView(codes: codes, continueHref: continueHref))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    // MARK: - The person's own security settings

    func showSecurity(_ request: Request, _ context: RequestContext) throws -> Response {
        try renderSecurity(context, error: nil)
    }

    private func renderSecurity(_ context: RequestContext, error: String?, status: HTTPStatus = .ok) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        let strings = context.strings
        let factor = try secondFactor.store.factor(userID: principal.userID)
        let on = factor?.isConfirmed == true
        let left = on ? try secondFactor.store.unusedRecoveryCodes(userID: principal.userID) : 0
        let required = try requiresSecondFactor(userID: principal.userID)
        let title = strings.text("security_title")
        let notice = context.request.queryValue("notice").flatMap { $0 == "recovery_code_used" ? $0 : nil }
        return try context.render("auth/security", title: title, SecurityView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.security, label: title, current: true)],
            notice: notice.map { _ in strings.format("security_recovery_code_used", ["count": strings.number(left)]) },
            hasPassword: PasswordHasher.isUsable(principal.user.passwordHash),
            isRecent: SecondFactor.isRecent(principal.session.record, now: settings.now()),
            confirmAction: Paths.confirmIdentity, asksCode: on, error: error, authenticatorOn: on, required: required,
            recoveryCodesLeft: strings.format("security_codes_left", ["count": strings.number(left)]),
            fewCodesLeft: on && left <= 3, setupHref: Paths.authenticatorSetup,
            newCodesAction: Paths.newRecoveryCodes, removeAction: Paths.removeAuthenticator,
            canRemove: on && !required, passwordHref: Paths.changePassword, sessionsHref: Paths.sessions),
            status: status)
    }

    /// The password (and code) typed again: security settings may be changed for the next minutes.
    func confirmIdentity(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        let form = try context.requireForm()
        let user = principal.user
        let address = request.clientAddress
        let now = settings.now()
        let wait = max(throttle.waitBeforeAttempt(login: user.login, address: address),
                       secondFactor.throttle.waitBeforeAttempt(userID: user.id, now: now))
        if wait > 0 {
            var response = try renderSecurity(context, error: context.strings.format(
                "sign_in_throttled", ["seconds": context.strings.number(wait)]), status: .tooManyRequests)
            response.headers.set("Retry-After", String(wait))
            return response
        }
        guard hasher.verify(form.raw("password") ?? "", against: user.passwordHash) else {
            throttle.recordFailure(login: user.login, address: address)
            recordEvent("security.reauthenticate_failure", userID: user.id, login: user.login, address: address)
            return try renderSecurity(context, error: context.strings.text("security_wrong_password"), status: .unprocessableContent)
        }
        if try secondFactor.store.factor(userID: user.id)?.isConfirmed == true,
           try secondFactor.accept(form.raw("code") ?? "", userID: user.id, now: now) == nil {
            secondFactor.throttle.recordFailure(userID: user.id, now: now)
            recordEvent("second_factor.failure", userID: user.id, login: user.login, address: address)
            return try renderSecurity(context, error: context.strings.text("second_factor_wrong_code"), status: .unprocessableContent)
        }
        throttle.recordSuccess(login: user.login, address: address)
        secondFactor.throttle.recordSuccess(userID: user.id)
        try changing {
            try secondFactor.store.markReauthenticated(sessionID: principal.session.id, at: now)
            try auditChange("security.reauthenticate", context, target: "user:\(user.id)")
        }
        return context.redirect(Paths.security)
    }

    /// The security settings' changes need a recent password; otherwise back to the page, which asks it.
    private func requireRecentAuthentication(_ context: RequestContext) -> Response? {
        guard let principal = context.principal else { return .redirect(to: Paths.signIn) }
        return SecondFactor.isRecent(principal.session.record, now: settings.now())
            ? nil : context.redirect(Paths.security, notice: "confirm_identity_first")
    }

    func showAuthenticatorSetup(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        if let back = requireRecentAuthentication(context) { return back }
        if try secondFactor.store.factor(userID: principal.userID)?.isConfirmed == true { return .redirect(to: Paths.security) }
        return try renderSetup(principal.user, context, action: Paths.authenticatorSetup, next: Paths.security,
                               crumbs: securityCrumbs(context), error: nil)
    }

    func confirmAuthenticatorSetup(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        let form = try context.requireForm()
        if let back = requireRecentAuthentication(context) { return back }
        let render = { (error: String, status: HTTPStatus) in
            try self.renderSetup(principal.user, context, action: Paths.authenticatorSetup, next: Paths.security,
                                 crumbs: self.securityCrumbs(context), error: error, status: status)
        }
        switch try confirmSetup(principal.user, form: form, context, render: render) {
        case .confirmed(let codes): return try renderRecoveryCodes(codes, continueHref: Paths.security, context)
        case .refused(let response): return response
        case nil: return try render(context.strings.text("second_factor_wrong_code"), .unprocessableContent)
        }
    }

    /// New recovery codes replace the old ones (all of them: some may have been seen by someone).
    func replaceRecoveryCodes(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        _ = try context.requireForm()
        if let back = requireRecentAuthentication(context) { return back }
        guard try secondFactor.store.factor(userID: principal.userID)?.isConfirmed == true else {
            return .redirect(to: Paths.security)
        }
        let codes = SecondFactor.newRecoveryCodes()
        try changing {
            try secondFactor.store.replaceRecoveryCodes(userID: principal.userID, hashes: codes.map(secondFactor.recoveryHash),
                                                        at: settings.now())
            try auditChange("second_factor.recovery_codes", context, target: "user:\(principal.userID)")
        }
        return try renderRecoveryCodes(codes, continueHref: Paths.security, context)
    }

    /// Turns the authenticator off, where the person's roles do not require it.
    func removeAuthenticator(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        _ = try context.requireForm()
        if let back = requireRecentAuthentication(context) { return back }
        guard try !requiresSecondFactor(userID: principal.userID) else { throw AppError.forbidden }
        try changing {
            try secondFactor.store.remove(userID: principal.userID)
            try auditChange("second_factor.remove", context, target: "user:\(principal.userID)")
        }
        return context.redirect(Paths.security, notice: "authenticator_removed")
    }

    /// HR of the user's organisation or an administrator removes a user's authenticator (a lost
    /// phone) and ends their sessions; the user sets up a new one at their next sign-in. The one
    /// doing it must have typed their own password recently.
    func resetUserSecondFactor(_ request: Request, _ context: RequestContext) throws -> Response {
        let subject = try viewableUser(context)
        let userID = subject.user.id
        guard context.access.canManageUser(belongingTo: subject.organisationIDs, roles: subject.roles) else {
            throw AppError.forbidden
        }
        _ = try context.requireForm()
        if let back = requireRecentAuthentication(context) { return back }
        try changing {
            try secondFactor.store.remove(userID: userID)
            try sessions.store.deleteAll(userID: userID)
            try auditChange("user.second_factor_reset", context, target: "user:\(userID)")
        }
        return context.redirect(Paths.user(userID), notice: "second_factor_reset")
    }

    private func securityCrumbs(_ context: RequestContext) -> [Crumb] {
        [Crumb(href: Paths.home, label: context.strings.text("nav_home"), current: false),
         Crumb(href: Paths.security, label: context.strings.text("security_title"), current: false),
         Crumb(href: Paths.authenticatorSetup, label: context.strings.text("authenticator_setup_title"), current: true)]
    }
}
