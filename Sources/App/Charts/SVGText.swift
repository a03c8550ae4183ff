/// Text for SVG: escaping, word wrapping and a rough width estimate for layout.
enum SVGText {
    /// Escapes the five XML special characters, so labels from users or the database cannot break out
    /// of an attribute or element.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            // Control characters other than tab and line breaks are not allowed in XML 1.0 at all.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": escaped += " "
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Splits text into lines of about `maxCharacters` at word boundaries; a word longer than that keeps
    /// its own line, and text beyond `maxLines` is cut with an ellipsis on the last line.
    static func wrap(_ text: String, maxCharacters: Int = 16, maxLines: Int = 3) -> [String] {
        let limit = max(1, maxCharacters)
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var lines: [String] = []
        for word in words {
            if let last = lines.last, last.count + 1 + word.count <= limit {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        let allowed = max(1, maxLines)
        guard lines.count > allowed else { return lines }
        let kept = Array(lines.prefix(allowed - 1))
        let rest = lines.dropFirst(allowed - 1).joined(separator: " ")
        return kept + [String(rest.prefix(max(1, limit - 1))) + "…"]
    }

    /// Approximate width of text in user units, to reserve room in the view box. Measured against
    /// DejaVu Sans, the widest of the fonts `system-ui` usually resolves to, and rounded up, so that
    /// a label is never clipped by the view box whichever font draws it.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        text.reduce(0) { $0 + characterWidth($1) } * fontSize
    }

    /// Width of one character in ems, by class: narrow letters and punctuation, wide letters,
    /// capitals, digits, everything else.
    private static func characterWidth(_ character: Character) -> Double {
        switch character {
        case "i", "j", "l", "t", "f", "I", "J", ".", ",", ":", ";", "'", "!", "|", " ", "\u{00A0}", "(", ")", "-": 0.4
        case "m", "w", "M", "W", "@", "%", "…": 1.0
        case "0"..."9": 0.64
        default: character.isUppercase ? 0.78 : 0.64
        }
    }
}
