import Testing
@testable import HTTPServer

// MARK: - Helpers shared by the RequestParser*Tests files

/// A request reduced to what the parser decided, so two parses can be compared.
struct ParsedRequest: Equatable, CustomStringConvertible {
    let method: HTTPMethod
    let version: HTTPVersion
    let target: String
    let headers: [HTTPHeaders.Field]
    let body: [UInt8]
    let trailers: [HTTPHeaders.Field]

    init(_ request: Request) {
        method = request.method
        version = request.version
        target = request.target
        headers = request.headers.fields
        body = request.body
        trailers = request.trailers.fields
    }

    var description: String {
        // Long values are shortened so that a failure message stays readable.
        func show(_ fields: [HTTPHeaders.Field]) -> String {
            fields.map { field in
                let value = field.value.count > 40 ? "\(field.value.prefix(20))…(\(field.value.utf8.count) bytes)" : field.value
                return "\(field.name): \(value)"
            }.joined(separator: ", ")
        }
        let fields = show(headers), trailerFields = show(trailers)
        let shownTarget = target.count > 60 ? "\(target.prefix(30))…(\(target.utf8.count) bytes)" : target
        return "\(method) \(shownTarget) \(version.text) [\(fields)] body=\(body.count)B trailers=[\(trailerFields)]"
    }
}

/// A parser event in comparable form. `.needMoreData` is never recorded: it only ends a drain.
enum ParsedEvent: Equatable, CustomStringConvertible {
    case continueExpected
    case request(ParsedRequest)
    case error(HTTPParseError)

    var description: String {
        switch self {
        case .continueExpected: return "continueExpected"
        case .request(let request): return "request(\(request))"
        case .error(let error): return "error(\(error))"
        }
    }

    var isContinue: Bool {
        if case .continueExpected = self { return true }
        return false
    }
}

extension Array where Element == ParsedEvent {
    /// The events without `.continueExpected`, which legitimately depends on whether the body had
    /// already arrived when the head was parsed.
    var ignoringContinue: [ParsedEvent] { filter { !$0.isContinue } }

    var requests: [ParsedRequest] {
        compactMap { if case .request(let request) = $0 { return request } else { return nil } }
    }

    var firstError: HTTPParseError? {
        for event in self { if case .error(let error) = event { return error } }
        return nil
    }
}

/// Calls `next()` until the parser wants more data or fails, recording every other event.
/// Returns whether the parser failed.
@discardableResult
func drain(_ parser: inout RequestParser, into events: inout [ParsedEvent]) -> Bool {
    // A correct parser always stops; the bound turns a livelock into a test failure, not a hang.
    for _ in 0..<10_000 {
        switch parser.next() {
        case .needMoreData:
            return false
        case .continueExpected:
            events.append(.continueExpected)
        case .request(let request):
            events.append(.request(ParsedRequest(request)))
        case .error(let error):
            events.append(.error(error))
            return true
        }
    }
    Issue.record("the parser never asked for more data")
    return true
}

/// Feeds the pieces one after another, draining after each, and stops at the first error.
func parseEvents(
    pieces: [ArraySlice<UInt8>], limits: ParserLimits = ParserLimits(), bodyLimit: RequestParser.BodyLimit? = nil
) -> [ParsedEvent] {
    var parser = RequestParser(limits: limits, bodyLimit: bodyLimit)
    var events: [ParsedEvent] = []
    for piece in pieces {
        parser.append(piece)
        if drain(&parser, into: &events) { break }
    }
    return events
}

func parseEvents(
    _ bytes: [UInt8], limits: ParserLimits = ParserLimits(), bodyLimit: RequestParser.BodyLimit? = nil
) -> [ParsedEvent] {
    parseEvents(pieces: [bytes[...]], limits: limits, bodyLimit: bodyLimit)
}

func parseEvents(_ text: String, limits: ParserLimits = ParserLimits()) -> [ParsedEvent] {
    parseEvents(Array(text.utf8), limits: limits)
}

/// Parses one complete request, failing the test if the bytes are anything else.
func parseOne(_ text: String, limits: ParserLimits = ParserLimits(),
              sourceLocation: SourceLocation = #_sourceLocation) throws -> Request {
    var parser = RequestParser(limits: limits)
    parser.append(Array(text.utf8))
    while true {
        switch parser.next() {
        case .request(let request):
            return request
        case .continueExpected:
            continue
        case .needMoreData:
            Issue.record("the request is incomplete", sourceLocation: sourceLocation)
            throw ParseFailure.incomplete
        case .error(let error):
            Issue.record("the request was rejected: \(error)", sourceLocation: sourceLocation)
            throw ParseFailure.rejected(error)
        }
    }
}

enum ParseFailure: Error {
    case incomplete
    case rejected(HTTPParseError)
}

/// Splits `text` at the given byte offsets.
func pieces(of bytes: [UInt8], splitAt offsets: [Int]) -> [ArraySlice<UInt8>] {
    var result: [ArraySlice<UInt8>] = []
    var start = 0
    for offset in offsets.sorted() where offset > start && offset < bytes.count {
        result.append(bytes[start..<offset])
        start = offset
    }
    result.append(bytes[start...])
    return result
}

func repeated(_ character: Character, _ count: Int) -> String { String(repeating: character, count: count) }

// MARK: - Rejections

struct RejectionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let error: HTTPParseError
    let status: HTTPStatus

    init(_ name: String, _ text: String, _ error: HTTPParseError, _ status: HTTPStatus) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.error = error
        self.status = status
    }

    var testDescription: String { name }
}

private let get = "GET / HTTP/1.1\r\nHost: example.test\r\n"
private let post = "POST /submit HTTP/1.1\r\nHost: example.test\r\n"
private let chunkedPost = post + "Transfer-Encoding: chunked\r\n\r\n"

private func contentLength(_ value: String) -> String {
    post + "Content-Length: \(value)\r\n\r\nhello"
}

private func transferEncoding(_ value: String, version: String = "HTTP/1.1") -> String {
    "POST /submit \(version)\r\nHost: example.test\r\nTransfer-Encoding: \(value)\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
}

private func chunkSize(_ line: String) -> String { chunkedPost + line + "\r\nhello\r\n0\r\n\r\n" }

private let rejectionCases: [RejectionCase] = [
    // Limits.
    .init("request line over 8 KiB", "GET /\(repeated("a", 8 * 1024)) HTTP/1.1\r\nHost: x\r\n\r\n",
          .requestLineTooLong, .uriTooLong),
    .init("unterminated request line over 8 KiB", "GET /\(repeated("a", 9000))", .requestLineTooLong, .uriTooLong),
    .init("header block over 32 KiB", get + "X-Big: \(repeated("b", 32 * 1024))\r\n\r\n",
          .headerBlockTooLarge, .requestHeaderFieldsTooLarge),
    .init("unterminated header block over 32 KiB", get + "X-Big: \(repeated("b", 33 * 1024))",
          .headerBlockTooLarge, .requestHeaderFieldsTooLarge),
    .init("101 header fields", get + (1...100).map { "X-F\($0): v\r\n" }.joined() + "\r\n",
          .tooManyHeaderFields, .requestHeaderFieldsTooLarge),
    .init("Content-Length over the body limit", post + "Content-Length: 1048577\r\n\r\n",
          .bodyTooLarge, .contentTooLarge),
    .init("chunk over the body limit", chunkedPost + "100001\r\n", .bodyTooLarge, .contentTooLarge),
    .init("chunks adding up to more than the body limit", chunkedPost + "80000\r\n" + repeated("c", 0x80000)
              + "\r\n80001\r\n", .bodyTooLarge, .contentTooLarge),

    // Framing.
    .init("Content-Length and Transfer-Encoding", post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
          .contentLengthWithTransferEncoding, .badRequest),
    .init("Transfer-Encoding and Content-Length", post + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
          .contentLengthWithTransferEncoding, .badRequest),
    .init("duplicate identical Content-Length", post + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
          .multipleContentLengths, .badRequest),
    .init("conflicting Content-Length", post + "Content-Length: 5\r\ncontent-length: 6\r\n\r\nhello!",
          .multipleContentLengths, .badRequest),
    .init("Content-Length +5", contentLength("+5"), .invalidContentLength, .badRequest),
    .init("Content-Length -1", contentLength("-1"), .invalidContentLength, .badRequest),
    .init("Content-Length '5 5'", contentLength("5 5"), .invalidContentLength, .badRequest),
    .init("Content-Length 0x5", contentLength("0x5"), .invalidContentLength, .badRequest),
    .init("Content-Length 5,5", contentLength("5,5"), .invalidContentLength, .badRequest),
    .init("Content-Length empty", contentLength(""), .invalidContentLength, .badRequest),
    .init("Content-Length 5.0", contentLength("5.0"), .invalidContentLength, .badRequest),
    .init("Content-Length overflow", contentLength("99999999999999999999"), .invalidContentLength, .badRequest),
    .init("Content-Length 19 digits", contentLength("0000000000000000005"), .invalidContentLength, .badRequest),
    .init("Transfer-Encoding gzip", transferEncoding("gzip"), .transferEncodingNotChunked, .badRequest),
    .init("Transfer-Encoding chunked, gzip", transferEncoding("chunked, gzip"), .transferEncodingNotChunked,
          .badRequest),
    .init("Transfer-Encoding chunked, chunked", transferEncoding("chunked, chunked"), .malformedTransferEncoding,
          .badRequest),
    .init("Transfer-Encoding empty", transferEncoding(""), .malformedTransferEncoding, .badRequest),
    .init("Transfer-Encoding chunked;x=1", transferEncoding("chunked;x=1"), .malformedTransferEncoding, .badRequest),
    .init("two Transfer-Encoding lines", post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
          .multipleTransferEncodings, .badRequest),
    .init("Transfer-Encoding gzip, chunked", transferEncoding("gzip, chunked"), .unsupportedTransferCoding,
          .notImplemented),
    .init("Transfer-Encoding in HTTP/1.0", transferEncoding("chunked", version: "HTTP/1.0"),
          .transferEncodingInHTTP10, .badRequest),
    .init("chunk size -5", chunkSize("-5"), .invalidChunkSize, .badRequest),
    .init("chunk size +5", chunkSize("+5"), .invalidChunkSize, .badRequest),
    .init("chunk size 0x5", chunkSize("0x5"), .invalidChunkSize, .badRequest),
    .init("chunk size with leading space", chunkSize(" 5"), .invalidChunkSize, .badRequest),
    .init("chunk size with trailing space", chunkSize("5 "), .invalidChunkSize, .badRequest),
    .init("chunk size with leading tab", chunkSize("\t5"), .invalidChunkSize, .badRequest),
    .init("chunk size overflow", chunkSize("fffffffffffffffff"), .invalidChunkSize, .badRequest),
    .init("chunk size empty", chunkSize(""), .invalidChunkSize, .badRequest),
    .init("chunk size g", chunkSize("g"), .invalidChunkSize, .badRequest),
    .init("chunk extension with a control byte", chunkSize("5;a=\u{1}"), .invalidChunkSize, .badRequest),
    .init("chunk size line too long", chunkSize("5;" + repeated("x", 2000)), .invalidChunkSize, .badRequest),
    .init("chunk data not followed by CRLF", chunkedPost + "5\r\nhelloX\r\n0\r\n\r\n", .invalidChunkTerminator,
          .badRequest),
    .init("chunk data followed by bare LF", chunkedPost + "5\r\nhello\n0\r\n\r\n", .invalidChunkTerminator,
          .badRequest),

    // Header syntax.
    .init("whitespace before colon", "GET / HTTP/1.1\r\nHost : example.test\r\n\r\n", .whitespaceBeforeColon,
          .badRequest),
    .init("tab before colon", get + "X-A\t: 1\r\n\r\n", .whitespaceBeforeColon, .badRequest),
    .init("obs-fold with space", get + "X-A: 1\r\n continued\r\n\r\n", .obsoleteLineFolding, .badRequest),
    .init("obs-fold with tab", get + "X-A: 1\r\n\tcontinued\r\n\r\n", .obsoleteLineFolding, .badRequest),
    .init("bare CR in a header value", get + "X-A: a\rb\r\n\r\n", .invalidLineEnding, .badRequest),
    .init("bare CR in the request line", "GET /\r HTTP/1.1\r\nHost: x\r\n\r\n", .invalidLineEnding, .badRequest),
    .init("bare LF line endings", "GET / HTTP/1.1\nHost: x\n\n", .invalidLineEnding, .badRequest),
    .init("bare LF after a header", get + "X-A: 1\n\r\n", .invalidLineEnding, .badRequest),
    .init("bare LF ending the head", get + "\n", .invalidLineEnding, .badRequest),
    .init("NUL in a header name", get + "X-\u{0}A: 1\r\n\r\n", .invalidHeaderName, .badRequest),
    .init("NUL in a header value", get + "X-A: a\u{0}b\r\n\r\n", .invalidHeaderValue, .badRequest),
    .init("escape in a header name", get + "X-\u{1B}A: 1\r\n\r\n", .invalidHeaderName, .badRequest),
    .init("control byte in a header value", get + "X-A: a\u{1}b\r\n\r\n", .invalidHeaderValue, .badRequest),
    .init("DEL in a header value", get + "X-A: a\u{7F}b\r\n\r\n", .invalidHeaderValue, .badRequest),
    .init("header line without colon", get + "X-A\r\n\r\n", .invalidHeaderName, .badRequest),
    .init("empty header name", get + ": 1\r\n\r\n", .invalidHeaderName, .badRequest),
    .init("HTTP/1.1 without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", .missingHost, .badRequest),
    .init("two Host fields", get + "host: other.test\r\n\r\n", .multipleHosts, .badRequest),
    .init("Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", .invalidHeaderValue, .badRequest),

    // Request line.
    .init("unknown method", "FOO / HTTP/1.1\r\nHost: x\r\n\r\n", .unsupportedMethod, .notImplemented),
    .init("lower-case method", "get / HTTP/1.1\r\nHost: x\r\n\r\n", .unsupportedMethod, .notImplemented),
    .init("TRACE", "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", .unsupportedMethod, .notImplemented),
    .init("CONNECT", "CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n", .unsupportedMethod,
          .notImplemented),
    .init("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", .unsupportedVersion, .httpVersionNotSupported),
    .init("HTTP/3.0", "GET / HTTP/3.0\r\nHost: x\r\n\r\n", .unsupportedVersion, .httpVersionNotSupported),
    .init("double space", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", .malformedRequestLine, .badRequest),
    .init("missing version", "GET /\r\nHost: x\r\n\r\n", .malformedRequestLine, .badRequest),
    .init("lower-case version", "GET / http/1.1\r\nHost: x\r\n\r\n", .malformedRequestLine, .badRequest),
    .init("version without minor", "GET / HTTP/1\r\nHost: x\r\n\r\n", .malformedRequestLine, .badRequest),
    .init("trailing space", "GET / HTTP/1.1 \r\nHost: x\r\n\r\n", .malformedRequestLine, .badRequest),
    .init("tab as separator", "GET\t/ HTTP/1.1\r\nHost: x\r\n\r\n", .malformedRequestLine, .badRequest),
    .init("empty request line after a blank line", "\r\n \r\n\r\n", .malformedRequestLine, .badRequest),
    .init("Expect other than 100-continue", post + "Expect: 200-ok\r\nContent-Length: 5\r\n\r\nhello",
          .unsupportedExpectation, .expectationFailed),
    .init("two Expect fields", post + "Expect: 100-continue\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx",
          .unsupportedExpectation, .expectationFailed),

    // Target.
    .init("invalid percent-encoding %zz", "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
    .init("truncated percent-encoding", "GET /a% HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
    .init("half a percent-encoding", "GET /a%4 HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
    .init("%00 in the path", "GET /a%00b HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
    .init("decoded path not UTF-8", "GET /a%ff HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
    .init("raw non-ASCII in the target", "GET /\u{E4} HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
    .init("relative target", "GET a/b HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
    .init("asterisk form for GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", .invalidTarget, .badRequest),
]

@Suite("RequestParser rejections")
struct RequestParserRejectionTests {
    @Test(arguments: rejectionCases)
    func rejects(_ rejection: RejectionCase) {
        let events = parseEvents(rejection.bytes)
        #expect(events.ignoringContinue.last == .error(rejection.error), "events: \(events)")
        #expect(events.requests.isEmpty)
        #expect(rejection.error.status == rejection.status)
        #expect(!rejection.error.explanation.isEmpty)
    }

    @Test func errorIsSticky() {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/1.1\nHost: x\r\n\r\n".utf8))
        guard case .error(let first) = parser.next() else {
            Issue.record("expected an error")
            return
        }
        #expect(first == .invalidLineEnding)
        for _ in 0..<3 {
            guard case .error(let again) = parser.next() else {
                Issue.record("the parser recovered from an error")
                return
            }
            #expect(again == first)
        }
        // Even a perfectly valid request afterwards is not parsed: the stream is not reused.
        parser.append(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        guard case .error(let afterMore) = parser.next() else {
            Issue.record("the parser parsed a request after an error")
            return
        }
        #expect(afterMore == first)
        #expect(parser.phase == .idle)
    }

    @Test func errorAfterAGoodRequestIsSticky() {
        var parser = RequestParser()
        parser.append(Array((get + "\r\nGET / HTTP/9.9\r\nHost: x\r\n\r\n" + get + "\r\n").utf8))
        var events: [ParsedEvent] = []
        drain(&parser, into: &events)
        #expect(events.count == 2)
        #expect(events.requests.count == 1)
        #expect(events.last == .error(.unsupportedVersion))
        for _ in 0..<3 {
            guard case .error(let error) = parser.next() else {
                Issue.record("the parser recovered from an error")
                return
            }
            #expect(error == .unsupportedVersion)
        }
    }

    @Test func limitsAreInclusive() throws {
        // Exactly at each limit is accepted; one more byte or field is not.
        let target = "/" + repeated("a", 8 * 1024 - "GET  HTTP/1.1".utf8.count - 1)
        let line = "GET \(target) HTTP/1.1"
        #expect(line.utf8.count == 8 * 1024)
        let longLine = try parseOne(line + "\r\nHost: x\r\n\r\n")
        #expect(longLine.target == target)
        #expect(parseEvents("GET \(target)a HTTP/1.1\r\nHost: x\r\n\r\n") == [.error(.requestLineTooLong)])

        let hostField = "Host: x\r\n"
        let padding = 32 * 1024 - hostField.utf8.count - "X-Pad: \r\n".utf8.count
        let block = hostField + "X-Pad: \(repeated("p", padding))\r\n"
        #expect(block.utf8.count == 32 * 1024)
        let bigHead = try parseOne("GET / HTTP/1.1\r\n" + block + "\r\n")
        #expect(bigHead.headers["X-Pad"]?.utf8.count == padding)
        let tooBig = "GET / HTTP/1.1\r\n" + hostField + "X-Pad: \(repeated("p", padding + 1))\r\n\r\n"
        #expect(parseEvents(tooBig) == [.error(.headerBlockTooLarge)])

        let hundred = "GET / HTTP/1.1\r\nHost: x\r\n" + (2...100).map { "X-F\($0): v\r\n" }.joined() + "\r\n"
        #expect(try parseOne(hundred).headers.count == 100)

        let atLimit = post + "Content-Length: 1048576\r\n\r\n" + repeated("z", 1024 * 1024)
        #expect(try parseOne(atLimit).body.count == 1024 * 1024)
    }

    @Test func contentLengthWithOptionalWhitespaceIsAPlainNumber() throws {
        // RFC 9112 §5.1: whitespace around a field value is not part of it, so "Content-Length: 5 "
        // is the value "5"; only whitespace inside the value makes it invalid.
        let request = try parseOne(post + "Content-Length: \t5 \t\r\n\r\nhello")
        #expect(request.body == Array("hello".utf8))
    }
}

// MARK: - Successful parses

@Suite("RequestParser successful parses")
struct RequestParserParseTests {
    @Test func requestLineAndTarget() throws {
        let request = try parseOne(
            "GET /static/my%20file.css?q=a+b%26c&empty=&flag&x=%zz&=v HTTP/1.1\r\nHost: example.test\r\n\r\n")
        #expect(request.method == .GET)
        #expect(request.version == .http1_1)
        #expect(request.target == "/static/my%20file.css?q=a+b%26c&empty=&flag&x=%zz&=v")
        #expect(request.path == "/static/my file.css")
        #expect(request.rawPath == "/static/my%20file.css")
        #expect(request.query == "q=a+b%26c&empty=&flag&x=%zz&=v")
        #expect(request.queryItems == [
            QueryItem(name: "q", value: "a b&c"),
            QueryItem(name: "empty", value: ""),
            QueryItem(name: "flag", value: ""),
            QueryItem(name: "x", value: "%zz"),
            QueryItem(name: "", value: "v"),
        ])
        #expect(request.queryValue("q") == "a b&c")
        #expect(request.body.isEmpty)
        #expect(request.trailers.count == 0)
    }

    @Test func plusInThePathIsNotASpace() throws {
        let request = try parseOne("GET /a+b/%C3%A4?n=%C3%A4 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(request.path == "/a+b/ä")
        #expect(request.rawPath == "/a+b/%C3%A4")
        #expect(request.queryItems == [QueryItem(name: "n", value: "ä")])
    }

    @Test func headersKeepOrderAndDuplicatesAndIgnoreCase() throws {
        let request = try parseOne(
            "GET / HTTP/1.1\r\nHost: example.test\r\nAccept:text/html\r\nSet-Cookie: a=1\r\n"
                + "X-Empty:\r\nset-cookie: b=2 \t\r\nX-Spaces:   inner  value  \r\nX-Obs: caf\u{E9}\r\n\r\n")
        #expect(request.headers.fields.map(\.name) == [
            "Host", "Accept", "Set-Cookie", "X-Empty", "set-cookie", "X-Spaces", "X-Obs",
        ])
        #expect(request.headers["host"] == "example.test")
        #expect(request.headers["ACCEPT"] == "text/html")
        #expect(request.headers.values("SET-COOKIE") == ["a=1", "b=2"])
        #expect(request.headers["Set-Cookie"] == "a=1")
        #expect(request.headers["X-Empty"] == "")
        #expect(request.headers["X-Spaces"] == "inner  value")
        #expect(request.headers["X-Obs"] == "café")
        #expect(request.headers["Missing"] == nil)
    }

    @Test func http10WithoutHost() throws {
        let request = try parseOne("GET /old HTTP/1.0\r\n\r\n")
        #expect(request.version == .http1_0)
        #expect(request.path == "/old")
        #expect(!request.wantsKeepAlive)
        let keepAlive = try parseOne("GET /old HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
        #expect(keepAlive.wantsKeepAlive)
    }

    @Test func http11() throws {
        let request = try parseOne("DELETE /units/7 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(request.version == .http1_1)
        #expect(request.method == .DELETE)
        #expect(request.wantsKeepAlive)
        let closing = try parseOne("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(!closing.wantsKeepAlive)
        // A later 1.x minor version is treated as 1.1.
        #expect(try parseOne("GET / HTTP/1.9\r\nHost: x\r\n\r\n").version == .http1_1)
    }

    @Test func everySupportedMethod() throws {
        for method in HTTPMethod.allCases {
            let request = try parseOne("\(method.rawValue) /m HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(request.method == method)
        }
        let options = try parseOne("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(options.path == "/")
    }

    @Test func absoluteForm() throws {
        let request = try parseOne("GET http://example.test:8080/a%2Fb/c?x=1 HTTP/1.1\r\nHost: example.test\r\n\r\n")
        #expect(request.target == "http://example.test:8080/a%2Fb/c?x=1")
        #expect(request.path == "/a/b/c")
        #expect(request.rawPath == "/a%2Fb/c")
        #expect(request.query == "x=1")
        #expect(try parseOne("GET HTTPS://example.test HTTP/1.1\r\nHost: x\r\n\r\n").path == "/")
        let queryOnly = try parseOne("GET http://example.test?y=2 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(queryOnly.path == "/")
        #expect(queryOnly.queryItems == [QueryItem(name: "y", value: "2")])
    }

    @Test func leadingEmptyLinesAreSkipped() throws {
        let request = try parseOne("\r\n\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(request.path == "/after")
        let events = parseEvents(get + "\r\n\r\n" + get + "\r\n")
        #expect(events.requests.count == 2)
    }

    @Test func contentLengthBody() throws {
        let request = try parseOne(post + "Content-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello\r\nworld")
        #expect(request.method == .POST)
        #expect(request.body == Array("hello\r\nworld".utf8.prefix(11)))
    }

    @Test func binaryBodyIsKeptAsIs() throws {
        let body: [UInt8] = Array(0...255)
        var parser = RequestParser()
        parser.append(Array((post + "Content-Length: 256\r\n\r\n").utf8) + body)
        guard case .request(let request) = parser.next() else {
            Issue.record("expected a request")
            return
        }
        #expect(request.body == body)
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let request = try parseOne(
            chunkedPost.replacingOccurrences("\r\n\r\n", "\r\nTrailer: X-Checksum\r\n\r\n")
                + "5;name=value;flag\r\nhello\r\n"
                + "A\r\n, chunked \r\n"
                + "1a\r\n" + repeated("z", 26) + "\r\n"
                + "000;last\r\n"
                + "X-Checksum: abc\r\nX-Other:  two \r\n\r\n")
        #expect(request.body == Array(("hello, chunked " + repeated("z", 26)).utf8))
        #expect(request.trailers.fields == [
            HTTPHeaders.Field(name: "X-Checksum", value: "abc"),
            HTTPHeaders.Field(name: "X-Other", value: "two"),
        ])
        #expect(request.trailers["x-checksum"] == "abc")
        #expect(request.headers["Transfer-Encoding"] == "chunked")
        #expect(request.headers["X-Checksum"] == nil)
    }

    @Test func chunkedWithoutTrailersAndMixedCaseCoding() throws {
        let request = try parseOne(post + "Transfer-Encoding: Chunked\r\n\r\nfF\r\n" + repeated("y", 255)
                                   + "\r\n0\r\n\r\n")
        #expect(request.body.count == 255)
        #expect(request.trailers.count == 0)
    }

    @Test func zeroLengthBodies() throws {
        let zero = try parseOne(post + "Content-Length: 0\r\n\r\n")
        #expect(zero.body.isEmpty)
        let noLength = try parseOne(post + "\r\n")
        #expect(noLength.body.isEmpty)
        let emptyChunked = try parseOne(chunkedPost + "0\r\n\r\n")
        #expect(emptyChunked.body.isEmpty)
        #expect(emptyChunked.trailers.count == 0)
    }

    @Test func pipelinedRequestsInOneBuffer() throws {
        let text = "GET /first HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
            + "POST /third HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n"
            + "GET /fourth HTTP/1.0\r\n\r\n"
            + "GET /fif"
        var parser = RequestParser()
        parser.append(Array(text.utf8))
        var events: [ParsedEvent] = []
        drain(&parser, into: &events)
        let requests = events.requests
        #expect(events.count == 4)
        #expect(requests.map(\.target) == ["/first", "/second", "/third", "/fourth"])
        #expect(requests.map(\.body) == [[], Array("abc".utf8), Array("de".utf8), []])
        #expect(requests[2].trailers == [HTTPHeaders.Field(name: "T", value: "1")])
        #expect(parser.phase == .head)
        #expect(parser.bufferedByteCount == "GET /fif".utf8.count)
        parser.append(Array("th HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        guard case .request(let fifth) = parser.next() else {
            Issue.record("expected the fifth request")
            return
        }
        #expect(fifth.path == "/fifth")
        #expect(parser.phase == .idle)
    }

    @Test func phases() {
        var parser = RequestParser()
        #expect(parser.phase == .idle)
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .idle)
        parser.append(Array("P".utf8))
        #expect(parser.phase == .head)
        parser.append(Array("OST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n".utf8))
        #expect(parser.phase == .head)
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .body)
        parser.append(Array("ab".utf8))
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .body)
        parser.append(Array("cd".utf8))
        #expect(isRequest(parser.next()))
        #expect(parser.phase == .idle)

        parser.append(Array(chunkedPost.utf8))
        #expect(parser.phase == .head)
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .body)
        parser.append(Array("3\r\nabc\r\n".utf8))
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .body)
        parser.append(Array("0\r\nX-T: 1\r\n".utf8))
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .body)
        parser.append(Array("\r\nG".utf8))
        #expect(isRequest(parser.next()))
        #expect(parser.phase == .head)
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .head)
    }

    @Test func leadingEmptyLineAloneLeavesTheParserIdle() {
        var parser = RequestParser()
        parser.append(Array("\r\n".utf8))
        #expect(isNeedMoreData(parser.next()))
        #expect(parser.phase == .idle)
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func bufferedByteCountAfterCompaction() throws {
        // Many requests through one parser must not make the buffer grow without bound.
        var parser = RequestParser()
        let request = Array((post + "Content-Length: 1000\r\n\r\n" + repeated("b", 1000)).utf8)
        for _ in 0..<200 {
            parser.append(request.prefix(500))
            #expect(isNeedMoreData(parser.next()))
            parser.append(request.dropFirst(500))
            #expect(isRequest(parser.next()))
            #expect(parser.bufferedByteCount == 0)
        }
    }
}

// MARK: - 100-continue and body limits

@Suite("RequestParser Expect and body limits")
struct RequestParserExpectationTests {
    private let expecting = "POST /submit HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n"

    @Test func continueIsReportedOnceBeforeTheBody() {
        var parser = RequestParser()
        parser.append(Array(expecting.utf8))
        #expect(isContinue(parser.next()))
        #expect(parser.phase == .body)
        #expect(isNeedMoreData(parser.next()))
        #expect(isNeedMoreData(parser.next()))
        for byte in "hell".utf8 {
            parser.append([byte])
            #expect(isNeedMoreData(parser.next()))
        }
        parser.append(Array("o".utf8))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(request.body == Array("hello".utf8))
        #expect(isNeedMoreData(parser.next()))
    }

    @Test func continueIsReportedForChunkedBodies() {
        let head = chunkedPost.replacingOccurrences("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n")
        let events = parseEvents(pieces: [Array(head.utf8)[...], Array("1\r\na\r\n0\r\n\r\n".utf8)[...]])
        #expect(events.count == 2)
        #expect(events.first == .continueExpected)
        #expect(events.requests.map(\.body) == [Array("a".utf8)])
    }

    @Test func continueIsNotReportedWhenTheBodyIsAlreadyHere() {
        let events = parseEvents(expecting + "hello")
        #expect(events.count == 1)
        #expect(events.requests.count == 1)
    }

    @Test func continueIsNotReportedWithoutABody() {
        let events = parseEvents(expecting.replacingOccurrences("Content-Length: 5", "Content-Length: 0"))
        #expect(events.count == 1)
        #expect(events.requests.count == 1)
    }

    @Test func tooLargeBodyIsRefusedInsteadOfContinued() {
        let text = expecting.replacingOccurrences("Content-Length: 5", "Content-Length: 1048577")
        #expect(parseEvents(text) == [.error(.bodyTooLarge)])
    }

    @Test func http10ExpectIsIgnored() {
        var parser = RequestParser()
        parser.append(Array("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n".utf8))
        #expect(isNeedMoreData(parser.next()))
        parser.append(Array("hello".utf8))
        #expect(isRequest(parser.next()))
    }

    @Test func perRouteBodyLimit() throws {
        let mebibyte = 1024 * 1024
        let limit: RequestParser.BodyLimit = { method, path in
            method == .POST && path == "/upload" ? 5 * mebibyte : mebibyte
        }
        func events(_ target: String, length: Int, chunked: Bool = false) -> [ParsedEvent] {
            let framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: \(length)"
            var bytes = Array("POST \(target) HTTP/1.1\r\nHost: x\r\n\(framing)\r\n\r\n".utf8)
            if chunked {
                bytes += Array("\(String(length, radix: 16))\r\n".utf8) + [UInt8](repeating: 0x41, count: length)
                bytes += Array("\r\n0\r\n\r\n".utf8)
            } else {
                bytes += [UInt8](repeating: 0x41, count: length)
            }
            return parseEvents(bytes, bodyLimit: limit)
        }
        #expect(events("/upload", length: 3 * mebibyte).requests.map(\.body.count) == [3 * mebibyte])
        #expect(events("/upload", length: 5 * mebibyte).requests.map(\.body.count) == [5 * mebibyte])
        // The closure sees the decoded path.
        #expect(events("/%75pload?x=1", length: 2 * mebibyte).requests.map(\.body.count) == [2 * mebibyte])
        #expect(events("/upload", length: 3 * mebibyte, chunked: true).requests.map(\.body.count) == [3 * mebibyte])
        #expect(events("/upload", length: 5 * mebibyte + 1) == [.error(.bodyTooLarge)])
        #expect(events("/upload", length: 5 * mebibyte + 1, chunked: true) == [.error(.bodyTooLarge)])
        #expect(events("/other", length: 2 * mebibyte) == [.error(.bodyTooLarge)])
        #expect(events("/other", length: 2 * mebibyte, chunked: true) == [.error(.bodyTooLarge)])
        #expect(events("/other", length: mebibyte).requests.count == 1)
    }
}

// MARK: - Small helpers

func isNeedMoreData(_ event: ParserEvent) -> Bool {
    if case .needMoreData = event { return true }
    return false
}

func isRequest(_ event: ParserEvent) -> Bool {
    if case .request = event { return true }
    return false
}

func isContinue(_ event: ParserEvent) -> Bool {
    if case .continueExpected = event { return true }
    return false
}

extension String {
    /// Replaces every occurrence, without Foundation.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
