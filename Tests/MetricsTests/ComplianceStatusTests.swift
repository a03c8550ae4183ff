import Testing
@testable import Metrics

/// One row of a status table: a person, their completions and exemptions, a day, and the answer.
struct StatusCase: Sendable, CustomTestStringConvertible {
    let name: String
    var rule: RequirementRule = ComplianceRules.annual
    var person: RequirementPerson = CompliancePeople.staff
    var completions: [String] = []
    var exemptions: [ExemptionPeriod] = []
    let on: String
    let expected: RequirementStatus

    var testDescription: String { name }

    func evaluate() -> RequirementStatus {
        RequirementRules.status(on: civil(on), rule: rule, person: person,
                                completions: completions.map { civil($0) }, exemptions: exemptions)
    }
}

func valid(_ until: String) -> RequirementStatus { .valid(until: civil(until)) }
func dueWithoutCompletion(_ on: String, _ daysLeft: Int) -> RequirementStatus {
    .due(on: civil(on), daysLeft: daysLeft, stillValid: false)
}
func dueForRenewal(_ on: String, _ daysLeft: Int) -> RequirementStatus {
    .due(on: civil(on), daysLeft: daysLeft, stillValid: true)
}
func overdue(_ since: String, _ days: Int) -> RequirementStatus { .overdue(since: civil(since), days: days) }
func exempt(_ until: String) -> RequirementStatus { .exempt(until: civil(until)) }

@Suite("Compliance: status from dates")
struct ComplianceStatusTests {
    static let deadlines: [StatusCase] = [
        StatusCase(name: "the day before the requirement is in force: not required",
                   on: "2025-12-31", expected: .notRequired),
        StatusCase(name: "never completed, first day in force: due by the first deadline, whatever the window",
                   on: "2026-01-01", expected: dueWithoutCompletion("2026-06-30", 180)),
        StatusCase(name: "never completed, the day before the first deadline: 1 day left",
                   on: "2026-06-29", expected: dueWithoutCompletion("2026-06-30", 1)),
        StatusCase(name: "never completed, on the first deadline: due with 0 days left",
                   on: "2026-06-30", expected: dueWithoutCompletion("2026-06-30", 0)),
        StatusCase(name: "never completed, the day after the first deadline: overdue by 1",
                   on: "2026-07-01", expected: overdue("2026-06-30", 1)),
        StatusCase(name: "a person with no employment dates is treated as staff already there",
                   person: CompliancePeople.noDates, on: "2026-07-10", expected: overdue("2026-06-30", 10)),
        StatusCase(name: "completed: valid for 12 months from the completion",
                   completions: ["2026-03-15"], on: "2026-04-01", expected: valid("2027-03-15")),
        StatusCase(name: "the day before the 60-day window opens: still plainly valid",
                   completions: ["2026-03-15"], on: "2027-01-13", expected: valid("2027-03-15")),
        StatusCase(name: "the day the window opens: due for renewal with 60 days left, still valid",
                   completions: ["2026-03-15"], on: "2027-01-14", expected: dueForRenewal("2027-03-15", 60)),
        StatusCase(name: "on the expiry day: due with 0 days left, still valid",
                   completions: ["2026-03-15"], on: "2027-03-15", expected: dueForRenewal("2027-03-15", 0)),
        StatusCase(name: "the day after expiry: overdue by 1 since the expiry",
                   completions: ["2026-03-15"], on: "2027-03-16", expected: overdue("2027-03-15", 1)),
        StatusCase(name: "no window: valid the day before expiry",
                   rule: ComplianceRules.annualNoWindow, completions: ["2026-03-15"], on: "2027-03-14",
                   expected: valid("2027-03-15")),
        StatusCase(name: "no window: due on the expiry day itself",
                   rule: ComplianceRules.annualNoWindow, completions: ["2026-03-15"], on: "2027-03-15",
                   expected: dueForRenewal("2027-03-15", 0)),
        StatusCase(name: "completed after the first deadline: valid from the completion day",
                   completions: ["2026-07-05"], on: "2026-07-05", expected: valid("2027-07-05")),
    ]

    static let completionAnchor: [StatusCase] = [
        StatusCase(name: "a completion inside the window renews from the expiry, losing nothing",
                   completions: ["2026-03-15", "2027-02-01"], on: "2027-04-01", expected: valid("2028-03-15")),
        StatusCase(name: "a completion on the expiry day still renews from it",
                   completions: ["2026-03-15", "2027-03-15"], on: "2027-04-01", expected: valid("2028-03-15")),
        StatusCase(name: "a completion after expiry starts afresh from its own date",
                   completions: ["2026-03-15", "2027-05-10"], on: "2027-06-01", expected: valid("2028-05-10")),
        StatusCase(name: "no creep: three early renewals keep 15 March",
                   completions: ["2026-03-15", "2027-02-01", "2028-01-20", "2029-02-10"], on: "2029-04-01",
                   expected: valid("2030-03-15")),
        StatusCase(name: "completions given out of order are folded in date order",
                   completions: ["2029-02-10", "2027-02-01", "2026-03-15", "2028-01-20"], on: "2029-04-01",
                   expected: valid("2030-03-15")),
        StatusCase(name: "an early completion before the window counts from its own date",
                   completions: ["2026-03-15", "2026-09-01"], on: "2026-10-01", expected: valid("2027-09-01")),
        StatusCase(name: "a second completion soon after a renewal never shortens it",
                   completions: ["2026-03-15", "2027-02-01", "2027-03-01"], on: "2027-04-01",
                   expected: valid("2028-03-15")),
        StatusCase(name: "two satisfying trainings on the same day count once",
                   completions: ["2026-03-15", "2026-03-15"], on: "2026-04-01", expected: valid("2027-03-15")),
        StatusCase(name: "a window as long as the validity cannot stack completions days apart",
                   rule: ComplianceRules.annualHugeWindow, completions: ["2026-03-15", "2026-03-20"],
                   on: "2026-04-01", expected: dueForRenewal("2027-03-20", 353)),
        StatusCase(name: "leap day: completed 29.2.2028, valid until 28.2.2029",
                   completions: ["2028-02-29"], on: "2028-06-01", expected: valid("2029-02-28")),
        StatusCase(name: "leap day: renewed in the window, the chain stays on 28 February",
                   completions: ["2028-02-29", "2029-01-15"], on: "2029-03-01", expected: valid("2030-02-28")),
    ]

    static let yearlyAnchor: [StatusCase] = [
        StatusCase(name: "31 Dec anchor: completed early in the year, valid until the end of next year",
                   rule: ComplianceRules.endOfYear, completions: ["2026-02-01"], on: "2026-03-01",
                   expected: valid("2027-12-31")),
        StatusCase(name: "31 Dec anchor: completed late in the year, valid until the end of next year",
                   rule: ComplianceRules.endOfYear, completions: ["2026-12-20"], on: "2027-01-05",
                   expected: valid("2027-12-31")),
        StatusCase(name: "31 Dec anchor: completed on 31 December, valid until the next 31 December",
                   rule: ComplianceRules.endOfYear, completions: ["2026-12-31"], on: "2027-01-05",
                   expected: valid("2027-12-31")),
        StatusCase(name: "31 Dec anchor: the window opens on 1 November",
                   rule: ComplianceRules.endOfYear, completions: ["2026-02-01"], on: "2027-11-01",
                   expected: dueForRenewal("2027-12-31", 60)),
        StatusCase(name: "31 Dec anchor: completed inside the window, valid until the year after",
                   rule: ComplianceRules.endOfYear, completions: ["2026-02-01", "2027-11-15"], on: "2028-01-10",
                   expected: valid("2028-12-31")),
        StatusCase(name: "31 Dec anchor: overdue on 1 January after a missed renewal",
                   rule: ComplianceRules.endOfYear, completions: ["2026-02-01"], on: "2028-01-01",
                   expected: overdue("2027-12-31", 1)),
        StatusCase(name: "31 Dec anchor: completed after expiry, the new expiry is still on 31 December",
                   rule: ComplianceRules.endOfYear, completions: ["2026-02-01", "2028-02-10"], on: "2028-03-01",
                   expected: valid("2029-12-31")),
        StatusCase(name: "31 Dec anchor: a staff member who never completed is first due 31.12.2026",
                   rule: ComplianceRules.endOfYear, on: "2026-12-31", expected: dueWithoutCompletion("2026-12-31", 0)),
        StatusCase(name: "31 Dec anchor: a new hire starting 20 December is due 90 days later, not 31 December",
                   rule: ComplianceRules.endOfYear, person: CompliancePeople.startingOn("2026-12-20"), on: "2026-12-31",
                   expected: dueWithoutCompletion("2027-03-20", 79)),
        StatusCase(name: "29 Feb anchor in a common year means 28 February",
                   rule: ComplianceRules.leapDay, completions: ["2025-01-10"], on: "2025-06-01",
                   expected: valid("2026-02-28")),
        StatusCase(name: "29 Feb anchor: past 28 February of a common year, the next anchor is 29.2.2028",
                   rule: ComplianceRules.leapDay, completions: ["2026-05-01"], on: "2026-06-01",
                   expected: valid("2028-02-29")),
        StatusCase(name: "29 Feb anchor: renewing in the window before 28.2.2027 reaches 29.2.2028",
                   rule: ComplianceRules.leapDay, completions: ["2026-01-10", "2027-02-10"], on: "2027-03-01",
                   expected: valid("2028-02-29")),
    ]

    static let employment: [StatusCase] = [
        StatusCase(name: "new hire: due start + 90 days",
                   person: CompliancePeople.startingOn("2026-05-01"), on: "2026-05-01",
                   expected: dueWithoutCompletion("2026-07-30", 90)),
        StatusCase(name: "new hire: overdue the day after the grace ends",
                   person: CompliancePeople.startingOn("2026-05-01"), on: "2026-07-31",
                   expected: overdue("2026-07-30", 1)),
        StatusCase(name: "new hire: the day before the start date, not required",
                   person: CompliancePeople.startingOn("2026-05-01"), on: "2026-04-30", expected: .notRequired),
        StatusCase(name: "started before the requirement came into force: the staff's first deadline",
                   person: CompliancePeople.startingOn("2025-11-01"), on: "2026-07-01",
                   expected: overdue("2026-06-30", 1)),
        StatusCase(name: "started on the day it came into force: counts as staff already there",
                   person: CompliancePeople.startingOn("2026-01-01"), on: "2026-01-01",
                   expected: dueWithoutCompletion("2026-06-30", 180)),
        StatusCase(name: "new hire soon after it came into force: never due before the staff already there",
                   person: CompliancePeople.startingOn("2026-01-10"), on: "2026-04-20",
                   expected: dueWithoutCompletion("2026-06-30", 71)),
        StatusCase(name: "new hire with evidence from a previous employer: valid from the first day",
                   person: CompliancePeople.startingOn("2026-05-01"), completions: ["2026-02-01"], on: "2026-05-01",
                   expected: valid("2027-02-01")),
        StatusCase(name: "leaving: on the last day of employment still required",
                   person: CompliancePeople.staffLeavingOn("2026-08-31"), on: "2026-08-31",
                   expected: overdue("2026-06-30", 62)),
        StatusCase(name: "leaving: the day after the last day, not required",
                   person: CompliancePeople.staffLeavingOn("2026-08-31"), on: "2026-09-01", expected: .notRequired),
    ]

    static let evidenceAndOnce: [StatusCase] = [
        StatusCase(name: "a completion of a since-retired training is just a date and still counts",
                   completions: ["2026-03-01"], on: "2026-09-01", expected: valid("2027-03-01")),
        StatusCase(name: "evidence that lapsed before the requirement existed: due by the first deadline, not overdue",
                   completions: ["2024-03-01"], on: "2026-02-01", expected: dueWithoutCompletion("2026-06-30", 149)),
        StatusCase(name: "evidence that lapses before the first deadline: the first deadline still holds",
                   completions: ["2025-03-01"], on: "2026-04-01", expected: dueWithoutCompletion("2026-06-30", 90)),
        StatusCase(name: "rule change, old 24-month rule: the 2026 completion is valid until 2028",
                   rule: ComplianceRules.before2027Change, completions: ["2026-03-01"], on: "2027-06-01",
                   expected: valid("2028-03-01")),
        StatusCase(name: "rule change, new 12-month rule: the same completion lapsed, due by the new first deadline",
                   rule: ComplianceRules.after2027Change, completions: ["2026-03-01"], on: "2027-06-01",
                   expected: dueWithoutCompletion("2027-06-30", 29)),
        StatusCase(name: "rule change, new rule before its window: valid until the shorter expiry",
                   rule: ComplianceRules.after2027Change, completions: ["2026-03-01"], on: "2027-02-01",
                   expected: valid("2027-03-01")),
        StatusCase(name: "rule change, new rule after its first deadline: overdue",
                   rule: ComplianceRules.after2027Change, completions: ["2026-03-01"], on: "2027-07-01",
                   expected: overdue("2027-06-30", 1)),
        StatusCase(name: "rule change, old rule on the same day: still valid",
                   rule: ComplianceRules.before2027Change, completions: ["2026-03-01"], on: "2027-07-01",
                   expected: valid("2028-03-01")),
        StatusCase(name: "once only: a completion is valid with no end, years later",
                   rule: ComplianceRules.once, completions: ["2026-02-01"], on: "2035-01-01", expected: .valid(until: nil)),
        StatusCase(name: "once only: never completed, overdue after the first deadline",
                   rule: ComplianceRules.once, on: "2026-07-10", expected: overdue("2026-06-30", 10)),
        StatusCase(name: "once only: completed late, valid for good",
                   rule: ComplianceRules.once, completions: ["2026-08-01"], on: "2026-08-01", expected: .valid(until: nil)),
        StatusCase(name: "once only: valid beats an exemption",
                   rule: ComplianceRules.once, completions: ["2026-02-01"], exemptions: [exemption("2026-05-01", "2026-09-30")],
                   on: "2026-06-01", expected: .valid(until: nil)),
        StatusCase(name: "once only: a new hire is due start + 60 days",
                   rule: ComplianceRules.once, person: CompliancePeople.startingOn("2026-09-01"), on: "2026-09-01",
                   expected: dueWithoutCompletion("2026-10-31", 60)),
    ]

    static let exemptions: [StatusCase] = [
        StatusCase(name: "exempt and never completed: exempt until the exemption ends",
                   exemptions: [exemption("2026-05-01", "2026-09-30")], on: "2026-06-15", expected: exempt("2026-09-30")),
        StatusCase(name: "back from an exemption that covered the deadline: due end + 90 days",
                   exemptions: [exemption("2026-05-01", "2026-09-30")], on: "2026-10-01",
                   expected: dueWithoutCompletion("2026-12-29", 89)),
        StatusCase(name: "back from an exemption: overdue the day after the moved deadline",
                   exemptions: [exemption("2026-05-01", "2026-09-30")], on: "2026-12-30", expected: overdue("2026-12-29", 1)),
        StatusCase(name: "a deadline missed before the exemption began: exempt during it",
                   exemptions: [exemption("2026-08-01", "2026-09-30")], on: "2026-08-15", expected: exempt("2026-09-30")),
        StatusCase(name: "a deadline missed before the exemption began stays missed after it",
                   exemptions: [exemption("2026-08-01", "2026-09-30")], on: "2026-10-01", expected: overdue("2026-06-30", 93)),
        StatusCase(name: "valid beats exempt: a valid person stays valid during an exemption",
                   completions: ["2026-03-01"], exemptions: [exemption("2026-05-01", "2026-09-30")], on: "2026-06-01",
                   expected: valid("2027-03-01")),
        StatusCase(name: "valid with the window open during an exemption: valid, not nagged",
                   completions: ["2026-03-01"], exemptions: [exemption("2027-01-01", "2027-06-30")], on: "2027-02-01",
                   expected: valid("2027-03-01")),
        StatusCase(name: "expired during an exemption: exempt until it ends",
                   completions: ["2026-03-01"], exemptions: [exemption("2027-01-01", "2027-06-30")], on: "2027-04-01",
                   expected: exempt("2027-06-30")),
        StatusCase(name: "expired during an exemption: back, the deadline moved to end + 90 days",
                   completions: ["2026-03-01"], exemptions: [exemption("2027-01-01", "2027-06-30")], on: "2027-07-01",
                   expected: dueWithoutCompletion("2027-09-28", 89)),
        StatusCase(name: "overlapping exemptions are one absence",
                   exemptions: [exemption("2026-06-10", "2026-07-31"), exemption("2026-05-01", "2026-06-15")],
                   on: "2026-06-01", expected: exempt("2026-07-31")),
        StatusCase(name: "back-to-back exemptions are one absence",
                   exemptions: [exemption("2026-05-01", "2026-05-31"), exemption("2026-06-01", "2026-07-31")],
                   on: "2026-05-15", expected: exempt("2026-07-31")),
        StatusCase(name: "a planned exemption excuses nothing before it starts",
                   exemptions: [exemption("2026-06-15", "2026-09-30")], on: "2026-06-10",
                   expected: dueWithoutCompletion("2026-06-30", 20)),
        StatusCase(name: "a moved deadline that lands in a second exemption moves again",
                   exemptions: [exemption("2026-06-01", "2026-06-30"), exemption("2026-09-01", "2026-10-31")],
                   on: "2026-11-01", expected: dueWithoutCompletion("2027-01-29", 89)),
        StatusCase(name: "an exemption ending before it starts is ignored",
                   exemptions: [exemption("2026-06-10", "2026-06-01")], on: "2026-06-05",
                   expected: dueWithoutCompletion("2026-06-30", 25)),
        StatusCase(name: "a new hire exempt from the start: due end + 90 days once back",
                   person: CompliancePeople.startingOn("2026-05-01"), exemptions: [exemption("2026-05-01", "2026-08-31")],
                   on: "2026-09-01", expected: dueWithoutCompletion("2026-11-29", 89)),
    ]

    static let history: [StatusCase] = [
        StatusCase(name: "history: before the renewal, the window was open",
                   completions: ["2026-03-15", "2027-02-01"], on: "2027-01-20", expected: dueForRenewal("2027-03-15", 54)),
        StatusCase(name: "history: on the renewal day, valid a year further",
                   completions: ["2026-03-15", "2027-02-01"], on: "2027-02-01", expected: valid("2028-03-15")),
        StatusCase(name: "history: before any completion, the later completions do not count",
                   completions: ["2026-07-05", "2027-06-20"], on: "2026-07-04", expected: overdue("2026-06-30", 4)),
        StatusCase(name: "history: after the first lapse, a later completion does not rewrite the past",
                   completions: ["2026-03-15", "2027-05-10"], on: "2027-04-01", expected: overdue("2027-03-15", 17)),
    ]

    @Test(arguments: deadlines) func deadlinesAndWindows(_ row: StatusCase) { #expect(row.evaluate() == row.expected) }
    @Test(arguments: completionAnchor) func completionAnchoredChains(_ row: StatusCase) { #expect(row.evaluate() == row.expected) }
    @Test(arguments: yearlyAnchor) func yearlyAnchoredChains(_ row: StatusCase) { #expect(row.evaluate() == row.expected) }
    @Test(arguments: employment) func newHiresAndLeavers(_ row: StatusCase) { #expect(row.evaluate() == row.expected) }
    @Test(arguments: evidenceAndOnce) func evidenceRuleChangesAndOnceOnly(_ row: StatusCase) { #expect(row.evaluate() == row.expected) }
    @Test(arguments: exemptions) func exemptionsAndMovedDeadlines(_ row: StatusCase) { #expect(row.evaluate() == row.expected) }
    @Test(arguments: history) func statusOnAnyDateIsHistory(_ row: StatusCase) { #expect(row.evaluate() == row.expected) }

    @Test func validityHelperShowsTheChainBeforeDeadlines() {
        let rule = ComplianceRules.annual
        #expect(RequirementRules.validity(earnedBy: [], rule: rule, asOf: civil("2026-01-01")) == .neverCompleted)
        #expect(RequirementRules.validity(earnedBy: [civil("2026-03-15")], rule: rule, asOf: civil("2026-03-14")) == .neverCompleted)
        #expect(RequirementRules.validity(earnedBy: [civil("2026-03-15")], rule: rule, asOf: civil("2030-01-01"))
            == .until(civil("2027-03-15")))
        #expect(RequirementRules.validity(earnedBy: [civil("2026-03-15")], rule: ComplianceRules.once, asOf: civil("2026-03-15"))
            == .forever)
    }

    @Test func everyDayOfTwoYearsGivesAConsistentStatus() {
        // Walks each day: due days count down to the deadline, overdue days count up from it, and a
        // status never goes from overdue back to due against the same deadline.
        let completions = [civil("2026-03-15"), civil("2027-05-10")]
        var day = civil("2026-01-01")
        var previous: RequirementStatus = .notRequired
        var problems: [String] = []
        while day <= civil("2028-12-31") {
            let status = RequirementRules.status(on: day, rule: ComplianceRules.annual, person: CompliancePeople.staff,
                                                 completions: completions, exemptions: [])
            switch status {
            case let .due(on, daysLeft, _) where day.days(until: on) != daysLeft: problems.append("\(day): \(status)")
            case let .overdue(since, days) where since.days(until: day) != days || days < 1: problems.append("\(day): \(status)")
            case .due where previous.kind == .overdue && previous.deadline == status.deadline: problems.append("\(day): back to due")
            default: break
            }
            previous = status
            day = day.adding(days: 1)
        }
        #expect(problems.isEmpty, "\(problems)")
    }
}
