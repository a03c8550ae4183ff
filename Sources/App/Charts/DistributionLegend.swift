/// The key shared by a table of distribution bars: one swatch per scale point, plus can't say.
struct DistributionLegend: Sendable, Equatable {
    /// Names of the scale points, lowest first, e.g. "1 Strongly disagree".
    var pointLabels: [String]
    /// Name for "can't say"; nil leaves it out.
    var cantSayLabel: String?

    /// Entries flow left to right and wrap at this width, so that the key's text comes out about the
    /// same size as the other charts' text when scaled to the page.
    static let width = 400.0
    private static let rowHeight = 20.0
    private static let fontSize = 12.0
    private static let swatchWidth = 20.0
    private static let entryGap = 16.0

    init(pointLabels: [String], cantSayLabel: String? = nil) {
        self.pointLabels = pointLabels
        self.cantSayLabel = cantSayLabel
    }

    /// The key as an inline `<svg>` fragment.
    func svg(id: String, title: String, description: String) -> String {
        var entries = Array(zip(pointLabels, DistributionBar.palette(count: pointLabels.count)))
        if let cantSayLabel { entries.append((cantSayLabel, DistributionBar.cantSayColour)) }
        var writer = SVGWriter()
        var bounds = ChartBounds(minX: 0, minY: 0, maxX: Self.width, maxY: Self.rowHeight)
        var x = 0.0
        var top = 0.0
        writer.open("g", ["class": "legend"])
        for (label, colour) in entries {
            let entryWidth = Self.swatchWidth + 6 + SVGText.estimatedWidth(label, fontSize: Self.fontSize)
            if x > 0, x + entryWidth > Self.width {
                x = 0
                top += Self.rowHeight
            }
            writer.empty("rect", [
                "class": "legend-swatch", "x": SVGNumber.format(x), "y": SVGNumber.format(top + 4),
                "width": SVGNumber.format(Self.swatchWidth), "height": "12",
                "fill": colour, "stroke": ChartColour.axis, "stroke-width": "0.5",
            ])
            writer.text("text", [
                "class": "legend-label", "x": SVGNumber.format(x + Self.swatchWidth + 6),
                "y": SVGNumber.format(top + 10 + Self.fontSize * 0.35),
                "font-size": SVGNumber.format(Self.fontSize), "fill": ChartColour.text,
            ], label)
            bounds.include(minX: 0, minY: top, maxX: x + entryWidth, maxY: top + Self.rowHeight)
            x += entryWidth + Self.entryGap
        }
        writer.close("g")
        return SVGWriter.document(kind: "distribution-legend", id: id, title: title, description: description,
                                  bounds: bounds, body: writer.output)
    }
}
