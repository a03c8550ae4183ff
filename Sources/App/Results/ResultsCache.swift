import Foundation
import Metrics
import Storage

/// Built results and progress per round, within a budget of bytes (`MemoryCost`). Results are
/// published only once a round has closed, and a closed round never changes, so its results are
/// built once. While a round is open only its progress (response counts) is shown; that is rebuilt
/// when responses arrive, but at most every `staleness` seconds. Results are kept under the round's
/// results version, so a new version (a status change) drops what the older one built.
final class ResultsCache: Sendable {
    enum Entry: Sendable {
        case results(RoundResults)
        case progress(RoundProgress, version: Int, builtAt: Date)

        var memoryCost: Int {
            switch self {
            case .results(let results): results.memoryCost
            case .progress(let progress, _, _): progress.memoryCost
            }
        }
    }

    private let entries: SingleFlight<Entry>
    let staleness: TimeInterval

    init(budget: Int, staleness: TimeInterval = 10, released: @escaping @Sendable (Int) -> Void = { _ in }) {
        entries = SingleFlight(budget: budget, cost: { $0.memoryCost }, released: released)
        self.staleness = staleness
    }

    var usage: SingleFlight<Entry>.Usage { entries.usage }

    func results(roundID: Int64, version: Int, build: () throws -> RoundResults) throws -> RoundResults {
        let entry = try entries.value(Self.key(roundID, version, "results"), isFresh: { entry in
            if case .results = entry { true } else { false }
        }, build: {
            .results(try build())
        })
        guard case .results(let results) = entry else { throw AppError.notFound }
        return results
    }

    /// While responses arrive the version changes with each, so a progress built at an older version
    /// is still answered for `staleness` seconds: otherwise every response would cost a rebuild. So
    /// progress is kept under one key per round whatever its version, replaced when it goes stale.
    func progress(roundID: Int64, version: Int, build: () throws -> RoundProgress) throws -> RoundProgress {
        let key = CacheKey(family: "progress:\(roundID)", version: 0, variant: "")
        let entry = try entries.value(key, isFresh: { entry in
            guard case .progress(_, let built, let builtAt) = entry else { return false }
            return built == version || Date().timeIntervalSince(builtAt) < self.staleness
        }, build: {
            .progress(try build(), version: version, builtAt: Date())
        })
        guard case .progress(let progress, _, _) = entry else { throw AppError.notFound }
        return progress
    }

    private static func key(_ roundID: Int64, _ version: Int, _ variant: String) -> CacheKey {
        CacheKey(family: "round:\(roundID)", version: version, variant: variant)
    }
}

extension WebApp {
    /// The published results of a closed round, from the cache when nothing has changed. An open
    /// round has none: its figures would change one response at a time (see `roundProgress`).
    func roundResults(_ round: Stored<SurveyRound>) throws -> RoundResults {
        guard round.status == .closed else { throw AppError.notFound }
        let roundID = round.id
        return try resultsCache.results(roundID: roundID, version: try results.version(roundID: roundID)) {
            guard let content = try frameworkContent(round.frameworkID) else { throw AppError.notFound }
            let built = RoundResultsBuilder.build(round: round, content: content, hierarchy: try roundHierarchy(round),
                                                  data: try results.roundData(roundID: roundID))
            logger.info("round \(roundID) results built; \(built.audit.logLine); about \(built.memoryCost >> 10) kB held")
            // The build's working memory (the round's responses, the audit's equations) is several
            // times what the results keep, and free again now (BENCHMARKS.md, issue 11: memory).
            freedMemory.workFinished()
            return built
        }
    }

    /// Builds the results of several closed rounds at once, one per core, when more than one is
    /// missing from the cache: a dashboard's first view needs this round's and the earlier rounds'
    /// (change and trend), and building them one after another took most of a second each.
    func prefetchResults(_ rounds: [Stored<SurveyRound>]) {
        let closed = rounds.filter { $0.status == .closed }
        guard closed.count > 1 else { return }
        DispatchQueue.concurrentPerform(iterations: closed.count) { index in
            _ = try? roundResults(closed[index])
        }
    }

    /// How far an open round has got: response counts of the groups the anonymity rule lets through.
    func roundProgress(_ round: Stored<SurveyRound>) throws -> RoundProgress {
        let roundID = round.id
        return try resultsCache.progress(roundID: roundID, version: try results.version(roundID: roundID)) {
            RoundResultsBuilder.progress(round: round, hierarchy: try roundHierarchy(round),
                                         data: try results.roundData(roundID: roundID))
        }
    }

    /// The round's units as they stood when it opened, with their current names.
    func roundHierarchy(_ round: Stored<SurveyRound>) throws -> UnitHierarchy {
        UnitHierarchy(units: try units.units(organisationID: round.organisationID),
                      placement: try rounds.unitPlacements(roundID: round.id))
    }
}

/// How many were invited to a round and how many have answered: the one count the round list, the
/// round page, supervisors' home page and the dashboards all show. It comes from the cached progress
/// (responses placed in the round's unit tree), so two pages never disagree by a response that
/// arrived in between. `answered` is nil while the organisation's count is under the minimum group size.
struct RoundParticipation: Sendable {
    let invited: Int
    let answered: Int?
    let rate: Double?

    static let none = RoundParticipation(invited: 0, answered: 0, rate: nil)
}

extension WebApp {
    func roundParticipation(_ round: Stored<SurveyRound>, unitID: Int64? = nil) throws -> RoundParticipation {
        guard round.status != .draft else { return .none }
        let progress = try roundProgress(round)
        let group = unitID.map(ResultGroup.unit) ?? .organisation
        return RoundParticipation(invited: progress.invited[group] ?? 0, answered: progress.respondents(group),
                                  rate: progress.responseRate(group))
    }
}
