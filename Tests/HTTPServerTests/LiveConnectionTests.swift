import Dispatch
import Testing
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LiveKeepAliveTests {
    @Test func twoRequestsOnOneConnection() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(get("/echo/one"))
            let first = try client.readResponse()
            #expect(first.status == 200)
            #expect(first.text == "one")
            #expect(!first.connectionHas("close"))
            try client.send(get("/echo/two"))
            let second = try client.readResponse()
            #expect(second.status == 200)
            #expect(second.text == "two")
            #expect(server.openConnectionCount == 1)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(get("/hello", "Connection: close\r\n"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello world")
            #expect(response.connectionHas("close"))
            #expect(client.isClosedByPeer(within: .seconds(3)))
            #expect(client.bufferedByteCount == 0)
        }
    }

    @Test func http10WithoutKeepAliveCloses() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("GET /hello HTTP/1.0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello world")
            #expect(response.connectionHas("close"))
            #expect(client.isClosedByPeer(within: .seconds(3)))
        }
    }

    @Test func http10WithKeepAliveStaysOpen() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("GET /echo/one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try client.readResponse()
            #expect(first.status == 200)
            #expect(first.text == "one")
            #expect(first.connectionHas("keep-alive"))
            // Still open: a second request on the same connection is answered, and then closed.
            try client.send("GET /echo/two HTTP/1.0\r\n\r\n")
            let second = try client.readResponse()
            #expect(second.text == "two")
            #expect(second.connectionHas("close"))
            #expect(client.isClosedByPeer(within: .seconds(3)))
        }
    }
}

@Suite struct LiveClientCloseTests {
    /// A client that shuts down its sending side after its requests (`nc -N`) still gets every
    /// answer, and then the connection is closed.
    @Test func halfClosedClientGetsItsResponses() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(get("/echo/first") + get("/echo/second"))
            shutdown(client.fd, Int32(SHUT_WR))
            #expect(try client.readResponse().text == "first")
            #expect(try client.readResponse().text == "second")
            #expect(client.isClosedByPeer(within: .seconds(3)))
            #expect(eventually { server.openConnectionCount == 0 })
        }
    }

    @Test func clientVanishingDuringHandlerReleasesConnection() throws {
        let finished = Shared(false)
        var router = Router()
        router.get("/slow") { _ in
            usleep(200_000)
            finished.value = true
            return .text("nobody is listening")
        }
        try withServer(router: router) { server in
            let client = try server.connect()
            try client.send(get("/slow"))
            client.close()
            #expect(eventually { finished.value })
            #expect(eventually { server.openConnectionCount == 0 })
        }
    }
}

@Suite struct LivePipeliningTests {
    /// The first request's handler is the slowest, so answering in completion order would show.
    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(get("/echo/first") + get("/echo/second") + get("/echo/third"))
            let bodies = try (0..<3).map { _ in try client.readResponse().text }
            #expect(bodies == ["first", "second", "third"])
            #expect(client.bufferedByteCount == 0)
        }
    }

    @Test func nothingIsAnsweredAfterPipelinedConnectionClose() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(get("/echo/first", "Connection: close\r\n") + get("/echo/second"))
            let response = try client.readResponse()
            #expect(response.text == "first")
            #expect(response.connectionHas("close"))
            #expect(try client.readUntilClosed().isEmpty)
        }
    }

    @Test func pipelinedRequestWithBodyKeepsFraming() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            let body = "0123456789"
            try client.send(get("/echo/first")
                + "POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                + get("/echo/third"))
            #expect(try client.readResponse().text == "first")
            #expect(try client.readResponse().text == "10 \(checksum(Array(body.utf8)))")
            #expect(try client.readResponse().text == "third")
        }
    }
}

@Suite struct LiveConcurrencyTests {
    /// Slow handlers nap in 100 ms steps until the fast request has been answered (at most 5 s):
    /// if a slow handler held up I/O or the fast request's worker, the fast answer would come last.
    @Test func slowHandlerDoesNotDelayOtherConnections() throws {
        let started = Shared(0)
        let fastAnswered = Shared(false)
        var router = Router()
        router.get("/slow") { _ in
            started.update { $0 += 1 }
            var naps = 0
            repeat {
                usleep(100_000)
                naps += 1
            } while !fastAnswered.value && naps < 50
            return .text("slow")
        }
        router.get("/fast") { _ in .text("fast") }
        try withServer(router: router) { server in
            let port = server.port
            let finished = Shared<[String]>([])
            let group = DispatchGroup()
            for _ in 0..<4 {
                onThread(group) {
                    do {
                        let client = try RawClient(port: port, timeout: .seconds(10))
                        try client.send(get("/slow"))
                        let text = try client.readResponse().text
                        finished.update { $0.append(text) }
                    } catch {
                        finished.update { $0.append("error: \(error)") }
                    }
                }
            }
            #expect(eventually(within: .seconds(5)) { started.value == 4 })
            let client = try server.connect()
            try client.send(get("/fast"))
            let fast = try client.readResponse()
            finished.update { $0.append(fast.text) }
            fastAnswered.value = true
            #expect(group.wait(timeout: .now() + 10) == .success)
            #expect(finished.value == ["fast", "slow", "slow", "slow", "slow"])
        }
    }
}

@Suite struct LiveRoutingTests {
    @Test func headOnDynamicRouteHasLengthButNoBody() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("HEAD /hello HTTP/1.1\r\nHost: live\r\n\r\n")
            let head = try client.readResponse(bodyless: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "11")
            #expect(head.header("Content-Type") == "text/plain; charset=utf-8")
            // Had a body been sent, it would be read as the start of this response.
            try client.send(get("/echo/after"))
            let next = try client.readResponse()
            #expect(next.statusLine == "HTTP/1.1 200 OK")
            #expect(next.text == "after")
        }
    }

    @Test func unknownPathIs404AndConnectionStaysUsable() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(get("/no/such/page"))
            let response = try client.readResponse()
            #expect(response.status == 404)
            #expect(!response.connectionHas("close"))
            try client.send(get("/hello"))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func wrongMethodIs405WithAllow() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("POST /hello HTTP/1.1\r\nHost: live\r\nContent-Length: 0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 405)
            let allow = try #require(response.header("Allow"))
            let methods = Set(allow.split(separator: ",").map { $0.trimmingOWS() })
            #expect(methods == ["GET", "HEAD"])
        }
    }

    @Test func dateHeaderIsPresentAndCurrent() throws {
        try withServer(router: basicRouter()) { server in
            let client = try server.connect()
            try client.send(get("/hello"))
            let response = try client.readResponse()
            #expect(response.headers("Date").count == 1)
            let date = try #require(response.header("Date"))
            let seconds = try #require(HTTPDate.parse(date))
            #expect(abs(seconds - time(nil)) < 120)
        }
    }

    /// 204 and 304 never carry a body, whatever the handler returns.
    @Test func bodylessStatusesSendNoBody() throws {
        var router = Router()
        router.get("/not-modified") { _ in Response(status: .notModified, body: .bytes(Array("stray body".utf8))) }
        router.get("/no-content") { _ in Response(status: .noContent, body: .bytes(Array("stray body".utf8))) }
        router.get("/hello") { _ in .text("hello world") }
        try withServer(router: router) { server in
            let client = try server.connect()
            try client.send(get("/not-modified") + get("/no-content") + get("/hello"))
            #expect(try client.readResponse().status == 304)
            #expect(try client.readResponse().status == 204)
            let last = try client.readResponse()
            #expect(last.statusLine == "HTTP/1.1 200 OK")
            #expect(last.text == "hello world")
            #expect(client.bufferedByteCount == 0)
        }
    }

    /// A handler cannot split the response by putting CR LF into a header value.
    @Test func headerInjectionBecomes500() throws {
        var router = Router()
        router.get("/inject") { _ in
            Response(status: .ok, headers: ["X-Note": "a\r\nX-Injected: 1"], body: .bytes(Array("x".utf8)))
        }
        try withServer(router: router) { server in
            let client = try server.connect()
            try client.send(get("/inject"))
            let response = try client.readResponse()
            #expect(response.status == 500)
            #expect(response.header("X-Injected") == nil)
        }
    }
}
