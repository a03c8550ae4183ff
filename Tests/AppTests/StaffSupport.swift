import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Shortcuts for the staff page tests, over the shared `TestApp` and `World`.
extension TestApp {
    /// Signs in and loads a page, so the browser holds a CSRF token for its next form.
    func staffBrowser(_ login: String) throws -> Browser {
        var browser = try signIn(login)
        try browser.get("/")
        return browser
    }
}

extension Browser {
    /// Posts `fields` with the session's CSRF token, loading a page first when the last response (a
    /// redirect) carried none.
    @discardableResult
    mutating func submit(_ target: String, _ fields: [String: String]) throws -> Response {
        if csrfToken == nil { try get("/") }
        return try post(target, fields)
    }

    /// GET and return the status code only.
    mutating func status(_ target: String) throws -> Int {
        try get(target).status.code
    }
}

/// The id of a stored record, or a test failure.
func id(_ value: Int64?) throws -> Int64 {
    guard let value else { throw TestFailure("record has no id") }
    return value
}

/// How many times `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// The page's `<main>` element: what differs between two pages, without the chrome around it.
func mainContent(_ html: String) -> String {
    guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
    return String(html[start.lowerBound..<end.upperBound])
}
