import Foundation
import Storage

/// How trainings and sessions read on the page, in the reader's language: when, how long, in what
/// format, where.
extension Strings {
    /// "ma 14.12.2026 klo 12.30–13.00" / "mån 14.12.2026 kl. 12.30–13.00" / "Mon 14 December 2026, 12:30–13:00",
    /// in Helsinki time whatever the server's zone.
    func sessionTime(_ start: Date, _ end: Date) -> String {
        let weekday = HelsinkiTime.calendar.component(.weekday, from: start)
        let day = text("weekday_short_\(weekday)") + " " + date(HelsinkiTime.date(start))
        let sameDay = HelsinkiTime.date(start) == HelsinkiTime.date(end)
        let until = sameDay ? clock(end) : date(HelsinkiTime.date(end)) + " " + clock(end)
        return format("trainings_time", ["day": day, "start": clock(start), "end": until])
    }

    /// The Helsinki wall-clock time of an instant as the reader writes it: 12.30, or 12:30 in English.
    func clock(_ instant: Date) -> String {
        let time = HelsinkiTime.time(instant)
        return language == .en ? time : time.replacingOccurrences(of: ":", with: ".")
    }

    /// "15 min", "1 h 30 min".
    func duration(minutes: Int) -> String {
        guard minutes >= 60 else { return format("trainings_minutes", ["minutes": String(minutes)]) }
        let hours = minutes / 60, rest = minutes % 60
        return rest == 0 ? format("trainings_hours", ["hours": String(hours)])
            : format("trainings_hours_minutes", ["hours": String(hours), "minutes": String(rest)])
    }

    func trainingFormat(_ format: TrainingFormat) -> String { text("trainings_format_" + format.rawValue) }

    func languageName(_ code: String) -> String { text("language_" + code) }

    /// Where a session is: its place, "on Teams" for a remote one, or both for hybrid.
    func sessionPlace(_ session: TrainingSession, given kind: TrainingFormat) -> String {
        switch kind {
        case .remote: return session.place.isEmpty ? text("trainings_place_online") : session.place
        case .hybrid:
            return session.place.isEmpty ? text("trainings_place_online")
                : format("trainings_place_hybrid", ["place": session.place])
        default: return session.place
        }
    }
}
