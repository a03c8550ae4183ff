import Testing
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// Every deadline long except those a test sets short, so only the one under test can fire.
private func deadlines(_ adjust: (inout ServerConfiguration) -> Void) -> ServerConfiguration {
    .live { configuration in
        configuration.headTimeout = .seconds(30)
        configuration.idleTimeout = .seconds(30)
        configuration.bodyTimeout = .seconds(30)
        configuration.writeTimeout = .seconds(30)
        adjust(&configuration)
    }
}

@Suite struct LiveDeadlineTests {
    @Test func incompleteHeadGets408AndClose() throws {
        try withServer(deadlines { $0.headTimeout = .milliseconds(300) }, router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("GET /hello HTTP/1.1\r\nHost: live\r\n")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.connectionHas("close"))
            #expect(client.isClosedByPeer(within: .seconds(3)))
        }
    }

    /// Sending a byte now and then does not extend the head deadline (slowloris).
    @Test func tricklingHeadStillTimesOut() throws {
        try withServer(deadlines { $0.headTimeout = .milliseconds(300) }, router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("GET /hello HTTP/1.1\r\nHost: live\r\nX-Slow: ")
            var closed = false
            var sent = 0
            while !closed && sent < 60 {
                _ = try? client.send("a")
                sent += 1
                closed = client.isClosedByPeer(within: .milliseconds(50))
            }
            #expect(closed)
            let response = try client.readResponse()
            #expect(response.status == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosedSilently() throws {
        try withServer(deadlines { $0.idleTimeout = .milliseconds(300) }, router: basicRouter()) { server in
            let used = try server.connect()
            try used.send(get("/hello"))
            #expect(try used.readResponse().status == 200)
            let unused = try server.connect()
            #expect(used.isClosedByPeer(within: .seconds(3)))
            #expect(used.bufferedByteCount == 0)
            #expect(unused.isClosedByPeer(within: .seconds(3)))
            #expect(unused.bufferedByteCount == 0)
        }
    }

    @Test func stalledBodyGets408() throws {
        try withServer(deadlines { $0.bodyTimeout = .milliseconds(300) }, router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 100\r\n\r\n0123456789")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.connectionHas("close"))
            #expect(client.isClosedByPeer(within: .seconds(3)))
        }
    }

    /// The body deadline bounds the gap between pieces, not the whole body.
    @Test func slowButSteadyBodyIsAccepted() throws {
        try withServer(deadlines { $0.bodyTimeout = .milliseconds(500) }, router: basicRouter()) { server in
            let client = try server.connect()
            try client.send("POST /echo HTTP/1.1\r\nHost: live\r\nContent-Length: 80\r\n\r\n")
            let body = Array(String(repeating: "0123456789", count: 8).utf8)
            for piece in 0..<8 {
                usleep(100_000)
                try client.send(Array(body[(piece * 10)..<(piece * 10 + 10)]))
            }
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "80 \(checksum(body))")
        }
    }

    /// A client that never reads a large response is cut off, and its connection released.
    @Test func unreadResponseIsAbortedAfterWriteTimeout() throws {
        let size = 8 * 1024 * 1024
        let served = Shared(false)
        var router = Router()
        router.get("/big") { _ in
            served.value = true
            return Response(status: .ok, headers: ["Content-Type": "application/octet-stream"],
                            body: .bytes([UInt8](repeating: 0x61, count: size)))
        }
        try withServer(deadlines { $0.writeTimeout = .milliseconds(300) }, router: router) { server in
            let client = try server.connect(receiveBufferSize: 16 * 1024)
            try client.send(get("/big"))
            #expect(eventually { served.value })
            #expect(eventually(within: .seconds(5)) { server.openConnectionCount == 0 })
            // Reading now yields what was already in socket buffers, then the end: never it all.
            let received = try client.readUntilClosed(within: .seconds(5))
            #expect(received.count < size)
        }
    }
}

@Suite struct LiveResourceTests {
    @Test func slowHeaderClientsDoNotStarveOthers() throws {
        let configuration = deadlines {
            $0.headTimeout = .seconds(10)
            $0.maxConnections = 1000
        }
        try withServer(configuration, router: basicRouter()) { server in
            var stalled: [RawClient] = []
            for index in 0..<200 {
                let client = try server.connect()
                try client.send("GET /hello HTTP/1.1\r\nHost: live\r\nX-Client: \(index)\r\nX-Partial: ")
                stalled.append(client)
            }
            #expect(eventually(within: .seconds(5)) { server.openConnectionCount == 200 })
            let normal = try server.connect()
            try normal.send(get("/hello"))
            let response = try normal.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello world")
            // None of the stalled ones was answered meanwhile.
            #expect(stalled.allSatisfy { !$0.isClosedByPeer(within: .milliseconds(1)) && $0.bufferedByteCount == 0 })
            for client in stalled { client.close() }
            normal.close()
            #expect(eventually { server.openConnectionCount == 0 })
        }
    }

    @Test func connectionCapAnswers503ThenRecovers() throws {
        try withServer(.live { $0.maxConnections = 4 }, router: basicRouter()) { server in
            var held: [RawClient] = []
            for _ in 0..<4 {
                let client = try server.connect()
                try client.send(get("/hello"))
                #expect(try client.readResponse().status == 200)
                held.append(client)
            }
            #expect(server.openConnectionCount == 4)

            let fifth = try server.connect()
            let rejected = try fifth.readResponse()
            #expect(rejected.status == 503)
            #expect(rejected.connectionHas("close"))
            #expect(rejected.header("Retry-After") != nil)
            #expect(fifth.isClosedByPeer(within: .seconds(3)))

            // The held connections still work.
            try held[0].send(get("/echo/still"))
            #expect(try held[0].readResponse().text == "still")

            for client in held { client.close() }
            #expect(eventually { server.openConnectionCount == 0 })
            let later = try server.connect()
            try later.send(get("/hello"))
            #expect(try later.readResponse().status == 200)
        }
    }
}
