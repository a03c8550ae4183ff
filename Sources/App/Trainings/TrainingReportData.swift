import Foundation
import Metrics
import Storage
import Synchronization

/// The figures of an organisation's training report for one period, added up the unit tree once
/// and kept until something changes (see `TrainingReportCache`).
///
/// Counts of attendances and completions are ordinary HR data and shown per group; a share of a
/// group's staff is shown only where the anonymity rule lets that group's figures through (at least
/// the minimum group size, and not recoverable from its parent and siblings), like every figure
/// about groups of people.
struct TrainingReportData: Sendable {
    let organisationID: Int64
    let from: String
    let to: String
    /// When these figures were counted: rendered pages of them are kept under this.
    let builtAt: Date
    /// Trainings with sessions held (or recordings watched) in the period.
    let held: [HeldTraining]
    let hierarchy: UnitHierarchy
    let sectors: [Stored<Sector>]
    /// Activity of the organisation, each sector and each unit with its sub-units.
    let activity: [ResultGroup: UnitTrainingActivity]
    /// Every employee, those without a unit included.
    let total: UnitTrainingActivity
    /// Groups whose shares of staff must not be shown.
    let hiddenShares: Set<ResultGroup>
    /// The link to the survey, when the organisation has two closed rounds.
    let survey: TrainingSurveyLink?

    /// The share of a group's active staff with a completion in the period, if it may be shown.
    func trainedShare(_ group: ResultGroup) -> Double? {
        guard group.isShowable, !hiddenShares.contains(group), let activity = activity[group], activity.staff > 0
        else { return nil }
        return Double(activity.trainedPeople) / Double(activity.staff)
    }
}

/// Completions per competence area between the organisation's two latest closed rounds, for the
/// groups the rounds' results describe.
struct TrainingSurveyLink: Sendable {
    let latest: Stored<SurveyRound>
    let previous: Stored<SurveyRound>
    /// Staff employed on the latest round's last day, per group.
    let staff: [ResultGroup: Int]
    /// Area code → people per group with a completion in the area after the previous round closed and
    /// by the time the latest closed.
    let trained: [String: [ResultGroup: Int]]
    /// Groups whose shares must not be shown.
    let hidden: Set<ResultGroup>

    /// The share of a group's staff who completed a training in the area, if it may be shown.
    func share(_ code: String, _ group: ResultGroup) -> Double? {
        guard group.isShowable, !hidden.contains(group), let staff = staff[group], staff > 0 else { return nil }
        return Double(trained[code]?[group] ?? 0) / Double(staff)
    }
}

/// Built reports per organisation and period, within a budget of bytes (`MemoryCost`). A report is
/// rebuilt when the trainings' data version changes (a completion entry, a session, a training or a
/// place) and at least every five minutes, for changes of the roster (imports, moves between
/// units), which the version does not see.
final class TrainingReportCache: Sendable {
    struct Entry: Sendable {
        let version: String
        let builtAt: Date
        let data: TrainingReportData
    }

    /// A dozen organisation-periods of a 40,000-employee installation.
    static let budget = 24 << 20

    private let entries: SingleFlight<Entry>
    let maximumAge: TimeInterval

    init(maximumAge: TimeInterval = 300, budget: Int = TrainingReportCache.budget,
         released: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.maximumAge = maximumAge
        entries = SingleFlight(budget: budget, cost: { $0.data.memoryCost + $0.version.utf8.count }, released: released)
    }

    func data(organisationID: Int64, from: String, to: String, version: String,
              build: () throws -> TrainingReportData) throws -> TrainingReportData {
        // One key per organisation and period whatever the version: a stale entry is replaced.
        let key = CacheKey(family: "training-report:\(organisationID)", version: 0, variant: "\(from)|\(to)")
        return try entries.value(key, isFresh: { entry in
            entry.version == version && Date().timeIntervalSince(entry.builtAt) < self.maximumAge
        }, build: {
            Entry(version: version, builtAt: Date(), data: try build())
        }).data
    }
}

extension TrainingReportData {
    /// What the report holds, roughly: the unit tree and a figure per group.
    var memoryCost: Int {
        var cost = hierarchy.memoryCost
        cost += MemoryCost.table(activity.count, of: (ResultGroup, UnitTrainingActivity).self)
        cost += MemoryCost.table(hiddenShares.count, of: ResultGroup.self)
        cost += MemoryCost.array(held.count, of: HeldTraining.self)
        for training in held.map(\.training) {
            cost += [training.titleFi, training.titleSv, training.titleEn, training.descriptionFi, training.descriptionSv,
                     training.descriptionEn].reduce(0) { $0 + MemoryCost.text($1) }
        }
        cost += MemoryCost.array(sectors.count, of: Stored<Sector>.self) + sectors.reduce(0) { $0 + MemoryCost.text($1.name) }
        if let survey {
            cost += MemoryCost.table(survey.staff.count, of: (ResultGroup, Int).self)
            cost += survey.trained.values.reduce(0) { $0 + MemoryCost.table($1.count, of: (ResultGroup, Int).self) }
            cost += MemoryCost.table(survey.hidden.count, of: ResultGroup.self)
        }
        return cost
    }
}

extension WebApp {
    /// The report of an organisation for `from...to` (Helsinki dates), from the cache when nothing has
    /// changed.
    func trainingReportData(_ organisation: Stored<Organisation>, from: String, to: String) throws -> TrainingReportData {
        let version = try trainingReports.version()
        return try trainingReportCache.data(organisationID: organisation.id, from: from, to: to, version: version) {
            let clock = ContinuousClock(), started = clock.now
            let data = try buildTrainingReport(organisation, from: from, to: to)
            logger.info("training report of organisation \(organisation.id) for \(from)...\(to) built in \(clock.now - started)")
            return data
        }
    }

    private func buildTrainingReport(_ organisation: Stored<Organisation>, from: String, to: String) throws -> TrainingReportData {
        guard let start = TrainingReportDates.startOfDay(from), let end = TrainingReportDates.endOfDay(to) else {
            throw AppError.badRequest
        }
        let organisationID = organisation.id
        let hierarchy = UnitHierarchy(units: try units.units(organisationID: organisationID))
        // The three counts run at once on the pool's readers: one after another they were most of a
        // first view's time.
        let counted = Mutex<Counts>(Counts())
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0:
                let perUnit = Result { try trainingReports.unitActivity(organisationID: organisationID, from: start, until: end,
                                                                         fromDay: from, toDay: to) }
                counted.withLock { $0.perUnit = perUnit }
            case 1:
                let held = Result { try trainingReports.trainingsHeld(organisationID: organisationID, from: start, until: end,
                                                                       fromDay: from, toDay: to) }
                counted.withLock { $0.held = held }
            default:
                let survey = Result { try trainingSurveyLink(organisationID, hierarchy: hierarchy) }
                counted.withLock { $0.survey = survey }
            }
        }
        let counts = counted.withLock { $0 }
        guard let perUnitResult = counts.perUnit, let heldResult = counts.held, let surveyResult = counts.survey else {
            throw AppError.badRequest
        }
        let perUnit = try perUnitResult.get()
        var activity: [ResultGroup: UnitTrainingActivity] = [:]
        var total = UnitTrainingActivity()
        for (unitID, values) in perUnit {
            total.add(values)
            guard let unitID, hierarchy.tree.contains(unitID) else { continue }
            for group in Self.groups(of: unitID, in: hierarchy.tree) {
                activity[group, default: UnitTrainingActivity()].add(values)
            }
        }
        let staffCells = perUnit.compactMap { unitID, values in unitID.map { ($0, values.staff) } }
        return TrainingReportData(
            organisationID: organisationID, from: from, to: to, builtAt: Date(), held: try heldResult.get(),
            hierarchy: hierarchy, sectors: try sectors.sectors(organisationID: organisationID), activity: activity,
            total: total, hiddenShares: Self.hiddenShares(staffCells, tree: hierarchy.tree, rule: AnonymityRule()),
            survey: try surveyResult.get())
    }

    /// What the three counts of a report found, each as it came back.
    private struct Counts: Sendable {
        var perUnit: Result<[Int64?: UnitTrainingActivity], any Error>?
        var held: Result<[HeldTraining], any Error>?
        var survey: Result<TrainingSurveyLink?, any Error>?
    }

    /// The groups a unit's own staff count in: the unit and those above it, its sector and the
    /// organisation.
    static func groups(of unitID: Int64, in tree: UnitTree) -> [ResultGroup] {
        var groups = tree.selfAndAncestors(of: unitID).map(ResultGroup.unit)
        groups.append(tree.sector(of: unitID).map(ResultGroup.sector) ?? .withoutSector)
        groups.append(.organisation)
        return groups
    }

    /// Which groups (the organisation, sectors, units with their sub-units) must not have a share of
    /// their staff shown: the anonymity rule over the unit tree's partitions (the organisation as its
    /// sectors and as its top units, each unit as its own staff and sub-units, each sector as its
    /// units), with each unit's own staff as a cell: every group below the minimum, and complements
    /// so that none can be worked out by subtraction. Staff are identified HR data, not answers, so the
    /// quick rule suffices where survey results also run the linked-table audit.
    static func hiddenShares(_ staff: [(Int64, Int)], tree: UnitTree, rule: AnonymityRule) -> Set<ResultGroup> {
        let counts = Dictionary(staff, uniquingKeysWith: +)
        let groups = RoundGroups(tree: tree, cells: tree.nodes.keys.map { ResponseCell(unitID: $0, jobGroup: "") })
        return rule.hiddenGroups(respondents: groups.totals(groups.cells.map { counts[$0.unitID] ?? 0 }),
                                 partitions: groups.partitions)
    }

    /// The last day a round took answers: its closing day, or the day HR closed it early.
    static func lastDay(of round: Stored<SurveyRound>) -> String {
        guard let closedAt = round.closedAt else { return round.closesOn }
        return min(round.closesOn, HelsinkiTime.date(closedAt))
    }

    /// Completions per area between the organisation's two latest closed rounds.
    private func trainingSurveyLink(_ organisationID: Int64, hierarchy: UnitHierarchy) throws -> TrainingSurveyLink? {
        try closeOverdueRounds()
        let closed = try rounds.rounds(organisationID: organisationID).filter { $0.status == .closed }
        guard closed.count >= 2 else { return nil }
        let latest = closed[0], previous = closed[1]
        let latestDay = Self.lastDay(of: latest)
        let counts = try trainingReports.areaCompletions(organisationID: organisationID, after: Self.lastDay(of: previous),
                                                         through: latestDay, employedOn: latestDay)
        func rolledUp(_ perUnit: [Int64?: Int]) -> [ResultGroup: Int] {
            var groups: [ResultGroup: Int] = [:]
            for (unitID, count) in perUnit {
                guard let unitID, hierarchy.tree.contains(unitID) else { continue }
                for group in Self.groups(of: unitID, in: hierarchy.tree) { groups[group, default: 0] += count }
            }
            return groups
        }
        let staffCells = counts.staff.compactMap { unitID, count in unitID.map { ($0, count) } }
        return TrainingSurveyLink(
            latest: latest, previous: previous, staff: rolledUp(counts.staff),
            trained: counts.trained.mapValues(rolledUp),
            hidden: Self.hiddenShares(staffCells, tree: hierarchy.tree,
                                      rule: AnonymityRule(minimumGroupSize: latest.minimumGroupSize,
                                                          openAnswerThreshold: latest.openAnswerThreshold)))
    }
}
