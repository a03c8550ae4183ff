/// Links of the instructions library and the key-user directory (`Instructions/`).
extension Paths {
    /// The library ("Digiohjeet"): search and filters travel in the query.
    static let instructions = "/instructions"
    /// One instruction; onboarding items and trainings link here by id.
    static func instruction(_ instructionID: Int64) -> String { "/instructions/\(instructionID)" }
    static func editInstruction(_ instructionID: Int64) -> String { instruction(instructionID) + "/edit" }
    static func instructionReviewed(_ instructionID: Int64) -> String { instruction(instructionID) + "/reviewed" }
    static func retireInstruction(_ instructionID: Int64) -> String { instruction(instructionID) + "/retire" }
    static func newInstruction(_ slug: String) -> String { organisation(slug) + "/instructions/new" }
    /// The library searched for `query` (percent-encoded).
    static func instructionSearch(_ query: String) -> String { instructions + WebApp.queryString([("q", query)]) }
    /// The library's instructions of one digitutor topic.
    static func instructions(topic topicID: Int64) -> String { instructions + "?topic=\(topicID)" }
    /// HR's and owners' list of instructions whose review is overdue.
    static let instructionsNeedingReview = instructions + "?review=due"
    /// The key-user directory; `?q=` searches it by system.
    static let keyUsers = "/key-users"
    static func newKeyUserSystem(_ slug: String) -> String { organisation(slug) + "/key-users/new" }
    static func keyUserSystem(_ systemID: Int64) -> String { "/key-user-systems/\(systemID)" }
}
