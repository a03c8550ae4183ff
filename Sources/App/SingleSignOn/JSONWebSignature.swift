import Crypto
import _CryptoExtras
import Foundation

/// The signature algorithms an ID token may use. Everything else — `none`, the HMAC family (whose
/// key would be the client secret), RSA-PSS, other curves — is refused.
enum JWSAlgorithm: String, Sendable, CaseIterable {
    case rs256 = "RS256"
    case es256 = "ES256"
}

/// Why a token or a key set was refused. The messages go to the server's log, never a token's content.
enum JWSError: Error, Equatable, CustomStringConvertible {
    case malformed
    case unsupportedAlgorithm(String)
    case criticalHeader
    case unknownKey(String?)
    case badSignature
    case malformedKeySet

    var description: String {
        switch self {
        case .malformed: return "the token is not a compact JWS"
        case .unsupportedAlgorithm(let name): return "the token's algorithm \(name) is not accepted"
        case .criticalHeader: return "the token has critical header parameters"
        case .unknownKey(let id): return "no key of the provider's set fits the token (kid \(id ?? "none"))"
        case .badSignature: return "the token's signature does not verify"
        case .malformedKeySet: return "the provider's key set is not a JWKS"
        }
    }
}

/// A JWS in compact serialisation (RFC 7515 §7.1), parsed but not yet verified.
struct JSONWebSignature: Sendable {
    let algorithm: JWSAlgorithm
    let keyID: String?
    /// The payload's bytes; trust them only from `verified(with:)`.
    private let payload: [UInt8]
    private let signingInput: [UInt8]
    private let signature: [UInt8]

    /// Tokens longer than this are refused before any parsing (an ID token is a few kilobytes).
    static let maximumLength = 16 * 1024

    init(compact token: String) throws(JWSError) {
        guard token.utf8.count <= Self.maximumLength else { throw .malformed }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerBytes = JWSBase64URL.decode(parts[0]),
              let payload = JWSBase64URL.decode(parts[1]),
              let signature = JWSBase64URL.decode(parts[2]),
              let header = try? JSONSerialization.jsonObject(with: Data(headerBytes)) as? [String: Any]
        else { throw .malformed }
        guard let name = header["alg"] as? String else { throw .malformed }
        guard let algorithm = JWSAlgorithm(rawValue: name) else { throw .unsupportedAlgorithm(name) }
        // No extension is understood here, so any critical one must be refused (RFC 7515 §4.1.11).
        guard header["crit"] == nil else { throw .criticalHeader }
        if let keyID = header["kid"], !(keyID is String) { throw .malformed }
        self.algorithm = algorithm
        self.keyID = header["kid"] as? String
        self.payload = payload
        self.signature = signature
        signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
    }

    /// The payload, once the signature verifies with the set's key for the token's `kid`.
    func verified(with keys: JSONWebKeySet) throws(JWSError) -> [UInt8] {
        let key = try keys.key(id: keyID, for: algorithm)
        guard Self.verifies(signature, over: signingInput, with: key.material) else { throw .badSignature }
        return payload
    }

    private static func verifies(_ signature: [UInt8], over input: [UInt8], with material: JSONWebKey.Material) -> Bool {
        switch material {
        case .rsa(let key):
            // RS256 is RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3).
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature),
                                        for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
        case .p256(let point):
            // ES256 is R || S, 32 bytes each (RFC 7518 §3.4), not DER.
            guard signature.count == 64, let key = try? P256.Signing.PublicKey(x963Representation: point),
                  let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: SHA256.hash(data: input))
        }
    }
}
