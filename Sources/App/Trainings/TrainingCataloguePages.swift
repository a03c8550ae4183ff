import Foundation
import HTTPServer
import Storage

/// The reader's own places on sessions: what their cards say of them.
struct ReaderPlaces: Sendable {
    let mine: [Int64: Enrolment]
    let followed: Set<Int64>

    /// The reader's state on each of `sessions`, as text for a cache key.
    func digestText(of sessions: Set<Int64>) -> String {
        let places = mine.filter { sessions.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.state.rawValue)/\($0.value.kind.rawValue)" }
        let follows = followed.filter(sessions.contains).sorted().map { "\($0)=following" }
        return (places + follows).joined(separator: ",")
    }
}

extension WebApp {
    /// How far ahead the calendar looks: this week, then the coming month.
    static let trainingCalendarDays = 31

    // MARK: The catalogue and calendar

    /// Upcoming sessions this week and in the coming month, recordings available now and the whole
    /// catalogue, for the reader's audience, with filters by area, length, format and language.
    ///
    /// Chosen from the organisation's snapshot (`TrainingCatalogueSnapshot`); the body is rendered
    /// once for everything it shows (the sessions, trainings and recordings the reader sees, the
    /// reader's own places, the filter) and reused by every reader who would see the same.
    func showTrainings(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try trainingReader(context, slug: request.queryValue("organisation"))
        let strings = context.strings
        let snapshot = try trainingCatalogueSnapshot(reader.organisation.id, version: reader.preread?.trainingsVersion)
        let areaNames = snapshot.areaNames[strings.language.rawValue] ?? [:]
        let filter = TrainingFilter(query: { request.queryValue($0) }, knownAreas: Set(areaNames.keys))
        let now = Date()
        func passes(_ training: Stored<Training>) -> Bool {
            reader.sees(training, audience: snapshot.audience(training.id))
                && filter.matches(training.record, areaCodes: snapshot.areaCodes[training.id] ?? [])
        }
        let until = HelsinkiTime.adding(days: Self.trainingCalendarDays, to: now)
        let upcoming = snapshot.visible(snapshot.upcoming, to: reader)
            .filter { $0.session.startsAt >= now && $0.session.startsAt < until && passes($0.training) }
        let recordings = Array(snapshot.visible(snapshot.recordings, to: reader)
            .filter { passes($0.training) && $0.session.status == .scheduled }.prefix(20))
        let catalogue = snapshot.trainings.filter(passes)
        let weekEnd = HelsinkiTime.adding(days: 7, to: HelsinkiTime.startOfWeek(now))
        let places = try readerPlaces(reader)

        var digest = CatalogueBodyDigest()
        digest.add("snapshot", snapshot.identity)
        digest.add("filter", filter.queryItems.map { "\($0.0)=\($0.1)" }.joined(separator: "&"))
        digest.add("keeps", reader.keepsCatalogue ? "yes" : "no")
        digest.add("week", upcoming.filter { $0.session.startsAt < weekEnd }.map(\.session.id))
        digest.add("later", upcoming.filter { $0.session.startsAt >= weekEnd }.map(\.session.id))
        digest.add("recordings", recordings.map(\.session.id))
        digest.add("trainings", catalogue.map(\.id))
        digest.add("places", places.digestText(of: Set((upcoming + recordings).map(\.session.id))))
        let key = CacheKey(family: "training-catalogue:\(snapshot.identity)", version: 0, variant: digest.finish())

        return try context.renderCached("trainings/catalogue", title: strings.text("trainings_title"), key: key) {
            let cards = sessionCards(upcoming, places: places, enrolled: snapshot.enrolled, strings)
            let thisWeek = zip(upcoming, cards).filter { $0.0.session.startsAt < weekEnd }.map(\.1)
            let later = zip(upcoming, cards).filter { $0.0.session.startsAt >= weekEnd }.map(\.1)
            let recordingCards = sessionCards(recordings, places: places, enrolled: snapshot.enrolled, strings,
                                              showRecording: true)
            let trainingCards = catalogue.map { training in
                trainingCard(training, areaCodes: snapshot.areaCodes[training.id] ?? [], areaNames: areaNames, strings)
            }
            return TrainingCatalogueView(
                filters: filterSelects(filter, areaNames: areaNames, strings), filterAction: Paths.trainings,
                filtered: !filter.isEmpty, clearHref: Paths.trainings,
                thisWeek: thisWeek, hasThisWeek: !thisWeek.isEmpty, later: later, hasLater: !later.isEmpty,
                recordings: recordingCards, hasRecordings: !recordingCards.isEmpty,
                trainings: trainingCards, hasTrainings: !trainingCards.isEmpty,
                manageHref: Paths.trainingCatalogue(reader.organisation.slug), canManage: reader.keepsCatalogue,
                myTrainingsHref: Paths.myTrainings)
        }
    }

    /// A training's page: what it is, its materials and its upcoming sessions the reader may see.
    func showTraining(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let details = try trainingCatalogue.details(trainingID: try context.trainingID) else { throw AppError.notFound }
        let training = details.training
        let reader = try trainingReader(context, for: training)
        guard try organisationSees(training, organisationID: reader.organisation.id),
              reader.sees(training, audience: details.audience) else { throw AppError.notFound }
        let strings = context.strings
        let language = strings.language.rawValue
        let areaNames = try trainingAreaNames(reader.organisation.id, strings)
        let now = Date()
        let sessions = try trainingSessions.sessions(trainingID: training.id).filter { $0.endsAt > now }
        let targets = try trainingSessions.targetUnits(sessionIDs: sessions.map(\.id))
        let visible = sessions.filter { reader.sees(session: targets[$0.id] ?? [], of: training, audience: details.audience) }
        let cards = try sessionCards(visible.map { SessionListing(session: $0, training: training) }, reader, strings)
        var facts = [
            FactView(term: strings.text("trainings_duration"), value: strings.duration(minutes: training.durationMinutes)),
            FactView(term: strings.text("trainings_format"), value: strings.trainingFormat(training.format)),
            FactView(term: strings.text("trainings_language"), value: strings.languageName(training.language)),
        ]
        let areas = details.areaCodes.map { areaNames[$0] ?? $0 }
        if !areas.isEmpty {
            facts.append(FactView(term: strings.text("trainings_areas"), value: areas.joined(separator: ", ")))
        }
        if let seriesID = training.seriesID, let series = try trainingCatalogue.series(id: seriesID) {
            facts.append(FactView(term: strings.text("trainings_series"), value: series.title.text(language)))
        }
        let description = training.description.text(language)
        let view = TrainingPageView(
            crumbs: trainingCrumbs(strings, then: [(Paths.training(training.id), training.title.text(language))]),
            title: training.title.text(language), description: description, hasDescription: !description.isEmpty,
            facts: facts, materials: details.materials.map { MaterialView(title: $0.title, url: $0.url) },
            hasMaterials: !details.materials.isEmpty, sessions: cards, hasSessions: !cards.isEmpty,
            retired: !training.active, editHref: Paths.editTraining(training.id),
            newSessionHref: Paths.newTrainingSession(training.id),
            canManage: try keepsCatalogue(training.organisationID, context))
        return try context.render("trainings/training", title: training.title.text(language), view)
    }

    // MARK: Shared by the trainings pages


    /// Breadcrumbs starting at the catalogue.
    func trainingCrumbs(_ strings: Strings, then rest: [(String, String)]) -> [Crumb] {
        let trail = [(Paths.trainings, strings.text("trainings_title"))] + rest
        return trail.enumerated().map { index, item in
            Crumb(href: item.0, label: item.1, current: index == trail.count - 1)
        }
    }

    /// The sessions among `listings` the reader may see (their audience, aimed at them).
    func visibleSessions(_ listings: [SessionListing], _ reader: TrainingReader,
                         audiences: [Int64: TrainingAudience]) throws -> [SessionListing] {
        guard !reader.keepsCatalogue else { return listings }
        let targets = try trainingSessions.targetUnits(sessionIDs: listings.map(\.session.id))
        return listings.filter {
            reader.sees(session: targets[$0.session.id] ?? [], of: $0.training, audience: audiences[$0.training.id] ?? .everyone)
        }
    }

    /// Cards for sessions, with the reader's own place on each and whether it is full.
    func sessionCards(_ listings: [SessionListing], _ reader: TrainingReader, _ strings: Strings,
                      showRecording: Bool = false) throws -> [SessionCardView] {
        let counts = try trainingSessions.enrolledCounts(sessionIDs: listings.map(\.session.id))
        return sessionCards(listings, places: try readerPlaces(reader), enrolled: counts, strings, showRecording: showRecording)
    }

    /// The reader's places and followed sessions (none for someone without a staff record here).
    func readerPlaces(_ reader: TrainingReader) throws -> ReaderPlaces {
        if let preread = reader.preread { return preread.places }
        guard let employee = reader.employee else { return ReaderPlaces(mine: [:], followed: []) }
        var mine: [Int64: Enrolment] = [:]
        for enrolment in try enrolments.enrolments(employeeID: employee.id) { mine[enrolment.sessionID] = enrolment }
        return ReaderPlaces(mine: mine, followed: try enrolments.followed(employeeID: employee.id))
    }

    /// Cards for sessions from what is already read: the reader's places and the places taken.
    func sessionCards(_ listings: [SessionListing], places: ReaderPlaces, enrolled: [Int64: Int], _ strings: Strings,
                      showRecording: Bool = false) -> [SessionCardView] {
        let language = strings.language.rawValue
        return listings.map { listing in
            let session = listing.session, training = listing.training
            let status = sessionStatus(session, enrolled: enrolled[session.id] ?? 0, mine: places.mine[session.id],
                                       following: places.followed.contains(session.id), strings)
            let place = strings.sessionPlace(session.record, given: training.format)
            let details = [strings.duration(minutes: training.durationMinutes), strings.trainingFormat(training.format),
                           strings.languageName(training.language)].joined(separator: " · ")
            let time = showRecording
                ? strings.format("trainings_recording_of", ["date": strings.date(HelsinkiTime.date(session.startsAt))])
                : strings.sessionTime(session.startsAt, session.endsAt)
            return SessionCardView(href: Paths.trainingSession(session.id), title: training.title.text(language),
                                   time: time, details: details, place: place, hasPlace: !place.isEmpty,
                                   status: status, hasStatus: !status.isEmpty, cancelled: session.status == .cancelled)
        }
    }

    /// The one-line state of a session for the reader.
    func sessionStatus(_ session: Stored<TrainingSession>, enrolled: Int, mine: Enrolment?, following: Bool,
                       _ strings: Strings) -> String {
        if session.status == .cancelled { return strings.text("trainings_status_cancelled") }
        switch mine?.state {
        case .enrolled?:
            return strings.text(mine?.kind == .assigned ? "trainings_status_assigned" : "trainings_status_enrolled")
        case .waiting?: return strings.text("trainings_status_waiting")
        default: break
        }
        if following { return strings.text("trainings_status_following") }
        if session.enrolment == .registration, let capacity = session.capacity {
            let left = capacity - enrolled
            if left <= 0 { return strings.text("trainings_status_full") }
            return left == 1 ? strings.text("trainings_status_place_one")
                : strings.format("trainings_status_places", ["count": strings.number(left)])
        }
        return ""
    }

    private func trainingCard(_ training: Stored<Training>, areaCodes: [String], areaNames: [String: String],
                              _ strings: Strings) -> TrainingCardView {
        let areas = areaCodes.compactMap { areaNames[$0] }.joined(separator: ", ")
        let details = [strings.duration(minutes: training.durationMinutes), strings.trainingFormat(training.format),
                       strings.languageName(training.language)].joined(separator: " · ")
        return TrainingCardView(href: Paths.training(training.id), title: training.title.text(strings.language.rawValue),
                                details: details, areas: areas, hasAreas: !areas.isEmpty)
    }

    /// The competence areas of the organisation's newest published framework, code to name in the
    /// reader's language (trainings name areas by code, which survives versions).
    func trainingAreaNames(_ organisationID: Int64, _ strings: Strings) throws -> [String: String] {
        try trainingAreaNames(organisationID, language: strings.language.rawValue)
    }

    func trainingAreaNames(_ organisationID: Int64, language: String) throws -> [String: String] {
        guard let newest = try frameworks.frameworks(organisationID: organisationID).first(where: { $0.status == .published }),
              let content = try frameworkContent(newest.id) else { return [:] }
        var names: [String: String] = [:]
        for area in content.areas where area.area.kind == .competence {
            names[area.area.code] = area.area.name.text(language)
        }
        return names
    }

    private func filterSelects(_ filter: TrainingFilter, areaNames: [String: String], _ strings: Strings) -> [FilterSelectView] {
        func options(_ pairs: [(String, String)], _ chosen: String?) -> [SelectOption] {
            [SelectOption(value: "", label: strings.text("trainings_filter_any"), selected: chosen == nil)]
                + pairs.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        let areas = areaNames.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        let lengths = TrainingFilter.lengths.map { (String($0), strings.format("trainings_filter_length", ["minutes": String($0)])) }
        let formats = TrainingFormat.allCases.map { ($0.rawValue, strings.trainingFormat($0)) }
        let languages = ["fi", "sv", "en"].map { ($0, strings.languageName($0)) }
        return [
            FilterSelectView(name: "area", label: strings.text("trainings_areas"), options: options(areas, filter.areaCode)),
            FilterSelectView(name: "length", label: strings.text("trainings_duration"),
                             options: options(lengths, filter.maximumMinutes.map(String.init))),
            FilterSelectView(name: "format", label: strings.text("trainings_format"),
                             options: options(formats, filter.format?.rawValue)),
            FilterSelectView(name: "language", label: strings.text("trainings_language"),
                             options: options(languages, filter.language)),
        ]
    }
}
