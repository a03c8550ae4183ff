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
