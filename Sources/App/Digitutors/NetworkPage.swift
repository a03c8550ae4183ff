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
    let sectors: [NetworkSectorView]
    let ending: [NetworkTutorRow]
    let hasEnding: Bool
    let news: [NewsItemView]
    let hasNews: Bool
    let newsAction: String
    let newsError: String
    let hasNewsError: Bool
    /// The help log's aggregates and the topic list (set after the rest).
    var helpHref = ""
    var topicsHref = ""
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
        let soon = today.adding(days: Self.tutorEndingDays).iso
        let tutors = try tutorStore.tutors(organisationID: organisation.id)
        let unitList = try units.units(organisationID: organisation.id)
        let unitNames = Dictionary(uniqueKeysWithValues: unitList.map { ($0.id, $0.name) })
        let sectorOf = Dictionary(uniqueKeysWithValues: unitList.map { ($0.id, $0.sectorID) })
        let topicNames = try tutorTopicNames(organisation.id, strings)
        func row(_ tutor: TutorDetails) -> NetworkTutorRow {
            let current = tutor.status(on: today.iso) ?? .ended
            let since = tutor.history.last { $0.fromOn <= today.iso }?.fromOn
            return NetworkTutorRow(
                name: tutor.lastName + ", " + tutor.firstName, href: Paths.tutor(tutor.tutor.id),
                units: tutor.units.compactMap { unitNames[$0.unitID] }.joined(separator: ", "),
                topics: tutor.topicIDs.compactMap { topicNames[$0] }.joined(separator: ", "),
                status: strings.text("tutors_status_" + current.rawValue) + (since.map { " " + strings.format("tutors_since", ["date": strings.date($0)]) } ?? ""),
                statusClass: current == .active ? "status-valid" : current == .paused ? "status-due" : "status-exempt",
                ending: tutor.tutor.plannedEndOn.map { strings.format("tutors_ends", ["date": strings.date($0)]) } ?? "")
        }
        let current = tutors.filter { $0.status(on: today.iso) != .ended || ($0.history.last?.fromOn ?? "") > today.iso }
        var sectors: [NetworkSectorView] = []
        for sector in try self.sectors.sectors(organisationID: organisation.id) {
            let mine = current.filter { $0.units.contains { sectorOf[$0.unitID] == sector.id } }
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
        let news = try tutorStore.news(organisationID: organisation.id).map {
            NewsItemView(date: strings.date(HelsinkiTime.date($0.at)), body: $0.body)
        }
        let title = strings.text("tutors_network_title")
        var view = NetworkView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.tutorNetwork(organisation.slug), title)]),
            newHref: Paths.newTutor(organisation.slug), coverageHref: Paths.tutorCoverage(organisation.slug), sectors: sectors, ending: ending, hasEnding: !ending.isEmpty,
            news: news, hasNews: !news.isEmpty, newsAction: Paths.tutorNews(organisation.slug),
            newsError: newsError ?? "", hasNewsError: newsError != nil)
        view.helpHref = Paths.tutorHelp(organisation.slug)
        view.topicsHref = Paths.tutorTopics(organisation.slug)
        return try context.render("digitutors/network", title: title + " – " + organisation.name, view, status: status)
    }
}
