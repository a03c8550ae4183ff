import Testing
@testable import HTTPServer

@Suite("Cookie header parsing")
struct CookieParsingTests {
    @Test func parsesSimplePairs() {
        #expect(Cookies.parse("a=1; b=2") == ["a": "1", "b": "2"])
    }

    @Test func toleratesSpacesTabsAndEmptySegments() {
        #expect(Cookies.parse("  a = 1 ;b=2;;\tc=3\t; ") == ["a": "1", "b": "2", "c": "3"])
    }

    @Test func firstOccurrenceWins() {
        #expect(Cookies.parse("sid=first; sid=second") == ["sid": "first"])
    }

    @Test func stripsWrappingQuotes() {
        #expect(Cookies.parse(#"a="hello"; b=""; c="; d="x"#) == ["a": "hello", "b": "", "c": "\"", "d": "\"x"])
    }

    @Test func keepsEqualsSignsInValues() {
        #expect(Cookies.parse("token=YWJj==; x=a=b") == ["token": "YWJj==", "x": "a=b"])
    }

    @Test func skipsMalformedPairs() {
        #expect(Cookies.parse("novalue; =orphan; a b=1; (x)=2; ok=yes") == ["ok": "yes"])
    }

    @Test func emptyHeaderGivesNoCookies() {
        #expect(Cookies.parse("").isEmpty)
        #expect(Cookies.parse(" ; ;").isEmpty)
    }

    @Test func commaIsNotASeparator() {
        #expect(Cookies.parse("a=1,b=2") == ["a": "1,b=2"])
    }

    @Test func requestCombinesAllCookieFields() throws {
        let request = try Request(
            method: .GET, target: "/", headers: ["Cookie": "a=1; b=2", "Cookie": "b=3; c=4"])
        #expect(request.cookies == ["a": "1", "b": "2", "c": "4"])
    }

    @Test func requestWithoutCookieHeader() throws {
        let request = try Request(method: .GET, target: "/")
        #expect(request.cookies.isEmpty)
    }
}

@Suite("Set-Cookie")
struct SetCookieTests {
    @Test func rendersEveryAttribute() throws {
        let cookie = try SetCookie(
            name: "sid", value: "abc", path: "/app", maxAge: 1800, domain: "taitotutka.example.fi",
            secure: true, httpOnly: true, sameSite: .strict)
        #expect(cookie.headerValue
            == "sid=abc; Path=/app; Domain=taitotutka.example.fi; Max-Age=1800; Secure; HttpOnly; SameSite=Strict")
    }

    @Test func rendersBriefExample() throws {
        let cookie = try SetCookie(name: "sid", value: "abc", maxAge: 1800, secure: true, sameSite: .lax)
        #expect(cookie.headerValue == "sid=abc; Path=/; Max-Age=1800; Secure; HttpOnly; SameSite=Lax")
    }

    @Test func defaults() throws {
        let cookie = try SetCookie(name: "sid", value: "abc")
        #expect(cookie.path == "/")
        #expect(cookie.httpOnly)
        #expect(!cookie.secure)
        #expect(cookie.maxAge == nil)
        #expect(cookie.headerValue == "sid=abc; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test func minimalCookieOmitsAttributes() throws {
        let cookie = try SetCookie(name: "theme", value: "dark", path: nil, httpOnly: false, sameSite: nil)
        #expect(cookie.headerValue == "theme=dark")
    }

    @Test func sameSiteNoneForcesSecure() throws {
        let cookie = try SetCookie(name: "embed", value: "1", secure: false, sameSite: SetCookie.SameSite.none)
        #expect(cookie.secure)
        #expect(cookie.headerValue == "embed=1; Path=/; Secure; HttpOnly; SameSite=None")
    }

    @Test func securePrefixesForceSecure() throws {
        #expect(try SetCookie(name: "__Secure-sid", value: "x").secure)
        #expect(try SetCookie(name: "__Host-sid", value: "x").secure)
    }

    @Test func hostPrefixRequiresRootPathAndNoDomain() {
        #expect(throws: SetCookieError.hostPrefixViolation) {
            try SetCookie(name: "__Host-sid", value: "x", domain: "example.fi")
        }
        #expect(throws: SetCookieError.hostPrefixViolation) {
            try SetCookie(name: "__Host-sid", value: "x", path: "/app")
        }
    }

    @Test func expiredCookieDeletes() throws {
        let cookie = try SetCookie.expired(name: "sid")
        #expect(cookie.value.isEmpty)
        #expect(cookie.maxAge == 0)
        #expect(cookie.headerValue == "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
    }

    @Test func expiredCookieKeepsPathAndDomain() throws {
        let cookie = try SetCookie.expired(name: "pref", path: "/admin", domain: "example.fi", secure: true)
        #expect(cookie.headerValue == "pref=; Path=/admin; Domain=example.fi; Max-Age=0; Secure; HttpOnly; SameSite=Lax")
    }

    @Test func allowsEveryCookieOctet() throws {
        let value = "!#$%&'()*+-./0123456789:<=>?@ABCXYZ[]^_`abcxyz{|}~"
        #expect(try SetCookie(name: "v", value: value).value == value)
    }

    @Test(arguments: ["", "a;b", "a b", "a=b", "a,b", "a\"b", "sid\r\nSet-Cookie: evil=1", "a\tb", "ä", "a(b)", "a/b"])
    func rejectsInvalidNames(name: String) {
        #expect(throws: SetCookieError.invalidName) { try SetCookie(name: name, value: "x") }
    }

    @Test(arguments: [
        "a;b", "a,b", "a b", "\"quoted\"", "a\\b", "x\r\nSet-Cookie: evil=1", "x\nLocation: /", "x\r", "\u{7F}",
        "\u{0}", "ä", "x; Domain=evil.example",
    ])
    func rejectsInvalidValues(value: String) {
        #expect(throws: SetCookieError.invalidValue) { try SetCookie(name: "sid", value: value) }
    }

    @Test(arguments: ["relative", "", "/a;b", "/a\r\nX-Evil: 1", "/ä", "/a\u{7F}"])
    func rejectsInvalidPaths(path: String) {
        #expect(throws: SetCookieError.invalidPath) { try SetCookie(name: "sid", value: "x", path: path) }
    }

    @Test(arguments: ["", ".", "evil.example; Secure", "a b", "exa\r\nmple", "exämple.fi", "example.fi:8080"])
    func rejectsInvalidDomains(domain: String) {
        #expect(throws: SetCookieError.invalidDomain) { try SetCookie(name: "sid", value: "x", domain: domain) }
    }

    @Test func acceptsLeadingDotDomain() throws {
        #expect(try SetCookie(name: "sid", value: "x", domain: ".example.fi").domain == ".example.fi")
    }

    @Test func rejectsNegativeMaxAge() {
        #expect(throws: SetCookieError.invalidMaxAge) { try SetCookie(name: "sid", value: "x", maxAge: -1) }
    }

    @Test func rejectsOversizedCookie() throws {
        #expect(throws: SetCookieError.tooLong) {
            try SetCookie(name: "big", value: String(repeating: "x", count: 4094))
        }
        #expect(try SetCookie(name: "big", value: String(repeating: "x", count: 4093)).value.count == 4093)
    }

    @Test func responseGetsOneFieldPerCookie() throws {
        var response = Response.text("ok")
        response.setCookie(try SetCookie(name: "a", value: "1"))
        response.setCookie(try SetCookie.expired(name: "b"))
        #expect(response.headers.values("Set-Cookie") == [
            "a=1; Path=/; HttpOnly; SameSite=Lax", "b=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
        ])
    }

    @Test func setCookieRoundTripsThroughCookieParser() throws {
        let cookie = try SetCookie(name: "sid", value: "s3cr3t-Token_1")
        let sent = String(cookie.headerValue.prefix { $0 != ";" })
        #expect(Cookies.parse(sent) == ["sid": "s3cr3t-Token_1"])
    }
}
