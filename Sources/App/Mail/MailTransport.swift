/// Hands composed messages to a mail server. `SMTPClient` is the real one; tests use their own.
public protocol MailTransport: Sendable {
    /// Returns when the server has accepted the message; throws when it has not.
    func deliver(_ mail: ComposedMail) throws(MailDeliveryError)
}

/// Why a delivery failed, in words fit for the outbox's `last_error`: never a password, never the
/// message.
public struct MailDeliveryError: Error, Equatable, CustomStringConvertible {
    public let message: String
    /// The mail server's last reply code, when it answered (e.g. 550), else 0.
    public let replyCode: Int

    public init(_ message: String, replyCode: Int = 0) {
        self.message = message
        self.replyCode = replyCode
    }

    public var description: String { replyCode > 0 ? "\(message) (SMTP \(replyCode))" : message }
}
