import Dispatch
import Logging
import Synchronization
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
        line += " \(event.level) \(label): \(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        line += "\n"
        BufferedLogOutput.shared.append(line, urgent: event.level >= .warning)
    }
}

/// The process-wide log buffer behind `BufferedLogHandler`.
/// `@unchecked` only because of `timer`, which is set once in `init` and never touched again.
final class BufferedLogOutput: @unchecked Sendable {
    static let shared = BufferedLogOutput()

    private struct State {
        var buffer: [UInt8] = []
        var second = -1
        var secondText = ""
    }

    private let state = Mutex(State())
    private let timer: DispatchSourceTimer

    private init() {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "log-flush"))
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { BufferedLogOutput.shared.flush() }
        timer.resume()
    }

    /// `2026-11-23T18:04:05.123Z`, formatting the date part once per second.
    func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let millis = Int(now.tv_nsec) / 1_000_000
        let prefix = state.withLock { state -> String in
            if state.second != now.tv_sec {
                var seconds = now.tv_sec
                var parts = tm()
                gmtime_r(&seconds, &parts)
                func pad(_ value: Int32, _ width: Int) -> String {
                    let text = String(value)
                    return String(repeating: "0", count: max(0, width - text.count)) + text
                }
                state.second = now.tv_sec
                state.secondText = "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
                    + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
            }
            return state.secondText
        }
        let millisText = String(millis)
        return prefix + "." + String(repeating: "0", count: 3 - millisText.count) + millisText + "Z"
    }

    func append(_ line: String, urgent: Bool) {
        let full = state.withLock { state -> Bool in
            state.buffer.append(contentsOf: line.utf8)
            return state.buffer.count >= 64 * 1024
        }
        if full || urgent { flush() }
    }

    /// Writes out everything buffered.
    func flush() {
        let pending = state.withLock { state -> [UInt8] in
            defer { state.buffer.removeAll(keepingCapacity: true) }
            return state.buffer
        }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress.map { $0 + offset }, pending.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
