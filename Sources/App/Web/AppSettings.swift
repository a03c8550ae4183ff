import Foundation

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
    /// The time now, for rules that open and close with the clock (a session's check-in and feedback
    /// windows); tests set their own clock to try the edges.
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}
