import Foundation

/// Slows down password guessing, per account and per client address.
///
/// A few failures are free (people mistype); after that each further attempt must wait, the wait
/// doubling per failure up to a cap. The account cap is short, so an attacker who guesses at
/// someone's login cannot keep that person out for long; the address cap is long, so one address
/// cannot guess quickly across many logins. Counters are forgotten an hour after the last failure
/// and on success. State is in memory: a restart forgets it, which only ever shortens a wait.
public final class SignInThrottle: @unchecked Sendable {
    public struct Policy: Sendable {
        public var freeFailures: Int
        public var maximumWait: TimeInterval

        public init(freeFailures: Int, maximumWait: TimeInterval) {
            self.freeFailures = freeFailures
            self.maximumWait = maximumWait
        }

        /// How long after the last failure the next attempt must wait, given `failures` so far.
        func wait(afterFailures failures: Int) -> TimeInterval {
            guard failures >= freeFailures else { return 0 }
            let exponent = min(failures - freeFailures, 30)
            return min(pow(2, Double(exponent)), maximumWait)
        }
    }

    public static let accountPolicy = Policy(freeFailures: 5, maximumWait: 60)
    public static let addressPolicy = Policy(freeFailures: 20, maximumWait: 15 * 60)
    static let forgetAfter: TimeInterval = 60 * 60
    static let maximumEntries = 100_000

    private struct Record {
        var failures: Int
        var lastFailure: Date
    }

    private let lock = NSLock()
    private var accounts: [String: Record] = [:]
    private var addresses: [String: Record] = [:]
    private let accountPolicy: Policy
    private let addressPolicy: Policy

    public init(accountPolicy: Policy = SignInThrottle.accountPolicy,
                addressPolicy: Policy = SignInThrottle.addressPolicy) {
        self.accountPolicy = accountPolicy
        self.addressPolicy = addressPolicy
    }

    /// Seconds to wait before `login` may be tried from `address`; 0 when allowed now.
    public func waitBeforeAttempt(login: String, address: String, now: Date = Date()) -> Int {
        lock.withLock {
            let accountWait = remaining(accounts[Self.key(login)], accountPolicy, now)
            let addressWait = remaining(addresses[address], addressPolicy, now)
            return Int(max(accountWait, addressWait).rounded(.up))
        }
    }

    public func recordFailure(login: String, address: String, now: Date = Date()) {
        lock.withLock {
            bump(&accounts, Self.key(login), now)
            bump(&addresses, address, now)
        }
    }

    public func recordSuccess(login: String, address: String) {
        lock.withLock {
            accounts[Self.key(login)] = nil
            addresses[address] = nil
        }
    }

    private func remaining(_ record: Record?, _ policy: Policy, _ now: Date) -> TimeInterval {
        guard let record, now.timeIntervalSince(record.lastFailure) < Self.forgetAfter else { return 0 }
        let until = record.lastFailure.addingTimeInterval(policy.wait(afterFailures: record.failures))
        return max(0, until.timeIntervalSince(now))
    }

    private func bump(_ table: inout [String: Record], _ key: String, _ now: Date) {
        if table.count >= Self.maximumEntries {
            // Bounded memory under a flood of distinct logins: drop what is old, else start over.
            table = table.filter { now.timeIntervalSince($0.value.lastFailure) < Self.forgetAfter }
            if table.count >= Self.maximumEntries { table.removeAll() }
        }
        var record = table[key] ?? Record(failures: 0, lastFailure: now)
        if now.timeIntervalSince(record.lastFailure) >= Self.forgetAfter { record.failures = 0 }
        record.failures += 1
        record.lastFailure = now
        table[key] = record
    }

    private static func key(_ login: String) -> String {
        login.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
