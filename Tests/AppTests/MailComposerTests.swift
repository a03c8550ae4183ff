import Foundation
import Testing
@testable import App

@Suite("Mail messages")
struct MailComposerTests {
    static let identity = MailIdentity(address: "taitotutka@jarvela.example", name: "Taitotutka")
    static let date = Date(timeIntervalSince1970: 1_796_000_000)

    static func compose(to: String = "aino.aalto@jarvela.example", subject: String = "Muistutus: tietosuojakoulutus",
                        text: String = "Hei Aino!\n", html: String = "<p>Hei Aino!</p>",
                        key: String = "compliance|1|2|2026-12-31|due_day") throws -> (ComposedMail, String) {
        let mail = try MailComposer.compose(to: to, subject: subject, textBody: text, htmlBody: html, language: "fi",
                                            messageKey: key, from: identity, date: date)
        return (mail, String(decoding: mail.data, as: UTF8.self))
    }

    /// The header block, unfolded, as name → value.
    static func headers(_ message: String) -> [String: String] {
        let head = message.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        var result: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// Quoted-printable decoded back to text.
    static func decodeQuotedPrintable(_ encoded: String) -> String {
        let joined = encoded.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        var index = joined.utf8.startIndex
        let utf8 = joined.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "="), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
               let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index = end
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aMessageIsMultipartAlternativeWithTheHeadersItNeeds() throws {
        let (mail, text) = try Self.compose()
        let headers = Self.headers(text)
        #expect(headers["From"] == "\"Taitotutka\" <taitotutka@jarvela.example>")
        #expect(headers["To"] == "<aino.aalto@jarvela.example>")
        #expect(headers["Date"] == "Mon, 30 Nov 2026 00:53:20 +0000")
        #expect(headers["MIME-Version"] == "1.0")
        #expect(headers["Auto-Submitted"] == "auto-generated")
        #expect(headers["Content-Language"] == "fi")
        #expect(headers["Content-Type"]?.hasPrefix("multipart/alternative; boundary=\"=_tt_") == true)
        #expect(mail.messageID.hasPrefix("<") && mail.messageID.hasSuffix("@jarvela.example>"))
        #expect(headers["Message-ID"] == mail.messageID)
        #expect(mail.sender == "taitotutka@jarvela.example" && mail.recipient == "aino.aalto@jarvela.example")
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable"))
        #expect(text.contains("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable"))
        #expect(mail.data.allSatisfy { $0 < 0x80 }, "a message on the wire must be ASCII")
        // Every line ends in CRLF and none is longer than 78 characters.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        // Nothing but the recipient's own address and the subject about anyone.
        #expect(!text.contains("compliance|1|2"), "the message key is not for the recipient")
    }

    @Test func theMessageIDIsTheKeysAndTheSameEveryTime() throws {
        let (first, _) = try Self.compose()
        let (again, _) = try Self.compose()
        let (other, _) = try Self.compose(key: "compliance|1|3|2026-12-31|due_day")
        #expect(first.messageID == again.messageID, "a repeated message must be recognisably the same")
        #expect(first.messageID != other.messageID)
    }

    @Test func aSubjectOutsideASCIIIsEncodedInWholeCharacters() throws {
        let subject = "Muistutus: tietosuojakoulutuksen määräaika lähestyy – Påminnelse om dataskyddsutbildning 🙂"
        let (_, text) = try Self.compose(subject: subject)
        let value = try #require(Self.headers(text)["Subject"])
        let words = value.split(separator: " ")
        #expect(words.count > 1)
        var bytes: [UInt8] = []
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.count <= 75)
            let base64 = String(word.dropFirst(10).dropLast(2))
            let chunk = try #require(Data(base64Encoded: base64))
            // Each word decodes on its own: no character split between two.
            #expect(String(data: chunk, encoding: .utf8) != nil, "a word split a character")
            bytes += chunk
        }
        #expect(String(decoding: bytes, as: UTF8.self) == subject)
        let (_, plain) = try Self.compose(subject: "Reminder")
        #expect(Self.headers(plain)["Subject"] == "Reminder")
    }

    @Test func bodiesAreQuotedPrintableAndComeBackUnchanged() throws {
        let long = String(repeating: "Äänekoski ja Pietarsaari = 100 %. ", count: 6)
        let text = "Hei Åsa!\n\n.alussa piste\nrivin lopussa välilyönti \n\(long)\nloppu"
        let html = "<p>Hei <strong>Åsa</strong> & muut</p>"
        let (_, message) = try Self.compose(text: text, html: html)
        let parts = message.components(separatedBy: "Content-Transfer-Encoding: quoted-printable\r\n\r\n")
        #expect(parts.count == 3)
        let boundary = try #require(Self.headers(message)["Content-Type"]?.components(separatedBy: "boundary=\"").last?
            .dropLast())
        let textPart = try #require(parts[1].components(separatedBy: "--" + boundary).first)
        let htmlPart = try #require(parts[2].components(separatedBy: "--" + boundary).first)
        #expect(Self.decodeQuotedPrintable(textPart) == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        #expect(Self.decodeQuotedPrintable(htmlPart) == html + "\r\n")
        #expect(textPart.contains("\r\n=2Ealussa"), "a dot at a line's start must be escaped")
        #expect(textPart.contains("v=C3=A4lily=C3=B6nti=20\r\n"), "white space at a line's end must be escaped")
        #expect(!textPart.contains(boundary) && !htmlPart.contains(boundary))
    }

    @Test func withoutHTMLTheMessageIsPlainText() throws {
        let (_, message) = try Self.compose(html: "")
        #expect(Self.headers(message)["Content-Type"] == "text/plain; charset=UTF-8")
        #expect(!message.contains("multipart"))
    }

    @Test func headerInjectionIsRefused() throws {
        for address in ["aino@jarvela.example\r\nBcc: all@jarvela.example", "aino@jarvela.example\nX: y",
                        "Aino <aino@jarvela.example>", "aino@jarvela.example, eero@jarvela.example", "aino",
                        "aino@@jarvela.example", "äiti@jarvela.example", "aino@jarvela..example", ""] {
            #expect(throws: MailMessageError.invalidRecipient, "\(address.debugDescription)") {
                try Self.compose(to: address)
            }
        }
        for subject in ["Hei\r\nBcc: all@jarvela.example", "Hei\nX-Evil: 1", "Hei\rX", "a\u{0}b", "   ", "a\u{2028}b"] {
            #expect(throws: MailMessageError.invalidSubject, "\(subject.debugDescription)") {
                try Self.compose(subject: subject)
            }
        }
        #expect(throws: MailMessageError.invalidSender) {
            try MailComposer.compose(to: "aino@jarvela.example", subject: "Hei", textBody: "", htmlBody: "", language: "fi",
                                     messageKey: "k", from: MailIdentity(address: "x@y.example\r\nBcc: z@y.example"),
                                     date: Self.date)
        }
        #expect(throws: MailMessageError.invalidSenderName) {
            try MailComposer.compose(to: "aino@jarvela.example", subject: "Hei", textBody: "", htmlBody: "", language: "fi",
                                     messageKey: "k", from: MailIdentity(address: "x@y.example", name: "A\r\nBcc: z"),
                                     date: Self.date)
        }
        #expect(MailAddress.isValid("first.o'brien+tag@sub.jarvela.example"))
    }

    @Test func settingsRefuseWhatCannotWorkAndNeverPrintThePassword() {
        var settings = SMTPSettings(url: "smtp://mail.jarvela.example:587", username: "tt", password: "s3cret-pw",
                                    sender: Self.identity)
        #expect(settings.problem == nil)
        #expect(!settings.description.contains("s3cret-pw"))
        settings.url = "http://mail.jarvela.example"
        #expect(settings.problem != nil)
        settings.url = "smtp://mail.jarvela.example"
        settings.allowPlainLocalhost = true
        #expect(settings.problem != nil, "plain SMTP to another machine was allowed")
        settings.url = "smtp://127.0.0.1:2525"
        #expect(settings.problem == nil)
        settings.password = nil
        #expect(settings.problem != nil, "a user without a password")
    }
}
