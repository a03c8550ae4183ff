import Foundation
import Testing
@testable import App

@Suite("Password hashing")
struct PasswordHasherTests {
    @Test func defaultStrengthMeetsASVS() {
        #expect(PasswordHasher().rounds >= 600_000)
        #expect(AppSettings().passwordRounds >= 600_000)
    }

    @Test func hashCarriesItsParametersAndVerifies() throws {
        let hasher = PasswordHasher(rounds: 1000)
        let stored = try hasher.hash("kissa123 koira")
        let parts = stored.split(separator: "$")
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha256")
        #expect(parts[1] == "1000")
        #expect(hasher.verify("kissa123 koira", against: stored))
        #expect(!hasher.verify("kissa123 koira ", against: stored))
        #expect(!hasher.verify("", against: stored))
    }

    @Test func samePasswordGetsDifferentSalts() throws {
        let hasher = PasswordHasher(rounds: 1000)
        #expect(try hasher.hash("salasana") != hasher.hash("salasana"))
    }

    @Test func weakerOrForeignHashesNeedRehash() throws {
        let weak = try PasswordHasher(rounds: 1000).hash("x")
        #expect(PasswordHasher(rounds: 2000).needsRehash(weak))
        #expect(!PasswordHasher(rounds: 1000).needsRehash(weak))
        #expect(PasswordHasher(rounds: 1000).needsRehash("md5$abc"))
    }

    @Test func malformedStoredHashesNeverVerify() {
        let hasher = PasswordHasher(rounds: 1000)
        for stored in ["", "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$10$!!$AAAA",
                       "scrypt$1$AAAA$AAAA", "pbkdf2-sha256$10$AAAA$AAAA"] {
            #expect(!hasher.verify("", against: stored))
        }
    }
}

@Suite("Sign-in throttling")
struct SignInThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func firstFailuresAreFreeThenWaitsDouble() {
        let throttle = SignInThrottle()
        for _ in 0..<5 {
            #expect(throttle.waitBeforeAttempt(login: "aino", address: "10.0.0.1", now: start) == 0)
            throttle.recordFailure(login: "aino", address: "10.0.0.1", now: start)
        }
        #expect(throttle.waitBeforeAttempt(login: "aino", address: "10.0.0.1", now: start) == 1)
        throttle.recordFailure(login: "aino", address: "10.0.0.1", now: start)
        #expect(throttle.waitBeforeAttempt(login: "Aino ", address: "10.0.0.9", now: start) == 2)
    }

    @Test func anAccountIsNeverLockedForLongerThanAMinute() {
        let throttle = SignInThrottle()
        for index in 0..<200 {
            // Many attackers' addresses, one victim's login.
            throttle.recordFailure(login: "victim", address: "10.0.\(index / 250).\(index % 250)", now: start)
        }
        #expect(throttle.waitBeforeAttempt(login: "victim", address: "192.168.1.1", now: start) == 60)
        #expect(throttle.waitBeforeAttempt(login: "victim", address: "192.168.1.1",
                                           now: start.addingTimeInterval(61)) == 0)
    }

    @Test func oneAddressGuessingManyLoginsIsSlowedDown() {
        let throttle = SignInThrottle()
        for index in 0..<30 {
            throttle.recordFailure(login: "user\(index)", address: "203.0.113.7", now: start)
        }
        #expect(throttle.waitBeforeAttempt(login: "someone-new", address: "203.0.113.7", now: start) > 60)
        #expect(throttle.waitBeforeAttempt(login: "someone-new", address: "203.0.113.8", now: start) == 0)
    }

    @Test func successAndTimeForget() {
        let throttle = SignInThrottle()
        for _ in 0..<8 { throttle.recordFailure(login: "aino", address: "a", now: start) }
        throttle.recordSuccess(login: "aino", address: "a")
        #expect(throttle.waitBeforeAttempt(login: "aino", address: "a", now: start) == 0)
        for _ in 0..<8 { throttle.recordFailure(login: "eero", address: "b", now: start) }
        #expect(throttle.waitBeforeAttempt(login: "eero", address: "b", now: start.addingTimeInterval(3601)) == 0)
    }
}
