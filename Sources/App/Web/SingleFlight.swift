import Foundation

/// Values built once per key: while one request builds a value, others asking for the same key wait
/// for it instead of building it again. Without this, a cold dashboard under load is built by every
/// waiting request at once, each slowing the others down.
final class SingleFlight<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var values: [String: Value] = [:]
    private var building: Set<String> = []
    private let capacity: Int

    /// Beyond `capacity` values the cache starts over, which is simpler than tracking use and costs one
    /// build per key.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key`: a cached one that `isFresh` accepts, or a new one from `build`.
    func value(_ key: String, isFresh: (Value) -> Bool = { _ in true }, build: () throws -> Value) throws -> Value {
        condition.lock()
        while true {
            if let value = values[key], isFresh(value) {
                condition.unlock()
                return value
            }
            if !building.contains(key) { break }
            condition.wait()
        }
        building.insert(key)
        condition.unlock()
        let built: Value
        do {
            built = try build()
        } catch {
            finish(key, nil)
            throw error
        }
        finish(key, built)
        return built
    }

    private func finish(_ key: String, _ value: Value?) {
        condition.lock()
        if let value {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        building.remove(key)
        condition.broadcast()
        condition.unlock()
    }
}
