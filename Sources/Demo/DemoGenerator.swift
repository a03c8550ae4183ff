import App
import Storage

/// Why demo data could not be made or stored, in words for the person running the command.
public enum DemoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database has organisations; demo data would mix with them.
    case databaseNotEmpty
    /// The requested size is outside `DemoData.employeeCountRange`.
    case employeeCountOutOfRange(Int)
    /// The reference day is not `YYYY-MM-DD`.
    case badDate(String)
    /// A generated data set lacks a unit a sign-in needs; a bug, reported rather than hidden.
    case missingAnchor(String)
    /// Storing failed.
    case storage(StorageError)
    /// The password hasher failed.
    case passwordHashing(String)

    /// The message for the person running the command.
    public var description: String {
        switch self {
        case .databaseNotEmpty:
            return "The database has organisations already; demo data goes only into an empty database. "
                + "Use a new --database file, or --if-empty to skip loading quietly."
        case .employeeCountOutOfRange(let count):
            return "--employees must be between \(DemoData.employeeCountRange.lowerBound) and "
                + "\(DemoData.employeeCountRange.upperBound), not \(count)."
        case .badDate(let text):
            return "\(text) is not a date of the form YYYY-MM-DD."
        case .missingAnchor(let what):
            return "The generated demo data has no \(what) for the demo sign-ins."
        case .storage(let error):
            return error.description
        case .passwordHashing(let message):
            return "Cannot hash the demo password: \(message)"
        }
    }
}

/// Makes the demo data set: the same seed, size and date always give the same plan.
///
/// Dates are spread back from `today` (decades of service, recent hires for onboarding, some
/// fixed-term contracts ending soon and some people who have left), so the data looks current on
/// the day it is loaded; two loads on the same day are identical.
struct DemoGenerator {
    let employeeCount: Int
    let seed: UInt64
    let today: DemoDay

    func plan() throws(DemoError) -> DemoPlan {
        guard DemoData.employeeCountRange.contains(employeeCount) else {
            throw .employeeCountOutOfRange(employeeCount)
        }
        var random = DemoRandom(seed: seed)
        let headcounts = Self.apportion(employeeCount, shares: DemoData.organisations.map(\.share))
        var organisations: [DemoOrganisationPlan] = []
        var anchors: DemoAnchors?
        for (organisation, headcount) in zip(DemoData.organisations, headcounts) {
            var builder = OrganisationBuilder(organisation: organisation, today: today)
            builder.build(headcount: headcount, random: &random)
            if organisation.slug == "jarvela" { anchors = try builder.anchors() }
            organisations.append(builder.plan)
        }
        guard let anchors else { throw .missingAnchor("Järvelä organisation") }
        return DemoPlan(organisations: organisations, anchors: anchors)
    }

    /// Splits `total` in proportion to `shares` by largest remainders, so the parts add up exactly.
    static func apportion(_ total: Int, shares: [Double]) -> [Int] {
        let sum = shares.reduce(0, +)
        guard sum > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0) }
        let order = exact.indices.sorted { lhs, rhs in
            let left = exact[lhs] - Double(parts[lhs]), right = exact[rhs] - Double(parts[rhs])
            return left != right ? left > right : lhs < rhs
        }
        for index in order.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
        return parts
    }
}

/// A unit while the plan is made: its place in the tree, its staff mix and how many it employs.
private struct PlannedUnit {
    let name: String
    let sectorIndex: Int
    let parentIndex: Int?
    let head: DemoJob?
    let jobs: [WeightedJob]
    var headcount: Int
}

/// Builds one organisation's part of the plan.
private struct OrganisationBuilder {
    let organisation: DemoOrganisation
    let today: DemoDay
    private let language: DemoLanguage
    private var units: [PlannedUnit] = []
    private var takenNames = Set<String>()
    private var nameQueues: [String: (names: [String], next: Int)] = [:]
    private var firstUnitOfSector: [Int: Int] = [:]
    private var employeesByUnit: [[Int]] = []
    private var people = DemoPeople()
    private(set) var plan: DemoOrganisationPlan

    init(organisation: DemoOrganisation, today: DemoDay) {
        self.organisation = organisation
        self.today = today
        language = organisation.swedishSpeaking ? .swedish : .finnish
        plan = DemoOrganisationPlan(organisation: organisation)
    }

    mutating func build(headcount: Int, random: inout DemoRandom) {
        let sectors = DemoCatalogue.sectors
        plan.sectorNames = sectors.map { $0.name.text(language) }
        let sectorHeadcounts = DemoGenerator.apportion(headcount, shares: sectors.map(\.share))
        for (sectorIndex, sectorHeadcount) in sectorHeadcounts.enumerated() where sectorHeadcount > 0 {
            planUnits(sectorIndex: sectorIndex, headcount: sectorHeadcount, random: &random)
        }
        plan.units = units.map { unit in
            DemoUnitPlan(name: unit.name, sectorName: plan.sectorNames[unit.sectorIndex],
                         parentName: unit.parentIndex.map { units[$0].name })
        }
        plan.employees.reserveCapacity(headcount)
        employeesByUnit = Array(repeating: [], count: units.count)
        for unitIndex in units.indices {
            staff(unitIndex: unitIndex, random: &random)
        }
    }

    /// Esihenkilo's daycare centre and esihenkilo2's school: the first unit of each sector. The
    /// people given sign-ins are made permanent staff who have started, so they are active on any day.
    mutating func anchors() throws(DemoError) -> DemoAnchors {
        guard let centre = firstUnitOfSector[0], employeesByUnit[centre].count >= 2,
              units.contains(where: { $0.parentIndex == centre })
        else { throw .missingAnchor("daycare centre with groups and two staff") }
        guard let school = firstUnitOfSector[1], let principal = employeesByUnit[school].first else {
            throw .missingAnchor("school with staff")
        }
        let director = employeesByUnit[centre][0], worker = employeesByUnit[centre][1]
        for index in [director, worker, principal] {
            plan.employees[index].endDate = nil
            if let start = plan.employees[index].startDate.flatMap(DemoDay.init), start > today {
                plan.employees[index].startDate = today.adding(days: -3 * 365).text
            }
        }
        return DemoAnchors(daycareCentre: units[centre].name, directorHRNumber: plan.employees[director].hrNumber,
                           workerHRNumber: plan.employees[worker].hrNumber, school: units[school].name,
                           principalHRNumber: plan.employees[principal].hrNumber)
    }

    // MARK: Units

    /// Adds units of the sector until they employ `headcount`, then trims the largest to fit exactly.
    private mutating func planUnits(sectorIndex: Int, headcount: Int, random: inout DemoRandom) {
        let sector = DemoCatalogue.sectors[sectorIndex]
        let firstNew = units.count
        var used = Array(repeating: 0, count: sector.kinds.count)
        var planned = 0
        while planned < headcount {
            let kindIndex = units.count == firstNew ? 0 : pickKind(sector, used: used, random: &random)
            used[kindIndex] += 1
            planned += addUnit(sectorIndex: sectorIndex, kindIndex: kindIndex, random: &random)
        }
        firstUnitOfSector[sectorIndex] = firstNew
        trim(units: firstNew..<units.count, by: planned - headcount)
    }

    private func pickKind(_ sector: SectorSpec, used: [Int], random: inout DemoRandom) -> Int {
        let weights = sector.kinds.enumerated().map { index, kind in
            kind.limit.map { used[index] >= $0 } == true ? 0 : kind.weight
        }
        return random.index(weights: weights)
    }

    /// Adds a unit and its sub-units; returns how many they employ together.
    private mutating func addUnit(sectorIndex: Int, kindIndex: Int, random: inout DemoRandom) -> Int {
        let kind = DemoCatalogue.sectors[sectorIndex].kinds[kindIndex]
        let name = uniqueName(for: kind, key: "\(sectorIndex).\(kindIndex)", random: &random)
        let parentIndex = units.count
        let ownStaff = random.int(in: kind.staff)
        units.append(PlannedUnit(name: name, sectorIndex: sectorIndex, parentIndex: nil, head: kind.head,
                                 jobs: kind.jobs, headcount: ownStaff))
        var total = ownStaff
        for spec in kind.subUnits {
            let count = min(random.int(in: spec.count), spec.suffixes.count)
            let suffixes = random.shuffled(spec.suffixes).prefix(count)
            for suffix in suffixes.sorted(by: { $0.text(language) < $1.text(language) }) {
                let subName = claim("\(name), \(suffix.text(language))")
                let staff = random.int(in: spec.staff)
                units.append(PlannedUnit(name: subName, sectorIndex: sectorIndex, parentIndex: parentIndex,
                                         head: nil, jobs: spec.jobs, headcount: staff))
                total += staff
            }
        }
        return total
    }

    /// The next free name of the kind's seeded queue of candidates, tier by tier. When every candidate
    /// is taken (only very large organisations get that far) the queue starts again with numbers:
    /// "Kotihoito, Rantala 2".
    private mutating func uniqueName(for kind: UnitKind, key: String, random: inout DemoRandom) -> String {
        if nameQueues[key] == nil {
            nameQueues[key] = (kind.names.flatMap { random.shuffled($0.candidates(language)) }, 0)
        }
        guard var queue = nameQueues[key], !queue.names.isEmpty else { return claim(key) }
        defer { nameQueues[key] = queue }
        while queue.next < queue.names.count {
            let candidate = queue.names[queue.next]
            queue.next += 1
            if !takenNames.contains(candidate) { return claim(candidate) }
        }
        let overflow = queue.next - queue.names.count
        queue.next += 1
        return claim("\(queue.names[overflow % queue.names.count]) \(overflow / queue.names.count + 2)")
    }

    /// Marks `name` taken, numbering it if it already is.
    private mutating func claim(_ name: String) -> String {
        var candidate = name
        var number = 2
        while takenNames.contains(candidate) {
            candidate = "\(name) \(number)"
            number += 1
        }
        takenNames.insert(candidate)
        return candidate
    }

    /// Removes `surplus` people one at a time from whichever unit is largest, so small units keep
    /// their size and the sector ends with exactly its share.
    private mutating func trim(units range: Range<Int>, by surplus: Int) {
        for _ in 0..<max(0, surplus) {
            guard let largest = range.max(by: { units[$0].headcount < units[$1].headcount }),
                  units[largest].headcount > 0
            else { return }
            units[largest].headcount -= 1
        }
    }

    // MARK: Employees

    private mutating func staff(unitIndex: Int, random: inout DemoRandom) {
        let unit = units[unitIndex]
        let sector = DemoCatalogue.sectors[unit.sectorIndex]
        let weights = unit.jobs.map(\.weight)
        for position in 0..<unit.headcount {
            let job: DemoJob
            if position == 0, let head = unit.head {
                job = head
            } else if let picked = unit.jobs.isEmpty ? nil : unit.jobs[random.index(weights: weights)].job {
                job = picked
            } else {
                job = DemoCatalogue.childcareWorker
            }
            let employee = people.employee(
                in: organisation, language: language, unitName: unit.name, sectorName: plan.sectorNames[unit.sectorIndex],
                job: job, women: sector.women, today: today, random: &random)
            employeesByUnit[unitIndex].append(plan.employees.count)
            plan.employees.append(employee)
        }
    }
}
