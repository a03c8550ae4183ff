/// Horizontal bars, one per row (e.g. area means), each with an optional target tick.
struct BarComparison: Sendable {
    /// One bar: nil `value` draws no bar but keeps the row and its label; nil `target` draws no tick.
    struct Row: Sendable, Equatable {
        var label: String
        var value: Double?
        var target: Double?
    }

    var rows: [Row]
    var scale: ChartScale
    /// Legend names for the bar and the target tick; nil leaves that entry out.
    var valueName: String?
    var targetName: String?

    /// Bars run from `plotLeft` (scale minimum) to `plotRight` (maximum); each row's label sits above its bar,
    /// which keeps the bars full width on a phone.
    static let plotLeft = 0.0
    static let plotRight = 380.0
    static let barHeight = 14.0
    private static let labelHeight = 16.0
    private static let rowGap = 8.0
    private static let fontSize = 12.0

    init(rows: [Row], scaleMin: Double, scaleMax: Double, valueName: String? = nil, targetName: String? = nil) {
        self.rows = rows
        self.scale = ChartScale(min: scaleMin, max: scaleMax)
        self.valueName = valueName
        self.targetName = targetName
    }

    /// Horizontal position of a value.
    func x(value: Double) -> Double {
        Self.plotLeft + (Self.plotRight - Self.plotLeft) * scale.fraction(value)
    }

    /// Top edge of a row's bar.
    static func barTop(row: Int) -> Double {
        Double(row) * (labelHeight + barHeight + rowGap) + labelHeight
    }

    /// The chart as an inline `<svg>` fragment.
    func svg(id: String, title: String, description: String) -> String {
        let rowsBottom = rows.isEmpty ? 0 : Self.barTop(row: rows.count - 1) + Self.barHeight
        var bounds = ChartBounds(minX: Self.plotLeft, minY: 0, maxX: Self.plotRight, maxY: rowsBottom)
        var writer = SVGWriter()
        drawGrid(&writer, &bounds, bottom: rowsBottom)
        for (index, row) in rows.enumerated() { drawRow(row, index: index, &writer, &bounds) }
        drawLegend(&writer, &bounds)
        return SVGWriter.document(kind: "bars", id: id, title: title, description: description,
                                  bounds: bounds, body: writer.output)
    }

    private func drawGrid(_ writer: inout SVGWriter, _ bounds: inout ChartBounds, bottom: Double) {
        writer.open("g", ["class": "grid", "stroke": ChartColour.grid, "stroke-width": "1"])
        for tick in scale.ticks() {
            let x = SVGNumber.format(x(value: tick))
            writer.empty("line", ["x1": x, "y1": SVGNumber.format(Self.labelHeight - 2), "x2": x, "y2": SVGNumber.format(bottom + 2)])
        }
        writer.close("g")
        writer.open("g", ["class": "tick-labels", "font-size": "10", "fill": ChartColour.mutedText, "text-anchor": "middle"])
        for tick in scale.ticks() {
            writer.text("text", ["x": SVGNumber.format(x(value: tick)), "y": SVGNumber.format(bottom + 14)], SVGNumber.format(tick))
        }
        writer.close("g")
        bounds.include(minX: Self.plotLeft - 4, minY: 0, maxX: Self.plotRight + 4, maxY: bottom + 17)
    }

    private func drawRow(_ row: Row, index: Int, _ writer: inout SVGWriter, _ bounds: inout ChartBounds) {
        let top = Self.barTop(row: index)
        writer.open("g", ["class": "bar-row"])
        let label = SVGText.wrap(row.label, maxCharacters: 56, maxLines: 1).first ?? ""
        writer.text("text", [
            "class": "bar-label", "x": SVGNumber.format(Self.plotLeft), "y": SVGNumber.format(top - 4),
            "font-size": SVGNumber.format(Self.fontSize), "fill": ChartColour.text,
        ], label)
        bounds.include(minX: Self.plotLeft, minY: top - Self.labelHeight,
                       maxX: Self.plotLeft + SVGText.estimatedWidth(label, fontSize: Self.fontSize), maxY: top)
        if let value = row.value, value.isFinite {
            writer.empty("rect", [
                "class": "bar-value", "x": SVGNumber.format(Self.plotLeft), "y": SVGNumber.format(top),
                "width": SVGNumber.format(x(value: value) - Self.plotLeft), "height": SVGNumber.format(Self.barHeight),
                "fill": SeriesStyle.primary.colour,
            ])
        }
        if let target = row.target, target.isFinite {
            let x = SVGNumber.format(x(value: target))
            writer.empty("line", [
                "class": "bar-target", "x1": x, "y1": SVGNumber.format(top - 3), "x2": x,
                "y2": SVGNumber.format(top + Self.barHeight + 3), "stroke": SeriesStyle.target.colour, "stroke-width": "3",
            ])
        }
        writer.close("g")
    }

    private func drawLegend(_ writer: inout SVGWriter, _ bounds: inout ChartBounds) {
        guard valueName != nil || targetName != nil else { return }
        var top = bounds.maxY + 10
        writer.open("g", ["class": "legend"])
        if let valueName {
            writer.empty("rect", [
                "x": "0", "y": SVGNumber.format(top + 3), "width": "24", "height": "12", "fill": SeriesStyle.primary.colour,
            ])
            legendLabel(valueName, top: top, &writer, &bounds)
            top += 18
        }
        if let targetName {
            writer.empty("line", [
                "x1": "12", "y1": SVGNumber.format(top + 1), "x2": "12", "y2": SVGNumber.format(top + 17),
                "stroke": SeriesStyle.target.colour, "stroke-width": "3",
            ])
            legendLabel(targetName, top: top, &writer, &bounds)
        }
        writer.close("g")
    }

    private func legendLabel(_ name: String, top: Double, _ writer: inout SVGWriter, _ bounds: inout ChartBounds) {
        writer.text("text", [
            "class": "legend-label", "x": "32", "y": SVGNumber.format(top + 9 + Self.fontSize * 0.35),
            "font-size": SVGNumber.format(Self.fontSize), "fill": ChartColour.text,
        ], name)
        bounds.include(minX: 0, minY: top, maxX: 32 + SVGText.estimatedWidth(name, fontSize: Self.fontSize), maxY: top + 18)
    }
}
