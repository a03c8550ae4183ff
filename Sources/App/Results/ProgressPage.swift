import Foundation
import HTTPServer
import Metrics
import Storage

/// What a dashboard shows while its round is open: how many have answered, never what. Every figure
/// of the answers would move one response at a time, so a reader reloading the page could subtract
/// one view from the next; results appear only when the round closes.
struct ProgressView {
    let crumbs: [Crumb]
    let heading: String
    let roundTitle: String
    let roundMeta: String
    let explanation: String
    let respondents: String
    let invited: String
    let responseRate: String
    let table: ResultTable
    let exportComma: String
    let exportSemicolon: String
}

extension WebApp {
    /// The progress of an open round for the organisation (`unit` nil: sectors and top units) or for
    /// one unit and its sub-units.
    func progressView(_ round: Stored<SurveyRound>, unit: Stored<WorkUnit>?, _ context: RequestContext) throws -> ProgressView {
        let progress = try roundProgress(round)
        let strings = context.strings
        let roundID = round.id
        let group = unit.map { ResultGroup.unit($0.id) } ?? .organisation
        let base = unit.map { Paths.unitResults(roundID, $0.id) } ?? Paths.roundResults(roundID)
        let export = unit.map { Paths.unitResultsExport(roundID, $0.id) } ?? Paths.roundResultsExport(roundID)
        var rows = [progressRow(progress, label: unit?.name ?? strings.text("results_whole_organisation"), link: nil,
                                group: group, strings, isTotal: true)]
        if let unit {
            for child in progress.hierarchy.children[unit.id] ?? [] {
                guard let name = progress.hierarchy.units[child]?.name, (progress.invited[.unit(child)] ?? 0) > 0
                else { continue }
                rows.append(progressRow(progress, label: name, link: Paths.unitResults(roundID, child),
                                        group: .unit(child), strings))
            }
        } else {
            for sector in try sectors.sectors(organisationID: round.organisationID) {
                guard (progress.invited[.sector(sector.id)] ?? 0) > 0 else { continue }
                rows.append(progressRow(progress, label: sector.name, link: nil, group: .sector(sector.id), strings))
            }
            for root in progress.hierarchy.roots {
                guard let name = progress.hierarchy.units[root]?.name, (progress.invited[.unit(root)] ?? 0) > 0
                else { continue }
                rows.append(progressRow(progress, label: name, link: "\(base)/units/\(root)", group: .unit(root), strings))
            }
        }
        let table = ResultTable(
            id: "progress", caption: strings.text("results_progress_caption"),
            columns: [ResultColumn(strings.text(unit == nil ? "results_group" : "results_unit"), numeric: false),
                      ResultColumn(strings.text("results_invited")), ResultColumn(strings.text("results_respondents")),
                      ResultColumn(strings.text("results_response_rate"))],
            rows: rows)
        let hidden = strings.format("results_suppressed", ["minimum": String(round.minimumGroupSize)])
        return ProgressView(
            crumbs: dashboardCrumbs(round, context, then: unit.map { [(base, $0.name)] } ?? []),
            heading: unit?.name ?? strings.text("results_title") + ": " + round.title, roundTitle: round.title,
            roundMeta: roundMeta(round, strings),
            explanation: strings.format("results_progress_explanation", [
                "closes": strings.date(round.closesOn), "minimum": String(round.minimumGroupSize),
            ]),
            respondents: progress.respondents(group).map { strings.number($0) } ?? hidden,
            invited: strings.number(progress.invited[group] ?? 0),
            responseRate: progress.responseRate(group).map { strings.percent($0) } ?? "–",
            table: table, exportComma: export,
            exportSemicolon: Paths.semicolons(export))
    }

    private func progressRow(_ progress: RoundProgress, label: String, link: String?, group: ResultGroup,
                             _ strings: Strings, isTotal: Bool = false) -> ResultRow {
        let invitedCount = progress.invited[group] ?? 0
        let invited = ResultCell(text: strings.number(invitedCount), export: .integer(invitedCount))
        guard let count = progress.respondents(group) else {
            let hidden = strings.format("results_suppressed", ["minimum": String(progress.rule.minimumGroupSize)])
            return ResultRow(label: label, link: link, cells: [invited, ResultCell(text: hidden), .empty],
                             isTotal: isTotal)
        }
        return ResultRow(label: label, link: link, cells: [
            invited, ResultCell(text: strings.number(count), export: .integer(count)),
            progress.responseRate(group).map { ResultCell(text: strings.percent($0), export: .percent($0)) } ?? .empty,
        ], isTotal: isTotal)
    }

    func renderProgress(_ round: Stored<SurveyRound>, unit: Stored<WorkUnit>?, _ context: RequestContext) throws -> Response {
        let view = try progressView(round, unit: unit, context)
        return try context.render("results/progress", title: unit == nil ? view.heading : "\(view.heading) – \(round.title)",
                                  view)
    }

    func exportProgress(_ round: Stored<SurveyRound>, unit: Stored<WorkUnit>?, _ request: Request,
                        _ context: RequestContext) throws -> Response {
        let view = try progressView(round, unit: unit, context)
        let name = unit.map { "tilanne-\(round.id)-yksikko-\($0.id).csv" } ?? "tilanne-\(round.id).csv"
        return csvResponse(title: unit.map { "\(round.title) – \($0.name)" } ?? round.title, tables: [view.table],
                           context, filename: name, audited: false)
    }
}
