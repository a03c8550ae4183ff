import Foundation
import HTTPServer
import Metrics
import Storage

/// A coming session for the unit's people, with who of them is on its list.
struct UnitSessionRow {
    let href: String
    let title: String
    let when: String
    let place: String
    let hasPlace: Bool
    let enrolment: String
    let cancelled: Bool
    let cancelReason: String
    let listed: [UnitListedPerson]
    let hasListed: Bool
}

struct UnitListedPerson {
    let name: String
    let state: String
}

/// One person of the unit and their trainings over the last 12 months.
struct UnitPersonRow {
    let href: String
    let name: String
    let jobTitle: String
    let attended: String
    let recordings: String
    let external: String
    let lastTraining: String
    let lastDate: String
}

/// People of the unit with a completion in an area.
struct UnitAreaRow {
    let area: String
    let people: String
    let share: String
}

struct UnitPersonLink {
    let href: String
    let name: String
    let jobTitle: String
    let hasJobTitle: Bool
    let startDate: String
    let hasStartDate: Bool
}

struct UnitTrainingsView {
    let crumbs: [Crumb]
    let unitName: String
    let unitHref: String
    let period: String
    let staff: String
    let upcomingWindow: String
    let upcoming: [UnitSessionRow]
    let hasUpcoming: Bool
    let people: [UnitPersonRow]
    let hasPeople: Bool
    let areas: [UnitAreaRow]
    let hasAreas: Bool
    let areasNote: String
    let untrained: [UnitPersonLink]
    let hasUntrained: Bool
    let untrainedSummary: String
}

extension WebApp {
    /// How far ahead the unit's view lists sessions.
    static let unitTrainingWeeks = 8

    var trainingReports: TrainingReportStore { TrainingReportStore(database) }

    /// A unit's trainings for its supervisors and HR: coming sessions aimed at its people (the unit,
    /// a unit above or below it, or the whole organisation; of trainings whose audience includes
    /// them) with who of them is on each list; who attended what in the last 12 months; completions
    /// per competence area; and who has had no training in that time. Names are ordinary HR data for
    /// the unit's supervisors; shares of the unit follow the anonymity rule.
    func showUnitTrainings(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try viewableUnit(context)
        guard let organisation = try organisations.organisation(id: unit.organisationID) else { throw AppError.notFound }
        // The body is kept while the trainings' data stays the same, and for a minute at most: the
        // coming sessions count from now, and the roster (names, who works here) may change.
        let manages = context.access.canManageOrganisation(organisation.id)
        let key = CacheKey(family: "unit-trainings:\(unit.id)|\(try trainingReports.version())",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: manages ? "manager" : "supervisor")
        return try context.renderCached("trainings/unit-trainings",
                                        title: context.strings.text("trainingreport_unit_title") + " – " + unit.name, key: key) {
            try unitTrainingsView(unit, organisation, context)
        }
    }

    /// The unit training view's model; the supervisor toolkit reads its top figures from it, so the two
    /// pages count the same people.
    func unitTrainingsView(_ unit: Stored<WorkUnit>, _ organisation: Stored<Organisation>,
                           _ context: RequestContext) throws -> UnitTrainingsView {
        let strings = context.strings
        let format = TrainingReportFormatting(strings: strings, language: context.language.rawValue)
        let today = TrainingReportDates.today()
        let since = TrainingReportDates.yearBefore(today)
        let subtree = try units.unitAndDescendantIDs(of: unit.id)
        let people = try trainingReports.activeEmployees(unitIDs: subtree)
        let peopleIDs = people.map(\.id)
        let summaries = try trainingReports.personSummaries(employeeIDs: peopleIDs, since: since)
        let lastTrainings = try trainingTitles(summaries.values.compactMap(\.lastTrainingID), format: format)
        let rows = people.compactMap { person -> UnitPersonRow? in
            guard let summary = summaries[person.id], summary.total > 0 else { return nil }
            return UnitPersonRow(
                href: Paths.employee(person.id), name: person.lastName + ", " + person.firstName,
                jobTitle: person.jobTitle ?? "", attended: strings.number(summary.attended),
                recordings: strings.number(summary.recordings), external: strings.number(summary.external),
                lastTraining: summary.lastTrainingID.flatMap { lastTrainings[$0] } ?? "",
                lastDate: strings.date(summary.lastCompletedOn))
        }
        let untrained = people.filter { (summaries[$0.id]?.total ?? 0) == 0 }.map { person in
            UnitPersonLink(href: Paths.employee(person.id), name: person.lastName + ", " + person.firstName,
                           jobTitle: person.jobTitle ?? "", hasJobTitle: !(person.jobTitle ?? "").isEmpty,
                           startDate: strings.date(person.startDate), hasStartDate: person.startDate != nil)
        }
        let areas = try unitAreaRows(organisationID: organisation.id, peopleIDs: peopleIDs, since: since, strings: strings,
                                     language: context.language.rawValue)
        let upcoming = try unitUpcomingSessions(unit, subtree: subtree, people: people, organisationID: organisation.id,
                                                format: format)
        return UnitTrainingsView(
            crumbs: unitTrainingCrumbs(unit, organisation, context),
            unitName: unit.name, unitHref: Paths.unit(unit.id), period: format.period(from: since, to: today),
            staff: strings.format("trainingreport_unit_staff", ["count": strings.number(people.count)]),
            upcomingWindow: strings.format("trainingreport_upcoming_window", ["weeks": String(Self.unitTrainingWeeks)]),
            upcoming: upcoming, hasUpcoming: !upcoming.isEmpty, people: rows, hasPeople: !rows.isEmpty,
            areas: areas, hasAreas: !areas.isEmpty,
            areasNote: strings.format("trainingreport_unit_areas_note", ["minimum": String(AnonymityRule().minimumGroupSize)]),
            untrained: untrained, hasUntrained: !untrained.isEmpty,
            untrainedSummary: strings.format("trainingreport_untrained_count", ["count": strings.number(untrained.count)]))
    }

    /// Titles of trainings in the reader's language, by id.
    private func trainingTitles(_ ids: [Int64], format: TrainingReportFormatting) throws -> [Int64: String] {
        var titles: [Int64: String] = [:]
        for id in Set(ids) {
            if let training = try trainingCatalogue.training(id: id) { titles[id] = format.title(training.record) }
        }
        return titles
    }

    /// Per competence area of the organisation's newest published framework, how many of the unit's
    /// people completed a training in it; the share only for a group the anonymity rule lets through.
    private func unitAreaRows(organisationID: Int64, peopleIDs: [Int64], since: String, strings: Strings,
                              language: String) throws -> [UnitAreaRow] {
        guard let content = try newestFramework(organisationID: organisationID) else { return [] }
        let counts = try trainingReports.peoplePerArea(employeeIDs: peopleIDs, since: since)
        let rule = AnonymityRule()
        return content.areas.filter { $0.area.kind == .competence }.map { area in
            let people = counts[area.area.code] ?? 0
            let share = rule.showsFigures(respondents: peopleIDs.count) && !peopleIDs.isEmpty
                ? strings.percent(Double(people) / Double(peopleIDs.count)) : "–"
            return UnitAreaRow(area: area.area.name.text(language), people: strings.number(people), share: share)
        }
    }

    /// The organisation's newest published framework (its own before the shipped ones).
    func newestFramework(organisationID: Int64) throws -> FrameworkContent? {
        let published = try frameworks.frameworks(organisationID: organisationID).filter { $0.status == .published }
        let newest = published.max { lhs, rhs in
            let left = (lhs.organisationID != nil, lhs.publishedAt ?? .distantPast, lhs.version ?? 0)
            let right = (rhs.organisationID != nil, rhs.publishedAt ?? .distantPast, rhs.version ?? 0)
            if left.0 != right.0 { return !left.0 }
            if left.1 != right.1 { return left.1 < right.1 }
            return left.2 < right.2
        }
        return try newest.flatMap { try frameworkContent($0.id) }
    }

    /// Coming sessions (the next weeks) of trainings the organisation sees, aimed at the unit, a unit
    /// above or below it, or the whole organisation, whose audience includes someone of the unit.
    private func unitUpcomingSessions(_ unit: Stored<WorkUnit>, subtree: Set<Int64>, people: [Stored<Employee>],
                                      organisationID: Int64, format: TrainingReportFormatting) throws -> [UnitSessionRow] {
        let now = Date()
        let reach = subtree.union(try units.ancestorIDs(of: unit.id))
        let listings = try trainingSessions.listings(sessionIDs: try trainingReports.sessionIDs(
            organisationID: organisationID, from: now, until: now.addingTimeInterval(Double(Self.unitTrainingWeeks * 7 * 86_400)),
            aimedAt: reach))
        guard !listings.isEmpty else { return [] }
        let audiences = try trainingCatalogue.audiences(trainingIDs: Array(Set(listings.map(\.training.id))))
        let sectorOfUnit = try trainingReports.sectorIDs(unitIDs: subtree)
        let profiles = Set(people.map { PersonProfile(sectorID: $0.unitID.flatMap { sectorOfUnit[$0] }, jobGroup: $0.jobGroup) })
        let aimed = listings.filter { listing in
            let audience = audiences[listing.training.id] ?? .everyone
            return audience.isEveryone || profiles.contains { audience.includes(sectorID: $0.sectorID, jobGroup: $0.jobGroup) }
        }
        let names = Dictionary(people.map { ($0.id, $0.lastName + ", " + $0.firstName) }, uniquingKeysWith: { first, _ in first })
        var listed: [Int64: [Enrolment]] = [:]
        for enrolment in try trainingReports.enrolments(sessionIDs: aimed.map(\.session.id), employeeIDs: people.map(\.id)) {
            listed[enrolment.sessionID, default: []].append(enrolment)
        }
        let strings = format.strings
        return aimed.map { listing in
            let session = listing.session
            let persons = (listed[session.id] ?? []).map { enrolment in
                UnitListedPerson(name: names[enrolment.employeeID] ?? "",
                                 state: strings.text(enrolment.state == .waiting ? "trainingreport_waiting"
                                                     : enrolment.kind == .assigned ? "trainingreport_assigned"
                                                     : "trainingreport_enrolled"))
            }
            let place = format.place(session.record)
            return UnitSessionRow(
                href: Paths.trainingSession(session.id), title: format.title(listing.training.record),
                when: format.when(session.record), place: place, hasPlace: !place.isEmpty,
                enrolment: strings.text("trainingreport_enrolment_\(session.enrolment.rawValue)"),
                cancelled: session.status == .cancelled, cancelReason: session.cancelReason ?? "",
                listed: persons, hasListed: !persons.isEmpty)
        }
    }

    private func unitTrainingCrumbs(_ unit: Stored<WorkUnit>, _ organisation: Stored<Organisation>,
                                    _ context: RequestContext) -> [Crumb] {
        let strings = context.strings
        var trail: [(String, String)]
        if context.access.canManageOrganisation(organisation.id) {
            trail = [(Paths.organisations, strings.text("staff_organisations_title")),
                     (Paths.organisation(organisation.slug), organisation.name),
                     (Paths.unitTree(organisation.slug), strings.text("staff_units_title"))]
        } else {
            trail = [(Paths.myUnits, strings.text("staff_my_units_title"))]
        }
        trail.append((Paths.unit(unit.id), unit.name))
        trail.append((Paths.unitTrainings(unit.id), strings.text("trainingreport_unit_title")))
        return trail.enumerated().map { index, item in Crumb(href: item.0, label: item.1, current: index == trail.count - 1) }
    }
}

/// The sector and job group of a person, for audience checks.
private struct PersonProfile: Hashable {
    let sectorID: Int64?
    let jobGroup: String?
}
