import Foundation
import HTTPServer
import Metrics
import Storage

struct ReliabilityView {
    let area: String
    let alpha: String
    let weak: Bool
}

struct OrganisationDashboardView {
    let crumbs: [Crumb]
    let roundTitle: String
    let roundMeta: String
    let summary: DashboardSummary
    let sectors: ResultTable
    let units: ResultTable
    let pagination: PaginationView
    let showPagination: Bool
    let jobGroups: ResultTable
    let trend: String
    let trendTable: ResultTable
    let hasTrend: Bool
    let reliability: [ReliabilityView]
    let hasReliability: Bool
    let openAnswers: [OpenAnswerGroupView]
    let hasOpenAnswers: Bool
}

extension WebApp {
    /// The organisation's results for HR: sectors, units and job groups against the areas, trends
    /// across rounds and the instrument's reliability.
    func showOrganisationDashboard(_ request: Request, _ context: RequestContext) throws -> Response {
        try closeOverdueRounds()
        guard let found = try rounds.roundWithHistory(id: try context.roundID), found.round.status != .draft,
              context.access.canManageOrganisation(found.round.organisationID) else { throw AppError.notFound }
        let round = found.round
        guard round.status == .closed else { return try renderProgress(round, unit: nil, context) }
        let options = DashboardOptions(request)
        let key = resultsKey(of: round, among: found.all, context, "options:" + options.query)
        return try context.renderCached("results/organisation",
                                        title: "\(context.strings.text("results_title")) – \(round.title)", key: key) {
            try organisationDashboard(round, options: options, paged: true, context)
        }
    }

    func exportOrganisationDashboard(_ request: Request, _ context: RequestContext) throws -> Response {
        try closeOverdueRounds()
        let round = try administeredRound(context)
        guard round.status == .closed else { return try exportProgress(round, unit: nil, request, context) }
        // Every column and every unit, in the order the page was sorted.
        let view = try organisationDashboard(round, options: DashboardOptions(request).showingAllColumns(true),
                                             paged: false, context)
        return csvResponse(title: round.title, tables: [view.summary.areaTable, view.summary.factorTable, view.sectors, view.units,
                                                         view.jobGroups, view.trendTable],
                           context, filename: "tulokset-\(round.id).csv", audited: false)
    }

    /// A round that has opened, of an organisation the reader administers; 404 otherwise.
    func administeredRound(_ context: RequestContext) throws -> Stored<SurveyRound> {
        guard let round = try rounds.round(id: try context.roundID), round.status != .draft,
              context.access.canManageOrganisation(round.organisationID) else { throw AppError.notFound }
        return round
    }

    /// The dashboard's model; `paged` false means every unit (for the export), otherwise one page of 50.
    private func organisationDashboard(_ round: Stored<SurveyRound>, options: DashboardOptions, paged: Bool,
                                       _ context: RequestContext) throws -> OrganisationDashboardView {
        let all = try rounds.rounds(organisationID: round.organisationID)
        prefetchResults([round] + trendRounds(round, among: all))
        let results = try roundResults(round)
        let strings = context.strings
        let format = ResultFormatting(results: results, strings: strings, language: context.language.rawValue)
        let base = Paths.roundResults(round.id)
        let previous = try previousResults(of: round, among: all)
        let unitCount = results.hierarchy.roots.filter { results.invitedOrAnswered(.unit($0)) }.count
        let paging = paged ? Paging(requested: String(options.page), total: unitCount) : nil
        let (trend, trendTable) = try trendChart(round, among: all, results: results, format: format)
        let groups = GroupTableLayout(results: results, options: options, base: base, format: format)
        let reliability = results.content.areas.indices.compactMap { index -> ReliabilityView? in
            guard let alpha = results.reliability[index] else { return nil }
            return ReliabilityView(area: format.areaName(index), alpha: strings.decimal(alpha, digits: 2),
                                   weak: alpha < Reliability.acceptableAlpha)
        }
        return OrganisationDashboardView(
            crumbs: dashboardCrumbs(round, context, then: []), roundTitle: round.title,
            roundMeta: roundMeta(round, strings),
            summary: dashboardSummary(results, group: .organisation, previous: previous, format: format,
                                      radarID: "organisation-radar", export: Paths.roundResultsExport(round.id),
                                      options: options, base: base, explainsReliability: true),
            sectors: try sectorTable(results, round: round, layout: groups, format: format),
            units: unitTable(results, round: round, layout: groups, paging: paging, format: format, base: base),
            pagination: (paging ?? Paging(requested: nil, total: 0)).view(strings: strings) { number in
                options.onPage(number).link(base, fragment: "units-heading")
            },
            showPagination: (paging?.pageCount ?? 1) > 1,
            jobGroups: jobGroupTable(results, within: .organisation, layout: groups, format: format),
            trend: trend, trendTable: trendTable, hasTrend: trendTable.rows.count > 0 && trendTable.columns.count > 2,
            reliability: reliability, hasReliability: !reliability.isEmpty,
            openAnswers: openAnswerGroups(results, group: .organisation, language: context.language.rawValue),
            hasOpenAnswers: results.openAnswers(for: .organisation).map { !$0.isEmpty } ?? false)
    }

    private func sectorTable(_ results: RoundResults, round: Stored<SurveyRound>, layout: GroupTableLayout,
                             format: ResultFormatting) throws -> ResultTable {
        let sectorRows = try sectors.sectors(organisationID: round.organisationID).map { sector in
            (format.groupRow(sector.name, link: nil, group: .sector(sector.id), areas: layout.areas), ResultGroup.sector(sector.id))
        }
        let total = format.groupRow(format.strings.text("results_whole_organisation"), link: nil, group: .organisation,
                                    areas: layout.areas, isTotal: true)
        return layout.table(id: "sectors", caption: format.strings.text("results_sectors_caption"),
                            first: format.strings.text("results_sector"),
                            rows: [total] + layout.sorted(sectorRows), fragment: "sectors-heading")
    }

    /// Top-level units against the areas, one page of them (all for the export); each links to its own
    /// dashboard for the units below it.
    private func unitTable(_ results: RoundResults, round: Stored<SurveyRound>, layout: GroupTableLayout, paging: Paging?,
                           format: ResultFormatting, base: String) -> ResultTable {
        let rows = results.hierarchy.roots.compactMap { id -> (ResultRow, ResultGroup)? in
            guard let unit = results.hierarchy.units[id], results.invitedOrAnswered(.unit(id)) else { return nil }
            return (format.groupRow(unit.name, link: Paths.unitResults(round.id, id), group: .unit(id), areas: layout.areas),
                    .unit(id))
        }
        return layout.table(id: "units", caption: format.strings.text("results_units_caption"),
                            first: format.strings.text("results_unit"),
                            rows: Array(layout.sorted(rows).dropFirst(paging?.offset ?? 0)
                                .prefix(paging == nil ? Int.max : Paging.pageSize)),
                            fragment: "units-heading")
    }

    /// The closed rounds up to `round` that the trend shows, oldest first (at most eight).
    private func trendRounds(_ round: Stored<SurveyRound>, among all: [Stored<SurveyRound>]) -> [Stored<SurveyRound>] {
        Array(all.filter { $0.status == .closed && $0.opensOn <= round.opensOn }.reversed().suffix(8))
    }

    /// Organisation means per competence area across the organisation's rounds, oldest first, matched
    /// by area code so rounds on different framework versions line up.
    private func trendChart(_ round: Stored<SurveyRound>, among all: [Stored<SurveyRound>], results: RoundResults,
                            format: ResultFormatting) throws -> (String, ResultTable) {
        let history = trendRounds(round, among: all)
        let series = try history.map { try roundResults($0).areaMeansByCode(.organisation) }
        let indices = areaIndices(results, kind: .competence)
        let trend = TrendChart(rounds: history.map(\.title), series: indices.enumerated().map { offset, index in
            let code = results.content.areas[index].area.code
            return TrendSeries(name: format.areaName(index), values: series.map { $0[code] },
                               style: SeriesStyle.sequence(offset))
        }, scaleMin: format.scaleMin, scaleMax: format.scaleMax)
        let table = ResultTable(id: "trend", caption: format.strings.text("results_trend_caption"),
                                columns: [ResultColumn(format.strings.text("profile_area"), numeric: false)]
                                    + history.map { ResultColumn($0.title) },
                                rows: indices.map { index in
                                    let code = results.content.areas[index].area.code
                                    return ResultRow(label: format.areaName(index),
                                                     cells: series.map { format.meanCell($0[code]) })
                                },
                                key: format.tableKey())
        return (trend.svg(id: "trend", title: format.strings.text("results_trend_title"),
                          description: format.strings.text("results_trend_description")), table)
    }
}

extension RoundResults {
    /// Whether anyone of a unit (with its sub-units) was invited: empty units are left out of tables.
    /// Being in the population is not a figure, so hidden units are listed too, as hidden.
    func invitedOrAnswered(_ group: ResultGroup) -> Bool {
        guard case .unit(let id) = group else { return shown[group] != nil }
        return populatedUnits.contains(id)
    }
}
