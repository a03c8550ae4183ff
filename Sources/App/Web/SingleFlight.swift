import Foundation

/// What a cached value is kept under. Values of one `family` (e.g. one survey round) are built from
/// data at some `version` that only ever grows; `variant` tells apart the values of one family and
/// version (a unit, a language, a sort).
struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    let family: String
    let version: Int
    let variant: String

    /// What the key's own text costs in memory, counted with its value.
    var bytes: Int { family.utf8.count + variant.utf8.count }

    var description: String { "\(family)@\(version)|\(variant)" }
}

/// Values built once per key and kept within a budget of bytes: while one request builds a value,
/// others asking for the same key wait for it instead of building it again (without this, a cold
/// dashboard under load is built by every waiting request at once, each slowing the others down).
///
/// The cache counts what its values cost, not how many there are: a count cap let a few thousand
/// dashboard bodies of up to a few hundred kilobytes each grow the server to over 200 MB. Over the
/// budget the least recently used values go first. Storing a value of a newer version drops the
/// family's older values at once, since nothing asks for them again; a value built from an older
/// version than the one held (a request that read the version just before a response arrived) is
/// answered but not kept. A value that alone exceeds the budget is answered but not kept.
///
/// Thread-safe: one lock guards everything; builds run outside it.
final class SingleFlight<Value: Sendable>: @unchecked Sendable {
    /// What the cache's bookkeeping costs per value beyond the key's text and the value (the table's
    /// slot, the recency list's node, the family's set), roughly; it keeps many tiny values from
    /// being counted as free.
    static var entryOverhead: Int { 128 }

    struct Usage: Equatable, Sendable {
        let count: Int
        let cost: Int
    }

    /// One held value in the recency list (`older`/`newer` are slots in `nodes`).
    private struct Node {
        var key: CacheKey
        var value: Value
        var cost: Int
        var newer: Int?
        var older: Int?
    }

    /// The version a family's values are held at, and which keys hold them.
    private struct Family {
        var version: Int
        var keys: Set<CacheKey>
    }

    private let condition = NSCondition()
    private let budget: Int
    private let cost: @Sendable (Value) -> Int
    private let released: @Sendable (Int) -> Void
    /// Slots of the recency list; freed slots are reused, so no node is allocated per value.
    private var nodes: [Node?] = []
    private var freeSlots: [Int] = []
    private var slots: [CacheKey: Int] = [:]
    private var families: [String: Family] = [:]
    private var newest: Int?
    private var oldest: Int?
    private var total = 0
    private var building: Set<CacheKey> = []

    /// `budget`: most bytes held; `cost`: what a value holds in memory, roughly; `released`: told
    /// how many bytes' worth of values were let go (outside the lock), so the memory can be returned.
    init(budget: Int, cost: @escaping @Sendable (Value) -> Int, released: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.budget = max(0, budget)
        self.cost = cost
        self.released = released
    }

    /// The value for `key`: a held one that `isFresh` accepts, or a new one from `build`.
    func value(_ key: CacheKey, isFresh: (Value) -> Bool = { _ in true }, build: () throws -> Value) throws -> Value {
        condition.lock()
        while true {
            if let slot = slots[key], let node = nodes[slot], isFresh(node.value) {
                moveToNewest(slot)
                condition.unlock()
                return node.value
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

    /// How many values are held and what they are accounted as.
    var usage: Usage {
        condition.lock()
        defer { condition.unlock() }
        return Usage(count: slots.count, cost: total)
    }

    /// The held keys, most recently used first.
    var keysByRecency: [CacheKey] {
        condition.lock()
        defer { condition.unlock() }
        var keys: [CacheKey] = []
        var slot = newest
        while let current = slot, let node = nodes[current] {
            keys.append(node.key)
            slot = node.older
        }
        return keys
    }

    private func finish(_ key: CacheKey, _ value: Value?) {
        // Measured before taking the lock: a cost function may walk a large value.
        let valueCost = value.map { cost($0) + key.bytes + Self.entryOverhead }
        condition.lock()
        var freed = 0
        if let value, let valueCost {
            freed = store(key, value, cost: valueCost)
        }
        building.remove(key)
        condition.broadcast()
        condition.unlock()
        if freed > 0 { released(freed) }
    }

    /// Keeps `value` if it may be kept, and returns the bytes let go to make room or as outdated.
    private func store(_ key: CacheKey, _ value: Value, cost valueCost: Int) -> Int {
        var freed = 0
        if let family = families[key.family] {
            if family.version > key.version { return 0 }
            if family.version < key.version {
                for old in family.keys { freed += remove(old) }
            }
        }
        if slots[key] != nil { freed += remove(key) }
        guard valueCost <= budget else { return freed }
        while total + valueCost > budget, let last = oldest, let node = nodes[last] {
            freed += remove(node.key)
        }
        let node = Node(key: key, value: value, cost: valueCost, newer: nil, older: newest)
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            nodes[slot] = node
        } else {
            slot = nodes.count
            nodes.append(node)
        }
        if let first = newest { nodes[first]?.newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
        slots[key] = slot
        families[key.family, default: Family(version: key.version, keys: [])].keys.insert(key)
        total += valueCost
        return freed
    }

    /// Drops `key`'s value and returns what it was accounted as.
    private func remove(_ key: CacheKey) -> Int {
        guard let slot = slots.removeValue(forKey: key), let node = nodes[slot] else { return 0 }
        unlink(slot, node)
        nodes[slot] = nil
        freeSlots.append(slot)
        if var family = families[key.family] {
            family.keys.remove(key)
            families[key.family] = family.keys.isEmpty ? nil : family
        }
        total -= node.cost
        return node.cost
    }

    private func unlink(_ slot: Int, _ node: Node) {
        if let newer = node.newer { nodes[newer]?.older = node.older } else { newest = node.older }
        if let older = node.older { nodes[older]?.newer = node.newer } else { oldest = node.newer }
    }

    private func moveToNewest(_ slot: Int) {
        guard newest != slot, let node = nodes[slot] else { return }
        unlink(slot, node)
        nodes[slot]?.older = newest
        nodes[slot]?.newer = nil
        if let first = newest { nodes[first]?.newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }
}
