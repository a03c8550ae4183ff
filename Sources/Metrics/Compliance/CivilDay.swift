/// A calendar date with no time of day and no zone, in the proleptic Gregorian calendar.
///
/// Required training is counted in whole days ("valid until 31 December"), and a deadline must not
/// move with the server's zone or daylight saving, so nothing here knows about clocks. The value is
/// the number of days since 1970-01-01, which makes comparison and day arithmetic plain integer
/// operations; year, month and day are derived on demand with Howard Hinnant's `civil_from_days`
/// and `days_from_civil` algorithms (http://howardhinnant.github.io/date_algorithms.html).
public struct CivilDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01; negative before it.
    public let daysSinceEpoch: Int

    /// The day this many days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// A validated date; nil unless the year is 1…9999 (what four ISO digits can say), the month
    /// 1…12 and the day within that month, leap years included.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(daysSinceEpoch: Self.daysSinceEpoch(year: year, month: month, day: day))
    }

    /// Parses exactly `YYYY-MM-DD` with ASCII digits; anything else (other lengths, separators,
    /// a time part, 2027-02-29) is nil, so a bad date never becomes a nearby good one.
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        let dash = UInt8(ascii: "-")
        guard bytes.count == 10, bytes[4] == dash, bytes[7] == dash,
              let year = Self.decimal(bytes[0..<4]), let month = Self.decimal(bytes[5..<7]),
              let day = Self.decimal(bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// `YYYY-MM-DD`, the form stored in the database and used in reminder keys.
    public var iso: String {
        let (year, month, day) = components
        let yearText = (0...9999).contains(year) ? Self.padded(year, width: 4) : String(year)
        return "\(yearText)-\(Self.padded(month, width: 2))-\(Self.padded(day, width: 2))"
    }

    public var description: String { iso }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDay {
        CivilDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day of the month `months` later (earlier when negative), clamped to the last day of
    /// a shorter month: 2027-01-31 + 1 is 2027-02-28 and 2028-02-29 + 12 is 2029-02-28. Clamping,
    /// not overflowing into the next month, keeps a validity period from growing past its month.
    public func adding(months: Int) -> CivilDay {
        let (year, month, day) = components
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = Self.floorDivide(monthIndex, by: 12)
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CivilDay(daysSinceEpoch: Self.daysSinceEpoch(year: newYear, month: newMonth, day: newDay))
    }

    /// Signed days from this day to `other`: positive when `other` is later, 0 on the same day.
    public func days(until other: CivilDay) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Gregorian leap years: every fourth, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1…12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CivilDay {
    /// The date in the given year, with a day past the month's end clamped to its last day; used
    /// for yearly anchors, where 29 February means 28 February in a common year.
    static func clamped(year: Int, month: Int, day: Int) -> CivilDay {
        let month = min(max(month, 1), 12)
        let day = min(max(day, 1), daysIn(month: month, year: year))
        return CivilDay(daysSinceEpoch: daysSinceEpoch(year: year, month: month, day: day))
    }

    var components: (year: Int, month: Int, day: Int) {
        Self.civil(fromDaysSinceEpoch: daysSinceEpoch)
    }

    /// Hinnant's `days_from_civil`: counts in 400-year eras of 146,097 days, with years starting in
    /// March so the leap day is the last day of the year.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = floorDivide(marchYear, by: 400)
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Hinnant's `civil_from_days`, the inverse of `daysSinceEpoch(year:month:day:)`.
    static func civil(fromDaysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func floorDivide(_ value: Int, by divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }

    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
