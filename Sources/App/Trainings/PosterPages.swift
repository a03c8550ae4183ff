import Foundation
import HTTPServer
import Storage

/// One session on a poster. The QR code (when the page knows its own address) opens the session page.
struct PosterSessionView {
    let day: String
    let time: String
    let title: String
    /// The session page, linked from the title on screen (the printed poster has the QR code).
    let href: String
    let place: String
    let hasPlace: Bool
    /// "For: Päiväkoti Satakieli" on a series poster, when the session is aimed at some units only.
    let audience: String
    let hasAudience: Bool
    let qr: String
    let hasQR: Bool
}

/// A QR code at the foot of the poster: the calendar, or the calendar subscription.
struct PosterLinkView {
    let label: String
    let address: String
    let qr: String
    let hasQR: Bool
}

struct PosterView {
    let crumbs: [Crumb]
    let action: String
    let month: FieldView
    let languages: [SelectOption]
    let errors: [ErrorLink]
    let hasErrors: Bool
    let previousHref: String
    let hasPrevious: Bool
    let nextHref: String
    let hasNext: Bool
    /// The poster's own language (`lang` of the sheet) and texts in it.
    let posterLanguage: String
    let heading: String
    let subject: String
    let monthLabel: String
    let scanHint: String
    let sessions: [PosterSessionView]
    let hasSessions: Bool
    let noSessions: String
    let more: String
    let hasMore: Bool
    let links: [PosterLinkView]
    /// The unit's digitutors (a unit's poster only), in the poster's language.
    let tutors: [PosterTutorView]
    let hasTutors: Bool
    let tutorsHeading: String
    let tutorsMore: String
    let hasTutorsMore: Bool
}

/// What a poster is of: a unit's coffee room, or a series.
private struct PosterSubject {
    let heading: String
    let subject: String
    let crumbs: [Crumb]
    let href: (_ month: String?, _ language: String?) -> String
}

extension WebApp {
    /// A printable A4 poster of the month's sessions for the unit's people, for its supervisors, HR
    /// and the organisation's trainers.
    func showUnitTrainingPoster(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let unit = try units.unit(id: try context.unitID) else { throw AppError.notFound }
        let canViewUnit = context.access.canViewUnit(unit)
        try context.require(try canViewUnit || keepsCatalogue(unit.organisationID, context))
        let choice = PosterChoice(request, pageLanguage: context.language)
        let strings = localisation.strings(choice.language)
        let unitID = unit.id
        let listings = try trainingSessions.sessions(visibleTo: unit.organisationID, from: choice.month.start,
                                                     until: choice.month.end)
        let selected = PosterSelection.forUnit(
            listings, month: choice.month, unitAncestry: try units.ancestorIDs(of: unit.id), sectorID: unit.sectorID,
            audiences: try trainingCatalogue.audiences(trainingIDs: Array(Set(listings.map(\.training.id)))),
            targets: try trainingSessions.targetUnits(sessionIDs: listings.map(\.session.id)))
        var trail = [(Paths.home, context.strings.text("nav_home"))]
        if canViewUnit { trail.append((Paths.unit(unitID), unit.name)) }
        trail.append((Paths.unitTrainingPoster(unitID), context.strings.text("tcal_poster_title")))
        let subject = PosterSubject(heading: strings.text("tcal_poster_heading_unit"), subject: unit.name,
                                    crumbs: Self.crumbs(trail),
                                    href: { Paths.unitTrainingPoster(unitID, month: $0, language: $1) })
        let tutors = try posterTutors(unit, strings)
        return try renderPoster(subject, selected, choice, strings, context, unitNames: [:], tutors: tutors)
    }

    /// A printable A4 poster of a series' sessions in the month, for those who keep the catalogue.
    func showSeriesPoster(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let series = try trainingCatalogue.series(id: try context.seriesID) else { throw AppError.notFound }
        try context.require(try keepsCatalogue(series.organisationID, context))
        guard let organisation = try organisations.organisation(id: series.organisationID) else { throw AppError.notFound }
        let choice = PosterChoice(request, pageLanguage: context.language)
        let strings = localisation.strings(choice.language)
        let seriesID = series.id
        let listings = try trainingSessions.sessions(visibleTo: series.organisationID, from: choice.month.start,
                                                     until: choice.month.end, seriesID: seriesID)
        let selected = PosterSelection.forSeries(listings, month: choice.month, seriesID: seriesID)
        let targets = try trainingSessions.targetUnits(sessionIDs: selected.map(\.session.id))
        var unitNames: [Int64: [String]] = [:]
        for (sessionID, unitIDs) in targets {
            unitNames[sessionID] = try unitIDs.compactMap { try units.unit(id: $0)?.name }.sorted()
        }
        let page = context.strings
        // As on the series page: organisation › keeping the catalogue › the series › its poster.
        let crumbs = organisationCrumbs(organisation, page, then: [
            (Paths.trainingCatalogue(organisation.slug), page.text("tcal_catalogue_keeping")),
            (Paths.trainingSeries(seriesID), series.title.text(page.language.rawValue)),
            (Paths.seriesPoster(seriesID), page.text("tcal_poster_title")),
        ])
        let subject = PosterSubject(heading: series.title.text(choice.language.rawValue), subject: organisation.name,
                                    crumbs: crumbs,
                                    href: { Paths.seriesPoster(seriesID, month: $0, language: $1) })
        return try renderPoster(subject, selected, choice, strings, context, unitNames: unitNames)
    }

    private func renderPoster(_ subject: PosterSubject, _ selected: [SessionListing], _ choice: PosterChoice,
                              _ strings: Strings, _ context: RequestContext,
                              unitNames: [Int64: [String]],
                              tutors: (tutors: [PosterTutorView], more: Int) = ([], 0)) throws -> Response {
        let page = context.strings
        let text = CalendarText(strings: strings)
        let origin = siteOrigin(context.request)
        let shown = selected.prefix(PosterSelection.maximumSessions)
        let sessions = shown.map { listing in
            let session = listing.session, title = text.title(listing.training.record)
            let place = text.place(session.record, format: listing.training.format)
            let units = unitNames[session.id] ?? []
            let qr = origin.flatMap { QRCode($0 + Paths.trainingSession(session.id)) }?
                .svg(label: strings.format("tcal_poster_qr_session", ["title": title]), className: "qr-code poster-qr")
            return PosterSessionView(
                day: text.day(session.startsAt), time: text.timeRange(session.startsAt, session.endsAt), title: title,
                href: Paths.trainingSession(session.id), place: place, hasPlace: !place.isEmpty,
                audience: units.isEmpty ? "" : strings.format("tcal_poster_for", ["units": units.joined(separator: ", ")]),
                hasAudience: !units.isEmpty, qr: qr ?? "", hasQR: qr != nil)
        }
        let links = [(Paths.trainings, "tcal_poster_all"), (Paths.myTrainingsCalendar, "tcal_poster_subscribe")].map { path, key in
            let qr = origin.flatMap { QRCode($0 + path) }?.svg(label: strings.text(key + "_qr"), className: "qr-code poster-qr")
            return PosterLinkView(label: strings.text(key), address: (origin ?? "") + path, qr: qr ?? "", hasQR: qr != nil)
        }
        var errors = FormErrors()
        if choice.monthIsInvalid { errors.add("month", page.text("tcal_poster_month_invalid")) }
        let language = choice.language.rawValue
        let hidden = selected.count - shown.count
        let view = PosterView(
            crumbs: subject.crumbs, action: subject.href(nil, nil),
            month: FieldView(name: "month", value: choice.typedMonth ?? choice.month.text, error: errors["month"],
                             hintID: "month-hint"),
            languages: Language.allCases.map {
                SelectOption(value: $0.rawValue, label: page.text("language_\($0.rawValue)"), selected: $0 == choice.language)
            },
            errors: errors.links, hasErrors: !errors.isEmpty,
            previousHref: choice.month.previous.map { subject.href($0.text, language) } ?? "",
            hasPrevious: choice.month.previous != nil,
            nextHref: choice.month.next.map { subject.href($0.text, language) } ?? "", hasNext: choice.month.next != nil,
            posterLanguage: language, heading: subject.heading, subject: subject.subject, monthLabel: text.month(choice.month),
            scanHint: strings.text("tcal_poster_scan"), sessions: sessions, hasSessions: !sessions.isEmpty,
            noSessions: strings.text("tcal_poster_none"),
            more: strings.format("tcal_poster_more", ["count": strings.number(hidden)]), hasMore: hidden > 0, links: links,
            tutors: tutors.tutors, hasTutors: !tutors.tutors.isEmpty,
            tutorsHeading: strings.text(tutors.tutors.count == 1 ? "tutors_poster_heading_one" : "tutors_poster_heading"),
            tutorsMore: strings.format("tutors_poster_more", ["count": strings.number(tutors.more)]), hasTutorsMore: tutors.more > 0)
        return try context.render("trainings/poster-sheet", title: page.text("tcal_poster_title") + " – " + subject.subject, view,
                                  status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private static func crumbs(_ trail: [(String, String)]) -> [Crumb] {
        trail.enumerated().map { Crumb(href: $1.0, label: $1.1, current: $0 == trail.count - 1) }
    }
}

/// The month and language a poster was asked for: `?month=YYYY-MM` (this month in Helsinki when
/// missing or malformed) and `?lang=fi|sv|en` (the page's language otherwise).
struct PosterChoice {
    let month: PosterMonth
    let language: Language
    /// What was typed, when it was not a month.
    let typedMonth: String?
    var monthIsInvalid: Bool { typedMonth != nil }

    init(_ request: Request, pageLanguage: Language, now: Date = Date()) {
        self.init(month: request.queryValue("month"), language: request.queryValue("lang"), pageLanguage: pageLanguage,
                  now: now)
    }

    init(month text: String?, language code: String?, pageLanguage: Language, now: Date) {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        if let month = PosterMonth(trimmed) {
            self.month = month
            typedMonth = nil
        } else {
            month = PosterMonth(containing: now)
            typedMonth = trimmed.isEmpty ? nil : String(trimmed.prefix(20))
        }
        language = code.flatMap(Language.init(rawValue:)) ?? pageLanguage
    }
}
