import Foundation
import Metrics
import Storage

/// An organisation's people, requirements, evidence and exemptions, read once and shared by HR's
/// coverage views and audits until something changes (see `ComplianceCache`).
struct ComplianceData: Sendable {
    let organisationID: Int64
    let version: String
    let builtAt: Date
    let evaluators: [RequirementEvaluator]
    /// Everyone, those who left included (audits of past days need them), by name.
    let people: [CompliancePerson]
    let evidence: [Int64: [EvidenceEntry]]
    let exemptions: [Int64: [Stored<Exemption>]]
    let audience: AudienceFacts
    let hierarchy: UnitHierarchy

    /// The unit and every unit below it.
    func subtree(of unitID: Int64) -> Set<Int64> {
        var found: Set<Int64> = [unitID]
        var queue = [unitID]
        while let next = queue.popLast() {
            for child in hierarchy.children[next] ?? [] where found.insert(child).inserted { queue.append(child) }
        }
        return found
    }

    func evaluator(_ requirementID: Int64) -> RequirementEvaluator? {
        evaluators.first { $0.id == requirementID }
    }

    /// Everyone's status for the requirement on `day`, in `people`'s order (those not required left out).
    func statuses(_ evaluator: RequirementEvaluator, on day: CivilDay) -> [(person: CompliancePerson, status: RequirementStatus)] {
        people.compactMap { person in
            let status = evaluator.status(person, on: day, evidence: evidence[person.id] ?? [],
                                          exemptions: exemptions[person.id] ?? [], audience: audience)
            return status.kind == .notRequired ? nil : (person, status)
        }
    }

    /// The requirement's coverage on `day`: counts for the organisation, each sector and each unit
    /// with its sub-units, and the groups whose shares the anonymity rule hides.
    func coverage(_ evaluator: RequirementEvaluator, on day: CivilDay) -> RequirementCoverage {
        var counts: [ResultGroup: CoverageCount] = [:]
        var total = CoverageCount()
        var staffPerUnit: [Int64: Int] = [:]
        for (person, status) in statuses(evaluator, on: day) {
            total.add(status)
            guard let unitID = person.unitID, hierarchy.tree.contains(unitID) else { continue }
            staffPerUnit[unitID, default: 0] += 1
            for group in WebApp.groups(of: unitID, in: hierarchy.tree) {
                counts[group, default: CoverageCount()].add(status)
            }
        }
        counts[.organisation] = total
        let hidden = WebApp.hiddenShares(staffPerUnit.map { ($0.key, $0.value) }, tree: hierarchy.tree,
                                                     rule: AnonymityRule())
        return RequirementCoverage(requirementID: evaluator.id, day: day, counts: counts, hidden: hidden)
    }
}

/// How a requirement stands in the organisation on a day.
struct RequirementCoverage: Sendable {
    let requirementID: Int64
    let day: CivilDay
    let counts: [ResultGroup: CoverageCount]
    /// Groups whose shares must not be shown (a count of people is HR data; a share of a small group
    /// says too much of each person in it).
    let hidden: Set<ResultGroup>

    /// The share of the group's required people who are compliant, if it may be shown.
    func compliantShare(_ group: ResultGroup) -> Double? {
        guard group.isShowable, !hidden.contains(group), let count = counts[group] else { return nil }
        return count.compliantShare
    }
}

/// Built compliance data per organisation, and coverage per organisation and day, within a budget.
/// Rebuilt when the data version changes (a requirement version, an exemption, a completion) and at
/// least every five minutes, for changes of the roster (imports, moves), which the version does not see.
final class ComplianceCache: Sendable {
    static let maximumAge: TimeInterval = 300
    static let budget = 48 << 20

    private let data: SingleFlight<ComplianceData>
    private let coverage: SingleFlight<CoverageEntry>

    struct CoverageEntry: Sendable {
        let builtAt: Date
        let coverage: [RequirementCoverage]
    }

    init(released: @escaping @Sendable (Int) -> Void = { _ in }) {
        data = SingleFlight(budget: Self.budget, cost: { $0.memoryCost }, released: released)
        coverage = SingleFlight(budget: 4 << 20, cost: { entry in
            entry.coverage.reduce(0) { $0 + MemoryCost.table($1.counts.count, of: (ResultGroup, CoverageCount).self) }
        }, released: released)
    }

    func data(organisationID: Int64, version: String, build: () throws -> ComplianceData) throws -> ComplianceData {
        let key = CacheKey(family: "compliance:\(organisationID)", version: 0, variant: "")
        return try data.value(key, isFresh: { entry in
            entry.version == version && Date().timeIntervalSince(entry.builtAt) < Self.maximumAge
        }, build: build)
    }

    /// Coverage of every requirement on `day`, counted from `source` once.
    func coverage(_ source: ComplianceData, on day: CivilDay) throws -> [RequirementCoverage] {
        let key = CacheKey(family: "compliance-coverage:\(source.organisationID)", version: 0, variant: day.iso)
        return try coverage.value(key, isFresh: { $0.builtAt == source.builtAt }, build: {
            CoverageEntry(builtAt: source.builtAt, coverage: source.evaluators.map { source.coverage($0, on: day) })
        }).coverage
    }
}

extension ComplianceData {
    var memoryCost: Int {
        var cost = MemoryCost.array(people.count, of: CompliancePerson.self)
        for person in people {
            cost += MemoryCost.text(person.firstName) + MemoryCost.text(person.lastName) + MemoryCost.text(person.email ?? "")
                + MemoryCost.text(person.jobGroup ?? "")
        }
        cost += MemoryCost.table(evidence.count, of: (Int64, [EvidenceEntry]).self)
        cost += evidence.values.reduce(0) { $0 + MemoryCost.array($1.count, of: EvidenceEntry.self) }
        cost += MemoryCost.table(exemptions.count, of: (Int64, [Stored<Exemption>]).self)
        cost += MemoryCost.table(audience.parents.count, of: (Int64, Int64).self)
        return cost + hierarchy.memoryCost
    }
}

extension WebApp {
    /// The organisation's compliance data, from the cache when nothing has changed.
    func complianceData(_ organisationID: Int64) throws -> ComplianceData {
        let version = try requirements.version()
        return try complianceCache.data(organisationID: organisationID, version: version) {
            let clock = ContinuousClock(), started = clock.now
            let data = try readComplianceData(organisationID, version: version)
            logger.info("compliance data of organisation \(organisationID) read in \(clock.now - started)")
            return data
        }
    }

    private func readComplianceData(_ organisationID: Int64, version: String) throws -> ComplianceData {
        let definitions = try requirements.definitions(organisationID: organisationID)
        let evaluators = definitions.map(RequirementEvaluator.init)
        let trainingIDs = evaluators.reduce(into: Set<Int64>()) { $0.formUnion($1.trainingIDs) }
        let unitList = try units.units(organisationID: organisationID)
        return ComplianceData(
            organisationID: organisationID, version: version, builtAt: Date(), evaluators: evaluators,
            people: try complianceEvidence.people(organisationID: organisationID),
            evidence: try complianceEvidence.evidence(organisationID: organisationID, trainingIDs: trainingIDs),
            exemptions: try exemptionStore.exemptions(organisationID: organisationID),
            audience: try audienceFacts(organisationID, units: unitList),
            hierarchy: UnitHierarchy(units: unitList))
    }

    /// The unit tree's parents and the organisation's supervisors.
    func audienceFacts(_ organisationID: Int64, units unitList: [Stored<WorkUnit>]? = nil) throws -> AudienceFacts {
        let list = try unitList ?? units.units(organisationID: organisationID)
        var parents: [Int64: Int64] = [:]
        for unit in list { if let parent = unit.parentID { parents[unit.id] = parent } }
        return AudienceFacts(parents: parents,
                             supervisors: try complianceEvidence.supervisorEmployeeIDs(organisationID: organisationID),
                             tutors: try TutorStore(database).activeTutorEmployeeIDs(organisationID: organisationID,
                                                                                     on: CivilDay.today(settings.now()).iso))
    }

    var requirements: RequirementStore { RequirementStore(database) }
    var exemptionStore: ExemptionStore { ExemptionStore(database) }
    var complianceEvidence: ComplianceEvidenceStore { ComplianceEvidenceStore(database) }
    var minimumLevels: MinimumLevelStore { MinimumLevelStore(database) }
}
