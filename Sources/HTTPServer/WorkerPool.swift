import Foundation

/// A fixed set of threads that run request handlers.
///
/// Handlers may block (database, files), so they must not run on the I/O queues, and parking them
/// on Dispatch's global pool would let a burst of slow requests starve every connection. A bounded
/// pool of our own threads keeps that cost in one known place.
final class WorkerPool: @unchecked Sendable {
    // All mutable state below is guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var nextJob = 0
    private var idleWorkers = 0
    private var stopping = false
    private var running = 0

    init(threadCount: Int, name: String) {
        for index in 0..<max(1, threadCount) {
            let thread = Thread { [self] in self.work() }
            thread.name = "\(name)-\(index)"
            thread.stackSize = 1 << 20
            condition.lock()
            running += 1
            condition.unlock()
            thread.start()
        }
    }

    /// Queues a job; the first idle worker runs it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        if idleWorkers > 0 { condition.signal() }
        condition.unlock()
    }

    /// Lets queued jobs finish, then ends the threads.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while let job = takeJob() {
            job()
        }
        condition.lock()
        running -= 1
        condition.unlock()
    }

    private func takeJob() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while nextJob == jobs.count {
            if stopping { return nil }
            idleWorkers += 1
            condition.wait()
            idleWorkers -= 1
        }
        let job = jobs[nextJob]
        nextJob += 1
        if nextJob == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            nextJob = 0
        } else if nextJob >= 1024 {
            jobs.removeFirst(nextJob)
            nextJob = 0
        }
        return job
    }
}
