/// Percent-decoding for paths and `application/x-www-form-urlencoded` data.
public enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as space when asked). Returns nil for a malformed escape.
    public static func decode<C: Collection>(_ bytes: C, plusAsSpace: Bool) -> [UInt8]? where C.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first != bytes.endIndex else { return nil }
                let second = bytes.index(after: first)
                guard second != bytes.endIndex,
                      let high = hexValue(bytes[first]), let low = hexValue(bytes[second]) else { return nil }
                output.append(high << 4 | low)
                index = bytes.index(after: second)
                continue
            }
            output.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = bytes.index(after: index)
        }
        return output
    }

    /// Decodes a string as form data, or returns nil if it is malformed or not UTF-8.
    public static func decodeFormComponent<S: StringProtocol>(_ component: S) -> String? {
        guard let bytes = decode(component.utf8, plusAsSpace: true) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Splits `a=1&b=2` into items. A malformed item is kept with its raw text rather than dropped,
    /// so that a stray `%` in a search box does not make the whole query disappear.
    public static func formItems<S: StringProtocol>(_ string: S) -> [QueryItem] {
        guard !string.isEmpty else { return [] }
        return string.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawName = parts[0]
            let rawValue = parts.count > 1 ? parts[1] : ""
            return QueryItem(
                name: decodeFormComponent(rawName) ?? String(rawName),
                value: decodeFormComponent(rawValue) ?? String(rawValue)
            )
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
