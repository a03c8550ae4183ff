/// One parsed HTTP request, immutable once the parser hands it over except for what routing and
/// middleware add (`parameters`, `id`).
public struct Request: Sendable {
    public let method: HTTPMethod
    public let version: HTTPVersion
    /// The request target exactly as sent, e.g. `/units/7?tab=staff`.
    public let target: String
    /// The percent-decoded path, e.g. `/static/my file.css`.
    public let path: String
    /// The path as sent, still percent-encoded.
    public let rawPath: String
    /// The raw query string without `?`, or empty.
    public let query: String
    /// Decoded `name=value` pairs of the query string, in order.
    public let queryItems: [QueryItem]
    public let headers: HTTPHeaders
    public let body: [UInt8]
    /// Trailer fields that followed a chunked body.
    public let trailers: HTTPHeaders

    /// Path parameters captured by the router, e.g. `id` for `/units/:id`.
    public var parameters: [String: String] = [:]
    /// Request identifier for logs and the `X-Request-Id` response header.
    public var id: String = ""
    /// The peer address, e.g. `127.0.0.1:51234` or `[::1]:51234`.
    public var remoteAddress: String = ""

    /// Builds a request from parts, e.g. in tests; throws if the target is not a valid origin- or
    /// absolute-form target.
    public init(
        method: HTTPMethod, version: HTTPVersion = .http1_1, target: String, headers: HTTPHeaders = [:],
        body: [UInt8] = [], trailers: HTTPHeaders = [:]
    ) throws(RequestTargetError) {
        self.init(method: method, version: version, target: target, parsedTarget: try RequestTarget(target),
                  headers: headers, body: body, trailers: trailers)
    }

    /// The parser's initialiser: the target has been parsed already.
    init(
        method: HTTPMethod, version: HTTPVersion, target: String, parsedTarget: RequestTarget,
        headers: HTTPHeaders, body: [UInt8], trailers: HTTPHeaders
    ) {
        self.method = method
        self.version = version
        self.target = target
        self.path = parsedTarget.path
        self.rawPath = parsedTarget.rawPath
        self.query = parsedTarget.query
        self.queryItems = parsedTarget.queryItems
        self.headers = headers
        self.body = body
        self.trailers = trailers
    }

    /// The first query value with that name.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Whether the client wants the connection kept open after this request (RFC 9112 §9.3).
    public var wantsKeepAlive: Bool {
        switch version {
        case .http1_1: return !headers.containsToken("Connection", "close")
        case .http1_0: return headers.containsToken("Connection", "keep-alive") && !headers.containsToken("Connection", "close")
        }
    }
}

/// A decoded query-string or form item.
public struct QueryItem: Sendable, Hashable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
