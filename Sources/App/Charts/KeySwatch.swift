/// A small sample of a chart colour for a key whose words are HTML text beside it: the words carry
/// the meaning, so the sample is hidden from screen readers.
enum KeySwatch {
    static let width = 18.0
    static let height = 12.0

    /// The sample as an inline `<svg>` fragment.
    static func svg(fill: String) -> String {
        var writer = SVGWriter()
        writer.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "swatch", "viewBox": "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))",
            "width": SVGNumber.format(width), "height": SVGNumber.format(height), "aria-hidden": "true",
        ])
        writer.empty("rect", [
            "x": "0.5", "y": "0.5", "width": SVGNumber.format(width - 1), "height": SVGNumber.format(height - 1),
            "fill": fill, "stroke": ChartColour.axis, "stroke-width": "1",
        ])
        writer.close("svg")
        return writer.output
    }
}
