import Crypto
import Foundation
import Storage

/// How one kind of counter of failed attempts slows the next attempt down.
public struct AttemptPolicy: Sendable {
    /// Failures that cost nothing: people mistype.
    public var freeFailures: Int
    /// The longest wait, however many failures.
    public var maximumWait: TimeInterval
    /// Counters decay with time: one failure is forgiven every so many seconds.
    public var forgiveOneEvery: TimeInterval

    public init(freeFailures: Int, maximumWait: TimeInterval, forgiveOneEvery: TimeInterval) {
        self.freeFailures = freeFailures
        self.maximumWait = maximumWait
        self.forgiveOneEvery = forgiveOneEvery
    }

    /// How long after the last failure the next attempt must wait, given `failures` so far: nothing
    /// while they are free, then doubling from one second up to the cap.
    func wait(afterFailures failures: Double) -> TimeInterval {
        let over = Int(failures.rounded(.down)) - freeFailures
        guard over >= 0 else { return 0 }
        return min(pow(2, Double(min(over, 30))), maximumWait)
    }

    /// `count` as it stands at `now`: one failure forgiven for every whole `forgiveOneEvery` since the
    /// last one.
    func decayed(_ count: AttemptCount, at now: Date) -> Double {
        let forgiven = (max(0, now.timeIntervalSince(count.lastFailure)) / forgiveOneEvery).rounded(.down)
        return max(0, count.failures - forgiven)
    }
}

/// Counters of failed attempts per key (an account, a client address), in memory and kept in the
/// database so a restart does not give a guesser a fresh start. Keys are stored as keyed hashes.
final class AttemptCounter: @unchecked Sendable {
    static let maximumEntries = 100_000

    let policy: AttemptPolicy
    private let kind: String
    private let store: AttemptCounterStore?
    private let hashKey: SymmetricKey
    private let lock = NSLock()
    private var counts: [String: AttemptCount] = [:]

    /// `store` nil keeps the counters in memory only (tests). Loading what is stored is best effort: a
    /// database that cannot be read must not keep the server from starting.
    init(kind: String, policy: AttemptPolicy, store: AttemptCounterStore?, hashKey: [UInt8], now: Date = Date()) {
        self.kind = kind
        self.policy = policy
        self.store = store
        self.hashKey = SymmetricKey(data: hashKey)
        if let store {
            try? store.deleteDecayed(kind: kind, forgiveOneEvery: policy.forgiveOneEvery, now: now)
            counts = (try? store.counters(kind: kind)) ?? [:]
        }
    }

    /// Seconds the next attempt for `key` must wait; 0 when it may go now.
    func wait(for key: String, now: Date) -> TimeInterval {
        let hashed = hash(key)
        return lock.withLock {
            guard let count = counts[hashed] else { return 0 }
            let until = count.lastFailure.addingTimeInterval(policy.wait(afterFailures: count.failures))
            return max(0, until.timeIntervalSince(now))
        }
    }

    func recordFailure(_ key: String, now: Date) {
        let hashed = hash(key)
        let count: AttemptCount = lock.withLock {
            if counts.count >= Self.maximumEntries { dropDecayed(now: now) }
            let before = counts[hashed].map { policy.decayed($0, at: now) } ?? 0
            let count = AttemptCount(failures: before + 1, lastFailure: now)
            counts[hashed] = count
            return count
        }
        // Best effort: the counter in memory holds even when the database cannot take the write.
        try? store?.save(kind: kind, keyHash: hashed, count)
    }

    func clear(_ key: String) {
        let hashed = hash(key)
        let existed = lock.withLock { counts.removeValue(forKey: hashed) != nil }
        if existed { try? store?.delete(kind: kind, keyHash: hashed) }
    }

    /// Bounded memory under a flood of distinct keys: drop what has decayed, else start over.
    private func dropDecayed(now: Date) {
        counts = counts.filter { policy.decayed($0.value, at: now) > 0 }
        if counts.count >= Self.maximumEntries { counts.removeAll() }
    }

    private func hash(_ key: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(key.utf8), using: hashKey)
        return mac.map { String(format: "%02x", $0) }.joined()
    }
}

/// Slows down password guessing, per account and per client address.
///
/// A few failures are free (people mistype); after that each further attempt must wait, the wait
/// doubling per failure up to a cap. The account cap is short, so an attacker who guesses at
/// someone's login cannot keep that person out for long; the address cap is long, so one address
/// cannot guess quickly across many logins. A successful sign-in clears only its own account's
/// counter: clearing the address's too would let anyone with one valid account guess without limit
/// by signing in between guesses. Address counters only decay with time.
public final class SignInThrottle: Sendable {
    public static let accountPolicy = AttemptPolicy(freeFailures: 5, maximumWait: 60, forgiveOneEvery: 12 * 60)
    /// Twenty failures at once, then about two a minute: room for a shared office address where many
    /// mistype in the morning, none for spraying guesses.
    public static let addressPolicy = AttemptPolicy(freeFailures: 20, maximumWait: 15 * 60, forgiveOneEvery: 30)

    private let accounts: AttemptCounter
    private let addresses: AttemptCounter

    public convenience init() {
        self.init(store: nil, hashKey: SecureRandom.bytes(32))
    }

    init(store: AttemptCounterStore?, hashKey: [UInt8]) {
        accounts = AttemptCounter(kind: "sign-in-account", policy: Self.accountPolicy, store: store, hashKey: hashKey)
        addresses = AttemptCounter(kind: "sign-in-address", policy: Self.addressPolicy, store: store, hashKey: hashKey)
    }

    /// Seconds to wait before `login` may be tried from `address`; 0 when allowed now.
    public func waitBeforeAttempt(login: String, address: String, now: Date = Date()) -> Int {
        let wait = max(accounts.wait(for: Self.key(login), now: now), addresses.wait(for: address, now: now))
        return Int(wait.rounded(.up))
    }

    public func recordFailure(login: String, address: String, now: Date = Date()) {
        accounts.recordFailure(Self.key(login), now: now)
        addresses.recordFailure(address, now: now)
    }

    /// Clears the account's counter only (see the type's comment).
    public func recordSuccess(login: String, address: String) {
        accounts.clear(Self.key(login))
    }

    private static func key(_ login: String) -> String {
        login.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// Slows down guessing of one-time survey codes, per client address. A code that works clears
/// nothing: one valid code must not buy a guesser a fresh start.
final class CodeThrottle: Sendable {
    static let policy = AttemptPolicy(freeFailures: 10, maximumWait: 15 * 60, forgiveOneEvery: 60)
    private let addresses: AttemptCounter

    init(store: AttemptCounterStore?, hashKey: [UInt8]) {
        addresses = AttemptCounter(kind: "survey-code-address", policy: Self.policy, store: store, hashKey: hashKey)
    }

    func waitBeforeAttempt(address: String, now: Date = Date()) -> Int {
        Int(addresses.wait(for: address, now: now).rounded(.up))
    }

    func recordFailure(address: String, now: Date = Date()) {
        addresses.recordFailure(address, now: now)
    }
}
