import Foundation
import Metrics
import Storage

/// Built results per round. Results are published only once a round has closed, and a closed round
/// never changes, so its results are built once. While a round is open only its progress (response
/// counts) is shown; that is rebuilt when responses arrive, but at most every `staleness` seconds.
final class ResultsCache: Sendable {
    struct Entry: Sendable {
        let version: Int
        let builtAt: Date
        let results: RoundResults
    }

    struct ProgressEntry: Sendable {
        let version: Int
        let builtAt: Date
        let progress: RoundProgress
    }

    private let entries = SingleFlight<Entry>(capacity: 12)
    private let progressEntries = SingleFlight<ProgressEntry>(capacity: 12)
    let staleness: TimeInterval

    init(staleness: TimeInterval = 10) {
        self.staleness = staleness
    }

    func results(roundID: Int64, version: Int, build: () throws -> RoundResults) throws -> RoundResults {
        try entries.value(String(roundID), isFresh: { $0.version == version }, build: {
            Entry(version: version, builtAt: Date(), results: try build())
        }).results
    }

    func progress(roundID: Int64, version: Int, build: () throws -> RoundProgress) throws -> RoundProgress {
        try progressEntries.value(String(roundID), isFresh: { entry in
            entry.version == version || Date().timeIntervalSince(entry.builtAt) < self.staleness
        }, build: {
            ProgressEntry(version: version, builtAt: Date(), progress: try build())
        }).progress
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
            logger.info("round \(roundID) results built; \(built.audit.logLine)")
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
