import Mustache

// Search snippets answer templates by name (faster than Mirror) in the library and on the board.

extension SnippetPiece: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "highlighted": highlighted
        default: nil
        }
    }
}
