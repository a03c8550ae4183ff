import Foundation

/// One series on a radar chart: a value per axis, nil where there is none (suppressed or missing).
struct RadarSeries: Sendable, Equatable {
    var name: String
    var values: [Double?]
    var style: SeriesStyle
}

/// A radar (spider) chart of area scores: one spoke per area, one outline per series.
struct RadarChart: Sendable {
    /// Area names, clockwise from the top; meant for 3–12 areas.
    var axes: [String]
    var series: [RadarSeries]
    var scale: ChartScale

    /// Geometry in user units; the view box grows around it to fit the labels and legend.
    static let centre = SVGPoint(x: 200, y: 200)
    static let radius = 95.0
    private static let labelGap = 10.0
    private static let fontSize = 12.0
    private static let lineHeight = 14.0
    /// Axis labels wrap at about this many characters a line.
    static let labelCharacters = 16

    init(axes: [String], series: [RadarSeries], scaleMin: Double, scaleMax: Double) {
        self.axes = axes
        self.series = series
        self.scale = ChartScale(min: scaleMin, max: scaleMax)
    }

    /// Where a value lies on an axis: the scale minimum at the centre, the maximum at the rim.
    func point(axis: Int, value: Double) -> SVGPoint {
        Self.polar(angle: angle(axis), distance: Self.radius * scale.fraction(value))
    }

    /// The chart as an inline `<svg>` fragment; `id` makes the ids of its title and description unique.
    func svg(id: String, title: String, description: String) -> String {
        let c = Self.centre
        var bounds = ChartBounds(minX: c.x - Self.radius, minY: c.y - Self.radius,
                                 maxX: c.x + Self.radius, maxY: c.y + Self.radius)
        var writer = SVGWriter()
        drawGrid(&writer)
        for item in series { drawSeries(item, &writer) }
        drawLabels(&writer, &bounds)
        _ = writer.legend(series.map { ($0.name, $0.style) }, left: bounds.minX, top: bounds.maxY + 12, bounds: &bounds)
        return SVGWriter.document(kind: "radar", id: id, title: title, description: description,
                                  bounds: bounds, body: writer.output)
    }

    private func angle(_ axis: Int) -> Double {
        -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(max(axes.count, 1))
    }

    private static func polar(angle: Double, distance: Double) -> SVGPoint {
        SVGPoint(x: centre.x + distance * cos(angle), y: centre.y + distance * sin(angle))
    }

    private func drawGrid(_ writer: inout SVGWriter) {
        writer.open("g", ["class": "grid", "fill": "none", "stroke": ChartColour.grid, "stroke-width": "1"])
        for tick in scale.ticks() where scale.fraction(tick) > 0 {
            let ring = axes.indices.map { Self.polar(angle: angle($0), distance: Self.radius * scale.fraction(tick)) }
            writer.empty("polygon", ["class": "grid-ring", "points": SVGWriter.points(ring)])
        }
        for axis in axes.indices {
            let end = Self.polar(angle: angle(axis), distance: Self.radius)
            writer.empty("line", [
                "class": "grid-spoke", "x1": SVGNumber.format(Self.centre.x), "y1": SVGNumber.format(Self.centre.y),
                "x2": SVGNumber.format(end.x), "y2": SVGNumber.format(end.y),
            ])
        }
        writer.close("g")
        // Tick values run up the first spoke, which points straight up.
        writer.open("g", ["class": "tick-labels", "font-size": "9", "fill": ChartColour.mutedText])
        for tick in scale.ticks() {
            let y = Self.centre.y - Self.radius * scale.fraction(tick)
            writer.text("text", ["x": SVGNumber.format(Self.centre.x + 3), "y": SVGNumber.format(y - 2)],
                        SVGNumber.format(tick))
        }
        writer.close("g")
    }

    private func drawSeries(_ item: RadarSeries, _ writer: inout SVGWriter) {
        let points: [SVGPoint?] = axes.indices.map { axis in
            guard axis < item.values.count, let value = item.values[axis], value.isFinite else { return nil }
            return point(axis: axis, value: value)
        }
        let style = item.style
        writer.open("g", ["class": "series series-" + style.name])
        let present = points.compactMap { $0 }
        if present.count == points.count, !present.isEmpty {
            writer.empty("polygon", [
                "class": "series-area", "points": SVGWriter.points(present),
                "fill": style.areaOpacity == nil ? "none" : style.colour,
                "fill-opacity": style.areaOpacity.map { SVGNumber.format($0) },
                "stroke": style.colour, "stroke-width": "2", "stroke-dasharray": style.dash, "stroke-linejoin": "round",
            ])
        } else {
            for run in Self.circularRuns(points) where run.count > 1 { writer.seriesLine(style, run) }
        }
        for point in present { writer.marker(style, at: point) }
        writer.close("g")
    }

    /// Consecutive present points, wrapping round from the last axis to the first, split where a value
    /// is missing: a gap is left rather than drawing a zero.
    static func circularRuns(_ points: [SVGPoint?]) -> [[SVGPoint]] {
        let count = points.count
        var runs: [[SVGPoint]] = []
        for start in 0..<count where points[start] != nil && points[(start + count - 1) % count] == nil {
            var run: [SVGPoint] = []
            var index = start
            while let point = points[index], run.count < count {
                run.append(point)
                index = (index + 1) % count
            }
            runs.append(run)
        }
        return runs
    }

    private func drawLabels(_ writer: inout SVGWriter, _ bounds: inout ChartBounds) {
        writer.open("g", ["class": "axis-labels"])
        for (axis, label) in axes.enumerated() {
            let direction = angle(axis)
            let anchorPoint = Self.polar(angle: direction, distance: Self.radius + Self.labelGap)
            // Never cut: a long name ("Digital vägledning av invånare och kunder") takes more lines,
            // and the view box grows to hold them.
            let lines = SVGText.wrap(label, maxCharacters: Self.labelCharacters, maxLines: .max)
            let (anchor, firstBaseline) = Self.placement(cos: cos(direction), sin: sin(direction),
                                                         at: anchorPoint, lineCount: lines.count)
            writer.lines(lines, x: anchorPoint.x, y: firstBaseline, lineHeight: Self.lineHeight,
                         fontSize: Self.fontSize, anchor: anchor, className: "axis-label")
            let width = lines.map { SVGText.estimatedWidth($0, fontSize: Self.fontSize) }.max() ?? 0
            let left = anchor == "start" ? anchorPoint.x : anchor == "end" ? anchorPoint.x - width : anchorPoint.x - width / 2
            bounds.include(minX: left, minY: firstBaseline - Self.fontSize,
                           maxX: left + width, maxY: firstBaseline + Double(lines.count - 1) * Self.lineHeight + 3)
        }
        writer.close("g")
    }

    /// Text anchor and first baseline so that a label sits outside the rim: beside side spokes,
    /// above the top and below the bottom.
    private static func placement(cos: Double, sin: Double, at point: SVGPoint, lineCount: Int) -> (String, Double) {
        let anchor = cos > 0.25 ? "start" : cos < -0.25 ? "end" : "middle"
        let block = Double(lineCount - 1) * lineHeight
        let firstBaseline: Double
        if sin < -0.5 {
            firstBaseline = point.y - block - 3
        } else if sin > 0.5 {
            firstBaseline = point.y + fontSize * 0.8
        } else {
            firstBaseline = point.y - block / 2 + fontSize * 0.35
        }
        return (anchor, firstBaseline)
    }
}
