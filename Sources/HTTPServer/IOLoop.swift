import Dispatch

/// One serial queue of socket I/O and the connections it owns, plus a timer that enforces their
/// deadlines. A single periodic sweep per queue is far cheaper than a timer per connection.
final class IOLoop: @unchecked Sendable {
    let queue: DispatchQueue
    /// Scratch space for `read`; safe to share because the queue runs one block at a time.
    let readBuffer: UnsafeMutableRawBufferPointer
    private let context: ServerContext
    // Confined to `queue`.
    private var connections: [Int32: Connection] = [:]
    private var timer: DispatchSourceTimer?

    init(index: Int, context: ServerContext) {
        queue = DispatchQueue(label: "http-io-\(index)")
        readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        self.context = context
    }

    deinit {
        readBuffer.deallocate()
    }

    func startSweeping() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = context.sweepInterval
        timer.schedule(deadline: .now() + .nanoseconds(Int(interval)), repeating: .nanoseconds(Int(interval)),
                       leeway: .nanoseconds(Int(interval / 4)))
        timer.setEventHandler { [self] in sweep() }
        self.timer = timer
        timer.resume()
    }

    /// Takes ownership of an accepted socket. Called on `queue`.
    func adopt(fd: Int32, remoteAddress: String) {
        let connection = Connection(fd: fd, remoteAddress: remoteAddress, loop: self, context: context, countsTowardCap: true)
        connections[fd] = connection
        connection.start()
        if context.isShuttingDown { connection.beginShutdown() }
    }

    /// Takes an over-capacity socket that has been sent its 503, to drain it briefly and close it.
    func adoptRejected(fd: Int32, remoteAddress: String) {
        let connection = Connection(fd: fd, remoteAddress: remoteAddress, loop: self, context: context, countsTowardCap: false)
        connections[fd] = connection
        connection.startLingering()
    }

    func remove(_ connection: Connection) {
        connections[connection.fd] = nil
    }

    private func sweep() {
        let now = MonotonicClock.now()
        for connection in connections.values where connection.deadline != 0 && connection.deadline <= now {
            connection.deadlinePassed()
        }
    }

    func beginShutdown() {
        for connection in Array(connections.values) { connection.beginShutdown() }
    }

    /// Closes every remaining connection and stops the timer; the last step of shutdown.
    func closeAll() {
        for connection in Array(connections.values) { connection.close() }
        timer?.cancel()
        timer = nil
    }
}
