import Dispatch
import Foundation
import Logging
import Synchronization

/// The server's reminder pass: every hour (first a minute after start) it writes the day's
/// required-training reminders into the outbox. Hourly rather than daily so a restart or a change
/// (a new requirement, an import of new staff) is seen the same day; a pass that finds nothing new
/// writes nothing, since every message is queued once. Runs whether or not SMTP is configured:
/// unsent messages wait in the outbox, where administrators see them.
public final class ReminderWorker: Sendable {
    private let app: WebApp
    private let interval: TimeInterval
    private let queue = DispatchQueue(label: "taitotutka.reminders", qos: .utility)
    /// Dispatch sources are thread-safe (resume and cancel from any thread) but not marked Sendable.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer
    private let started = Atomic<Bool>(false)

    public init(app: WebApp, interval: TimeInterval = 3600) {
        self.app = app
        self.interval = interval
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
            let report = try app.queueComplianceReminders()
            if report.queued > 0 { app.logger.info("Reminders: \(report.summary) in \(report.elapsed)") }
        } catch {
            app.logger.error("Reminders: the pass failed: \(error)")
        }
    }
}
