/// Links of single sign-on (OpenID Connect): starting a sign-in, the provider's answer, the configuration.
extension Paths {
    /// Starts a sign-in with the organisation's provider, coming back to `next` (a local path).
    static func singleSignOn(_ slug: String, next: String = "/") -> String {
        "/sign-in/sso/\(slug)" + (next == "/" ? "" : "?next=" + FormEncoding.escape(next))
    }

    /// The redirect URI every provider is registered with (one for all organisations: the `state`
    /// names the sign-in).
    static let singleSignOnCallback = "/sign-in/oidc/callback"

    /// The organisation's provider configuration.
    static func identityProvider(_ slug: String) -> String { organisation(slug) + "/sign-in-provider" }
}
