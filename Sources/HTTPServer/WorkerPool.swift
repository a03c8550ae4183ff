import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads that run request handlers.
///
/// Handlers may block (database, files), so they must not run on the I/O queues, and parking them
/// on Dispatch's global pool would let a burst of slow requests starve every connection. A bounded
/// pool of our own threads keeps that cost in one known place.
///
/// Idle workers wait on their own semaphores in a stack, and a new job wakes exactly one of them:
/// the most recently idle, whose stack and caches are still warm. Before going to sleep a worker
/// yields the processor a few times in case work arrives at once. (An `NSCondition` shared by all
/// workers woke arbitrary sleepers and made the pool spend more time switching threads than
/// running handlers; see BENCHMARKS.md.)
final class WorkerPool: @unchecked Sendable {
    private final class Worker: Sendable {
        let wakeUp = DispatchSemaphore(value: 0)
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var jobs: [@Sendable () -> Void] = []
    private var nextJob = 0
    private var idle: [Worker] = []
    private var stopping = false
    /// Jobs queued and not yet taken, readable without the lock for the spin check.
    private let queuedJobs = Atomic<Int>(0)
    /// Measured on 2 cores: 0 yields 52–55k req/s, 20 about 57k, 200 about 58k; 50 keeps most of
    /// the gain while an idle worker gives up within roughly 50 µs.
    private let spinYields = 50

    init(threadCount: Int, name: String) {
        for index in 0..<max(1, threadCount) {
            let worker = Worker()
            let thread = Thread { [self] in self.run(worker) }
            thread.name = "\(name)-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Queues a job and wakes the most recently idle worker, if one is asleep.
    func submit(_ job: @escaping @Sendable () -> Void) {
        lock.lock()
        jobs.append(job)
        queuedJobs.add(1, ordering: .relaxed)
        let sleeper = idle.popLast()
        lock.unlock()
        sleeper?.wakeUp.signal()
    }

    /// Lets queued jobs finish, then ends the threads.
    func stop() {
        lock.lock()
        stopping = true
        let sleepers = idle
        idle.removeAll()
        lock.unlock()
        for sleeper in sleepers { sleeper.wakeUp.signal() }
    }

    private func run(_ worker: Worker) {
        // Termination signals belong to `TerminationSignals`, never to a handler thread.
        TerminationSignals.blockOnCurrentThread()
        while true {
            waitBrieflyForWork()
            lock.lock()
            if nextJob < jobs.count {
                let job = takeJobLocked()
                lock.unlock()
                job()
                continue
            }
            if stopping {
                lock.unlock()
                return
            }
            idle.append(worker)
            lock.unlock()
            worker.wakeUp.wait()
        }
    }

    /// Before sleeping, yield the processor a few times while no job is queued: under load the next
    /// request usually arrives within microseconds, and a futex sleep and wake-up costs more.
    private func waitBrieflyForWork() {
        for _ in 0..<spinYields {
            if queuedJobs.load(ordering: .relaxed) > 0 { return }
            sched_yield()
        }
    }

    private func takeJobLocked() -> @Sendable () -> Void {
        let job = jobs[nextJob]
        nextJob += 1
        queuedJobs.subtract(1, ordering: .relaxed)
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
