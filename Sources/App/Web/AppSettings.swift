import Foundation
import HTTPServer
import Storage

/// How the application behaves, from command-line flags and environment variables.
public struct AppSettings: Sendable {
    /// Whether the service is reached over HTTPS (behind a TLS proxy): cookies then get `Secure` and
    /// the `__Host-` prefix, and responses carry Strict-Transport-Security.
    public var secureTransport = false
    /// A session ends after this long without requests.
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    /// A session ends this long after sign-in, however active.
    public var sessionAbsoluteTimeout: TimeInterval = 12 * 60 * 60
    /// PBKDF2 rounds for new password hashes; tests lower it to stay fast.
    public var passwordRounds = PasswordHasher.recommendedRounds
    /// Most bytes of rendered dashboard bodies kept in memory. At 40,000 employees a unit dashboard's
    /// body is about 40 kB and an organisation's about 110 kB, kept gzip-compressed at about a tenth:
    /// 16 MB holds some thousands; a miss costs one rendering from cached results (50–200 ms).
    public var pageCacheBytes = 16 << 20
    /// Most bytes (estimated) of built round results and progress kept in memory. A closed round of
    /// 40,000 employees takes 7–16 MB and 0.2–0.7 s to build again, and a dashboard needs its round's
    /// and the earlier rounds' results: 64 MB holds two organisations' two latest rounds each and their
    /// open rounds' progress. Too small a budget rebuilds results on every page and drops
    /// throughput to a third (measured, BENCHMARKS.md).
    public var resultsCacheBytes = 64 << 20
    /// Free memory is given back to the system (`malloc_trim`) after each build of round results and
    /// whenever the caches have let go of this many bytes; 0 never does.
    public var returnFreedMemoryBytes = 16 << 20
    /// The time now, for rules that open and close with the clock (a session's check-in and feedback
    /// windows); tests set their own clock to try the edges.
    public var now: @Sendable () -> Date = { Date() }
    /// The SMTP server the outbox is sent through; nil (the default) leaves sending off, and the
    /// messages wait in the outbox.
    public var smtp: SMTPSettings?
    /// The address people reach the service at (e.g. https://taitotutka.jarvela.fi), for links in
    /// e-mail, which has no request to take it from; without it messages name the page in words.
    public var publicURL: String?
    /// Reverse proxies whose `Forwarded`/`X-Forwarded-For` header names the client (`--trusted-proxy`):
    /// throttling, sessions and the audit log then see the real client's address. None by default:
    /// the connection's peer is the client.
    public var trustedProxies = TrustedProxies.none
    /// Roles whose sign-ins with a local password must also give a code from an authenticator app
    /// (OWASP ASVS 5.0 6.3.3: those who see everyone's data). `--second-factor-optional` empties it,
    /// for a demonstration on a shared screen; others may still turn the authenticator on.
    public var secondFactorRoles: Set<Role> = [.hr, .tutorCoordinator, .admin]

    public init() {}
}
