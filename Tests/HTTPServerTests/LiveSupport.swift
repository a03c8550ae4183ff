import Dispatch
import Foundation
import Logging
import Synchronization
import Testing
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

// Support for the live tests: a real server on 127.0.0.1, port 0, driven over raw sockets.

extension ServerConfiguration {
    /// Port 0 and deadlines long enough that only a test that shortens one ever meets it.
    static func live(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.ioQueueCount = 2
        configuration.workerCount = 8
        configuration.headTimeout = .seconds(5)
        configuration.idleTimeout = .seconds(5)
        configuration.bodyTimeout = .seconds(5)
        configuration.writeTimeout = .seconds(5)
        configuration.lingerTimeout = .milliseconds(500)
        configuration.shutdownGracePeriod = .seconds(1)
        adjust(&configuration)
        return configuration
    }
}

/// Server logs are noise in test output; set LIVE_TEST_LOG=1 to see them.
let liveLogger: Logger = {
    var logger = Logger(label: "live-tests")
    logger.logLevel = getenv("LIVE_TEST_LOG") == nil ? .critical : .debug
    return logger
}()

/// Starts a server on 127.0.0.1 with a free port, runs `body`, and always shuts the server down.
@discardableResult
func withServer<T>(
    _ configuration: ServerConfiguration = .live(), router: Router, middleware: [Middleware] = [],
    _ body: (HTTPServer) throws -> T
) throws -> T {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    let server = try HTTPServer(configuration: configuration, responder: router.responder(middleware: middleware),
                                logger: liveLogger)
    try server.start()
    defer { server.shutdown() }
    #expect(server.port > 0)
    return try body(server)
}

extension HTTPServer {
    /// A new raw connection to this server.
    func connect(timeout: Duration = .seconds(3), receiveBufferSize: Int32? = nil) throws -> RawClient {
        try RawClient(port: port, timeout: timeout, receiveBufferSize: receiveBufferSize)
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(within timeout: Duration = .seconds(3), _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(5_000)
    }
    return condition()
}

/// A value shared between the test and handlers or helper threads.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    var value: Value {
        get { mutex.withLock { $0 } }
        set { mutex.withLock { $0 = newValue } }
    }

    @discardableResult
    func update<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}

/// Runs `body` on a thread of its own (not Dispatch's pool, which on Linux is slow to add threads
/// when the ones it has block); `wait` on `group` for it to finish.
func onThread(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
        body()
        group.leave()
    }
    thread.start()
}

// MARK: - Raw client

enum RawClientError: Error, Equatable {
    case connect(Int32)
    case send(Int32)
    case receive(Int32)
    case timedOut
    case closedEarly
    case malformed(String)
}

/// One HTTP/1.1 response as read from the wire.
struct RawResponse: Sendable {
    let status: Int
    let statusLine: String
    /// Header fields in order, names as sent.
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    func header(_ name: String) -> String? { headers(name).first }

    func headers(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// Whether `Connection` lists `token`.
    func connectionHas(_ token: String) -> Bool {
        headers("Connection").flatMap { $0.split(separator: ",") }.contains {
            $0.trimmingOWS().lowercased() == token
        }
    }
}

/// A minimal blocking HTTP/1.1 client over a raw TCP socket. Every read has a timeout, so a
/// misbehaving server fails a test instead of hanging it. Not thread-safe: one thread per client.
final class RawClient {
    let fd: Int32
    private let timeout: Duration
    /// Received bytes not yet consumed by `readResponse`.
    private(set) var buffer: [UInt8] = []
    private var closed = false

    init(port: Int, timeout: Duration = .seconds(3), receiveBufferSize: Int32? = nil) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RawClientError.connect(errno) }
        if var size = receiveBufferSize {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let result = withLoopbackAddress(port: port) { Glibc.connect(fd, $0, $1) }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw RawClientError.connect(code)
        }
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        self.fd = fd
        self.timeout = timeout
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    var bufferedByteCount: Int { buffer.count }

    // MARK: Sending

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw RawClientError.send(errno)
            }
            offset += sent
        }
    }

    // MARK: Receiving

    private enum Received { case data, endOfStream, timedOut }

    /// One `recv` into the buffer, waiting at most `wait`. A reset counts as end of stream.
    private func receive(waitingAtMost wait: Duration) throws -> Received {
        let (seconds, attoseconds) = max(wait, .milliseconds(1)).components
        var interval = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return .data
            }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .timedOut
            case ECONNRESET: return .endOfStream
            default: throw RawClientError.receive(errno)
            }
        }
    }

    /// Receives until `enough` holds for the buffer; throws on timeout or end of stream.
    private func receive(until enough: ([UInt8]) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while !enough(buffer) {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw RawClientError.timedOut }
            switch try receive(waitingAtMost: remaining) {
            case .data: continue
            case .endOfStream: throw RawClientError.closedEarly
            case .timedOut: throw RawClientError.timedOut
            }
        }
    }

    /// Reads one response, leaving any bytes after it buffered. `bodyless` is for answers to HEAD.
    func readResponse(bodyless: Bool = false) throws -> RawResponse {
        try receive { Self.endOfHead(in: $0) != nil }
        guard let headEnd = Self.endOfHead(in: buffer) else { throw RawClientError.malformed("no head") }
        // "\r\n" is a single Character, so this splits the head into lines.
        let lines = String(decoding: buffer[0..<(headEnd - 4)], as: UTF8.self)
            .split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        guard let statusLine = lines.first else { throw RawClientError.malformed("empty head") }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw RawClientError.malformed(statusLine)
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw RawClientError.malformed(line) }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingOWS()))
        }
        buffer.removeFirst(headEnd)
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) }
        var body: [UInt8] = []
        if bodyless || status < 200 || status == 204 || status == 304 {
            body = []
        } else if let length {
            try receive { $0.count >= length }
            body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else {
            body = try readUntilClosed()
        }
        return RawResponse(status: status, statusLine: statusLine, headers: headers, body: body)
    }

    /// Everything (buffered and new) until the server closes; throws if it does not within `limit`.
    func readUntilClosed(within limit: Duration? = nil) throws -> [UInt8] {
        let deadline = ContinuousClock.now + (limit ?? timeout)
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw RawClientError.timedOut }
            switch try receive(waitingAtMost: remaining) {
            case .data: continue
            case .endOfStream:
                defer { buffer.removeAll() }
                return buffer
            case .timedOut: throw RawClientError.timedOut
            }
        }
    }

    /// Whether the server closes the connection (end of stream or reset) within `limit`. Bytes
    /// that arrive meanwhile are buffered (check `bufferedByteCount`).
    func isClosedByPeer(within limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            switch try? receive(waitingAtMost: remaining) {
            case .data?: continue
            case .endOfStream?: return true
            case .timedOut?, nil: return false
            }
        }
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }
}

/// A plain GET request head.
func get(_ path: String, _ extraHeaders: String = "", version: String = "HTTP/1.1") -> String {
    "GET \(path) \(version)\r\nHost: live\r\n\(extraHeaders)\r\n"
}

/// FNV-1a, so handlers and tests can compare bodies without echoing them.
func checksum<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    var hash: UInt32 = 2_166_136_261
    for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return String(hash, radix: 16)
}

/// A router shared by several suites.
func basicRouter() -> Router {
    var router = Router()
    router.get("/hello") { _ in .text("hello world") }
    router.get("/echo/:word") { request in
        if request.parameters["word"] == "first" { usleep(50_000) }
        return .text(request.parameters["word"] ?? "")
    }
    router.post("/echo") { request in .text("\(request.body.count) \(checksum(request.body))") }
    router.post("/upload", bodyLimit: 64 * 1024) { request in
        .text("\(request.body.count) \(checksum(request.body))")
    }
    return router
}

/// Calls `body` with the socket address 127.0.0.1:`port` and its length.
func withLoopbackAddress<Result>(port: Int, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
}
