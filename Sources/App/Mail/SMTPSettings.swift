import Foundation

/// How to reach the SMTP server. Sending is off while there are none (`AppSettings.smtp` is nil).
/// The password comes from a file or the environment, never from the database or a command-line
/// argument, and never reaches a log: `description` leaves it out.
public struct SMTPSettings: Sendable, CustomStringConvertible {
    /// `smtp://host[:port]` (STARTTLS required) or `smtps://host[:port]` (TLS from the start).
    public var url: String
    public var username: String?
    public var password: String?
    /// The `From` address and the envelope sender, with the display name.
    public var sender: MailIdentity
    public var connectTimeout: TimeInterval = 15
    /// The most one message may take, connection included.
    public var timeout: TimeInterval = 60
    /// A file of CA certificates to trust instead of the system's (a private mail server).
    public var caFile: String?
    /// Tests only: `smtp://` to a loopback address without STARTTLS.
    public var allowPlainLocalhost = false

    public init(url: String, username: String? = nil, password: String? = nil, sender: MailIdentity) {
        self.url = url
        self.username = username
        self.password = password
        self.sender = sender
    }

    public var description: String {
        "SMTP \(url) as \(username ?? "(no user)")\(password == nil ? "" : " with a password"), from \(sender.address)"
    }

    /// `smtps://`: TLS from the first byte.
    var isImplicitTLS: Bool { url.lowercased().hasPrefix("smtps://") }

    /// The host named by the URL (without brackets).
    var host: String? { URLComponents(string: url)?.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }

    /// Whether the host is this machine.
    var isLoopback: Bool {
        guard let host = host?.lowercased() else { return false }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Why these settings cannot be used, or nil when they can.
    public var problem: String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            return "The SMTP URL must start with smtp:// (STARTTLS) or smtps:// (TLS)."
        }
        guard let host, !host.isEmpty, !url.unicodeScalars.contains(where: { $0.value <= 0x20 }) else {
            return "The SMTP URL names no host."
        }
        if allowPlainLocalhost && !isLoopback {
            return "Plain SMTP without TLS is allowed only to this machine (localhost)."
        }
        guard MailAddress.isValid(sender.address) else { return "The sender address is not a plain e-mail address." }
        guard !MailComposer.hasControlCharacters(sender.name) else { return "The sender name holds a control character." }
        if (username == nil) != (password == nil) { return "Give both the SMTP user and its password, or neither." }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) { return "Cannot read the CA file \(caFile)." }
        guard (0.001...3600).contains(connectTimeout), (0.001...3600).contains(timeout) else {
            return "The SMTP timeouts must be positive and at most an hour."
        }
        return nil
    }
}
