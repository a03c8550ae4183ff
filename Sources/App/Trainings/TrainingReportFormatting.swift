import Foundation
import Storage

/// How the supervisors' and HR's training views write sessions, places and periods in the reader's
/// language. Times are Helsinki wall-clock times.
struct TrainingReportFormatting {
    let strings: Strings
    let language: String

    /// "8.12.2026 14.00–14.15" (Finnish, Swedish) or "8 December 2026 14:00–14:15" (English).
    func when(_ session: TrainingSession) -> String {
        let separator = language == "en" ? ":" : "."
        let start = HelsinkiTime.time(session.startsAt).replacingOccurrences(of: ":", with: separator)
        let end = HelsinkiTime.time(session.endsAt).replacingOccurrences(of: ":", with: separator)
        return "\(strings.date(HelsinkiTime.date(session.startsAt))) \(start)–\(end)"
    }

    /// The place, "Teams" for a meeting link, or both for a hybrid session.
    func place(_ session: TrainingSession) -> String {
        let online = session.meetingURL == nil ? nil : strings.text("trainingreport_online")
        let place = session.place.trimmingCharacters(in: .whitespaces)
        switch (place.isEmpty, online) {
        case (true, let online?): return online
        case (false, let online?): return strings.format("trainingreport_place_and_online", ["place": place, "online": online])
        default: return place
        }
    }

    /// "1.12.2025–30.11.2026".
    func period(from: String, to: String) -> String {
        "\(strings.date(from))–\(strings.date(to))"
    }

    func title(_ training: Training) -> String {
        training.title.text(language)
    }
}

/// Calendar arithmetic on Helsinki dates (`YYYY-MM-DD`).
enum TrainingReportDates {
    /// Today in Helsinki.
    static func today(_ now: Date = Date()) -> String {
        HelsinkiTime.date(now)
    }

    /// The first day of the 12 months that end today: a year back, plus one day.
    static func yearBefore(_ day: String) -> String {
        guard let start = HelsinkiTime.instant(date: day, time: "12:00"),
              let yearAgo = HelsinkiTime.calendar.date(byAdding: .year, value: -1, to: start) else { return day }
        return HelsinkiTime.date(HelsinkiTime.adding(days: 1, to: yearAgo))
    }

    /// Midnight in Helsinki at the start of a day, or nil for a malformed date.
    static func startOfDay(_ day: String) -> Date? {
        HelsinkiTime.instant(date: day, time: "00:00")
    }

    /// Midnight in Helsinki after a day: the end of a period that includes it.
    static func endOfDay(_ day: String) -> Date? {
        startOfDay(day).map { HelsinkiTime.adding(days: 1, to: $0) }
    }

    /// Whole days from one date to another.
    static func days(from: String, to: String) -> Int? {
        guard let start = startOfDay(from), let end = startOfDay(to) else { return nil }
        return HelsinkiTime.calendar.dateComponents([.day], from: start, to: end).day
    }
}
