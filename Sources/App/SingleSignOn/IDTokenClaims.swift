import Crypto
import Foundation

/// The claims of an ID token this application reads (OpenID Connect Core §2), from a verified payload.
struct IDTokenClaims: Sendable, Equatable {
    var issuer: String?
    var subject: String?
    var audiences: [String]
    var authorisedParty: String?
    var expiresAt: Double?
    var issuedAt: Double?
    var notBefore: Double?
    var nonce: String?
    /// Authentication methods (RFC 8176), e.g. `["pwd", "mfa"]`.
    var methods: [String]
    var contextClass: String?
    var email: String?
    /// `email_verified`; nil when the provider does not say (Entra ID does not).
    var emailVerified: Bool?
    /// Entra ID's user principal name, used for the e-mail when `email` is absent.
    var preferredUsername: String?
    /// Every claim whose value is a string or number, as text, for the configured HR-number claim.
    var textClaims: [String: String]

    init(issuer: String? = nil, subject: String? = nil, audiences: [String] = [], authorisedParty: String? = nil,
         expiresAt: Double? = nil, issuedAt: Double? = nil, notBefore: Double? = nil, nonce: String? = nil,
         methods: [String] = [], contextClass: String? = nil, email: String? = nil, emailVerified: Bool? = nil,
         preferredUsername: String? = nil, textClaims: [String: String] = [:]) {
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        self.authorisedParty = authorisedParty
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.notBefore = notBefore
        self.nonce = nonce
        self.methods = methods
        self.contextClass = contextClass
        self.email = email
        self.emailVerified = emailVerified
        self.preferredUsername = preferredUsername
        self.textClaims = textClaims
    }

    /// Reads the claims from a payload; nil when it is not a JSON object.
    init?(payload: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any] else { return nil }
        self.init(
            issuer: object["iss"] as? String, subject: object["sub"] as? String,
            audiences: Self.strings(object["aud"]), authorisedParty: object["azp"] as? String,
            expiresAt: Self.number(object["exp"]), issuedAt: Self.number(object["iat"]),
            notBefore: Self.number(object["nbf"]), nonce: object["nonce"] as? String,
            methods: Self.strings(object["amr"]), contextClass: object["acr"] as? String,
            email: object["email"] as? String, emailVerified: Self.flag(object["email_verified"]),
            preferredUsername: object["preferred_username"] as? String,
            textClaims: object.compactMapValues(Self.text))
    }

    /// `aud` and `amr` may be one string or an array of strings.
    private static func strings(_ value: Any?) -> [String] {
        if let one = value as? String { return [one] }
        return (value as? [Any])?.compactMap { $0 as? String } ?? []
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    /// Some providers send `"true"` as a string.
    private static func flag(_ value: Any?) -> Bool? {
        if let text = value as? String { return text == "true" ? true : text == "false" ? false : nil }
        return value as? Bool
    }

    private static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }
}

/// What an ID token must say to be accepted (OpenID Connect Core §3.1.3.7).
struct IDTokenExpectation: Sendable {
    let issuer: String
    let clientID: String
    let nonce: String
    let now: Date
    /// Clock difference allowed between the provider and this server.
    var leeway: TimeInterval = 60
}

/// Why the claims of a verified ID token were refused.
enum IDTokenError: Error, Equatable, CustomStringConvertible {
    case wrongIssuer, missingSubject, wrongAudience, wrongAuthorisedParty
    case expired, issuedInFuture, notYetValid, missingTime
    case wrongNonce

    var description: String {
        switch self {
        case .wrongIssuer: return "the token's iss is not the configured issuer"
        case .missingSubject: return "the token has no sub"
        case .wrongAudience: return "the token's aud does not name this client"
        case .wrongAuthorisedParty: return "the token has several audiences and its azp is not this client"
        case .expired: return "the token has expired"
        case .issuedInFuture: return "the token's iat is in the future"
        case .notYetValid: return "the token's nbf is in the future"
        case .missingTime: return "the token lacks exp or iat"
        case .wrongNonce: return "the token's nonce is not the one this sign-in sent"
        }
    }
}

enum IDTokenValidator {
    /// Checks the claims against what this sign-in expects; throws the first problem found.
    static func validate(_ claims: IDTokenClaims, _ expected: IDTokenExpectation) throws(IDTokenError) {
        guard claims.issuer == expected.issuer else { throw .wrongIssuer }
        guard let subject = claims.subject, !subject.isEmpty else { throw .missingSubject }
        guard claims.audiences.contains(expected.clientID) else { throw .wrongAudience }
        // With other audiences beside this client, the token must say it was issued to this client.
        if claims.audiences.count > 1 || claims.authorisedParty != nil {
            guard claims.authorisedParty == expected.clientID else { throw .wrongAuthorisedParty }
        }
        guard let expiresAt = claims.expiresAt, let issuedAt = claims.issuedAt else { throw .missingTime }
        let now = expected.now.timeIntervalSince1970
        guard now < expiresAt + expected.leeway else { throw .expired }
        guard issuedAt <= now + expected.leeway else { throw .issuedInFuture }
        if let notBefore = claims.notBefore, notBefore > now + expected.leeway { throw .notYetValid }
        guard let nonce = claims.nonce, ConstantTime.equal(nonce, expected.nonce) else { throw .wrongNonce }
    }
}

/// PKCE (RFC 7636) with the S256 method.
enum PKCE {
    /// A new code verifier: 32 random bytes as base64url, 43 characters (RFC 7636 §4.1).
    static func newVerifier() -> String {
        SecureRandom.token(byteCount: 32)
    }

    /// The S256 challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))).
    static func challenge(for verifier: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Array(verifier.utf8))))
    }
}
