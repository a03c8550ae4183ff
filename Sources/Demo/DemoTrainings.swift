import Foundation
import Storage

/// What the demo's training year stored, for the summary and tests.
public struct DemoTrainingSummary: Sendable, Equatable {
    public var trainings = 0
    public var sessions = 0
    public var enrolments = 0
    public var attendance = 0
    /// Completion entries of every kind (attended, watched the recording, external evidence).
    public var completions = 0
    /// Feedback answers after sessions (stored apart from the people who gave them).
    public var feedback = 0

    public init() {}
}

/// A year of trainings for the demo organisations, stored in one transaction (see `DemoTrainingYear`
/// for what it holds). Everything follows from the seed, the demo day and the stored roster, except
/// the sessions' check-in keys, which are secrets and drawn at random.
struct DemoTrainings {
    let database: AppDatabase
    let seed: UInt64
    let today: DemoDay

    func load(_ plan: DemoPlan, organisationIDs: [String: Int64]) throws(DemoError) -> DemoTrainingSummary {
        let users = UserStore(database)
        func userID(_ login: String) throws(DemoError) -> Int64? {
            try demoStorage { try users.user(loginOrEmail: login)?.id }
        }
        var organisations: [DemoTrainingOrganisation] = []
        for organisationPlan in plan.organisations {
            let slug = organisationPlan.organisation.slug
            guard let organisationID = organisationIDs[slug] else { throw .missingAnchor("organisation \(slug)") }
            let roster = try demoStorage { try TrainingBulkStore(database).roster(organisationID: organisationID) }
            let units = try demoStorage { try UnitStore(database).units(organisationID: organisationID) }
            let sectors = try demoStorage { try SectorStore(database).sectors(organisationID: organisationID) }
            var hr: Int64?
            if slug == "jarvela" { hr = try userID("hr") }
            if slug == "koskenkyla" { hr = try userID("hr.koskenkyla") }
            var trainer = hr
            if slug == "jarvela" { trainer = try userID("koordinaattori") }
            organisations.append(DemoTrainingOrganisation(
                organisation: organisationPlan.organisation, id: organisationID, roster: roster, units: units,
                sectors: sectors, hrUserID: hr, trainerUserID: trainer,
                seed: DemoSeed.mix(seed, DemoSeed.hash("trainings/people/\(slug)"))))
        }
        var year = DemoTrainingYear(organisations: organisations, anchors: plan.anchors, today: today,
                                    random: DemoRandom(seed: DemoSeed.mix(seed, DemoSeed.hash("trainings"))))
        year.build()
        let count = try demoStorage { try TrainingBulkStore(database).load(year.load) }
        let sessionIDs = count.sessionIDs
        let submissions = year.feedback.compactMap { item -> FeedbackSubmission? in
            guard sessionIDs.indices.contains(item.sessionIndex) else { return nil }
            return FeedbackSubmission(sessionID: sessionIDs[item.sessionIndex], employeeID: item.employeeID, answer: item.answer)
        }
        let feedback = try demoStorage { try TrainingFeedbackStore(database).submitMany(submissions) }
        var summary = DemoTrainingSummary()
        summary.feedback = feedback
        summary.trainings = count.trainings
        summary.sessions = count.sessions
        summary.enrolments = count.enrolments
        summary.attendance = count.attendance
        summary.completions = count.completions
        return summary
    }
}

/// One person of the roster as the training year sees them.
struct DemoTrainee: Sendable {
    let id: Int64
    let hrNumber: String
    let topUnitID: Int64?
    /// Index in `DemoCatalogue.sectors`, or -1.
    let sector: Int
    let jobGroup: String
    /// First and last day employed, in days since 1970 (open ends are the extremes).
    let start: Int
    let end: Int
    /// How keen the person is on trainings, around 1.
    let keenness: Double

    func isEmployed(on day: DemoDay) -> Bool {
        start <= day.daysSinceEpoch && day.daysSinceEpoch <= end
    }
}

/// One demo organisation with its roster, units and the people who run its trainings.
struct DemoTrainingOrganisation: Sendable {
    let organisation: DemoOrganisation
    let id: Int64
    let people: [DemoTrainee]
    /// Units without a parent, by name, with their sector index.
    let topUnits: [(id: Int64, name: String, sector: Int)]
    /// People (indices into `people`) of each top unit with its sub-units.
    let staffOfTopUnit: [Int64: [Int]]
    /// How keen each top unit is on trainings: some units train a lot, some hardly at all.
    let unitKeenness: [Int64: Double]
    /// Sector ids by index in `DemoCatalogue.sectors`.
    let sectorIDs: [Int: Int64]
    let hrUserID: Int64?
    /// The user named trainer (Järvelä's tutor coordinator), or HR.
    let trainerUserID: Int64?

    var slug: String { organisation.slug }
    var swedish: Bool { organisation.swedishSpeaking }
    var language: DemoLanguage { swedish ? .swedish : .finnish }

    init(organisation: DemoOrganisation, id: Int64, roster: [Stored<Employee>], units: [Stored<WorkUnit>],
         sectors: [Stored<Sector>], hrUserID: Int64?, trainerUserID: Int64?, seed: UInt64) {
        self.organisation = organisation
        self.id = id
        self.hrUserID = hrUserID
        self.trainerUserID = trainerUserID
        var sectorIndexByID: [Int64: Int] = [:]
        var sectorIDs: [Int: Int64] = [:]
        for sector in sectors {
            if let index = DemoCatalogue.sectors.firstIndex(where: { $0.name.fi == sector.name || $0.name.sv == sector.name }) {
                sectorIndexByID[sector.id] = index
                sectorIDs[index] = sector.id
            }
        }
        self.sectorIDs = sectorIDs
        var parent: [Int64: Int64] = [:]
        for unit in units { if let parentID = unit.parentID { parent[unit.id] = parentID } }
        func top(_ unitID: Int64) -> Int64 {
            var current = unitID
            var steps = 0
            while let next = parent[current], steps < 64 {
                current = next
                steps += 1
            }
            return current
        }
        var random = DemoRandom(seed: seed)
        let tops = units.filter { $0.parentID == nil }.sorted { $0.id < $1.id }
        topUnits = tops.map { ($0.id, $0.name, $0.sectorID.flatMap { sectorIndexByID[$0] } ?? -1) }
        var keenness: [Int64: Double] = [:]
        // A few units train eagerly, most now and then, some hardly at all.
        let levels = [0.15, 0.4, 0.7, 1.0, 1.3, 1.8, 2.6], weights = [1.5, 2, 2.5, 2.5, 1.5, 1, 0.6]
        for unit in tops { keenness[unit.id] = levels[random.index(weights: weights)] }
        unitKeenness = keenness
        var topOf: [Int64: Int64] = [:]
        for unit in units { topOf[unit.id] = top(unit.id) }
        var staff: [Int64: [Int]] = [:]
        var people: [DemoTrainee] = []
        people.reserveCapacity(roster.count)
        let sectorOfUnit = Dictionary(units.map { ($0.id, $0.sectorID) }, uniquingKeysWith: { first, _ in first })
        for employee in roster {
            let topUnit = employee.unitID.flatMap { topOf[$0] }
            let sectorID = employee.unitID.flatMap { sectorOfUnit[$0] ?? nil }
            let draw = random.unit()
            if let topUnit { staff[topUnit, default: []].append(people.count) }
            people.append(DemoTrainee(
                id: employee.id, hrNumber: employee.hrNumber, topUnitID: topUnit,
                sector: sectorID.flatMap { sectorIndexByID[$0] } ?? -1, jobGroup: employee.jobGroup ?? "",
                start: employee.startDate.flatMap(DemoDay.init)?.daysSinceEpoch ?? Int.min,
                end: employee.endDate.flatMap(DemoDay.init)?.daysSinceEpoch ?? Int.max,
                keenness: 0.25 + 1.6 * draw * draw))
        }
        self.people = people
        staffOfTopUnit = staff
    }

    /// The sector ids and job-group names of a demo audience in this organisation's language.
    func audience(_ audience: DemoTrainingAudience) -> TrainingAudience {
        switch audience {
        case .everyone:
            return .everyone
        case .sectors(let names):
            let indices = names.compactMap { name in DemoCatalogue.sectors.firstIndex { $0.name.fi == name.fi } }
            return TrainingAudience(sectorIDs: Set(indices.compactMap { sectorIDs[$0] }))
        case .jobGroups(let names):
            return TrainingAudience(jobGroups: Set(names.map { $0.text(language) }))
        }
    }

    /// The intranet address of a page (recordings, materials).
    func intranet(_ page: String) -> String {
        "https://intra.\(slug).example/\(page)"
    }

    /// The people who give this organisation's sessions.
    var trainerNames: [String] {
        switch slug {
        case "jarvela": return ["Sanna Lehtonen", "Mikko Heinonen", "Tiina Salo", "Anu Mäkelä"]
        case "koskenkyla": return ["Petra Laine", "Ville Ojala"]
        default: return ["Annika Lindqvist", "Johan Björkman"]
        }
    }
}
