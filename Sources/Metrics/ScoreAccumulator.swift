/// Mergeable sufficient statistics of respondents' scores (area scores or statement answers), so a
/// unit's figures are the merge of its sub-units'.
public struct ScoreAccumulator: Sendable, Equatable {
    /// The scale that decides which scores are weak or strong.
    public let scale: Scale
    /// Number of scores added.
    public private(set) var count: Int = 0
    /// Sum of the scores.
    public private(set) var sum: Double = 0
    /// Sum of the squared scores.
    public private(set) var sumOfSquares: Double = 0
    /// Number of scores at or below `scale.weakLimit`.
    public private(set) var weakCount: Int = 0
    /// Number of scores at or above `scale.strongLimit`.
    public private(set) var strongCount: Int = 0

    /// An empty accumulator for scores on `scale`.
    public init(scale: Scale) {
        self.scale = scale
    }

    /// An accumulator holding `scores`.
    public init(scale: Scale, scores: some Sequence<Double>) {
        self.init(scale: scale)
        for score in scores { add(score) }
    }

    /// Adds one respondent's score.
    public mutating func add(_ score: Double) {
        count += 1
        sum += score
        sumOfSquares += score * score
        if score <= scale.weakLimit { weakCount += 1 }
        if score >= scale.strongLimit { strongCount += 1 }
    }

    /// Adds everything `other` holds, as if its scores had been added here; the scales should match.
    public mutating func merge(_ other: ScoreAccumulator) {
        count += other.count
        sum += other.sum
        sumOfSquares += other.sumOfSquares
        weakCount += other.weakCount
        strongCount += other.strongCount
    }

    /// The mean score; nil when count == 0.
    public var mean: Double? {
        count > 0 ? sum / Double(count) : nil
    }

    /// Sample variance (n − 1), clamped at 0 against rounding; nil when count < 2.
    public var variance: Double? {
        guard count >= 2 else { return nil }
        let n = Double(count)
        return max(0, (sumOfSquares - sum * sum / n) / (n - 1))
    }

    /// The reported figures; nil when count == 0.
    public func summary() -> ScoreSummary? {
        guard let mean else { return nil }
        let standardDeviation = variance.map { $0.squareRoot() }
        let interval = standardDeviation.map { deviation in
            let halfWidth = ConfidenceInterval.tCritical95(degreesOfFreedom: count - 1)
                * deviation / Double(count).squareRoot()
            return ConfidenceInterval(lower: mean - halfWidth, upper: mean + halfWidth)
        }
        return ScoreSummary(
            respondents: count, mean: mean, standardDeviation: standardDeviation, confidenceInterval: interval,
            shareWeak: Double(weakCount) / Double(count), shareStrong: Double(strongCount) / Double(count))
    }
}
