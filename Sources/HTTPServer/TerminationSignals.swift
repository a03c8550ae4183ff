import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGTERM and SIGINT so the program can shut down gracefully instead of dying.
///
/// On Linux, libdispatch watches signals through a signalfd, which only sees a signal that no
/// thread accepts: a thread that has it unblocked takes it instead, and then it is either fatal (the
/// default action) or lost (SIG_IGN). So the signals are blocked here, on the calling thread, and
/// this must be created on the main thread before any other thread starts (threads inherit the
/// mask; `WorkerPool` threads also block them themselves). Create it before announcing the
/// address, so a supervisor that stops the service at once is not ignored.
public final class TerminationSignals: @unchecked Sendable {
    /// The signals that end the server gracefully.
    public static let handled: [Int32] = [SIGTERM, SIGINT]

    // Set once in `init`, then only read.
    private let received = DispatchSemaphore(value: 0)
    private let sources: [DispatchSourceSignal]

    public init() {
        Self.blockOnCurrentThread()
        let received = self.received
        sources = Self.handled.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received.signal() }
            source.resume()
            return source
        }
    }

    /// Blocks one of the signals until it arrives.
    public func wait() {
        received.wait()
    }

    /// Keeps the handled signals away from the calling thread, so they stay pending for the
    /// signalfd.
    static func blockOnCurrentThread() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in handled { sigaddset(&set, number) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
