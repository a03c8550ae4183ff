/// A value scale such as 1…5: maps values to 0…1 and chooses gridline values.
struct ChartScale: Sendable, Equatable {
    let min: Double
    let max: Double

    /// Position of a value between the ends, clamped to 0…1; a reversed or empty scale maps all to 0.
    func fraction(_ value: Double) -> Double {
        guard value.isFinite, min.isFinite, max.isFinite, max > min else { return 0 }
        return Swift.min(Swift.max((value - min) / (max - min), 0), 1)
    }

    /// Gridline values: whole numbers from min to max, thinned to 1, 2, 5, 10, 20… steps so that
    /// there are at most `limit`.
    func ticks(limit: Int = 10) -> [Double] {
        guard min.isFinite, max.isFinite, max > min, max - min < 1e9 else { return [] }
        let low = min.rounded(.up)
        let high = max.rounded(.down)
        guard high >= low else { return [] }
        // 1, 2, 5, 10, 20, 50…
        let multipliers = [2.0, 2.5, 2.0]
        var step = 1.0
        var round = 0
        while ((high - low) / step).rounded(.down) + 1 > Double(Swift.max(limit, 2)) {
            step *= multipliers[round % multipliers.count]
            round += 1
        }
        return stride(from: low, through: high, by: step).map { $0 }
    }
}
