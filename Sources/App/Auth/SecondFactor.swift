import Crypto
import Foundation
import HTTPServer
import Storage

/// The second factor of sign-ins with a local password: an authenticator app (TOTP) and recovery
/// codes. Secrets are sealed and codes hashed with keys derived from the server key, so a copy of
/// the database alone gives no one a working code.
struct SecondFactor: Sendable {
    /// How many recovery codes a person gets at a time.
    static let recoveryCodeCount = 10
    /// How long after typing the password (again) a person may change security settings.
    static let recentAuthentication: TimeInterval = 10 * 60

    let store: SecondFactorStore
    let pending: PendingSignIn
    let throttle: SecondFactorThrottle
    private let sealKey: [UInt8]
    private let recoveryKey: [UInt8]

    init(database: AppDatabase, attemptCounters: AttemptCounterStore?) {
        store = SecondFactorStore(database)
        pending = PendingSignIn(key: database.keyBytes(for: .pendingSignIn))
        throttle = SecondFactorThrottle(store: attemptCounters, hashKey: database.keyBytes(for: .attemptCounter))
        sealKey = database.keyBytes(for: .totpSecretSeal)
        recoveryKey = database.keyBytes(for: .recoveryCode)
    }

    /// 160 random bits, the length RFC 4226 recommends for HMAC-SHA-1.
    static func newSecret() -> [UInt8] { SecureRandom.bytes(20) }

    /// The secret sealed for one user: a sealed secret copied to another user's row does not open.
    func seal(_ secret: [UInt8], userID: Int64) throws -> Data {
        let box = try AES.GCM.seal(secret, using: SymmetricKey(data: sealKey), authenticating: Self.context(userID))
        guard let combined = box.combined else { throw SealingFailure() }
        return combined
    }

    func open(_ sealed: Data, userID: Int64) -> [UInt8]? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed),
              let secret = try? AES.GCM.open(box, using: SymmetricKey(data: sealKey), authenticating: Self.context(userID))
        else { return nil }
        return Array(secret)
    }

    /// Ten new recovery codes, each 50 random bits as `xxxxx-xxxxx` in lower-case base32.
    static func newRecoveryCodes() -> [String] {
        (0..<recoveryCodeCount).map { _ in
            let text = Base32.encode(SecureRandom.bytes(7)).lowercased().prefix(10)
            return text.prefix(5) + "-" + text.suffix(5)
        }
    }

    /// The stored form of a recovery code: case, spaces and dashes do not matter when typing it.
    func recoveryHash(_ typed: String) -> Data {
        let normalised = Self.normalisedRecoveryCode(typed)
        return Data(HMAC<SHA256>.authenticationCode(for: Data(normalised.utf8), using: SymmetricKey(data: recoveryKey)))
    }

    static func normalisedRecoveryCode(_ typed: String) -> String {
        String(typed.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    /// What the person typed, as a kind of code: six digits are from the app, ten letters and digits
    /// a recovery code.
    enum TypedCode {
        case authenticator(String)
        case recovery(String)
        case malformed
    }

    static func classify(_ typed: String) -> TypedCode {
        let compact = typed.filter { !$0.isWhitespace && $0 != "-" }
        if compact.count == 6, compact.allSatisfy({ $0.isASCII && $0.isNumber }) { return .authenticator(compact) }
        if normalisedRecoveryCode(typed).count == 10 { return .recovery(typed) }
        return .malformed
    }

    /// How a code was accepted, for the audit line.
    enum Accepted: String {
        case authenticator
        case recoveryCode = "recovery code"
    }

    /// Checks a typed code against the user's confirmed authenticator or unused recovery codes and
    /// uses it up; nil when it does not match (or was used already).
    func accept(_ typed: String, userID: Int64, now: Date) throws -> Accepted? {
        switch Self.classify(typed) {
        case .authenticator(let code):
            guard let factor = try store.factor(userID: userID), factor.isConfirmed,
                  let secret = open(factor.sealedSecret, userID: userID),
                  let step = TOTP(secret: secret).matchingStep(code, at: now),
                  try store.useStep(userID: userID, step: step)
            else { return nil }
            return .authenticator
        case .recovery(let code):
            return try store.useRecoveryCode(userID: userID, hash: recoveryHash(code), at: now) ? .recoveryCode : nil
        case .malformed:
            return nil
        }
    }

    /// Whether a session proved who its person is recently enough to change security settings: its
    /// sign-in, or the password typed again since.
    static func isRecent(_ session: Session, now: Date) -> Bool {
        let last = max(session.createdAt, session.reauthenticatedAt ?? .distantPast)
        return now.timeIntervalSince(last) <= recentAuthentication
    }

    private static func context(_ userID: Int64) -> Data {
        Data("totp-secret:user:\(userID)".utf8)
    }
}

/// AES-GCM with its standard 12-byte nonce always gives a combined box; this is for the type system.
struct SealingFailure: Error {}

/// A sign-in between the password and the second factor, carried by a short-lived cookie that names
/// the user and is MACed with a key of its own: no session exists until the code is right.
struct PendingSignIn: Sendable {
    static let lifetime: TimeInterval = 5 * 60
    let key: [UInt8]

    func cookieName(secure: Bool) -> String { secure ? "__Host-tt_second_factor" : "tt_second_factor" }

    /// The cookie's value: user id and expiry (big-endian) and their MAC, base64url.
    func token(userID: Int64, now: Date) -> String {
        var payload = Self.bytes(userID) + Self.bytes(Int64(now.addingTimeInterval(Self.lifetime).timeIntervalSince1970))
        payload += mac(payload)
        return Base64URL.encode(payload)
    }

    /// The user the token names, when its MAC is right and it has not expired.
    func userID(in token: String, now: Date) -> Int64? {
        guard let bytes = Base64URL.decode(token), bytes.count == 48 else { return nil }
        let payload = Array(bytes[0..<16])
        guard ConstantTime.equal(mac(payload), Array(bytes[16...])) else { return nil }
        let userID = Self.integer(payload[0..<8])
        let expires = Self.integer(payload[8..<16])
        return Double(expires) >= now.timeIntervalSince1970 ? userID : nil
    }

    func cookie(userID: Int64, now: Date, secure: Bool) throws -> SetCookie {
        try SetCookie(name: cookieName(secure: secure), value: token(userID: userID, now: now), path: "/",
                      maxAge: Int(Self.lifetime), secure: secure, httpOnly: true, sameSite: .strict)
    }

    private func mac(_ payload: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: key)))
    }

    private static func bytes(_ value: Int64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int64 {
        bytes.reduce(Int64(0)) { ($0 << 8) | Int64($1) }
    }
}

/// Slows down guessing of second-factor codes per account. A six-digit code has a million values
/// and three are valid at a time, so five free failures and then a doubling wait up to 15 minutes
/// keep a guesser's odds negligible while a person who mistypes is not locked out for long.
final class SecondFactorThrottle: Sendable {
    static let policy = AttemptPolicy(freeFailures: 5, maximumWait: 15 * 60, forgiveOneEvery: 15 * 60)
    private let accounts: AttemptCounter

    init(store: AttemptCounterStore?, hashKey: [UInt8]) {
        accounts = AttemptCounter(kind: "second-factor-account", policy: Self.policy, store: store, hashKey: hashKey)
    }

    func waitBeforeAttempt(userID: Int64, now: Date) -> Int {
        Int(accounts.wait(for: String(userID), now: now).rounded(.up))
    }

    func recordFailure(userID: Int64, now: Date) {
        accounts.recordFailure(String(userID), now: now)
    }

    func recordSuccess(userID: Int64) {
        accounts.clear(String(userID))
    }
}
