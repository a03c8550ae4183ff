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
    let others: [TutorCardView]
    let hasOthers: Bool
    let sectorName: String
    let hasSector: Bool
    /// The instructions library, and its instructions of the chosen topic.
    let libraryHref: String
    let topicInstructionsHref: String
}

extension WebApp {
    /// "Find help": the organisation's active tutors, those serving the reader's sector first, with a
    /// topic to narrow them down. Phone first: cards, no tables.
    func showFindHelp(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try trainingReader(context)
        let strings = context.strings
        let organisationID = reader.organisation.id
        let today = CivilDay.today(settings.now()).iso
        let topics = try tutorStore.topics(organisationID: organisationID)
        let chosen = request.queryValue("topic").flatMap(Int64.init).flatMap { id in topics.first { $0.id == id }?.id }
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
        let near = tutors.filter(servesSector).map(card)
        let others = tutors.filter { !servesSector($0) }.map(card)
        let sectorName = try reader.sectorID.flatMap { id in try sectors.sectors(organisationID: organisationID).first { $0.id == id }?.name } ?? ""
        let options = [SelectOption(value: "", label: strings.text("tutors_any_topic"), selected: chosen == nil)]
            + topics.map { SelectOption(value: String($0.id), label: $0.name.text(strings.language.rawValue), selected: $0.id == chosen) }
        return try context.render("digitutors/find", title: strings.text("tutors_find_title"), FindHelpView(
            topicAction: Paths.findHelp, topics: options, topicChosen: chosen != nil, clearHref: Paths.findHelp,
            near: near, hasNear: !near.isEmpty, others: others, hasOthers: !others.isEmpty,
            sectorName: sectorName, hasSector: !sectorName.isEmpty,
            libraryHref: Paths.instructions, topicInstructionsHref: chosen.map(Paths.instructions(topic:)) ?? ""))
    }
}
