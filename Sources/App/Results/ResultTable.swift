import Foundation

/// A table of results as a dashboard shows it. The HTML page and the CSV export are both written from
/// the same tables, so an export can never hold a figure the page hides.
struct ResultTable {
    let id: String
    let caption: String
    let columns: [ResultColumn]
    let rows: [ResultRow]
    let hasRows: Bool
    /// Links above the table that change how it is shown (its order, its columns); page only.
    let links: [TableLink]
    let hasLinks: Bool
    /// Words before the links that say what they choose, e.g. "Order:".
    let linksLabel: String?
    /// The key below the table: what its shading and symbols mean; page only.
    let key: TableKey?
    /// Whether the page says above the table how its sort links work: when some heading sorts it,
    /// unless the same hint stands above another table of the same figures.
    let sortHint: Bool

    init(id: String, caption: String, columns: [ResultColumn], rows: [ResultRow], links: [TableLink] = [],
         linksLabel: String? = nil, key: TableKey? = nil, sortHint: Bool = true) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        hasRows = !rows.isEmpty
        self.links = links
        hasLinks = !links.isEmpty
        self.linksLabel = linksLabel
        self.key = key
        self.sortHint = sortHint && columns.contains { $0.sortLink != nil }
    }

    /// The same table with only some of its columns (0 is the rows' labels, always kept), under
    /// another id: a short table of what matters first, beside the full one.
    func selecting(columns kept: [Int], id: String, links: [TableLink] = [], linksLabel: String? = nil,
                   key: TableKey? = nil) -> ResultTable {
        let cellIndices = kept.filter { $0 > 0 }.map { $0 - 1 }
        return ResultTable(
            id: id, caption: caption,
            columns: [columns[0]] + kept.filter { $0 > 0 && $0 < columns.count }.map { columns[$0] },
            rows: rows.map { row in
                ResultRow(label: row.label, link: row.link, cells: cellIndices.compactMap { $0 < row.cells.count ? row.cells[$0] : nil },
                          isTotal: row.isTotal)
            },
            links: links, linksLabel: linksLabel, key: key)
    }
}

/// A link that shows a table another way; the way it is shown now is plain text, not a link.
struct TableLink {
    let label: String
    let href: String
    let current: Bool
}

/// What a table's colours and symbols mean, in words.
struct TableKey {
    /// The shading of means, lowest bucket first; empty when the table has none.
    let heat: [HeatKeyEntry]
    let hasHeat: Bool
    let heatCaption: String
    /// Symbols in the table's cells and what each means.
    let flags: [CellFlag]
    let hasFlags: Bool

    init(heat: [HeatKeyEntry], heatCaption: String, flags: [CellFlag]) {
        self.heat = heat
        hasHeat = !heat.isEmpty
        self.heatCaption = heatCaption
        self.flags = flags
        hasFlags = !flags.isEmpty
    }
}

/// One shade of the means' colour scale and the means it covers, e.g. "3,4–4,1".
struct HeatKeyEntry {
    let heat: String
    let label: String
}

/// A meaning that a cell's colour would otherwise carry alone, given as a symbol beside the figure
/// and as words for screen readers (and in the table's key).
struct CellFlag {
    let cssClass: String
    let symbol: String
    let label: String

    /// The symbol beside a figure below its target, on the dashboards and on a person's own profile.
    static let belowTargetSymbol = "!"
}

/// A column heading; `sortLink` is set where the table can be sorted by this column.
struct ResultColumn {
    let label: String
    let numeric: Bool
    let sortLink: String?
    /// `aria-sort` and the visible ▲/▼ of the column the table is sorted by.
    let ariaSort: String?
    let sortMarker: String?
    /// For screen readers, what following the sort link does, e.g. "sort weakest first".
    let sortAction: String?

    init(_ label: String, numeric: Bool = true, sortLink: String? = nil, sorted: SortDirection? = nil,
         sortAction: String? = nil) {
        self.label = label
        self.numeric = numeric
        self.sortLink = sortLink
        ariaSort = sorted?.ariaSort
        sortMarker = sorted?.marker
        self.sortAction = sortLink == nil ? nil : sortAction
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

/// What a cell is in a CSV export. Figures stay numbers, so a spreadsheet can sum, sort and chart
/// them; only text can be a formula, so only text is neutralised.
enum ExportValue: Equatable {
    case text(String)
    /// A figure shown with `digits` decimals; negative with a plain `-`, never a `+`.
    case number(Double, digits: Int)
    case integer(Int)
    /// A share 0…1, written as a whole number of per cent under a heading that ends in "(%)": a
    /// trailing `%` is read as a number only when a spreadsheet's special-number detection is on.
    case percent(Double)

    static let empty = ExportValue.text("")
}

/// One cell: its text on the page, its value in the export, an optional heat class, chart and flag.
struct ResultCell {
    let text: String
    let export: ExportValue
    let heat: String
    let svg: String?
    /// A symbol and words beside the figure, e.g. "below target"; never in the export, whose
    /// figure already says it.
    let flag: CellFlag?

    init(text: String, export: ExportValue? = nil, heat: String = "", svg: String? = nil, flag: CellFlag? = nil) {
        self.text = text
        self.export = export ?? .text(text)
        self.heat = heat
        self.svg = svg
        self.flag = flag
    }

    /// The same cell with a flag.
    func flagged(_ flag: CellFlag?) -> ResultCell {
        ResultCell(text: text, export: export, heat: heat, svg: svg, flag: flag)
    }

    static let empty = ResultCell(text: "–", export: .empty)
}

/// Writes result tables as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads ä and
/// ö), comma or semicolon separated (Finnish Excel expects semicolons, and a decimal comma with
/// them; the comma variant has a decimal point). Each table is its caption, a header row and its
/// rows, the header cells over their columns. Figures are plain numbers; a text cell that a
/// spreadsheet would run as a formula is made inert.
enum ResultCSV {
    static func write(title: String, tables: [ResultTable], separator: Character) -> String {
        let decimalMark: Character = separator == ";" ? "," : "."
        var lines: [String] = [line([.text(title)], separator, decimalMark)]
        for table in tables {
            lines.append("")
            lines.append(line([.text(table.caption)], separator, decimalMark))
            // The first column is the rows' labels, so the header has exactly one cell per column.
            lines.append(line(table.columns.enumerated().map { index, column in
                let percent = index > 0 && table.rows.contains { row in
                    if index - 1 < row.cells.count, case .percent = row.cells[index - 1].export { return true }
                    return false
                }
                return .text(percent ? column.label + " (%)" : column.label)
            }, separator, decimalMark))
            for row in table.rows {
                lines.append(line([.text(row.label)] + row.cells.map(\.export), separator, decimalMark))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func line(_ fields: [ExportValue], _ separator: Character, _ decimalMark: Character) -> String {
        fields.map { quoted(field($0, decimalMark), separator) }.joined(separator: String(separator))
    }

    /// One cell as written: text neutralised, numbers as a spreadsheet reads them.
    static func field(_ value: ExportValue, _ decimalMark: Character) -> String {
        switch value {
        case .text(let text): return neutralised(text)
        case .integer(let number): return String(number)
        case .number(let number, let digits): return decimal(number, digits: digits, decimalMark: decimalMark)
        case .percent(let share):
            guard share.isFinite else { return "" }
            return String(Int((share * 100).rounded()))
        }
    }

    /// `-0.25` or `-0,25`: ASCII digits, a plain minus, no plus and no digit grouping; never `-0`.
    static func decimal(_ value: Double, digits: Int, decimalMark: Character) -> String {
        guard value.isFinite else { return "" }
        let places = max(0, min(digits, 6))
        guard abs(value) < 1e12 else { return String(format: "%.0f", value) }
        var power = 1
        for _ in 0..<places { power *= 10 }
        let scaled = Int((abs(value) * Double(power)).rounded())
        let negative = value < 0 && scaled > 0
        let whole = scaled / power
        let fraction = scaled % power
        var text = String(whole)
        if places > 0 {
            let fractionText = String(fraction)
            text += String(decimalMark) + String(repeating: "0", count: places - fractionText.count) + fractionText
        }
        return negative ? "-" + text : text
    }

    /// A text cell starting with = + - @ (or a tab or carriage return) is a formula to a spreadsheet;
    /// a leading apostrophe keeps it text. Numbers are not text cells and are never touched.
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
