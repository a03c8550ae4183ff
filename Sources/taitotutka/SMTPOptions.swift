import App
import ArgumentParser
import Foundation

/// The SMTP server's settings, shared by `serve` and `mail send`. Each flag has an environment
/// variable; the password comes only from a file or the environment (a command-line argument would
/// show in the process list). Without a URL, sending is off.
struct SMTPOptions: ParsableArguments {
    @Option(name: .customLong("smtp-url"), help: """
        The SMTP server: smtp://HOST[:PORT] (STARTTLS required) or smtps://HOST[:PORT] (TLS). \
        Also TAITOTUTKA_SMTP_URL. Without it, sending is off and messages wait in the outbox.
        """)
    var url: String?

    @Option(name: .customLong("smtp-user"), help: "The SMTP user for AUTH. Also TAITOTUTKA_SMTP_USER.")
    var user: String?

    @Option(name: .customLong("smtp-password-file"), help: """
        A file holding the SMTP password (one line). Also TAITOTUTKA_SMTP_PASSWORD_FILE, or the password \
        itself in TAITOTUTKA_SMTP_PASSWORD.
        """)
    var passwordFile: String?

    @Option(name: .customLong("mail-from"), help: "The sender address of every message. Also TAITOTUTKA_MAIL_FROM.")
    var from: String?

    @Option(name: .customLong("mail-from-name"), help: "The sender's display name. Also TAITOTUTKA_MAIL_FROM_NAME.")
    var fromName: String?

    @Option(name: .customLong("smtp-timeout-seconds"), help: "The most one message may take, connecting included.")
    var timeoutSeconds: Int = 60

    @Option(name: .customLong("smtp-ca-file"), help: """
        PEM file of the CA certificates to trust for the SMTP server instead of the system's (a private \
        server, or tests with a self-signed certificate). Also TAITOTUTKA_SMTP_CA_FILE.
        """)
    var caFile: String?

    @Option(name: .customLong("public-url"), help: """
        The address people reach Taitotutka at (https://…), for links in e-mail. Also TAITOTUTKA_PUBLIC_URL. \
        Without it, messages name the page in words.
        """)
    var publicURL: String?

    /// The public address without a trailing slash, or nil; anything but an http(s) address is refused.
    func publicAddress() throws -> String? {
        guard var address = value(publicURL, "TAITOTUTKA_PUBLIC_URL") else { return nil }
        guard address.hasPrefix("https://") || address.hasPrefix("http://"),
              !address.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            throw CommandFailure(.usage, "--public-url must be an http(s) address, such as https://taitotutka.example.fi.")
        }
        while address.hasSuffix("/") { address.removeLast() }
        return address
    }

    @Flag(name: .customLong("smtp-allow-plain-localhost"), help: ArgumentHelp(
        "Tests only: allow smtp:// to localhost without STARTTLS.", visibility: .hidden))
    var allowPlainLocalhost = false

    func validate() throws {
        guard (1...3600).contains(timeoutSeconds) else {
            throw ValidationError("--smtp-timeout-seconds must be between 1 and 3600.")
        }
    }

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    private func value(_ flag: String?, _ variable: String) -> String? {
        let value = flag ?? environment[variable]
        return value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The settings, or nil when no SMTP URL is given (sending off). Throws a usage failure when they
    /// are given but cannot work (no sender, a password file that cannot be read …).
    func settings() throws -> SMTPSettings? {
        guard let url = value(url, "TAITOTUTKA_SMTP_URL") else { return nil }
        guard let from = value(from, "TAITOTUTKA_MAIL_FROM") else {
            throw CommandFailure(.usage, "--smtp-url is set but --mail-from (TAITOTUTKA_MAIL_FROM) is not.")
        }
        var identity = MailIdentity(address: from)
        if let name = value(fromName, "TAITOTUTKA_MAIL_FROM_NAME") { identity.name = name }
        var settings = SMTPSettings(url: url, username: value(user, "TAITOTUTKA_SMTP_USER"), password: try password(),
                                    sender: identity)
        settings.timeout = TimeInterval(timeoutSeconds)
        settings.connectTimeout = min(15, TimeInterval(timeoutSeconds))
        settings.caFile = value(caFile, "TAITOTUTKA_SMTP_CA_FILE")
        settings.allowPlainLocalhost = allowPlainLocalhost
        if let problem = settings.problem { throw CommandFailure(.usage, problem) }
        return settings
    }

    private func password() throws -> String? {
        if let file = value(passwordFile, "TAITOTUTKA_SMTP_PASSWORD_FILE") {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw CommandFailure(.unusableInput, "Cannot read the SMTP password file \(file).")
            }
            return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        return value(nil, "TAITOTUTKA_SMTP_PASSWORD")
    }
}
