import Dispatch
import Foundation
import Logging
import Synchronization

/// A pass the server runs every so often on a queue of its own, first a minute after start: the
/// required-training reminders (`WebApp.queueComplianceReminders`) and the data-protection retention
/// (`WebApp.runRetentionIfDue`) each have one. A failed pass is logged and tried again at the next.
public final class PeriodicWorker: Sendable {
    private let name: String
    private let logger: Logger
    private let interval: TimeInterval
    private let pass: @Sendable () throws -> String?
    private let queue: DispatchQueue
    /// Dispatch sources are thread-safe (resume and cancel from any thread) but not marked Sendable.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer
    private let started = Atomic<Bool>(false)

    /// `pass` returns what to log when it did something, nil when it had nothing to do.
    public init(name: String, logger: Logger, interval: TimeInterval = 3600, pass: @escaping @Sendable () throws -> String?) {
        self.name = name
        self.logger = logger
        self.interval = interval
        self.pass = pass
        queue = DispatchQueue(label: "taitotutka.\(name.lowercased())", qos: .utility)
        timer = DispatchSource.makeTimerSource(queue: queue)
    }

    public func start(firstRunAfter: TimeInterval = 60) {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        timer.schedule(deadline: .now() + firstRunAfter, repeating: interval, leeway: .seconds(5))
        timer.setEventHandler { [self] in run() }
        timer.resume()
    }

    public func stop() {
        timer.cancel()
        queue.sync {}
    }

    private func run() {
        do {
            if let summary = try pass() { logger.info("\(name): \(summary)") }
        } catch {
            logger.error("\(name): the pass failed: \(error)")
        }
    }
}

extension WebApp {
    /// Every hour rather than daily, so a restart or a change (a new requirement, an import of new
    /// staff) is seen the same day; a pass that finds nothing new writes nothing, since every message
    /// is queued once. Runs whether or not SMTP is configured: unsent messages wait in the outbox.
    public func reminderWorker() -> PeriodicWorker {
        PeriodicWorker(name: "Reminders", logger: logger) { [self] in
            let report = try queueComplianceReminders()
            return report.queued > 0 ? "\(report.summary) in \(report.elapsed)" : nil
        }
    }

    /// Checks every hour whether today's retention pass has run (`runRetentionIfDue`).
    public func retentionWorker() -> PeriodicWorker {
        PeriodicWorker(name: "Retention", logger: logger) { [self] in
            try runRetentionIfDue()?.summary
        }
    }
}
