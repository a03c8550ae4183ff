import Foundation
import Storage

/// Built results per round. A closed round never changes, so its results are built once. An open
/// round's results are rebuilt when responses arrive, but at most every `staleness` seconds: a
/// dashboard may be a few seconds behind while people answer, rather than rebuilding on every view.
final class ResultsCache: Sendable {
    struct Entry: Sendable {
        let version: Int
        let builtAt: Date
        let results: RoundResults
    }

    private let entries = SingleFlight<Entry>(capacity: 12)
    let staleness: TimeInterval

    init(staleness: TimeInterval = 10) {
        self.staleness = staleness
    }

    func results(roundID: Int64, version: Int, build: () throws -> RoundResults) throws -> RoundResults {
        try entries.value(String(roundID), isFresh: { entry in
            entry.version == version || Date().timeIntervalSince(entry.builtAt) < self.staleness
        }, build: {
            Entry(version: version, builtAt: Date(), results: try build())
        }).results
    }
}

extension WebApp {
    /// The results of a round that has opened, from the cache when nothing has changed.
    func roundResults(_ round: SurveyRound) throws -> RoundResults {
        let roundID = round.id ?? 0
        return try resultsCache.results(roundID: roundID, version: try results.version(roundID: roundID)) {
            guard let content = try frameworkContent(round.frameworkID) else { throw AppError.notFound }
            let hierarchy = UnitHierarchy(units: try units.units(organisationID: round.organisationID))
            return RoundResultsBuilder.build(round: round, content: content, hierarchy: hierarchy,
                                             data: try results.roundData(roundID: roundID))
        }
    }
}
