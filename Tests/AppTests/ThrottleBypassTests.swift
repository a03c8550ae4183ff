import Foundation
import GRDB
import HTTPServer
import Logging
import Testing
@testable import App
@testable import Storage

/// The two ways around the throttles found in testing, and a restart, which must not help a guesser.
@Suite("Throttles that hold")
struct ThrottleBypassTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aValidSignInBetweenGuessesDoesNotClearTheAddress() {
        let throttle = SignInThrottle()
        var slowed = false
        for index in 0..<57 {
            if throttle.waitBeforeAttempt(login: "user\(index)", address: "203.0.113.7", now: start) > 0 {
                slowed = true
                break
            }
            throttle.recordFailure(login: "user\(index)", address: "203.0.113.7", now: start)
            if index % 19 == 18 { throttle.recordSuccess(login: "own.account", address: "203.0.113.7") }
        }
        #expect(slowed)
        #expect(throttle.waitBeforeAttempt(login: "anyone", address: "203.0.113.7", now: start) > 0)
    }

    @Test func aSuccessClearsItsOwnAccountOnly() {
        let throttle = SignInThrottle()
        for _ in 0..<8 { throttle.recordFailure(login: "aino", address: "10.0.0.1", now: start) }
        for _ in 0..<8 { throttle.recordFailure(login: "eero", address: "10.0.0.2", now: start) }
        throttle.recordSuccess(login: "aino", address: "10.0.0.1")
        #expect(throttle.waitBeforeAttempt(login: "aino", address: "10.0.0.3", now: start) == 0)
        #expect(throttle.waitBeforeAttempt(login: "eero", address: "10.0.0.3", now: start) > 0)
    }

    @Test func addressCountersDecayWithTime() {
        let throttle = SignInThrottle()
        for index in 0..<30 { throttle.recordFailure(login: "u\(index)", address: "a", now: start) }
        #expect(throttle.waitBeforeAttempt(login: "new", address: "a", now: start) > 60)
        // A failure is forgiven every 30 seconds: after ten minutes the address is well under its free 20.
        let later = start.addingTimeInterval(10 * 60)
        throttle.recordFailure(login: "new", address: "a", now: later)
        #expect(throttle.waitBeforeAttempt(login: "other", address: "a", now: later) == 0)
    }

    @Test func throttlesSurviveARestart() throws {
        let test = try TestApp()
        let store = AttemptCounterStore(test.database)
        let key = test.database.keyBytes(for: .attemptCounter)
        let before = SignInThrottle(store: store, hashKey: key)
        for index in 0..<30 { before.recordFailure(login: "u\(index)", address: "198.51.100.4") }
        let codesBefore = CodeThrottle(store: store, hashKey: key)
        for _ in 0..<12 { codesBefore.recordFailure(address: "198.51.100.4") }

        let after = SignInThrottle(store: store, hashKey: key)
        #expect(after.waitBeforeAttempt(login: "u0", address: "198.51.100.4") > 60)
        #expect(after.waitBeforeAttempt(login: "someone", address: "198.51.100.5") == 0)
        #expect(CodeThrottle(store: store, hashKey: key).waitBeforeAttempt(address: "198.51.100.4") > 0)

        // What is stored names neither the logins nor the address.
        let keys = try test.database.pool.read { db in try String.fetchAll(db, sql: "SELECT key_hash FROM attempt_counters") }
        #expect(!keys.isEmpty)
        #expect(!keys.contains { $0.contains("198.51") || $0.hasPrefix("u") && $0.count < 10 })
    }

    @Test func aWorkingSurveyCodeDoesNotResetTheCodeThrottle() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        let codes = (0..<3).map { _ in SurveyCode.generate() }
        try SurveyResponseStore(test.database).addCodes(
            hashes: codes.compactMap { SurveyCode.normalise($0).map(SurveyCode.hash) }, roundID: round.id,
            unitID: world.unitB.id, day: CalendarDate.today())
        var guesser = Browser(app: test)
        _ = try guesser.get("/k")
        var statuses: [Int] = []
        for attempt in 0..<30 {
            if attempt % 9 == 8, let code = codes.first(where: { _ in true }) {
                // One valid code every nine guesses, as someone holding a slip could do.
                statuses.append(try guesser.post("/k", ["code": code]).status.code)
                _ = try guesser.get("/k")
                continue
            }
            statuses.append(try guesser.post("/k", ["code": "AAAA-AAAA-AA\(attempt % 10)"]).status.code)
        }
        #expect(statuses.contains(429), "\(statuses)")
    }
}
