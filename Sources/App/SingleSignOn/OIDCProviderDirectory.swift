import Foundation
import Synchronization

/// What discovery (`/.well-known/openid-configuration`) says about a provider, as far as this
/// application uses it.
struct OIDCProviderMetadata: Sendable, Equatable {
    let issuer: String
    let authorizationEndpoint: String
    let tokenEndpoint: String
    let jwksURI: String
    /// `token_endpoint_auth_methods_supported`; empty when not said (then `client_secret_basic`).
    let tokenEndpointAuthMethods: [String]

    /// Reads the discovery document, which must name `issuer` exactly (OpenID Connect Discovery §4.3)
    /// and endpoints the server may call.
    init(json: [UInt8], expectedIssuer: String) throws(BackChannelError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
            throw BackChannelError("the discovery document is not a JSON object")
        }
        guard object["issuer"] as? String == expectedIssuer else {
            throw BackChannelError("the discovery document names another issuer")
        }
        guard let authorization = object["authorization_endpoint"] as? String,
              let token = object["token_endpoint"] as? String, let jwks = object["jwks_uri"] as? String,
              [authorization, token, jwks].allSatisfy(OIDCBackChannel.isAllowed)
        else { throw BackChannelError("the discovery document lacks an endpoint, or names one that is not HTTPS") }
        issuer = expectedIssuer
        authorizationEndpoint = authorization
        tokenEndpoint = token
        jwksURI = jwks
        tokenEndpointAuthMethods = (object["token_endpoint_auth_methods_supported"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    init(issuer: String, authorizationEndpoint: String, tokenEndpoint: String, jwksURI: String,
         tokenEndpointAuthMethods: [String] = []) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.tokenEndpointAuthMethods = tokenEndpointAuthMethods
    }

    /// The discovery document's address for an issuer (OpenID Connect Discovery §4).
    static func discoveryAddress(issuer: String) -> String {
        (issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer) + "/.well-known/openid-configuration"
    }
}

/// Why a token could not be verified against the provider's keys.
enum TokenVerificationError: Error, CustomStringConvertible {
    case provider(BackChannelError)
    case token(JWSError)

    var description: String {
        switch self {
        case .provider(let error): return "the provider could not be asked: \(error)"
        case .token(let error): return error.description
        }
    }
}

/// The providers' discovery documents and signing keys, kept in memory per issuer.
///
/// Both are kept for an hour. A token signed with a key the set does not hold (the provider has
/// rotated its keys) makes the set fetched again at once — but at most once per `refetchInterval`
/// per issuer, so tokens naming made-up keys cannot make this server hammer the provider.
final class OIDCProviderDirectory: Sendable {
    typealias Fetch = @Sendable (String) throws(BackChannelError) -> BackChannelResponse

    private struct Entry {
        var metadata: OIDCProviderMetadata?
        var metadataFetchedAt: Date?
        var keys: JSONWebKeySet?
        var keysFetchedAt: Date?
        var lastUnknownKeyRefetch: Date?
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let fetch: Fetch
    let lifetime: TimeInterval
    let refetchInterval: TimeInterval

    init(lifetime: TimeInterval = 3600, refetchInterval: TimeInterval = 10, fetch: @escaping Fetch) {
        self.lifetime = lifetime
        self.refetchInterval = refetchInterval
        self.fetch = fetch
    }

    /// The issuer's discovery document, fetched when not known or older than the lifetime.
    func metadata(issuer: String, now: Date) throws(BackChannelError) -> OIDCProviderMetadata {
        let kept = entries.withLock { $0[issuer] }
        if let metadata = kept?.metadata, let fetchedAt = kept?.metadataFetchedAt, now.timeIntervalSince(fetchedAt) < lifetime {
            return metadata
        }
        let metadata = try OIDCProviderMetadata(json: try document(OIDCProviderMetadata.discoveryAddress(issuer: issuer)),
                                                expectedIssuer: issuer)
        entries.withLock {
            $0[issuer, default: Entry()].metadata = metadata
            $0[issuer, default: Entry()].metadataFetchedAt = now
        }
        return metadata
    }

    /// The verified payload of `token`, with the issuer's keys; an unknown key fetches the set again once.
    func verify(_ token: JSONWebSignature, issuer: String, now: Date) throws(TokenVerificationError) -> [UInt8] {
        let metadata: OIDCProviderMetadata
        let keys: JSONWebKeySet
        switch Result(catching: { () throws(BackChannelError) in
            let metadata = try self.metadata(issuer: issuer, now: now)
            return (metadata, try keySet(issuer: issuer, metadata: metadata, now: now, force: false))
        }) {
        case .success(let found): (metadata, keys) = found
        case .failure(let error): throw .provider(error)
        }
        switch Result(catching: { () throws(JWSError) in try token.verified(with: keys) }) {
        case .success(let payload):
            return payload
        case .failure(.unknownKey(let keyID)):
            guard mayRefetchForUnknownKey(issuer: issuer, now: now) else { throw .token(.unknownKey(keyID)) }
        case .failure(let error):
            throw .token(error)
        }
        let fresh: JSONWebKeySet
        switch Result(catching: { () throws(BackChannelError) in try keySet(issuer: issuer, metadata: metadata, now: now, force: true) }) {
        case .success(let found): fresh = found
        case .failure(let error): throw .provider(error)
        }
        switch Result(catching: { () throws(JWSError) in try token.verified(with: fresh) }) {
        case .success(let payload): return payload
        case .failure(let error): throw .token(error)
        }
    }

    private func keySet(issuer: String, metadata: OIDCProviderMetadata, now: Date,
                        force: Bool) throws(BackChannelError) -> JSONWebKeySet {
        let kept = entries.withLock { $0[issuer] }
        if !force, let keys = kept?.keys, let fetchedAt = kept?.keysFetchedAt, now.timeIntervalSince(fetchedAt) < lifetime {
            return keys
        }
        let body = try document(metadata.jwksURI)
        guard let keys = try? JSONWebKeySet(json: body) else {
            throw BackChannelError("the key set at \(metadata.jwksURI) is not a JWKS")
        }
        entries.withLock {
            $0[issuer, default: Entry()].keys = keys
            $0[issuer, default: Entry()].keysFetchedAt = now
        }
        return keys
    }

    /// Claims the issuer's one refetch of this interval; false when it was used already.
    private func mayRefetchForUnknownKey(issuer: String, now: Date) -> Bool {
        entries.withLock {
            if let last = $0[issuer]?.lastUnknownKeyRefetch, now.timeIntervalSince(last) < refetchInterval { return false }
            $0[issuer, default: Entry()].lastUnknownKeyRefetch = now
            return true
        }
    }

    private func document(_ address: String) throws(BackChannelError) -> [UInt8] {
        let response = try fetch(address)
        guard response.status == 200 else { throw BackChannelError("\(address) answered \(response.status)") }
        return response.body
    }
}
