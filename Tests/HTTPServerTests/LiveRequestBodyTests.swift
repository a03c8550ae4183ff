import Testing
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// A configuration with a small default body limit, so limits are cheap to exceed.
private let smallBodyLimit = ServerConfiguration.live { $0.limits.defaultBodyLimit = 1024 }

private func payload(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8 &+ 7) }
}

@Suite struct LiveChunkedUploadTests {
    @Test func chunkedUploadInSeveralWritesArrivesIntact() throws {
        var router = Router()
        router.post("/echo") { request in
            .text("\(request.body.count) \(checksum(request.body)) \(request.trailers["X-Trailer"] ?? "-")")
        }
        try withServer(router: router) { server in
            let body = payload(5000)
            let one = body[0..<1000], two = body[1000..<3500], three = body[3500...]
            let writes: [[UInt8]] = [
                Array("POST /echo HTTP/1.1\r\nHost: live\r\nTransfer-Encoding: chunked\r\n\r\n3e8;name=value\r\n".utf8)
                    + one.prefix(500),
                Array(one.dropFirst(500)) + Array("\r\n9C4;ext;quoted=\"a b\"\r".utf8),
                Array("\n".utf8) + Array(two) + Array("\r\n5dc\r\n".utf8) + Array(three) + Array("\r\n".utf8),
                Array("0;last=yes\r\nX-Trailer: done\r\n".utf8),
                Array("\r\n".utf8),
            ]
            let client = try server.connect()
            for bytes in writes {
                try client.send(bytes)
                usleep(20_000)
            }
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "5000 \(checksum(body)) done")
            // The connection is still in step for the next request.
            try client.send("POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 3\r\n\r\nabc")
            #expect(try client.readResponse().text == "3 \(checksum(Array("abc".utf8))) -")
        }
    }
}

@Suite struct LiveExpectContinueTests {
    @Test func continueComesBeforeTheBodyIsSent() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.statusLine == "HTTP/1.1 100 Continue")
            try client.send("hello world")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "11 \(checksum(Array("hello world".utf8)))")
        }
    }

    @Test func oversizedExpectingBodyGets413WithoutContinue() throws {
        try withServer(smallBodyLimit, router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.connectionHas("close"))
            #expect(client.isClosedByPeer(within: .seconds(3)))
            #expect(client.bufferedByteCount == 0)
        }
    }

    @Test func routeWithLargerLimitStillGetsContinue() throws {
        try withServer(smallBodyLimit, router: basicRouter()) { server in
            let client = try server.connect()
            let body = payload(10_000)
            try client.send("POST /upload HTTP/1.1\r\nHost: live\r\nContent-Length: 10000\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            try client.send(body)
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "10000 \(checksum(body))")
        }
    }
}

struct Rejection: Sendable, CustomTestStringConvertible {
    let name: String
    let request: String
    let status: Int

    init(_ name: String, _ request: String, _ status: Int) {
        self.name = name
        self.request = request
        self.status = status
    }

    var testDescription: String { "\(name) → \(status)" }

    static let all: [Rejection] = [
        Rejection("Content-Length with Transfer-Encoding",
                  "POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        Rejection("two Content-Lengths", "POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400),
        Rejection("Transfer-Encoding not chunked", "POST /echo HTTP/1.1\r\nHost: live\r\nTransfer-Encoding: identity\r\n\r\n", 400),
        Rejection("unknown method", "BREW /pot HTTP/1.1\r\nHost: live\r\n\r\n", 501),
        Rejection("TRACE", "TRACE /hello HTTP/1.1\r\nHost: live\r\n\r\n", 501),
        Rejection("request line too long", get("/" + String(repeating: "a", count: 9000)), 414),
        Rejection("too many header fields",
                  get("/hello", (0..<150).map { "X-Field-\($0): \($0)\r\n" }.joined()), 431),
        Rejection("header block too large", get("/hello", "X-Big: \(String(repeating: "b", count: 40_000))\r\n"), 431),
        Rejection("body over limit",
                  "POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 2000\r\n\r\n" + String(repeating: "x", count: 2000), 413),
        Rejection("chunked body over limit",
                  "POST /echo HTTP/1.1\r\nHost: live\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n"
                      + String(repeating: "x", count: 2048) + "\r\n0\r\n\r\n", 413),
        Rejection("missing Host", "GET /hello HTTP/1.1\r\n\r\n", 400),
        Rejection("bare LF line endings", "GET /hello HTTP/1.1\nHost: live\n\n", 400),
        Rejection("obsolete line folding", "GET /hello HTTP/1.1\r\nHost: live\r\nX-A: one\r\n two\r\n\r\n", 400),
        Rejection("space before colon", "GET /hello HTTP/1.1\r\nHost : live\r\n\r\n", 400),
        Rejection("HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: live\r\n\r\n", 505),
        Rejection("unsupported expectation", "GET /hello HTTP/1.1\r\nHost: live\r\nExpect: teapot\r\n\r\n", 417),
        Rejection("invalid chunk size", "POST /echo HTTP/1.1\r\nHost: live\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n", 400),
    ]
}

@Suite struct LiveParserRejectionTests {
    /// Each bad request is followed, in the same write, by a valid one. Exactly one response may
    /// come back, and then the connection must close: the server never reinterprets the rest of
    /// a rejected stream as another request (no request smuggling).
    @Test(arguments: Rejection.all)
    func badRequestIsAnsweredAndConnectionClosed(_ rejection: Rejection) throws {
        try withServer(smallBodyLimit, router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(rejection.request + get("/echo/smuggled"))
            let response = try client.readResponse()
            #expect(response.status == rejection.status)
            #expect(response.connectionHas("close"))
            let rest = try client.readUntilClosed()
            #expect(rest.isEmpty, "a second response followed: \(String(decoding: rest, as: UTF8.self))")
        }
    }

    @Test func routeBodyLimitAllowsMoreThanTheDefault() throws {
        try withServer(smallBodyLimit, router: basicRouter()) { server in
            let body = payload(10_000)
            let upload = try server.connect()
            try upload.send(Array("POST /upload HTTP/1.1\r\nHost: live\r\nContent-Length: 10000\r\n\r\n".utf8) + body)
            let accepted = try upload.readResponse()
            #expect(accepted.status == 200)
            #expect(accepted.text == "10000 \(checksum(body))")

            let echo = try server.connect()
            try echo.send(Array("POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 10000\r\n\r\n".utf8) + body)
            #expect(try echo.readResponse().status == 413)

            // The route limit is a limit too.
            let tooBig = try server.connect()
            try tooBig.send("POST /upload HTTP/1.1\r\nHost: live\r\nContent-Length: 70000\r\n\r\n")
            #expect(try tooBig.readResponse().status == 413)
        }
    }
}
