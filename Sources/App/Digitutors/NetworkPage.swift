import Foundation
import HTTPServer
import Metrics
import Storage

struct NetworkTutorRow {
    let name: String
    let href: String
    let units: String
    let topics: String
    let status: String
    let statusClass: String
    let ending: String
    /// The tutor's status in each requirement aimed at digitutors.
    let training: [TutorTrainingCell]
}

struct NetworkSectorView {
    let name: String
    let tutors: [NetworkTutorRow]
    let hasTutors: Bool
    let count: String
}

struct NetworkView {
    let crumbs: [Crumb]
    let newHref: String
    let coverageHref: String
    /// The tutor training, the tutors ending soon and the tables by sector, rendered from
    /// `NetworkBodyView` (and kept while the network is unchanged).
    let networkHTML: String
    let news: [NewsItemView]
    let hasNews: Bool
    let newsAction: String
    let newsError: String
    let hasNewsError: Bool
    let printHref: String
    /// The help log's aggregates and the topic list.
    let helpHref: String
    let topicsHref: String
}

/// The large part of the network page: every tutor of the organisation by sector.
struct NetworkBodyView {
    let sectors: [NetworkSectorView]
    let ending: [NetworkTutorRow]
    let hasEnding: Bool
    let training: TutorTrainingView
    /// Whether the tables have a tutor-training column (only when some requirement is aimed at tutors).
    let hasTrainingColumn: Bool
}

struct NewsItemView {
    let date: String
    let body: String
}

extension WebApp {
    /// How far ahead "ending soon" looks.
    static let tutorEndingDays = 60

    /// The coordinator's page: the network by sector with each tutor's units, topics and status, the
    /// tutors ending within 60 days, and the news line for tutors.
    func showTutorNetwork(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        return try renderNetwork(organisation, context, newsError: nil)
    }

    /// Posts a short note to the tutors' news line.
    func postTutorNews(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let line = TrainingFieldRules.paragraph(try context.requireForm()["body"] ?? "", limit: 1000)
        if let problem = line.problem ?? (line.text.isEmpty ? "trainings_error_required" : nil) {
            return try renderNetwork(organisation, context, newsError: context.strings.text(problem), status: .unprocessableContent)
        }
        try changing {
            try tutorStore.postNews(organisationID: organisation.id, body: line.text, by: context.principal?.userID)
            try auditChange("tutor.news", context, target: "organisation:\(organisation.id)")
        }
        return context.redirect(Paths.tutorNetwork(organisation.slug), notice: "saved")
    }

    private func renderNetwork(_ organisation: Stored<Organisation>, _ context: RequestContext, newsError: String?,
                               status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let today = CivilDay.today(settings.now())
        // The tables of 1,500 tutors took over 100 ms to read and render; they are kept while the
        // network and its required training are unchanged, and for a minute at most (unit names).
        let canCreate = context.access.canManageOrganisation(organisation.id)
        let key = CacheKey(family: "tutor-network:\(organisation.id)|\(try tutorStore.version())|\(try requirements.version())",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: "\(today.iso)|\(canCreate)")
        let networkHTML = try context.renderPartCached("digitutors/network-body", key: key) {
            try networkBody(organisation, today: today, context)
        }
        let news = try tutorStore.news(organisationID: organisation.id).map {
            NewsItemView(date: strings.date(HelsinkiTime.date($0.at)), body: $0.body)
        }
        let title = strings.text("tutors_network_title")
        return try context.render("digitutors/network", title: title + " – " + organisation.name, NetworkView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.tutorNetwork(organisation.slug), title)]),
            newHref: Paths.newTutor(organisation.slug), coverageHref: Paths.tutorCoverage(organisation.slug),
            networkHTML: networkHTML, news: news, hasNews: !news.isEmpty, newsAction: Paths.tutorNews(organisation.slug),
            newsError: newsError ?? "", hasNewsError: newsError != nil, printHref: Paths.tutorCoveragePrint(organisation.slug),
            helpHref: Paths.tutorHelp(organisation.slug), topicsHref: Paths.tutorTopics(organisation.slug)),
            status: status)
    }

    private func networkBody(_ organisation: Stored<Organisation>, today: CivilDay, _ context: RequestContext) throws -> NetworkBodyView {
        let strings = context.strings
        let soon = today.adding(days: Self.tutorEndingDays).iso
        let tutors = try tutorStore.tutors(organisationID: organisation.id)
        let unitList = try units.units(organisationID: organisation.id)
        let unitNames = Dictionary(uniqueKeysWithValues: unitList.map { ($0.id, $0.name) })
        let sectorOf = Dictionary(uniqueKeysWithValues: unitList.map { ($0.id, $0.sectorID) })
        let topicNames = try tutorTopicNames(organisation.id, strings)
        // Tutors not ended (or ending only later): the network as it is and is about to be.
        let current = tutors.filter { $0.status(on: today.iso) != .ended || ($0.history.last?.fromOn ?? "") > today.iso }
        let training = try tutorTrainingStatuses(organisation.id, tutors: current, on: today)
        func row(_ tutor: TutorDetails) -> NetworkTutorRow {
            let current = tutor.status(on: today.iso) ?? .ended
            let since = tutor.history.last { $0.fromOn <= today.iso }?.fromOn
            return NetworkTutorRow(
                name: tutor.lastName + ", " + tutor.firstName, href: Paths.tutor(tutor.tutor.id),
                units: tutor.units.compactMap { unitNames[$0.unitID] }.joined(separator: ", "),
                topics: tutor.topicIDs.compactMap { topicNames[$0] }.joined(separator: ", "),
                status: strings.text("tutors_status_" + current.rawValue) + (since.map { " " + strings.format("tutors_since", ["date": strings.date($0)]) } ?? ""),
                statusClass: current == .active ? "status-valid" : current == .paused ? "status-due" : "status-exempt",
                ending: tutor.tutor.plannedEndOn.map { strings.format("tutors_ends", ["date": strings.date($0)]) } ?? "",
                training: training.cells(of: tutor.tutor.id, strings))
        }
        // Each tutor once per sector they serve in.
        var bySector: [Int64: [TutorDetails]] = [:]
        for tutor in current {
            for sectorID in Set(tutor.units.compactMap { sectorOf[$0.unitID] ?? nil }) { bySector[sectorID, default: []].append(tutor) }
        }
        var sectors: [NetworkSectorView] = []
        for sector in try self.sectors.sectors(organisationID: organisation.id) {
            let mine = bySector[sector.id] ?? []
            sectors.append(NetworkSectorView(name: sector.name, tutors: mine.map(row), hasTutors: !mine.isEmpty,
                                             count: strings.number(mine.filter { $0.status(on: today.iso) == .active }.count)))
        }
        let withoutSector = current.filter { $0.units.allSatisfy { sectorOf[$0.unitID] == nil } }
        if !withoutSector.isEmpty {
            sectors.append(NetworkSectorView(name: strings.text("tutors_no_sector"), tutors: withoutSector.map(row), hasTutors: true,
                                             count: strings.number(withoutSector.count)))
        }
        let ending = current.filter { tutor in
            guard tutor.status(on: today.iso) == .active, let end = tutor.tutor.plannedEndOn else { return false }
            return end >= today.iso && end <= soon
        }.map(row)
        return NetworkBodyView(sectors: sectors, ending: ending, hasEnding: !ending.isEmpty,
                               training: tutorTrainingView(training, organisation: organisation, withCounts: true, context),
                               hasTrainingColumn: !training.evaluators.isEmpty)
    }
}
