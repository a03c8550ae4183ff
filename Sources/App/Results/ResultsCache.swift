import Foundation
import Storage

/// Built results per round, rebuilt when the round's version changes (a new response, opening or
/// closing). A closed round never changes, so its dashboards are served from memory.
final class ResultsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int64: (version: Int, results: RoundResults)] = [:]

    func results(roundID: Int64, version: Int, build: () throws -> RoundResults) rethrows -> RoundResults {
        if let cached = lock.withLock({ entries[roundID] }), cached.version == version { return cached.results }
        // Built outside the lock: two requests may build the same round once, which is cheaper than
        // making every dashboard wait behind one build.
        let results = try build()
        lock.withLock { entries[roundID] = (version, results) }
        return results
    }
}

extension WebApp {
    /// The results of a round that has opened, from the cache when nothing has changed.
    func roundResults(_ round: SurveyRound) throws -> RoundResults {
        let roundID = round.id ?? 0
        let version = try results.version(roundID: roundID)
        return try resultsCache.results(roundID: roundID, version: version) {
            guard let content = try frameworks.content(frameworkID: round.frameworkID) else { throw AppError.notFound }
            return RoundResultsBuilder.build(round: round, content: content,
                                             units: try units.units(organisationID: round.organisationID),
                                             data: try results.roundData(roundID: roundID))
        }
    }
}
