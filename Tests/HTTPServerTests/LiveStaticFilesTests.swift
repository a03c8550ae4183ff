import Testing
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

struct FixtureError: Error {
    let operation: String
    let code: Int32
}

/// A temporary tree: `public/` (served) with files, a subdirectory, a dot-file and symbolic links
/// pointing outside it, and `secret` next to it (never to be served).
final class StaticFixture {
    static let secretText = "TOP SECRET, NEVER SERVED\n"

    let base: String
    let root: String
    let css: [UInt8]
    let png: [UInt8]
    private var created: [String] = []

    init() throws {
        var template = Array("/tmp/live-static-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw FixtureError(operation: "mkdtemp", code: errno) }
        base = String(cString: made)
        root = base + "/public"
        css = Array(String(repeating: "body .item { color: #333; margin: 0 auto; padding: 4px; }\n", count: 120).utf8)
        png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 4096)
        try makeDirectory(root)
        try makeDirectory(root + "/sub")
        try write(base + "/secret", Array(Self.secretText.utf8))
        try write(root + "/hello.txt", Array("Hello, static world!\n".utf8))
        try write(root + "/site.css", css)
        try write(root + "/small.html", Array("<p>small</p>\n".utf8))
        try write(root + "/image.png", png)
        try write(root + "/sub/inner.txt", Array("inner\n".utf8))
        try write(root + "/.hidden", Array("hidden\n".utf8))
        try link(base + "/secret", at: root + "/link.txt")
        try link(base, at: root + "/outside")
    }

    deinit {
        for path in created.reversed() where unlink(path) != 0 { rmdir(path) }
        rmdir(base)
    }

    func contents(_ relativePath: String) -> [UInt8]? { StaticFiles.readFile(root + "/" + relativePath) }

    func modificationTime(_ relativePath: String) -> Int? {
        var info = stat()
        guard stat(root + "/" + relativePath, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec)
    }

    private func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw FixtureError(operation: "mkdir \(path)", code: errno) }
        created.append(path)
    }

    private func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FixtureError(operation: "open \(path)", code: errno) }
        defer { close(fd) }
        created.append(path)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw FixtureError(operation: "write \(path)", code: errno) }
    }

    private func link(_ target: String, at path: String) throws {
        guard symlink(target, path) == 0 else { throw FixtureError(operation: "symlink \(path)", code: errno) }
        created.append(path)
    }
}

/// Serves the fixture as the application does: `/static/*path` behind the gzip middleware.
private func staticRouter(_ fixture: StaticFixture) throws -> Router {
    let files = try #require(StaticFiles(directory: fixture.root))
    var router = Router()
    router.get("/static/*path") { request in
        files.respond(to: request, relativePath: request.parameters["path"] ?? "")
    }
    return router
}

private func withStaticServer(_ body: (HTTPServer, StaticFixture) throws -> Void) throws {
    let fixture = try StaticFixture()
    try withServer(router: try staticRouter(fixture), middleware: [Compression.middleware()]) { server in
        try body(server, fixture)
    }
}

@Suite struct LiveStaticFilesTests {
    @Test func fileIsServedWithCachingHeaders() throws {
        try withStaticServer { server, fixture in
            let client = try server.connect()
            try client.send(get("/static/hello.txt"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.body == fixture.contents("hello.txt"))
            #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(response.header("Cache-Control") == "public, max-age=3600")
            let etag = try #require(response.header("ETag"))
            #expect(etag.count > 2 && etag.hasPrefix("\"") && etag.hasSuffix("\""))
            let modified = try #require(fixture.modificationTime("hello.txt"))
            #expect(response.header("Last-Modified") == HTTPDate.format(secondsSince1970: modified))

            try client.send(get("/static/sub/inner.txt"))
            let inner = try client.readResponse()
            #expect(inner.status == 200)
            #expect(inner.text == "inner\n")
        }
    }

    @Test func traversalAndForbiddenPathsAreRefused() throws {
        try withStaticServer { server, fixture in
            let attempts = [
                "/static/../secret", "/static/%2e%2e/secret", "/static/%2E%2E%2Fsecret", "/static/sub/../../secret",
                "/static/..%2fsecret", "/static/%5c..%5csecret", "/static/sub%00.txt", "/static/link.txt",
                "/static/outside/secret", "/static/sub", "/static/sub/", "/static/", "/static/.hidden",
                "/static/sub/%2e%2e/%2e%2e/secret", "/static/./../secret", "/static/" + fixture.base + "/secret",
                "/static//" + fixture.base + "/secret", "/static/..\\secret",
            ]
            for path in attempts {
                let client = try server.connect()
                try client.send(get(path))
                let response = try client.readResponse()
                #expect(response.status == 404 || response.status == 400, "\(path) → \(response.status)")
                #expect(!response.text.contains("SECRET"), "\(path) leaked the outside file")
                #expect(!response.text.contains("inner"), "\(path) listed a directory")
            }
        }
    }

    @Test func conditionalRequestsAndHead() throws {
        try withStaticServer { server, fixture in
            let client = try server.connect()
            try client.send(get("/static/hello.txt"))
            let full = try client.readResponse()
            let etag = try #require(full.header("ETag"))
            let lastModified = try #require(full.header("Last-Modified"))

            try client.send(get("/static/hello.txt", "If-None-Match: \(etag)\r\n"))
            let byTag = try client.readResponse()
            #expect(byTag.status == 304)
            #expect(byTag.header("ETag") == etag)

            try client.send(get("/static/hello.txt", "If-None-Match: \"stale\", W/\(etag)\r\n"))
            #expect(try client.readResponse().status == 304)

            try client.send(get("/static/hello.txt", "If-Modified-Since: \(lastModified)\r\n"))
            #expect(try client.readResponse().status == 304)

            try client.send(get("/static/hello.txt", "If-None-Match: \"stale\"\r\n"))
            let stale = try client.readResponse()
            #expect(stale.status == 200)
            #expect(stale.body == fixture.contents("hello.txt"))

            // If-None-Match decides when present, even if If-Modified-Since would match.
            try client.send(get("/static/hello.txt", "If-None-Match: \"stale\"\r\nIf-Modified-Since: \(lastModified)\r\n"))
            #expect(try client.readResponse().status == 200)

            try client.send("HEAD /static/hello.txt HTTP/1.1\r\nHost: live\r\n\r\n")
            let head = try client.readResponse(bodyless: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "\(full.body.count)")
            #expect(head.header("ETag") == etag)

            // Any body after a 304 or a HEAD answer would break the parse of this one.
            try client.send(get("/static/sub/inner.txt"))
            let after = try client.readResponse()
            #expect(after.statusLine == "HTTP/1.1 200 OK")
            #expect(after.text == "inner\n")
            #expect(client.bufferedByteCount == 0)
        }
    }
}

@Suite struct LiveGzipTests {
    private func fetch(_ client: RawClient, _ path: String, acceptEncoding: String?) throws -> RawResponse {
        try client.send(get(path, acceptEncoding.map { "Accept-Encoding: \($0)\r\n" } ?? ""))
        return try client.readResponse()
    }

    @Test func staticFileNegotiation() throws {
        try withStaticServer { server, fixture in
            let client = try server.connect()

            let gzipped = try fetch(client, "/static/site.css", acceptEncoding: "gzip, deflate")
            #expect(gzipped.status == 200)
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(gzipped.headers("Vary").contains { $0.lowercased().contains("accept-encoding") })
            #expect(gzipped.body.count < fixture.css.count)
            #expect(Gzip.decompress(gzipped.body) == fixture.css)

            let identity = try fetch(client, "/static/site.css", acceptEncoding: nil)
            #expect(identity.header("Content-Encoding") == nil)
            #expect(identity.body == fixture.css)
            #expect(identity.headers("Vary").contains { $0.lowercased().contains("accept-encoding") })
            #expect(identity.header("ETag") != gzipped.header("ETag"))

            let refused = try fetch(client, "/static/site.css", acceptEncoding: "gzip;q=0")
            #expect(refused.header("Content-Encoding") == nil)
            #expect(refused.body == fixture.css)

            let refusedAmongOthers = try fetch(client, "/static/site.css", acceptEncoding: "br, *;q=0.5, gzip;q=0")
            #expect(refusedAmongOthers.header("Content-Encoding") == nil)

            let small = try fetch(client, "/static/small.html", acceptEncoding: "gzip")
            #expect(small.status == 200)
            #expect(small.header("Content-Encoding") == nil)
            #expect(small.body == fixture.contents("small.html"))

            let png = try fetch(client, "/static/image.png", acceptEncoding: "gzip")
            #expect(png.status == 200)
            #expect(png.header("Content-Type") == "image/png")
            #expect(png.header("Content-Encoding") == nil)
            #expect(png.body == fixture.png)
        }
    }

    @Test func middlewareCompressesLargeDynamicHTML() throws {
        let page = "<!doctype html><title>x</title>" + String(repeating: "<p>Osaaminen kehittyy.</p>\n", count: 600)
        var router = Router()
        router.get("/page") { _ in Response(contentType: "text/html; charset=utf-8", text: page) }
        router.get("/tiny") { _ in Response(contentType: "text/html; charset=utf-8", text: "<p>tiny</p>") }
        try withServer(router: router, middleware: [Compression.middleware()]) { server in
            let client = try server.connect()

            let gzipped = try fetch(client, "/page", acceptEncoding: "gzip")
            #expect(gzipped.status == 200)
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(gzipped.headers("Vary").contains { $0.lowercased().contains("accept-encoding") })
            #expect(gzipped.header("Content-Length") == "\(gzipped.body.count)")
            #expect(Gzip.decompress(gzipped.body) == Array(page.utf8))

            let identity = try fetch(client, "/page", acceptEncoding: nil)
            #expect(identity.header("Content-Encoding") == nil)
            #expect(identity.text == page)

            let refused = try fetch(client, "/page", acceptEncoding: "gzip;q=0")
            #expect(refused.header("Content-Encoding") == nil)

            let tiny = try fetch(client, "/tiny", acceptEncoding: "gzip")
            #expect(tiny.header("Content-Encoding") == nil)
            #expect(tiny.text == "<p>tiny</p>")
        }
    }
}
