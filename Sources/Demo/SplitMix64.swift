/// A small, fast pseudo-random generator whose output depends only on its seed (Steele, Lea and
/// Flood's SplitMix64), so demo data comes out the same on every machine and every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole output is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Draws from a `SplitMix64` with arithmetic of our own rather than the standard library's
/// `random(in:)` and `shuffled()`, whose algorithms are not promised to stay the same across Swift
/// versions: the same seed must give the same database for as long as the demo exists.
struct DemoRandom {
    private var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// A number in `range`. The multiply-and-shift mapping has a bias below 2^-40 for our ranges.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let scaled = generator.next().multipliedFullWidth(by: span).high
        return range.lowerBound + Int(scaled)
    }

    /// A number in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Double(generator.next() >> 11) * 0x1.0p-53
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array; nil for an empty one.
    mutating func element<T>(of items: [T]) -> T? {
        items.isEmpty ? nil : items[int(in: 0...(items.count - 1))]
    }

    /// An index chosen in proportion to `weights` (all non-negative, at least one positive).
    mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return max(0, weights.count - 1)
    }

    /// The items in a random order (Fisher–Yates).
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, int(in: 0...index))
        }
        return result
    }
}
