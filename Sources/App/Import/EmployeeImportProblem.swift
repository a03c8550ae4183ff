/// Why one row of a staff export was rejected. The web layer translates these; `description` is English.
public enum EmployeeRowProblem: Sendable, Equatable, CustomStringConvertible {
    case wrongFieldCount(expected: Int, found: Int)
    case missingValue(column: EmployeeColumn)
    case duplicateHRNumber(String, firstLine: Int)
    case badDate(column: EmployeeColumn, value: String)
    case impossibleDate(column: EmployeeColumn, value: String)
    case endBeforeStart(start: String, end: String)
    case badEmail(String)
    case unknownLanguage(String)
    /// A cell a spreadsheet could run as a formula when the data is exported again (CSV injection).
    case possibleFormula(column: EmployeeColumn, value: String)
    case controlCharacter(column: EmployeeColumn)
    case tooLong(column: EmployeeColumn, limit: Int)

    public var description: String {
        switch self {
        case .wrongFieldCount(let expected, let found):
            return "expected \(expected) fields as in the header, found \(found)"
        case .missingValue(let column):
            return "\(column.englishHeader) is empty"
        case .duplicateHRNumber(let number, let firstLine):
            return "HR number \(number) appears already on line \(firstLine)"
        case .badDate(let column, let value):
            return "\(column.englishHeader) \(quoted(value)) is not a date (write 2024-03-01 or 1.3.2024)"
        case .impossibleDate(let column, let value):
            return "\(column.englishHeader) \(quoted(value)) does not exist in the calendar"
        case .endBeforeStart(let start, let end):
            return "End date \(end) is before start date \(start)"
        case .badEmail(let value):
            return "Email \(quoted(value)) is not an e-mail address"
        case .unknownLanguage(let value):
            return "Language \(quoted(value)) is not one of fi, sv, en"
        case .possibleFormula(let column, let value):
            return "\(column.englishHeader) \(quoted(value)) starts like a spreadsheet formula (=, +, -, @)"
        case .controlCharacter(let column):
            return "\(column.englishHeader) contains a control character"
        case .tooLong(let column, let limit):
            return "\(column.englishHeader) is longer than \(limit) characters"
        }
    }

    private func quoted(_ value: String) -> String {
        let shown = value.count > 40 ? value.prefix(40) + "…" : Substring(value)
        let visible = shown.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : Character($0) }
        return "\"" + String(visible) + "\""
    }
}

/// One rejected row: where it is in the file (line 1 is the header) and everything wrong with it.
public struct RejectedEmployeeRow: Sendable, Equatable, CustomStringConvertible {
    /// The physical line the row starts on, counting the lines inside quoted fields.
    public var line: Int
    /// The row's HR number, when it has one.
    public var hrNumber: String?
    public var problems: [EmployeeRowProblem]

    public init(line: Int, hrNumber: String?, problems: [EmployeeRowProblem]) {
        self.line = line
        self.hrNumber = hrNumber
        self.problems = problems
    }

    /// All the problems in one sentence.
    public var reason: String { problems.map(\.description).joined(separator: "; ") }

    public var description: String { "line \(line): \(reason)" }
}

/// Something worth telling about a file that does not stop its import.
public enum EmployeeImportNotice: Sendable, Equatable, CustomStringConvertible {
    case ignoredColumns([String])
    case blankLinesSkipped(Int)

    public var description: String {
        switch self {
        case .ignoredColumns(let headers):
            return "Ignored columns: \(ShownNames(headers).english)."
        case .blankLinesSkipped(let count):
            return "\(count) blank \(count == 1 ? "line was" : "lines were") skipped."
        }
    }
}

/// Why a whole file cannot be imported, in words HR staff or an operator can act on.
public enum EmployeeImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case utf16
    case notText
    case spreadsheetWorkbook
    case invalidUTF8AfterByteOrderMark
    case missingColumns(missing: [EmployeeColumn], found: [String])
    case duplicateColumn(EmployeeColumn, firstPosition: Int, secondPosition: Int)
    case malformedQuotes(line: Int)
    case unclosedQuote(line: Int)
    case noRows
    case tooManyRows(limit: Int)
    /// The header line has more fields than `EmployeeCSVReader.Limits.maxColumns`.
    case tooManyColumns(found: Int, limit: Int)
    /// A physical line is longer than `EmployeeCSVReader.Limits.maxLineBytes`.
    case lineTooLong(line: Int, limit: Int)
    /// Raised by `EmployeeImportPreview.batch`: a file with rejected rows is never applied in part.
    case rowsRejected(count: Int)

    public var description: String {
        switch self {
        case .empty:
            return "The file is empty."
        case .tooLarge(let bytes, let limit):
            return "The file is \(megabytes(bytes)) MB; the largest accepted is \(megabytes(limit)) MB."
        case .utf16:
            return "The file is in UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and upload again."
        case .notText:
            return "The file is not a text file (it contains NUL bytes); export the staff list as CSV."
        case .spreadsheetWorkbook:
            return "The file is an Excel workbook, not CSV; save it as \"CSV UTF-8\" and upload again."
        case .invalidUTF8AfterByteOrderMark:
            return "The file starts with a UTF-8 byte order mark but is not valid UTF-8; export it again as CSV UTF-8."
        case .missingColumns(let missing, let found):
            let names = missing.map { "\($0.finnishHeader) / \($0.englishHeader)" }.joined(separator: ", ")
            let headers = found.isEmpty ? "none" : ShownNames(found.map { "\"\($0)\"" }).english
            return "The file lacks required columns: \(names). Columns found: \(headers)."
        case .duplicateColumn(let column, let first, let second):
            return "Columns \(first) and \(second) are both the \(column.englishHeader) column; keep one."
        case .malformedQuotes(let line):
            return "Line \(line) has a quote character in the wrong place; quote a whole field and double quotes inside it."
        case .unclosedQuote(let line):
            return "A quoted field that starts on line \(line) is never closed."
        case .noRows:
            return "The file has a header but no employee rows."
        case .tooManyRows(let limit):
            return "The file has more than \(limit) rows, the most one import accepts."
        case .tooManyColumns(let found, let limit):
            return "The header line has \(found) columns; at most \(limit) are accepted. "
                + "Export the staff list with its usual columns."
        case .lineTooLong(let line, let limit):
            return "Line \(line) is longer than \((limit + 1023) / 1024) KB; a staff list's rows are much shorter. "
                + "Check that the file is the staff list exported as CSV, one row per line."
        case .rowsRejected(let count):
            return "\(count) \(count == 1 ? "row was" : "rows were") rejected; nothing was imported. "
                + "Fix the file and import it again."
        }
    }

    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

/// A list of names (columns, headers) cut to a few, so that a file with ten thousand columns gets
/// an error of a few lines, not one of megabytes: the first `limit` names, each at most
/// `maxLength` characters, and how many more there were.
struct ShownNames {
    static let limit = 8
    static let maxLength = 40

    let names: [String]
    let more: Int

    init(_ all: [String]) {
        names = all.prefix(Self.limit).map { name in
            name.count > Self.maxLength ? String(name.prefix(Self.maxLength)) + "…" : name
        }
        more = all.count - names.count
    }

    /// "a, b, c" or "a, b, c and 12 more".
    var english: String {
        more == 0 ? names.joined(separator: ", ") : names.joined(separator: ", ") + " and \(more) more"
    }
}
