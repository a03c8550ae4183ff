/// What a handler returns: a status, header fields and a body.
///
/// `Date`, `Content-Length` and `Connection` are written by the server; a handler need not set them.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: ResponseBody

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: ResponseBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a UTF-8 text body and the given content type.
    public init(status: HTTPStatus = .ok, contentType: String, text: String) {
        self.init(status: status, headers: ["Content-Type": contentType], body: .bytes(Array(text.utf8)))
    }

    /// A plain-text response, as used for errors the server produces itself.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, contentType: "text/plain; charset=utf-8", text: text)
    }

    /// A redirect to `location` (303 See Other by default, the right answer after a form POST).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> Response {
        Response(status: status, headers: ["Location": location])
    }
}

/// The body of a response: bytes in memory, or a region of a file streamed from disk.
public enum ResponseBody: Sendable {
    case empty
    case bytes([UInt8])
    case file(FileRegion)

    /// The body length in bytes.
    public var count: Int {
        switch self {
        case .empty: return 0
        case .bytes(let bytes): return bytes.count
        case .file(let region): return region.length
        }
    }
}

/// A byte range of a file on disk, opened only when the response is written.
public struct FileRegion: Sendable {
    public let path: String
    public let offset: Int
    public let length: Int

    public init(path: String, offset: Int = 0, length: Int) {
        self.path = path
        self.offset = offset
        self.length = length
    }
}

/// An error a handler throws to answer with a given status (e.g. `throw HTTPError(.notFound)`).
public struct HTTPError: Error, Sendable {
    public let status: HTTPStatus
    public let message: String?

    public init(_ status: HTTPStatus, _ message: String? = nil) {
        self.status = status
        self.message = message
    }
}
