import Crypto
import Foundation
import HTTPServer

/// Carries a respondent's own area scores from the submission to the thank-you page, in their own
/// browser only. In an anonymous round the server must not keep anything that ties these scores to the
/// person, so they are not stored with the session; the HMAC stops anyone from forging a profile.
enum ProfileCookie {
    static let name = "tt_profile"
    /// Long enough to read the page, short enough not to linger on a shared computer.
    static let lifetime = 60 * 60

    /// A cookie such as `12_3x350_4x420.MAC`: round 12, area 3 scored 3.50, area 4 scored 4.20.
    static func make(roundID: Int64, scores: [Int64: Double], key: [UInt8], secure: Bool) -> SetCookie? {
        let fields = scores.sorted { $0.key < $1.key }.map { "\($0.key)x\(Int(($0.value * 100).rounded()))" }
        let payload = ([String(roundID)] + fields).joined(separator: "_")
        return try? SetCookie(name: name, value: payload + "." + mac(payload, key: key), path: "/", maxAge: lifetime,
                              secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The scores in `value` when it is an untampered profile of `roundID`.
    static func scores(in value: String?, roundID: Int64, key: [UInt8]) -> [Int64: Double]? {
        guard let value, let dot = value.lastIndex(of: ".") else { return nil }
        let payload = String(value[..<dot])
        guard ConstantTime.equal(String(value[value.index(after: dot)...]), mac(payload, key: key)) else { return nil }
        let fields = payload.split(separator: "_")
        guard fields.first.flatMap({ Int64($0) }) == roundID else { return nil }
        var scores: [Int64: Double] = [:]
        for field in fields.dropFirst() {
            let parts = field.split(separator: "x")
            guard parts.count == 2, let area = Int64(parts[0]), let hundredths = Int(parts[1]) else { return nil }
            scores[area] = Double(hundredths) / 100
        }
        return scores
    }

    private static func mac(_ payload: String, key: [UInt8]) -> String {
        // A distinct prefix keeps these MACs from ever equalling a CSRF token made with the same key.
        let code = HMAC<SHA256>.authenticationCode(for: Array(("profile:" + payload).utf8), using: SymmetricKey(data: key))
        return Base64URL.encode(Array(code))
    }
}
