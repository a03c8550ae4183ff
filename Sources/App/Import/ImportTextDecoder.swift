/// The character encoding an uploaded CSV file was read in.
public enum ImportTextEncoding: String, Sendable, Equatable, CustomStringConvertible {
    case utf8
    case utf8WithByteOrderMark
    case windows1252

    public var description: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8WithByteOrderMark: return "UTF-8 (with byte order mark)"
        case .windows1252: return "Windows-1252"
        }
    }
}

/// Turns the bytes of an uploaded text file into a string: UTF-8 with or without a byte order mark,
/// otherwise Windows-1252 (what Excel writes for "CSV" on a Finnish Windows).
enum ImportTextDecoder {
    /// The decoded text, or why the bytes are not a text file this importer can read.
    static func decode(_ bytes: [UInt8]) throws(EmployeeImportError) -> (text: String, encoding: ImportTextEncoding) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .utf16
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .spreadsheetWorkbook
        }
        if bytes.contains(0) {
            // Text without a byte order mark but with NUL bytes is UTF-16 or not text at all.
            throw .notText
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.starts(with: bom) {
            guard let text = String(validating: bytes.dropFirst(bom.count), as: UTF8.self) else {
                throw .invalidUTF8AfterByteOrderMark
            }
            return (text, .utf8WithByteOrderMark)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        return (windows1252(bytes), .windows1252)
    }

    /// Windows-1252 as the WHATWG Encoding Standard defines it: Latin-1 except 0x80–0x9F, where
    /// Windows puts €, typographic quotes, dashes, Š, Ž, Œ and others; its five unassigned bytes
    /// become the C1 controls of the same value (and are then refused as control characters).
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value: UInt32
            if (0x80...0x9F).contains(byte) {
                value = windows1252HighControls[Int(byte) - 0x80]
            } else {
                value = UInt32(byte)
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    private static let windows1252HighControls: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
