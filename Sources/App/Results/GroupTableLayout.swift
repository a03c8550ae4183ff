import Metrics

/// How a dashboard's group tables (sectors, units, sub-units, job groups: one row per group, a column
/// per area) are laid out: which areas get a column, the rows' order, and the links that change
/// either. At laptop width the competence areas fit beside the names; the factors' columns come on
/// request (`?columns=all`), so that no column sits out of sight without a word about it.
struct GroupTableLayout {
    let options: DashboardOptions
    /// The dashboard's path, which the links start from.
    let base: String
    let format: ResultFormatting
    /// The areas with a column, in the framework's order.
    let areas: [Int]
    /// Whether the framework has factors, and so a choice of columns to offer.
    let hasFactors: Bool
    let showsFactors: Bool

    init(results: RoundResults, options: DashboardOptions, base: String, format: ResultFormatting) {
        self.options = options
        self.base = base
        self.format = format
        let all = Array(results.content.areas.indices)
        let competence = all.filter { results.content.areas[$0].area.kind == .competence }
        hasFactors = competence.count < all.count
        // A table sorted by a factor shows the factor it is sorted by.
        let sortedByFactor = options.groupSort.map { code in
            results.content.areas.contains { $0.area.code == code && $0.area.kind != .competence }
        } ?? false
        showsFactors = hasFactors && (options.allColumns || sortedByFactor)
        areas = showsFactors ? all : competence
    }

    /// Rows sorted by the chosen area's mean, either way; groups without a figure for it (hidden ones
    /// among them) last in both directions and in their own order, so that the order says nothing of
    /// a hidden figure. Unsorted when no area is chosen.
    func sorted(_ rows: [(ResultRow, ResultGroup)]) -> [ResultRow] {
        let results = format.results
        guard let code = options.groupSort,
              let index = results.content.areas.firstIndex(where: { $0.area.code == code }) else { return rows.map(\.0) }
        let keyed = rows.enumerated().map { position, row in
            (row: row.0, mean: results.totals(row.1)?.areaScores[index].mean, position: position)
        }
        let ascending = options.groupDirection == .ascending
        return keyed.sorted { first, second in
            switch (first.mean, second.mean) {
            case let (a?, b?) where a != b: return ascending ? a < b : a > b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return first.position < second.position
            }
        }.map(\.row)
    }

    /// A group table: headings that sort it (links back to `fragment`), the choice of columns, and
    /// the key of its shading.
    func table(id: String, caption: String, first: String, rows: [ResultRow], fragment: String) -> ResultTable {
        let options = options
        let base = base
        let sorting = ColumnSorting(key: options.groupSort, direction: options.groupDirection) { code, direction in
            options.sortingGroups(by: code, direction).link(base, fragment: fragment)
        }
        return ResultTable(id: id, caption: caption, columns: format.groupColumns(first: first, areas: areas, sorting: sorting),
                           rows: rows, links: columnLinks(fragment: fragment), key: format.tableKey())
    }

    /// The link to the other choice of columns; none when the framework has no factors.
    private func columnLinks(fragment: String) -> [TableLink] {
        guard hasFactors else { return [] }
        var other = options.showingAllColumns(!showsFactors)
        if showsFactors, let code = options.groupSort,
           format.results.content.areas.contains(where: { $0.area.code == code && $0.area.kind != .competence }) {
            // Without the factors' columns a table cannot stay sorted by one.
            other.groupSort = nil
        }
        let label = format.strings.text(showsFactors ? "results_columns_competence_only" : "results_columns_all")
        return [TableLink(label: label, href: other.link(base, fragment: fragment), current: false)]
    }
}
