/// A point in a chart's user units.
struct SVGPoint: Sendable, Equatable {
    var x: Double
    var y: Double
}

/// The region a chart's marks cover, grown as they are drawn, from which the view box is made.
struct ChartBounds: Sendable, Equatable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    mutating func include(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = min(self.minX, minX)
        self.minY = min(self.minY, minY)
        self.maxX = max(self.maxX, maxX)
        self.maxY = max(self.maxY, maxY)
    }
}

/// Writes SVG elements; every attribute value and text passes through `SVGText.escape`.
struct SVGWriter: Sendable {
    private(set) var output = ""

    /// Opens an element; attributes whose value is nil are left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        output += "<" + name + Self.attributeText(attributes) + ">"
    }

    mutating func close(_ name: String) {
        output += "</" + name + ">"
    }

    /// Writes an element without content, such as a line or a circle.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?>) {
        output += "<" + name + Self.attributeText(attributes) + "/>"
    }

    /// Writes an element holding only text.
    mutating func text(_ name: String, _ attributes: KeyValuePairs<String, String?>, _ content: String) {
        open(name, attributes)
        output += SVGText.escape(content)
        close(name)
    }

    /// Writes a `<text>` with one `<tspan>` per line, the first baseline at `y`.
    mutating func lines(
        _ lines: [String], x: Double, y: Double, lineHeight: Double, fontSize: Double,
        anchor: String, className: String, fill: String = ChartColour.text
    ) {
        open("text", [
            "class": className, "x": SVGNumber.format(x), "y": SVGNumber.format(y),
            "font-size": SVGNumber.format(fontSize), "text-anchor": anchor, "fill": fill,
        ])
        for (index, line) in lines.enumerated() {
            text("tspan", ["x": SVGNumber.format(x), "y": SVGNumber.format(y + Double(index) * lineHeight)], line)
        }
        close("text")
    }

    /// Points for `points=` of a polygon or polyline.
    static func points(_ points: [SVGPoint]) -> String {
        points.map { SVGNumber.format($0.x) + "," + SVGNumber.format($0.y) }.joined(separator: " ")
    }

    /// Wraps drawn marks in the `<svg>` element with its accessible name and description.
    static func document(
        kind: String, id: String, title: String, description: String, bounds: ChartBounds, body: String
    ) -> String {
        let base = safeID(id)
        let padding = 4.0
        let viewBox = [
            bounds.minX - padding, bounds.minY - padding,
            bounds.maxX - bounds.minX + 2 * padding, bounds.maxY - bounds.minY + 2 * padding,
        ].map { SVGNumber.format($0) }.joined(separator: " ")
        var writer = SVGWriter()
        writer.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "chart chart-" + kind, "viewBox": viewBox,
            "role": "img", "aria-labelledby": base + "-title", "aria-describedby": base + "-desc",
        ])
        writer.text("title", ["id": base + "-title"], title)
        writer.text("desc", ["id": base + "-desc"], description)
        writer.output += body
        writer.close("svg")
        return writer.output
    }

    /// Keeps ids to letters, digits, "-" and "_" so that the references in aria attributes resolve.
    static func safeID(_ id: String) -> String {
        let cleaned = String(id.unicodeScalars.map { scalar -> Character in
            let isSafe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_")
            return isSafe ? Character(scalar) : "-"
        })
        guard let first = cleaned.unicodeScalars.first else { return "chart" }
        guard first.properties.isAlphabetic else { return "chart-" + cleaned }
        return cleaned
    }

    private static func attributeText(_ attributes: KeyValuePairs<String, String?>) -> String {
        var text = ""
        for (name, value) in attributes {
            guard let value else { continue }
            text += " " + name + "=\"" + SVGText.escape(value) + "\""
        }
        return text
    }
}
