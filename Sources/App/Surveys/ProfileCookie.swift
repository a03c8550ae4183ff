import Crypto
import Foundation
import HTTPServer

/// Carries a respondent's own area scores from the submission to the thank-you page, in their own
/// browser only: in an anonymous round the server keeps nothing that ties these scores to the person.
///
/// It cannot be forged or carried over to someone else: its MAC has a key of its own (derived for
/// this purpose only, so no other MAC the server makes is ever a valid profile), and covers the
/// respondent's session or code, so it is void in any other session, after sign-out or after a new
/// code. It lives ten minutes, is cleared at sign-out and when a code is entered, and is shown once
/// by itself; after that only when the respondent presses a button for it.
struct ProfileCookie: Sendable {
    static let name = "tt_profile"
    /// Long enough to read the page, short enough not to linger on a shared device.
    static let lifetime = 10 * 60

    /// The MAC key (`KeyPurpose.ownProfileCookie`).
    let key: [UInt8]

    /// What the cookie says.
    struct Content: Equatable {
        let roundID: Int64
        /// Area id → score.
        let scores: [Int64: Double]
        /// Seconds since 1970 when the response was submitted.
        let issuedAt: Int
        /// Whether the thank-you page has shown it once already.
        let shown: Bool
    }

    /// A cookie such as `12.1765000000.0.3x350_4x420.MAC`: round 12, submitted at that second, not yet
    /// shown, area 3 scored 3.50 and area 4 scored 4.20. `binding` is the respondent's session token
    /// hash or code hash.
    func make(_ content: Content, binding: Data, secure: Bool) -> SetCookie? {
        let payload = Self.payload(content)
        let remaining = max(0, Self.lifetime - (Int(Date().timeIntervalSince1970) - content.issuedAt))
        return try? SetCookie(name: Self.name, value: payload + "." + mac(payload, binding: binding), path: "/",
                              maxAge: remaining, secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The content of `value` when it is an untampered, unexpired profile of `roundID` for `binding`.
    func read(_ value: String?, roundID: Int64, binding: Data, now: Date = Date()) -> Content? {
        guard let value, let dot = value.lastIndex(of: ".") else { return nil }
        let payload = String(value[..<dot])
        guard ConstantTime.equal(String(value[value.index(after: dot)...]), mac(payload, binding: binding))
        else { return nil }
        let fields = payload.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 4, Int64(fields[0]) == roundID, let issuedAt = Int(fields[1]),
              fields[2] == "0" || fields[2] == "1" else { return nil }
        let age = Int(now.timeIntervalSince1970) - issuedAt
        guard age >= 0, age <= Self.lifetime else { return nil }
        var scores: [Int64: Double] = [:]
        for field in fields[3].split(separator: "_") {
            let parts = field.split(separator: "x")
            guard parts.count == 2, let area = Int64(parts[0]), let hundredths = Int(parts[1]) else { return nil }
            scores[area] = Double(hundredths) / 100
        }
        return Content(roundID: roundID, scores: scores, issuedAt: issuedAt, shown: fields[2] == "1")
    }

    /// The header that removes the cookie.
    static func cleared(secure: Bool) -> SetCookie? {
        try? SetCookie.expired(name: name, secure: secure)
    }

    private static func payload(_ content: Content) -> String {
        let scores = content.scores.sorted { $0.key < $1.key }.map { "\($0.key)x\(Int(($0.value * 100).rounded()))" }
        return "\(content.roundID).\(content.issuedAt).\(content.shown ? 1 : 0).\(scores.joined(separator: "_"))"
    }

    private func mac(_ payload: String, binding: Data) -> String {
        let message = Array("own-profile|".utf8) + Array(payload.utf8) + Array("|".utf8) + Array(binding)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return Base64URL.encode(Array(code))
    }
}
