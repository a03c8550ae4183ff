import Foundation
import Metrics
import Storage

/// One area of a respondent's own profile, with what to compare it with.
struct ProfileRowView {
    let area: String
    let own: String
    let target: String
    let unit: String
    let organisation: String
    /// The score as shown is below the target as shown: marked with a symbol, not only a colour.
    let belowTarget: Bool
}

/// A respondent's own results: a radar against targets and the organisation, and the same numbers
/// as a table.
struct OwnProfileView {
    let chart: String
    let rows: [ProfileRowView]
    let factorRows: [ProfileRowView]
    let hasFactors: Bool
    let hasUnit: Bool
    let columnCount: Int
    let caption: String
    /// Whose scores: "You" for the respondent, the person's name for a supervisor or HR.
    let ownLabel: String
    /// Some score is below its target, so the table has a key for the symbol that says so.
    let hasBelowTarget: Bool
    let belowTargetSymbol = CellFlag.belowTargetSymbol
}

extension WebApp {
    /// Builds the profile of `scores` (area id → score) for a round, compared with the round's
    /// shown results for the organisation and, when given, the respondent's unit. `ownerName` labels
    /// the person's own series when someone else (their supervisor, HR) is looking; nil means "You".
    func ownProfile(scores: [Int64: Double], round: Stored<SurveyRound>, content: FrameworkContent, unitID: Int64?,
                    chartID: String, ownerName: String? = nil, _ context: RequestContext) throws -> OwnProfileView {
        let strings = context.strings
        let ownLabel = ownerName ?? strings.text("profile_you")
        let language = context.language.rawValue
        // Results exist only for a closed round: while it is open its figures would move with each
        // response, and the comparison would let the respondent difference them.
        let results = round.status == .closed ? try roundResults(round) : nil
        let unitGroup = unitID.map(ResultGroup.unit)
        // The organisation's latest published results: this round's, or the previous closed round's
        // while this one is open or too small to show (compared by area code, as versions may differ).
        let organisationMeans = results?.totals(.organisation)
        let previousMeans = organisationMeans == nil
            ? try previousResults(of: round)?.areaMeansByCode(.organisation) ?? [:] : [:]
        let unitMeans = unitGroup.flatMap { results?.totals($0) }
        let sectorID = try unitID.flatMap { try units.unit(id: $0)?.sectorID }
        func format(_ value: Double?) -> String { value.map { strings.decimal($0) } ?? "–" }
        var competence: [ProfileRowView] = []
        var factors: [ProfileRowView] = []
        var axes: [String] = []
        var own: [Double?] = [], targets: [Double?] = [], organisation: [Double?] = []
        for (index, area) in content.areas.enumerated() {
            let score = scores[area.area.id]
            let target = RoundResults.target(content, areaIndex: index, sectorID: sectorID, jobGroup: nil)
            let organisationMean = organisationMeans?.areaScores[index].mean ?? previousMeans[area.area.code]
            let row = ProfileRowView(
                area: area.area.name.text(language), own: format(score), target: format(target),
                unit: format(unitMeans?.areaScores[index].mean), organisation: format(organisationMean),
                belowTarget: score.map { value in target.map { Self.isBelow(value, target: $0) } ?? false } ?? false)
            if area.area.kind == .competence {
                competence.append(row)
                axes.append(row.area)
                own.append(score)
                targets.append(target)
                organisation.append(organisationMean)
            } else {
                factors.append(row)
            }
        }
        let chart = RadarChart(axes: axes, series: [
            RadarSeries(name: ownLabel, values: own, style: .primary),
            RadarSeries(name: strings.text("profile_organisation"), values: organisation, style: .comparison),
            RadarSeries(name: strings.text("profile_target"), values: targets, style: .target),
        ], scaleMin: Double(content.framework.scaleMin), scaleMax: Double(content.framework.scaleMax))
        return OwnProfileView(
            chart: chart.svg(id: chartID, title: strings.text("profile_chart_title"),
                             description: strings.text("profile_chart_description")),
            rows: competence, factorRows: factors, hasFactors: !factors.isEmpty, hasUnit: unitID != nil,
            columnCount: unitID == nil ? 4 : 5,
            caption: strings.format("profile_caption", ["round": round.title]), ownLabel: ownLabel,
            hasBelowTarget: (competence + factors).contains(where: \.belowTarget))
    }

    /// Whether a score is below its target as both are shown (one decimal): 2,96 against a target
    /// of 3 reads "3,0" and is not called below it.
    static func isBelow(_ score: Double, target: Double) -> Bool {
        ResultFormatting.shown(score) < ResultFormatting.shown(target)
    }
}
