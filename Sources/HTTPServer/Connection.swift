import CSystemShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client connection: reads and parses requests, hands each to the worker pool, writes the
/// responses in order, and enforces the deadlines.
///
/// Readiness events arrive on the owning `IOLoop`'s queue; a finished handler completes its
/// request on the worker thread, writing the response itself rather than handing it back to the
/// I/O queue (that hand-off cost a thread wake-up per request). Every mutable property is guarded
/// by `lock`, which is what makes `@unchecked Sendable` sound: the entry points take the lock, and
/// everything private runs with it held.
final class Connection: @unchecked Sendable {
    enum DeadlineKind {
        case idle, head, body, write, linger
    }

    private static let continueHead = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Guards every `var` below. A plain pthread mutex: it is contended only when the sweep timer
    /// or a readiness event meets a worker finishing a request, and then only for microseconds.
    private let lock = NSLock()

    let fd: Int32
    let remoteAddress: String
    private let loop: IOLoop
    private let context: ServerContext
    /// False for over-capacity connections that only get a 503.
    private let countsTowardCap: Bool

    private var parser: RequestParser
    /// Whether the loop should report readability / writability for this socket.
    private var wantsRead = true
    private var wantsWrite = false
    private var outgoing: [OutgoingMessage] = []
    private var handlerInFlight = false
    /// The current response is the last: close once it is written.
    private var closeAfterWriting = false
    /// The client has shut down its sending side (read returned 0).
    private var peerFinishedSending = false
    /// The response is out and our side is shut down; input is drained until the client closes.
    private var lingering = false
    private var shuttingDown = false
    private var isClosed = false
    private var headStartedAt: UInt64 = 0
    /// A parsed request waiting to be handed to a worker once the lock is released: a worker
    /// started under the lock would finish a quick handler and then block on it.
    private var requestToRun: Request?

    /// When the current deadline passes (monotonic ns), or 0 for none.
    private var deadline: UInt64 = 0
    private var deadlineKind = DeadlineKind.idle

    init(fd: Int32, remoteAddress: String, loop: IOLoop, context: ServerContext, countsTowardCap: Bool) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.loop = loop
        self.context = context
        self.countsTowardCap = countsTowardCap
        parser = RequestParser(limits: context.configuration.limits, bodyLimit: context.bodyLimit)
    }

    // MARK: - Entry points (each takes the lock)

    /// Starts the idle deadline; the loop already watches the socket.
    func start() {
        lock.withLock { setDeadline(MonotonicClock.now() &+ context.idleTimeout, .idle) }
    }

    /// Starts an over-capacity connection whose 503 has been sent: drain, then close.
    func startLingering() {
        lock.withLock {
            lingering = true
            setDeadline(MonotonicClock.now() &+ min(context.lingerTimeout, 1_000_000_000), .linger)
        }
    }

    /// Acts on readiness reported by the loop.
    func handleEvents(_ events: UInt32) {
        let request = lock.withLock {
            handleEventsLocked(events)
            return takeRequestToRun()
        }
        if let request { submit(request) }
    }

    /// Called by the loop's sweep: acts if the current deadline has passed.
    func checkDeadline(now: UInt64) {
        lock.withLock {
            if deadline != 0 && deadline <= now { deadlinePassed() }
        }
    }

    /// Stops taking new requests: closes now if idle, otherwise after the request in progress.
    func beginShutdown() {
        lock.withLock {
            shuttingDown = true
            if !handlerInFlight && outgoing.isEmpty && parser.phase == .idle { closeLocked() }
        }
    }

    /// Closes the connection at once.
    func close() {
        lock.withLock { closeLocked() }
    }

    // MARK: - Reading

    private func handleEventsLocked(_ events: UInt32) {
        if events & (TT_EPOLLHUP | TT_EPOLLERR) != 0 && events & TT_EPOLLIN == 0 {
            // Reset or fully closed: nothing more can be read or written.
            closeLocked()
            return
        }
        if events & (TT_EPOLLIN | TT_EPOLLRDHUP) != 0 { handleReadable() }
        if events & TT_EPOLLOUT != 0 && !isClosed { handleWritable() }
    }

    private func handleReadable() {
        guard !isClosed else { return }
        let buffer = loop.readBuffer
        var count: Int
        repeat {
            count = read(fd, buffer.baseAddress, buffer.count)
        } while count < 0 && errno == EINTR
        if count > 0 {
            guard !lingering else { return }
            parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            if parser.phase == .body { setDeadline(MonotonicClock.now() &+ context.bodyTimeout, .body) }
            processInput()
            if (handlerInFlight || !outgoing.isEmpty) && parser.bufferedByteCount > pipelineBufferLimit {
                suspendReading()
            }
        } else if count == 0 {
            peerClosed()
        } else if errno != EAGAIN && errno != EWOULDBLOCK {
            closeLocked()
        }
    }

    /// Pipelined bytes are buffered while a handler runs, up to one maximal request head and a
    /// little more; then reading pauses until the response is out.
    private var pipelineBufferLimit: Int {
        context.configuration.limits.maxRequestLineLength + context.configuration.limits.maxHeaderBlockLength + 64 * 1024
    }

    /// Parses what has arrived and acts on it: one request at a time, so responses stay in order,
    /// and only once earlier output has gone out, so a client that sends without reading cannot
    /// make responses pile up in memory.
    private func processInput() {
        while !handlerInFlight && !closeAfterWriting && !isClosed && outgoing.isEmpty {
            switch parser.next() {
            case .needMoreData:
                if peerFinishedSending {
                    // No more bytes will come: a partial request can never complete.
                    if outgoing.isEmpty { closeLocked() }
                    return
                }
                refreshInputDeadline()
                return
            case .continueExpected:
                // Flushed at once; if the socket is full, parsing resumes when it drains.
                outgoing.append(OutgoingMessage(head: Self.continueHead, body: .empty, keepAlive: true))
                flush()
            case .request(let request):
                dispatch(request)
                return
            case .error(let error):
                context.logger.info("rejected request", metadata: [
                    "peer": "\(remoteAddress)", "status": "\(error.status.code)", "reason": "\(error)",
                ])
                respondAndClose(error.status, error.explanation)
                return
            }
        }
    }

    private func refreshInputDeadline() {
        guard outgoing.isEmpty, !handlerInFlight else { return }
        let now = MonotonicClock.now()
        switch parser.phase {
        case .idle:
            headStartedAt = 0
            if shuttingDown {
                closeLocked()
            } else {
                setDeadline(now &+ context.idleTimeout, .idle)
            }
        case .head:
            if headStartedAt == 0 { headStartedAt = now }
            setDeadline(headStartedAt &+ context.headTimeout, .head)
        case .body:
            if deadlineKind != .body || deadline == 0 { setDeadline(now &+ context.bodyTimeout, .body) }
        }
    }

    private func peerClosed() {
        peerFinishedSending = true
        suspendReading()
        if lingering || (!handlerInFlight && outgoing.isEmpty && parser.phase == .idle) {
            closeLocked()
        } else if !handlerInFlight {
            processInput()
        }
    }

    // MARK: - Handling

    /// Marks a request as in flight; the caller hands it to a worker after unlocking.
    private func dispatch(_ parsed: Request) {
        handlerInFlight = true
        headStartedAt = 0
        setDeadline(0, .idle)
        var request = parsed
        request.remoteAddress = remoteAddress
        requestToRun = request
    }

    private func takeRequestToRun() -> Request? {
        defer { requestToRun = nil }
        return requestToRun
    }

    /// Runs the handler on a worker, writes the response from there, and goes straight on with a
    /// pipelined request if one is complete, instead of queueing it behind other connections' work.
    private func submit(_ first: Request) {
        let context = self.context
        context.workers.submit { [self] in
            var next: Request? = first
            while let request = next {
                let response = context.responder.respond(to: request)
                let serialized = ResponseSerializer.serialize(
                    response, requestMethod: request.method, version: request.version,
                    keepAlive: request.wantsKeepAlive && !context.isShuttingDown)
                next = lock.withLock {
                    complete(serialized)
                    return takeRequestToRun()
                }
            }
        }
    }

    private func complete(_ response: SerializedResponse) {
        handlerInFlight = false
        guard !isClosed else { return }
        if !response.keepAlive { closeAfterWriting = true }
        outgoing.append(OutgoingMessage(head: response.head, body: response.body, keepAlive: response.keepAlive))
        flush()
        guard !isClosed, !closeAfterWriting, outgoing.isEmpty else { return }
        resumeReading()
        processInput()
    }

    /// Answers with an error status the server produces itself and closes afterwards.
    private func respondAndClose(_ status: HTTPStatus, _ explanation: String) {
        let response = context.configuration.errorResponse(status, explanation)
        let serialized = ResponseSerializer.serialize(response, requestMethod: nil, version: .http1_1, keepAlive: false)
        closeAfterWriting = true
        outgoing.append(OutgoingMessage(head: serialized.head, body: serialized.body, keepAlive: false))
        flush()
    }

    // MARK: - Writing

    private func flush() {
        while let message = outgoing.first {
            switch message.write(to: fd) {
            case .finished:
                outgoing.removeFirst()
            case .wouldBlock(let progressed):
                armWriting()
                if progressed || deadlineKind != .write || deadline == 0 {
                    setDeadline(MonotonicClock.now() &+ context.writeTimeout, .write)
                }
                return
            case .failed:
                closeLocked()
                return
            }
        }
        disarmWriting()
        if closeAfterWriting {
            closeGracefully()
        } else if !handlerInFlight {
            refreshInputDeadline()
        }
    }

    private func handleWritable() {
        flush()
        guard !isClosed, !handlerInFlight, !closeAfterWriting, outgoing.isEmpty else { return }
        resumeReading()
        processInput()
    }

    private func armWriting() {
        guard !wantsWrite else { return }
        wantsWrite = true
        loop.setInterest(fd, read: wantsRead, write: true)
    }

    private func disarmWriting() {
        guard wantsWrite else { return }
        wantsWrite = false
        loop.setInterest(fd, read: wantsRead, write: false)
    }

    private func suspendReading() {
        guard wantsRead else { return }
        wantsRead = false
        loop.setInterest(fd, read: false, write: wantsWrite)
    }

    private func resumeReading() {
        guard !wantsRead, !peerFinishedSending else { return }
        wantsRead = true
        loop.setInterest(fd, read: true, write: wantsWrite)
    }

    // MARK: - Deadlines and closing

    private func setDeadline(_ time: UInt64, _ kind: DeadlineKind) {
        deadline = time
        deadlineKind = kind
    }

    private func deadlinePassed() {
        guard !isClosed else { return }
        switch deadlineKind {
        case .idle, .write, .linger:
            closeLocked()
        case .head, .body:
            setDeadline(0, .idle)
            context.logger.info("request timed out", metadata: ["peer": "\(remoteAddress)", "phase": "\(deadlineKind)"])
            respondAndClose(.requestTimeout, "The request did not arrive in time.")
        }
    }

    /// After a final response: shut down our sending side, then drain input until the client
    /// closes or the linger deadline passes. Closing at once with unread input would send a reset
    /// that can destroy the response before the client reads it.
    private func closeGracefully() {
        guard !peerFinishedSending else {
            closeLocked()
            return
        }
        Glibc.shutdown(fd, Int32(SHUT_WR))
        lingering = true
        resumeReading()
        setDeadline(MonotonicClock.now() &+ context.lingerTimeout, .linger)
    }

    /// `isClosed` guards the one call to `close(2)`, and the loop stops watching the descriptor
    /// before it is closed, so it is never closed twice or watched after reuse.
    private func closeLocked() {
        guard !isClosed else { return }
        isClosed = true
        loop.remove(self)
        for message in outgoing { message.discard() }
        outgoing.removeAll()
        Glibc.close(fd)
        if countsTowardCap {
            context.openConnections.subtract(1, ordering: .relaxed)
        } else {
            context.rejectedConnections.subtract(1, ordering: .relaxed)
        }
    }
}
