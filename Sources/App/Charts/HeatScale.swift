/// CSS classes for colouring table cells by a mean score; the page's stylesheet defines the colours.
enum HeatScale {
    /// `heat-1` (lowest fifth of the scale) … `heat-5` (highest fifth); `heat-0` when there is no value
    /// or the scale is empty. Each bucket includes its lower boundary, e.g. on 1–5 a mean of 1.8 is `heat-2`.
    static func cssClass(for mean: Double?, scaleMin: Double, scaleMax: Double) -> String {
        guard let mean, mean.isFinite, scaleMin.isFinite, scaleMax.isFinite, scaleMax > scaleMin else { return "heat-0" }
        let fraction = min(max((mean - scaleMin) / (scaleMax - scaleMin), 0), 1)
        // The small allowance keeps boundaries such as 1.8 on a 1–5 scale from falling below by rounding error.
        let bucket = min(Int((fraction * 5 + 1e-9).rounded(.down)) + 1, 5)
        return "heat-\(bucket)"
    }

    /// The means shown with one decimal that each class covers, lowest first, for the key below a
    /// table: on 1–5, `heat-1` is 1.0–1.7 and `heat-2` 1.8–2.5. Empty when the scale is.
    static func keyRanges(scaleMin: Double, scaleMax: Double) -> [(heat: String, lower: Double, upper: Double)] {
        guard scaleMin.isFinite, scaleMax.isFinite, scaleMax > scaleMin else { return [] }
        // The lowest one-decimal mean at or above each fifth's boundary (the same allowance as above).
        let starts = (0...5).map { fifth -> Double in
            let boundary = scaleMin + (scaleMax - scaleMin) * Double(fifth) / 5
            return (boundary * 10 - 1e-6).rounded(.up) / 10
        }
        return (0..<5).map { fifth in
            (heat: "heat-\(fifth + 1)", lower: starts[fifth], upper: fifth == 4 ? scaleMax : starts[fifth + 1] - 0.1)
        }
    }
}
