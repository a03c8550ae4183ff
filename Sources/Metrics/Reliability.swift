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
