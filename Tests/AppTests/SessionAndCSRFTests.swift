import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

@Suite("Sign-in, sessions and CSRF")
struct SessionAndCSRFTests {
    @Test func signInIssuesAHashedHttpOnlySessionCookie() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = Browser(app: test)
        try browser.get("/sign-in")
        let response = try browser.post("/sign-in", ["login": "HR", "password": TestApp.password, "next": "/"])
        #expect(response.status.code == 303)
        let cookie = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("tt_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        #expect(!cookie.contains("Secure"))
        let token = try #require(browser.cookies["tt_session"])
        #expect(Base64URL.decode(token)?.count == 16)
        let stored = try test.database.pool.read { db in try Session.fetchAll(db) }
        #expect(stored.count == 1)
        #expect(stored.first?.tokenHash == SessionManager.hash(Base64URL.decode(token) ?? []))
        #expect(try browser.get("/").status.code == 200)
        let audit = try AuditStore(test.database).latest(limit: 5)
        #expect(audit.contains { $0.action == "sign_in.success" && $0.login == "hr" && $0.clientAddress == "127.0.0.1" })
    }

    @Test func eMailAlsoSignsIn() throws {
        let test = try TestApp()
        _ = try World(test)
        let users = UserStore(test.database)
        let hash = try PasswordHasher(rounds: 1000).hash(TestApp.password)
        _ = try users.create(User(login: "maija", email: "Maija.Meikalainen@jarvela.example", passwordHash: hash))
        _ = try test.signIn("maija.meikalainen@jarvela.example")
    }

    @Test func httpsSettingUsesHostPrefixSecureCookiesAndHSTS() throws {
        var settings = TestApp.fastSettings
        settings.secureTransport = true
        let test = try TestApp(settings: settings)
        _ = try World(test)
        var browser = Browser(app: test)
        let page = try browser.get("/sign-in")
        #expect(page.headers["Strict-Transport-Security"] != nil)
        let response = try browser.post("/sign-in", ["login": "hr", "password": TestApp.password],
                                        headers: [("Origin", "https://localhost")])
        let cookie = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("__Host-tt_session=") })
        #expect(cookie.contains("Secure"))
        #expect(cookie.contains("Path=/"))
        #expect(!cookie.contains("Domain"))
    }

    @Test func wrongPasswordFailsWithAMessageAndAnAuditLineWithoutThePassword() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = Browser(app: test)
        try browser.get("/sign-in")
        let response = try browser.post("/sign-in", ["login": "hr", "password": "arvaus-123"])
        #expect(response.status.code == 422)
        #expect(response.text.contains("Käyttäjätunnus tai salasana on väärin."))
        #expect(response.text.contains("aria-invalid=\"true\""))
        #expect(browser.cookies["tt_session"] == nil)
        let unknown = try browser.post("/sign-in", ["login": "nobody", "password": "x"])
        #expect(unknown.status.code == 422)
        let audit = try AuditStore(test.database).latest(limit: 10)
        #expect(audit.filter { $0.action == "sign_in.failure" }.count == 2)
        #expect(!audit.contains { ($0.detail ?? "").contains("arvaus") || ($0.login ?? "").contains("arvaus") })
    }

    @Test func disabledUsersCannotSignIn() throws {
        let test = try TestApp()
        _ = try World(test)
        let users = UserStore(test.database)
        let hr = try #require(try users.user(loginOrEmail: "hr"))
        try users.setDisabled(userID: hr.id, disabled: true)
        var browser = Browser(app: test)
        try browser.get("/sign-in")
        #expect(try browser.post("/sign-in", ["login": "hr", "password": TestApp.password]).status.code == 422)
    }

    @Test func repeatedFailuresAreThrottledEvenWithTheRightPassword() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = Browser(app: test)
        try browser.get("/sign-in")
        for _ in 0..<5 {
            _ = try browser.post("/sign-in", ["login": "hr", "password": "wrong"])
        }
        let blocked = try browser.post("/sign-in", ["login": "hr", "password": TestApp.password])
        #expect(blocked.status.code == 429)
        #expect(blocked.headers["Retry-After"] != nil)
        #expect(browser.cookies["tt_session"] == nil)
        // Another account is not affected.
        _ = try test.signIn("admin")
        let audit = try AuditStore(test.database).latest(limit: 20)
        #expect(audit.contains { $0.action == "sign_in.throttled" })
    }

    @Test func everySignInGetsANewIdentifierAndSignOutEndsTheSession() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = try test.signIn("hr")
        let first = try #require(browser.cookies["tt_session"])
        try browser.get("/")
        let again = try browser.post("/sign-in", ["login": "hr", "password": TestApp.password])
        #expect(again.status.code == 303)
        let second = try #require(browser.cookies["tt_session"])
        #expect(first != second)
        #expect(try test.send(.GET, "/", cookies: ["tt_session": first]).status.code == 303)
        try browser.get("/")
        let out = try browser.post("/sign-out", [:])
        #expect(out.status.code == 303)
        #expect(browser.cookies["tt_session"] == nil)
        let after = try test.send(.GET, "/", cookies: ["tt_session": second])
        #expect(after.status.code == 303)
        #expect(after.headers["Location"]?.hasPrefix("/sign-in") == true)
    }

    @Test func idleAndAbsoluteTimeoutsEndSessions() throws {
        let test = try TestApp()
        _ = try World(test)
        let idle = try test.signIn("hr")
        let old = try test.signIn("admin")
        try test.database.pool.write { db in
            try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM users WHERE login = 'hr')",
                           arguments: [Date().addingTimeInterval(-31 * 60)])
            try db.execute(sql: "UPDATE sessions SET created_at = ? WHERE user_id = (SELECT id FROM users WHERE login = 'admin')",
                           arguments: [Date().addingTimeInterval(-12 * 3600 - 60)])
        }
        #expect(try test.send(.GET, "/", cookies: idle.cookies).status.code == 303)
        #expect(try test.send(.GET, "/", cookies: old.cookies).status.code == 303)
        let left = try test.database.pool.read { db in try Session.fetchCount(db) }
        #expect(left == 0)
    }

    @Test func disablingAUserEndsTheirSessions() throws {
        let test = try TestApp()
        _ = try World(test)
        let browser = try test.signIn("hr")
        let users = UserStore(test.database)
        let hr = try #require(try users.user(loginOrEmail: "hr"))
        try users.setDisabled(userID: hr.id, disabled: true)
        #expect(try test.send(.GET, "/", cookies: browser.cookies).status.code == 303)
    }

    @Test func stateChangingRequestsNeedTheSessionsTokenAndOurOrigin() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = try test.signIn("hr")
        try browser.get("/")
        #expect(try browser.post("/sign-out", [:], token: "").status.code == 403)
        #expect(try browser.post("/sign-out", [:], token: "forged-token").status.code == 403)
        #expect(try browser.post("/sign-out", [:], headers: [("Origin", "https://evil.example")]).status.code == 403)
        #expect(try browser.post("/sign-out", [:], headers: [("Sec-Fetch-Site", "cross-site")]).status.code == 403)
        // Still signed in: none of those did anything.
        #expect(try browser.get("/").status.code == 200)
        // Another session's token does not work here.
        var other = try test.signIn("admin")
        try other.get("/")
        #expect(try browser.post("/sign-out", [:], token: other.csrfToken).status.code == 403)
        #expect(try browser.post("/sign-out", [:], headers: [("Origin", "http://localhost")]).status.code == 303)
    }

    @Test func anonymousFormsNeedTheirTokenToo() throws {
        let test = try TestApp()
        _ = try World(test)
        // No form cookie and no token: a cross-site sign-in (login CSRF) is refused.
        let forged = try test.send(.POST, "/sign-in", form: [("login", "hr"), ("password", TestApp.password)])
        #expect(forged.status.code == 403)
        #expect(forged.headers.values("Set-Cookie").allSatisfy { !$0.hasPrefix("tt_session=") })
    }

    @Test func getNeverChangesState() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = try test.signIn("hr")
        #expect(try browser.get("/sign-out").status.code == 405)
        #expect(try browser.get("/").status.code == 200)
    }

    @Test func signInReturnsOnlyToLocalPaths() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = Browser(app: test)
        try browser.get("/sign-in")
        for next in ["https://evil.example/", "//evil.example", "/\\evil.example"] {
            browser.cookies["tt_session"] = nil
            try browser.get("/sign-in")
            let response = try browser.post("/sign-in", ["login": "hr", "password": TestApp.password, "next": next])
            #expect(response.headers["Location"] == "/")
        }
        let anonymous = try test.send(.GET, "/?tab=roles")
        #expect(anonymous.headers["Location"] == "/sign-in?next=/%3Ftab%3Droles")
    }
}

@Suite("Security headers and pages")
struct SecurityHeaderTests {
    func expectSecurityHeaders(_ response: Response, _ what: String) {
        let csp = response.headers["Content-Security-Policy"] ?? ""
        #expect(csp.contains("frame-ancestors 'none'"), "\(what)")
        #expect(csp.contains("object-src 'none'"), "\(what)")
        #expect(csp.contains("base-uri 'none'"), "\(what)")
        #expect(!csp.contains("unsafe-inline"), "\(what)")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff", "\(what)")
        #expect(response.headers["Referrer-Policy"] != nil, "\(what)")
    }

    @Test func everyKindOfResponseCarriesThem() throws {
        let test = try TestApp()
        _ = try World(test)
        expectSecurityHeaders(try test.send(.GET, "/sign-in"), "page")
        expectSecurityHeaders(try test.send(.GET, "/no-such-page"), "404")
        expectSecurityHeaders(try test.send(.GET, "/static/css/site.css"), "static")
        expectSecurityHeaders(try test.send(.DELETE, "/sign-in"), "405")
        expectSecurityHeaders(try test.send(.GET, "/healthz"), "health")
        expectSecurityHeaders(WebApp.serverErrorResponse(secureTransport: false)(.badRequest, "bad"), "parser error")
        var browser = try test.signIn("hr")
        let home = try browser.get("/")
        expectSecurityHeaders(home, "signed-in page")
        #expect(home.headers["Cache-Control"] == "no-store")
    }

    @Test func errorPagesAreFriendlyAndLocalised() throws {
        let test = try TestApp()
        let missing = try test.send(.GET, "/no-such-page", headers: [("Accept-Language", "sv")])
        #expect(missing.status.code == 404)
        #expect(missing.text.contains("<html lang=\"sv\">"))
        #expect(missing.text.contains("Sidan hittas inte"))
        #expect(missing.headers["Content-Type"] == "text/html; charset=utf-8")
    }

    @Test func languageChoiceIsRememberedAndAcceptLanguageIsHonoured() throws {
        let test = try TestApp()
        #expect(try test.send(.GET, "/sign-in").text.contains("<html lang=\"fi\">"))
        #expect(try test.send(.GET, "/sign-in", headers: [("Accept-Language", "en-GB,en")]).text.contains("<html lang=\"en\">"))
        var browser = Browser(app: test)
        try browser.get("/sign-in")
        let chosen = try browser.post("/language", ["language": "sv", "return_to": "/accessibility"])
        #expect(chosen.headers["Location"] == "/accessibility")
        #expect(try browser.get("/accessibility").text.contains("Tillgänglighetsutlåtande"))
        let evil = try browser.post("/language", ["language": "en", "return_to": "https://evil.example"])
        #expect(evil.headers["Location"] == "/")
    }

    @Test func outputIsEscaped() throws {
        let test = try TestApp()
        var browser = Browser(app: test)
        try browser.get("/sign-in")
        let response = try browser.post("/sign-in", ["login": "<script>alert(1)</script>\"", "password": "x"])
        #expect(!response.text.contains("<script>alert(1)"))
        #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"))
    }
}
