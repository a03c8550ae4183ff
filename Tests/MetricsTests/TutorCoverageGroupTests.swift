import Testing
@testable import Metrics

/// A supervisor's part of the coverage: the units they look after, added up from the organisation's.
@Suite("Digitutors: coverage of a set of units")
struct TutorCoverageGroupTests {
    typealias F = TutorFixtures

    /// Tutor 1 is named for unit 1 with its sub-units, tutor 2 for unit 2 alone, tutor 3 for unit 1
    /// alone; tutor 4 for unit 3 is paused.
    static func coverage() -> TutorCoverage {
        TutorRules.coverage(on: civil("2026-06-01"), units: F.units, network: TutorNetwork(
            tutors: [F.activeTutor(1), F.activeTutor(2), F.activeTutor(3),
                     F.tutor(4, [(.active, "2026-01-01"), (.paused, "2026-05-01")])],
            assignments: [F.named(1, for: 1, withSubunits: true), F.named(2, for: 2), F.named(3, for: 1),
                          F.named(4, for: 3)]))
    }

    static func units(_ ids: [Int64]) -> [StaffedUnit] {
        ids.compactMap { id in F.units.first { $0.id == id } }
    }

    @Test func aParentsTutorWithSubunitsCoversTheSubtreeAndCountsOnce() {
        // Units 2 and 3 (14 staff): tutor 1 from above covers both, tutor 2 unit 2; tutor 3 (unit 1
        // without sub-units) and paused tutor 4 do not count.
        let group = Self.coverage().group(of: Self.units([2, 3]))
        #expect(group == GroupCoverage(staff: 14, coveredStaff: 14, tutors: 2))
        #expect(group.staffPerTutor == 7)
    }

    @Test func uncoveredUnitsCountInStaffOnly() {
        // Unit 5 and 6 have no tutor; unit 7 neither: 27 staff, none covered, no tutors.
        let group = Self.coverage().group(of: Self.units([5, 6, 7]))
        #expect(group == GroupCoverage(staff: 27, coveredStaff: 0, tutors: 0))
        #expect(group.staffPerTutor == nil && group.coveredShare == 0)
    }

    @Test func unitsGivenTwiceOrUnknownAreCountedOnceOrAsUncovered() {
        let twice = Self.units([2, 2])
        #expect(Self.coverage().group(of: twice) == GroupCoverage(staff: 10, coveredStaff: 10, tutors: 2))
        let unknown = [StaffedUnit(id: 99, parentID: nil, sectorID: nil, staff: 3),
                       StaffedUnit(id: 98, parentID: nil, sectorID: nil, staff: -4)]
        #expect(Self.coverage().group(of: unknown) == GroupCoverage(staff: 3, coveredStaff: 0, tutors: 0))
        #expect(Self.coverage().group(of: []) == GroupCoverage(staff: 0, coveredStaff: 0, tutors: 0))
    }

    @Test func theWholeOrganisationAddsUpToTheRulesOwnTotal() {
        let coverage = Self.coverage()
        #expect(coverage.group(of: F.units) == coverage.organisation)
    }
}
