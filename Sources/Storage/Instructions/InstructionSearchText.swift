import Foundation

/// What the search index is given and asked: user input made into safe FTS5 terms, and Markdown made
/// into plain text for the index and its snippets.
public enum InstructionSearchText {
    /// At most this many words of a query are used; longer words are cut.
    static let maximumTerms = 8
    static let maximumTermLength = 40

    /// The words of `input` as an FTS5 query: each a quoted prefix term (`"salasan"*`), all required.
    /// Quotes, `*`, `-`, `:`, parentheses and every other character that is not a letter or a digit
    /// only separate words, so operators such as `NEAR`, `AND` or `-` are searched as plain words and
    /// no input can make the query fail. nil when nothing searchable is left.
    public static func matchQuery(_ input: String) -> String? {
        let terms = terms(input)
        guard !terms.isEmpty else { return nil }
        // A term holds letters and digits only, so it cannot contain the quote that closes it.
        return terms.map { "\"" + $0 + "\"*" }.joined(separator: " ")
    }

    /// The searchable words of `input`, lower-cased: letters and digits, at most `maximumTerms` of
    /// them, each cut to `maximumTermLength`.
    public static func terms(_ input: String) -> [String] {
        var terms: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty, terms.count < maximumTerms {
                terms.append(String(current.prefix(maximumTermLength)))
            }
            current = ""
        }
        for character in input.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// Markdown as plain text: link addresses, emphasis and heading marks left out. Written as one
    /// pass over the characters (a regular expression here was parsed again on every call, and the
    /// board's search calls it for every hit).
    public static func plain(_ markdown: String) -> String {
        let marks: Set<Character> = ["*", "_", "#", "`", ">", "[", "]", "|", "~"]
        var text = ""
        text.reserveCapacity(markdown.utf8.count)
        var characters = markdown[...]
        var lastWasSpace = true
        func space() {
            if !lastWasSpace { text.append(" ") }
            lastWasSpace = true
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "]", characters.first == "(",
               let close = characters.firstIndex(where: { $0 == ")" || $0 == "\n" }), characters[close] == ")" {
                // A link's address: "](…)" goes, the link's text stays.
                characters = characters[characters.index(after: close)...]
                space()
            } else if character == "<", let close = characters.firstIndex(where: { $0 == ">" || $0 == "\n" }),
                      characters[close] == ">" {
                characters = characters[characters.index(after: close)...]
                space()
            } else if marks.contains(character) || character == " " || character == "\t" {
                space()
            } else {
                text.append(character)
                lastWasSpace = character.isNewline
            }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The markers the index puts around matched words in a snippet (private-use characters, which
    /// the plain text cannot contain: they are removed from it first).
    public static let highlightStart: Character = "\u{E000}"
    public static let highlightEnd: Character = "\u{E001}"

    /// A snippet split into plain pieces and highlighted pieces.
    public static func segments(_ snippet: String) -> [(text: String, highlighted: Bool)] {
        var pieces: [(String, Bool)] = []
        var current = ""
        var highlighted = false
        for character in snippet {
            if character == highlightStart || character == highlightEnd {
                if !current.isEmpty { pieces.append((current, highlighted)) }
                current = ""
                highlighted = character == highlightStart
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append((current, highlighted)) }
        return pieces
    }

    static func indexable(_ text: String) -> String {
        String(text.filter { $0 != highlightStart && $0 != highlightEnd })
    }
}
