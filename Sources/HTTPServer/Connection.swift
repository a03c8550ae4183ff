import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One client connection: reads and parses requests, hands each to the worker pool, writes the
/// responses in order, and enforces the deadlines.
///
/// Every property is confined to the owning `IOLoop`'s serial queue; workers only ever reach a
/// connection by submitting a block to that queue. That is what makes `@unchecked Sendable` sound.
final class Connection: @unchecked Sendable {
    enum DeadlineKind {
        case idle, head, body, write, linger
    }

    private static let continueHead = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    let fd: Int32
    let remoteAddress: String
    private let loop: IOLoop
    private let context: ServerContext
    /// False for over-capacity connections that only get a 503.
    private let countsTowardCap: Bool

    private var parser: RequestParser
    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var readSuspended = false
    private var writeArmed = false
    private var outgoing: [OutgoingMessage] = []
    private var handlerInFlight = false
    /// The current response is the last: close once it is written.
    private var closeAfterWriting = false
    /// The client has shut down its sending side (read returned 0).
    private var peerFinishedSending = false
    /// The response is out and our side is shut down; input is drained until the client closes.
    private var lingering = false
    private var shuttingDown = false
    private(set) var isClosed = false
    private var pendingCancellations = 0
    private var headStartedAt: UInt64 = 0

    /// When the current deadline passes (monotonic ns), or 0 for none.
    private(set) var deadline: UInt64 = 0
    private var deadlineKind = DeadlineKind.idle

    init(fd: Int32, remoteAddress: String, loop: IOLoop, context: ServerContext, countsTowardCap: Bool) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.loop = loop
        self.context = context
        self.countsTowardCap = countsTowardCap
        parser = RequestParser(limits: context.configuration.limits, bodyLimit: context.bodyLimit)
    }

    /// Starts reading. Called on the loop's queue.
    func start() {
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: loop.queue)
        source.setEventHandler { [self] in handleReadable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        readSource = source
        source.resume()
        setDeadline(MonotonicClock.now() &+ context.idleTimeout, .idle)
    }

    /// Starts an over-capacity connection whose 503 has been sent: drain, then close.
    func startLingering() {
        start()
        lingering = true
        setDeadline(MonotonicClock.now() &+ min(context.lingerTimeout, 1_000_000_000), .linger)
    }

    // MARK: - Reading

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
            if handlerInFlight && parser.bufferedByteCount > pipelineBufferLimit { suspendReading() }
        } else if count == 0 {
            peerClosed()
        } else if errno != EAGAIN && errno != EWOULDBLOCK {
            close()
        }
    }

    /// Pipelined bytes are buffered while a handler runs, up to one maximal request head and a
    /// little more; then reading pauses until the response is out.
    private var pipelineBufferLimit: Int {
        context.configuration.limits.maxRequestLineLength + context.configuration.limits.maxHeaderBlockLength + 64 * 1024
    }

    /// Parses what has arrived and acts on it: one request at a time, so responses stay in order.
    private func processInput() {
        while !handlerInFlight && !closeAfterWriting && !isClosed {
            switch parser.next() {
            case .needMoreData:
                if peerFinishedSending {
                    // No more bytes will come: a partial request can never complete.
                    if outgoing.isEmpty { close() }
                    return
                }
                refreshInputDeadline()
                return
            case .continueExpected:
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
                close()
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
            close()
        } else if !handlerInFlight {
            processInput()
        }
    }

    // MARK: - Handling

    private func dispatch(_ parsed: Request) {
        handlerInFlight = true
        headStartedAt = 0
        setDeadline(0, .idle)
        var incoming = parsed
        incoming.remoteAddress = remoteAddress
        let request = incoming
        let keepAlive = request.wantsKeepAlive
        let context = self.context
        let queue = loop.queue
        context.workers.submit { [self] in
            let response = context.responder.respond(to: request)
            let serialized = ResponseSerializer.serialize(
                response, requestMethod: request.method, version: request.version,
                keepAlive: keepAlive && !context.isShuttingDown)
            queue.async { self.complete(serialized) }
        }
    }

    private func complete(_ response: SerializedResponse) {
        handlerInFlight = false
        guard !isClosed else { return }
        if !response.keepAlive { closeAfterWriting = true }
        outgoing.append(OutgoingMessage(head: response.head, body: response.body, keepAlive: response.keepAlive))
        flush()
        guard !isClosed, !closeAfterWriting else { return }
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
                close()
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

    private func armWriting() {
        if writeSource == nil {
            let source = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: loop.queue)
            source.setEventHandler { [self] in
                guard !isClosed else { return }
                flush()
                if !isClosed && !handlerInFlight && !closeAfterWriting && outgoing.isEmpty { processInput() }
            }
            source.setCancelHandler { [self] in sourceCancelled() }
            writeSource = source
        }
        guard !writeArmed, let writeSource else { return }
        writeArmed = true
        writeSource.resume()
    }

    private func disarmWriting() {
        guard writeArmed, let writeSource else { return }
        writeArmed = false
        writeSource.suspend()
    }

    private func suspendReading() {
        guard !readSuspended, let readSource else { return }
        readSuspended = true
        readSource.suspend()
    }

    private func resumeReading() {
        guard readSuspended, !peerFinishedSending, let readSource else { return }
        readSuspended = false
        readSource.resume()
    }

    // MARK: - Deadlines and closing

    private func setDeadline(_ time: UInt64, _ kind: DeadlineKind) {
        deadline = time
        deadlineKind = kind
    }

    /// Called by the loop's sweep when `deadline` has passed.
    func deadlinePassed() {
        guard !isClosed else { return }
        switch deadlineKind {
        case .idle, .write, .linger:
            close()
        case .head, .body:
            setDeadline(0, .idle)
            context.logger.info("request timed out", metadata: ["peer": "\(remoteAddress)", "phase": "\(deadlineKind)"])
            respondAndClose(.requestTimeout, "The request did not arrive in time.")
        }
    }

    /// Stops taking new requests: closes now if idle, otherwise after the request in progress.
    func beginShutdown() {
        shuttingDown = true
        if !handlerInFlight && outgoing.isEmpty && parser.phase == .idle { close() }
    }

    /// After a final response: shut down our sending side, then drain input until the client
    /// closes or the linger deadline passes. Closing at once with unread input would send a reset
    /// that can destroy the response before the client reads it.
    private func closeGracefully() {
        guard !peerFinishedSending else {
            close()
            return
        }
        Glibc.shutdown(fd, Int32(SHUT_WR))
        lingering = true
        resumeReading()
        setDeadline(MonotonicClock.now() &+ context.lingerTimeout, .linger)
    }

    /// Closes the connection at once. The descriptor itself is closed when both Dispatch sources
    /// have confirmed cancellation, so it can never be closed twice or reused while monitored.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        loop.remove(self)
        for message in outgoing { message.discard() }
        outgoing.removeAll()
        if let readSource {
            pendingCancellations += 1
            if readSuspended { readSource.resume() }
            readSource.cancel()
        }
        if let writeSource {
            pendingCancellations += 1
            if !writeArmed { writeSource.resume() }
            writeSource.cancel()
        }
        if pendingCancellations == 0 { closeDescriptor() }
    }

    private func sourceCancelled() {
        pendingCancellations -= 1
        if pendingCancellations == 0 { closeDescriptor() }
    }

    private func closeDescriptor() {
        readSource = nil
        writeSource = nil
        Glibc.close(fd)
        if countsTowardCap {
            context.openConnections.subtract(1, ordering: .relaxed)
        } else {
            context.rejectedConnections.subtract(1, ordering: .relaxed)
        }
    }
}
