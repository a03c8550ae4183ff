import Foundation
import HTTPServer

/// Rendered page bodies of result dashboards, keyed by everything the body depends on (round, its
/// results version, unit, language, sort, the reader's kind of access). The layout around a body, with
/// the reader's name and form token, is still rendered per request. Results of a round change only
/// with a new response or a change of status, and the version in the key makes such a body unused.
final class PageBodyCache: Sendable {
    private let bodies = SingleFlight<String>(capacity: 2_000)

    func body(_ key: String, render: () throws -> String) throws -> String {
        try bodies.value(key, build: render)
    }
}

extension RequestContext {
    /// Renders `template` inside the layout, reusing the body rendered for `key` when there is one.
    /// Only for pages whose body holds no form and nothing personal beyond what `key` names.
    func renderCached(_ template: String, title: String, key: String, _ model: () throws -> Any) throws -> Response {
        let body = try app.pageBodies.body("\(template)|\(strings.language.rawValue)|\(key)") {
            try app.renderer.render(template, PageView(t: strings.table, csrfToken: "", page: try model()))
        }
        let html = try app.renderLayout(title: title, content: body, request: request, strings: strings,
                                        principal: principal, csrfToken: csrfToken)
        return Response(status: .ok, contentType: "text/html; charset=utf-8", text: html)
    }
}
