/// Distribution of answers over the scale points, plus "can't say".
public struct AnswerTally: Sendable, Equatable {
    /// The scale whose points are counted.
    public let scale: Scale
    /// Answers per scale point; counts[0] is scale.minimum.
    public private(set) var counts: [Int]
    /// Number of "can't say" answers.
    public private(set) var cantSay: Int = 0

    /// An empty tally over `scale`.
    public init(scale: Scale) {
        self.scale = scale
        counts = Array(repeating: 0, count: scale.points.count)
    }

    /// Adds one answer; nil is "can't say"; a value outside the scale is ignored and returns false.
    @discardableResult public mutating func add(_ value: Int?) -> Bool {
        guard let value else {
            cantSay += 1
            return true
        }
        guard scale.contains(value) else { return false }
        counts[value - scale.minimum] += 1
        return true
    }

    /// Adds everything `other` holds; a tally over a different scale is ignored, as its points differ.
    public mutating func merge(_ other: AnswerTally) {
        guard other.scale == scale else { return }
        for index in counts.indices { counts[index] += other.counts[index] }
        cantSay += other.cantSay
    }

    /// Number of answers on the scale, excluding can't say.
    public var answered: Int { counts.reduce(0, +) }

    /// Mean of the answers on the scale; nil when none.
    public var mean: Double? {
        guard answered > 0 else { return nil }
        let total = zip(scale.points, counts).reduce(0) { $0 + $1.0 * $1.1 }
        return Double(total) / Double(answered)
    }

    /// Share of each point among answered answers (sums to 1, or all 0 when none answered).
    public func shares() -> [Double] {
        let answered = answered
        guard answered > 0 else { return counts.map { _ in 0 } }
        return counts.map { Double($0) / Double(answered) }
    }

    /// Share of "can't say" among all answers including can't say; 0 when there are none.
    public var cantSayShare: Double {
        let all = answered + cantSay
        return all > 0 ? Double(cantSay) / Double(all) : 0
    }
}
