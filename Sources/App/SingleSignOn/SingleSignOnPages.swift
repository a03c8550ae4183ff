import Crypto
import Foundation
import HTTPServer
import Storage

/// One button of the sign-in page.
struct SignInProviderButton {
    let label: String
    let href: String
}

extension WebApp {
    var singleSignOnCookieName: String { settings.secureTransport ? "__Host-tt_oidc" : "tt_oidc" }

    /// The sign-in page's buttons: one per organisation with an enabled provider.
    func signInProviderButtons(_ context: RequestContext, next: String) -> [SignInProviderButton] {
        let listings = (try? IdentityProviderStore(database).enabledProviders()) ?? []
        return listings.map {
            SignInProviderButton(label: context.strings.format("oidc_sign_in_with", ["provider": $0.displayName]),
                                 href: Paths.singleSignOn($0.organisationSlug, next: next))
        }
    }

    /// Sends the browser to the organisation's provider (authorisation-code flow with PKCE S256,
    /// `state` and `nonce`), after recording the sign-in server-side and binding it to this browser
    /// with a cookie. A GET, so that the sign-in page's links need no form (a form's redirect to
    /// another site would be blocked by the page's `form-action 'self'`); starting a sign-in changes
    /// nothing anyone else could use.
    func startSingleSignOn(_ request: Request, _ context: RequestContext) throws -> Response {
        let store = IdentityProviderStore(database)
        guard let organisation = try organisations.organisation(slug: try context.slug),
              let provider = try store.provider(organisationID: organisation.id), provider.enabled
        else { throw AppError.notFound }
        let now = settings.now()
        let metadata: OIDCProviderMetadata
        do {
            metadata = try singleSignOn.directory.metadata(issuer: provider.issuer, now: now)
        } catch {
            return try singleSignOnRefusalPage(SingleSignOnRefused(.unavailable, "discovery: \(error)"),
                                               organisation: organisation.name, provider: provider.displayName, context)
        }
        guard let origin = publicSiteOrigin(request) else { throw AppError.badRequest }
        let state = SecureRandom.token(byteCount: 32)
        let nonce = SecureRandom.token(byteCount: 32)
        let verifier = PKCE.newVerifier()
        let browser = SecureRandom.token(byteCount: 32)
        let redirectURI = origin + Paths.singleSignOnCallback
        try store.begin(PendingOIDCSignIn(
            stateHash: Self.digest(state), organisationID: organisation.id, browserHash: Self.digest(browser), nonce: nonce,
            codeVerifier: verifier, redirectURI: redirectURI,
            returnPath: context.safeReturnPath(request.queryValue("next")), createdAt: now),
            expiredBefore: now.addingTimeInterval(-SingleSignOn.signInLifetime))
        let query = FormEncoding.encode([
            ("response_type", "code"), ("client_id", provider.clientID), ("redirect_uri", redirectURI),
            ("scope", "openid email profile"), ("state", state), ("nonce", nonce),
            ("code_challenge", PKCE.challenge(for: verifier)), ("code_challenge_method", "S256"),
        ])
        let separator = metadata.authorizationEndpoint.contains("?") ? "&" : "?"
        var response = Response.redirect(to: metadata.authorizationEndpoint + separator + query)
        response.setCookie(try SetCookie(name: singleSignOnCookieName, value: browser, path: "/",
                                         maxAge: Int(SingleSignOn.signInLifetime), secure: settings.secureTransport,
                                         httpOnly: true, sameSite: .lax))
        return response
    }

    /// The provider's answer: checks the `state`, redeems the code, verifies the ID token, finds the
    /// person's sign-in and starts a session as the password sign-in does; or says why not.
    func finishSingleSignOn(_ request: Request, _ context: RequestContext) throws -> Response {
        var organisationName: String?
        var providerName: String?
        var response: Response
        do {
            let pending = try takePendingSignIn(request)
            guard let organisation = try organisations.organisation(id: pending.organisationID),
                  let provider = try IdentityProviderStore(database).provider(organisationID: organisation.id), provider.enabled
            else { throw SingleSignOnRefused(.unavailable, "the provider is no longer configured") }
            organisationName = organisation.name
            providerName = provider.displayName
            if let error = request.queryValue("error") {
                throw SingleSignOnRefused(.declined, "the provider answered error \(SingleSignOn.errorCode(error))")
            }
            let claims = try verifiedClaims(request, pending: pending, provider: provider)
            let user = try singleSignOnUser(claims, provider: provider)
            response = try startSingleSignOnSession(user, claims: claims, organisation: organisation, request: request,
                                                    returnPath: pending.returnPath)
        } catch let refused as SingleSignOnRefused {
            response = try singleSignOnRefusalPage(refused, organisation: organisationName, provider: providerName, context)
        }
        response.setCookie(try SetCookie.expired(name: singleSignOnCookieName, secure: settings.secureTransport))
        return response
    }

    /// The waiting sign-in the answer's `state` names, taken out so it is used once, and only by the
    /// browser that started it within the time allowed.
    private func takePendingSignIn(_ request: Request) throws -> PendingOIDCSignIn {
        guard let state = request.queryValue("state"), !state.isEmpty, state.utf8.count <= 200 else {
            throw SingleSignOnRefused(.expired, "the answer has no state")
        }
        guard let pending = try IdentityProviderStore(database).take(stateHash: Self.digest(state)) else {
            throw SingleSignOnRefused(.expired, "the state is unknown or was used already")
        }
        guard let browser = request.cookies[singleSignOnCookieName],
              ConstantTime.equal(Array(Self.digest(browser)), Array(pending.browserHash)) else {
            throw SingleSignOnRefused(.expired, "the answer came to another browser than the one that started the sign-in")
        }
        guard settings.now().timeIntervalSince(pending.createdAt) <= SingleSignOn.signInLifetime else {
            throw SingleSignOnRefused(.expired, "the sign-in was started more than ten minutes ago")
        }
        return pending
    }

    /// Redeems the code and returns the ID token's claims once its signature and claims check out.
    private func verifiedClaims(_ request: Request, pending: PendingOIDCSignIn,
                                provider: IdentityProvider) throws -> IDTokenClaims {
        guard let code = request.queryValue("code"), !code.isEmpty, code.utf8.count <= 4096 else {
            throw SingleSignOnRefused(.declined, "the answer has no code")
        }
        let now = settings.now()
        let metadata: OIDCProviderMetadata
        let token: String
        do {
            metadata = try singleSignOn.directory.metadata(issuer: provider.issuer, now: now)
            guard let secret = ClientSecret.read(provider) else {
                throw SingleSignOnRefused(.unavailable, "the client secret (\(provider.secretSource.rawValue)) is missing or empty")
            }
            token = try singleSignOn.idToken(code: code, pending: pending, provider: provider, metadata: metadata, secret: secret)
        } catch let error as BackChannelError {
            throw SingleSignOnRefused(.unavailable, error.description)
        }
        let payload: [UInt8]
        do {
            payload = try singleSignOn.directory.verify(try JSONWebSignature(compact: token), issuer: provider.issuer, now: now)
        } catch let error as TokenVerificationError {
            if case .provider = error { throw SingleSignOnRefused(.unavailable, error.description) }
            throw SingleSignOnRefused(.invalidToken, error.description)
        } catch let error as JWSError {
            throw SingleSignOnRefused(.invalidToken, error.description)
        }
        guard let claims = IDTokenClaims(payload: payload) else {
            throw SingleSignOnRefused(.invalidToken, "the token's payload is not a JSON object")
        }
        do {
            try IDTokenValidator.validate(claims, IDTokenExpectation(issuer: provider.issuer, clientID: provider.clientID,
                                                                     nonce: pending.nonce, now: now, leeway: SingleSignOn.leeway))
        } catch {
            throw SingleSignOnRefused(.invalidToken, error.description)
        }
        return claims
    }

    /// The sign-in of the employee the token names by the configured claim, if the e-mail is in the
    /// organisation's domains, exactly one employee matches, and neither they nor their sign-in is
    /// disabled. Nobody is ever created here.
    private func singleSignOnUser(_ claims: IDTokenClaims, provider: IdentityProvider) throws -> Stored<User> {
        guard let email = SingleSignOn.email(in: claims) else {
            throw SingleSignOnRefused(.domainNotAllowed, "the token has no verified e-mail address")
        }
        guard SingleSignOn.isAllowed(email: email, domains: provider.allowedDomains) else {
            throw SingleSignOnRefused(.domainNotAllowed, "the e-mail's domain is not allowed", claimedIdentity: email)
        }
        let store = IdentityProviderStore(database)
        let candidates: [SingleSignOnCandidate]
        let identity: String
        switch provider.matchClaim {
        case .email:
            identity = email
            candidates = try store.candidates(organisationID: provider.organisationID, email: email)
        case .hrNumber:
            guard let number = claims.textClaims[provider.hrNumberClaim]?.trimmingCharacters(in: .whitespaces),
                  !number.isEmpty else {
                throw SingleSignOnRefused(.unknownPerson, "the token has no \(provider.hrNumberClaim) claim", claimedIdentity: email)
            }
            identity = number
            candidates = try store.candidates(organisationID: provider.organisationID, hrNumber: number)
        }
        guard candidates.count == 1, let candidate = candidates.first, let user = try users.user(id: candidate.userID) else {
            throw SingleSignOnRefused(.unknownPerson, "\(candidates.count) sign-ins match", claimedIdentity: identity)
        }
        guard !user.disabled, candidate.employeeActive else {
            throw SingleSignOnRefused(.disabled, "the sign-in or the employee is disabled", userID: user.id, claimedIdentity: identity)
        }
        if provider.requireMFA, try users.roles(userID: user.id).contains(where: { [.hr, .admin, .tutorCoordinator].contains($0.role) }),
           !SingleSignOn.showsMultiFactor(claims, acceptedContextClasses: provider.mfaACRValues) {
            throw SingleSignOnRefused(.multiFactorRequired, "the role needs MFA; amr \(claims.methods.map(SingleSignOn.errorCode).joined(separator: ",")), acr \(claims.contextClass.map(SingleSignOn.errorCode) ?? "-")",
                                      userID: user.id, claimedIdentity: identity)
        }
        return user
    }

    /// Starts the session exactly as the password sign-in does — any old session ended, a new one
    /// started, `sign_in.success` audited — with the provider's `amr` and `acr` in the audit line.
    private func startSingleSignOnSession(_ user: Stored<User>, claims: IDTokenClaims, organisation: Stored<Organisation>,
                                          request: Request, returnPath: String) throws -> Response {
        let address = request.clientAddress
        _ = try? sessions.end(for: request)
        let methods = claims.methods.map { String($0.prefix(20)) }.prefix(10).joined(separator: ",")
        let detail = "oidc \(organisation.slug); amr=\(methods.isEmpty ? "-" : methods); acr=\(claims.contextClass.map { String($0.prefix(100)) } ?? "-")"
        let started = try changing {
            let started = try sessions.start(for: user, clientAddress: address,
                                             device: DeviceName.name(userAgent: request.headers["User-Agent"]))
            try auditChange("sign_in.success", userID: user.id, login: user.login, address: address, detail: detail)
            return started
        }
        var response = Response.redirect(to: returnPath)
        response.setCookie(started.cookie)
        return response
    }

    static func digest(_ text: String) -> Data {
        Data(SHA256.hash(data: Array(text.utf8)))
    }
}
