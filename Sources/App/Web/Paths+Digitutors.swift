/// Links of the digitutors feature (`Digitutors/`).
extension Paths {
    /// "Find help": the organisation's tutors by topic, the reader's sector first.
    static let findHelp = "/digitutors"

    /// Find help narrowed to a topic, and with every tutor listed when `all`.
    static func findHelp(topic: Int64?, all: Bool) -> String {
        let query = [topic.map { "topic=\($0)" }, all ? "all=1" : nil].compactMap { $0 }
        return query.isEmpty ? findHelp : findHelp + "?" + query.joined(separator: "&")
    }
    static func tutor(_ tutorID: Int64) -> String { "/digitutors/\(tutorID)" }
    static func tutorStatus(_ tutorID: Int64) -> String { tutor(tutorID) + "/status" }
    static func tutorNetwork(_ slug: String) -> String { organisation(slug) + "/digitutors" }
    static func newTutor(_ slug: String) -> String { tutorNetwork(slug) + "/new" }
    static func tutorCoverage(_ slug: String) -> String { organisation(slug) + "/digitutor-coverage" }
    static func tutorNews(_ slug: String) -> String { organisation(slug) + "/digitutor-news" }
    /// The tutor's own help log: the form to log help given, and their latest entries.
    static let myHelpLog = "/my-digitutor-log"
    /// The log after an entry was saved, naming it for the confirmation.
    static func myHelpLog(logged entryID: Int64) -> String { myHelpLog + "?logged=\(entryID)" }
    static func deleteHelpEntry(_ entryID: Int64) -> String { myHelpLog + "/\(entryID)/delete" }
    /// The help log's aggregates for the coordinator and HR, with "top topics this month".
    static func tutorHelp(_ slug: String) -> String { organisation(slug) + "/digitutor-help" }
    static func tutorHelp(_ slug: String, months: Int) -> String { tutorHelp(slug) + "?months=\(months)" }
    /// The topics the coordinator keeps.
    static func tutorTopics(_ slug: String) -> String { organisation(slug) + "/digitutor-topics" }
    static func tutorTopic(_ slug: String, _ topicID: Int64) -> String { tutorTopics(slug) + "/\(topicID)" }
    static func tutorTopicActive(_ slug: String, _ topicID: Int64) -> String { tutorTopic(slug, topicID) + "/active" }
}
