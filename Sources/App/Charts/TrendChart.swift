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
    static let lineHeight = 13.0

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
        drawEndLabels(&writer, &bounds)
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
        writer.open("g", ["class": "series series-" + item.style.name])
        for run in Self.runs(points) where run.count > 1 { writer.seriesLine(item.style, run) }
        for point in points.compactMap({ $0 }) { writer.marker(item.style, at: point) }
        writer.close("g")
    }

    /// A series' name at the right of the plot, level with its last value unless it had to move to
    /// keep clear of the others, with the series' marker before it and a thin leader from the value.
    struct EndLabel: Sendable, Equatable {
        var style: SeriesStyle
        var lines: [String]
        /// Where the series' last value is.
        var point: SVGPoint
        /// Top edge of the label's block of lines.
        var top: Double

        var height: Double { Double(lines.count) * TrendChart.lineHeight }
    }

    /// Left edge of the end labels' markers; the text starts after the marker.
    static let endLabelLeft = plotRight + 12
    private static let endLabelCharacters = 24
    private static let endLabelGap = 3.0

    /// The end labels of the series that have a value, nudged apart so that no two overlap.
    func endLabels() -> [EndLabel] {
        var labels: [EndLabel] = []
        for item in series {
            let last = rounds.indices.last { round in
                round < item.values.count && item.values[round].map(\.isFinite) == true
            }
            guard let last, let value = item.values[last] else { continue }
            let lines = SVGText.wrap(item.name, maxCharacters: Self.endLabelCharacters, maxLines: .max)
            guard !lines.isEmpty else { continue }
            labels.append(EndLabel(style: item.style, lines: lines, point: SVGPoint(x: x(round: last), y: y(value: value)),
                                   top: 0))
        }
        let tops = Self.nudge(centres: labels.map(\.point.y), heights: labels.map(\.height), gap: Self.endLabelGap,
                              maxBottom: Self.plotBottom)
        for index in labels.indices { labels[index].top = tops[index] }
        return labels
    }

    /// Tops for blocks of the given heights, each wanted centred on its `centres` value, moved apart
    /// so that blocks keep at least `gap` between them, in the order of their centres, with none
    /// below `maxBottom` unless they cannot all fit above it. Returned in the order given.
    static func nudge(centres: [Double], heights: [Double], gap: Double, maxBottom: Double) -> [Double] {
        let count = min(centres.count, heights.count)
        var tops = (0..<count).map { centres[$0] - heights[$0] / 2 }
        // Equal centres keep the order given, so the result does not depend on the sort's stability.
        let order = (0..<count).sorted { (centres[$0], $0) < (centres[$1], $1) }
        for (previous, current) in zip(order, order.dropFirst()) {
            tops[current] = max(tops[current], tops[previous] + heights[previous] + gap)
        }
        if let last = order.last, tops[last] + heights[last] > maxBottom {
            tops[last] = maxBottom - heights[last]
            for (current, next) in zip(order, order.dropFirst()).reversed() {
                tops[current] = min(tops[current], tops[next] - gap - heights[current])
            }
        }
        return tops
    }

    private func drawEndLabels(_ writer: inout SVGWriter, _ bounds: inout ChartBounds) {
        let labels = endLabels()
        guard !labels.isEmpty else { return }
        writer.open("g", ["class": "end-labels"])
        for label in labels {
            let middle = label.top + Self.lineHeight / 2
            writer.empty("line", [
                "class": "end-label-leader", "x1": SVGNumber.format(label.point.x + 6), "y1": SVGNumber.format(label.point.y),
                "x2": SVGNumber.format(Self.endLabelLeft - 6), "y2": SVGNumber.format(middle),
                "stroke": label.style.colour, "stroke-width": "1",
            ])
            writer.marker(label.style, at: SVGPoint(x: Self.endLabelLeft, y: middle), size: 3.5)
            let textLeft = Self.endLabelLeft + 8
            writer.lines(label.lines, x: textLeft, y: middle + Self.fontSize * 0.35, lineHeight: Self.lineHeight,
                         fontSize: Self.fontSize, anchor: "start", className: "end-label")
            let width = label.lines.map { SVGText.estimatedWidth($0, fontSize: Self.fontSize) }.max() ?? 0
            bounds.include(minX: Self.endLabelLeft - 6, minY: label.top, maxX: textLeft + width,
                           maxY: label.top + label.height)
        }
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
