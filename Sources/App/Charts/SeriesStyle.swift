/// How a data series looks: a colour (3:1 or better on white), a dash pattern and a marker shape, so
/// that series differ by more than colour. The first four are the named roles; charts with more
/// series than roles (a trend of every area) take `SeriesStyle.sequence`, in which no two of the
/// first eight share a dash pattern or a marker, and no two of the first 64 share both.
struct SeriesStyle: Sendable, Equatable, Hashable {
    /// Names the series' group in the SVG (`series-primary`, `series-5`), for styling and tests.
    let name: String
    /// Stroke and marker colour.
    let colour: String
    /// `stroke-dasharray` value, nil for a solid line.
    let dash: String?
    /// Marker drawn at each data point.
    let marker: MarkerShape

    /// The group being looked at, e.g. the unit's own results.
    static let primary = SeriesStyle(name: "primary", colour: colours[0], dash: dashes[0], marker: .circle)
    /// Something to compare with, e.g. the whole organisation.
    static let comparison = SeriesStyle(name: "comparison", colour: colours[1], dash: dashes[1], marker: .square)
    /// An earlier round of the same group.
    static let previous = SeriesStyle(name: "previous", colour: colours[2], dash: dashes[2], marker: .triangle)
    /// Target levels.
    static let target = SeriesStyle(name: "target", colour: colours[3], dash: dashes[3], marker: .diamond)

    /// The named roles.
    static let allCases: [SeriesStyle] = [.primary, .comparison, .previous, .target]

    /// Okabe–Ito colours where they reach 3:1 on white, darker relatives where they do not.
    private static let colours = [
        "#0072b2",  // blue, 5.2:1
        "#d55e00",  // vermillion, 3.9:1
        "#009e73",  // bluish green, 3.4:1
        "#000000",  // black
        "#ad4b8a",  // reddish purple, darkened, 5.1:1
        "#8a5a00",  // orange, darkened to brown, 5.9:1
        "#555555",  // grey, 7.5:1
        "#6a3d9a",  // purple, 7.6:1
    ]
    /// Dash patterns that stay apart at a 2-unit stroke: solid, dashes, dots, dash-dot, long dashes,
    /// dash-dot-dot, sparse dots and short dashes.
    private static let dashes: [String?] = [nil, "7 3", "2 3", "9 3 2 3", "14 4", "8 3 2 3 2 3", "1 5", "4 2"]
    private static let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .triangleDown, .cross, .star, .saltire]

    /// The style of the `index`th of many series. The first four are the named roles. Past eight
    /// the marker cycles and the dash pattern shifts by one each round, so (dash, marker) pairs stay
    /// unique for 64 series; colour cycles with the marker.
    static func sequence(_ index: Int) -> SeriesStyle {
        let position = max(0, index)
        switch position {
        case 0: return .primary
        case 1: return .comparison
        case 2: return .previous
        case 3: return .target
        default:
            let cycle = markers.count
            let marker = position % cycle
            let dash = (marker + position / cycle) % dashes.count
            return SeriesStyle(name: String(position + 1), colour: colours[marker], dash: dashes[dash],
                               marker: markers[marker])
        }
    }

    /// Opacity of the area inside a closed radar polygon; only the main series is shaded, so that
    /// overlapping shades do not hide each other.
    var areaOpacity: Double? {
        self == .primary ? 0.12 : nil
    }
}

/// Marker shapes that tell series apart without colour.
enum MarkerShape: String, Sendable, CaseIterable {
    case circle, square, triangle, diamond, triangleDown = "triangle-down", cross, star, saltire
}
