/// Internal consistency of an area's statements.
public enum Reliability {
    /// Alpha at or above this is conventionally acceptable for a scale used in reporting.
    public static let acceptableAlpha: Double = 0.7

    /// Cronbach's alpha. rows = respondents, columns = statements of one area. Only complete rows
    /// (no nil) are used. nil when fewer than 2 columns, fewer than 2 complete rows, or total-score
    /// variance is 0. alpha = k/(k-1) * (1 - Σ item variances / variance of row sums), sample variances.
    /// The column count k is the longest row's length; shorter rows count as incomplete.
    public static func cronbachAlpha(_ rows: [[Double?]]) -> Double? {
        let columnCount = rows.map(\.count).max() ?? 0
        let complete: [[Double]] = rows.compactMap { row in
            let values = row.compactMap { $0 }
            return values.count == columnCount ? values : nil
        }
        guard columnCount >= 2, complete.count >= 2 else { return nil }
        let itemVariances = (0..<columnCount).map { column in sampleVariance(complete.map { $0[column] }) }
        let totalVariance = sampleVariance(complete.map { $0.reduce(0, +) })
        guard totalVariance > 0 else { return nil }
        let k = Double(columnCount)
        return k / (k - 1) * (1 - itemVariances.reduce(0, +) / totalVariance)
    }

    /// Sample variance (n − 1) by the two-pass formula; callers pass at least two values.
    static func sampleVariance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return squares / Double(values.count - 1)
    }
}

/// Cronbach's alpha from sums, one complete row at a time (the same figure as
/// `Reliability.cronbachAlpha` over the complete rows, without keeping them): a round of 40,000
/// respondents is added up as it is read.
public struct ReliabilityAccumulator: Sendable, Equatable {
    /// Statements of the area.
    public let itemCount: Int
    public private(set) var rowCount = 0
    private var itemSums: [Double]
    private var itemSquares: [Double]
    private var totalSum = 0.0
    private var totalSquares = 0.0

    public init(itemCount: Int) {
        self.itemCount = itemCount
        itemSums = Array(repeating: 0, count: itemCount)
        itemSquares = Array(repeating: 0, count: itemCount)
    }

    /// Adds one respondent's complete row (one value per statement, in order); others are ignored.
    public mutating func add(_ row: ArraySlice<Double>) {
        guard row.count == itemCount else { return }
        rowCount += 1
        var total = 0.0
        for (index, value) in zip(0..<itemCount, row) {
            itemSums[index] += value
            itemSquares[index] += value * value
            total += value
        }
        totalSum += total
        totalSquares += total * total
    }

    /// Alpha; nil under the same conditions as `Reliability.cronbachAlpha`.
    public var alpha: Double? {
        guard itemCount >= 2, rowCount >= 2 else { return nil }
        let n = Double(rowCount)
        func variance(_ sum: Double, _ squares: Double) -> Double { max(0, (squares - sum * sum / n) / (n - 1)) }
        let items = zip(itemSums, itemSquares).reduce(0) { $0 + variance($1.0, $1.1) }
        let total = variance(totalSum, totalSquares)
        // Tiny totals are rounding, not spread: the answers are whole numbers.
        guard total > 1e-9 else { return nil }
        let k = Double(itemCount)
        return k / (k - 1) * (1 - items / total)
    }
}
