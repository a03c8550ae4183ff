import CQREncode

/// A QR code symbol made by libqrencode (Debian's `libqrencode-dev`), as a matrix of modules, and its
/// SVG: one path of dark runs on a white square with the standard four-module quiet zone.
struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, four more per version).
    let size: Int
    /// Row by row, `true` for a dark module.
    let modules: [Bool]

    /// Error correction level M (about 15 % of the symbol can be lost): a printed slip may be creased.
    /// Nil when the text does not fit a QR code (over about 2,300 bytes at M) or the library fails.
    init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 2048, !text.utf8.contains(0) else { return nil }
        // Version 0: the smallest that fits; the 8-bit hint with case sensitivity lets the library
        // pick the densest mode for each part (an upper-case code goes in alphanumeric mode).
        guard let symbol = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        guard width > 0, let data = symbol.pointee.data else { return nil }
        // Bit 0 of each byte is the module's colour; the other bits say what the library put there.
        let buffer = UnsafeBufferPointer(start: data, count: width * width)
        self.init(size: width, modules: buffer.map { $0 & 1 == 1 })
    }

    init(size: Int, modules: [Bool]) {
        self.size = size
        self.modules = modules
    }

    func isDark(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// The symbol as inline SVG in module units, scaled by CSS; `label` is its accessible name.
    func svg(label: String, className: String = "qr-code") -> String {
        let quiet = 4
        let side = size + 2 * quiet
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + quiet) \(y + quiet)h\(run)v1h-\(run)z"
                x += run
            }
        }
        var writer = SVGWriter()
        writer.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": className, "viewBox": "0 0 \(side) \(side)",
            "role": "img", "aria-label": label, "shape-rendering": "crispEdges",
        ])
        writer.empty("rect", ["width": String(side), "height": String(side), "fill": "#fff"])
        writer.empty("path", ["d": path, "fill": "#000"])
        writer.close("svg")
        return writer.output
    }
}
