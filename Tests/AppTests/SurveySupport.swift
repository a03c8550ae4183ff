import Foundation
@testable import App
@testable import Storage

/// Survey fixtures on top of the access matrix's `World`.
extension TestApp {
    /// The shipped framework's id (migration 0004).
    func shippedFrameworkID() throws -> Int64 {
        let frameworks = try FrameworkStore(database).frameworks(organisationID: 0)
        guard let id = frameworks.first(where: { $0.organisationID == nil && $0.status == .published })?.id else {
            throw TestFailure("no shipped framework")
        }
        return id
    }

    /// An open round of `organisation` on the shipped framework, covering the whole organisation.
    func openRound(_ organisation: Stored<Organisation>, mode: SurveyMode = .anonymous, minimum: Int = 5,
                   openQuestion: Bool = true, title: String? = nil) throws -> Stored<SurveyRound> {
        let store = SurveyRoundStore(database)
        let round = try store.create(
            SurveyRound(organisationID: organisation.id, frameworkID: try shippedFrameworkID(),
                        title: title ?? "Kysely \(UUID().uuidString.prefix(4))", mode: mode, opensOn: "2026-01-01",
                        closesOn: "2099-12-31",
                        minimumGroupSize: minimum, openAnswerThreshold: max(minimum, 10)),
            scope: [], openQuestions: openQuestion
                ? [LocalisedText(fi: "Mitä tukea toivot?", sv: "Vilket stöd?", en: "What support?")] : [])
        try store.open(roundID: round.id)
        guard let opened = try store.round(id: round.id) else { throw TestFailure("round vanished") }
        return opened
    }

    /// The framework content of a round.
    func content(of round: Stored<SurveyRound>) throws -> FrameworkContent {
        guard let content = try FrameworkStore(database).content(frameworkID: round.frameworkID) else {
            throw TestFailure("no framework")
        }
        return content
    }
}
