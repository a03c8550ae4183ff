import CSystemShims
import Dispatch
import Synchronization

/// Gives memory the caches let go back to the system once enough has been let go. glibc keeps what
/// is freed for the process's next allocations; a dashboard body of a few hundred kilobytes lives
/// in the middle of a heap, so the pages around it stay resident until `malloc_trim` releases
/// whole free pages. The trim runs on a background queue, one at a time, so no request waits for it.
final class FreedMemory: Sendable {
    private struct State {
        var pending = 0
        var trimming = false
    }

    private let threshold: Int
    private let trim: @Sendable () -> Void
    private let state = Mutex(State())

    /// `threshold`: bytes let go before a trim; 0 never trims.
    init(threshold: Int, trim: @escaping @Sendable () -> Void = { _ = tt_malloc_trim() }) {
        self.threshold = threshold
        self.trim = trim
    }

    /// Told by a cache that values of about `bytes` were dropped.
    func released(_ bytes: Int) {
        guard threshold > 0 else { return }
        let due = state.withLock { state in
            state.pending += bytes
            guard state.pending >= threshold, !state.trimming else { return false }
            state.pending = 0
            state.trimming = true
            return true
        }
        if due { startTrim() }
    }

    /// Told that a large piece of work has freed its working memory (building a round's results).
    func workFinished() {
        guard threshold > 0 else { return }
        let due = state.withLock { state in
            guard !state.trimming else { return false }
            state.pending = 0
            state.trimming = true
            return true
        }
        if due { startTrim() }
    }

    private func startTrim() {
        DispatchQueue.global(qos: .utility).async { [self] in
            trim()
            state.withLock { $0.trimming = false }
        }
    }
}
