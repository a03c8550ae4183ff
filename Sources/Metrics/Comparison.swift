/// Comparisons of means: against targets, between rounds, against the population, among areas.
public enum Comparison {
    /// mean - target: negative is below target.
    public static func gap(mean: Double, target: Double) -> Double {
        mean - target
    }

    /// Change per area code between two rounds; only codes present in both. This is how rounds on
    /// different framework versions are compared.
    public static func change(current: [String: Double], previous: [String: Double]) -> [String: Double] {
        var changes: [String: Double] = [:]
        for (code, now) in current {
            if let before = previous[code] { changes[code] = now - before }
        }
        return changes
    }

    /// respondents / population, nil when population <= 0, capped at 1.
    public static func responseRate(respondents: Int, population: Int) -> Double? {
        guard population > 0 else { return nil }
        // Over 1 happens when staff leave the roster after answering; the rate still reads as "all".
        return min(1, max(0, Double(respondents) / Double(population)))
    }

    /// The `count` lowest means, ascending; ties keep input order.
    public static func weakest<ID>(_ items: [(id: ID, mean: Double)], count: Int) -> [(id: ID, mean: Double)] {
        guard count > 0 else { return [] }
        // Sorting by (mean, position) makes the order stable whatever the sort algorithm.
        let ordered = items.enumerated().sorted { left, right in
            left.element.mean != right.element.mean
                ? left.element.mean < right.element.mean : left.offset < right.offset
        }
        return ordered.prefix(count).map(\.element)
    }
}
