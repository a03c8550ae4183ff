/// The rules of digitutor coverage: which units have a tutor on a day, where the gaps are, and how
/// the network has grown, from plain values only.
///
/// Nothing stores coverage. The app gives these functions the units with their active staff and the
/// tutor network with its history; asking about an earlier day answers "who covered what then?"
/// from the tutors' status changes (the units and their staff are taken as given).
public enum TutorRules {
    /// An active tutor whose planned end (or recorded end) is at most this many days away is ending.
    public static let endingWarningDays = 60

    /// Who covers each unit on `day`, and the gaps:
    ///
    /// - A tutor covers a unit on the day when their status that day is active and they are named
    ///   for the unit itself, or for an ancestor with `includesSubunits`. Paused and ended tutors do
    ///   not cover; a tutor before their first status change does not exist.
    /// - A unit is uncovered when it has staff and no active tutor.
    /// - A unit has only paused or ending tutors when it has staff, some tutor named as above is
    ///   paused or active but ending within `endingWarningDays` of `day` (that day included), and
    ///   no other active tutor.
    /// - A sector has a tutor when some unit of it is covered (whatever its staff).
    /// - For the organisation, each sector and each top unit with everything below it: staff,
    ///   staff in covered units, and distinct active tutors covering some unit of the group.
    ///
    /// Assignments to units not given, or of tutors not in the network, cover nothing. Negative
    /// staff counts as none.
    public static func coverage(on day: CivilDay, units: [StaffedUnit], network: TutorNetwork) -> TutorCoverage {
        CoverageContext(units: units).coverage(on: day, network: network)
    }

    /// The organisation's staff in covered units on each of `months` (typically the first day of each
    /// month), in the order given, from the tutors' history; the units and their staff are today's.
    public static func coverageTrend(months: [CivilDay], units: [StaffedUnit],
                                     network: TutorNetwork) -> [CoverageTrendPoint] {
        let context = CoverageContext(units: units)
        return months.map { month in
            let organisation = context.coverage(on: month, network: network).organisation
            return CoverageTrendPoint(day: month, staff: organisation.staff, coveredStaff: organisation.coveredStaff)
        }
    }
}

/// The unit tree and the units to count, built once for several days.
private struct CoverageContext {
    let tree: UnitTree
    /// Each unit once: the one the tree kept when an id was given twice, in the order given.
    let units: [StaffedUnit]

    init(units: [StaffedUnit]) {
        let tree = UnitTree(units: units.map(\.node))
        var seen: Set<Int64> = []
        self.units = units.filter { tree.nodes[$0.id] == $0.node && seen.insert($0.id).inserted }
        self.tree = tree
    }

    /// Running totals of one group.
    struct Tally {
        var staff = 0
        var coveredStaff = 0
        var tutors: Set<Int64> = []

        var coverage: GroupCoverage {
            GroupCoverage(staff: staff, coveredStaff: coveredStaff, tutors: tutors.count)
        }

        mutating func add(staff: Int, tutors: [Int64]) {
            self.staff += staff
            if !tutors.isEmpty {
                coveredStaff += staff
                self.tutors.formUnion(tutors)
            }
        }
    }

    func coverage(on day: CivilDay, network: TutorNetwork) -> TutorCoverage {
        var statuses: [Int64: TutorStanding] = [:]
        var ending: Set<Int64> = []
        for (id, tutor) in network.tutors {
            guard let status = tutor.status(on: day) else { continue }
            statuses[id] = status
            if status == .active, tutor.isEnding(after: day, within: TutorRules.endingWarningDays) {
                ending.insert(id)
            }
        }
        // Tutors named for each unit, and those of them who also cover its sub-units; ended tutors
        // and those not yet existing are left out at once.
        var named: [Int64: [Int64]] = [:]
        var namedWithSubunits: [Int64: [Int64]] = [:]
        for assignment in network.assignments {
            guard let status = statuses[assignment.tutorID], status != .ended else { continue }
            named[assignment.unitID, default: []].append(assignment.tutorID)
            if assignment.includesSubunits {
                namedWithSubunits[assignment.unitID, default: []].append(assignment.tutorID)
            }
        }

        var unitTutors: [Int64: UnitTutors] = [:]
        var uncovered: [Int64] = []
        var onlyPausedOrEnding: [Int64] = []
        var organisation = Tally()
        var sectors: [Int64: Tally] = [:]
        var topUnits: [Int64: Tally] = [:]
        for unit in units {
            let chain = tree.selfAndAncestors(of: unit.id)
            var active: Set<Int64> = []
            var paused: Set<Int64> = []
            for (index, unitID) in chain.enumerated() {
                for tutorID in (index == 0 ? named[unitID] : namedWithSubunits[unitID]) ?? [] {
                    if statuses[tutorID] == .active { active.insert(tutorID) } else { paused.insert(tutorID) }
                }
            }
            let tutors = UnitTutors(active: active.sorted(), ending: active.filter(ending.contains).sorted(),
                                    paused: paused.sorted())
            unitTutors[unit.id] = tutors
            let staff = max(0, unit.staff)
            if staff > 0 && !tutors.isCovered { uncovered.append(unit.id) }
            if staff > 0 && tutors.hasOnlyPausedOrEnding { onlyPausedOrEnding.append(unit.id) }
            organisation.add(staff: staff, tutors: tutors.active)
            if let sectorID = unit.sectorID { sectors[sectorID, default: Tally()].add(staff: staff, tutors: tutors.active) }
            topUnits[chain.last ?? unit.id, default: Tally()].add(staff: staff, tutors: tutors.active)
        }
        return TutorCoverage(
            day: day, units: unitTutors, uncovered: uncovered, onlyPausedOrEnding: onlyPausedOrEnding,
            sectorsWithoutTutor: sectors.filter { $0.value.tutors.isEmpty }.keys.sorted(),
            organisation: organisation.coverage, sectors: sectors.mapValues(\.coverage),
            topUnits: topUnits.mapValues(\.coverage))
    }
}
