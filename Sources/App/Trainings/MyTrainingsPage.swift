import Foundation
import HTTPServer
import Metrics
import Storage

/// A completed training in the person's history.
struct CompletionRowView {
    let title: String
    let href: String
    let date: String
    let kind: String
}

/// A recommended training, with why.
struct RecommendationView {
    let title: String
    let href: String
    let reason: String
    let nextSession: String
    let hasNextSession: Bool
}

struct MyTrainingsView {
    let upcoming: [SessionCardView]
    let hasUpcoming: Bool
    let recommendations: [RecommendationView]
    let hasRecommendations: Bool
    let recommendationBasis: String
    let history: [CompletionRowView]
    let hasHistory: Bool
    let catalogueHref: String
    /// The person's calendar subscriptions (feed addresses).
    let calendarHref: String
    let hasEmployee: Bool
}

extension WebApp {
    /// How many trainings "my trainings" recommends.
    static let recommendationCount = 3

    /// The person's upcoming sessions (places, queue places, assignments and followed open sessions),
    /// recommendations for their weakest areas, and their completion history.
    ///
    /// The body is kept while the trainings' data (their places, sessions, completions) and their own
    /// self-assessments stay the same, and for a minute at most: sessions pass, and the unit's
    /// results, which recommend when they have no self-assessment, change when a round closes.
    func showMyTrainings(_ request: Request, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let reader: TrainingReader? = context.principal?.employeeID == nil ? nil : try trainingReader(context)
        guard let reader, let employee = reader.employee else {
            return try context.render("trainings/mine", title: strings.text("my_trainings_title"), MyTrainingsView(
                upcoming: [], hasUpcoming: false, recommendations: [], hasRecommendations: false, recommendationBasis: "",
                history: [], hasHistory: false, catalogueHref: Paths.trainings, calendarHref: Paths.myTrainingsCalendar, hasEmployee: false))
        }
        let assessed = try results.ownResponseStamp(employeeID: employee.id)
        let version = try reader.preread?.trainingsVersion ?? trainingReports.version()
        let key = CacheKey(family: "my-trainings:\(employee.id)|\(version)",
                           version: Int(Date().timeIntervalSince1970 / 60),
                           variant: "\(assessed)|\(employee.organisationID)|\(employee.unitID ?? 0)|\(employee.jobGroup ?? "")")
        return try context.renderCached("trainings/mine", title: strings.text("my_trainings_title"), key: key) {
            try myTrainingsView(employee, reader, context)
        }
    }

    private func myTrainingsView(_ employee: Stored<Employee>, _ reader: TrainingReader,
                                 _ context: RequestContext) throws -> MyTrainingsView {
        let strings = context.strings
        let now = Date()
        let places = try readerPlaces(reader)
        let upcoming = try trainingSessions.listings(sessionIDs: Array(places.mine.keys) + Array(places.followed))
            .filter { $0.session.endsAt > now }
        let counts = try trainingSessions.enrolledCounts(sessionIDs: upcoming.map(\.session.id))
        let cards = sessionCards(upcoming, places: places, enrolled: counts, strings)
        let completions = try completions.inForce(employeeID: employee.id)
        let language = strings.language.rawValue
        let history = completions.map { completion in
            CompletionRowView(title: completion.training.title.text(language), href: Paths.training(completion.training.id),
                              date: strings.date(completion.entry.completedOn),
                              kind: strings.text("trainings_completion_" + completion.entry.kind.rawValue))
        }
        let recommended = try recommendations(for: employee, reader: reader,
                                              completed: Set(completions.map(\.training.id)), strings)
        return MyTrainingsView(
            upcoming: cards, hasUpcoming: !cards.isEmpty,
            recommendations: recommended.views, hasRecommendations: !recommended.views.isEmpty,
            recommendationBasis: recommended.basis, history: history, hasHistory: !history.isEmpty,
            catalogueHref: Paths.trainings, calendarHref: Paths.myTrainingsCalendar, hasEmployee: true)
    }

    /// Trainings for the person's weakest areas: from their latest identified self-assessment, or
    /// else from their unit's latest round that shows figures for it.
    private func recommendations(for employee: Stored<Employee>, reader: TrainingReader, completed: Set<Int64>,
                                 _ strings: Strings) throws -> (views: [RecommendationView], basis: String) {
        var basis = "my_trainings_basis_own"
        var weak = try ownWeakAreas(employee, sectorID: reader.sectorID)
        if weak.isEmpty, let unitID = employee.unitID {
            weak = try unitWeakAreas(unitID: unitID, organisationID: employee.organisationID)
            basis = "my_trainings_basis_unit"
        }
        guard !weak.isEmpty else { return ([], "") }
        let snapshot = try trainingCatalogueSnapshot(reader.organisation.id, version: reader.preread?.trainingsVersion)
        let codes = snapshot.areaCodes
        let visible = snapshot.trainings.filter { reader.isInAudience(snapshot.audience($0.id)) }
        let ranked = TrainingRecommendation.rank(
            visible.map { TrainingRecommendation.Candidate(id: $0.id, areaCodes: codes[$0.id] ?? []) },
            weakAreas: weak, completed: completed, limit: Self.recommendationCount)
        let byID = Dictionary(uniqueKeysWithValues: visible.map { ($0.id, $0) })
        let names = snapshot.areaNames[strings.language.rawValue] ?? [:]
        let now = Date()
        let language = strings.language.rawValue
        let views: [RecommendationView] = try ranked.compactMap { id in
            guard let training = byID[id] else { return nil }
            let areas = (codes[id] ?? []).filter(weak.contains).compactMap { names[$0] }
            let next = try trainingSessions.sessions(trainingID: id).first {
                $0.startsAt > now && $0.status == .scheduled
            }
            return RecommendationView(
                title: training.title.text(language), href: Paths.training(id),
                reason: strings.format("my_trainings_reason", ["areas": areas.joined(separator: ", ")]),
                nextSession: next.map { strings.sessionTime($0.startsAt, $0.endsAt) } ?? "", hasNextSession: next != nil)
        }
        return (views, strings.text(basis))
    }

    /// Weakest areas of the person's newest identified self-assessment against their targets.
    private func ownWeakAreas(_ employee: Stored<Employee>, sectorID: Int64?) throws -> [String] {
        guard let newest = try results.ownResponses(employeeID: employee.id).first,
              let round = try rounds.round(id: newest.roundID),
              let content = try frameworkContent(round.frameworkID) else { return [] }
        let standings = content.areas.enumerated().compactMap { index, area -> TrainingRecommendation.AreaStanding? in
            guard area.area.kind == .competence, let score = newest.areaScores[area.area.id] else { return nil }
            return .init(code: area.area.code, mean: score,
                         target: RoundResults.target(content, areaIndex: index, sectorID: sectorID, jobGroup: employee.jobGroup))
        }
        return TrainingRecommendation.weakestAreas(standings)
    }

    /// Weakest areas of the unit in the newest closed round whose published figures show the unit
    /// (a suppressed unit shows none, so nothing can be inferred from it).
    private func unitWeakAreas(unitID: Int64, organisationID: Int64) throws -> [String] {
        let closed = try rounds.rounds(organisationID: organisationID).filter { $0.status == .closed }
            .sorted { $0.closesOn > $1.closesOn }
        for round in closed.prefix(3) {
            let published = try roundResults(round)
            let group = ResultGroup.unit(unitID)
            guard let totals = published.totals(group) else { continue }
            let standings = published.content.areas.enumerated().compactMap { index, area -> TrainingRecommendation.AreaStanding? in
                guard area.area.kind == .competence, let mean = totals.areaScores[index].mean else { return nil }
                return .init(code: area.area.code, mean: mean, target: published.target(areaIndex: index, for: group))
            }
            return TrainingRecommendation.weakestAreas(standings)
        }
        return []
    }
}
