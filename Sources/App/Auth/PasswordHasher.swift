import Crypto
import Foundation
import _CryptoExtras

/// Hashes and verifies passwords with PBKDF2-HMAC-SHA256 at the OWASP ASVS 5.0 strength.
///
/// The stored form carries its own parameters — `pbkdf2-sha256$ROUNDS$SALT$HASH` (base64) — so the
/// round count can be raised later: `needsRehash` tells when a stored hash is weaker than today's.
/// PBKDF2 was chosen over scrypt because scrypt at N=2^17 needs 128 MiB per attempt, which a burst
/// of concurrent sign-ins would multiply.
public struct PasswordHasher: Sendable {
    /// OWASP ASVS 5.0 appendix C: at least 600,000 iterations for PBKDF2-HMAC-SHA256.
    public static let recommendedRounds = 600_000
    static let algorithm = "pbkdf2-sha256"
    static let saltByteCount = 16
    static let hashByteCount = 32

    public let rounds: Int

    public init(rounds: Int = PasswordHasher.recommendedRounds) {
        self.rounds = rounds
    }

    /// A new salted hash of `password`, in the stored form.
    public func hash(_ password: String) throws -> String {
        let salt = SecureRandom.bytes(Self.saltByteCount)
        let derived = try Self.derive(password, salt: salt, rounds: rounds)
        return [Self.algorithm, String(rounds), Data(salt).base64EncodedString(), Data(derived).base64EncodedString()]
            .joined(separator: "$")
    }

    /// Whether `password` matches `stored`; false for malformed stored values.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = StoredHash(stored),
              let derived = try? Self.derive(password, salt: parsed.salt, rounds: parsed.rounds)
        else { return false }
        return ConstantTime.equal(derived, parsed.hash)
    }

    /// Whether `stored` was made with fewer rounds than this hasher uses, or is not understood.
    public func needsRehash(_ stored: String) -> Bool {
        guard let parsed = StoredHash(stored) else { return true }
        return parsed.rounds < rounds
    }

    /// Whether `stored` is a password hash at all: sign-ins through the identity provider, and those
    /// whose person has not chosen a password yet, have a marker no password matches.
    public static func isUsable(_ stored: String) -> Bool {
        StoredHash(stored) != nil
    }

    /// Spends the same time as a real verification, so an unknown login answers no faster than a
    /// known one with a wrong password.
    public func verifyNothing(_ password: String) {
        _ = try? Self.derive(password, salt: [UInt8](repeating: 0, count: Self.saltByteCount), rounds: rounds)
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256,
            outputByteCount: hashByteCount, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }

    private struct StoredHash {
        let rounds: Int
        let salt: [UInt8]
        let hash: [UInt8]

        init?(_ stored: String) {
            let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
            guard parts.count == 4, parts[0] == PasswordHasher.algorithm,
                  let rounds = Int(parts[1]), rounds >= 1,
                  let salt = Data(base64Encoded: String(parts[2])),
                  let hash = Data(base64Encoded: String(parts[3])), hash.count == PasswordHasher.hashByteCount
            else { return nil }
            self.rounds = rounds
            self.salt = Array(salt)
            self.hash = Array(hash)
        }
    }
}
