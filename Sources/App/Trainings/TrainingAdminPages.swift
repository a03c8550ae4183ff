import Foundation
import HTTPServer
import Storage

/// The catalogue as its keepers see it: series, trainings, trainers.
struct TrainingAdminView {
    let crumbs: [Crumb]
    let organisationName: String
    let newTrainingHref: String
    let series: [AdminSeriesRow]
    let hasSeries: Bool
    let trainings: [AdminTrainingRow]
    let hasTrainings: Bool
    let seriesForm: TrainingFormView
    let trainers: [AdminTrainerRow]
    let hasTrainers: Bool
    let usersHref: String
    /// HR (not trainers) manages users and exports everyone's completions.
    let isHR: Bool
    let completionsExportHref: String
    let catalogueHref: String
}

struct AdminSeriesRow {
    let href: String
    let title: String
    let trainings: String
    let status: String
}

struct AdminTrainingRow {
    let href: String
    let editHref: String
    let title: String
    let series: String
    let details: String
    let nextSession: String
    let status: String
}

struct AdminTrainerRow {
    let href: String
    let hasHref: Bool
    let name: String
}

extension WebApp {
    // MARK: The catalogue's keepers' page

    /// The organisation named by `:slug`, if the user keeps its catalogue (HR, administrator, trainer).
    func catalogueOrganisation(_ context: RequestContext) throws -> Stored<Organisation> {
        guard let organisation = try organisations.organisation(slug: try context.slug) else { throw AppError.notFound }
        try context.require(try keepsCatalogue(organisation.id, context))
        return organisation
    }

    func showTrainingAdmin(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try catalogueOrganisation(context)
        return try renderTrainingAdmin(organisation, context, seriesInput: SeriesFormInput())
    }

    private func renderTrainingAdmin(_ organisation: Stored<Organisation>, _ context: RequestContext,
                                     seriesInput: SeriesFormInput, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let seriesList = try trainingCatalogue.series(organisationID: organisation.id)
        let trainingList = try trainingCatalogue.trainings(visibleTo: organisation.id, includeRetired: true)
            .filter { $0.organisationID == organisation.id }
        let seriesNames = Dictionary(uniqueKeysWithValues: seriesList.map { ($0.id, $0.title.text(language)) })
        let now = Date()
        let upcoming = try trainingSessions.sessions(visibleTo: organisation.id, from: now,
                                                     until: HelsinkiTime.adding(days: 366, to: now))
        var next: [Int64: Stored<TrainingSession>] = [:]
        for listing in upcoming where listing.session.status == .scheduled && next[listing.training.id] == nil {
            next[listing.training.id] = listing.session
        }
        let rows = trainingList.map { training in
            AdminTrainingRow(
                href: Paths.training(training.id), editHref: Paths.editTraining(training.id),
                title: training.title.text(language), series: training.seriesID.flatMap { seriesNames[$0] } ?? "–",
                details: strings.duration(minutes: training.durationMinutes) + " · " + strings.trainingFormat(training.format),
                nextSession: next[training.id].map { strings.sessionTime($0.startsAt, $0.endsAt) } ?? "–",
                status: strings.text(training.active ? "trainings_active" : "trainings_retired"))
        }
        let counts = Dictionary(trainingList.compactMap { $0.seriesID }.map { ($0, 1) }, uniquingKeysWith: +)
        let seriesRows = seriesList.map { series in
            AdminSeriesRow(href: Paths.trainingSeries(series.id), title: series.title.text(language),
                           trainings: strings.number(counts[series.id] ?? 0),
                           status: strings.text(series.active ? "trainings_active" : "trainings_retired"))
        }
        let trainerIDs = try trainingCatalogue.trainers(organisationID: organisation.id)
        let trainers = try trainerIDs.compactMap { id -> AdminTrainerRow? in
            guard let user = try users.user(id: id) else { return nil }
            let linked = context.access.canManageOrganisation(organisation.id)
            return AdminTrainerRow(href: linked ? Paths.user(id) : "", hasHref: linked, name: user.login)
        }
        let base = Paths.trainingCatalogue(organisation.slug)
        let view = TrainingAdminView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("trainings_admin_title"))]),
            organisationName: organisation.name, newTrainingHref: Paths.newTraining(organisation.slug),
            series: seriesRows, hasSeries: !seriesRows.isEmpty, trainings: rows, hasTrainings: !rows.isEmpty,
            seriesForm: seriesFormView(seriesInput, action: Paths.trainingSeriesList(organisation.slug), crumbs: [],
                                       heading: strings.text("trainings_series_new"), submit: strings.text("trainings_series_create"),
                                       withActive: false, strings),
            trainers: trainers, hasTrainers: !trainers.isEmpty, usersHref: Paths.organisationUsers(organisation.slug),
            isHR: context.access.canManageOrganisation(organisation.id),
            completionsExportHref: Paths.trainingCompletionsExport(organisation.slug),
            catalogueHref: Paths.trainings)
        return try context.render("trainings/admin", title: strings.text("trainings_admin_title") + " – " + organisation.name,
                                  view, status: status)
    }

    // MARK: Series

    func createTrainingSeries(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try catalogueOrganisation(context)
        var input = SeriesFormInput(form: try context.requireForm(), strings: context.strings)
        if let checked = input.checked {
            do {
                let series = try changing {
                    let series = try trainingCatalogue.createSeries(TrainingSeries(
                        organisationID: organisation.id, title: checked.title, description: checked.description))
                    try auditChange("training-series.create", context, target: "training-series:\(series.id)",
                                    detail: checked.title.fi)
                    return series
                }
                return context.redirect(Paths.trainingSeries(series.id), notice: "created")
            } catch StorageError.conflict(let message) {
                input.errors.add("title_fi", message)
            }
        }
        return try renderTrainingAdmin(organisation, context, seriesInput: input, status: .unprocessableContent)
    }

    /// A series: its details and its sessions as a term programme.
    func showTrainingSeries(_ request: Request, _ context: RequestContext) throws -> Response {
        let (series, organisation) = try keptSeries(context)
        return try renderSeries(series, organisation, context, input: SeriesFormInput(series: series.record))
    }

    func updateTrainingSeries(_ request: Request, _ context: RequestContext) throws -> Response {
        let (series, organisation) = try keptSeries(context)
        var input = SeriesFormInput(form: try context.requireForm(), strings: context.strings)
        if let checked = input.checked {
            var changed = series
            changed.title = checked.title
            changed.description = checked.description
            changed.active = input.active
            do {
                try changing {
                    try trainingCatalogue.updateSeries(changed)
                    try auditChange("training-series.update", context, target: "training-series:\(series.id)")
                }
                return context.redirect(Paths.trainingSeries(series.id), notice: "saved")
            } catch StorageError.conflict(let message) {
                input.errors.add("title_fi", message)
            }
        }
        return try renderSeries(series, organisation, context, input: input, status: .unprocessableContent)
    }

    private func keptSeries(_ context: RequestContext) throws -> (Stored<TrainingSeries>, Stored<Organisation>) {
        guard let series = try trainingCatalogue.series(id: try context.seriesID),
              let organisation = try organisations.organisation(id: series.organisationID) else { throw AppError.notFound }
        guard try keepsCatalogue(organisation.id, context) else { throw AppError.notFound }
        return (series, organisation)
    }

    private func renderSeries(_ series: Stored<TrainingSeries>, _ organisation: Stored<Organisation>, _ context: RequestContext,
                              input: SeriesFormInput, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let now = Date()
        let term = Self.term(containing: now)
        let listings = try trainingSessions.sessions(visibleTo: organisation.id, from: term.start, until: term.end,
                                                     seriesID: series.id)
        var months: [ProgrammeMonthView] = []
        for listing in listings {
            let month = HelsinkiTime.monthText(listing.session.startsAt)
            let label = strings.format("trainings_month", [
                "month": strings.text("month_name_\(Int(month.suffix(2)) ?? 1)"), "year": String(month.prefix(4)),
            ])
            if months.last?.label != label { months.append(ProgrammeMonthView(label: label, sessions: [])) }
            let place = strings.sessionPlace(listing.session.record, given: listing.training.format)
            months[months.count - 1].sessions.append(SessionCardView(
                href: Paths.trainingSession(listing.session.id), title: listing.training.title.text(language),
                time: strings.sessionTime(listing.session.startsAt, listing.session.endsAt),
                details: strings.duration(minutes: listing.training.durationMinutes), place: place, hasPlace: !place.isEmpty,
                status: listing.session.status == .cancelled ? strings.text("trainings_status_cancelled") : "",
                hasStatus: listing.session.status == .cancelled, cancelled: listing.session.status == .cancelled))
        }
        let base = Paths.trainingCatalogue(organisation.slug)
        let title = series.title.text(language)
        let crumbs = organisationCrumbs(organisation, strings, then: [
            (base, strings.text("trainings_admin_title")), (Paths.trainingSeries(series.id), title),
        ])
        let view = SeriesPageView(
            crumbs: crumbs, title: title,
            term: strings.format("trainings_term", ["start": strings.date(HelsinkiTime.date(term.start)),
                                                     "end": strings.date(HelsinkiTime.date(term.end.addingTimeInterval(-3600)))]),
            months: months, hasMonths: !months.isEmpty, posterHref: Paths.seriesPoster(series.id), feedbackHref: Paths.seriesFeedback(series.id),
            form: seriesFormView(input, action: Paths.trainingSeries(series.id), crumbs: [],
                                 heading: strings.text("trainings_series_edit"), submit: strings.text("trainings_save"),
                                 withActive: true, strings))
        return try context.render("trainings/series", title: title, view, status: status)
    }

    /// The school-year term around a day: spring (January–July) or autumn (August–December), the way
    /// municipalities plan their training programmes.
    static func term(containing instant: Date) -> (start: Date, end: Date) {
        let month = HelsinkiTime.monthText(instant)
        let year = String(month.prefix(4))
        let isSpring = (Int(month.suffix(2)) ?? 1) <= 7
        let start = HelsinkiTime.month(year + (isSpring ? "-01" : "-08"))?.start ?? instant
        let end = HelsinkiTime.month(isSpring ? year + "-07" : year + "-12")?.end ?? instant
        return (start, end)
    }

    private func seriesFormView(_ input: SeriesFormInput, action: String, crumbs: [Crumb], heading: String, submit: String,
                                withActive: Bool, _ strings: Strings) -> TrainingFormView {
        var fields: [FormFieldView] = []
        for (index, language) in ["fi", "sv", "en"].enumerated() {
            fields.append(FormFieldView(.text, name: "title_\(language)", value: input.title[index],
                                        label: strings.text("trainings_field_title_\(language)"),
                                        error: input.errors["title_\(language)"], required: index == 0))
        }
        for (index, language) in ["fi", "sv", "en"].enumerated() {
            fields.append(FormFieldView(.textarea, name: "description_\(language)", value: input.description[index],
                                        label: strings.text("trainings_field_description_\(language)"),
                                        error: input.errors["description_\(language)"]))
        }
        if withActive {
            fields.append(FormFieldView(.checkbox, name: "active", label: strings.text("trainings_field_active"),
                                        checked: input.active))
        }
        return TrainingFormView(crumbs: crumbs, heading: heading, intro: "", hasIntro: false, action: action,
                                submitLabel: submit, sections: [FormSectionView(fields)], errors: input.errors.links,
                                hasErrors: !input.errors.isEmpty)
    }
}

/// A month of a series' term programme.
struct ProgrammeMonthView {
    let label: String
    var sessions: [SessionCardView]
}

struct SeriesPageView {
    let crumbs: [Crumb]
    let title: String
    let term: String
    let months: [ProgrammeMonthView]
    let hasMonths: Bool
    /// The series' printable poster of a month's sessions.
    let posterHref: String
    let feedbackHref: String
    let form: TrainingFormView
}
