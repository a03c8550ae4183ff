import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a key derived from the server key is for. Every purpose gets its own key (HKDF with the
/// purpose's label), so a MAC or ciphertext made for one purpose is never valid for another.
public enum KeyPurpose: String, CaseIterable, Sendable {
    /// Sealing survey responses (ChaCha20-Poly1305).
    case responseSeal = "taitotutka/v1/survey-response-seal"
    /// Sealing survey drafts.
    case draftSeal = "taitotutka/v1/survey-draft-seal"
    /// The keyed hash under which a respondent's draft is stored.
    case draftKey = "taitotutka/v1/survey-draft-key"
    /// The keyed hash that records that an employee has answered a round.
    case answerCredential = "taitotutka/v1/answer-credential"
    /// The keyed hash under which a one-time code is stored.
    case surveyCode = "taitotutka/v1/survey-code"
    /// Which key a database belongs to (`server_key_check`).
    case fingerprint = "taitotutka/v1/key-fingerprint"
    /// The MAC of the own-profile cookie shown after answering.
    case ownProfileCookie = "taitotutka/v1/own-profile-cookie"
    /// The CSRF token of browsers without a session.
    case anonymousFormToken = "taitotutka/v1/anonymous-form-token"
    /// The keyed hash of a login or client address in the throttles' stored counters.
    case attemptCounter = "taitotutka/v1/attempt-counter"
    /// The keyed hash that records that an employee has given feedback on a training session.
    case trainingFeedbackCredential = "taitotutka/v1/training-feedback-credential"
    /// Sealing authenticator (TOTP) secrets (AES-GCM).
    case totpSecretSeal = "taitotutka/v1/totp-secret-seal"
    /// The keyed hash under which a recovery code is stored.
    case recoveryCode = "taitotutka/v1/recovery-code"
    /// The MAC of the cookie that carries a sign-in between the password and the second factor.
    case pendingSignIn = "taitotutka/v1/pending-sign-in"
}

/// The server's secret: 32 random bytes in a file outside the database, created at first start with
/// owner-only permissions. Survey responses and drafts are sealed, and who has answered is recorded,
/// with keys derived from it; a copy of the database without this file links no answer to anyone.
/// Losing it makes sealed survey data unreadable, so it is backed up separately (README).
public struct ServerKey: Sendable {
    /// The key's 32 bytes (kept as bytes: swift-crypto's `SymmetricKey` is not `Sendable`).
    private let bytes: [UInt8]

    /// A key from 32 bytes.
    public init(bytes: [UInt8]) throws(StorageError) {
        guard bytes.count == 32 else { throw .invalid("A server key is 32 bytes; this one has \(bytes.count).") }
        self.bytes = bytes
    }

    private init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A new random key (for a new installation and for tests).
    public static func generate() -> ServerKey {
        ServerKey(unchecked: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// The key for one purpose, as bytes.
    public func keyBytes(for purpose: KeyPurpose) -> [UInt8] {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: bytes), info: Array(purpose.rawValue.utf8),
                               outputByteCount: 32).withUnsafeBytes { Array($0) }
    }

    /// HMAC-SHA256 of `message` with the purpose's key.
    public func mac(_ purpose: KeyPurpose, _ message: some DataProtocol) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: keyBytes(for: purpose))))
    }

    /// The file's text: a comment line and the key in hexadecimal.
    static func fileText(_ bytes: [UInt8]) -> String {
        "# Taitotutka server key: keep secret, back up apart from the database (README: Where data lives).\n"
            + bytes.map { String(format: "%02x", $0) }.joined() + "\n"
    }

    /// Reads the key file at `path`; when it does not exist and `mayCreate`, creates it (owner-only
    /// permissions). Refuses a file that others may read.
    public static func loadOrCreate(path: String, mayCreate: Bool) throws(StorageError) -> ServerKey {
        if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        guard mayCreate else { throw .missingServerKey(path) }
        let key = generate()
        try write(fileText(key.bytes), to: path)
        return key
    }

    static func load(path: String) throws(StorageError) -> ServerKey {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
            throw .invalid("The server key file \(path) may be read by others; run `chmod 600 \(path)`.")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .fileSystem("cannot read the server key file \(path): no permission, or not a text file.")
        }
        let hex = text.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty } ?? ""
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex),
              let byte = UInt8(hex[index..<next], radix: 16) {
            bytes.append(byte)
            index = next
        }
        guard index == hex.endIndex else { throw .invalid("The server key file \(path) is not a Taitotutka key.") }
        return try ServerKey(bytes: bytes)
    }

    /// Creates the file exclusively with mode 0600 and writes `text`.
    private static func write(_ text: String, to path: String) throws(StorageError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .fileSystem("cannot create the server key file \(path): \(String(cString: strerror(errno))).")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            // A half-written key would be refused at the next start as "not a Taitotutka key".
            unlink(path)
            throw .fileSystem("cannot write the server key file \(path): \(reason).")
        }
    }
}

