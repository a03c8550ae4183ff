import Testing
@testable import HTTPServer

@Suite("gzip and negotiation")
struct CompressionTests {
    @Test(arguments: [
        ("gzip", true), ("GZIP", true), ("deflate, gzip;q=0.5", true), ("gzip;q=0", false),
        ("*", true), ("*;q=0", false), ("gzip;q=0, *", false), ("br", false), ("", false), ("identity", false),
    ])
    func acceptsGzip(header: String, expected: Bool) {
        let headers: HTTPHeaders = header.isEmpty ? [:] : ["Accept-Encoding": header]
        #expect(Compression.acceptsGzip(headers) == expected)
    }

    @Test(arguments: [
        ("text/html; charset=utf-8", true), ("TEXT/CSS", true), ("application/json", true),
        ("image/svg+xml", true), ("application/vnd.api+json", true), ("image/png", false),
        ("application/gzip", false), ("font/woff2", false), ("application/octet-stream", false),
    ])
    func compressibleTypes(type: String, expected: Bool) {
        #expect(Compression.isCompressible(contentType: type) == expected)
    }

    @Test func gzipRoundTrip() throws {
        let original = Array(String(repeating: "Taitotutka digiosaaminen ", count: 400).utf8)
        let compressed = try #require(Gzip.compress(original))
        #expect(compressed.count < original.count / 4)
        #expect(compressed.prefix(2) == [0x1F, 0x8B])  // the gzip magic number
        #expect(Gzip.decompress(compressed) == original)
    }

    @Test func decompressRefusesGarbageAndBombs() throws {
        #expect(Gzip.decompress(Array("not gzip at all".utf8)) == nil)
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let compressed = try #require(Gzip.compress(zeros))
        #expect(Gzip.decompress(compressed, limit: 1024) == nil)
    }

    private func middlewareResponse(body: [UInt8], type: String, acceptEncoding: String?) throws -> Response {
        var router = Router()
        router.get("/") { _ in Response(status: .ok, headers: ["Content-Type": type, "ETag": "\"abc\""], body: .bytes(body)) }
        let responder = router.responder(middleware: [Compression.middleware()])
        var headers: HTTPHeaders = ["Host": "x"]
        if let acceptEncoding { headers.add("Accept-Encoding", acceptEncoding) }
        return responder.respond(to: try Request(method: .GET, target: "/", headers: headers))
    }

    @Test func middlewareCompressesLargeTextForGzipClients() throws {
        let body = Array(String(repeating: "<p>Hei maailma</p>\n", count: 200).utf8)
        let response = try middlewareResponse(body: body, type: "text/html; charset=utf-8", acceptEncoding: "gzip")
        #expect(response.headers["Content-Encoding"] == "gzip")
        #expect(response.headers["Vary"] == "Accept-Encoding")
        #expect(response.headers["ETag"] == "\"abc-gzip\"")
        guard case .bytes(let compressed) = response.body else {
            Issue.record("expected bytes")
            return
        }
        #expect(Gzip.decompress(compressed) == body)
    }

    @Test func middlewareLeavesOtherResponsesAlone() throws {
        let big = Array(String(repeating: "x", count: 4096).utf8)
        let plain = try middlewareResponse(body: big, type: "text/plain", acceptEncoding: nil)
        #expect(plain.headers["Content-Encoding"] == nil)
        #expect(plain.headers["Vary"] == "Accept-Encoding")
        let small = try middlewareResponse(body: Array("tiny".utf8), type: "text/plain", acceptEncoding: "gzip")
        #expect(small.headers["Content-Encoding"] == nil)
        let image = try middlewareResponse(body: big, type: "image/png", acceptEncoding: "gzip")
        #expect(image.headers["Content-Encoding"] == nil)
        #expect(image.headers["Vary"] == nil)
    }
}
