import Crypto
import _CryptoExtras
import Foundation
import Synchronization
import Testing
@testable import App

/// The JWS/JWK layer, the ID-token claim checks, PKCE and the key cache of single sign-on, with keys
/// made here and tokens signed here.
@Suite("Single sign-on: tokens")
struct SingleSignOnTokenTests {
    static let rsa = TestRSAKey()
    static let issuer = "https://login.example/tenant/v2.0"
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func claims(_ changes: [String: Any] = [:]) -> [String: Any] {
        var claims: [String: Any] = ["iss": issuer, "sub": "abc", "aud": "client", "iat": now.timeIntervalSince1970 - 10,
                                     "exp": now.timeIntervalSince1970 + 300, "nonce": "n-1", "email": "aino@jarvela.example"]
        for (name, value) in changes { claims[name] = value }
        return claims
    }

    static func expectation(now: Date = now) -> IDTokenExpectation {
        IDTokenExpectation(issuer: issuer, clientID: "client", nonce: "n-1", now: now)
    }

    static func validated(_ changes: [String: Any], now: Date = now) -> IDTokenError? {
        let payload = Array((try? JSONSerialization.data(withJSONObject: claims(changes))) ?? Data())
        guard let parsed = IDTokenClaims(payload: payload) else { return .missingTime }
        do {
            try IDTokenValidator.validate(parsed, expectation(now: now))
            return nil
        } catch {
            return error
        }
    }

    // MARK: JWS

    @Test func anRS256TokenVerifiesWithItsKey() throws {
        let token = Self.rsa.token(header: ["alg": "RS256", "kid": "r1"], claims: Self.claims())
        let payload = try JSONWebSignature(compact: token).verified(with: JSONWebKeySet(keys: [Self.rsa.jwk(id: "r1")]))
        let claims = try #require(IDTokenClaims(payload: payload))
        #expect(claims.email == "aino@jarvela.example")
        try IDTokenValidator.validate(claims, Self.expectation())
    }

    @Test func anES256TokenVerifiesWithItsKey() throws {
        let key = P256.Signing.PrivateKey()
        let input = TestRSAKey.signingInput(header: ["alg": "ES256", "kid": "e1"], claims: Self.claims())
        let signature = try key.signature(for: Array(input.utf8)).rawRepresentation
        let token = input + "." + Base64URL.encode(Array(signature))
        let point = Array(key.publicKey.x963Representation)
        let set = try JSONWebKeySet(json: TestRSAKey.json(["keys": [["kty": "EC", "crv": "P-256", "kid": "e1", "use": "sig",
                                                                     "x": Base64URL.encode(Array(point[1...32])),
                                                                     "y": Base64URL.encode(Array(point[33...64]))]]]))
        #expect(set.keys.count == 1)
        _ = try JSONWebSignature(compact: token).verified(with: set)
        // The same signature DER-encoded (as some libraries wrongly send) is refused.
        let der = try key.signature(for: Array(input.utf8)).derRepresentation
        #expect(throws: JWSError.badSignature) {
            try JSONWebSignature(compact: input + "." + Base64URL.encode(Array(der))).verified(with: set)
        }
    }

    @Test func algNoneIsRefused() {
        let input = TestRSAKey.signingInput(header: ["alg": "none"], claims: Self.claims())
        #expect(throws: JWSError.unsupportedAlgorithm("none")) { try JSONWebSignature(compact: input + ".") }
    }

    /// The classic confusion: an HMAC over the token keyed with the RSA public key's bytes.
    @Test func hs256IsRefused() throws {
        let input = TestRSAKey.signingInput(header: ["alg": "HS256", "kid": "r1"], claims: Self.claims())
        let mac = HMAC<SHA256>.authenticationCode(for: Array(input.utf8),
                                                  using: SymmetricKey(data: Self.rsa.privateKey.publicKey.derRepresentation))
        #expect(throws: JWSError.unsupportedAlgorithm("HS256")) {
            try JSONWebSignature(compact: input + "." + Base64URL.encode(Array(mac)))
        }
    }

    @Test func anUnknownKidIsRefused() throws {
        let token = Self.rsa.token(header: ["alg": "RS256", "kid": "rotated"], claims: Self.claims())
        #expect(throws: JWSError.unknownKey("rotated")) {
            try JSONWebSignature(compact: token).verified(with: JSONWebKeySet(keys: [Self.rsa.jwk(id: "r1")]))
        }
    }

    @Test func aChangedPayloadOrAnotherKeyFails() throws {
        let token = Self.rsa.token(header: ["alg": "RS256", "kid": "r1"], claims: Self.claims())
        let parts = token.split(separator: ".").map(String.init)
        let forged = parts[0] + "." + TestRSAKey.encodedJSON(Self.claims(["email": "hr@jarvela.example"])) + "." + parts[2]
        let set = JSONWebKeySet(keys: [Self.rsa.jwk(id: "r1")])
        #expect(throws: JWSError.badSignature) { try JSONWebSignature(compact: forged).verified(with: set) }
        let other = TestRSAKey()
        #expect(throws: JWSError.badSignature) {
            try JSONWebSignature(compact: token).verified(with: JSONWebKeySet(keys: [other.jwk(id: "r1")]))
        }
    }

    @Test func anRS256TokenIsNotCheckedWithAnECKey() throws {
        let ecPoint = Array(P256.Signing.PrivateKey().publicKey.x963Representation)
        let set = try JSONWebKeySet(json: TestRSAKey.json(["keys": [["kty": "EC", "crv": "P-256", "kid": "r1",
                                                                     "x": Base64URL.encode(Array(ecPoint[1...32])),
                                                                     "y": Base64URL.encode(Array(ecPoint[33...64]))]]]))
        let token = Self.rsa.token(header: ["alg": "RS256", "kid": "r1"], claims: Self.claims())
        #expect(throws: JWSError.unknownKey("r1")) { try JSONWebSignature(compact: token).verified(with: set) }
    }

    @Test func malformedTokensAndCriticalHeadersAreRefused() {
        let good = Self.rsa.token(header: ["alg": "RS256", "kid": "r1"], claims: Self.claims())
        for bad in ["", "a.b", good + ".x", good.replacingOccurrences(of: ".", with: "=.", options: [], range: nil),
                    String(repeating: "a", count: 20_000)] {
            #expect(throws: JWSError.malformed) { try JSONWebSignature(compact: bad) }
        }
        let critical = Self.rsa.token(header: ["alg": "RS256", "kid": "r1", "crit": ["exp"], "exp": 1], claims: Self.claims())
        #expect(throws: JWSError.criticalHeader) { try JSONWebSignature(compact: critical) }
    }

    @Test func theKeySetKeepsOnlyUsableSigningKeys() throws {
        let weak = try _RSA.Signing.PrivateKey(unsafeKeySize: _RSA.Signing.KeySize(bitCount: 1024)).publicKey.getKeyPrimitives()
        let strong = try Self.rsa.privateKey.publicKey.getKeyPrimitives()
        let set = try JSONWebKeySet(json: TestRSAKey.json(["keys": [
            ["kty": "RSA", "kid": "weak", "n": Base64URL.encode(Array(weak.modulus)), "e": Base64URL.encode(Array(weak.publicExponent))],
            ["kty": "RSA", "kid": "enc", "use": "enc", "n": Base64URL.encode(Array(strong.modulus)),
             "e": Base64URL.encode(Array(strong.publicExponent))],
            ["kty": "oct", "kid": "secret", "k": "c2VjcmV0"],
            ["kty": "RSA", "kid": "good", "n": Base64URL.encode(Array(strong.modulus)), "e": Base64URL.encode(Array(strong.publicExponent))],
        ]]))
        #expect(set.keys.map { $0.id } == ["good"])
        // A header without kid is accepted only when exactly one key fits.
        let kidless = Self.rsa.token(header: ["alg": "RS256"], claims: Self.claims())
        _ = try JSONWebSignature(compact: kidless).verified(with: set)
        let two = JSONWebKeySet(keys: [Self.rsa.jwk(id: "a"), Self.rsa.jwk(id: "b")])
        #expect(throws: JWSError.unknownKey(nil)) { try JSONWebSignature(compact: kidless).verified(with: two) }
        #expect(throws: JWSError.malformedKeySet) { try JSONWebKeySet(json: Array("[1]".utf8)) }
    }

    // MARK: Claims

    @Test func eachWrongClaimIsRefused() {
        let now = Self.now.timeIntervalSince1970
        #expect(Self.validated([:]) == nil)
        #expect(Self.validated(["iss": "https://login.example/other/v2.0"]) == .wrongIssuer)
        #expect(Self.validated(["sub": ""]) == .missingSubject)
        #expect(Self.validated(["aud": "another-client"]) == .wrongAudience)
        #expect(Self.validated(["aud": ["client", "another"]]) == .wrongAuthorisedParty)
        #expect(Self.validated(["aud": ["client", "another"], "azp": "client"]) == nil)
        #expect(Self.validated(["azp": "another"]) == .wrongAuthorisedParty)
        #expect(Self.validated(["nonce": "n-2"]) == .wrongNonce)
        #expect(Self.validated(["exp": now - 600]) == .expired)
        #expect(Self.validated(["iat": now + 600]) == .issuedInFuture)
        #expect(Self.validated(["nbf": now + 600]) == .notYetValid)
        #expect(Self.validated(["exp": "soon"]) == .missingTime)
    }

    @Test func theLeewayIsSixtySecondsEachWay() {
        let now = Self.now.timeIntervalSince1970
        #expect(Self.validated(["exp": now - 59]) == nil)
        #expect(Self.validated(["exp": now - 60]) == .expired)
        #expect(Self.validated(["iat": now + 60]) == nil)
        #expect(Self.validated(["iat": now + 61]) == .issuedInFuture)
        #expect(Self.validated(["nbf": now + 60]) == nil)
        #expect(Self.validated(["nbf": now + 61]) == .notYetValid)
    }

    // MARK: PKCE, person and MFA rules

    /// RFC 7636, appendix B.
    @Test func pkceS256MatchesTheRFCExample() {
        #expect(PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        let verifier = PKCE.newVerifier()
        #expect(verifier.count == 43 && verifier != PKCE.newVerifier())
    }

    @Test func theEMailAndItsDomainAreChecked() {
        #expect(SingleSignOn.email(in: IDTokenClaims(email: "Aino@Jarvela.Example")) == "Aino@Jarvela.Example")
        #expect(SingleSignOn.email(in: IDTokenClaims(preferredUsername: "aino@jarvela.example")) == "aino@jarvela.example")
        #expect(SingleSignOn.email(in: IDTokenClaims(preferredUsername: "aino")) == nil)
        #expect(SingleSignOn.email(in: IDTokenClaims(email: "aino@jarvela.example", emailVerified: false)) == nil)
        #expect(SingleSignOn.isAllowed(email: "Aino@Jarvela.Example", domains: ["jarvela.example"]))
        #expect(!SingleSignOn.isAllowed(email: "aino@jarvela.example.evil.example", domains: ["jarvela.example"]))
        #expect(!SingleSignOn.isAllowed(email: "aino@", domains: ["jarvela.example"]))
    }

    @Test func errorCodesFromOutsideAreCleanedForTheLog() {
        #expect(SingleSignOn.errorCode("access_denied\n2026-12-07 fake line") == "access_denied2026-12-07fakeline")
        #expect(SingleSignOn.errorCode(String(repeating: "x", count: 100)).count == 60)
    }

    @Test func multiFactorIsShownByAmrOrANamedAcr() {
        #expect(SingleSignOn.showsMultiFactor(IDTokenClaims(methods: ["pwd", "mfa"]), acceptedContextClasses: []))
        #expect(SingleSignOn.showsMultiFactor(IDTokenClaims(methods: ["hwk"]), acceptedContextClasses: []))
        #expect(!SingleSignOn.showsMultiFactor(IDTokenClaims(methods: ["pwd"]), acceptedContextClasses: []))
        #expect(SingleSignOn.showsMultiFactor(IDTokenClaims(methods: ["pwd"], contextClass: "c2"), acceptedContextClasses: ["c2"]))
        #expect(!SingleSignOn.showsMultiFactor(IDTokenClaims(contextClass: "c1"), acceptedContextClasses: ["c2"]))
    }

    @Test func theFormChecksDomainsVariablesAndClaims() {
        #expect(IdentityProviderForm.isDomain("jarvela.fi") && !IdentityProviderForm.isDomain("localhost")
                && !IdentityProviderForm.isDomain("-x.fi") && !IdentityProviderForm.isDomain("a..fi"))
        #expect(IdentityProviderForm.isVariableName("TAITOTUTKA_OIDC_SECRET") && !IdentityProviderForm.isVariableName("1X")
                && !IdentityProviderForm.isVariableName("a secret!"))
        #expect(IdentityProviderForm.isClaimName("extn.employeeid") && !IdentityProviderForm.isClaimName("a b"))
        #expect(OIDCBackChannel.isAllowed("https://login.microsoftonline.com/t/v2.0"))
        #expect(OIDCBackChannel.isAllowed("http://127.0.0.1:8000") && !OIDCBackChannel.isAllowed("http://login.example"))
        #expect(!OIDCBackChannel.isAllowed("https://user:pw@login.example") && !OIDCBackChannel.isAllowed("file:///etc/passwd"))
    }

    // MARK: Discovery and the key cache

    @Test func anUnknownKidFetchesTheKeySetAgainOnceAnInterval() throws {
        let provider = FakeProvider(issuer: Self.issuer)
        provider.keys.withLock { $0 = [Self.rsa.jwkJSON(id: "old")] }
        let directory = OIDCProviderDirectory(refetchInterval: 10, fetch: provider.fetch)
        let old = try JSONWebSignature(compact: Self.rsa.token(header: ["alg": "RS256", "kid": "old"], claims: Self.claims()))
        _ = try directory.verify(old, issuer: Self.issuer, now: Self.now)
        #expect(provider.fetches.withLock { $0 } == 2)
        // Rotated: the new kid is fetched at once.
        let rotated = TestRSAKey()
        provider.keys.withLock { $0 = [rotated.jwkJSON(id: "new")] }
        let new = try JSONWebSignature(compact: rotated.token(header: ["alg": "RS256", "kid": "new"], claims: Self.claims()))
        _ = try directory.verify(new, issuer: Self.issuer, now: Self.now.addingTimeInterval(1))
        #expect(provider.fetches.withLock { $0 } == 3)
        // A made-up kid within the interval does not make another fetch.
        let madeUp = try JSONWebSignature(compact: rotated.token(header: ["alg": "RS256", "kid": "nope"], claims: Self.claims()))
        #expect(throws: (any Error).self) { try directory.verify(madeUp, issuer: Self.issuer, now: Self.now.addingTimeInterval(2)) }
        #expect(provider.fetches.withLock { $0 } == 3)
        #expect(throws: (any Error).self) { try directory.verify(madeUp, issuer: Self.issuer, now: Self.now.addingTimeInterval(12)) }
        #expect(provider.fetches.withLock { $0 } == 4)
    }

    @Test func discoveryMustNameTheIssuerAndSafeEndpoints() throws {
        let good = TestRSAKey.json(["issuer": Self.issuer, "authorization_endpoint": "https://login.example/a",
                                    "token_endpoint": "https://login.example/t", "jwks_uri": "https://login.example/k"])
        #expect(try OIDCProviderMetadata(json: good, expectedIssuer: Self.issuer).tokenEndpoint == "https://login.example/t")
        #expect(throws: BackChannelError.self) { try OIDCProviderMetadata(json: good, expectedIssuer: "https://evil.example") }
        let plain = TestRSAKey.json(["issuer": Self.issuer, "authorization_endpoint": "https://login.example/a",
                                     "token_endpoint": "http://login.example/t", "jwks_uri": "https://login.example/k"])
        #expect(throws: BackChannelError.self) { try OIDCProviderMetadata(json: plain, expectedIssuer: Self.issuer) }
        #expect(OIDCProviderMetadata.discoveryAddress(issuer: "https://a.example/t/") == "https://a.example/t/.well-known/openid-configuration")
    }
}

/// An RSA key pair of the tests, with helpers to sign tokens and publish the key.
struct TestRSAKey: Sendable {
    let privateKey: _RSA.Signing.PrivateKey

    init() {
        // Key generation cannot fail for a supported size; a failure fails the test that uses it.
        privateKey = (try? _RSA.Signing.PrivateKey(keySize: .bits2048)) ?? TestRSAKey.fallback
    }

    private static let fallback: _RSA.Signing.PrivateKey = {
        guard let key = try? _RSA.Signing.PrivateKey(keySize: .bits2048) else { preconditionFailure("no RSA key") }
        return key
    }()

    func jwkJSON(id: String) -> [String: Any] {
        let primitives = try? privateKey.publicKey.getKeyPrimitives()
        return ["kty": "RSA", "kid": id, "use": "sig", "alg": "RS256",
                "n": Base64URL.encode(Array(primitives?.modulus ?? Data())), "e": Base64URL.encode(Array(primitives?.publicExponent ?? Data()))]
    }

    func jwk(id: String) -> JSONWebKey {
        JSONWebKey(id: id, algorithm: "RS256", material: .rsa(privateKey.publicKey))
    }

    func token(header: [String: Any], claims: [String: Any]) -> String {
        let input = Self.signingInput(header: header, claims: claims)
        let signature = (try? privateKey.signature(for: Array(input.utf8), padding: .insecurePKCS1v1_5))?.rawRepresentation ?? Data()
        return input + "." + Base64URL.encode(Array(signature))
    }

    static func signingInput(header: [String: Any], claims: [String: Any]) -> String {
        encodedJSON(header) + "." + encodedJSON(claims)
    }

    static func encodedJSON(_ object: [String: Any]) -> String {
        Base64URL.encode(json(object))
    }

    static func json(_ object: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }
}

/// Discovery and a key set served from memory, counting the fetches.
final class FakeProvider: Sendable {
    let issuer: String
    let keys = Mutex<[[String: Any]]>([])
    let fetches = Mutex(0)

    init(issuer: String) {
        self.issuer = issuer
    }

    var fetch: OIDCProviderDirectory.Fetch {
        { [self] address throws(BackChannelError) in
            fetches.withLock { $0 += 1 }
            if address.hasSuffix("/.well-known/openid-configuration") {
                return BackChannelResponse(status: 200, body: TestRSAKey.json([
                    "issuer": issuer, "authorization_endpoint": "https://login.example/a",
                    "token_endpoint": "https://login.example/t", "jwks_uri": "https://login.example/keys"]))
            }
            let keys = self.keys.withLock { $0 }
            return BackChannelResponse(status: 200, body: TestRSAKey.json(["keys": keys]))
        }
    }
}
