import Testing
@testable import Storage

@Suite("Board search snippets")
struct BoardSnippetTests {
    let start = InstructionSearchText.highlightStart, end = InstructionSearchText.highlightEnd

    @Test func wordsStartingWithASearchedPrefixAreMarkedWithLettersFolded() {
        let snippet = BoardSnippet.make("Vaihda **salasana** ennen lomaa. Sähköposti toimii sen jälkeen.", query: "SALASAN sahkopost")
        #expect(snippet.contains("\(start)salasana\(end)") && snippet.contains("\(start)Sähköposti.\(end)") == false)
        #expect(snippet.contains("\(start)Sähköposti\(end)"))
        #expect(!snippet.contains("**"), "Markdown marks are left out")
    }

    @Test func aLongTextIsCutAroundTheFirstMatch() {
        let words = (1...60).map { "sana\($0)" } + ["lösenord"] + (1...60).map { "ord\($0)" }
        let snippet = BoardSnippet.make(words.joined(separator: " "), query: "losen")
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(snippet.contains("\(start)lösenord\(end)"))
        #expect(snippet.split(separator: " ").count <= BoardSnippet.wordsBefore + BoardSnippet.wordsAfter)
    }

    @Test func withoutAMatchTheTextStartsTheSnippetAndNothingIsMarked() {
        let snippet = BoardSnippet.make("Teams-kokous alkaa yhdeksältä", query: "outlook")
        #expect(snippet.hasPrefix("Teams-kokous") && !snippet.contains(start))
        #expect(BoardSnippet.make("", query: "x").isEmpty)
    }

    @Test func theMarkersCannotBeSmuggledInThroughTheText() {
        let snippet = BoardSnippet.make("a\(start)b\(end)c salasana", query: "salasana")
        #expect(snippet.filter { $0 == start }.count == 1)
    }
}
