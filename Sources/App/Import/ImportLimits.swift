extension EmployeeCSVReader {
    /// Bounds that keep one upload from tying up the server: a worker thread, its memory, and the
    /// size of the page or message that explains a refusal.
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var maxRows: Int
        public var maxCellLength: Int
        /// Fields on the header line. HR systems export a few dozen columns; ten thousand is not a
        /// staff list, and naming each of them would make the error page megabytes long.
        public var maxColumns: Int
        /// Bytes on one physical line (between line breaks). A row of the longest real roster is a few
        /// hundred bytes; a 10 MB line without breaks made SwiftCSV spend 20 s and 400 MB on it.
        public var maxLineBytes: Int

        /// 20 MB and 100,000 rows: well above the largest Finnish employer's roster. 500 columns and
        /// 64 KiB lines leave room for wide exports whose extra columns are ignored.
        public init(maxBytes: Int = 20 * 1_048_576, maxRows: Int = 100_000, maxCellLength: Int = 200,
                    maxColumns: Int = 500, maxLineBytes: Int = 64 * 1024) {
            self.maxBytes = maxBytes
            self.maxRows = maxRows
            self.maxCellLength = maxCellLength
            self.maxColumns = maxColumns
            self.maxLineBytes = maxLineBytes
        }

        /// One pass over the raw bytes, before the CSV parser sees them: refuses a header line with
        /// more than `maxColumns` fields, then any line longer than `maxLineBytes`. The delimiters
        /// and line breaks are ASCII, so the bytes tell as much in UTF-8 as in Windows-1252.
        func checkLines(of bytes: [UInt8]) throws(EmployeeImportError) {
            let columns = Self.headerFieldCount(bytes)
            if columns > maxColumns { throw .tooManyColumns(found: columns, limit: maxColumns) }
            if let line = Self.firstLine(in: bytes, longerThan: maxLineBytes) {
                throw .lineTooLong(line: line, limit: maxLineBytes)
            }
        }

        /// Fields on the first line, split by whichever of comma and semicolon it has more of outside
        /// quotes (as the reader chooses its delimiter). A quoted line break does not end the line.
        static func headerFieldCount(_ bytes: [UInt8]) -> Int {
            bytes.withUnsafeBufferPointer { buffer in
                var inQuotes = false
                var commas = 0
                var semicolons = 0
                for byte in buffer {
                    switch byte {
                    case UInt8(ascii: "\""): inQuotes.toggle()
                    case UInt8(ascii: ",") where !inQuotes: commas += 1
                    case UInt8(ascii: ";") where !inQuotes: semicolons += 1
                    case 0x0A, 0x0D: if !inQuotes { return max(commas, semicolons) + 1 }
                    default: break
                    }
                }
                return max(commas, semicolons) + 1
            }
        }

        /// The 1-based number of the first line with more than `limit` bytes, or nil. LF, CRLF and a
        /// lone CR each end a line.
        static func firstLine(in bytes: [UInt8], longerThan limit: Int) -> Int? {
            bytes.withUnsafeBufferPointer { buffer in
                var line = 1
                var length = 0
                var previous: UInt8 = 0
                for byte in buffer {
                    if byte == 0x0A || byte == 0x0D {
                        if !(byte == 0x0A && previous == 0x0D) { line += 1 }
                        length = 0
                    } else {
                        length += 1
                        if length > limit { return line }
                    }
                    previous = byte
                }
                return nil
            }
        }
    }
}

/// The staff import pages: upload, preview, apply.
extension WebApp {
    /// Largest upload accepted: the reader's 20 MB limit plus room for the form's other parts.
    static let importBodyLimit = 21 * 1_048_576
}
