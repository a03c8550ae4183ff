/// One 100 % stacked bar of how answers spread over the scale points, compact enough for a table cell.
struct DistributionBar: Sendable, Equatable {
    /// Share (0…1) of answers at each scale point, lowest point first.
    var shares: [Double]
    /// Share of "can't say" answers, drawn grey at the right end after a small gap.
    var cantSay: Double?

    /// Drawn one user unit to a CSS pixel (the stylesheet gives the bar this width plus the view box's
    /// padding), so that labels come out at their font size: 12 px, readable, never a few pixels.
    static let width = 192.0
    static let height = 22.0
    private static let cantSayGap = 3.0
    static let fontSize = 12.0
    /// Segments under this share get no label even if they look wide enough.
    private static let minimumLabelledShare = 0.04

    /// Grey, so that "can't say" reads as off the scale.
    static let cantSayColour = "#a6a6a6"

    /// Names of the scale points and of "can't say" for the segments' tooltips; may be empty.
    var pointNames: [String]
    var cantSayName: String?

    init(shares: [Double], cantSay: Double? = nil, pointNames: [String] = [], cantSayName: String? = nil) {
        self.shares = shares
        self.cantSay = cantSay
        self.pointNames = pointNames
        self.cantSayName = cantSayName
    }

    /// A drawn segment: its scale point (nil for can't say), position, fill and label if one fits.
    struct Segment: Sendable, Equatable {
        var point: Int?
        var x: Double
        var width: Double
        var fill: String
        var label: String?
        /// "Point: share" (or only the share, without point names) for a pointer's tooltip.
        var tooltip: String
    }

    /// Segments laid out left to right; widths are proportional to the shares and fill the bar.
    func segments() -> [Segment] {
        let values = shares.map(Self.clean)
        let cantSayShare = Self.clean(cantSay ?? 0)
        let total = values.reduce(0, +) + cantSayShare
        guard total > 0 else { return [] }
        let usable = Self.width - (cantSayShare > 0 ? Self.cantSayGap : 0)
        let colours = Self.palette(count: values.count)
        var x = 0.0
        var result: [Segment] = []
        for (point, share) in values.enumerated() where share > 0 {
            let width = usable * share / total
            result.append(Self.segment(point: point, x: x, width: width, share: share, fill: colours[point],
                                       name: point < pointNames.count ? pointNames[point] : nil))
            x += width
        }
        if cantSayShare > 0 {
            let width = usable * cantSayShare / total
            result.append(Self.segment(point: nil, x: x + Self.cantSayGap, width: width, share: cantSayShare,
                                       fill: Self.cantSayColour, name: cantSayName))
        }
        return result
    }

    /// The bar as an inline `<svg>` fragment.
    func svg(id: String, title: String, description: String) -> String {
        var writer = SVGWriter()
        writer.open("g", ["class": "segments"])
        for segment in segments() {
            writer.open("rect", [
                "class": segment.point.map { "segment segment-\($0 + 1)" } ?? "segment segment-cant-say",
                "x": SVGNumber.format(segment.x), "y": "0", "width": SVGNumber.format(segment.width),
                "height": SVGNumber.format(Self.height), "fill": segment.fill, "stroke": "#ffffff", "stroke-width": "0.5",
            ])
            // A pointer over a segment too narrow for its label still tells its share.
            writer.text("title", [:], segment.tooltip)
            writer.close("rect")
            if let label = segment.label {
                writer.text("text", [
                    "class": "segment-label", "x": SVGNumber.format(segment.x + segment.width / 2),
                    "y": SVGNumber.format(Self.height / 2 + Self.fontSize * 0.35), "font-size": SVGNumber.format(Self.fontSize),
                    "text-anchor": "middle", "fill": ChartColour.textColour(on: segment.fill),
                ], label)
            }
        }
        writer.close("g")
        // The neutral middle colour is nearly white; an outline keeps the bar's edge visible.
        writer.empty("rect", [
            "class": "bar-outline", "x": "0", "y": "0", "width": SVGNumber.format(Self.width),
            "height": SVGNumber.format(Self.height), "fill": "none", "stroke": ChartColour.axis, "stroke-width": "0.5",
        ])
        let bounds = ChartBounds(minX: 0, minY: 0, maxX: Self.width, maxY: Self.height)
        return SVGWriter.document(kind: "distribution", id: id, title: title, description: description,
                                  bounds: bounds, body: writer.output)
    }

    /// Fill colours for `count` scale points, low (red) to high (blue): ColorBrewer RdBu, a diverging
    /// palette that colour-blind readers can follow, interpolated beyond seven points.
    static func palette(count: Int) -> [String] {
        switch count {
        case ..<1: return []
        case 1: return ["#f7f7f7"]
        case 2: return ["#ca0020", "#0571b0"]
        case 3: return ["#ef8a62", "#f7f7f7", "#67a9cf"]
        case 4: return ["#ca0020", "#f4a582", "#92c5de", "#0571b0"]
        case 5: return ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"]
        case 6: return ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"]
        default:
            let anchors = ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"]
            return (0..<count).map { index in
                let position = Double(index) / Double(count - 1) * Double(anchors.count - 1)
                let lower = min(Int(position), anchors.count - 2)
                return ChartColour.blend(anchors[lower], anchors[lower + 1], amount: position - Double(lower))
            }
        }
    }

    private static func clean(_ share: Double) -> Double {
        share.isFinite && share > 0 ? share : 0
    }

    private static func segment(point: Int?, x: Double, width: Double, share: Double, fill: String,
                                name: String?) -> Segment {
        let text = SVGNumber.percent(share)
        let fits = share >= minimumLabelledShare && width >= SVGText.estimatedWidth(text, fontSize: fontSize) + 4
        return Segment(point: point, x: x, width: width, fill: fill, label: fits ? text : nil,
                       tooltip: name.map { "\($0): \(text)" } ?? text)
    }
}
