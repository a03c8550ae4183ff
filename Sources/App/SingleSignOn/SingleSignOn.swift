import Foundation
import Storage

/// The single sign-on room's long-lived parts: the back channel to the providers and their cached
/// discovery documents and keys. `WebApp.singleSignOn` holds the one instance.
final class SingleSignOn: Sendable {
    /// A sign-in sent to the provider must come back within this time.
    static let signInLifetime: TimeInterval = 10 * 60
    /// Clock difference allowed between a provider and this server when checking `exp`, `iat`, `nbf`.
    static let leeway: TimeInterval = 60
    /// `amr` values (RFC 8176) that show more than one factor, or a factor that is itself strong.
    static let multiFactorMethods: Set<String> = ["mfa", "mca", "otp", "hwk", "sc"]

    let backChannel: OIDCBackChannel
    let directory: OIDCProviderDirectory

    init(backChannel: OIDCBackChannel = OIDCBackChannel()) {
        self.backChannel = backChannel
        directory = OIDCProviderDirectory { address throws(BackChannelError) in try backChannel.get(address) }
    }

    /// Whether the token shows multi-factor authentication: an `amr` method that counts, or an
    /// `acr` value the organisation named.
    static func showsMultiFactor(_ claims: IDTokenClaims, acceptedContextClasses: [String]) -> Bool {
        if claims.methods.contains(where: { multiFactorMethods.contains($0.lowercased()) }) { return true }
        guard let contextClass = claims.contextClass else { return false }
        return acceptedContextClasses.contains(contextClass)
    }

    /// The e-mail address the token gives: `email`, or Entra ID's `preferred_username` when it is an
    /// address; nil when the provider says the address is not verified.
    static func email(in claims: IDTokenClaims) -> String? {
        guard claims.emailVerified != false else { return nil }
        let candidate = claims.email ?? claims.preferredUsername
        guard let candidate, candidate.contains("@") else { return nil }
        return candidate.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `email`'s domain is one of `domains` (lower-case), compared without case.
    static func isAllowed(email: String, domains: [String]) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        let domain = email[email.index(after: at)...].lowercased()
        return !domain.isEmpty && domains.contains(domain)
    }

    /// An OAuth error code (`access_denied`, `invalid_grant` …) fit for the log and the audit line:
    /// what came from outside, cut short and without anything but letters, digits and `_ . - : /`.
    static func errorCode(_ text: String) -> String {
        let kept = text.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-:/".unicodeScalars.contains($0))
        }
        return String(kept.prefix(60).map(Character.init))
    }

    /// Exchanges the authorisation code for the ID token at the token endpoint (RFC 6749 §4.1.3,
    /// with the PKCE verifier), authenticating as the client the way the provider supports.
    func idToken(code: String, pending: PendingOIDCSignIn, provider: IdentityProvider, metadata: OIDCProviderMetadata,
                 secret: String) throws(BackChannelError) -> String {
        var fields = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", pending.redirectURI),
                      ("code_verifier", pending.codeVerifier)]
        var headers: [String] = []
        let methods = metadata.tokenEndpointAuthMethods
        if !methods.isEmpty && !methods.contains("client_secret_basic") && methods.contains("client_secret_post") {
            fields += [("client_id", provider.clientID), ("client_secret", secret)]
        } else {
            // RFC 6749 §2.3.1: both are form-encoded before they are joined and base64-encoded.
            let credentials = FormEncoding.escape(provider.clientID) + ":" + FormEncoding.escape(secret)
            headers.append("Authorization: Basic " + Data(credentials.utf8).base64EncodedString())
            fields.append(("client_id", provider.clientID))
        }
        let response = try backChannel.postForm(metadata.tokenEndpoint, fields: fields, headers: headers)
        let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard response.status == 200 else {
            // The OAuth error code (`invalid_grant` …) only: a description could echo what was sent.
            let code = (object?["error"] as? String).map(Self.errorCode) ?? "none"
            throw BackChannelError("the token endpoint answered \(response.status) (error \(code))")
        }
        guard let token = object?["id_token"] as? String else {
            throw BackChannelError("the token endpoint's answer has no id_token")
        }
        return token
    }
}

/// Reads a provider's client secret from where the configuration says: a file, or an environment
/// variable. The database holds only the file's path or the variable's name.
enum ClientSecret {
    /// Secrets longer than this are not read (a client secret is tens of characters).
    static let maximumBytes = 4096

    /// The secret, or nil when the file or variable is missing, empty or too long.
    static func read(_ provider: IdentityProvider,
                     environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let raw: String?
        switch provider.secretSource {
        case .file:
            guard let data = FileManager.default.contents(atPath: provider.secretReference),
                  data.count <= maximumBytes else { return nil }
            raw = String(data: data, encoding: .utf8)
        case .environment:
            raw = environment[provider.secretReference]
        }
        guard let secret = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !secret.isEmpty,
              secret.utf8.count <= maximumBytes else { return nil }
        return secret
    }
}
