import Foundation
import Storage

/// How the calendar feeds and posters write a session, in one language: its title, day, time and place.
/// Kept apart from the session pages' wording so a poster in Swedish can sit on a Finnish page.
struct CalendarText: Sendable {
    let strings: Strings

    var language: Language { strings.language }

    func title(_ training: Training) -> String {
        training.title.text(language.rawValue)
    }

    /// "ma 29.3." / "mån 29.3." / "Mon 29 Mar": the Helsinki day of an instant, short.
    func day(_ instant: Date) -> String {
        let calendar = HelsinkiTime.calendar
        let parts = calendar.dateComponents([.weekday, .day, .month], from: instant)
        let weekday = strings.text("tcal_weekday_\(parts.weekday ?? 1)")
        let day = parts.day ?? 1, month = parts.month ?? 1
        switch language {
        case .fi, .sv: return "\(weekday) \(day).\(month)."
        case .en: return "\(weekday) \(day) \(strings.text("tcal_month_short_\(month)"))"
        }
    }

    /// The Helsinki wall-clock time, 14.00 (14:00 in English).
    func clock(_ instant: Date) -> String {
        let time = HelsinkiTime.time(instant)
        return language == .en ? time : time.replacingOccurrences(of: ":", with: ".")
    }

    /// "14.00–14.15", with the end's date when the session runs past midnight.
    func timeRange(_ start: Date, _ end: Date) -> String {
        let sameDay = HelsinkiTime.date(start) == HelsinkiTime.date(end)
        return clock(start) + "–" + (sameDay ? "" : day(end) + " ") + clock(end)
    }

    /// "maaliskuu 2027" / "mars 2027" / "March 2027".
    func month(_ month: PosterMonth) -> String {
        strings.format("tcal_month_year", ["month": strings.text("tcal_month_\(month.month)"), "year": String(month.year)])
    }

    /// Where the session is, as a poster or a calendar says it: the place, "on Teams" (or "online")
    /// when it is held remotely, or both. Never the meeting link itself.
    func place(_ session: TrainingSession, format: TrainingFormat) -> String {
        let remote = session.meetingURL != nil || format == .remote
        let online = strings.text(Self.isTeams(session.meetingURL) ? "tcal_place_teams" : "tcal_place_online")
        let place = session.place.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (place.isEmpty, remote) {
        case (false, true): return strings.format("tcal_place_and_online", ["place": place, "online": online])
        case (false, false): return place
        case (true, true): return online
        case (true, false): return ""
        }
    }

    /// Whether a meeting link is a Microsoft Teams meeting.
    static func isTeams(_ link: String?) -> Bool {
        guard let link, let host = URLComponents(string: link)?.host?.lowercased() else { return false }
        return host == "teams.microsoft.com" || host.hasSuffix(".teams.microsoft.com") || host == "teams.live.com"
    }
}
