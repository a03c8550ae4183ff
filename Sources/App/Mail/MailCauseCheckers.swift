import Storage
import Synchronization

/// Whether a queued message should still go.
public enum MailCauseVerdict: Sendable, Equatable {
    case send
    /// Its cause no longer holds; the reason is recorded on the message (`cancelled_reason`).
    case cancel(reason: String)
}

/// Asks the feature that wrote a message whether its cause still holds (a reminder about a training
/// the person has completed meanwhile does not). Runs on the sender's thread, just before sending.
public typealias MailCauseChecker = @Sendable (Stored<MailOutboxMessage>) throws -> MailCauseVerdict

/// The cause checkers by `cause_kind`, registered by the features on `WebApp.mailCauses`. A message
/// of a kind without a checker (or of no kind) is sent.
public final class MailCauseCheckers: Sendable {
    private let checkers = Mutex<[String: MailCauseChecker]>([:])

    public init() {}

    /// Registers (or replaces) the checker for `kind`.
    public func register(_ kind: String, _ checker: @escaping MailCauseChecker) {
        checkers.withLock { $0[kind] = checker }
    }

    /// The kinds that have a checker.
    public var kinds: [String] { checkers.withLock { $0.keys.sorted() } }

    /// What the checker of the message's kind says; `.send` when there is none.
    public func verdict(for message: Stored<MailOutboxMessage>) throws -> MailCauseVerdict {
        guard let kind = message.causeKind, let checker = checkers.withLock({ $0[kind] }) else { return .send }
        return try checker(message)
    }
}
