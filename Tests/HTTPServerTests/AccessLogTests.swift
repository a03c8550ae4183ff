import Logging
import Synchronization
import Testing
@testable import HTTPServer

/// Collects log messages so a test can read what the access log wrote.
private final class CapturedLines: Sendable {
    let lines = Mutex<[String]>([])
}

private struct CapturingHandler: LogHandler {
    let captured: CapturedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        captured.lines.withLock { $0.append(event.message.description) }
    }
}

@Suite("Access log")
struct AccessLogTests {
    @Test func oneLineWithoutTheQueryString() throws {
        let captured = CapturedLines()
        let logger = Logger(label: "test") { _ in CapturingHandler(captured: captured) }
        var router = Router()
        router.get("/reset") { _ in .text("done") }
        let responder = router.responder(middleware: [AccessLog.middleware(logger: logger)])
        let request = try Request(method: .GET, target: "/reset?token=SECRET123", headers: ["Host": "x"])
        let response = responder.respond(to: request)

        let lines = captured.lines.withLock { $0 }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasPrefix("GET /reset 200 bytes=4 duration-ms="))
        #expect(!line.contains("SECRET123"))
        let id = try #require(response.headers["X-Request-Id"])
        #expect(line.hasSuffix("request-id=\(id)"))
    }

    @Test func requestIDsAreUnique() {
        let ids = (0..<1000).map { _ in AccessLog.nextRequestID() }
        #expect(Set(ids).count == ids.count)
    }
}
