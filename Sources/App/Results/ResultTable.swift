/// A table of results as a dashboard shows it. The HTML page and the CSV export are both written from
/// the same tables, so an export can never hold a figure the page hides.
struct ResultTable {
    let id: String
    let caption: String
    let columns: [ResultColumn]
    let rows: [ResultRow]
    let hasRows: Bool

    init(id: String, caption: String, columns: [ResultColumn], rows: [ResultRow]) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        hasRows = !rows.isEmpty
    }
}

/// A column heading; `sortLink` is set where the table can be sorted by this column.
struct ResultColumn {
    let label: String
    let numeric: Bool
    let sortLink: String?
    let sorted: Bool
    let ariaSort: String?

    init(_ label: String, numeric: Bool = true, sortLink: String? = nil, sorted: Bool = false) {
        self.label = label
        self.numeric = numeric
        self.sortLink = sortLink
        self.sorted = sorted
        ariaSort = sorted ? "descending" : nil
    }
}

struct ResultRow {
    let label: String
    let link: String?
    let cells: [ResultCell]
    /// A total row (the organisation, the unit itself) is set apart.
    let isTotal: Bool

    init(label: String, link: String? = nil, cells: [ResultCell], isTotal: Bool = false) {
        self.label = label
        self.link = link
        self.cells = cells
        self.isTotal = isTotal
    }
}

/// One cell: its text on the page, its value in the export, an optional heat class and chart.
struct ResultCell {
    let text: String
    let export: String
    let heat: String
    let svg: String?
    let note: String?

    init(text: String, export: String? = nil, heat: String = "", svg: String? = nil, note: String? = nil) {
        self.text = text
        self.export = export ?? text
        self.heat = heat
        self.svg = svg
        self.note = note
    }

    static let empty = ResultCell(text: "–", export: "")
}

/// Writes result tables as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads ä and
/// ö), comma or semicolon separated (Finnish Excel expects semicolons), and any cell that a
/// spreadsheet would run as a formula made inert.
enum ResultCSV {
    static func write(title: String, tables: [ResultTable], separator: Character) -> String {
        var lines: [String] = [line([title], separator)]
        for table in tables {
            lines.append("")
            lines.append(line([table.caption], separator))
            lines.append(line([""] + table.columns.map(\.label), separator))
            for row in table.rows {
                lines.append(line([row.label] + row.cells.map(\.export), separator))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func line(_ fields: [String], _ separator: Character) -> String {
        fields.map { quoted(neutralised($0), separator) }.joined(separator: String(separator))
    }

    /// A cell starting with = + - @ (or a tab or carriage return) is a formula to a spreadsheet; a
    /// leading apostrophe keeps it text. Negative numbers in our own figures use the minus sign
    /// U+2212, so they are not affected.
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    static func quoted(_ field: String, _ separator: Character) -> String {
        guard field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
