/// Links of the trainings feature (`Trainings/`), printed from typed values like every other path.
extension Paths {
    // MARK: - Employees: catalogue, calendar, sessions, my trainings

    /// The catalogue and calendar; filters travel in the query (`TrainingFilter`).
    static let trainings = "/trainings"
    static func training(_ trainingID: Int64) -> String { "/trainings/\(trainingID)" }
    static let myTrainings = "/my-trainings"
    static func trainingSession(_ sessionID: Int64) -> String { "/training-sessions/\(sessionID)" }
    /// The session as a single-event iCalendar file ("add to calendar").
    static func trainingSessionEvent(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/event.ics" }
    static func enrol(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/enrol" }
    static func leaveSession(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/leave" }
    static func followSession(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/follow" }
    static func recordingWatched(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/recording-watched" }
    static func checkIn(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/check-in" }
    /// The self check-in address in the session's QR code, with the session's check-in key.
    static func checkIn(_ sessionID: Int64, key: String) -> String {
        checkIn(sessionID) + "?k=" + String(key.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }
    static func sessionFeedback(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/feedback" }

    // MARK: - Trainers and HR: the catalogue

    static func trainingCatalogue(_ slug: String) -> String { organisation(slug) + "/trainings" }
    static func newTraining(_ slug: String) -> String { trainingCatalogue(slug) + "/new" }
    static func trainingSeriesList(_ slug: String) -> String { organisation(slug) + "/training-series" }
    static func trainingSeries(_ seriesID: Int64) -> String { "/training-series/\(seriesID)" }
    static func editTraining(_ trainingID: Int64) -> String { training(trainingID) + "/edit" }
    static func newTrainingSession(_ trainingID: Int64) -> String { training(trainingID) + "/sessions/new" }
    static func editTrainingSession(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/edit" }
    static func cancelTrainingSession(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/cancel" }
    static func copyTrainingSession(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/copy" }
    static func assignToSession(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/assign" }
    static func sessionAttendance(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/attendance" }
    static func trainer(_ userID: Int64) -> String { user(userID) + "/trainer" }

    // MARK: - Calendars and posters

    /// The person's calendar subscriptions: their feed addresses, made, renewed and revoked here.
    static let myTrainingsCalendar = myTrainings + "/calendar"
    static let renewCalendarFeed = myTrainingsCalendar + "/renew"
    static let revokeCalendarFeed = myTrainingsCalendar + "/revoke"
    /// The subscription feed (raw route, no session): the token travels in the query, which the
    /// access log leaves out.
    static let calendarFeed = "/calendar/feed.ics"
    static func calendarFeed(token: String) -> String {
        calendarFeed + "?t=" + String(token.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }
    /// A unit's printable poster of a month's sessions; `month` is `YYYY-MM`, `language` fi, sv or en.
    static func unitTrainingPoster(_ unitID: Int64, month: String? = nil, language: String? = nil) -> String {
        unit(unitID) + "/training-poster" + posterQuery(month: month, language: language)
    }
    /// A series' printable poster of a month's sessions.
    static func seriesPoster(_ seriesID: Int64, month: String? = nil, language: String? = nil) -> String {
        trainingSeries(seriesID) + "/poster" + posterQuery(month: month, language: language)
    }

    private static func posterQuery(month: String?, language: String?) -> String {
        let safe = { (text: String) in String(text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) }
        let items = [month.map { "month=" + safe($0) }, language.map { "lang=" + safe($0) }].compactMap { $0 }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    // MARK: - Attendance, check-in, feedback and completions

    /// The session's attendance as CSV; `semicolon` for Finnish Excel (decimal comma).
    static func sessionAttendanceExport(_ sessionID: Int64, semicolon: Bool = false) -> String {
        sessionAttendance(sessionID) + ".csv" + (semicolon ? "?separator=semicolon" : "")
    }
    /// The big QR code of the self check-in address, for the trainer's screen.
    static func checkInCode(_ sessionID: Int64) -> String { trainingSession(sessionID) + "/check-in-code" }
    static func sessionFeedbackResults(_ sessionID: Int64) -> String { sessionFeedback(sessionID) + "/results" }
    static func seriesFeedback(_ seriesID: Int64) -> String { trainingSeries(seriesID) + "/feedback" }
    /// A person's completion history, with HR's forms for external evidence and corrections.
    static func employeeCompletions(_ employeeID: Int64) -> String { employee(employeeID) + "/completions" }
    /// The organisation's completions in force over a period (`from`…`to`, both days included) as CSV.
    static func trainingCompletionsExport(_ slug: String) -> String { organisation(slug) + "/training-completions.csv" }
    static func trainingCompletionsExport(_ slug: String, from: String, to: String, semicolon: Bool = false) -> String {
        trainingCompletionsExport(slug) + "?from=" + dateOnly(from) + "&to=" + dateOnly(to)
            + (semicolon ? "&separator=semicolon" : "")
    }

    /// Digits and dashes only, so a date put in a query cannot carry anything else.
    private static func dateOnly(_ text: String) -> String {
        String(text.filter { $0.isASCII && ($0.isNumber || $0 == "-") }.prefix(10))
    }
}

/// Links of the supervisors' and HR's training views (`Trainings/UnitTrainingsPage.swift`,
/// `Trainings/TrainingReportPage.swift`).
extension Paths {
    /// A unit's training view: coming sessions, who attended what, completions per area.
    static func unitTrainings(_ unitID: Int64) -> String { unit(unitID) + "/trainings" }
    /// HR's training report of an organisation, for the default period (the last 12 months).
    static func trainingReport(_ slug: String) -> String { organisation(slug) + "/training-report" }
    /// The report for a chosen period (`YYYY-MM-DD`), on a page of its unit tables.
    static func trainingReport(_ slug: String, from: String, to: String, page: Int? = nil) -> String {
        trainingReport(slug) + WebApp.queryString([("from", from), ("to", to), ("page", page.map(String.init) ?? "")])
    }
}
