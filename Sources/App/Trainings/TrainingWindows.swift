import Foundation
import Storage

/// Where an instant falls against a window that opens and closes.
enum WindowState: Equatable {
    case notYet(opens: Date)
    case open
    case closed(closed: Date)
}

/// When a session takes self check-ins, attendance marks and feedback. The edges are inclusive: a
/// check-in at exactly 15 minutes before the start or 30 minutes after the end counts.
enum TrainingWindows {
    /// Self check-in opens this long before the start…
    static let checkInOpensBeforeStart: TimeInterval = 15 * 60
    /// …and closes this long after the end.
    static let checkInClosesAfterEnd: TimeInterval = 30 * 60
    /// Feedback is asked from the end of the session for this many days.
    static let feedbackDays = 14

    static func checkIn(_ session: TrainingSession, at now: Date) -> WindowState {
        state(now, opens: session.startsAt.addingTimeInterval(-checkInOpensBeforeStart),
              closes: session.endsAt.addingTimeInterval(checkInClosesAfterEnd))
    }

    /// Attendance can be marked from when check-in opens, and later at any time (a trainer catching up
    /// with a paper list).
    static func marking(_ session: TrainingSession, at now: Date) -> WindowState {
        let opens = session.startsAt.addingTimeInterval(-checkInOpensBeforeStart)
        return now < opens ? .notYet(opens: opens) : .open
    }

    /// From the end of the session for `feedbackDays` days (whole Helsinki days, across a clock change).
    static func feedback(_ session: TrainingSession, at now: Date) -> WindowState {
        state(now, opens: session.endsAt, closes: HelsinkiTime.adding(days: feedbackDays, to: session.endsAt))
    }

    private static func state(_ now: Date, opens: Date, closes: Date) -> WindowState {
        if now < opens { return .notYet(opens: opens) }
        if now > closes { return .closed(closed: closes) }
        return .open
    }

    /// Whether the session's recording may be watched today (Helsinki date): it has one, and its
    /// "available until" day has not passed.
    static func recordingAvailable(_ session: TrainingSession, at now: Date) -> Bool {
        guard let url = session.recordingURL, !url.isEmpty else { return false }
        guard let until = session.recordingUntil else { return true }
        return HelsinkiTime.date(now) <= until
    }
}

/// Instants as the attendance, check-in and feedback pages write them, in Helsinki time (a session's
/// time is `Strings.sessionTime`, as on the session page).
enum AttendanceText {
    /// An instant as Helsinki wall-clock date and time, written the reader's way (1.3.2026 klo 14.00).
    static func dateTime(_ instant: Date, _ strings: Strings) -> String {
        strings.format("trainingattendance_date_time", [
            "date": strings.date(HelsinkiTime.date(instant)), "time": strings.clock(instant),
        ])
    }

    /// A session's day with its start and end time.
    static func sessionTime(_ session: TrainingSession, _ strings: Strings) -> String {
        strings.sessionTime(session.startsAt, session.endsAt)
    }
}
