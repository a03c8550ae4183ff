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
        var suffix = ""
        if !metadata.isEmpty || !(event.metadata ?? [:]).isEmpty {
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                suffix += " \(key)=\(value)"
            }
        }
        BufferedLogOutput.shared.appendLine(
            level: event.level.rawValue, label: label, message: event.message.description, suffix: suffix,
            urgent: event.level >= .warning)
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

    /// Appends `2026-11-23T18:04:05.123Z level label: message suffix` and a newline to this
    /// thread's buffer, as bytes, formatting the date part once per second per thread.
    func appendLine(level: String, label: String, message: String, suffix: String, urgent: Bool) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let buffer = buffers.value
        buffer.lock.lock()
        if buffer.second != now.tv_sec {
            buffer.second = now.tv_sec
            buffer.secondText = Self.formatSecond(now.tv_sec)
        }
        let millis = Int(now.tv_nsec) / 1_000_000
        buffer.bytes.append(contentsOf: buffer.secondText.utf8)
        buffer.bytes.append(UInt8(ascii: "."))
        buffer.bytes.append(UInt8(ascii: "0") + UInt8(millis / 100))
        buffer.bytes.append(UInt8(ascii: "0") + UInt8(millis / 10 % 10))
        buffer.bytes.append(UInt8(ascii: "0") + UInt8(millis % 10))
        buffer.bytes.append(contentsOf: "Z ".utf8)
        buffer.bytes.append(contentsOf: level.utf8)
        buffer.bytes.append(UInt8(ascii: " "))
        buffer.bytes.append(contentsOf: label.utf8)
        buffer.bytes.append(contentsOf: ": ".utf8)
        buffer.bytes.append(contentsOf: message.utf8)
        buffer.bytes.append(contentsOf: suffix.utf8)
        buffer.bytes.append(UInt8(ascii: "\n"))
        let full = buffer.bytes.count >= 64 * 1024
        buffer.lock.unlock()
        if full || urgent { flush() }
    }

    /// `2026-11-23T18:04:05` for a second since 1970, in UTC.
    private static func formatSecond(_ second: Int) -> String {
        var seconds = second
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
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
