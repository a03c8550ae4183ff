/// How a data series looks: an Okabe–Ito colour (3:1 or better on white), a dash pattern and a marker
/// shape, so that series differ by more than colour.
enum SeriesStyle: String, Sendable, CaseIterable {
    /// The group being looked at, e.g. the unit's own results.
    case primary
    /// Something to compare with, e.g. the whole organisation.
    case comparison
    /// An earlier round of the same group.
    case previous
    /// Target levels.
    case target

    /// Stroke and marker colour.
    var colour: String {
        switch self {
        case .primary: "#0072b2"     // Okabe–Ito blue, 5.2:1 on white
        case .comparison: "#d55e00"  // Okabe–Ito vermillion, 3.9:1
        case .previous: "#009e73"    // Okabe–Ito bluish green, 3.4:1
        case .target: "#000000"
        }
    }

    /// `stroke-dasharray` value, nil for a solid line.
    var dash: String? {
        switch self {
        case .primary: nil
        case .comparison: "7 3"
        case .previous: "2 3"
        case .target: "9 3 2 3"
        }
    }

    /// Marker drawn at each data point.
    var marker: MarkerShape {
        switch self {
        case .primary: .circle
        case .comparison: .square
        case .previous: .triangle
        case .target: .diamond
        }
    }

    /// Opacity of the area inside a closed radar polygon; only the main series is shaded, so that
    /// overlapping shades do not hide each other.
    var areaOpacity: Double? {
        self == .primary ? 0.12 : nil
    }
}

/// Marker shapes that tell series apart without colour.
enum MarkerShape: String, Sendable {
    case circle, square, triangle, diamond
}
