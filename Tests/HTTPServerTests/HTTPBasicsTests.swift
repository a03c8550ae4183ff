import Testing
@testable import HTTPServer

@Suite("Headers, dates, media types, serialisation")
struct HTTPBasicsTests {
    @Test func headersKeepOrderAndDuplicatesWithCaseInsensitiveLookup() {
        var headers = HTTPHeaders()
        headers.add("Set-Cookie", "a=1")
        headers.add("content-type", "text/plain")
        headers.add("Set-Cookie", "b=2")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        #expect(headers.values("set-cookie") == ["a=1", "b=2"])
        headers.set("Set-Cookie", "c=3")
        #expect(headers.values("Set-Cookie") == ["c=3"])
        #expect(headers.fields.map(\.name) == ["content-type", "Set-Cookie"])
    }

    @Test func tokensAreMatchedAsListElements() {
        let headers: HTTPHeaders = ["Connection": "Keep-Alive, Upgrade", "Vary": "Cookie,accept-encoding"]
        #expect(headers.containsToken("connection", "keep-alive"))
        #expect(headers.containsToken("Connection", "upgrade"))
        #expect(!headers.containsToken("Connection", "close"))
        #expect(headers.containsToken("Vary", "Accept-Encoding"))
        #expect(!HTTPHeaders(dictionaryLiteral: ("Connection", "closed")).containsToken("Connection", "close"))
    }

    @Test func keepAliveRules() throws {
        func wants(_ version: HTTPVersion, _ connection: String?) throws -> Bool {
            var headers: HTTPHeaders = ["Host": "x"]
            if let connection { headers.add("Connection", connection) }
            return try Request(method: .GET, version: version, target: "/", headers: headers).wantsKeepAlive
        }
        #expect(try wants(.http1_1, nil))
        #expect(try !wants(.http1_1, "close"))
        #expect(try !wants(.http1_0, nil))
        #expect(try wants(.http1_0, "keep-alive"))
    }

    @Test func httpDateRoundTrip() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 32 Nov 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("garbage") == nil)
    }

    @Test func mediaTypes() {
        #expect(MediaType.forPath("/a/site.css") == "text/css; charset=utf-8")
        #expect(MediaType.forPath("logo.SVG") == "image/svg+xml")
        #expect(MediaType.forPath("noextension") == "application/octet-stream")
        #expect(MediaType.forPath("dir.d/file") == "application/octet-stream")
    }

    @Test func serializerOwnsFramingHeaders() {
        let response = Response(status: .ok, headers: ["Content-Length": "999", "Connection": "keep-alive", "X-A": "1"],
                                body: .bytes(Array("hello".utf8)))
        let serialized = ResponseSerializer.serialize(response, requestMethod: .GET, version: .http1_1, keepAlive: false)
        let head = String(decoding: serialized.head, as: UTF8.self)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(head.contains("Content-Length: 5\r\n"))
        #expect(!head.contains("999"))
        #expect(head.contains("Connection: close\r\n"))
        #expect(head.contains("X-A: 1\r\n"))
        #expect(head.contains("\r\nDate: "))
        #expect(head.hasSuffix("\r\n\r\n"))
    }

    @Test func serializerRefusesHeaderInjection() {
        let response = Response(status: .ok, headers: ["Location": "/x\r\nSet-Cookie: evil=1"])
        let serialized = ResponseSerializer.serialize(response, requestMethod: .GET, version: .http1_1, keepAlive: true)
        let head = String(decoding: serialized.head, as: UTF8.self)
        #expect(serialized.status == .internalServerError)
        #expect(!head.contains("evil"))
    }

    @Test func headKeepsLengthButDropsBody() {
        let response = Response.text("twelve bytes")
        let serialized = ResponseSerializer.serialize(response, requestMethod: .HEAD, version: .http1_1, keepAlive: true)
        #expect(String(decoding: serialized.head, as: UTF8.self).contains("Content-Length: 12\r\n"))
        #expect(serialized.body.count == 0)
    }

    @Test func http10KeepAliveIsAnnounced() {
        let serialized = ResponseSerializer.serialize(.text("x"), requestMethod: .GET, version: .http1_0, keepAlive: true)
        #expect(String(decoding: serialized.head, as: UTF8.self).contains("Connection: keep-alive\r\n"))
    }

    @Test func noContentHasNoLength() {
        let serialized = ResponseSerializer.serialize(Response(status: .noContent), requestMethod: .GET,
                                                      version: .http1_1, keepAlive: true)
        #expect(!String(decoding: serialized.head, as: UTF8.self).contains("Content-Length"))
    }
}
