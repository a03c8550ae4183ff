import Foundation
import GRDB
import Synchronization

/// Truncates the write-ahead log soon after survey writes, so earlier versions of pages (a draft, the
/// moment a response arrived, the order of commits) do not stay in `-wal` for a copy to replay.
///
/// Checkpoints are batched: the first submission schedules one `delay` seconds later and the ones
/// that arrive meanwhile share it, so a busy morning of answers costs one checkpoint every few
/// seconds, not one per answer.
public final class HistoryScrubber: Sendable {
    /// Seconds from a survey write to the checkpoint that truncates the log.
    public static let defaultDelay: TimeInterval = 2
    private let delay: TimeInterval
    private let pool: DatabasePool
    private let scheduled = Mutex(false)
    private let queue = DispatchQueue(label: "taitotutka.history-scrubber", qos: .utility)

    init(pool: DatabasePool, delay: TimeInterval) {
        self.pool = pool
        self.delay = delay
    }

    /// Asks for a checkpoint soon, unless one is already on its way.
    func schedule() {
        let first = scheduled.withLock { pending in
            defer { pending = true }
            return !pending
        }
        guard first else { return }
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            scheduled.withLock { $0 = false }
            scrubNow()
        }
    }

    /// Copies every committed page into the database file and truncates the log to zero bytes.
    /// Returns whether the log is empty now (a long reader can keep it from being truncated; the next
    /// scrub then finishes the job).
    @discardableResult
    func scrubNow() -> Bool {
        do {
            return try pool.writeWithoutTransaction { db in
                let result = try db.checkpoint(.truncate)
                return result.walFrameCount == 0
            }
        } catch {
            return false
        }
    }
}

extension AppDatabase {
    /// Truncates the write-ahead log now (see `HistoryScrubber`); for shutdown and tests.
    @discardableResult
    public func scrubHistory() -> Bool {
        scrubber.scrubNow()
    }
}
