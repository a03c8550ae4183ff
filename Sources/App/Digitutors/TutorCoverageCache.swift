import Foundation
import Metrics
import Storage

/// Coverage facts per organisation, kept while the network is unchanged, on the same day, and for a
/// minute at most (staff counts change with imports, which the network's version does not see).
/// Reading 1,500 tutors with their units, hours and history and computing coverage over thousands of
/// units took about 100 ms; the coverage page, a supervisor's view and the printable lists all
/// start from these facts.
final class TutorCoverageCache: Sendable {
    /// Facts of a 40,000-employee organisation (3,000 units, 1,500 tutors) take about a megabyte.
    static let budget = 8 << 20
    static let maximumAge: TimeInterval = 60

    private let entries: SingleFlight<TutorCoverageFacts>

    init(released: @escaping @Sendable (Int) -> Void = { _ in }) {
        entries = SingleFlight(budget: Self.budget, cost: { $0.memoryCost }, released: released)
    }

    func facts(organisationID: Int64, version: String, day: CivilDay,
               build: () throws -> TutorCoverageFacts) throws -> TutorCoverageFacts {
        let key = CacheKey(family: "tutor-coverage:\(organisationID)", version: 0, variant: "")
        return try entries.value(key, isFresh: { facts in
            facts.version == version && facts.day == day && Date().timeIntervalSince(facts.builtAt) < Self.maximumAge
        }, build: build)
    }
}

extension TutorCoverageFacts {
    /// Roughly: a unit and its staff count, a tutor with a few units, hours, topics and status changes,
    /// and the coverage's per-unit entries.
    var memoryCost: Int {
        MemoryCost.array(units.count, of: Stored<WorkUnit>.self)
            + units.reduce(0) { $0 + MemoryCost.text($1.name) }
            + MemoryCost.table(staff.count, of: (Int64, Int).self)
            + MemoryCost.array(staffed.count, of: StaffedUnit.self)
            + tutors.count * 1_200
            + units.count * 160
    }
}
