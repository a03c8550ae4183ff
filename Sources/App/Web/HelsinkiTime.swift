import Foundation

/// Wall-clock time in Europe/Helsinki, where every organisation of the service works: sessions are
/// typed and shown in it whatever the server's own zone, and it knows the daylight-saving changes.
enum HelsinkiTime {
    static let zone = TimeZone(identifier: "Europe/Helsinki") ?? TimeZone(secondsFromGMT: 7200) ?? .current

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        return calendar
    }

    /// The instant of a Helsinki date (`YYYY-MM-DD`) and time (`HH:MM` or `HH.MM`), or nil when either
    /// is malformed or the time does not exist (the hour skipped when clocks go forward).
    static func instant(date: String, time: String) -> Date? {
        let dateParts = date.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let timeParts = time.split(whereSeparator: { $0 == ":" || $0 == "." }).map { Int($0) }
        guard dateParts.count == 3, timeParts.count == 2, date.count == 10,
              let year = dateParts[0], let month = dateParts[1], let day = dateParts[2],
              let hour = timeParts[0], let minute = timeParts[1],
              (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let components = DateComponents(timeZone: zone, year: year, month: month, day: day, hour: hour, minute: minute)
        guard let instant = calendar.date(from: components) else { return nil }
        // Foundation rolls 31 February into March and 03:30 on the spring-forward night into 04:30;
        // neither is what was typed.
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard back.year == year, back.month == month, back.day == day, back.hour == hour, back.minute == minute
        else { return nil }
        return instant
    }

    /// The Helsinki calendar date of an instant, `YYYY-MM-DD`.
    static func date(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The Helsinki wall-clock time of an instant, `HH:MM`.
    static func time(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Midnight in Helsinki at the start of the instant's day.
    static func startOfDay(_ instant: Date) -> Date {
        calendar.startOfDay(for: instant)
    }

    /// Midnight in Helsinki at the start of the instant's week (Monday).
    static func startOfWeek(_ instant: Date) -> Date {
        calendar.dateInterval(of: .weekOfYear, for: instant)?.start ?? startOfDay(instant)
    }

    /// The first and the day after the last day of a month (`YYYY-MM`), as instants, or nil.
    static func month(_ text: String) -> (start: Date, end: Date)? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard text.count == 7, parts.count == 2, let year = parts[0], let month = parts[1], (1...12).contains(month),
              (2000...2100).contains(year),
              let start = calendar.date(from: DateComponents(timeZone: zone, year: year, month: month, day: 1)),
              let end = calendar.date(byAdding: .month, value: 1, to: start) else { return nil }
        return (start, end)
    }

    /// The month of an instant, `YYYY-MM`.
    static func monthText(_ instant: Date) -> String {
        String(date(instant).prefix(7))
    }

    /// `days` whole days after the instant, across daylight-saving changes (same wall-clock time).
    static func adding(days: Int, to instant: Date) -> Date {
        calendar.date(byAdding: .day, value: days, to: instant) ?? instant.addingTimeInterval(Double(days) * 86_400)
    }
}
