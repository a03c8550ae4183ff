import Foundation

/// Marks shared by several charts: data-point markers and the series legend.
extension SVGWriter {
    /// Draws a series marker centred on a point, with a white edge so that overlapping markers stay apart.
    mutating func marker(_ style: SeriesStyle, at point: SVGPoint, size: Double = 4) {
        let x = point.x
        let y = point.y
        switch style.marker {
        case .circle:
            empty("circle", [
                "class": "marker marker-circle", "cx": SVGNumber.format(x), "cy": SVGNumber.format(y),
                "r": SVGNumber.format(size), "fill": style.colour, "stroke": "#ffffff", "stroke-width": "1",
            ])
        case .square:
            let side = size * 1.7
            empty("rect", [
                "class": "marker marker-square", "x": SVGNumber.format(x - side / 2), "y": SVGNumber.format(y - side / 2),
                "width": SVGNumber.format(side), "height": SVGNumber.format(side),
                "fill": style.colour, "stroke": "#ffffff", "stroke-width": "1",
            ])
        case .triangle:
            let r = size * 1.25
            polygonMarker(style, "marker marker-triangle", [
                SVGPoint(x: x, y: y - r), SVGPoint(x: x + r * 0.87, y: y + r * 0.5), SVGPoint(x: x - r * 0.87, y: y + r * 0.5),
            ])
        case .diamond:
            let r = size * 1.25
            polygonMarker(style, "marker marker-diamond", [
                SVGPoint(x: x, y: y - r), SVGPoint(x: x + r, y: y), SVGPoint(x: x, y: y + r), SVGPoint(x: x - r, y: y),
            ])
        case .triangleDown:
            let r = size * 1.25
            polygonMarker(style, "marker marker-triangle-down", [
                SVGPoint(x: x, y: y + r), SVGPoint(x: x + r * 0.87, y: y - r * 0.5), SVGPoint(x: x - r * 0.87, y: y - r * 0.5),
            ])
        case .cross:
            polygonMarker(style, "marker marker-cross", Self.cross(at: point, arm: size * 1.3, half: size * 0.45,
                                                                   angle: 0))
        case .saltire:
            polygonMarker(style, "marker marker-saltire", Self.cross(at: point, arm: size * 1.3, half: size * 0.45,
                                                                     angle: Double.pi / 4))
        case .star:
            let corners = (0..<10).map { corner -> SVGPoint in
                let radius = corner % 2 == 0 ? size * 1.45 : size * 0.6
                let angle = -Double.pi / 2 + Double(corner) * Double.pi / 5
                return SVGPoint(x: x + radius * cos(angle), y: y + radius * sin(angle))
            }
            polygonMarker(style, "marker marker-star", corners)
        }
    }

    /// The twelve corners of a plus sign centred on `point`, turned by `angle` (π/4 makes an ×).
    private static func cross(at point: SVGPoint, arm: Double, half: Double, angle: Double) -> [SVGPoint] {
        let outline: [(Double, Double)] = [
            (half, -arm), (half, -half), (arm, -half), (arm, half), (half, half), (half, arm),
            (-half, arm), (-half, half), (-arm, half), (-arm, -half), (-half, -half), (-half, -arm),
        ]
        return outline.map { dx, dy in
            SVGPoint(x: point.x + dx * cos(angle) - dy * sin(angle), y: point.y + dx * sin(angle) + dy * cos(angle))
        }
    }

    /// Draws an open line through points in a series' colour and dash.
    mutating func seriesLine(_ style: SeriesStyle, _ points: [SVGPoint], width: Double = 2) {
        empty("polyline", [
            "class": "series-line", "points": SVGWriter.points(points), "fill": "none",
            "stroke": style.colour, "stroke-width": SVGNumber.format(width), "stroke-dasharray": style.dash,
            "stroke-linejoin": "round",
        ])
    }

    /// Draws one legend row per series below `top`, returning the bottom edge of the legend.
    mutating func legend(_ entries: [(name: String, style: SeriesStyle)], left: Double, top: Double,
                         bounds: inout ChartBounds) -> Double {
        guard !entries.isEmpty else { return top }
        let rowHeight = 18.0
        let fontSize = 12.0
        open("g", ["class": "legend"])
        for (index, entry) in entries.enumerated() {
            let middle = top + rowHeight * (Double(index) + 0.5)
            seriesLine(entry.style, [SVGPoint(x: left, y: middle), SVGPoint(x: left + 28, y: middle)])
            marker(entry.style, at: SVGPoint(x: left + 14, y: middle))
            text("text", [
                "class": "legend-label", "x": SVGNumber.format(left + 36), "y": SVGNumber.format(middle + fontSize * 0.35),
                "font-size": SVGNumber.format(fontSize), "fill": ChartColour.text,
            ], entry.name)
            let right = left + 36 + SVGText.estimatedWidth(entry.name, fontSize: fontSize)
            bounds.include(minX: left, minY: top, maxX: right, maxY: middle + rowHeight / 2)
        }
        close("g")
        return top + rowHeight * Double(entries.count)
    }

    private mutating func polygonMarker(_ style: SeriesStyle, _ className: String, _ corners: [SVGPoint]) {
        empty("polygon", [
            "class": className, "points": SVGWriter.points(corners),
            "fill": style.colour, "stroke": "#ffffff", "stroke-width": "1",
        ])
    }
}
