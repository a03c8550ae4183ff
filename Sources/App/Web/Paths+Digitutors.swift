/// Links of the digitutors feature (`Digitutors/`).
extension Paths {
    /// "Find help": the organisation's tutors by topic, the reader's sector first.
    static let findHelp = "/digitutors"
    static func tutor(_ tutorID: Int64) -> String { "/digitutors/\(tutorID)" }
    static func tutorStatus(_ tutorID: Int64) -> String { tutor(tutorID) + "/status" }
    static func tutorNetwork(_ slug: String) -> String { organisation(slug) + "/digitutors" }
    static func newTutor(_ slug: String) -> String { tutorNetwork(slug) + "/new" }
    static func tutorCoverage(_ slug: String) -> String { organisation(slug) + "/digitutor-coverage" }
    static func tutorNews(_ slug: String) -> String { organisation(slug) + "/digitutor-news" }
}
