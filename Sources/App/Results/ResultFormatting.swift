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

    func meanCell(_ mean: Double?) -> ResultCell {
        guard let mean else { return .empty }
        return ResultCell(text: strings.decimal(mean), export: .number(mean, digits: 2),
                          heat: HeatScale.cssClass(for: mean, scaleMin: scaleMin, scaleMax: scaleMax))
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

    /// Columns for `groupRow`, with sort links when `sortBase` is given.
    func groupColumns(first: String, areas: [Int], sortBase: String?, sortedBy: String?) -> [ResultColumn] {
        [ResultColumn(first, numeric: false), ResultColumn(strings.text("results_respondents")),
         ResultColumn(strings.text("results_response_rate"))]
            + areas.map { index in
                let code = results.content.areas[index].area.code
                return ResultColumn(areaName(index), sortLink: sortBase.map { "\($0)sort=\(code)" },
                                    sorted: sortedBy == code)
            }
    }

    /// A distribution bar of an area's answers, for the table cell; the export gets the shares.
    func distributionCell(_ tally: AnswerTally, id: String, label: String) -> ResultCell {
        guard tally.answered + tally.cantSay > 0 else { return .empty }
        let shares = tally.shares()
        let points = Array(results.scale.points)
        let description = zip(points, shares).map { "\($0): \(strings.percent($1))" }.joined(separator: ", ")
            + ", \(strings.text("results_cant_say")): \(strings.percent(tally.cantSayShare))"
        let bar = DistributionBar(shares: shares, cantSay: tally.cantSayShare)
        return ResultCell(text: description, export: .text(description),
                          svg: bar.svg(id: id, title: label, description: description))
    }
}
