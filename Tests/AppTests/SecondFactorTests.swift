import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// RFC 6238's own test vectors: the secrets are the ASCII digits repeated to the hash's key length.
@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    static let vectors: [(time: TimeInterval, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    static func secret(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(ascii: "0") + UInt8(($0 + 1) % 10) }
    }

    @Test func rfc6238TestVectors() {
        let sha1 = TOTP(secret: Self.secret(20), digits: 8, algorithm: .sha1)
        let sha256 = TOTP(secret: Self.secret(32), digits: 8, algorithm: .sha256)
        let sha512 = TOTP(secret: Self.secret(64), digits: 8, algorithm: .sha512)
        for vector in Self.vectors {
            let date = Date(timeIntervalSince1970: vector.time)
            #expect(sha1.code(at: date) == vector.sha1, "SHA1 at \(vector.time)")
            #expect(sha256.code(at: date) == vector.sha256, "SHA256 at \(vector.time)")
            #expect(sha512.code(at: date) == vector.sha512, "SHA512 at \(vector.time)")
        }
    }

    @Test func sixDigitCodesAreTheLastSixOfTheEightAndKeepLeadingZeros() {
        let totp = TOTP(secret: Self.secret(20))
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
    }

    @Test func aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        let totp = TOTP(secret: Self.secret(20))
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(step: step), at: now) == step)
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now) == step - 1)
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now) == step + 1)
        #expect(totp.matchingStep(totp.code(step: step - 2), at: now) == nil)
        #expect(totp.matchingStep(totp.code(step: step + 2), at: now) == nil)
        // Spaces as apps show them are fine; letters, other lengths and full-width digits are not.
        let code = totp.code(step: step)
        #expect(totp.matchingStep(code.prefix(3) + " " + code.suffix(3), at: now) == step)
        for wrong in ["", "12345", "1234567", "abcdef", "１２３４５６"] {
            #expect(totp.matchingStep(wrong, at: now) == nil)
        }
    }

    @Test func base32IsRFC4648() {
        let cases = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
                     ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in cases {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
        }
        #expect(Base32.grouped(Array("foobar".utf8)) == "MZXW 6YTB OI")
    }

    @Test func theProvisioningURINamesTheIssuerAndTheAccount() {
        let uri = TOTP(secret: Array("foobar".utf8)).provisioningURI(issuer: "Taitotutka", account: "hr.järvelä")
        #expect(uri == "otpauth://totp/Taitotutka:hr.j%C3%A4rvel%C3%A4?secret=MZXW6YTBOI&issuer=Taitotutka"
                + "&algorithm=SHA1&digits=6&period=30")
    }

    @Test func thePendingSignInCookieIsMACedAndExpires() {
        let pending = PendingSignIn(key: Array(repeating: 7, count: 32))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let token = pending.token(userID: 42, now: now)
        #expect(pending.userID(in: token, now: now) == 42)
        #expect(pending.userID(in: token, now: now.addingTimeInterval(PendingSignIn.lifetime)) == 42)
        #expect(pending.userID(in: token, now: now.addingTimeInterval(PendingSignIn.lifetime + 1)) == nil)
        #expect(PendingSignIn(key: Array(repeating: 8, count: 32)).userID(in: token, now: now) == nil)
        // Another user id with the same MAC does not pass.
        var bytes = Base64URL.decode(token) ?? []
        bytes[7] ^= 1
        #expect(pending.userID(in: Base64URL.encode(bytes), now: now) == nil)
        #expect(pending.userID(in: "not a token", now: now) == nil)
    }

    @Test func recoveryCodesAreTenDistinctAndTypedLoosely() {
        let codes = SecondFactor.newRecoveryCodes()
        #expect(codes.count == 10 && Set(codes).count == 10)
        #expect(codes.allSatisfy { $0.count == 11 && $0.dropFirst(5).first == "-" })
        guard case .recovery = SecondFactor.classify(codes[0].uppercased().replacingOccurrences(of: "-", with: " ")) else {
            Issue.record("a recovery code typed in capitals with a space was not recognised")
            return
        }
        guard case .authenticator("123456") = SecondFactor.classify(" 123 456 ") else {
            Issue.record("six digits with spaces were not an authenticator code")
            return
        }
    }
}

extension TestClock {
    func advance(_ seconds: TimeInterval) { set(now.addingTimeInterval(seconds)) }
}

/// Signing in with a second factor: required for HR, coordinators and administrators with a local
/// password, optional for others; codes used once, throttled, recovery codes, re-authentication.
@Suite("Second factor")
struct SecondFactorTests {
    let test: TestApp
    // Starts at the real time: sessions are stamped by the system clock, codes and re-authentication by this one.
    let clock = TestClock(Date())

    init() throws {
        var settings = TestApp.fastSettings
        settings.secondFactorRoles = [.hr, .tutorCoordinator, .admin]
        let clock = self.clock
        settings.now = { clock.now }
        test = try TestApp(settings: settings)
        _ = try World(test)
    }

    /// Posts the password; returns the browser and where the sign-in sent it.
    func password(_ login: String) throws -> (Browser, String) {
        var browser = Browser(app: test)
        _ = try browser.get("/sign-in")
        let response = try browser.post("/sign-in", ["login": login, "password": TestApp.password, "next": "/me"])
        #expect(response.status.code == 303)
        return (browser, response.headers["Location"] ?? "")
    }

    func hasSession(_ browser: Browser) -> Bool { browser.cookies["tt_session"] != nil }

    /// The secret shown on the set-up page (grouped base32), as bytes.
    func secret(onPage body: String) throws -> [UInt8] {
        let marker = "<code class=\"secret\">"
        let range = try #require(body.range(of: marker))
        let grouped = body[range.upperBound...].prefix { $0 != "<" }
        return try #require(Self.base32Decode(grouped.replacingOccurrences(of: " ", with: "")))
    }

    static func base32Decode(_ text: String) -> [UInt8]? {
        var buffer: UInt32 = 0
        var bits = 0
        var output: [UInt8] = []
        for character in text.utf8 {
            guard let index = Base32.alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(index)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return output
    }

    func code(_ secret: [UInt8], stepsAhead: Int64 = 0) -> String {
        let totp = TOTP(secret: secret)
        return totp.code(step: totp.step(at: clock.now) + stepsAhead)
    }

    /// HR's first sign-in: password, set-up page, first code; returns the browser, secret and codes.
    func enrolHR() throws -> (Browser, [UInt8], [String]) {
        var (browser, location) = try password("hr")
        #expect(location.hasPrefix("/sign-in/second-factor/setup"))
        let page = try browser.get(location)
        let secret = try secret(onPage: page.text)
        let done = try browser.post("/sign-in/second-factor/setup", ["code": code(secret), "next": "/me"])
        #expect(done.status.code == 200)
        let codes = done.text.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(11)) }
        return (browser, secret, codes)
    }

    @Test func hrMustSetUpAnAuthenticatorBeforeAnySessionStarts() throws {
        var (browser, location) = try password("hr")
        #expect(location == "/sign-in/second-factor/setup?next=%2Fme")
        #expect(!hasSession(browser))
        // Without the code HR is not signed in: home sends to sign-in.
        #expect(try browser.get("/organisations/jarvela").status.code == 303)
        let page = try browser.get(location)
        #expect(page.status.code == 200)
        #expect(page.text.contains("<svg") && page.text.contains("authenticator-qr"))
        #expect(page.headers["Cache-Control"] == "no-store")
        let secret = try secret(onPage: page.text)
        #expect(secret.count == 20)
        let wrong = try browser.post("/sign-in/second-factor/setup", ["code": "000000", "next": "/me"])
        #expect(wrong.status.code == 422 && !hasSession(browser))
        let done = try browser.post("/sign-in/second-factor/setup", ["code": code(secret), "next": "/me"])
        #expect(done.status.code == 200 && hasSession(browser))
        #expect(done.text.components(separatedBy: "<li><code>").count == 11)
        #expect(try browser.get("/organisations/jarvela").status.code == 200)
        #expect(browser.cookies["tt_second_factor"] == nil)
        let audit = try AuditStore(test.database).latest(limit: 10).map(\.action)
        #expect(audit.contains("second_factor.set_up") && audit.contains("sign_in.success"))
    }

    @Test func theSecretIsStoredSealedAndTheRecoveryCodesHashed() throws {
        let (_, secret, codes) = try enrolHR()
        let stored = try test.database.reading { db in
            try Data.fetchOne(db, sql: "SELECT secret_sealed FROM totp_factors") ?? Data()
        }
        #expect(!stored.isEmpty && stored.range(of: Data(secret)) == nil)
        let hashes = try test.database.reading { db in try Data.fetchAll(db, sql: "SELECT code_hash FROM recovery_codes") }
        #expect(hashes.count == 10)
        for code in codes { #expect(!hashes.contains(Data(code.utf8))) }
    }

    @Test func theNextSignInAsksTheCodeAndACodeWorksOnce() throws {
        var (enrolled, secret, _) = try enrolHR()
        _ = try enrolled.get("/")
        _ = try enrolled.post("/sign-out", [:])
        var (browser, location) = try password("hr")
        #expect(location == "/sign-in/second-factor?next=%2Fme")
        _ = try browser.get(location)
        // The code the set-up used, in the same 30 seconds, is refused: no code works twice.
        let replay = try browser.post("/sign-in/second-factor", ["code": code(secret), "next": "/me"])
        #expect(replay.status.code == 422 && !hasSession(browser))
        clock.advance(30)
        let accepted = try browser.post("/sign-in/second-factor", ["code": code(secret), "next": "/me"])
        #expect(accepted.status.code == 303 && accepted.headers["Location"] == "/me" && hasSession(browser))
    }

    @Test func wrongCodesAreThrottledPerAccount() throws {
        var (enrolled, secret, _) = try enrolHR()
        _ = try enrolled.get("/")
        _ = try enrolled.post("/sign-out", [:])
        var (browser, location) = try password("hr")
        _ = try browser.get(location)
        var statuses: [Int] = []
        for _ in 0..<7 {
            statuses.append(try browser.post("/sign-in/second-factor", ["code": "123456", "next": "/"]).status.code)
        }
        // Five mistakes are free; then each attempt waits, doubling, and a wait is not a failure.
        #expect(statuses.prefix(5).allSatisfy { $0 == 422 })
        #expect(statuses.suffix(2).allSatisfy { $0 == 429 })
        let waiting = try browser.post("/sign-in/second-factor", ["code": code(secret), "next": "/"])
        #expect(waiting.status.code == 429 && waiting.headers["Retry-After"] == "1")
        clock.advance(30)
        let accepted = try browser.post("/sign-in/second-factor", ["code": code(secret), "next": "/"])
        #expect(accepted.status.code == 303 && hasSession(browser))
        let audit = try AuditStore(test.database).latest(limit: 20).map(\.action)
        #expect(audit.contains("second_factor.failure") && audit.contains("second_factor.throttled"))
    }

    @Test func aRecoveryCodeSignsInOnceAndLandsOnTheSecuritySettings() throws {
        var (enrolled, _, codes) = try enrolHR()
        _ = try enrolled.get("/")
        _ = try enrolled.post("/sign-out", [:])
        var (browser, location) = try password("hr")
        _ = try browser.get(location)
        let typed = codes[3].uppercased()
        let accepted = try browser.post("/sign-in/second-factor", ["code": typed, "next": "/"])
        #expect(accepted.status.code == 303 && hasSession(browser))
        #expect(accepted.headers["Location"] == "/account/security?notice=recovery_code_used")
        let page = try browser.get("/account/security?notice=recovery_code_used")
        #expect(page.text.contains("9"))
        _ = try browser.post("/sign-out", [:])
        var (again, next) = try password("hr")
        _ = try again.get(next)
        #expect(try again.post("/sign-in/second-factor", ["code": typed, "next": "/"]).status.code == 422)
    }

    @Test func anEmployeeSignsInWithThePasswordAloneUntilTheyTurnTheAuthenticatorOn() throws {
        var (browser, location) = try password("tyontekija")
        #expect(location == "/me" && hasSession(browser))
        let security = try browser.get("/account/security")
        #expect(security.status.code == 200 && security.text.contains("/account/security/authenticator"))
        let page = try browser.get("/account/security/authenticator")
        #expect(page.status.code == 200)
        let secret = try secret(onPage: page.text)
        let done = try browser.post("/account/security/authenticator", ["code": code(secret)])
        #expect(done.status.code == 200 && done.text.contains("<li><code>"))
        _ = try browser.post("/sign-out", [:])
        let (_, second) = try password("tyontekija")
        #expect(second.hasPrefix("/sign-in/second-factor?"))
    }

    @Test func securityChangesNeedThePasswordAgainAfterTenMinutes() throws {
        var (browser, _) = try password("tyontekija")
        clock.advance(11 * 60)
        _ = try browser.get("/account/security")
        let refused = try browser.get("/account/security/authenticator")
        #expect(refused.status.code == 303 && refused.headers["Location"] == "/account/security?notice=confirm_identity_first")
        _ = try browser.get("/account/security")
        let wrong = try browser.post("/account/security/confirm", ["password": "wrong"])
        #expect(wrong.status.code == 422)
        let right = try browser.post("/account/security/confirm", ["password": TestApp.password])
        #expect(right.status.code == 303)
        #expect(try browser.get("/account/security/authenticator").status.code == 200)
        let audit = try AuditStore(test.database).latest(limit: 10).map(\.action)
        #expect(audit.contains("security.reauthenticate") && audit.contains("security.reauthenticate_failure"))
    }

    @Test func aRequiredAuthenticatorCannotBeTurnedOffButAnOptionalOneCan() throws {
        var (hr, _, _) = try enrolHR()
        _ = try hr.get("/account/security")
        #expect(try hr.post("/account/security/authenticator/remove", [:]).status.code == 403)
        #expect(try SecondFactorStore(test.database).factor(userID: try userID("hr"))?.isConfirmed == true)

        var (employee, _) = try password("tyontekija")
        let page = try employee.get("/account/security/authenticator")
        _ = try employee.post("/account/security/authenticator", ["code": code(try secret(onPage: page.text))])
        _ = try employee.get("/account/security")
        let removed = try employee.post("/account/security/authenticator/remove", [:])
        #expect(removed.status.code == 303)
        #expect(try SecondFactorStore(test.database).factor(userID: try userID("tyontekija")) == nil)
    }

    @Test func newRecoveryCodesReplaceTheOldOnes() throws {
        var (hr, _, old) = try enrolHR()
        _ = try hr.get("/account/security")
        let page = try hr.post("/account/security/recovery-codes", [:])
        let fresh = page.text.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(11)) }
        #expect(fresh.count == 10 && Set(fresh).isDisjoint(with: old))
        let hrID = try userID("hr")
        let factor = SecondFactor(database: test.database, attemptCounters: nil)
        #expect(try factor.store.useRecoveryCode(userID: hrID, hash: factor.recoveryHash(old[0]), at: clock.now) == false)
        #expect(try factor.store.useRecoveryCode(userID: hrID, hash: factor.recoveryHash(fresh[0]), at: clock.now))
    }

    @Test func anAdministratorResetsALostPhoneAndTheUsersSessionsEnd() throws {
        var (hr, _, _) = try enrolHR()
        #expect(try hr.get("/organisations/jarvela").status.code == 200)
        // The administrator's own sign-in asks them to set up their authenticator first.
        var (admin, location) = try password("admin")
        let setup = try admin.get(location)
        _ = try admin.post("/sign-in/second-factor/setup", ["code": code(try secret(onPage: setup.text)), "next": "/"])
        let hrID = try userID("hr")
        _ = try admin.get("/users/\(hrID)")
        #expect(admin.lastBody.contains("/users/\(hrID)/second-factor/reset"))
        let reset = try admin.post("/users/\(hrID)/second-factor/reset", [:])
        #expect(reset.status.code == 303)
        #expect(try SecondFactorStore(test.database).factor(userID: hrID) == nil)
        #expect(try hr.get("/organisations/jarvela").status.code == 303)
        let (_, next) = try password("hr")
        #expect(next.hasPrefix("/sign-in/second-factor/setup"))
        #expect(try AuditStore(test.database).latest(limit: 10).contains { $0.action == "user.second_factor_reset" })
    }

    @Test func theCodeStepNeedsAValidPendingSignIn() throws {
        var browser = Browser(app: test)
        let page = try browser.get("/sign-in/second-factor")
        #expect(page.status.code == 303 && page.headers["Location"] == "/sign-in?notice=second_factor_expired")
        browser.cookies["tt_second_factor"] = "AAAA"
        #expect(try browser.get("/sign-in/second-factor/setup").headers["Location"] == "/sign-in?notice=second_factor_expired")
        // After five minutes the pending sign-in is gone: the password is asked again.
        var (pending, location) = try password("hr")
        clock.advance(PendingSignIn.lifetime + 1)
        #expect(try pending.get(location).headers["Location"] == "/sign-in?notice=second_factor_expired")
    }

    @Test func aDisabledUserCannotFinishTheCodeStep() throws {
        var (browser, location) = try password("hr")
        let page = try browser.get(location)
        let secret = try secret(onPage: page.text)
        try UserStore(test.database).setDisabled(userID: try userID("hr"), disabled: true)
        let done = try browser.post("/sign-in/second-factor/setup", ["code": code(secret), "next": "/"])
        #expect(done.status.code == 303 && !hasSession(browser))
    }

    func userID(_ login: String) throws -> Int64 {
        try #require(try UserStore(test.database).user(loginOrEmail: login)).id
    }
}
