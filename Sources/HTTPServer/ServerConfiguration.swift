#if canImport(Glibc)
import Glibc
#endif

/// Everything about the server that can be tuned: address, limits, deadlines and pool sizes.
public struct ServerConfiguration: Sendable {
    /// Host name or address to listen on; `::` or `0.0.0.0` for all interfaces.
    public var host = "127.0.0.1"
    /// TCP port; 0 binds a free port, which `HTTPServer.port` then reports.
    public var port = 8080
    public var listenBacklog: Int32 = 1024
    /// Connections beyond this many are answered `503` and closed.
    public var maxConnections = 1024
    /// Serial queues that drive socket I/O. A few are enough; each is one thread at a time.
    public var ioQueueCount = max(1, min(4, ServerConfiguration.processorCount))
    /// Threads that run handlers; a slow handler occupies one of them and no I/O queue.
    public var workerCount = max(8, ServerConfiguration.processorCount * 4)
    public var limits = ParserLimits()

    /// The complete request head must arrive within this time of its first byte (else 408).
    public var headTimeout: Duration = .seconds(10)
    /// A keep-alive connection with no request in progress is closed after this long.
    public var idleTimeout: Duration = .seconds(15)
    /// A request body must make progress at least this often (else 408).
    public var bodyTimeout: Duration = .seconds(10)
    /// A response write that makes no progress for this long aborts the connection.
    public var writeTimeout: Duration = .seconds(10)
    /// After an error response, unread input is drained for at most this long before closing, so
    /// the client reads the response instead of a connection reset.
    public var lingerTimeout: Duration = .seconds(2)
    /// On shutdown, in-flight requests get this long to finish.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// After `accept` fails for lack of descriptors, wait this long before accepting again.
    public var acceptBackoff: Duration = .milliseconds(100)

    /// Builds the response for errors the server answers itself (400, 408, 413, 503, …).
    public var errorResponse: @Sendable (HTTPStatus, String) -> Response = { status, explanation in
        Response.text("\(status.code) \(status.reason)\n\(explanation)\n", status: status)
    }

    public init() {}

    static var processorCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating at the bounds of UInt64.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? UInt64.max : whole &+ UInt64(attoseconds / 1_000_000_000)
    }
}

/// Monotonic time in nanoseconds, for deadlines that must not jump with the wall clock.
enum MonotonicClock {
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
