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
        let words = InstructionSearchText.plain(text).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return "" }
        let matches = words.map { word in prefixes.contains { fold(String(word)).hasPrefix($0) } }
        let first = matches.firstIndex(of: true) ?? 0
        let start = max(0, first - wordsBefore), end = min(words.count, first + wordsAfter)
        var pieces: [String] = []
        for index in start..<end {
            let word = InstructionSearchText.indexable(String(words[index]))
            pieces.append(matches[index] ? "\(InstructionSearchText.highlightStart)\(word)\(InstructionSearchText.highlightEnd)" : word)
        }
        return (start > 0 ? "…" : "") + pieces.joined(separator: " ") + (end < words.count ? "…" : "")
    }

    /// Lower case without diacritics, as `unicode61 remove_diacritics 2` folds them; letters and digits only.
    static func fold(_ text: String) -> String {
        String(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
