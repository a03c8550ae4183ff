import Foundation
import HTTPServer
import Metrics
import Storage

struct LibraryView {
    let action: String
    let query: String
    let topics: [SelectOption]
    let languages: [SelectOption]
    let showReviewFilter: Bool
    let reviewDue: Bool
    let filtered: Bool
    let clearHref: String
    let searched: Bool
    let resultLine: String
    let rows: [InstructionRowView]
    let hasRows: Bool
    let keepsLibrary: Bool
    let newHref: String
    let keyUsersHref: String
    let findHelpHref: String
}

extension WebApp {
    /// The library ("Digiohjeet"): a search over titles, texts and systems (prefix words, ä/ö folded,
    /// best first, with the words found highlighted), or, without one, every instruction with the
    /// pinned ones (the AI guideline) first. Filters: topic, language, and for HR and owners the
    /// instructions whose review is overdue. Phone first: cards, no tables, no script.
    func showInstructions(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try libraryReader(context)
        let strings = context.strings
        let organisationID = reader.organisation.id
        let today = CivilDay.today(settings.now()).iso
        let topicList = try tutorStore.topics(organisationID: organisationID)
        let topic = request.queryValue("topic").flatMap(Int64.init).flatMap { id in topicList.first { $0.id == id }?.id }
        let language = request.queryValue("lang").flatMap { ["fi", "sv", "en"].contains($0) ? $0 : nil }
        let showReviewFilter = reader.keepsLibrary || reader.ownsSome
        let reviewDue = showReviewFilter && request.queryValue("review") == "due"
        let query = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let filter = InstructionFilter(topicID: topic, language: language, reviewDueBefore: reviewDue ? today : nil)
        let topicNames = try tutorTopicNames(organisationID, strings)
        let sectorNames = try sectorNames(organisationID)
        let rows: [InstructionRowView]
        if query.isEmpty {
            rows = try instructionStore.instructions(organisationID: organisationID, filter).map {
                instructionRow($0, today: today, topicNames: topicNames, sectorNames: sectorNames, strings)
            }
        } else {
            rows = try instructionStore.search(query, organisationID: organisationID, filter).map {
                instructionRow($0.instruction, snippet: $0.snippet, today: today, topicNames: topicNames,
                               sectorNames: sectorNames, strings)
            }
        }
        let topicOptions = [SelectOption(value: "", label: strings.text("instructions_any_topic"), selected: topic == nil)]
            + topicList.map { SelectOption(value: String($0.id), label: $0.name.text(strings.language.rawValue), selected: $0.id == topic) }
        let languageOptions = [SelectOption(value: "", label: strings.text("instructions_any_language"), selected: language == nil)]
            + ["fi", "sv", "en"].map { SelectOption(value: $0, label: strings.languageName($0), selected: $0 == language) }
        let resultLine = query.isEmpty ? "" : strings.format(rows.count == 1 ? "instructions_result_one" : "instructions_results",
                                                             ["count": strings.number(rows.count), "query": query])
        return try context.render("instructions/library", title: strings.text("instructions_title"), LibraryView(
            action: Paths.instructions, query: query, topics: topicOptions, languages: languageOptions,
            showReviewFilter: showReviewFilter, reviewDue: reviewDue,
            filtered: !query.isEmpty || topic != nil || language != nil || reviewDue, clearHref: Paths.instructions,
            searched: !query.isEmpty, resultLine: resultLine, rows: rows, hasRows: !rows.isEmpty,
            keepsLibrary: reader.keepsLibrary, newHref: Paths.newInstruction(reader.organisation.slug),
            keyUsersHref: Paths.keyUsers, findHelpHref: Paths.findHelp))
    }
}
