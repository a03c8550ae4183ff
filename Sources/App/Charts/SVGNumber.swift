/// Numbers for SVG attributes and labels: "." decimals, no grouping, whatever the process locale.
enum SVGNumber {
    /// Formats with at most `fractionDigits` (0–4) decimals, trailing zeros dropped; NaN and infinity
    /// become "0" so that a bad input never produces an invalid attribute.
    static func format(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let digits = min(max(fractionDigits, 0), 4)
        var factor: Int64 = 1
        for _ in 0..<digits { factor *= 10 }
        // Beyond this, Int64 arithmetic would overflow; no chart coordinate gets near it.
        let clamped = min(max(value, -1e12), 1e12)
        let scaled = Int64((clamped * Double(factor)).rounded())
        guard scaled != 0 else { return "0" }
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(factor)
        var fraction = String(magnitude % UInt64(factor))
        var result = (scaled < 0 ? "-" : "") + String(whole)
        guard fraction != "0" else { return result }
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        result += "." + fraction
        return result
    }

    /// A share (0…1) as a whole percentage for labels, e.g. "34 %" with a no-break space as in Finnish
    /// and Swedish typography.
    static func percent(_ share: Double) -> String {
        format((share * 100).rounded(), fractionDigits: 0) + "\u{00A0}%"
    }
}
