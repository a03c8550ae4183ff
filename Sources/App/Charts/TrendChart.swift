/// One line on a trend chart: a value per round, nil where there is none.
struct TrendSeries: Sendable, Equatable {
    var name: String
    var values: [Double?]
    var style: SeriesStyle
}

/// A line chart of results over survey rounds, oldest first, with an optional dashed target line.
struct TrendChart: Sendable {
    /// A horizontal reference line, such as the target level.
    struct TargetLine: Sendable, Equatable {
        var value: Double
        var label: String
    }

    /// Round names, oldest first; meant for 2–8 rounds.
    var rounds: [String]
    var series: [TrendSeries]
    var scale: ChartScale
    var target: TargetLine?

    /// The plotting area in user units; labels and legend extend the view box around it.
    static let plotLeft = 30.0
    static let plotRight = 400.0
    static let plotTop = 10.0
    static let plotBottom = 190.0
    private static let edgeInset = 24.0
    private static let fontSize = 11.0
    private static let lineHeight = 13.0

    init(rounds: [String], series: [TrendSeries], scaleMin: Double, scaleMax: Double, target: TargetLine? = nil) {
        self.rounds = rounds
        self.series = series
        self.scale = ChartScale(min: scaleMin, max: scaleMax)
        self.target = target
    }

    /// Horizontal position of a round; a single round sits in the middle.
    func x(round: Int) -> Double {
        let left = Self.plotLeft + Self.edgeInset
        let right = Self.plotRight - Self.edgeInset
        guard rounds.count > 1 else { return (left + right) / 2 }
        return left + (right - left) * Double(round) / Double(rounds.count - 1)
    }

    /// Vertical position of a value: the scale maximum at the top of the plot.
    func y(value: Double) -> Double {
        Self.plotBottom - (Self.plotBottom - Self.plotTop) * scale.fraction(value)
    }

    /// The chart as an inline `<svg>` fragment.
    func svg(id: String, title: String, description: String) -> String {
        var bounds = ChartBounds(minX: 0, minY: Self.plotTop, maxX: Self.plotRight, maxY: Self.plotBottom)
        var writer = SVGWriter()
        drawAxes(&writer)
        if let target { drawTarget(target, &writer, &bounds) }
        for item in series { drawSeries(item, &writer) }
        let labelsBottom = drawRoundLabels(&writer, &bounds)
        _ = writer.legend(series.map { ($0.name, $0.style) }, left: Self.plotLeft, top: labelsBottom + 10, bounds: &bounds)
        return SVGWriter.document(kind: "trend", id: id, title: title, description: description,
                                  bounds: bounds, body: writer.output)
    }

    private func drawAxes(_ writer: inout SVGWriter) {
        writer.open("g", ["class": "grid", "stroke": ChartColour.grid, "stroke-width": "1"])
        for tick in scale.ticks() {
            let y = SVGNumber.format(y(value: tick))
            writer.empty("line", ["x1": SVGNumber.format(Self.plotLeft), "y1": y, "x2": SVGNumber.format(Self.plotRight), "y2": y])
        }
        writer.close("g")
        writer.open("g", ["class": "tick-labels", "font-size": "10", "fill": ChartColour.mutedText, "text-anchor": "end"])
        for tick in scale.ticks() {
            writer.text("text", ["x": SVGNumber.format(Self.plotLeft - 5), "y": SVGNumber.format(y(value: tick) + 3.5)],
                        SVGNumber.format(tick))
        }
        writer.close("g")
        writer.empty("line", [
            "class": "axis", "x1": SVGNumber.format(Self.plotLeft), "y1": SVGNumber.format(Self.plotBottom),
            "x2": SVGNumber.format(Self.plotRight), "y2": SVGNumber.format(Self.plotBottom),
            "stroke": ChartColour.axis, "stroke-width": "1",
        ])
    }

    private func drawTarget(_ target: TargetLine, _ writer: inout SVGWriter, _ bounds: inout ChartBounds) {
        let style = SeriesStyle.target
        let y = y(value: target.value)
        writer.open("g", ["class": "target"])
        writer.empty("line", [
            "class": "target-line", "x1": SVGNumber.format(Self.plotLeft), "y1": SVGNumber.format(y),
            "x2": SVGNumber.format(Self.plotRight), "y2": SVGNumber.format(y),
            "stroke": style.colour, "stroke-width": "1.5", "stroke-dasharray": style.dash,
        ])
        writer.text("text", [
            "class": "target-label", "x": SVGNumber.format(Self.plotRight), "y": SVGNumber.format(y - 4),
            "font-size": "10", "text-anchor": "end", "fill": ChartColour.text,
        ], target.label)
        writer.close("g")
        bounds.include(minX: Self.plotRight - SVGText.estimatedWidth(target.label, fontSize: 10), minY: y - 14,
                       maxX: Self.plotRight, maxY: y)
    }

    private func drawSeries(_ item: TrendSeries, _ writer: inout SVGWriter) {
        let points: [SVGPoint?] = rounds.indices.map { round in
            guard round < item.values.count, let value = item.values[round], value.isFinite else { return nil }
            return SVGPoint(x: x(round: round), y: y(value: value))
        }
        writer.open("g", ["class": "series series-" + item.style.rawValue])
        for run in Self.runs(points) where run.count > 1 { writer.seriesLine(item.style, run) }
        for point in points.compactMap({ $0 }) { writer.marker(item.style, at: point) }
        writer.close("g")
    }

    /// Consecutive present points; a missing value ends a line, so no value is invented across the gap.
    static func runs(_ points: [SVGPoint?]) -> [[SVGPoint]] {
        var runs: [[SVGPoint]] = [[]]
        for point in points {
            if let point {
                runs[runs.count - 1].append(point)
            } else if runs[runs.count - 1].isEmpty == false {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// Writes the round names under the axis, wrapped to the space between rounds; returns their bottom.
    private func drawRoundLabels(_ writer: inout SVGWriter, _ bounds: inout ChartBounds) -> Double {
        let spacing = rounds.count > 1 ? x(round: 1) - x(round: 0) : Self.plotRight - Self.plotLeft
        let maxCharacters = max(6, Int(spacing / (Self.fontSize * 0.58)))
        let top = Self.plotBottom + 6 + Self.fontSize
        var bottom = Self.plotBottom
        writer.open("g", ["class": "round-labels"])
        for (round, label) in rounds.enumerated() {
            let lines = SVGText.wrap(label, maxCharacters: maxCharacters, maxLines: 2)
            let x = x(round: round)
            writer.lines(lines, x: x, y: top, lineHeight: Self.lineHeight, fontSize: Self.fontSize,
                         anchor: "middle", className: "round-label")
            let width = lines.map { SVGText.estimatedWidth($0, fontSize: Self.fontSize) }.max() ?? 0
            let labelBottom = top + Double(lines.count - 1) * Self.lineHeight + 3
            bounds.include(minX: x - width / 2, minY: top, maxX: x + width / 2, maxY: labelBottom)
            bottom = max(bottom, labelBottom)
        }
        writer.close("g")
        return bottom
    }
}
