import Foundation
import HTTPServer
import Metrics
import Storage

struct TrainingReportFigure {
    let label: String
    let value: String
}

struct TrainingReportView {
    let crumbs: [Crumb]
    let organisationName: String
    let action: String
    let from: FieldView
    let to: FieldView
    /// `date`, or `text` when what was typed is not a date (a date input may only hold a date).
    let fromType: String
    let toType: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let hasFigures: Bool
    let period: String
    let figures: [TrainingReportFigure]
    let trainings: ResultTable
    let sectors: ResultTable
    let units: ResultTable
    let pagination: PaginationView
    let showPagination: Bool
    let shareNote: String
    let hasSurvey: Bool
    let surveyIntro: String
    let surveyAreas: ResultTable
    let surveyUnits: ResultTable
    let surveyNote: String
}

extension WebApp {
    /// HR's training report of an organisation for a period (the last 12 months unless chosen):
    /// sessions held, attendance and completions per sector and unit, recordings watched, and for each
    /// competence area the share of staff who completed a training in it between the two latest closed
    /// survey rounds next to the area's change between them. Survey figures come from the rounds'
    /// published results only, and every share from a group the anonymity rule lets through.
    func showTrainingReport(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let period = TrainingReportPeriod(request, strings: strings)
        let format = TrainingReportFormatting(strings: strings, language: context.language.rawValue)
        let title = strings.text("trainingreport_title") + " – " + organisation.name
        let base = Paths.trainingReport(organisation.slug)
        let crumbs = organisationCrumbs(organisation, strings, then: [(base, strings.text("trainingreport_title"))])
        let typed = (TrainingReportPeriod.date(period.fromText), TrainingReportPeriod.date(period.toText))
        let fields = (FieldView(name: "from", value: typed.0 ?? period.fromText, error: period.errors["from"], hintID: "period-hint"),
                      FieldView(name: "to", value: typed.1 ?? period.toText, error: period.errors["to"], hintID: "period-hint"))
        let types = (typed.0 == nil ? "text" : "date", typed.1 == nil ? "text" : "date")
        guard let from = period.from, let to = period.to else {
            let empty = ResultTable(id: "none", caption: "", columns: [], rows: [])
            return try context.render("trainings/report-organisation", title: title, TrainingReportView(
                crumbs: crumbs, organisationName: organisation.name, action: base, from: fields.0, to: fields.1,
                fromType: types.0, toType: types.1, errors: period.errors.links, hasErrors: true, hasFigures: false, period: "", figures: [], trainings: empty,
                sectors: empty, units: empty, pagination: Paging(requested: nil, total: 0).view(strings: strings) { _ in base },
                showPagination: false, shareNote: "", hasSurvey: false, surveyIntro: "", surveyAreas: empty,
                surveyUnits: empty, surveyNote: ""), status: .unprocessableContent)
        }
        let data = try trainingReportData(organisation, from: from, to: to)
        let page = request.queryValue("page").flatMap { Int($0) } ?? 1
        // The body depends on the figures (versioned by the time they were counted), the period and the
        // page; the survey's part on closed rounds, whose results never change.
        let key = CacheKey(family: "training-report-page:\(organisation.id)|\(from)|\(to)",
                           version: Int(data.builtAt.timeIntervalSince1970 * 1000), variant: String(page))
        return try context.renderCached("trainings/report-organisation", title: title, key: key) {
            try trainingReportView(data, organisation: organisation, page: String(page), crumbs: crumbs, fields: fields,
                                   types: types, format: format)
        }
    }

    private func trainingReportView(_ data: TrainingReportData, organisation: Stored<Organisation>, page: String,
                                    crumbs: [Crumb], fields: (FieldView, FieldView), types: (String, String),
                                    format: TrainingReportFormatting) throws -> TrainingReportView {
        let strings = format.strings
        let base = Paths.trainingReport(organisation.slug)
        let from = data.from, to = data.to
        let roots = data.hierarchy.roots.filter { (data.activity[.unit($0)]?.staff ?? 0) > 0 }
        let paging = Paging(requested: page, total: roots.count)
        let shown = Array(roots.dropFirst(paging.offset).prefix(Paging.pageSize))
        if let link = data.survey { prefetchResults([link.latest, link.previous]) }
        let survey = try data.survey.map { link in (link, try roundResults(link.latest), try roundResults(link.previous)) }
        return TrainingReportView(
            crumbs: crumbs, organisationName: organisation.name, action: base, from: fields.0, to: fields.1,
            fromType: types.0, toType: types.1, errors: [], hasErrors: false, hasFigures: true, period: format.period(from: from, to: to),
            figures: reportFigures(data, strings: strings),
            trainings: heldTable(data, format: format),
            sectors: activityTable(data, id: "sectors", caption: strings.text("trainingreport_sectors_caption"),
                                   first: strings.text("trainingreport_sector"),
                                   rows: [(strings.text("trainingreport_whole_organisation"), nil, .organisation, true)]
                                       + data.sectors.map { ($0.name, nil, .sector($0.id), false) }, strings: strings),
            units: activityTable(data, id: "units", caption: strings.text("trainingreport_units_caption"),
                                 first: strings.text("trainingreport_unit"),
                                 rows: shown.map { (data.hierarchy.units[$0]?.name ?? "", Paths.unitTrainings($0), .unit($0), false) },
                                 strings: strings),
            pagination: paging.view(strings: strings) { Paths.trainingReport(organisation.slug, from: from, to: to, page: $0) },
            showPagination: paging.pageCount > 1,
            shareNote: strings.format("trainingreport_share_note", ["minimum": String(AnonymityRule().minimumGroupSize)]),
            hasSurvey: survey != nil,
            surveyIntro: survey.map { link, _, _ in
                strings.format("trainingreport_survey_intro", [
                    "previous": link.previous.title, "previousClosed": strings.date(Self.lastDay(of: link.previous)),
                    "latest": link.latest.title, "latestClosed": strings.date(Self.lastDay(of: link.latest)),
                ])
            } ?? strings.text("trainingreport_survey_missing"),
            surveyAreas: survey.map { surveyAreaTable($0.0, latest: $0.1, previous: $0.2, format: format) }
                ?? ResultTable(id: "survey-areas", caption: "", columns: [], rows: []),
            surveyUnits: survey.map { surveyUnitTable($0.0, latest: $0.1, previous: $0.2, units: shown, hierarchy: data.hierarchy,
                                                      format: format) }
                ?? ResultTable(id: "survey-units", caption: "", columns: [], rows: []),
            surveyNote: strings.format("trainingreport_survey_note", [
                "minimum": String(data.survey?.latest.minimumGroupSize ?? AnonymityRule().minimumGroupSize),
            ]))
    }

    private func reportFigures(_ data: TrainingReportData, strings: Strings) -> [TrainingReportFigure] {
        let sessions = data.held.reduce(0) { $0 + $1.sessions }
        return [
            TrainingReportFigure(label: strings.text("trainingreport_sessions_held"), value: strings.number(sessions)),
            TrainingReportFigure(label: strings.text("trainingreport_attendances"), value: strings.number(data.total.attendances)),
            TrainingReportFigure(label: strings.text("trainingreport_people_attended"),
                                 value: strings.number(data.total.attendedPeople)),
            TrainingReportFigure(label: strings.text("trainingreport_completions"), value: strings.number(data.total.completions)),
            TrainingReportFigure(label: strings.text("trainingreport_recordings_watched"),
                                 value: strings.number(data.total.recordings)),
            TrainingReportFigure(label: strings.text("trainingreport_trained_share"),
                                 value: data.trainedShare(.organisation).map(strings.percent) ?? "–"),
        ]
    }

    /// Trainings with sessions held in the period: sessions, attendances and recordings watched by the
    /// organisation's people.
    private func heldTable(_ data: TrainingReportData, format: TrainingReportFormatting) -> ResultTable {
        let strings = format.strings
        return ResultTable(
            id: "held", caption: strings.text("trainingreport_held_caption"),
            columns: [ResultColumn(strings.text("trainingreport_training"), numeric: false),
                      ResultColumn(strings.text("trainingreport_sessions_held")),
                      ResultColumn(strings.text("trainingreport_attendances")),
                      ResultColumn(strings.text("trainingreport_recordings_watched"))],
            rows: data.held.map { held in
                ResultRow(label: format.title(held.training.record), cells: [
                    Self.count(held.sessions, strings), Self.count(held.attendances, strings),
                    Self.count(held.recordings, strings),
                ])
            })
    }

    /// Staff, attendance and completions of groups, with the share trained where the rule allows.
    private func activityTable(_ data: TrainingReportData, id: String, caption: String, first: String,
                               rows: [(String, String?, ResultGroup, Bool)], strings: Strings) -> ResultTable {
        ResultTable(
            id: id, caption: caption,
            columns: [ResultColumn(first, numeric: false)] + [
                "trainingreport_staff", "trainingreport_people_attended", "trainingreport_attendances",
                "trainingreport_completions", "trainingreport_recordings_watched", "trainingreport_external",
                "trainingreport_trained_share",
            ].map { ResultColumn(strings.text($0)) },
            rows: rows.map { label, link, group, isTotal in
                let values = group == .organisation ? data.total : data.activity[group] ?? UnitTrainingActivity()
                return ResultRow(label: label, link: link, cells: [
                    Self.count(values.staff, strings), Self.count(values.attendedPeople, strings),
                    Self.count(values.attendances, strings), Self.count(values.completions, strings),
                    Self.count(values.recordings, strings), Self.count(values.external, strings),
                    Self.share(data.trainedShare(group), strings),
                ], isTotal: isTotal)
            })
    }

    /// For each competence area of the latest round: the share of the organisation's staff who
    /// completed a training in it between the rounds, and the change of the area's mean.
    private func surveyAreaTable(_ link: TrainingSurveyLink, latest: RoundResults, previous: RoundResults,
                                 format: TrainingReportFormatting) -> ResultTable {
        let strings = format.strings
        let now = latest.areaMeansByCode(.organisation), before = previous.areaMeansByCode(.organisation)
        return ResultTable(
            id: "survey-areas", caption: strings.text("trainingreport_survey_areas_caption"),
            columns: [ResultColumn(strings.text("trainingreport_area"), numeric: false),
                      ResultColumn(strings.text("trainingreport_trained_in_area")),
                      ResultColumn(strings.text("trainingreport_area_change"))],
            rows: competenceAreas(latest, language: format.language).map { code, name in
                ResultRow(label: name, cells: [
                    Self.share(link.share(code, .organisation), strings),
                    Self.change(now[code].flatMap { mean in before[code].map { mean - $0 } }, strings),
                ])
            })
    }

    /// The same per unit (the page's units): two columns per area.
    private func surveyUnitTable(_ link: TrainingSurveyLink, latest: RoundResults, previous: RoundResults, units: [Int64],
                                 hierarchy: UnitHierarchy, format: TrainingReportFormatting) -> ResultTable {
        let strings = format.strings
        let areas = competenceAreas(latest, language: format.language)
        let columns = areas.flatMap { _, name in
            [ResultColumn(strings.format("trainingreport_area_trained_column", ["area": name])),
             ResultColumn(strings.format("trainingreport_area_change_column", ["area": name]))]
        }
        return ResultTable(
            id: "survey-units", caption: strings.text("trainingreport_survey_units_caption"),
            columns: [ResultColumn(strings.text("trainingreport_unit"), numeric: false)] + columns,
            rows: units.map { unitID in
                let group = ResultGroup.unit(unitID)
                let now = latest.areaMeansByCode(group), before = previous.areaMeansByCode(group)
                return ResultRow(label: hierarchy.units[unitID]?.name ?? "", link: Paths.unitTrainings(unitID),
                                 cells: areas.flatMap { code, _ in
                                     [Self.share(link.share(code, group), strings),
                                      Self.change(now[code].flatMap { mean in before[code].map { mean - $0 } }, strings)]
                                 })
            })
    }

    /// Codes and names of the round's competence areas, in the framework's order.
    private func competenceAreas(_ results: RoundResults, language: String) -> [(String, String)] {
        results.content.areas.filter { $0.area.kind == .competence }.map { ($0.area.code, $0.area.name.text(language)) }
    }

    private static func count(_ value: Int, _ strings: Strings) -> ResultCell {
        ResultCell(text: strings.number(value), export: .integer(value))
    }

    private static func share(_ value: Double?, _ strings: Strings) -> ResultCell {
        value.map { ResultCell(text: strings.percent($0), export: .percent($0)) } ?? ResultCell(text: "–", export: .empty)
    }

    private static func change(_ value: Double?, _ strings: Strings) -> ResultCell {
        value.map { ResultCell(text: strings.signedDecimal($0, digits: 2), export: .number($0, digits: 2)) }
            ?? ResultCell(text: "–", export: .empty)
    }
}
