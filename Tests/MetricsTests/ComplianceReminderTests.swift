import Testing
@testable import Metrics

@Suite("Compliance: reminders")
struct ComplianceReminderTests {
    /// Completed 15.3.2026 under the annual rule: expires 15.3.2027, window opens 14.1.2027.
    static let completed = [civil("2026-03-15")]

    static func reminders(person: RequirementPerson = CompliancePeople.staff, completions: [CivilDay] = completed,
                          exemptions: [ExemptionPeriod] = [], today: String) -> [ReminderEvent] {
        RequirementRules.reminders(rule: ComplianceRules.annual, person: person, completions: completions,
                                   exemptions: exemptions, today: civil(today))
    }

    struct Day: Sendable, CustomTestStringConvertible {
        let today: String
        let expected: [ReminderKind]
        var testDescription: String { "on \(today): \(expected.map(\.rawValue))" }
    }

    @Test(arguments: [
        Day(today: "2027-01-13", expected: []),
        Day(today: "2027-01-14", expected: [.windowOpens]),
        Day(today: "2027-02-28", expected: [.windowOpens]),
        Day(today: "2027-03-01", expected: [.windowOpens, .fourteenDaysBefore]),
        Day(today: "2027-03-14", expected: [.windowOpens, .fourteenDaysBefore]),
        Day(today: "2027-03-15", expected: [.windowOpens, .fourteenDaysBefore, .dueDay]),
        Day(today: "2027-03-21", expected: [.windowOpens, .fourteenDaysBefore, .dueDay]),
        Day(today: "2027-03-22", expected: [.windowOpens, .fourteenDaysBefore, .dueDay, .sevenDaysAfter]),
        Day(today: "2028-01-01", expected: [.windowOpens, .fourteenDaysBefore, .dueDay, .sevenDaysAfter]),
    ])
    func eachKindAppearsOnItsDayAndNotBefore(_ row: Day) {
        let events = Self.reminders(today: row.today)
        #expect(events.map(\.kind) == row.expected)
        #expect(events.allSatisfy { $0.deadline == civil("2027-03-15") })
        let dates: [ReminderKind: String] = [.windowOpens: "2027-01-14", .fourteenDaysBefore: "2027-03-01",
                                             .dueDay: "2027-03-15", .sevenDaysAfter: "2027-03-22"]
        #expect(events.allSatisfy { $0.date.iso == dates[$0.kind] })
    }

    @Test func keysAreStableFromDayToDayForTheSameDeadline() {
        var keyDates: [String: Set<CivilDay>] = [:]
        var day = civil("2027-01-01")
        while day <= civil("2027-06-30") {
            for event in Self.reminders(today: day.iso) { keyDates[event.key, default: []].insert(event.date) }
            day = day.adding(days: 1)
        }
        #expect(keyDates.keys.sorted() == ["2027-03-15|due_day", "2027-03-15|fourteen_days_before",
                                           "2027-03-15|seven_days_after", "2027-03-15|window_opens"])
        #expect(keyDates.values.allSatisfy { $0.count == 1 })
    }

    @Test func keyIsTheDeadlineAndKind() {
        let event = ReminderEvent(kind: .dueDay, deadline: civil("2026-12-31"), date: civil("2026-12-31"))
        #expect(event.key == "2026-12-31|due_day")
    }

    @Test func aRenewalGivesANewDeadlineAndNewKeys() {
        let renewed = Self.completed + [civil("2027-02-01")]
        #expect(Self.reminders(completions: renewed, today: "2027-03-20").isEmpty)
        let next = Self.reminders(completions: renewed, today: "2028-01-15")
        #expect(next.map(\.key) == ["2028-03-15|window_opens"])
        #expect(next.map(\.date) == [civil("2028-01-15")])
    }

    @Test func remindersStopWhenCompletedExemptedOrGone() {
        #expect(Self.reminders(completions: Self.completed + [civil("2027-03-10")], today: "2027-03-12").isEmpty)
        #expect(Self.reminders(exemptions: [exemption("2027-03-01", "2027-06-30")], today: "2027-03-20").isEmpty)
        #expect(Self.reminders(person: CompliancePeople.staffLeavingOn("2027-03-10"), today: "2027-03-20").isEmpty)
        #expect(Self.reminders(person: CompliancePeople.staffLeavingOn("2027-03-20"), today: "2027-03-20").count == 3)
    }

    @Test func aNeverCompletedNewHireGetsOneOpeningReminderOnTheirFirstDay() {
        let hire = CompliancePeople.startingOn("2026-05-01")
        #expect(Self.reminders(person: hire, completions: [], today: "2026-04-30").isEmpty)
        let first = Self.reminders(person: hire, completions: [], today: "2026-05-01")
        #expect(first == [ReminderEvent(kind: .windowOpens, deadline: civil("2026-07-30"), date: civil("2026-05-01"))])
        #expect(Self.reminders(person: hire, completions: [], today: "2026-07-20").map(\.date)
            == [civil("2026-05-01"), civil("2026-07-16")])
    }

    @Test func remindersBeforeSomeoneWasDueAreNotBackDated() {
        // Grace 10 days from 25.6. ends 5.7.; the "14 days before" date, 21.6., was before they started.
        let rule = RequirementRule(validityMonths: 12, renewalWindowDays: 60, newHireGraceDays: 10,
                                   firstDueOn: civil("2026-06-30"), inForceFrom: civil("2026-01-01"))
        let hire = CompliancePeople.startingOn("2026-06-25")
        let onDeadline = RequirementRules.reminders(rule: rule, person: hire, completions: [], exemptions: [],
                                                    today: civil("2026-07-05"))
        #expect(onDeadline.map(\.kind) == [.windowOpens, .dueDay])
        #expect(onDeadline.first?.date == civil("2026-06-25"))
    }

    @Test func staffWhoNeverCompletedAreRemindedFromTheDayItCameIntoForce() {
        let events = Self.reminders(completions: [], today: "2026-06-30")
        #expect(events.map(\.key) == ["2026-06-30|window_opens", "2026-06-30|fourteen_days_before", "2026-06-30|due_day"])
        #expect(events.first?.date == civil("2026-01-01"))
    }

    @Test func afterAnExemptionThatMovedTheDeadlineTheOpeningReminderIsTheDayBack() {
        let leave = [exemption("2027-01-01", "2027-06-30")]
        let back = Self.reminders(exemptions: leave, today: "2027-07-01")
        #expect(back == [ReminderEvent(kind: .windowOpens, deadline: civil("2027-09-28"), date: civil("2027-07-01"))])
        #expect(Self.reminders(exemptions: leave, today: "2027-09-20").map(\.date) == [civil("2027-07-01"), civil("2027-09-14")])
    }

    @Test func stillDueOnlyWhileDueOrOverdueAgainstTheSameDeadline() {
        let event = ReminderEvent(kind: .fourteenDaysBefore, deadline: civil("2027-03-15"), date: civil("2027-03-01"))
        #expect(RequirementRules.isStillDue(event, status: .due(on: civil("2027-03-15"), daysLeft: 3, stillValid: true)))
        #expect(RequirementRules.isStillDue(event, status: .overdue(since: civil("2027-03-15"), days: 2)))
        #expect(!RequirementRules.isStillDue(event, status: .due(on: civil("2028-03-15"), daysLeft: 60, stillValid: true)))
        #expect(!RequirementRules.isStillDue(event, status: .valid(until: civil("2028-03-15"))))
        #expect(!RequirementRules.isStillDue(event, status: .exempt(until: civil("2027-06-30"))))
        #expect(!RequirementRules.isStillDue(event, status: .notRequired))
    }
}
