import Foundation

/// A search hit's snippet made from the post's own text, not by the full-text index: FTS5's
/// `snippet()` tokenises every hit's whole document (title, text and all answers) and cost more than
/// the rest of the search. The words that start with a searched prefix (ä, ö, å folded, as the index
/// folds them) are put between `InstructionSearchText`'s markers, in a window around the first one.
public enum BoardSnippet {
    /// Words of context around the first match.
    static let wordsBefore = 6
    static let wordsAfter = 16

    /// The snippet of `text` for `query` (as typed), or the text's start when no word matches.
    public static func make(_ text: String, query: String) -> String {
        let prefixes = InstructionSearchText.terms(query).map(fold)
        // Enough of a long thread to find a match in; the snippet shows a window of it.
        let words = InstructionSearchText.plain(String(text.prefix(4000))).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return "" }
        let matches = words.map { word in
            let folded = fold(String(word))
            return prefixes.contains { folded.hasPrefix($0) }
        }
        let first = matches.firstIndex(of: true) ?? 0
        let start = max(0, first - wordsBefore), end = min(words.count, first + wordsAfter)
        var pieces: [String] = []
        for index in start..<end {
            let word = InstructionSearchText.indexable(String(words[index]))
            pieces.append(matches[index] ? "\(InstructionSearchText.highlightStart)\(word)\(InstructionSearchText.highlightEnd)" : word)
        }
        return (start > 0 ? "…" : "") + pieces.joined(separator: " ") + (end < words.count ? "…" : "")
    }

    /// Lower case with the Nordic and common Latin diacritics taken off, as `unicode61
    /// remove_diacritics 2` folds them; letters and digits only. By Unicode scalars with an ASCII
    /// fast path, not Foundation's folding: it runs for every word of every hit.
    static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: folded.append(Unicode.Scalar(UInt8(value + 0x20)))
                case 0x61...0x7A, 0x30...0x39: folded.append(scalar)
                default: continue
                }
            } else if let plain = plainLetters[value] {
                folded.append(Unicode.Scalar(plain))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(folded)
    }

    /// Latin letters with diacritics (both cases) to their plain lower-case letter.
    private static let plainLetters: [UInt32: UInt8] = {
        let pairs: [(String, Character)] = [("äåáàâãÄÅÁÀÂÃ", "a"), ("öóòôõøÖÓÒÔÕØ", "o"), ("éèêëÉÈÊË", "e"), ("üúùûÜÚÙÛ", "u"),
                                            ("íìîïÍÌÎÏ", "i"), ("çÇ", "c"), ("ñÑ", "n"), ("šŠ", "s"), ("žŽ", "z"), ("ýÝ", "y")]
        var table: [UInt32: UInt8] = [:]
        for (letters, plain) in pairs {
            for scalar in letters.unicodeScalars { table[scalar.value] = plain.asciiValue ?? 0x3F }
        }
        return table
    }()
}
