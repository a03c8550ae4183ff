import Metrics
import Storage

/// Turns figures into table cells in the reader's language. Every figure goes through a group that
/// the anonymity rule has let through (`RoundResults.totals`), so nothing here can show a hidden one.
struct ResultFormatting {
    let results: RoundResults
    let strings: Strings
    let language: String

    var scaleMin: Double { Double(results.scale.minimum) }
    var scaleMax: Double { Double(results.scale.maximum) }

    /// "fewer than 5 responses"
    var suppressedText: String {
        strings.format("results_suppressed", ["minimum": String(results.rule.minimumGroupSize)])
    }

    func areaName(_ index: Int) -> String { results.content.areas[index].area.name.text(language) }

    /// A mean, shaded by the value as shown (one decimal), so that a cell reading 1,8 is never in the
    /// shade the key gives for 1,0–1,7.
    func meanCell(_ mean: Double?) -> ResultCell {
        guard let mean else { return .empty }
        return ResultCell(text: strings.decimal(mean), export: .number(mean, digits: 2),
                          heat: HeatScale.cssClass(for: Self.shown(mean), scaleMin: scaleMin, scaleMax: scaleMax))
    }

    /// A figure rounded to the one decimal the page shows.
    static func shown(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    /// The key of the means' shading: each shade with the means (as shown) it covers, lowest first.
    func heatKey() -> [HeatKeyEntry] {
        HeatScale.keyRanges(scaleMin: scaleMin, scaleMax: scaleMax).map { range in
            HeatKeyEntry(heat: range.heat, label: "\(strings.decimal(range.lower))–\(strings.decimal(range.upper))")
        }
    }

    /// The key of a table with shaded means and, when `flags` is set, the symbols of its cells.
    func tableKey(flags: [CellFlag] = []) -> TableKey {
        TableKey(heat: heatKey(), heatCaption: strings.text("results_heat_key"), flags: flags)
    }

    /// The flag of a figure below its target: a symbol, and words for screen readers and the key.
    var belowTargetFlag: CellFlag {
        CellFlag(cssClass: "below-target", symbol: CellFlag.belowTargetSymbol, label: strings.text("results_below_target"))
    }

    /// The gap between a mean and its target, flagged when the mean is below it as shown: a gap that
    /// rounds to 0,0 is not called below.
    func gapCell(_ gap: Double?) -> ResultCell {
        guard let gap else { return .empty }
        return numberCell(gap, signed: true).flagged(Self.shown(gap) < 0 ? belowTargetFlag : nil)
    }

    func numberCell(_ value: Double?, digits: Int = 1, signed: Bool = false) -> ResultCell {
        guard let value else { return .empty }
        return ResultCell(text: signed ? strings.signedDecimal(value, digits: digits) : strings.decimal(value, digits: digits),
                          export: .number(value, digits: digits))
    }

    func percentCell(_ share: Double?) -> ResultCell {
        guard let share else { return .empty }
        return ResultCell(text: strings.percent(share), export: .percent(share))
    }

    func countCell(_ count: Int) -> ResultCell {
        ResultCell(text: strings.number(count), export: .integer(count))
    }

    /// The cells of a hidden group: no figure at all, one explanation.
    func hiddenCells(count: Int) -> [ResultCell] {
        guard count > 0 else { return [] }
        return [ResultCell(text: suppressedText, export: .text(suppressedText))]
            + Array(repeating: ResultCell(text: "", export: .empty), count: count - 1)
    }

    /// One row per group with respondents and the mean of each area, for sectors × areas and the like.
    func groupRow(_ label: String, link: String?, group: ResultGroup, areas: [Int], isTotal: Bool = false) -> ResultRow {
        guard let totals = results.totals(group) else {
            return ResultRow(label: label, link: link, cells: hiddenCells(count: areas.count + 2), isTotal: isTotal)
        }
        let rate = results.responseRate(group)
        return ResultRow(label: label, link: link,
                         cells: [countCell(totals.respondents), percentCell(rate)]
                            + areas.map { meanCell(totals.areaScores[$0].mean) },
                         isTotal: isTotal)
    }

    /// Columns for `groupRow`; each area's heading links to the table sorted by it when `sorting` is given.
    func groupColumns(first: String, areas: [Int], sorting: ColumnSorting?) -> [ResultColumn] {
        [ResultColumn(first, numeric: false), ResultColumn(strings.text("results_respondents")),
         ResultColumn(strings.text("results_response_rate"))]
            + areas.map { index in
                sortableColumn(areaName(index), key: results.content.areas[index].area.code, sorting: sorting)
            }
    }

    /// A heading that sorts its table when `sorting` is given: its link goes the other way round when
    /// the table is sorted by it now, and weakest first when not.
    func sortableColumn(_ label: String, key: String, sorting: ColumnSorting?) -> ResultColumn {
        guard let sorting else { return ResultColumn(label) }
        let next = sorting.next(for: key)
        return ResultColumn(label, sortLink: sorting.link(key, next), sorted: sorting.direction(of: key),
                            sortAction: strings.text(next == .ascending ? "results_sort_weakest_first"
                                                                         : "results_sort_strongest_first"))
    }

    /// The scale's points with their labels, "1 Täysin eri mieltä", lowest first; a point without a
    /// label is its number alone.
    var pointNames: [String] {
        let labels = Dictionary(results.content.labels.map { ($0.value, $0.label.text(language)) },
                                uniquingKeysWith: { first, _ in first })
        return results.scale.points.map { point in
            labels[point].map { $0.isEmpty ? String(point) : "\(point) \($0)" } ?? String(point)
        }
    }

    /// The key of the distribution bars: a colour sample and words for each scale point and for
    /// "can't say".
    func distributionKey() -> [DistributionKeyEntry] {
        let colours = DistributionBar.palette(count: results.scale.points.count)
        return zip(pointNames, colours).map { DistributionKeyEntry(swatch: KeySwatch.svg(fill: $1), label: $0) }
            + [DistributionKeyEntry(swatch: KeySwatch.svg(fill: DistributionBar.cantSayColour),
                                    label: strings.text("results_cant_say"))]
    }

    /// A distribution bar of an area's answers, for the table cell; the export gets the shares.
    func distributionCell(_ tally: AnswerTally, id: String, label: String) -> ResultCell {
        guard tally.answered + tally.cantSay > 0 else { return .empty }
        let shares = tally.shares()
        let points = Array(results.scale.points)
        let description = zip(points, shares).map { "\($0): \(strings.percent($1))" }.joined(separator: ", ")
            + ", \(strings.text("results_cant_say")): \(strings.percent(tally.cantSayShare))"
        let bar = DistributionBar(shares: shares, cantSay: tally.cantSayShare, pointNames: pointNames,
                                  cantSayName: strings.text("results_cant_say"))
        return ResultCell(text: description, export: .text(description),
                          svg: bar.svg(id: id, title: label, description: description))
    }
}

/// One colour of the distribution bars and what it stands for.
struct DistributionKeyEntry {
    let swatch: String
    let label: String
}
