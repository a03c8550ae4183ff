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

/// A word of the dashboards and what it means, for the explanations under "What do the figures mean?".
struct ExplanationView {
    let term: String
    let text: String
}

/// The figures at the top of every dashboard, for the organisation or one unit: respondents and
/// response rate, the radar, the areas and the factors, and the export links. Each area table comes
/// twice: what matters first (mean, target, gap, change), and every figure (the export's table).
struct DashboardSummary {
    let shown: Bool
    let suppressedText: String
    let respondents: String
    let responseRate: String
    let radar: String
    let areaMain: ResultTable
    let areaTable: ResultTable
    let factorMain: ResultTable
    let factorTable: ResultTable
    let distributionKey: [DistributionKeyEntry]
    let explanations: [ExplanationView]
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
        let options = DashboardOptions(request)
        let key = resultsKey(of: round, among: found.all, context, "unit:\(unit.id)|options:" + options.query)
        return try context.renderCached("results/unit", title: "\(unit.name) – \(round.title)", key: key) {
            try unitDashboard(round, unit, options: options, context)
        }
    }

    func exportUnitDashboard(_ request: Request, _ context: RequestContext) throws -> Response {
        try closeOverdueRounds()
        let (round, unit) = try dashboardUnit(context)
        guard round.status == .closed else { return try exportProgress(round, unit: unit, request, context) }
        let view = try unitDashboard(round, unit, options: DashboardOptions(request).showingAllColumns(true), context)
        return csvResponse(title: "\(round.title) – \(unit.name)",
                           tables: [view.summary.areaTable, view.summary.factorTable, view.statements, view.subUnits, view.jobGroups],
                           context, filename: "tulokset-\(round.id)-yksikko-\(unit.id).csv", audited: false)
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

    private func unitDashboard(_ round: Stored<SurveyRound>, _ unit: Stored<WorkUnit>, options: DashboardOptions,
                               _ context: RequestContext) throws -> UnitDashboardView {
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
        let groups = GroupTableLayout(results: results, options: options, base: base, format: format)
        return UnitDashboardView(
            crumbs: dashboardCrumbs(round, context, then: [(base, unit.name)]),
            heading: unit.name, roundTitle: round.title, roundMeta: roundMeta(round, strings),
            summary: dashboardSummary(results, group: group, previous: previous, format: format, radarID: "unit-radar",
                                      export: Paths.unitResultsExport(round.id, unitID), options: options, base: base,
                                      explainsReliability: false),
            weakest: weakestStatements(results, group: group, format: format),
            hasWeakest: totals != nil,
            openAnswers: openAnswerGroups(results, group: group, language: context.language.rawValue),
            hasOpenAnswers: results.openAnswers(for: group).map { !$0.isEmpty } ?? false,
            openAnswersNote: strings.format("results_open_answers_threshold",
                                            ["threshold": String(round.openAnswerThreshold)]),
            subUnits: subUnitTable(results, unitID: unitID, round: round, layout: groups, format: format),
            jobGroups: jobGroupTable(results, within: group, layout: groups, format: format),
            statements: statementTable(results, group: group, format: format))
    }

    /// The summary of a group's results (see `DashboardSummary`); `export` is the dashboard's CSV,
    /// `base` its page, which the area tables' sort links lead back to.
    func dashboardSummary(_ results: RoundResults, group: ResultGroup, previous: RoundResults?,
                          format: ResultFormatting, radarID: String, export: String, options: DashboardOptions,
                          base: String, explainsReliability: Bool) -> DashboardSummary {
        let strings = format.strings
        let totals = results.totals(group)
        let areas = areaTable(results, group: group, indices: areaIndices(results, kind: .competence),
                              previous: previous, format: format, id: "areas-all",
                              caption: strings.text("results_areas_caption"), options: options, base: base,
                              fragment: "areas-heading")
        let factors = areaTable(results, group: group, indices: areaIndices(results, kind: .factor),
                                previous: previous, format: format, id: "factors-all",
                                caption: strings.text("results_factors_caption"), options: options, base: base,
                                fragment: "factors-heading")
        return DashboardSummary(
            shown: totals != nil, suppressedText: format.suppressedText,
            respondents: totals.map { strings.number($0.respondents) } ?? "",
            responseRate: results.responseRate(group).map { strings.percent($0) } ?? "–",
            radar: totals == nil ? "" : radar(results, group: group, format: format, id: radarID),
            areaMain: mainColumns(of: areas, id: "areas", format: format, orderLinks: areaOrderLinks(options, base: base,
                                                                                                  format: format)),
            areaTable: areas,
            factorMain: mainColumns(of: factors, id: "factors", format: format, orderLinks: []),
            factorTable: factors,
            distributionKey: format.distributionKey(),
            explanations: explanations(format, reliability: explainsReliability),
            exportComma: export, exportSemicolon: Paths.semicolons(export))
    }

    /// What matters first of an area table: the area, its mean, the target, the gap to it and the
    /// change since the last round (columns 1, 7, 8 and 9 of `areaTable`), with the key of the
    /// shading and of the below-target symbol.
    private func mainColumns(of table: ResultTable, id: String, format: ResultFormatting,
                             orderLinks: [TableLink]) -> ResultTable {
        let flagged = table.rows.contains { row in row.cells.contains { $0.flag != nil } }
        return table.selecting(columns: [0, 1, 7, 8, 9], id: id, links: orderLinks,
                               linksLabel: orderLinks.isEmpty ? nil : format.strings.text("results_order_label"),
                               key: format.tableKey(flags: flagged ? [format.belowTargetFlag] : []))
    }

    /// The area tables' orders to choose from: the framework's, and weakest first.
    private func areaOrderLinks(_ options: DashboardOptions, base: String, format: ResultFormatting) -> [TableLink] {
        let weakestFirst = options.areaSort == .mean && options.areaDirection == .ascending
        return [
            TableLink(label: format.strings.text("results_order_framework"),
                      href: options.sortingAreas(by: nil, .ascending).link(base, fragment: "areas-heading"),
                      current: options.areaSort == nil),
            TableLink(label: format.strings.text("results_order_weakest_first"),
                      href: options.sortingAreas(by: .mean, .ascending).link(base, fragment: "areas-heading"),
                      current: weakestFirst),
        ]
    }

    /// The statistics of the dashboards in plain words, for someone who has never met them.
    private func explanations(_ format: ResultFormatting, reliability: Bool) -> [ExplanationView] {
        let strings = format.strings
        let scale = ["minimum": String(format.results.scale.minimum), "maximum": String(format.results.scale.maximum),
                     "weak": String(format.results.scale.minimum + 1), "strong": String(format.results.scale.maximum - 1),
                     "groupSize": String(format.results.rule.minimumGroupSize), "symbol": format.belowTargetFlag.symbol]
        let terms: [(String, String)] = [
            ("results_respondents", "results_explain_respondents"), ("results_response_rate", "results_explain_response_rate"),
            ("results_mean", "results_explain_mean"), ("results_target", "results_explain_target"),
            ("results_gap", "results_explain_gap"), ("results_change", "results_explain_change"),
            ("results_sd", "results_explain_sd"), ("results_interval", "results_explain_interval"),
            ("results_distribution", "results_explain_distribution"), ("results_weak_strong", "results_explain_weak_strong"),
            ("results_heat_key", "results_explain_shading"),
        ] + (reliability ? [("results_alpha_term", "results_explain_alpha")] : [])
        return terms.map { ExplanationView(term: strings.text($0.0), text: strings.format($0.1, scale)) }
    }

    func areaIndices(_ results: RoundResults, kind: AreaKind) -> [Int] {
        results.content.areas.indices.filter { results.content.areas[$0].area.kind == kind }
    }

    /// Areas of one kind for one group: mean, interval, distribution, weak and strong shares, target,
    /// gap and change since the previous round; sorted as `options` ask, areas without the figure
    /// last. The headings of mean, gap and change sort the table (links back to `fragment`).
    func areaTable(_ results: RoundResults, group: ResultGroup, indices: [Int], previous: RoundResults?,
                   format: ResultFormatting, id: String, caption: String, options: DashboardOptions, base: String,
                   fragment: String) -> ResultTable {
        let strings = format.strings
        let sorting = ColumnSorting(key: options.areaSort?.rawValue, direction: options.areaDirection) { key, direction in
            options.sortingAreas(by: AreaSortColumn(rawValue: key), direction).link(base, fragment: fragment)
        }
        let sortable: [String: AreaSortColumn] = ["results_mean": .mean, "results_gap": .gap, "results_change": .change]
        let columns = ["results_mean", "results_sd", "results_interval", "results_distribution", "results_weak",
                       "results_strong", "results_target", "results_gap", "results_change"].map { key in
            sortable[key].map { format.sortableColumn(strings.text(key), key: $0.rawValue, sorting: sorting) }
                ?? ResultColumn(strings.text(key))
        }
        let areaColumn = ResultColumn(strings.text("profile_area"), numeric: false)
        guard let totals = results.totals(group) else {
            return ResultTable(id: id, caption: caption, columns: [areaColumn] + columns, rows: [], sortHint: false)
        }
        let previousMeans = previous?.areaMeansByCode(group) ?? [:]
        let rows = indices.map { index -> (row: ResultRow, figures: [AreaSortColumn: Double]) in
            let area = results.content.areas[index].area
            let summary = totals.areaScores[index].summary()
            let target = results.target(areaIndex: index, for: group)
            let interval = summary?.confidenceInterval.map {
                "\(strings.decimal($0.lower))–\(strings.decimal($0.upper))"
            }
            let change = summary.flatMap { current in previousMeans[area.code].map { current.mean - $0 } }
            let gap = summary.flatMap { s in target.map { Comparison.gap(mean: s.mean, target: $0) } }
            let row = ResultRow(label: format.areaName(index), cells: [
                format.meanCell(summary?.mean),
                format.numberCell(summary?.standardDeviation, digits: 2),
                interval.map { ResultCell(text: $0) } ?? .empty,
                format.distributionCell(totals.areaAnswers[index], id: "\(id)-dist-\(index)", label: format.areaName(index)),
                format.percentCell(summary?.shareWeak), format.percentCell(summary?.shareStrong),
                format.numberCell(target),
                format.gapCell(gap),
                format.numberCell(change, signed: true),
            ])
            var figures: [AreaSortColumn: Double] = [:]
            figures[.mean] = summary?.mean
            figures[.gap] = gap
            figures[.change] = change
            return (row, figures)
        }
        // The hint on sorting stands above the table of the main columns (`mainColumns`), not again here.
        return ResultTable(id: id, caption: caption, columns: [areaColumn] + columns,
                           rows: Self.sortedAreaRows(rows, by: options.areaSort, options.areaDirection), sortHint: false)
    }

    /// Area rows in the framework's order, or sorted by a figure either way with the areas that lack
    /// it (no target, no earlier round) last in the framework's order.
    static func sortedAreaRows(_ rows: [(row: ResultRow, figures: [AreaSortColumn: Double])], by column: AreaSortColumn?,
                               _ direction: SortDirection) -> [ResultRow] {
        guard let column else { return rows.map(\.row) }
        let ascending = direction == .ascending
        return rows.enumerated().sorted { first, second in
            switch (first.element.figures[column], second.element.figures[column]) {
            case let (a?, b?) where a != b: return ascending ? a < b : a > b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return first.offset < second.offset
            }
        }.map(\.element.row)
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
                           rows: rows, key: format.tableKey())
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
                              layout: GroupTableLayout, format: ResultFormatting) -> ResultTable {
        let children = results.hierarchy.children[unitID] ?? []
        let rows = children.compactMap { child -> (ResultRow, ResultGroup)? in
            guard let unit = results.hierarchy.units[child] else { return nil }
            return (format.groupRow(unit.name, link: Paths.unitResults(round.id, child), group: .unit(child),
                                    areas: layout.areas), .unit(child))
        }
        return layout.table(id: "sub-units", caption: format.strings.text("results_sub_units_caption"),
                            first: format.strings.text("results_unit"), rows: layout.sorted(rows),
                            fragment: "sub-units-heading")
    }

    func jobGroupTable(_ results: RoundResults, within group: ResultGroup, layout: GroupTableLayout,
                       format: ResultFormatting) -> ResultTable {
        let rows = results.jobGroups(within: group).map { name -> (ResultRow, ResultGroup) in
            let label = name.isEmpty ? format.strings.text("results_job_group_unknown") : name
            let member: ResultGroup
            if case .unit(let unitID) = group { member = .unitJobGroup(unitID, name) } else { member = .jobGroup(name) }
            return (format.groupRow(label, link: nil, group: member, areas: layout.areas), member)
        }
        return layout.table(id: "job-groups", caption: format.strings.text("results_job_groups_caption"),
                            first: format.strings.text("results_job_group"), rows: layout.sorted(rows),
                            fragment: "job-groups-heading")
    }
}
