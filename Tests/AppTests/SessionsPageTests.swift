import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Each person sees their own sessions with device, address and times, and ends any of the others;
/// HR or an administrator ends all of a user's sessions.
@Suite("Sessions page")
struct SessionsPageTests {
    /// Signs in as `login` with a browser's User-Agent; returns the cookies.
    func signIn(_ test: TestApp, _ login: String, userAgent: String, address: String) throws -> Browser {
        var browser = Browser(app: test)
        let page = try test.send(.GET, "/sign-in", headers: [("User-Agent", userAgent)], address: address)
        for value in page.headers.values("Set-Cookie") {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { browser.cookies[String(pair[0])] = String(pair[1]) }
        }
        browser.lastBody = page.text
        let response = try test.send(.POST, "/sign-in", cookies: browser.cookies,
                                     form: [("csrf_token", browser.csrfToken ?? ""), ("login", login),
                                            ("password", TestApp.password), ("next", "/")],
                                     headers: [("User-Agent", userAgent)], address: address)
        guard response.status.code == 303 else { throw TestFailure("sign-in answered \(response.status.code)") }
        for value in response.headers.values("Set-Cookie") {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { browser.cookies[String(pair[0])] = String(pair[1]) }
        }
        try browser.get("/")
        return browser
    }

    static let phone = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
    static let desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"

    @Test func devicesAreNamedFromTheUserAgentAndTheHeaderIsNotKept() {
        #expect(DeviceName.name(userAgent: Self.phone) == "Chrome, Android")
        #expect(DeviceName.name(userAgent: Self.desktop) == "Firefox, Windows")
        #expect(DeviceName.name(userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1")
            == "Safari, iPhone")
        #expect(DeviceName.name(userAgent: "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0") == "Edge, Windows")
        #expect(DeviceName.name(userAgent: nil) == "" && DeviceName.name(userAgent: "<script>") == "")
    }

    @Test func aPersonSeesAndEndsTheirOwnSessions() throws {
        let test = try TestApp()
        _ = try World(test)
        var phone = try signIn(test, "tyontekija", userAgent: Self.phone, address: "203.0.113.9:5000")
        var desktop = try signIn(test, "tyontekija", userAgent: Self.desktop, address: "198.51.100.4:5000")
        let page = try desktop.get("/account/sessions").text
        #expect(page.contains("Chrome, Android") && page.contains("Firefox, Windows"))
        #expect(page.contains("203.0.113.9") && page.contains("198.51.100.4") && page.contains("Tämä laite"))
        #expect(!page.contains("Mozilla"), "the User-Agent header is not kept")
        // Someone else's session is not found; neither is ending the current one this way.
        let aino = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        let all = try SessionStore(test.database).sessions(userID: aino.id)
        let phoneSession = try #require(all.first { $0.device == "Chrome, Android" })
        let desktopSession = try #require(all.first { $0.device == "Firefox, Windows" })
        var other = try test.staffBrowser("esihenkilo.a")
        #expect(try other.post("/account/sessions/\(phoneSession.id)/end", [:]).status.code == 404)
        #expect(try desktop.post("/account/sessions/\(desktopSession.id)/end", [:]).status.code == 404)
        // Ending the phone's session signs the phone out.
        #expect(try desktop.post("/account/sessions/\(phoneSession.id)/end", [:]).status.code == 303)
        #expect(try phone.get("/account/sessions").status.code == 303, "the phone must sign in again")
        #expect(try desktop.get("/account/sessions").status.code == 200)
        #expect(try AuditStore(test.database).latest(limit: 3).contains { $0.action == "session.end" })
        // "End all other sessions" leaves only this one.
        _ = try signIn(test, "tyontekija", userAgent: Self.phone, address: "203.0.113.9:5001")
        _ = try desktop.get("/account/sessions")
        #expect(try desktop.post("/account/sessions/end-others", [:]).status.code == 303)
        #expect(try SessionStore(test.database).sessions(userID: aino.id).map(\.id) == [desktopSession.id])
    }

    @Test func hrEndsEverySessionOfAUserOfTheirOrganisation() throws {
        let test = try TestApp()
        _ = try World(test)
        var aino = try signIn(test, "tyontekija", userAgent: Self.phone, address: "203.0.113.9:5000")
        let user = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        var otherHR = try test.staffBrowser("hr.koskenkyla")
        #expect([403, 404].contains(try otherHR.post("/users/\(user.id)/sessions/end", [:]).status.code))
        #expect(try aino.get("/").status.code == 200)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/users/\(user.id)").text.contains("Lopeta kaikki istunnot"))
        #expect(try hr.post("/users/\(user.id)/sessions/end", [:]).status.code == 303)
        #expect(try aino.get("/account/sessions").status.code == 303, "signed out everywhere")
        #expect(try AuditStore(test.database).latest(limit: 3).contains { $0.action == "user.sessions_end" })
    }
}
