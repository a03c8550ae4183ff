/// A request handler. Throwing `HTTPError` answers with its status; any other error becomes 500.
public typealias Handler = @Sendable (Request) throws -> Response

/// Wraps a handler in behaviour of its own (logging, headers, sessions…). Middleware composes as
/// plain function composition: the first in the list is the outermost.
public typealias Middleware = @Sendable (@escaping Handler) -> Handler

/// Routes by method and path pattern. Patterns are literal segments, `:name` parameters (one
/// segment each) and a final `*name` that captures the rest of the path.
///
/// Build it with `add`, then call `responder(middleware:)` to get the immutable `HTTPResponder`.
public struct Router: Sendable {
    struct Route: Sendable {
        let method: HTTPMethod
        let pattern: RoutePattern
        let handler: Handler
        let bodyLimit: Int?
    }

    private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route. `bodyLimit` raises (or lowers) the body limit for this route, e.g. for uploads.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), handler: handler, bodyLimit: bodyLimit))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add(.GET, pattern, handler) }

    public mutating func post(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.POST, pattern, bodyLimit: bodyLimit, handler)
    }

    /// The pattern of the route that would answer `method` at `path` (HEAD as GET), as it was added;
    /// nil when none would. For tests that print links and check they reach the intended route.
    public func pattern(answering method: HTTPMethod, path: String) -> String? {
        let method = method == .HEAD ? .GET : method
        let segments = RoutePattern.segments(of: path)
        let literal = routes.filter { $0.pattern.isLiteral && $0.pattern.literalPath == path && $0.method == method }
        if let route = literal.first { return route.pattern.text }
        return routes.first { !$0.pattern.isLiteral && $0.method == method && $0.pattern.match(segments) != nil }?
            .pattern.text
    }

    /// The finished responder. `errorResponse` renders the 404, 405 and 500 pages and thrown errors.
    public func responder(
        middleware: [Middleware] = [],
        errorResponse: @escaping @Sendable (HTTPStatus, Request, String?) -> Response = { status, _, message in
            .text(message ?? "\(status.code) \(status.reason)\n", status: status)
        }
    ) -> RouterResponder {
        RouterResponder(routes: routes, middleware: middleware, errorResponse: errorResponse)
    }
}

/// The immutable result of a `Router`: finds the route, runs the middleware chain and the handler.
public final class RouterResponder: HTTPResponder {
    private let routes: [Router.Route]
    /// Routes without parameters, found by dictionary lookup before the pattern scan.
    private let literalRoutes: [String: [Router.Route]]
    private let patternRoutes: [Router.Route]
    private let chain: Handler
    /// Whether any route sets its own body limit; most requests then skip the lookup entirely.
    private let hasBodyLimits: Bool

    init(routes: [Router.Route], middleware: [Middleware],
         errorResponse: @escaping @Sendable (HTTPStatus, Request, String?) -> Response) {
        self.routes = routes
        hasBodyLimits = routes.contains { $0.bodyLimit != nil }
        literalRoutes = Dictionary(grouping: routes.filter { $0.pattern.isLiteral }, by: { $0.pattern.literalPath })
        let patternRoutes = routes.filter { !$0.pattern.isLiteral }
        self.patternRoutes = patternRoutes
        let literals = literalRoutes
        let dispatch: Handler = { request in
            try Self.dispatch(request, literalRoutes: literals, patternRoutes: patternRoutes, errorResponse: errorResponse)
        }
        let composed = middleware.reversed().reduce(dispatch) { handler, wrap in wrap(handler) }
        chain = { request in
            do {
                return try composed(request)
            } catch let error as HTTPError {
                return errorResponse(error.status, request, error.message)
            } catch {
                return errorResponse(.internalServerError, request, nil)
            }
        }
    }

    public func respond(to request: Request) -> Response {
        // `chain` catches everything, so this `try` cannot fail; the fallback keeps the type honest.
        (try? chain(request)) ?? .text("Internal Server Error\n", status: .internalServerError)
    }

    public func bodyLimit(method: HTTPMethod, path: String) -> Int? {
        guard hasBodyLimits else { return nil }
        let segments = RoutePattern.segments(of: path)
        return routes.first { $0.method == method && $0.pattern.match(segments) != nil }?.bodyLimit
    }

    private static func dispatch(
        _ request: Request, literalRoutes: [String: [Router.Route]], patternRoutes: [Router.Route],
        errorResponse: @Sendable (HTTPStatus, Request, String?) -> Response
    ) throws -> Response {
        // HEAD is answered by the GET handler; the server drops the body.
        let method = request.method == .HEAD ? .GET : request.method
        var candidates: [(Router.Route, [String: String])] = []
        if let literal = literalRoutes[request.rawPath] {
            candidates = literal.map { ($0, [:]) }
        } else {
            let segments = RoutePattern.segments(of: request.rawPath)
            for route in patternRoutes {
                if let parameters = route.pattern.match(segments) { candidates.append((route, parameters)) }
            }
        }
        if let (route, parameters) = candidates.first(where: { $0.0.method == method }) {
            var routed = request
            routed.parameters = parameters
            return try route.handler(routed)
        }
        if candidates.isEmpty { return errorResponse(.notFound, request, nil) }
        var allowed = Set(candidates.map(\.0.method))
        if allowed.contains(.GET) { allowed.insert(.HEAD) }
        let allow = HTTPMethod.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
        if request.method == .OPTIONS { return Response(status: .noContent, headers: ["Allow": allow]) }
        var response = errorResponse(.methodNotAllowed, request, nil)
        response.headers.set("Allow", allow)
        return response
    }
}

/// A parsed route pattern such as `/units/:id` or `/static/*path`.
struct RoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case rest(String)
    }

    let segments: [Segment]
    /// The pattern as it was written.
    let text: String

    init(_ pattern: String) {
        text = pattern
        segments = Self.segments(of: pattern).map { segment in
            if segment.hasPrefix(":") { return .parameter(String(segment.dropFirst())) }
            if segment.hasPrefix("*") { return .rest(String(segment.dropFirst())) }
            return .literal(segment)
        }
    }

    var isLiteral: Bool { segments.allSatisfy { if case .literal = $0 { true } else { false } } }

    var literalPath: String {
        "/" + segments.compactMap { if case .literal(let text) = $0 { text } else { nil } }.joined(separator: "/")
    }

    static func segments(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// Matches raw (still percent-encoded) path segments; parameters are returned decoded. A
    /// segment that does not decode cleanly does not match, so handlers never see broken text.
    func match(_ pathSegments: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .literal(let text):
                guard index < pathSegments.count, pathSegments[index] == text else { return nil }
            case .parameter(let name):
                guard index < pathSegments.count, let value = Self.decode(pathSegments[index]) else { return nil }
                parameters[name] = value
            case .rest(let name):
                guard index < pathSegments.count,
                      let value = Self.decode(pathSegments[index...].joined(separator: "/")) else { return nil }
                parameters[name] = value
                return parameters
            }
        }
        return pathSegments.count == segments.count ? parameters : nil
    }

    private static func decode(_ text: String) -> String? {
        guard let bytes = PercentDecoding.decode(text.utf8, plusAsSpace: false) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
