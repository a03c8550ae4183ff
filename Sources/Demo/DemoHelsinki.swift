import Foundation

/// Helsinki wall-clock times of demo days as instants. Sessions are planned as "Tuesday at 14:00" in
/// Europe/Helsinki and stored as instants, so the daylight-saving change moves them the way it
/// moves the people attending. (The App's own `HelsinkiTime` is internal to it; this is the small
/// part the demo needs.)
enum DemoHelsinki {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki") ?? TimeZone(secondsFromGMT: 7200) ?? .current
        return calendar
    }()

    /// The instant of `hour:minute` on `day` in Helsinki.
    static func instant(_ day: DemoDay, _ hour: Int, _ minute: Int = 0) -> Date {
        let (year, month, dayOfMonth) = day.components
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute)
        // Helsinki is UTC+2 or +3; the fallback (never needed with tzdata present) takes winter time.
        return calendar.date(from: components)
            ?? Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86_400 + (hour - 2) * 3600 + minute * 60))
    }
}

extension DemoDay {
    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    var weekday: Int { ((daysSinceEpoch + 3) % 7 + 7) % 7 }

    /// Monday to Friday.
    var isWorkingDay: Bool { weekday < 5 }

    /// Whether trainings pause: the summer holidays (from midsummer to mid-August) and Christmas to
    /// Epiphany, when schools, daycare and most offices run on holiday staffing.
    var isHolidaySeason: Bool {
        let (_, month, day) = components
        switch month {
        case 6: return day >= 20
        case 7: return true
        case 8: return day <= 10
        case 12: return day >= 21
        case 1: return day <= 6
        default: return false
        }
    }

    /// The number of the week (weeks start on Monday), for "every other week".
    var weekNumber: Int { (daysSinceEpoch + 3 - weekday) / 7 }

    /// This day or the next working day.
    var workingDayOrNext: DemoDay {
        var day = self
        while !day.isWorkingDay { day = day.adding(days: 1) }
        return day
    }
}
