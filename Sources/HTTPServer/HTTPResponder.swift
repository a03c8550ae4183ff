/// What the server calls for each request. `Router` is the usual implementation.
///
/// `respond` runs on a worker thread and may block; it never throws, so every outcome is a response.
public protocol HTTPResponder: Sendable {
    func respond(to request: Request) -> Response
    /// A larger (or smaller) body limit for some routes, e.g. uploads; nil keeps the default.
    func bodyLimit(method: HTTPMethod, path: String) -> Int?
}

extension HTTPResponder {
    public func bodyLimit(method: HTTPMethod, path: String) -> Int? { nil }
}
