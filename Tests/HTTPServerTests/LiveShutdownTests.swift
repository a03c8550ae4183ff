import Dispatch
import Testing
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// After shutdown a connection attempt must fail: refused, or closed without a byte of response.
private func expectRefused(port: Int) {
    do {
        let late = try RawClient(port: port, timeout: .seconds(1))
        try? late.send(get("/hello"))
        #expect(late.isClosedByPeer(within: .seconds(2)), "a connection made after shutdown stayed open")
        #expect(late.bufferedByteCount == 0, "a connection made after shutdown was answered")
    } catch {
        #expect(error as? RawClientError == .connect(ECONNREFUSED))
    }
}

@Suite struct LiveShutdownTests {
    /// The handler runs at least 300 ms and until the test has seen shutdown begin (the idle
    /// connection closing), so the request is certainly in flight when shutdown starts.
    @Test func inFlightRequestFinishesAndIdleConnectionCloses() throws {
        let inHandler = Shared(false)
        let release = Shared(false)
        var router = basicRouter()
        router.get("/slow") { _ in
            inHandler.value = true
            usleep(300_000)
            var waited = 0
            while !release.value && waited < 500 {
                usleep(10_000)
                waited += 1
            }
            return .text("finished")
        }
        try withServer(.live { $0.shutdownGracePeriod = .seconds(10) }, router: router) { server in
            let port = server.port
            let idle = try server.connect()
            try idle.send(get("/hello"))
            #expect(try idle.readResponse().status == 200)

            let busy = try server.connect()
            try busy.send(get("/slow"))
            #expect(eventually { inHandler.value })

            let shutdownTook = Shared<Duration?>(nil)
            let group = DispatchGroup()
            onThread(group) {
                let start = ContinuousClock.now
                server.shutdown()
                shutdownTook.value = ContinuousClock.now - start
            }

            #expect(idle.isClosedByPeer(within: .seconds(5)))
            #expect(idle.bufferedByteCount == 0)
            release.value = true

            let response = try busy.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "finished")
            #expect(response.connectionHas("close"))
            #expect(busy.isClosedByPeer(within: .seconds(3)))

            #expect(group.wait(timeout: .now() + 9) == .success)
            let took = try #require(shutdownTook.value)
            #expect(took < .seconds(8), "shutdown waited most of the 10 s grace period")
            #expect(server.openConnectionCount == 0)
            expectRefused(port: port)
        }
    }

    @Test func idleServerShutsDownAtOnceAndRefusesConnections() throws {
        try withServer(.live { $0.shutdownGracePeriod = .seconds(10) }, router: basicRouter()) { server in
            let port = server.port
            let client = try server.connect()
            try client.send(get("/hello"))
            #expect(try client.readResponse().status == 200)
            let start = ContinuousClock.now
            server.shutdown()
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(client.isClosedByPeer(within: .seconds(3)))
            expectRefused(port: port)
        }
    }

    /// A handler still running when the grace period ends does not keep shutdown waiting.
    @Test func gracePeriodBoundsShutdown() throws {
        let inHandler = Shared(false)
        var router = Router()
        router.get("/stuck") { _ in
            inHandler.value = true
            usleep(3_000_000)
            return .text("late")
        }
        try withServer(.live { $0.shutdownGracePeriod = .milliseconds(200) }, router: router) { server in
            let client = try server.connect()
            try client.send(get("/stuck"))
            #expect(eventually { inHandler.value })
            let start = ContinuousClock.now
            server.shutdown()
            #expect(ContinuousClock.now - start < .seconds(2), "shutdown waited for the stuck handler")
            #expect(client.isClosedByPeer(within: .seconds(3)))
        }
    }

    /// Regression: the listening socket used to be closed asynchronously, after `shutdown()` had
    /// returned, so binding the same port at once sometimes failed with EADDRINUSE.
    @Test func portIsFreeWhenShutdownReturns() throws {
        for _ in 0..<50 {
            let server = try HTTPServer(configuration: .live(), responder: basicRouter().responder(), logger: liveLogger)
            try server.start()
            let port = server.port
            server.shutdown()
            #expect(bindsAndListens(port: port), "port \(port) still in use after shutdown() returned")
        }
    }
}

/// Whether a fresh socket can bind and listen on 127.0.0.1:`port` (SO_REUSEADDR, as the server).
private func bindsAndListens(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var on: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
    let bound = withLoopbackAddress(port: port) { bind(fd, $0, $1) }
    return bound == 0 && listen(fd, 1) == 0
}
