import Foundation

/// Colours shared by all charts, and the contrast arithmetic used to pick and check them.
enum ChartColour {
    /// Axis labels and other text: near-black, 17:1 on white.
    static let text = "#1a1a1a"
    /// Secondary text such as tick values: 7:1 on white.
    static let mutedText = "#595959"
    /// Gridlines are decoration, not information, so they may be light.
    static let grid = "#cccccc"
    /// Axis lines and bar outlines: 4.5:1 on white.
    static let axis = "#767676"

    /// Relative luminance (WCAG 2.1) of a "#rrggbb" colour; nil if the text is not such a colour.
    static func luminance(_ hex: String) -> Double? {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let linear = Double(channel) / 255
            return linear <= 0.03928 ? linear / 12.92 : pow((linear + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// WCAG contrast ratio between two "#rrggbb" colours (1…21); 1 if either is malformed.
    static func contrast(_ first: String, _ second: String) -> Double {
        guard let a = luminance(first), let b = luminance(second) else { return 1 }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// White or near-black, whichever reads better on the given fill.
    static func textColour(on fill: String) -> String {
        contrast(fill, "#ffffff") >= contrast(fill, text) ? "#ffffff" : text
    }

    /// Linear blend of two "#rrggbb" colours; `amount` 0 gives the first, 1 the second.
    static func blend(_ first: String, _ second: String, amount: Double) -> String {
        func channels(_ hex: String) -> [Double] {
            let value = UInt32(hex.dropFirst(), radix: 16) ?? 0
            return [Double((value >> 16) & 0xFF), Double((value >> 8) & 0xFF), Double(value & 0xFF)]
        }
        let t = min(max(amount, 0), 1)
        let mixed = zip(channels(first), channels(second)).map { Int(($0 + ($1 - $0) * t).rounded()) }
        return "#" + mixed.map { channel in
            let digits = String(channel, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
