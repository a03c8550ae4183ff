import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, over HOTP of RFC 4226), as authenticator apps make them:
/// HMAC-SHA-1 by default, 6 digits, a new code every 30 seconds counted from the Unix epoch.
struct TOTP: Sendable {
    enum Algorithm: String, Sendable {
        case sha1 = "SHA1", sha256 = "SHA256", sha512 = "SHA512"
    }

    let secret: [UInt8]
    var digits = 6
    var period: TimeInterval = 30
    var algorithm = Algorithm.sha1

    /// The number of the 30-second step `date` falls in (RFC 6238's T).
    func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    /// The code of one step, zero-padded to `digits`.
    func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = hmac(message)
        // Dynamic truncation (RFC 4226 5.3): four bytes from the offset the last nibble names.
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    func code(at date: Date) -> String {
        code(step: step(at: date))
    }

    /// The step whose code `typed` is, looking one step either side of `date` (phones' clocks drift
    /// and people type slowly); nil when none matches. Spaces the person typed are ignored.
    func matchingStep(_ typed: String, at date: Date, window: Int64 = 1) -> Int64? {
        let code = typed.filter { !$0.isWhitespace }
        guard code.count == digits, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { return nil }
        let now = step(at: date)
        var found: Int64?
        // Every candidate is compared, in constant time, so the time taken does not tell which matched.
        for candidate in (now - window)...(now + window) where ConstantTime.equal(self.code(step: candidate), code) {
            found = candidate
        }
        return found
    }

    /// The `otpauth://` URI authenticator apps read from the QR code.
    func provisioningURI(issuer: String, account: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "otpauth://totp/\(encoded(issuer)):\(encoded(account))?secret=\(Base32.encode(secret))"
            + "&issuer=\(encoded(issuer))&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(Int(period))"
    }

    private func hmac(_ message: Data) -> [UInt8] {
        let key = SymmetricKey(data: secret)
        switch algorithm {
        case .sha1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
    }
}

/// RFC 4648 base32 without padding, the alphabet authenticator apps take secrets in.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The secret in groups of four, easier to type by hand from the screen.
    static func grouped(_ bytes: [UInt8]) -> String {
        var groups: [String] = []
        var current = ""
        for character in encode(bytes) {
            current.append(character)
            if current.count == 4 { groups.append(current); current = "" }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.joined(separator: " ")
    }
}
