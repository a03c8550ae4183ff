import Crypto
import Foundation

/// Who the application's messages come from.
public struct MailIdentity: Sendable, Equatable {
    /// The `From` address (and the SMTP envelope's sender).
    public var address: String
    /// The display name beside it.
    public var name: String

    public init(address: String, name: String = "Taitotutka") {
        self.address = address
        self.name = name
    }
}

/// What the builder refuses: anything that would let a value escape its header.
public enum MailMessageError: Error, Equatable, CustomStringConvertible {
    case invalidRecipient
    case invalidSender
    case invalidSubject
    case invalidSenderName

    public var description: String {
        switch self {
        case .invalidRecipient: return "The recipient's address is not a plain e-mail address."
        case .invalidSender: return "The sender's address is not a plain e-mail address."
        case .invalidSubject: return "The subject is empty or holds a line break or another control character."
        case .invalidSenderName: return "The sender's name holds a line break or another control character."
        }
    }
}

/// One message ready for an SMTP server: the envelope and the RFC 5322 text.
public struct ComposedMail: Sendable, Equatable {
    public let sender: String
    public let recipient: String
    /// The whole message, headers and body, with CRLF line ends, ASCII only.
    public let data: [UInt8]
    public let messageID: String
}

/// Builds RFC 5322 messages: `multipart/alternative` with a quoted-printable UTF-8 text part and,
/// when there is one, an HTML part; an RFC 2047 subject; `Date`; a `Message-ID` derived from the
/// message key, so a message sent twice is recognisably the same message. It adds nothing of its
/// own about anyone: the headers carry only the sender, the recipient and the subject.
public enum MailComposer {
    public static func compose(to recipient: String, subject: String, textBody: String, htmlBody: String,
                               language: String, messageKey: String, from identity: MailIdentity,
                               date: Date) throws(MailMessageError) -> ComposedMail {
        guard MailAddress.isValid(recipient) else { throw .invalidRecipient }
        guard MailAddress.isValid(identity.address) else { throw .invalidSender }
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty, !hasControlCharacters(subject) else {
            throw .invalidSubject
        }
        guard !hasControlCharacters(identity.name) else { throw .invalidSenderName }

        let digest = SHA256.hash(data: Array(messageKey.utf8)).map { String(format: "%02x", $0) }.joined()
        let messageID = "<\(digest.prefix(32))@\(MailAddress.domain(of: identity.address))>"
        // Quoted-printable never writes "=_", so this boundary cannot occur in the encoded parts.
        let boundary = "=_tt_" + digest.suffix(24)
        var headers = [
            "Date: " + MailEncoding.date(date),
            "From: " + mailbox(identity),
            "To: <\(recipient)>",
            "Subject: " + MailEncoding.headerText(subject),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        if ["fi", "sv", "en"].contains(language) { headers.append("Content-Language: " + language) }
        var body: String
        if htmlBody.isEmpty {
            headers += ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"]
            body = MailEncoding.quotedPrintable(textBody)
        } else {
            headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            body = "--\(boundary)\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + MailEncoding.quotedPrintable(textBody)
                + "--\(boundary)\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + MailEncoding.quotedPrintable(htmlBody)
                + "--\(boundary)--\r\n"
        }
        let text = headers.joined(separator: "\r\n") + "\r\n\r\n" + body
        return ComposedMail(sender: identity.address, recipient: recipient, data: Array(text.utf8),
                            messageID: messageID)
    }

    /// `"Name" <address>`, or the name as encoded words when it is not plain ASCII.
    private static func mailbox(_ identity: MailIdentity) -> String {
        let name = identity.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return "<\(identity.address)>" }
        let plain = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }
        let display = plain && !name.contains("=?") ? "\"\(name)\"" : MailEncoding.encodedWords(name).joined(separator: " ")
        return "\(display) <\(identity.address)>"
    }

    /// C0 and C1 controls (CR, LF, NUL, TAB …) and the Unicode line and paragraph separators.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
        }
    }
}
