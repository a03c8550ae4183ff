import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Behind a trusted reverse proxy the client's address comes from the proxy's header; from anyone
/// else the same header is ignored, so a forged one cannot dodge throttling or fake the audit log.
@Suite("Behind a trusted proxy")
struct TrustedProxySignInTests {
    static func app() throws -> TestApp {
        var settings = TestApp.fastSettings
        settings.trustedProxies = try TrustedProxies(parsing: "10.0.0.0/8")
        return try TestApp(settings: settings)
    }

    func failedSignIn(_ test: TestApp, peer: String, forwardedFor: String) throws -> String? {
        let page = try test.send(.GET, "/sign-in", address: peer)
        let token = page.text.range(of: "name=\"csrf_token\" value=\"").map { range in
            String(page.text[range.upperBound...].prefix { $0 != "\"" })
        } ?? ""
        var cookies: [String: String] = [:]
        for value in page.headers.values("Set-Cookie") {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        _ = try test.send(.POST, "/sign-in", cookies: cookies,
                          form: [("csrf_token", token), ("login", "tyontekija"), ("password", "wrong"), ("next", "/")],
                          headers: [("X-Forwarded-For", forwardedFor)], address: peer)
        return try AuditStore(test.database).latest(limit: 5).first { $0.action == "sign_in.failure" }?.clientAddress
    }

    @Test func theAuditLogSeesTheClientBehindTheProxyAndNotAForgedHeader() throws {
        let test = try Self.app()
        _ = try World(test)
        #expect(try failedSignIn(test, peer: "10.0.0.1:40000", forwardedFor: "1.1.1.1, 203.0.113.9") == "203.0.113.9")
        #expect(try failedSignIn(test, peer: "198.51.100.7:40000", forwardedFor: "203.0.113.50") == "198.51.100.7")
    }

    @Test func throttlingAndItsAuditLinesNameTheRealClient() throws {
        let test = try Self.app()
        _ = try World(test)
        // Many clients come through one proxy: each throttled attempt names the client, not the proxy.
        for _ in 0..<12 { _ = try failedSignIn(test, peer: "10.0.0.1:40000", forwardedFor: "203.0.113.9") }
        let throttled = try AuditStore(test.database).latest(limit: 30).filter { $0.action == "sign_in.throttled" }
        #expect(throttled.allSatisfy { $0.clientAddress == "203.0.113.9" })
        _ = try failedSignIn(test, peer: "10.0.0.1:40000", forwardedFor: "203.0.113.10")
        let last = try #require(try AuditStore(test.database).latest(limit: 1).first)
        #expect(last.clientAddress == "203.0.113.10")
    }
}
