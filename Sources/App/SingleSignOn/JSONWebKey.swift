import Crypto
import _CryptoExtras
import Foundation

/// A public key of the identity provider's JWKS (RFC 7517) that can verify ID-token signatures.
struct JSONWebKey: Sendable {
    enum Material: Sendable {
        case rsa(_RSA.Signing.PublicKey)
        /// The point in X9.63 form (Crypto's P256 key is not `Sendable` on every platform).
        case p256(x963: [UInt8])
    }

    /// The key's id (`kid`), which a token's header names.
    let id: String?
    /// The algorithm the key is published for (`alg`), when the set says.
    let algorithm: String?
    let material: Material

    /// Whether a token signed with `algorithm` may be checked with this key: the right kind of key,
    /// and no other algorithm named on the key.
    func fits(_ algorithm: JWSAlgorithm) -> Bool {
        if let named = self.algorithm, named != algorithm.rawValue { return false }
        switch (material, algorithm) {
        case (.rsa, .rs256), (.p256, .es256): return true
        default: return false
        }
    }
}

/// A JSON Web Key Set as the provider's `jwks_uri` serves it. Keys this layer cannot use (other
/// types or curves, encryption keys, RSA keys under 2048 bits) are left out, not refused: a provider
/// may publish keys for other purposes beside its signing keys.
struct JSONWebKeySet: Sendable {
    let keys: [JSONWebKey]

    init(keys: [JSONWebKey]) {
        self.keys = keys
    }

    /// Reads the set from the `jwks_uri` document.
    init(json: [UInt8]) throws(JWSError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
              let entries = object["keys"] as? [[String: Any]]
        else { throw .malformedKeySet }
        keys = entries.compactMap(Self.key(from:))
    }

    private static func key(from entry: [String: Any]) -> JSONWebKey? {
        if let use = entry["use"] as? String, use != "sig" { return nil }
        let id = entry["kid"] as? String
        let algorithm = entry["alg"] as? String
        switch entry["kty"] as? String {
        case "RSA":
            guard let n = (entry["n"] as? String).flatMap(JWSBase64URL.decode),
                  let e = (entry["e"] as? String).flatMap(JWSBase64URL.decode),
                  let key = try? _RSA.Signing.PublicKey(n: n, e: e), key.keySizeInBits >= 2048
            else { return nil }
            return JSONWebKey(id: id, algorithm: algorithm, material: .rsa(key))
        case "EC":
            guard entry["crv"] as? String == "P-256",
                  let x = (entry["x"] as? String).flatMap(JWSBase64URL.decode), x.count == 32,
                  let y = (entry["y"] as? String).flatMap(JWSBase64URL.decode), y.count == 32,
                  (try? P256.Signing.PublicKey(x963Representation: [0x04] + x + y)) != nil
            else { return nil }
            return JSONWebKey(id: id, algorithm: algorithm, material: .p256(x963: [0x04] + x + y))
        default:
            return nil
        }
    }

    /// The key that verifies a token whose header names `keyID` and `algorithm`. A header without a
    /// `kid` is accepted only when one key of the set fits, so no key is guessed.
    func key(id keyID: String?, for algorithm: JWSAlgorithm) throws(JWSError) -> JSONWebKey {
        let fitting = keys.filter { $0.fits(algorithm) }
        if let keyID {
            guard let key = fitting.first(where: { $0.id == keyID }) else { throw .unknownKey(keyID) }
            return key
        }
        guard fitting.count == 1, let only = fitting.first else { throw .unknownKey(nil) }
        return only
    }
}

/// Strict base64url without padding (RFC 7515 §2): any other character makes the input invalid.
enum JWSBase64URL {
    private static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy(alphabet.contains), text.utf8.count % 4 != 1 else { return nil }
        return Base64URL.decode(text)
    }

    static func decode(_ text: Substring) -> [UInt8]? {
        decode(String(text))
    }
}
