import Foundation
import HTTPServer
import Storage

extension WebApp {
    func showSignIn(_ request: Request, _ context: RequestContext) throws -> Response {
        if context.principal != nil { return .redirect(to: Paths.home) }
        let next = context.safeReturnPath(request.queryValue("next"))
        var view = SignInView(login: "", next: next, error: nil)
        view.providers = signInProviderButtons(context, next: next)
        return try context.render("auth/sign-in", title: context.strings.text("sign_in_title"), view)
    }

    /// Checks the password, throttling guesses per account and address, and starts a new session.
    func signIn(_ request: Request, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        let login = String((form["login"] ?? "").prefix(200))
        let password = form.raw("password") ?? ""
        let next = context.safeReturnPath(form["next"])
        // A form whose session ended, carried through this page to be sent again (`SessionResume`).
        let carriedPath = form.raw("resume_path")
        let carriedForm = form.raw("resume_form")
        func page(_ error: String) -> SignInView {
            SignInView(login: login, next: next, error: error, resumePath: carriedPath, resumeForm: carriedForm)
        }
        let address = request.clientAddress
        let wait = throttle.waitBeforeAttempt(login: login, address: address)
        if wait > 0 {
            recordEvent("sign_in.throttled", userID: nil, login: login, address: address)
            let message = context.strings.format("sign_in_throttled", ["seconds": context.strings.number(wait)])
            var response = try context.render("auth/sign-in", title: context.strings.text("sign_in_title"),
                                              page(message), status: .tooManyRequests)
            response.headers.set("Retry-After", String(wait))
            return response
        }
        guard let user = try verifiedUser(login: login, password: password) else {
            throttle.recordFailure(login: login, address: address)
            recordEvent("sign_in.failure", userID: nil, login: login, address: address)
            return try context.render("auth/sign-in", title: context.strings.text("sign_in_title"),
                                      page(context.strings.text("sign_in_failed")), status: .unprocessableContent)
        }
        throttle.recordSuccess(login: login, address: address)
        if hasher.needsRehash(user.passwordHash) {
            try users.updatePasswordHash(userID: user.id, hash: try hasher.hash(password))
        }
        // The password was right; a code from the authenticator comes before any session. The form a
        // session's end interrupted is not carried further: the person goes on from `next`.
        if let step = try secondFactorStep(for: user, next: next) {
            recordEvent("sign_in.password_ok", userID: user.id, login: user.login, address: address)
            var response = Response.redirect(to: step)
            response.setCookie(try secondFactor.pending.cookie(userID: user.id, now: settings.now(),
                                                                secure: settings.secureTransport))
            return response
        }
        // Any session the browser had is ended, and a new identifier issued: no session fixation.
        _ = try? sessions.end(for: request)
        let started = try changing {
            let started = try sessions.start(for: user, clientAddress: address,
                                             device: DeviceName.name(userAgent: request.headers["User-Agent"]))
            try auditChange("sign_in.success", userID: user.id, login: user.login, address: address)
            return started
        }
        var response = resumeForm(path: carriedPath, form: carriedForm, session: started.cookie,
                                  csrfToken: started.csrfToken, after: request) ?? Response.redirect(to: next)
        response.setCookie(started.cookie)
        return response
    }

    /// The user whose login or e-mail is `login` and whose password matches; nil otherwise. Unknown
    /// and disabled users cost the same time as a wrong password.
    private func verifiedUser(login: String, password: String) throws -> Stored<User>? {
        guard !login.isEmpty, !password.isEmpty, let user = try users.user(loginOrEmail: login) else {
            hasher.verifyNothing(password)
            return nil
        }
        let matches = hasher.verify(password, against: user.passwordHash)
        return matches && !user.disabled ? user : nil
    }

    func signOut(_ request: Request, _ context: RequestContext) throws -> Response {
        let cookie = try changing {
            let cookie = try sessions.end(for: request)
            try auditChange("sign_out", context)
            return cookie
        }
        var response = Response.redirect(to: Paths.signIn(notice: "signed_out"))
        response.setCookie(cookie)
        // Personal cookies of the features (the own profile of a survey just answered) leave with the person.
        for name in cookiesClearedAtSignOut {
            if let cleared = try? SetCookie.expired(name: name, secure: settings.secureTransport) {
                response.setCookie(cleared)
            }
        }
        return response
    }

    /// Stores the chosen language in a cookie and returns to the page the choice was made on.
    func chooseLanguage(_ request: Request, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        guard let language = form["language"].flatMap(Language.init(rawValue:)) else { throw AppError.badRequest }
        var response = Response.redirect(to: context.safeReturnPath(form["return_to"]))
        response.setCookie(try SetCookie(
            name: Self.languageCookie, value: language.rawValue, path: "/", maxAge: 365 * 24 * 3600,
            secure: settings.secureTransport, httpOnly: true, sameSite: .lax))
        return response
    }
}
