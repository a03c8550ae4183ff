import CSystemShims
import Dispatch
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on POSIX sockets and Dispatch.
///
/// One accept queue takes connections and deals them round-robin to a few I/O queues; each request
/// runs on the worker pool, so a slow handler never holds up socket I/O.
public final class HTTPServer: @unchecked Sendable {
    private enum State {
        case idle, running, stopping, stopped
    }

    public let configuration: ServerConfiguration
    private let context: ServerContext
    private let loops: [IOLoop]
    private let acceptQueue = DispatchQueue(label: "http-accept")
    private let logger: Logger
    private let state = Mutex(State.idle)
    /// Signalled by the accept source's cancel handler once the listening socket is closed.
    private let listenerClosed = DispatchSemaphore(value: 0)

    // Confined to `acceptQueue` once started.
    private var listenDescriptor: Int32 = -1
    private var acceptSource: DispatchSourceRead?
    private var acceptSuspended = false
    private var nextLoop = 0
    private var boundPort = 0

    /// Fails only if the system refuses an epoll instance (out of descriptors).
    public init(configuration: ServerConfiguration = ServerConfiguration(), responder: any HTTPResponder,
                logger: Logger = Logger(label: "taitotutka.http")) throws(SocketError) {
        self.configuration = configuration
        self.logger = logger
        let context = ServerContext(configuration: configuration, responder: responder, logger: logger)
        self.context = context
        var loops: [IOLoop] = []
        for index in 0..<max(1, configuration.ioQueueCount) {
            loops.append(try IOLoop(index: index, context: context))
        }
        self.loops = loops
    }

    deinit {
        // A server dropped without `shutdown()` (e.g. after `start()` failed) still ends its threads.
        context.workers.stop()
    }

    /// The port the server listens on (useful after binding port 0).
    public var port: Int { acceptQueue.sync { boundPort } }

    /// Binds and starts accepting connections; returns at once.
    public func start() throws(SocketError) {
        signal(SIGPIPE, SIG_IGN)
        let fd = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
        state.withLock { $0 = .running }
        for loop in loops { loop.queue.async { loop.start() } }
        acceptQueue.sync {
            listenDescriptor = fd
            boundPort = Socket.boundPort(fd)
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: acceptQueue)
            source.setEventHandler { [self] in acceptConnections() }
            source.setCancelHandler { [listenerClosed] in
                Glibc.close(fd)
                listenerClosed.signal()
            }
            acceptSource = source
            source.resume()
        }
        logger.info("listening", metadata: ["address": "\(configuration.host)", "port": "\(port)"])
    }

    /// Stops accepting, closes idle connections, lets in-flight requests finish within the grace
    /// period, then closes whatever remains. Blocks until done; safe to call more than once.
    public func shutdown() {
        let proceed = state.withLock { current -> Bool in
            guard current == .running else { return false }
            current = .stopping
            return true
        }
        guard proceed else { return }
        context.shuttingDown.store(true, ordering: .relaxed)
        acceptQueue.sync {
            if acceptSuspended { acceptSource?.resume() }
            acceptSuspended = false
            acceptSource?.cancel()
            acceptSource = nil
        }
        // The cancel handler runs later on the accept queue; wait for it, so the port is free (and
        // refuses connections) by the time shutdown returns.
        listenerClosed.wait()
        for loop in loops { loop.queue.async { loop.beginShutdown() } }
        let giveUpAt = MonotonicClock.now() &+ configuration.shutdownGracePeriod.nanoseconds
        while context.openConnections.load(ordering: .relaxed) > 0 && MonotonicClock.now() < giveUpAt {
            usleep(5_000)
        }
        let unfinished = context.openConnections.load(ordering: .relaxed)
        if unfinished > 0 { logger.warning("closing connections still busy at the shutdown deadline", metadata: ["count": "\(unfinished)"]) }
        for loop in loops { loop.queue.sync { loop.closeAll() } }
        context.workers.stop()
        state.withLock { $0 = .stopped }
        logger.info("stopped")
    }

    /// The number of open connections (for tests and diagnostics).
    public var openConnectionCount: Int { context.openConnections.load(ordering: .relaxed) }

    // MARK: - Accepting

    private func acceptConnections() {
        // A bounded batch per event keeps the accept queue fair to shutdown and back-off.
        for _ in 0..<128 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    tt_accept(listenDescriptor, $0, &length)
                }
            }
            guard fd >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    backOffAccepting(errno)
                    return
                default:
                    return
                }
            }
            Socket.setNoDelay(fd)
            let address = Socket.describe(storage)
            if context.openConnections.wrappingAdd(1, ordering: .relaxed).newValue > configuration.maxConnections {
                context.openConnections.subtract(1, ordering: .relaxed)
                reject(fd, address: address)
                continue
            }
            let loop = nextIOLoop()
            loop.queue.async { loop.adopt(fd: fd, remoteAddress: address) }
        }
    }

    private func nextIOLoop() -> IOLoop {
        let loop = loops[nextLoop]
        nextLoop = (nextLoop + 1) % loops.count
        return loop
    }

    /// Out of descriptors: pause accepting briefly rather than spin on the same error; connections
    /// wait in the listen backlog meanwhile.
    private func backOffAccepting(_ code: Int32) {
        guard !acceptSuspended, let acceptSource else { return }
        logger.warning("accept failed; pausing", metadata: ["error": "\(String(cString: strerror(code)))"])
        acceptSuspended = true
        acceptSource.suspend()
        acceptQueue.asyncAfter(deadline: .now() + .nanoseconds(Int(configuration.acceptBackoff.nanoseconds))) { [self] in
            guard acceptSuspended, let source = self.acceptSource else { return }
            acceptSuspended = false
            source.resume()
        }
    }

    private static let overCapacityResponse: [UInt8] = Array(
        ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 39\r\n"
            + "Retry-After: 1\r\nConnection: close\r\n\r\nThe server is busy; try again shortly.\n").utf8)

    /// Over the connection cap: answer 503 and close, draining briefly so the client can read it.
    private func reject(_ fd: Int32, address: String) {
        var response = Self.overCapacityResponse
        _ = response.withUnsafeMutableBytes { buffer in
            var vector = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
            return withUnsafeMutablePointer(to: &vector) { Socket.send(fd, UnsafeMutableBufferPointer(start: $0, count: 1)) }
        }
        Glibc.shutdown(fd, Int32(SHUT_WR))
        // Draining costs a descriptor too, so it has its own cap; past it, close at once.
        guard context.rejectedConnections.wrappingAdd(1, ordering: .relaxed).newValue <= configuration.maxConnections else {
            context.rejectedConnections.subtract(1, ordering: .relaxed)
            Glibc.close(fd)
            return
        }
        let loop = nextIOLoop()
        loop.queue.async { loop.adoptRejected(fd: fd, remoteAddress: address) }
    }
}
