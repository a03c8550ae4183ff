import Foundation
import HTTPServer

/// Rendered page bodies of result dashboards, keyed by everything the body depends on (round, its
/// results version, unit, language, sort, the reader's kind of access) and bounded in bytes. The
/// layout around a body, with the reader's name and form token, is still rendered per request.
/// Results of a round change only with a new response or a change of status: the first body stored
/// for the new version drops the round's older bodies.
///
/// Bodies are kept gzip-compressed: dashboard HTML shrinks about tenfold (a 110 kB organisation
/// dashboard to some 10 kB), so the budget holds ten times as many pages. Compressing costs about a
/// millisecond when a body is rendered and inflating a fraction of one when it is reused, against
/// 50–200 ms to render it again.
final class PageBodyCache: Sendable {
    /// A body as held: gzip, or the UTF-8 text itself when zlib failed.
    struct Packed: Sendable {
        let bytes: [UInt8]
        let compressed: Bool
    }

    private let bodies: SingleFlight<Packed>

    init(budget: Int, released: @escaping @Sendable (Int) -> Void = { _ in }) {
        bodies = SingleFlight(budget: budget, cost: { $0.bytes.capacity }, released: released)
    }

    func body(_ key: CacheKey, render: () throws -> String) throws -> String {
        var rendered: String?
        let packed = try bodies.value(key) {
            let text = try render()
            rendered = text
            return Self.pack(text)
        }
        if let rendered { return rendered }
        if let text = Self.unpack(packed) { return text }
        // Only a fault in zlib gets here: the page is still right, rendered again.
        return try render()
    }

    var usage: SingleFlight<Packed>.Usage { bodies.usage }

    /// The held keys, most recently used first.
    var keys: [CacheKey] { bodies.keysByRecency }

    /// `text` compressed, in storage of its size: zlib writes into a buffer as large as the input,
    /// and the array keeps that capacity after trimming, which would hold ten times what the budget
    /// counts.
    static func pack(_ text: String) -> Packed {
        let utf8 = Array(text.utf8)
        guard let compressed = Gzip.compress(utf8) else { return Packed(bytes: utf8, compressed: false) }
        let exact = [UInt8](unsafeUninitializedCapacity: compressed.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: compressed)
        }
        return Packed(bytes: exact, compressed: true)
    }

    static func unpack(_ packed: Packed) -> String? {
        guard packed.compressed else { return String(decoding: packed.bytes, as: UTF8.self) }
        return Gzip.decompress(packed.bytes).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension RequestContext {
    /// Renders `template` inside the layout, reusing the body rendered for `key` (with this template
    /// and language) when there is one. Only for pages whose body holds no form and nothing personal
    /// beyond what `key` names.
    func renderCached(_ template: String, title: String, key: CacheKey, _ model: () throws -> Any) throws -> Response {
        let bodyKey = CacheKey(family: key.family, version: key.version,
                               variant: "\(template)|\(strings.language.rawValue)|\(key.variant)")
        let body = try app.pageBodies.body(bodyKey) {
            try app.renderer.render(template, PageView(t: strings.table, csrfToken: "", page: try model()))
        }
        let html = try app.renderLayout(title: title, content: body, request: request, strings: strings,
                                        principal: principal, csrfToken: csrfToken)
        return Response(status: .ok, contentType: "text/html; charset=utf-8", text: html)
    }

    /// What stands for the reader's form token in a kept body with forms: drawn at random when the
    /// process starts and never shown, so no text a user wrote can be mistaken for it.
    static let formTokenHole = "form-token-" + UUID().uuidString

    /// Renders `template` inside the layout, reusing the body rendered for `key` (with this template
    /// and language), for a page whose body has forms: the body is kept with a hole where the form
    /// token goes, and each request fills in the reader's own token. `key` must name everything else
    /// the body depends on, including who the reader is to the page.
    func renderCachedWithForms(_ template: String, title: String, key: CacheKey, status: HTTPStatus = .ok,
                               _ model: () throws -> Any) throws -> Response {
        let bodyKey = CacheKey(family: key.family, version: key.version,
                               variant: "\(template)|\(strings.language.rawValue)|\(key.variant)")
        let kept = try app.pageBodies.body(bodyKey) {
            try app.renderer.render(template, PageView(t: strings.table, csrfToken: Self.formTokenHole, page: try model()))
        }
        let body = kept.replacingOccurrences(of: Self.formTokenHole, with: csrfToken)
        let html = try app.renderLayout(title: title, content: body, request: request, strings: strings,
                                        principal: principal, csrfToken: csrfToken)
        return Response(status: status, contentType: "text/html; charset=utf-8", text: html)
    }

    /// Renders a part of a page from `template`, reusing the part rendered for `key` (with this
    /// template and language) when there is one; the page puts it in with `{{{…}}}`. For a large part
    /// of a page that also has a form, which keeps the form (and its token) out of the cache.
    func renderPartCached(_ template: String, key: CacheKey, _ model: () throws -> Any) throws -> String {
        let partKey = CacheKey(family: key.family, version: key.version,
                               variant: "\(template)|\(strings.language.rawValue)|\(key.variant)")
        return try app.pageBodies.body(partKey) {
            try app.renderer.render(template, PageView(t: strings.table, csrfToken: "", page: try model()))
        }
    }
}
