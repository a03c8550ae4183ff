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
    ///
    /// The body is the same for everyone of the organisation asking the same thing on the same day,
    /// so it is kept (`instructionPages`) under the library's version; the layout around it is the
    /// reader's.
    func showInstructions(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try trainingReader(context)
        let organisationID = reader.organisation.id
        let keepsLibrary = context.access.canManageOrganisation(organisationID)
        let state = try instructionStore.libraryState(organisationID: organisationID, userID: context.principal?.userID)
        let today = CivilDay.today(settings.now()).iso
        let topic = request.queryValue("topic").flatMap(Int64.init)
        let language = request.queryValue("lang").flatMap { ["fi", "sv", "en"].contains($0) ? $0 : nil }
        let showReviewFilter = keepsLibrary || state.ownsSome
        let reviewDue = showReviewFilter && request.queryValue("review") == "due"
        let query = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let strings = context.strings
        let variant = [today, String(keepsLibrary), String(showReviewFilter), String(reviewDue), topic.map(String.init) ?? "",
                       language ?? "", state.version, query].joined(separator: "\u{1F}")
        let bodyKey = CacheKey(family: "instructions:\(organisationID)", version: 0,
                               variant: "instructions/library|\(strings.language.rawValue)|\(variant)")
        let body = try instructionPages.body(bodyKey) {
            try renderer.render("instructions/library", PageView(t: strings.table, csrfToken: "", page: try libraryView(
                organisation: reader.organisation, keepsLibrary: keepsLibrary, showReviewFilter: showReviewFilter,
                reviewDue: reviewDue, topic: topic, language: language, query: query, today: today, strings)))
        }
        let html = try renderLayout(title: strings.text("instructions_title"), content: body, request: request, strings: strings,
                                    principal: context.principal, csrfToken: context.csrfToken)
        return Response(status: .ok, contentType: "text/html; charset=utf-8", text: html)
    }

    private func libraryView(organisation: Stored<Organisation>, keepsLibrary: Bool, showReviewFilter: Bool, reviewDue: Bool,
                             topic chosen: Int64?, language: String?, query: String, today: String,
                             _ strings: Strings) throws -> LibraryView {
        let organisationID = organisation.id
        let topicList = try tutorStore.topics(organisationID: organisationID)
        let topic = chosen.flatMap { id in topicList.first { $0.id == id }?.id }
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
        return LibraryView(
            action: Paths.instructions, query: query, topics: topicOptions, languages: languageOptions,
            showReviewFilter: showReviewFilter, reviewDue: reviewDue,
            filtered: !query.isEmpty || topic != nil || language != nil || reviewDue, clearHref: Paths.instructions,
            searched: !query.isEmpty, resultLine: resultLine, rows: rows, hasRows: !rows.isEmpty,
            keepsLibrary: keepsLibrary, newHref: Paths.newInstruction(organisation.slug),
            keyUsersHref: Paths.keyUsers, findHelpHref: Paths.findHelp)
    }
}
