import Logging
import Synchronization

/// What every connection of one server shares: settings, the responder, the worker pool and the
/// counters that enforce the connection cap and drive shutdown.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let workers: WorkerPool
    let logger: Logger
    let bodyLimit: RequestParser.BodyLimit
    /// Accepted connections not yet closed; compared with `maxConnections` on every accept.
    let openConnections = Atomic<Int>(0)
    /// Over-capacity connections that were answered 503 and are being drained before closing.
    let rejectedConnections = Atomic<Int>(0)
    let shuttingDown = Atomic<Bool>(false)

    let headTimeout: UInt64
    let idleTimeout: UInt64
    let bodyTimeout: UInt64
    let writeTimeout: UInt64
    let lingerTimeout: UInt64

    init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        workers = WorkerPool(threadCount: configuration.workerCount, name: "http-worker")
        let defaultLimit = configuration.limits.defaultBodyLimit
        bodyLimit = { method, path in responder.bodyLimit(method: method, path: path) ?? defaultLimit }
        headTimeout = configuration.headTimeout.nanoseconds
        idleTimeout = configuration.idleTimeout.nanoseconds
        bodyTimeout = configuration.bodyTimeout.nanoseconds
        writeTimeout = configuration.writeTimeout.nanoseconds
        lingerTimeout = configuration.lingerTimeout.nanoseconds
    }

    var isShuttingDown: Bool { shuttingDown.load(ordering: .relaxed) }

    /// How often each I/O queue checks its connections' deadlines: a quarter of the shortest
    /// deadline, between 10 ms and 1 s, so short test deadlines are honoured without busy timers.
    var sweepInterval: UInt64 {
        let shortest = [headTimeout, idleTimeout, bodyTimeout, writeTimeout, lingerTimeout].min() ?? 1_000_000_000
        return min(max(shortest / 4, 10_000_000), 1_000_000_000)
    }
}
