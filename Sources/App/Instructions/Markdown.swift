import CCmark
import Foundation

/// Instruction texts as HTML, through cmark (CommonMark's reference C library) in its default safe
/// mode: raw HTML in the text is left out (cmark writes a `<!-- raw HTML omitted -->` comment),
/// `javascript:`, `vbscript:`, `file:` and `data:` links lose their address, and everything else is
/// escaped. The result is the only user-written text a template prints unescaped.
enum Markdown {
    /// Longest text rendered; the database allows no more.
    static let limit = 20_000

    /// `text` as HTML. Headings are moved one level down (`#` becomes `<h2>`): the page's title is
    /// the only `<h1>`.
    static func html(_ text: String) -> String {
        let source = String(text.prefix(limit))
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let document = source.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return "" }
        defer { cmark_node_free(document) }
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            var event = cmark_iter_next(iterator)
            while event != CMARK_EVENT_DONE {
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_HEADING {
                    cmark_node_set_heading_level(node, min(cmark_node_get_heading_level(node) + 1, 6))
                }
                event = cmark_iter_next(iterator)
            }
        }
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
