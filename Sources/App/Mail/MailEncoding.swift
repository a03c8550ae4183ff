import Foundation

/// The encodings of an e-mail's text: quoted-printable bodies (RFC 2045) and encoded words in
/// headers (RFC 2047). Pure; every line they write ends in CRLF and is at most 76 characters.
enum MailEncoding {
    /// `text` as quoted-printable UTF-8 with CRLF line ends: each line of the text (LF, CRLF or CR
    /// ends it) becomes one or more encoded lines of at most 76 characters joined by soft breaks
    /// (`=` at the end). `=`, bytes outside printable ASCII, white space at a line's end and a dot at
    /// a line's start are escaped, so the result survives any mail transport unchanged.
    static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output = ""
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var tokens: [String] = []
            tokens.reserveCapacity(bytes.count)
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 32 || byte == 9) && !last)
                if literal && !(index == 0 && byte == UInt8(ascii: ".")) {
                    tokens.append(String(UnicodeScalar(byte)))
                } else {
                    tokens.append(escape(byte))
                }
            }
            var current = ""
            for token in tokens {
                // 75 leaves room for the soft break's `=`.
                if current.count + token.count > 75 {
                    output += current + "=\r\n"
                    current = ""
                }
                current += token
            }
            output += current + "\r\n"
        }
        return output
    }

    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// A header value as it may be written: itself when it is short printable ASCII (and holds no
    /// `=?` that a reader could take for an encoded word), otherwise UTF-8 encoded words of at most
    /// 75 characters, each holding whole characters, folded onto lines of their own.
    static func headerText(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if plain && text.utf8.count <= 66 && !text.contains("=?") { return text }
        return encodedWords(text).joined(separator: "\r\n ")
    }

    /// `=?UTF-8?B?…?=` words: 45 bytes of UTF-8 (60 of Base64) at most each, never splitting a
    /// character's bytes between two words.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// RFC 5322's date: `Mon, 07 Dec 2026 08:30:00 +0000`.
    static func date(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: instant)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
