import Dispatch
import Logging
import Foundation
import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes one line per message to standard error through a shared
/// buffer, flushed every 200 ms, when it passes 64 KiB, and at once for warnings and worse.
///
/// A write system call per access-log line would cost more than serving a small request, so lines
/// are batched; a crash can lose at most the last fraction of a second of info-level lines.
struct BufferedLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    private let label: String

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = BufferedLogOutput.shared.timestamp()
        line += " \(event.level.rawValue) \(label): \(event.message)"
        if !metadata.isEmpty || !(event.metadata ?? [:]).isEmpty {
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                line += " \(key)=\(value)"
            }
        }
        line += "\n"
        BufferedLogOutput.shared.append(line, urgent: event.level >= .warning)
    }
}

/// The process-wide log output behind `BufferedLogHandler`.
///
/// Each thread appends to its own buffer, so request threads never wait for one another to log;
/// a timer writes all buffers out every 200 ms. Lines from different threads may therefore appear
/// slightly out of time order within one flush; each carries its own timestamp.
final class BufferedLogOutput: @unchecked Sendable {
    static let shared = BufferedLogOutput()

    /// One thread's pending lines and its cached timestamp prefix. The lock is only ever contended
    /// by the flush timer.
    final class ThreadBuffer: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [UInt8] = []
        var second = -1
        var secondText = ""
    }

    private let buffers = ThreadLocal { ThreadBuffer() }
    /// Serialises writes to standard error so flushed blocks never interleave.
    private let writeLock = NSLock()
    /// Set once in `init`, never touched again (the reason for `@unchecked`).
    private let timer: DispatchSourceTimer

    private init() {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "log-flush"))
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { BufferedLogOutput.shared.flush() }
        timer.resume()
    }

    /// `2026-11-23T18:04:05.123Z`, formatting the date part once per second per thread.
    func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let buffer = buffers.value
        if buffer.second != now.tv_sec {
            var seconds = now.tv_sec
            var parts = tm()
            gmtime_r(&seconds, &parts)
            func pad(_ value: Int32, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            buffer.second = now.tv_sec
            buffer.secondText = "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
                + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
        }
        let millisText = String(Int(now.tv_nsec) / 1_000_000)
        return buffer.secondText + "." + String(repeating: "0", count: 3 - millisText.count) + millisText + "Z"
    }

    func append(_ line: String, urgent: Bool) {
        let buffer = buffers.value
        buffer.lock.lock()
        buffer.bytes.append(contentsOf: line.utf8)
        let full = buffer.bytes.count >= 64 * 1024
        buffer.lock.unlock()
        if full || urgent { flush() }
    }

    /// Writes out everything buffered by every thread.
    func flush() {
        for buffer in buffers.allValues {
            buffer.lock.lock()
            let pending = buffer.bytes
            buffer.bytes.removeAll(keepingCapacity: true)
            buffer.lock.unlock()
            if !pending.isEmpty { write(pending) }
        }
    }

    private func write(_ bytes: [UInt8]) {
        writeLock.lock()
        defer { writeLock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
