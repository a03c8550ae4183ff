import Foundation
import HTTPServer
import Metrics
import Storage

struct FindHelpView {
    let topicAction: String
    let topics: [SelectOption]
    let topicChosen: Bool
    let clearHref: String
    let near: [TutorCardView]
    let hasNear: Bool
    /// "Showing 30 of 412" with a link to all, when the list was cut.
    let nearMore: String
    let others: [TutorCardView]
    let hasOthers: Bool
    let othersMore: String
    let allHref: String
    let sectorName: String
    let hasSector: Bool
    /// The instructions library, and its instructions of the chosen topic.
    let libraryHref: String
    let topicInstructionsHref: String
}

extension WebApp {
    /// How many tutors a list shows before "show all": a large organisation has hundreds in a sector,
    /// more than anyone scrolls through on a phone.
    static let findHelpListLength = 30

    /// "Find help": the organisation's active tutors, those serving the reader's sector first, with a
    /// topic to narrow them down. Phone first: cards, no tables; each list shows its first 30 unless
    /// the reader asks for all.
    ///
    /// The body is shared by readers of the same sector while the network is unchanged (and for a
    /// minute at most); a tutor's own card links to their help log, so theirs is kept apart.
    func showFindHelp(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try trainingReader(context)
        let organisationID = reader.organisation.id
        let today = CivilDay.today(settings.now()).iso
        let topicID = request.queryValue("topic").flatMap(Int64.init)
        let showAll = request.queryValue("all") == "1"
        let ownTutorID = try context.principal?.employeeID.flatMap { try tutorStore.tutorID(employeeID: $0) }
        let key = CacheKey(family: "find-help:\(organisationID)|\(try tutorStore.version())",
                           version: Int(Date().timeIntervalSince1970 / 60),
                           variant: "\(reader.sectorID ?? 0)|\(topicID ?? 0)|\(showAll)|\(ownTutorID ?? 0)|\(today)")
        return try context.renderCached("digitutors/find", title: context.strings.text("tutors_find_title"), key: key) {
            try findHelpView(reader, topicID: topicID, showAll: showAll, today: today, context)
        }
    }

    private func findHelpView(_ reader: TrainingReader, topicID: Int64?, showAll: Bool, today: String,
                              _ context: RequestContext) throws -> FindHelpView {
        let strings = context.strings
        let organisationID = reader.organisation.id
        let topics = try tutorStore.topics(organisationID: organisationID)
        let chosen = topicID.flatMap { id in topics.first { $0.id == id }?.id }
        let tutors = try tutorStore.tutors(organisationID: organisationID)
            .filter { $0.status(on: today) == .active && (chosen.map($0.topicIDs.contains) ?? true) }
        let unitList = try units.units(organisationID: organisationID)
        let sectorOf = Dictionary(uniqueKeysWithValues: unitList.map { ($0.id, $0.sectorID) })
        let unitNames = Dictionary(uniqueKeysWithValues: unitList.map { ($0.id, $0.name) })
        let topicNames = try tutorTopicNames(organisationID, strings)
        func servesSector(_ tutor: TutorDetails) -> Bool {
            guard let sector = reader.sectorID else { return false }
            return tutor.units.contains { sectorOf[$0.unitID] == sector }
        }
        // The reader's own card, when they are a tutor, leads to their help log.
        func card(_ tutor: TutorDetails) -> TutorCardView {
            var card = tutorCard(tutor, topicNames: topicNames, unitNames: unitNames, strings)
            if tutor.tutor.employeeID == context.principal?.employeeID { card.logHref = Paths.myHelpLog }
            return card
        }
        let limit = showAll ? Int.max : Self.findHelpListLength
        func more(_ total: Int) -> String {
            total > limit ? strings.format("tutors_find_more", ["shown": strings.number(limit), "total": strings.number(total)]) : ""
        }
        let near = tutors.filter(servesSector)
        let others = tutors.filter { !servesSector($0) }
        let sectorName = try reader.sectorID.flatMap { id in try sectors.sectors(organisationID: organisationID).first { $0.id == id }?.name } ?? ""
        let options = [SelectOption(value: "", label: strings.text("tutors_any_topic"), selected: chosen == nil)]
            + topics.map { SelectOption(value: String($0.id), label: $0.name.text(strings.language.rawValue), selected: $0.id == chosen) }
        return FindHelpView(
            topicAction: Paths.findHelp, topics: options, topicChosen: chosen != nil, clearHref: Paths.findHelp,
            near: near.prefix(limit).map(card), hasNear: !near.isEmpty, nearMore: more(near.count),
            others: others.prefix(limit).map(card), hasOthers: !others.isEmpty, othersMore: more(others.count),
            allHref: Paths.findHelp(topic: chosen, all: true),
            sectorName: sectorName, hasSector: !sectorName.isEmpty,
            libraryHref: Paths.instructions, topicInstructionsHref: chosen.map(Paths.instructions(topic:)) ?? "")
    }
}
