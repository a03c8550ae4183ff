import Testing
@testable import Metrics

@Suite("Compliance: civil days")
struct ComplianceCivilDayTests {
    struct Known: Sendable, CustomTestStringConvertible {
        let iso: String
        let daysSinceEpoch: Int
        var testDescription: String { "\(iso) is day \(daysSinceEpoch)" }
    }

    @Test(arguments: [
        Known(iso: "1970-01-01", daysSinceEpoch: 0),
        Known(iso: "1969-12-31", daysSinceEpoch: -1),
        Known(iso: "2000-03-01", daysSinceEpoch: 11_017),
        Known(iso: "2026-01-01", daysSinceEpoch: 20_454),
        Known(iso: "2028-02-29", daysSinceEpoch: 21_243),
        Known(iso: "0001-01-01", daysSinceEpoch: -719_162),
        Known(iso: "9999-12-31", daysSinceEpoch: 2_932_896),
    ])
    func knownDatesHaveTheirDayNumbers(_ known: Known) {
        let day = CivilDay(iso: known.iso)
        #expect(day?.daysSinceEpoch == known.daysSinceEpoch)
        #expect(CivilDay(daysSinceEpoch: known.daysSinceEpoch).iso == known.iso)
    }

    @Test(arguments: [
        "2027-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "0000-01-01", "2026-1-01", "2026/01/01", "20260101", "", "2026-01-01T00:00", " 2026-01-01",
        "+026-01-01", "2026-01-1a", "２０２６-01-01",
    ])
    func malformedOrImpossibleISODatesAreRejected(_ text: String) {
        #expect(CivilDay(iso: text) == nil)
    }

    @Test(arguments: ["2028-02-29", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31"])
    func realDatesAreAcceptedAndPrintBackTheSame(_ text: String) {
        #expect(CivilDay(iso: text)?.iso == text)
    }

    @Test func componentInitialiserValidatesLikeTheText() {
        #expect(CivilDay(year: 2027, month: 2, day: 29) == nil)
        #expect(CivilDay(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDay(year: 10_000, month: 1, day: 1) == nil)
        #expect(CivilDay(year: 2028, month: 2, day: 29) == CivilDay(iso: "2028-02-29"))
        let day = civil("2026-07-15")
        #expect(day.year == 2026 && day.month == 7 && day.day == 15)
    }

    @Test func everyDayFrom1600To2400RoundTripsAndFollowsTheCalendar() {
        let first = civil("1600-01-01")
        let last = civil("2400-12-31")
        var previous = CivilDay(daysSinceEpoch: first.daysSinceEpoch - 1)
        var mismatches = 0
        for number in first.daysSinceEpoch...last.daysSinceEpoch {
            let day = CivilDay(daysSinceEpoch: number)
            let (year, month, dayOfMonth) = day.components
            let rebuilt = CivilDay(year: year, month: month, day: dayOfMonth)
            let followsPrevious = dayOfMonth == previous.day + 1 && month == previous.month
                || dayOfMonth == 1 && previous.day == CivilDay.daysIn(month: previous.month, year: previous.year)
                    && (month == previous.month + 1 || month == 1 && previous.month == 12 && year == previous.year + 1)
            if rebuilt != day || CivilDay(iso: day.iso) != day || !followsPrevious { mismatches += 1 }
            previous = day
        }
        #expect(mismatches == 0)
        // Two 400-year cycles of 146,097 days, then the 365 days after 1 January of leap 2400.
        #expect(first.days(until: last) == 2 * 146_097 + 365)
    }

    struct MonthStep: Sendable, CustomTestStringConvertible {
        let from: String
        let months: Int
        let expected: String
        var testDescription: String { "\(from) + \(months) months = \(expected)" }
    }

    @Test(arguments: [
        MonthStep(from: "2028-02-29", months: 12, expected: "2029-02-28"),
        MonthStep(from: "2027-01-31", months: 1, expected: "2027-02-28"),
        MonthStep(from: "2028-01-31", months: 1, expected: "2028-02-29"),
        MonthStep(from: "2026-10-31", months: 1, expected: "2026-11-30"),
        MonthStep(from: "2026-03-31", months: -1, expected: "2026-02-28"),
        MonthStep(from: "2026-12-15", months: 1, expected: "2027-01-15"),
        MonthStep(from: "2026-01-15", months: -13, expected: "2024-12-15"),
        MonthStep(from: "2026-05-31", months: 0, expected: "2026-05-31"),
        MonthStep(from: "2026-03-15", months: 36, expected: "2029-03-15"),
    ])
    func addingMonthsClampsToTheEndOfAShorterMonth(_ step: MonthStep) {
        #expect(civil(step.from).adding(months: step.months) == civil(step.expected))
    }

    @Test func addingDaysAndCountingDaysAreSignedAndCrossYearsAndLeapDays() {
        #expect(civil("2026-12-31").adding(days: 1) == civil("2027-01-01"))
        #expect(civil("2028-02-28").adding(days: 1) == civil("2028-02-29"))
        #expect(civil("2027-03-01").adding(days: -1) == civil("2027-02-28"))
        #expect(civil("2026-01-01").days(until: civil("2025-12-31")) == -1)
        #expect(civil("2026-01-01").days(until: civil("2026-06-30")) == 180)
        #expect(civil("2028-01-01").days(until: civil("2029-01-01")) == 366)
        #expect(civil("2026-06-30") < civil("2026-07-01"))
        #expect([civil("2027-01-01"), civil("2026-12-31")].sorted() == [civil("2026-12-31"), civil("2027-01-01")])
    }
}
