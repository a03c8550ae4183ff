/// The key shared by a table of distribution bars: one swatch per scale point, plus can't say.
struct DistributionLegend: Sendable, Equatable {
    /// Names of the scale points, lowest first, e.g. "1 Strongly disagree".
    var pointLabels: [String]
    /// Name for "can't say"; nil leaves it out.
    var cantSayLabel: String?

    private static let rowHeight = 18.0
    private static let fontSize = 12.0

    init(pointLabels: [String], cantSayLabel: String? = nil) {
        self.pointLabels = pointLabels
        self.cantSayLabel = cantSayLabel
    }

    /// The key as an inline `<svg>` fragment, one row per swatch.
    func svg(id: String, title: String, description: String) -> String {
        let colours = DistributionBar.palette(count: pointLabels.count)
        var entries = Array(zip(pointLabels, colours))
        if let cantSayLabel { entries.append((cantSayLabel, DistributionBar.cantSayColour)) }
        var writer = SVGWriter()
        var bounds = ChartBounds(minX: 0, minY: 0, maxX: 120, maxY: Self.rowHeight)
        writer.open("g", ["class": "legend"])
        for (index, entry) in entries.enumerated() {
            let top = Double(index) * Self.rowHeight
            writer.empty("rect", [
                "class": "legend-swatch", "x": "0", "y": SVGNumber.format(top + 3), "width": "20", "height": "12",
                "fill": entry.1, "stroke": ChartColour.axis, "stroke-width": "0.5",
            ])
            writer.text("text", [
                "class": "legend-label", "x": "28", "y": SVGNumber.format(top + 9 + Self.fontSize * 0.35),
                "font-size": SVGNumber.format(Self.fontSize), "fill": ChartColour.text,
            ], entry.0)
            bounds.include(minX: 0, minY: top, maxX: 28 + SVGText.estimatedWidth(entry.0, fontSize: Self.fontSize),
                           maxY: top + Self.rowHeight)
        }
        writer.close("g")
        return SVGWriter.document(kind: "distribution-legend", id: id, title: title, description: description,
                                  bounds: bounds, body: writer.output)
    }
}
