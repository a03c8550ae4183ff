/// Which trainings to recommend to someone: those that develop their weakest competence areas.
///
/// Pure: it is given area scores and targets by area code (from the person's identified
/// self-assessment, or their unit's figures of a round that shows them — never from a suppressed
/// group, which the caller cannot see anyway) and the trainings' area codes.
public enum TrainingRecommendation {
    /// An area's standing: how far below its target it is, or its mean when there is no target.
    public struct AreaStanding: Sendable, Equatable {
        public let code: String
        public let mean: Double
        public let target: Double?

        public init(code: String, mean: Double, target: Double?) {
            self.code = code
            self.mean = mean
            self.target = target
        }

        /// Target minus mean; positive is below target. Without a target, the distance from the top
        /// of a five-point scale, so the weakest still sort first.
        var shortfall: Double { (target ?? 5) - mean }
    }

    /// The weakest areas, most below target first, at most `limit`. With targets, only areas below
    /// their target count as weak; without any, the lowest means do. Ties go by code, so the order
    /// never depends on dictionary order.
    public static func weakestAreas(_ areas: [AreaStanding], limit: Int = 3) -> [String] {
        let candidates = areas.contains { $0.target != nil } ? areas.filter { ($0.target ?? .infinity) > $0.mean } : areas
        return candidates
            .sorted { ($0.shortfall, $1.code) > ($1.shortfall, $0.code) }
            .prefix(max(0, limit)).map(\.code)
    }

    /// A training to rank: its id and the area codes it develops.
    public struct Candidate: Sendable, Equatable {
        public let id: Int64
        public let areaCodes: [String]

        public init(id: Int64, areaCodes: [String]) {
            self.id = id
            self.areaCodes = areaCodes
        }
    }

    /// Trainings that develop any of `weakAreas`, those touching the weakest area first, then those
    /// touching more of them; already completed ones are left out. At most `limit`.
    public static func rank(_ candidates: [Candidate], weakAreas: [String], completed: Set<Int64>, limit: Int = 5) -> [Int64] {
        let rankOf = Dictionary(weakAreas.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let scored: [(id: Int64, best: Int, count: Int)] = candidates.compactMap { candidate in
            guard !completed.contains(candidate.id) else { return nil }
            let ranks = candidate.areaCodes.compactMap { rankOf[$0] }
            guard let best = ranks.min() else { return nil }
            return (candidate.id, best, Set(ranks).count)
        }
        return scored
            .sorted { ($0.best, -$0.count, $0.id) < ($1.best, -$1.count, $1.id) }
            .prefix(max(0, limit)).map(\.id)
    }
}
