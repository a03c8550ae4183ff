import Testing
@testable import Metrics

/// The units the coverage tables use (own staff in brackets):
///
///     1 (5, sector 10)               5 (8, sector 20)     7 (7, sector 30)     8 (0, no sector)
///     ├── 2 (10, sector 10)          └── 6 (12, sector 20)
///     │   └── 3 (4, sector 10)
///     └── 4 (6, sector 10)
enum TutorFixtures {
    static let units = [
        StaffedUnit(id: 1, parentID: nil, sectorID: 10, staff: 5),
        StaffedUnit(id: 2, parentID: 1, sectorID: 10, staff: 10),
        StaffedUnit(id: 3, parentID: 2, sectorID: 10, staff: 4),
        StaffedUnit(id: 4, parentID: 1, sectorID: 10, staff: 6),
        StaffedUnit(id: 5, parentID: nil, sectorID: 20, staff: 8),
        StaffedUnit(id: 6, parentID: 5, sectorID: 20, staff: 12),
        StaffedUnit(id: 7, parentID: nil, sectorID: 30, staff: 7),
        StaffedUnit(id: 8, parentID: nil, sectorID: nil, staff: 0),
    ]
    static let totalStaff = 52

    /// A tutor with status changes written as ("active", "2026-01-01") pairs.
    static func tutor(_ id: Int64, _ changes: [(TutorStanding, String)], plannedEnd: String? = nil) -> NetworkTutor {
        NetworkTutor(id: id, periods: changes.map { TutorPeriod($0.0, from: civil($0.1)) }, plannedEnd: plannedEnd.map { civil($0) })
    }

    /// A tutor active since the start of 2026.
    static func activeTutor(_ id: Int64, plannedEnd: String? = nil) -> NetworkTutor {
        tutor(id, [(.active, "2026-01-01")], plannedEnd: plannedEnd)
    }

    static func named(_ tutorID: Int64, for unitID: Int64, withSubunits: Bool = false) -> TutorAssignment {
        TutorAssignment(tutorID: tutorID, unitID: unitID, includesSubunits: withSubunits)
    }
}

/// One row of a coverage table: a network, a day, and who covers what.
struct TutorCoverageCase: Sendable, CustomTestStringConvertible {
    let name: String
    let tutors: [NetworkTutor]
    let assignments: [TutorAssignment]
    var on = "2026-06-01"
    /// Active tutors per unit; units not listed have none.
    let covering: [Int64: [Int64]]
    var onlyPausedOrEnding: [Int64] = []

    var testDescription: String { name }

    func coverage() -> TutorCoverage {
        TutorRules.coverage(on: civil(on), units: TutorFixtures.units,
                            network: TutorNetwork(tutors: tutors, assignments: assignments))
    }
}

@Suite("Digitutors: coverage on a day")
struct TutorCoverageTests {
    typealias F = TutorFixtures

    static let subunits: [TutorCoverageCase] = [
        TutorCoverageCase(name: "named for a unit without its sub-units: only that unit",
                          tutors: [F.activeTutor(1)], assignments: [F.named(1, for: 2)], covering: [2: [1]]),
        TutorCoverageCase(name: "named for a unit with its sub-units: the unit and the one below",
                          tutors: [F.activeTutor(1)], assignments: [F.named(1, for: 2, withSubunits: true)],
                          covering: [2: [1], 3: [1]]),
        TutorCoverageCase(name: "named for a top unit with its sub-units: every level below",
                          tutors: [F.activeTutor(1)], assignments: [F.named(1, for: 1, withSubunits: true)],
                          covering: [1: [1], 2: [1], 3: [1], 4: [1]]),
        TutorCoverageCase(name: "a top unit's tutor without sub-units and a child's tutor with them",
                          tutors: [F.activeTutor(1), F.activeTutor(2)],
                          assignments: [F.named(1, for: 1), F.named(2, for: 2, withSubunits: true)],
                          covering: [1: [1], 2: [2], 3: [2]]),
        TutorCoverageCase(name: "a unit covered from above and by its own tutor lists both, once each",
                          tutors: [F.activeTutor(1), F.activeTutor(2)],
                          assignments: [F.named(1, for: 1, withSubunits: true), F.named(2, for: 3),
                                        F.named(1, for: 3)],
                          covering: [1: [1], 2: [1], 3: [1, 2], 4: [1]]),
        TutorCoverageCase(name: "an assignment to a unit not given and one of a tutor not in the network cover nothing",
                          tutors: [F.activeTutor(1)], assignments: [F.named(1, for: 99, withSubunits: true), F.named(42, for: 2)],
                          covering: [:]),
    ]

    static let statuses: [TutorCoverageCase] = [
        TutorCoverageCase(name: "a paused tutor does not cover, and the unit has only a paused tutor",
                          tutors: [F.tutor(1, [(.active, "2026-01-01"), (.paused, "2026-05-01")])],
                          assignments: [F.named(1, for: 2, withSubunits: true)], covering: [:], onlyPausedOrEnding: [2, 3]),
        TutorCoverageCase(name: "an ended tutor does not cover and is no one to wait for",
                          tutors: [F.tutor(1, [(.active, "2026-01-01"), (.ended, "2026-05-01")])],
                          assignments: [F.named(1, for: 2)], covering: [:]),
        TutorCoverageCase(name: "paused then active again: uncovered during the break",
                          tutors: [F.tutor(1, [(.active, "2026-01-01"), (.paused, "2026-03-01"), (.active, "2026-05-01")])],
                          assignments: [F.named(1, for: 2)], on: "2026-04-30", covering: [:], onlyPausedOrEnding: [2]),
        TutorCoverageCase(name: "paused then active again: covered from the day of return",
                          tutors: [F.tutor(1, [(.paused, "2026-03-01"), (.active, "2026-05-01"), (.active, "2026-01-01")])],
                          assignments: [F.named(1, for: 2)], on: "2026-05-01", covering: [2: [1]]),
        TutorCoverageCase(name: "before the first change the tutor does not exist",
                          tutors: [F.tutor(1, [(.active, "2026-07-01")])],
                          assignments: [F.named(1, for: 2)], covering: [:]),
        TutorCoverageCase(name: "two changes on one day: the one given last wins",
                          tutors: [F.tutor(1, [(.active, "2026-01-01"), (.active, "2026-05-01"), (.ended, "2026-05-01")])],
                          assignments: [F.named(1, for: 2)], covering: [:]),
        TutorCoverageCase(name: "a paused tutor beside an active one: covered and not at risk",
                          tutors: [F.tutor(1, [(.paused, "2026-01-01")]), F.activeTutor(2)],
                          assignments: [F.named(1, for: 4), F.named(2, for: 4)], covering: [4: [2]]),
    ]

    static let ending: [TutorCoverageCase] = [
        TutorCoverageCase(name: "the only tutor ends in 30 days: still covers, listed",
                          tutors: [F.activeTutor(1, plannedEnd: "2026-07-01")], assignments: [F.named(1, for: 2)],
                          covering: [2: [1]], onlyPausedOrEnding: [2]),
        TutorCoverageCase(name: "the only tutor ends in 90 days: not listed",
                          tutors: [F.activeTutor(1, plannedEnd: "2026-08-30")], assignments: [F.named(1, for: 2)],
                          covering: [2: [1]]),
        TutorCoverageCase(name: "ending exactly 60 days ahead: listed",
                          tutors: [F.activeTutor(1, plannedEnd: "2026-07-31")], assignments: [F.named(1, for: 2)],
                          covering: [2: [1]], onlyPausedOrEnding: [2]),
        TutorCoverageCase(name: "ending 61 days ahead: not listed",
                          tutors: [F.activeTutor(1, plannedEnd: "2026-08-01")], assignments: [F.named(1, for: 2)],
                          covering: [2: [1]]),
        TutorCoverageCase(name: "an end already recorded in the history 30 days ahead counts as ending",
                          tutors: [F.tutor(1, [(.active, "2026-01-01"), (.ended, "2026-07-01")])],
                          assignments: [F.named(1, for: 2)], covering: [2: [1]], onlyPausedOrEnding: [2]),
        TutorCoverageCase(name: "an ending tutor beside a steady one: not listed",
                          tutors: [F.activeTutor(1, plannedEnd: "2026-07-01"), F.activeTutor(2)],
                          assignments: [F.named(1, for: 2), F.named(2, for: 2)], covering: [2: [1, 2]]),
        TutorCoverageCase(name: "one paused and one ending tutor: listed, still covered",
                          tutors: [F.activeTutor(1, plannedEnd: "2026-07-01"), F.tutor(2, [(.paused, "2026-02-01")])],
                          assignments: [F.named(1, for: 2), F.named(2, for: 2)], covering: [2: [1]], onlyPausedOrEnding: [2]),
        TutorCoverageCase(name: "a unit with no staff is never listed",
                          tutors: [F.activeTutor(1, plannedEnd: "2026-07-01")], assignments: [F.named(1, for: 8)],
                          covering: [8: [1]]),
    ]

    static func check(_ row: TutorCoverageCase) {
        let coverage = row.coverage()
        for unit in F.units {
            #expect(coverage.tutors(of: unit.id).active == row.covering[unit.id] ?? [], "unit \(unit.id)")
        }
        let expectedUncovered = F.units.filter { $0.staff > 0 && row.covering[$0.id] == nil }.map(\.id)
        #expect(coverage.uncovered == expectedUncovered)
        #expect(coverage.onlyPausedOrEnding == row.onlyPausedOrEnding)
    }

    @Test(arguments: subunits) func subUnitsAreCoveredOnlyWhenIncluded(_ row: TutorCoverageCase) { Self.check(row) }
    @Test(arguments: statuses) func onlyActiveTutorsCover(_ row: TutorCoverageCase) { Self.check(row) }
    @Test(arguments: ending) func unitsWhoseOnlyTutorsArePausedOrEnding(_ row: TutorCoverageCase) { Self.check(row) }

    @Test func theUnitsTutorsSayWhoIsEndingAndWhoIsPaused() {
        let coverage = TutorRules.coverage(
            on: civil("2026-06-01"), units: F.units,
            network: TutorNetwork(tutors: [F.activeTutor(3, plannedEnd: "2026-06-20"), F.activeTutor(1),
                                           F.tutor(2, [(.active, "2026-01-01"), (.paused, "2026-04-01")])],
                                  assignments: [F.named(1, for: 1, withSubunits: true), F.named(2, for: 2), F.named(3, for: 2)]))
        #expect(coverage.tutors(of: 2) == UnitTutors(active: [1, 3], ending: [3], paused: [2]))
        #expect(coverage.tutors(of: 3) == UnitTutors(active: [1], ending: [], paused: []))
        #expect(coverage.tutors(of: 99) == UnitTutors(active: [], ending: [], paused: []))
        #expect(coverage.units.count == F.units.count)
    }

    @Test func aSectorHasATutorWhenSomeUnitOfItIsCovered() {
        let network = TutorNetwork(tutors: [F.activeTutor(1), F.activeTutor(2), F.tutor(3, [(.paused, "2026-01-01")])],
                                   assignments: [F.named(1, for: 1, withSubunits: true), F.named(2, for: 8),
                                                 F.named(3, for: 7)])
        let coverage = TutorRules.coverage(on: civil("2026-06-01"), units: F.units, network: network)
        #expect(coverage.sectorsWithoutTutor == [20, 30], "a paused tutor gives sector 30 no tutor; unit 8 has no sector")
        let child = TutorNetwork(tutors: [F.activeTutor(1)], assignments: [F.named(1, for: 6)])
        #expect(TutorRules.coverage(on: civil("2026-06-01"), units: F.units, network: child).sectorsWithoutTutor == [10, 30],
                "one covered sub-unit is enough")
        #expect(TutorRules.coverage(on: civil("2026-06-01"), units: F.units,
                                    network: TutorNetwork(tutors: [], assignments: [])).sectorsWithoutTutor == [10, 20, 30])
    }

    @Test func staffPerTutorCountsATutorOfTwoUnitsOnce() throws {
        let one = TutorNetwork(tutors: [F.activeTutor(1)], assignments: [F.named(1, for: 2), F.named(1, for: 4)])
        let coverage = TutorRules.coverage(on: civil("2026-06-01"), units: F.units, network: one)
        #expect(coverage.sectors[10] == GroupCoverage(staff: 25, coveredStaff: 16, tutors: 1))
        #expect(approximately(coverage.sectors[10]?.staffPerTutor, 16))
        #expect(coverage.topUnits[1] == GroupCoverage(staff: 25, coveredStaff: 16, tutors: 1))
        #expect(coverage.organisation == GroupCoverage(staff: F.totalStaff, coveredStaff: 16, tutors: 1))

        let two = TutorNetwork(tutors: [F.activeTutor(1), F.activeTutor(2)],
                               assignments: [F.named(1, for: 2), F.named(1, for: 4), F.named(2, for: 4)])
        let coverageTwo = TutorRules.coverage(on: civil("2026-06-01"), units: F.units, network: two)
        #expect(approximately(coverageTwo.sectors[10]?.staffPerTutor, 8))
        let sector20 = try #require(coverageTwo.sectors[20])
        #expect(sector20.staffPerTutor == nil && sector20.coveredShare == 0, "no tutor: no ratio, nobody covered")
    }

    @Test func coveredSharesForTheOrganisationSectorsAndTopUnits() {
        let network = TutorNetwork(tutors: [F.activeTutor(1), F.activeTutor(2)],
                                   assignments: [F.named(1, for: 1, withSubunits: true), F.named(2, for: 6)])
        let coverage = TutorRules.coverage(on: civil("2026-06-01"), units: F.units, network: network)
        #expect(approximately(coverage.organisation.coveredShare, 37.0 / 52.0))
        #expect(approximately(coverage.sectors[10]?.coveredShare, 1))
        #expect(approximately(coverage.sectors[20]?.coveredShare, 12.0 / 20.0))
        #expect(approximately(coverage.sectors[30]?.coveredShare, 0))
        #expect(coverage.sectors.keys.sorted() == [10, 20, 30], "units without a sector make no sector")
        #expect(approximately(coverage.topUnits[5]?.coveredShare, 12.0 / 20.0))
        #expect(approximately(coverage.organisation.staffPerTutor, 37.0 / 2.0))
        #expect(coverage.topUnits[8] == GroupCoverage(staff: 0, coveredStaff: 0, tutors: 0))
        #expect(coverage.topUnits[8]?.coveredShare == nil, "no staff: no share")
        #expect(coverage.uncovered == [5, 7])
    }

    /// A tutor network of a large organisation: a sanity run that coverage is cheap enough to compute
    /// at read time (timings belong to `make bench`, not to tests).
    @Test func twoThousandThreeHundredUnitsAndFifteenHundredTutorsComplete() {
        var seed: UInt64 = 0x7070
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var units: [StaffedUnit] = []
        for id in 1...2_300 {
            // Ten top units, each unit's parent a lower id, so the tree is a few levels deep.
            let parent: Int64? = id <= 10 ? nil : Int64(1 + next(id - 1))
            units.append(StaffedUnit(id: Int64(id), parentID: parent, sectorID: Int64(1 + id % 12), staff: next(40)))
        }
        let day = civil("2026-06-01")
        var tutors: [NetworkTutor] = []
        var assignments: [TutorAssignment] = []
        for id in 1...1_500 {
            var periods = [TutorPeriod(.active, from: day.adding(days: -next(900)))]
            if next(10) == 0 { periods.append(TutorPeriod(.paused, from: day.adding(days: -next(30)))) }
            if next(20) == 0 { periods.append(TutorPeriod(.ended, from: day.adding(days: next(120) - 60))) }
            tutors.append(NetworkTutor(id: Int64(id), periods: periods,
                                plannedEnd: next(8) == 0 ? day.adding(days: next(200)) : nil))
            for _ in 0...next(3) {
                assignments.append(TutorAssignment(tutorID: Int64(id), unitID: Int64(1 + next(2_300)),
                                                   includesSubunits: next(4) == 0))
            }
        }
        let coverage = TutorRules.coverage(on: day, units: units, network: TutorNetwork(tutors: tutors, assignments: assignments))
        #expect(coverage.units.count == 2_300)
        #expect(coverage.organisation.staff == units.reduce(0) { $0 + $1.staff })
        let coveredStaff = units.filter { coverage.tutors(of: $0.id).isCovered }.reduce(0) { $0 + $1.staff }
        #expect(coverage.organisation.coveredStaff == coveredStaff)
        #expect(coverage.sectors.values.reduce(0) { $0 + $1.coveredStaff } == coveredStaff)
        #expect(coverage.topUnits.values.reduce(0) { $0 + $1.staff } == coverage.organisation.staff)
        #expect(coverage.organisation.tutors > 0 && coverage.organisation.tutors <= 1_500)
        #expect(Set(coverage.uncovered).allSatisfy { !coverage.tutors(of: $0).isCovered })
    }
}

@Suite("Digitutors: coverage trend")
struct TutorTrendTests {
    typealias F = TutorFixtures

    @Test func theTrendFollowsTutorsJoiningPausingAndLeaving() {
        let network = TutorNetwork(
            tutors: [F.tutor(1, [(.active, "2026-02-15")]),
                     F.tutor(2, [(.active, "2025-11-01"), (.ended, "2026-04-01")]),
                     F.tutor(3, [(.active, "2026-03-01"), (.paused, "2026-05-01"), (.active, "2026-06-01")])],
            assignments: [F.named(1, for: 1, withSubunits: true), F.named(2, for: 5), F.named(3, for: 6)])
        let months = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"].map { civil($0) }
        let trend = TutorRules.coverageTrend(months: months, units: F.units, network: network)
        #expect(trend.map(\.day) == months)
        #expect(trend.map(\.coveredStaff) == [8, 8, 45, 37, 25, 37],
                "tutor 1 joins mid-February, 2 leaves in April, 3 pauses for May")
        #expect(trend.allSatisfy { $0.staff == F.totalStaff })
        #expect(approximately(trend[2].coveredShare, 45.0 / 52.0))
        #expect(TutorRules.coverageTrend(months: months, units: [], network: network).allSatisfy { $0.coveredShare == nil })
    }
}
