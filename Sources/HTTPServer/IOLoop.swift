import CSystemShims
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One serial queue of socket I/O, the connections it owns, and a timer that enforces their
/// deadlines.
///
/// The queue is driven by a single Dispatch read source on an epoll set holding all its
/// connections. A Dispatch source per socket would cost, on Linux, a hand-off from libdispatch's
/// manager thread and a re-arm through it for every event — measured at a quarter of all CPU time
/// in context switches. One source per queue turns a burst of ready sockets into one wake-up.
final class IOLoop: @unchecked Sendable {
    let queue: DispatchQueue
    /// Scratch space for `read`; safe to share because the queue runs one block at a time.
    let readBuffer: UnsafeMutableRawBufferPointer
    private let context: ServerContext
    private let epoll: Int32
    // Confined to `queue`.
    private var connections: [Int32: Connection] = [:]
    private var readySource: DispatchSourceRead?
    private var started = false
    private var timer: DispatchSourceTimer?
    private var readyDescriptors = [Int32](repeating: 0, count: 256)
    private var readyEvents = [UInt32](repeating: 0, count: 256)

    init(index: Int, context: ServerContext) throws(SocketError) {
        queue = DispatchQueue(label: "http-io-\(index)")
        epoll = tt_epoll_create()
        guard epoll >= 0 else { throw SocketError("epoll_create1") }
        readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        self.context = context
    }

    deinit {
        readBuffer.deallocate()
        // Once started, the ready source's cancel handler closes the epoll set; a loop that never
        // started (its server failed to bind) closes it here.
        if !started { Glibc.close(epoll) }
    }

    /// Starts watching sockets and sweeping deadlines. Called on `queue`.
    func start() {
        started = true
        let source = DispatchSource.makeReadSource(fileDescriptor: epoll, queue: queue)
        source.setEventHandler { [self] in drainReadyEvents() }
        let epoll = self.epoll
        source.setCancelHandler { Glibc.close(epoll) }
        readySource = source
        source.resume()

        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = context.sweepInterval
        timer.schedule(deadline: .now() + .nanoseconds(Int(interval)), repeating: .nanoseconds(Int(interval)),
                       leeway: .nanoseconds(Int(interval / 4)))
        timer.setEventHandler { [self] in sweep() }
        self.timer = timer
        timer.resume()
    }

    private func drainReadyEvents() {
        // Two rounds at most, so one busy queue still lets its timer and other blocks run.
        for _ in 0..<2 {
            let count = readyDescriptors.withUnsafeMutableBufferPointer { fds in
                readyEvents.withUnsafeMutableBufferPointer { events in
                    tt_epoll_wait(epoll, fds.baseAddress, events.baseAddress, Int32(fds.count), 0)
                }
            }
            guard count > 0 else { return }
            for index in 0..<Int(count) {
                connections[readyDescriptors[index]]?.handleEvents(readyEvents[index])
            }
            if count < readyDescriptors.count { return }
        }
    }

    /// Takes ownership of an accepted socket. Called on `queue`.
    func adopt(fd: Int32, remoteAddress: String) {
        let connection = Connection(fd: fd, remoteAddress: remoteAddress, loop: self, context: context, countsTowardCap: true)
        guard watch(connection) else { return }
        connection.start()
        if context.isShuttingDown { connection.beginShutdown() }
    }

    /// Takes an over-capacity socket that has been sent its 503, to drain it briefly and close it.
    func adoptRejected(fd: Int32, remoteAddress: String) {
        let connection = Connection(fd: fd, remoteAddress: remoteAddress, loop: self, context: context, countsTowardCap: false)
        guard watch(connection) else { return }
        connection.startLingering()
    }

    private func watch(_ connection: Connection) -> Bool {
        guard tt_epoll_ctl(epoll, TT_EPOLL_CTL_ADD, connection.fd, Self.mask(read: true, write: false)) == 0 else {
            context.logger.warning("epoll_ctl failed; dropping connection", metadata: ["errno": "\(errno)"])
            connection.close()
            return false
        }
        connections[connection.fd] = connection
        return true
    }

    /// Changes which readiness a connection waits for.
    func setInterest(_ fd: Int32, read: Bool, write: Bool) {
        _ = tt_epoll_ctl(epoll, TT_EPOLL_CTL_MOD, fd, Self.mask(read: read, write: write))
    }

    /// Stops watching a connection whose descriptor the caller closes right after. Callable from
    /// any thread: epoll_ctl is thread-safe, and the table entry is dropped on the queue. That block
    /// is queued before the descriptor is closed, so it runs before any later connection reusing
    /// the number can be adopted here; the identity check makes that doubly sure.
    func remove(_ connection: Connection) {
        _ = tt_epoll_ctl(epoll, TT_EPOLL_CTL_DEL, connection.fd, 0)
        queue.async { [self] in
            if connections[connection.fd] === connection { connections[connection.fd] = nil }
        }
    }

    private static func mask(read: Bool, write: Bool) -> UInt32 {
        (read ? TT_EPOLLIN | TT_EPOLLRDHUP : 0) | (write ? TT_EPOLLOUT : 0)
    }

    private func sweep() {
        let now = MonotonicClock.now()
        for connection in connections.values { connection.checkDeadline(now: now) }
    }

    func beginShutdown() {
        for connection in Array(connections.values) { connection.beginShutdown() }
    }

    /// Closes every remaining connection and stops watching; the last step of shutdown.
    func closeAll() {
        for connection in Array(connections.values) { connection.close() }
        timer?.cancel()
        timer = nil
        readySource?.cancel()
        readySource = nil
    }
}
