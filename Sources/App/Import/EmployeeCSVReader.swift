import Storage
import SwiftCSV

/// Reads the HR system's staff export (CSV in UTF-8 or Windows-1252, comma or semicolon) into an
/// `EmployeeImportPreview`. Pure: it sees only the bytes it is given.
public struct EmployeeCSVReader: Sendable {
    /// Rows read so far and the rows the file seems to hold (physical lines; quoted line breaks make it
    /// an overestimate until the end).
    public typealias Progress = (_ rowsRead: Int, _ estimatedRows: Int) -> Void

    public var limits: Limits
    /// How many rows pass between two progress reports.
    public var progressInterval: Int

    public init(limits: Limits = Limits(), progressInterval: Int = 5_000) {
        self.limits = limits
        self.progressInterval = max(1, progressInterval)
    }

    /// Reads a whole file. Throws only when the file as a whole is unusable; bad rows are returned
    /// in `rejected` with their line numbers.
    public func read(_ bytes: [UInt8], progress: Progress? = nil) throws(EmployeeImportError) -> EmployeeImportPreview {
        if bytes.count > limits.maxBytes { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        let (decoded, encoding) = try ImportTextDecoder.decode(bytes)
        // Before SwiftCSV, which would build every field of a huge line first (ImportLimits.swift).
        try limits.checkLines(of: bytes)
        guard decoded.contains(where: { !$0.isWhitespace }) else { throw .empty }
        let delimiter = Self.delimiter(ofFirstLineIn: decoded)
        // SwiftCSV drops an empty last field of a last line without a line break; a final break keeps it.
        let text = decoded.last?.isNewline == true ? decoded : decoded + "\n"

        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: delimiter == .comma ? .comma : .semicolon,
                                      loadColumns: false, rowLimit: 0)
        } catch {
            throw .malformedQuotes(line: 1)
        }
        let header = try EmployeeHeader(csv.header)
        var validator = EmployeeRowValidator(header: header, maxCellLength: limits.maxCellLength)
        let estimatedRows = max(0, text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } - header.lineCount)

        var line = 1 + header.lineCount
        var rowStartLine = line
        var blankLines = 0
        var rowsRead = 0
        var tooMany = false
        do {
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { fields in
                rowStartLine = line
                line += Self.physicalLines(of: fields)
                if tooMany { return }
                if fields.allSatisfy({ FieldRules.normalisedText($0).isEmpty }) {
                    blankLines += 1
                    return
                }
                rowsRead += 1
                if rowsRead > limits.maxRows {
                    tooMany = true
                    return
                }
                validator.validate(fields, line: rowStartLine)
                if rowsRead % progressInterval == 0 { progress?(rowsRead, max(rowsRead, estimatedRows)) }
            }
        } catch {
            // The row that failed starts on the line after the last complete one.
            throw .malformedQuotes(line: line)
        }
        if tooMany { throw .tooManyRows(limit: limits.maxRows) }
        if text.utf8.reduce(0, { $1 == 0x22 ? $0 + 1 : $0 }) % 2 == 1 {
            // An unclosed quote swallows the rest of the file into the last row SwiftCSV returns.
            throw .unclosedQuote(line: rowStartLine)
        }
        if rowsRead == 0 { throw .noRows }
        progress?(rowsRead, rowsRead)

        var notices: [EmployeeImportNotice] = []
        if !header.ignored.isEmpty { notices.append(.ignoredColumns(header.ignored)) }
        if blankLines > 0 { notices.append(.blankLinesSkipped(blankLines)) }
        return EmployeeImportPreview(encoding: encoding, delimiter: delimiter, columns: header.columns,
                                     employees: validator.accepted, rejected: validator.rejected, notices: notices)
    }

    /// Semicolon when the header line has more semicolons than commas outside quotes (Excel on a
    /// Finnish Windows writes semicolons), otherwise comma.
    static func delimiter(ofFirstLineIn text: String) -> ImportDelimiter {
        var inQuotes = false
        var commas = 0
        var semicolons = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": inQuotes.toggle()
            case "," where !inQuotes: commas += 1
            case ";" where !inQuotes: semicolons += 1
            case "\n", "\r": if !inQuotes { return semicolons > commas ? .semicolon : .comma }
            default: break
            }
        }
        return semicolons > commas ? .semicolon : .comma
    }

    /// One line for the row itself plus one for every line break inside its quoted fields.
    static func physicalLines(of fields: [String]) -> Int {
        var lines = 1
        for field in fields where field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            lines += field.reduce(0) { $1.isNewline ? $0 + 1 : $0 }
        }
        return lines
    }
}

/// The header row: which column index holds which field, and what is ignored.
struct EmployeeHeader {
    var positions: [EmployeeColumn: Int] = [:]
    var columns: [EmployeeColumn] = []
    var ignored: [String] = []
    var fieldCount: Int
    var lineCount: Int

    init(_ fields: [String]) throws(EmployeeImportError) {
        fieldCount = fields.count
        lineCount = EmployeeCSVReader.physicalLines(of: fields)
        for (index, field) in fields.enumerated() {
            let name = FieldRules.normalisedText(field)
            guard let column = EmployeeColumn(header: name) else {
                ignored.append(name.isEmpty ? "column \(index + 1) (no header)" : name)
                continue
            }
            if let first = positions[column] {
                throw .duplicateColumn(column, firstPosition: first + 1, secondPosition: index + 1)
            }
            positions[column] = index
            columns.append(column)
        }
        let missing = EmployeeColumn.required.filter { positions[$0] == nil }
        if !missing.isEmpty {
            throw .missingColumns(missing: missing, found: fields.map(FieldRules.normalisedText))
        }
    }
}
