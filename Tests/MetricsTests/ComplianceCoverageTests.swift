import Testing
@testable import Metrics

@Suite("Compliance: coverage counts")
struct ComplianceCoverageTests {
    @Test func countsEachStatusAndTheCompliantShareLeavesExemptPeopleOut() {
        let count = CoverageCount([
            .valid(until: civil("2027-03-15")),
            .valid(until: nil),
            .due(on: civil("2026-07-10"), daysLeft: 10, stillValid: true),
            .due(on: civil("2026-08-14"), daysLeft: 45, stillValid: false),
            .due(on: civil("2026-09-28"), daysLeft: 90, stillValid: true),
            .overdue(since: civil("2026-06-30"), days: 3),
            .exempt(until: civil("2026-09-30")),
            .notRequired,
        ])
        #expect(count.required == 7)
        #expect(count.valid == 2)
        #expect(count.due == 3 && count.dueStillValid == 2)
        #expect(count.dueWithin30 == 1 && count.dueWithin60 == 2)
        #expect(count.overdue == 1 && count.exempt == 1)
        #expect(count.compliant == 4)
        #expect(approximately(count.compliantShare, 4.0 / 6.0))
    }

    @Test func theDeadlineDayCountsAsWithin30AndNeverCompletedIsNotCompliant() {
        var count = CoverageCount()
        count.add(.due(on: civil("2026-06-30"), daysLeft: 0, stillValid: false))
        #expect(count.dueWithin30 == 1 && count.dueWithin60 == 1)
        #expect(count.compliant == 0)
        #expect(count.compliantShare == 0)
    }

    @Test func noShareWithoutAnyoneToCount() {
        #expect(CoverageCount().compliantShare == nil)
        #expect(CoverageCount([.notRequired, .exempt(until: civil("2026-09-30"))]).compliantShare == nil)
    }

    @Test func kindsSortMostUrgentFirst() {
        let statuses: [RequirementStatus] = [.notRequired, .valid(until: nil), .exempt(until: civil("2026-09-30")),
                                             .overdue(since: civil("2026-06-30"), days: 1),
                                             .due(on: civil("2026-06-30"), daysLeft: 0, stillValid: false)]
        #expect(statuses.map(\.kind).sorted() == [.overdue, .due, .exempt, .valid, .notRequired])
        #expect(statuses.filter(\.isCompliant).map(\.kind) == [.valid])
    }

    /// 40,000 people × 3 requirements with about three completions each: a sanity run that the rules
    /// are cheap enough to compute at read time (timings belong to `make bench`, not to tests).
    @Test func fortyThousandPeopleTimesThreeRequirementsComplete() {
        let rules = [ComplianceRules.annual, ComplianceRules.endOfYear, ComplianceRules.once]
        let today = civil("2027-06-15")
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var counts = Array(repeating: CoverageCount(), count: rules.count)
        for _ in 0..<40_000 {
            let person = RequirementPerson(startDate: civil("2018-01-01").adding(days: next(3600)))
            let exemptions = next(20) == 0 ? [ExemptionPeriod(from: today.adding(days: -30), until: today.adding(days: 60))] : []
            for (index, rule) in rules.enumerated() {
                let completions = (0..<next(5)).map { _ in civil("2024-01-01").adding(days: next(1300)) }
                counts[index].add(RequirementRules.status(on: today, rule: rule, person: person,
                                                          completions: completions, exemptions: exemptions))
            }
        }
        let total = counts.map(\.required).reduce(0, +)
        #expect(total > 100_000 && total <= 120_000)
        #expect(counts.allSatisfy { $0.valid + $0.due + $0.overdue + $0.exempt == $0.required })
    }
}
