import Dispatch
import Foundation
import Logging
import Synchronization

/// The server's background sender: every `interval` it sends what is due, a batch at a time, on a
/// serial queue of its own (so runs never overlap). Started by `serve` only when SMTP is configured.
public final class MailWorker: Sendable {
    private let sender: MailSender
    private let interval: TimeInterval
    private let batchLimit: Int
    private let logger: Logger
    private let queue = DispatchQueue(label: "taitotutka.mail", qos: .utility)
    private let running = DispatchGroup()
    /// Dispatch sources are thread-safe (resume and cancel from any thread) but not marked Sendable.
    nonisolated(unsafe) private let timer: any DispatchSourceTimer
    private let started = Atomic<Bool>(false)
    private let stopped = Atomic<Bool>(false)

    public init(sender: MailSender, interval: TimeInterval = 60, batchLimit: Int = 50, logger: Logger) {
        self.sender = sender
        self.interval = interval
        self.batchLimit = batchLimit
        self.logger = logger
        timer = DispatchSource.makeTimerSource(queue: queue)
    }

    /// Starts the timer: the first run after `firstRunAfter` seconds, then every `interval`.
    public func start(firstRunAfter: TimeInterval = 5) {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        timer.schedule(deadline: .now() + firstRunAfter, repeating: interval, leeway: .seconds(1))
        timer.setEventHandler { [self] in run() }
        timer.resume()
    }

    /// Stops the timer and waits (up to `timeout`) for a run in progress to record its last message.
    public func stop(timeout: TimeInterval = 10) {
        stopped.store(true, ordering: .relaxed)
        timer.cancel()
        if running.wait(timeout: .now() + timeout) == .timedOut {
            logger.warning("The mail sender was still sending at shutdown; its message is retried after restart.")
        }
    }

    /// Batches until the outbox has nothing due (or the worker is stopping).
    private func run() {
        running.enter()
        defer { running.leave() }
        let started = Date()
        while !stopped.load(ordering: .relaxed) {
            do {
                let report = try sender.sendDue(limit: batchLimit)
                if report.claimed > 0 { logger.info("Mail: \(report.summary)") }
                guard report.claimed == batchLimit, Date().timeIntervalSince(started) < interval else { return }
            } catch {
                logger.error("Mail: the outbox cannot be used: \(error)")
                return
            }
        }
    }
}
