#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One instance of `Value` per thread, created on first use. For caches that many threads read on
/// every request, where a shared lock would be contended; on Linux, Swift's `Mutex` is a
/// priority-inheritance futex whose contended path is far slower than the work it protects.
public final class ThreadLocal<Value: AnyObject>: @unchecked Sendable {
    private var key = pthread_key_t()
    private let make: @Sendable () -> Value
    /// Keeps every thread's value alive; values are few (one per thread) and small.
    private let lock = NSLock()
    private var all: [Value] = []

    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        pthread_key_create(&key, nil)
    }

    /// This thread's value.
    public var value: Value {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(pointer).takeUnretainedValue()
        }
        let created = make()
        lock.lock()
        all.append(created)
        lock.unlock()
        pthread_setspecific(key, Unmanaged.passUnretained(created).toOpaque())
        return created
    }

    /// Every thread's value, for work such as flushing per-thread buffers.
    public var allValues: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return all
    }
}
