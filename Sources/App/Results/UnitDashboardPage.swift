import Foundation
import HTTPServer
import Metrics
import Storage

struct WeakStatementView {
    let statement: String
    let area: String
    let mean: String
}

struct OpenAnswerGroupView {
    let question: String
    let answers: [String]
}

struct UnitDashboardView {
    let crumbs: [Crumb]
    let heading: String
    let roundTitle: String
    let roundMeta: String
    let summary: DashboardSummary
    let weakest: [WeakStatementView]
    let hasWeakest: Bool
    let openAnswers: [OpenAnswerGroupView]
    let hasOpenAnswers: Bool
    let openAnswersNote: String
    let subUnits: ResultTable
    let jobGroups: ResultTable
    let statements: ResultTable
}

/// The figures at the top of every dashboard, for the organisation or one unit: respondents and
/// response rate, the radar, the areas and the factors, and the export links.
struct DashboardSummary {
    let shown: Bool
    let suppressedText: String
    let respondents: String
    let responseRate: String
    let radar: String
    let areaTable: ResultTable
    let factorTable: ResultTable
    let exportComma: String
    let exportSemicolon: String
}

extension WebApp {
    /// A unit's results (with its sub-units): supervisors for their units, HR for any unit of theirs.
    func showUnitDashboard(_ request: Request, _ context: RequestContext) throws -> Response {
        try closeOverdueRounds()
        guard let found = try rounds.roundWithHistory(id: try context.roundID) else { throw AppError.notFound }
        let round = found.round
        let unit = try visibleUnit(of: round, context)
        guard round.status == .closed else { return try renderProgress(round, unit: unit, context) }
        let key = resultsKey(of: round, among: found.all, context, "unit:\(unit.id)")
        return try context.renderCached("results/unit", title: "\(unit.name) – \(round.title)", key: key) {
            try unitDashboard(round, unit, context)
        }
    }

    func exportUnitDashboard(_ request: Request, _ context: RequestContext) throws -> Response {
        try closeOverdueRounds()
        let (round, unit) = try dashboardUnit(context)
        guard round.status == .closed else { return try exportProgress(round, unit: unit, request, context) }
        let view = try unitDashboard(round, unit, context)
        return csvResponse(title: "\(round.title) – \(unit.name)",
                           tables: [view.summary.areaTable, view.summary.factorTable, view.statements, view.subUnits, view.jobGroups],
                           request, filename: "tulokset-\(round.id)-yksikko-\(unit.id).csv")
    }

    /// The round and unit of a unit dashboard, or 404 when the reader may not see them.
    private func dashboardUnit(_ context: RequestContext) throws -> (Stored<SurveyRound>, Stored<WorkUnit>) {
        guard let round = try rounds.round(id: try context.roundID) else { throw AppError.notFound }
        return (round, try visibleUnit(of: round, context))
    }

    /// The `:unitID` unit of a round that has opened, or 404 when the reader may not see it.
    private func visibleUnit(of round: Stored<SurveyRound>, _ context: RequestContext) throws -> Stored<WorkUnit> {
        guard round.status != .draft, let unit = try units.unit(id: try context.unitID),
              unit.organisationID == round.organisationID, context.access.canViewUnit(unit) else {
            throw AppError.notFound
        }
        return unit
    }

    private func unitDashboard(_ round: Stored<SurveyRound>, _ unit: Stored<WorkUnit>, _ context: RequestContext)
        throws -> UnitDashboardView {
        let earlier = try rounds.rounds(organisationID: round.organisationID)
        prefetchResults([round] + earlier.filter { $0.status == .closed && $0.opensOn <= round.opensOn }.prefix(2))
        let results = try roundResults(round)
        let format = ResultFormatting(results: results, strings: context.strings, language: context.language.rawValue)
        let strings = context.strings
        let unitID = unit.id
        let group = ResultGroup.unit(unitID)
        let previous = try previousResults(of: round)
        let totals = results.totals(group)
        let base = Paths.unitResults(round.id, unitID)
        return UnitDashboardView(
            crumbs: dashboardCrumbs(round, context, then: [(base, unit.name)]),
            heading: unit.name, roundTitle: round.title, roundMeta: roundMeta(round, strings),
            summary: dashboardSummary(results, group: group, previous: previous, format: format, radarID: "unit-radar",
                                      export: Paths.unitResultsExport(round.id, unitID)),
            weakest: weakestStatements(results, group: group, format: format),
            hasWeakest: totals != nil,
            openAnswers: openAnswerGroups(results, group: group, language: context.language.rawValue),
            hasOpenAnswers: results.openAnswers(for: group).map { !$0.isEmpty } ?? false,
            openAnswersNote: strings.format("results_open_answers_threshold",
                                            ["threshold": String(round.openAnswerThreshold)]),
            subUnits: subUnitTable(results, unitID: unitID, round: round, format: format),
            jobGroups: jobGroupTable(results, within: group, format: format),
            statements: statementTable(results, group: group, format: format))
    }

    /// The summary of a group's results (see `DashboardSummary`); `export` is the dashboard's CSV.
    func dashboardSummary(_ results: RoundResults, group: ResultGroup, previous: RoundResults?,
                          format: ResultFormatting, radarID: String, export: String) -> DashboardSummary {
        let strings = format.strings
        let totals = results.totals(group)
        return DashboardSummary(
            shown: totals != nil, suppressedText: format.suppressedText,
            respondents: totals.map { strings.number($0.respondents) } ?? "",
            responseRate: results.responseRate(group).map { strings.percent($0) } ?? "–",
            radar: totals == nil ? "" : radar(results, group: group, format: format, id: radarID),
            areaTable: areaTable(results, group: group, indices: areaIndices(results, kind: .competence),
                                 previous: previous, format: format, id: "areas",
                                 caption: strings.text("results_areas_caption")),
            factorTable: areaTable(results, group: group, indices: areaIndices(results, kind: .factor),
                                   previous: previous, format: format, id: "factors",
                                   caption: strings.text("results_factors_caption")),
            exportComma: export, exportSemicolon: Paths.semicolons(export))
    }

    func areaIndices(_ results: RoundResults, kind: AreaKind) -> [Int] {
        results.content.areas.indices.filter { results.content.areas[$0].area.kind == kind }
    }

    /// Areas of one kind for one group: mean, interval, distribution, weak and strong shares, target,
    /// gap and change since the previous round.
    func areaTable(_ results: RoundResults, group: ResultGroup, indices: [Int], previous: RoundResults?,
                   format: ResultFormatting, id: String, caption: String) -> ResultTable {
        let strings = format.strings
        let columns = ["results_mean", "results_sd", "results_interval", "results_distribution", "results_weak",
                       "results_strong",
                       "results_target", "results_gap", "results_change"].map { ResultColumn(strings.text($0)) }
        guard let totals = results.totals(group) else {
            return ResultTable(id: id, caption: caption, columns: [ResultColumn(strings.text("profile_area"), numeric: false)]
                               + columns, rows: [])
        }
        let previousMeans = previous?.areaMeansByCode(group) ?? [:]
        let rows = indices.map { index -> ResultRow in
            let area = results.content.areas[index].area
            let summary = totals.areaScores[index].summary()
            let target = results.target(areaIndex: index, for: group)
            let interval = summary?.confidenceInterval.map {
                "\(strings.decimal($0.lower))–\(strings.decimal($0.upper))"
            }
            let change = summary.flatMap { current in previousMeans[area.code].map { current.mean - $0 } }
            return ResultRow(label: format.areaName(index), cells: [
                format.meanCell(summary?.mean),
                format.numberCell(summary?.standardDeviation, digits: 2),
                interval.map { ResultCell(text: $0) } ?? .empty,
                format.distributionCell(totals.areaAnswers[index], id: "\(id)-dist-\(index)", label: format.areaName(index)),
                format.percentCell(summary?.shareWeak), format.percentCell(summary?.shareStrong),
                format.numberCell(target),
                format.numberCell(summary.flatMap { s in target.map { Comparison.gap(mean: s.mean, target: $0) } },
                                  signed: true),
                format.numberCell(change, signed: true),
            ])
        }
        return ResultTable(id: id, caption: caption,
                           columns: [ResultColumn(strings.text("profile_area"), numeric: false)] + columns, rows: rows)
    }

    /// The radar of a group's competence areas against the organisation and the targets.
    func radar(_ results: RoundResults, group: ResultGroup, format: ResultFormatting, id: String) -> String {
        let indices = areaIndices(results, kind: .competence)
        let strings = format.strings
        var series = [RadarSeries(name: strings.text("results_this_group"),
                                  values: indices.map { results.totals(group)?.areaScores[$0].mean },
                                  style: .primary)]
        if group != .organisation {
            series.append(RadarSeries(name: strings.text("profile_organisation"),
                                      values: indices.map { results.totals(.organisation)?.areaScores[$0].mean },
                                      style: .comparison))
        }
        series.append(RadarSeries(name: strings.text("profile_target"),
                                  values: indices.map { results.target(areaIndex: $0, for: group) }, style: .target))
        return RadarChart(axes: indices.map(format.areaName), series: series, scaleMin: format.scaleMin,
                          scaleMax: format.scaleMax)
            .svg(id: id, title: strings.text("results_radar_title"), description: strings.text("results_radar_description"))
    }

    private func weakestStatements(_ results: RoundResults, group: ResultGroup,
                                   format: ResultFormatting) -> [WeakStatementView] {
        guard let totals = results.totals(group) else { return [] }
        var items: [(id: Int, mean: Double)] = []
        for (position, accumulator) in totals.statements.enumerated() {
            if let mean = accumulator.mean { items.append((position, mean)) }
        }
        let statements = results.content.statementsInOrder
        let areaOf = results.content.areaIndexOfStatements
        return Comparison.weakest(items, count: 5).map { item in
            WeakStatementView(statement: statements[item.id].text.text(format.language),
                              area: format.areaName(areaOf[item.id]), mean: format.strings.decimal(item.mean))
        }
    }

    /// Every statement's mean for a shown group, in the framework's order.
    func statementTable(_ results: RoundResults, group: ResultGroup, format: ResultFormatting) -> ResultTable {
        let strings = format.strings
        let columns = [ResultColumn(strings.text("results_statement"), numeric: false),
                       ResultColumn(strings.text("profile_area"), numeric: false), ResultColumn(strings.text("results_mean")),
                       ResultColumn(strings.text("results_answers"))]
        guard let totals = results.totals(group) else {
            return ResultTable(id: "statements", caption: strings.text("results_statements_caption"), columns: columns,
                               rows: [])
        }
        var rows: [ResultRow] = []
        var position = 0
        for (index, area) in results.content.areas.enumerated() {
            for statement in area.statements {
                let accumulator = totals.statements[position]
                rows.append(ResultRow(label: statement.text.text(format.language), cells: [
                    ResultCell(text: format.areaName(index)), format.meanCell(accumulator.mean),
                    format.countCell(accumulator.count),
                ]))
                position += 1
            }
        }
        return ResultTable(id: "statements", caption: strings.text("results_statements_caption"), columns: columns,
                           rows: rows)
    }

    func openAnswerGroups(_ results: RoundResults, group: ResultGroup, language: String) -> [OpenAnswerGroupView] {
        guard let answers = results.openAnswers(for: group) else { return [] }
        let questions = (try? rounds.openQuestions(roundID: results.round.id)) ?? []
        return questions.compactMap { question in
            let texts = answers.filter { $0.questionID == question.id }.map(\.text)
            return texts.isEmpty ? nil : OpenAnswerGroupView(question: question.text.text(language), answers: texts)
        }
    }

    private func subUnitTable(_ results: RoundResults, unitID: Int64, round: Stored<SurveyRound>,
                              format: ResultFormatting) -> ResultTable {
        let indices = Array(results.content.areas.indices)
        let children = results.hierarchy.children[unitID] ?? []
        let rows = children.compactMap { child -> ResultRow? in
            guard let unit = results.hierarchy.units[child] else { return nil }
            return format.groupRow(unit.name, link: Paths.unitResults(round.id, child),
                                   group: .unit(child), areas: indices)
        }
        return ResultTable(id: "sub-units", caption: format.strings.text("results_sub_units_caption"),
                           columns: format.groupColumns(first: format.strings.text("results_unit"), areas: indices,
                                                        sortBase: nil, sortedBy: nil), rows: rows)
    }

    func jobGroupTable(_ results: RoundResults, within group: ResultGroup, format: ResultFormatting) -> ResultTable {
        let indices = Array(results.content.areas.indices)
        let rows = results.jobGroups(within: group).map { name -> ResultRow in
            let label = name.isEmpty ? format.strings.text("results_job_group_unknown") : name
            let member: ResultGroup
            if case .unit(let unitID) = group { member = .unitJobGroup(unitID, name) } else { member = .jobGroup(name) }
            return format.groupRow(label, link: nil, group: member, areas: indices)
        }
        return ResultTable(id: "job-groups", caption: format.strings.text("results_job_groups_caption"),
                           columns: format.groupColumns(first: format.strings.text("results_job_group"), areas: indices,
                                                        sortBase: nil, sortedBy: nil), rows: rows)
    }
}
