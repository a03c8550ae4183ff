import Foundation
import Metrics
import Storage

/// One area of the loop: chosen in plans → trained → changed.
struct LoopAreaRow {
    let area: String
    let chosenBy: String
    let trained: String
    let trainings: String
    let change: String
}

/// Closing the loop for a group, as HR's cycle page and the supervisor's list show it.
struct PlanLoopView {
    let heading: String
    let summary: String
    let rows: [LoopAreaRow]
    let hasRows: Bool
    let shown: Bool
    let hiddenNote: String
    let changeNote: String
}

extension WebApp {
    /// The plans of `cycle` made in `unitID` with its sub-units (nil: the whole organisation): the
    /// areas chosen, how many of those people then trained in the area, and the area's change between
    /// the two newest closed anonymous rounds that show the group (their published figures).
    func planLoop(_ cycle: Stored<DiscussionCycle>, unitID: Int64?, _ strings: Strings) throws -> PlanLoopView {
        let language = strings.language.rawValue
        let rule = AnonymityRule()
        let heading = strings.format("discussions_loop_heading", ["cycle": cycle.title])
        let hidden = strings.format("discussions_loop_hidden", ["minimum": String(rule.minimumGroupSize)])
        let hiddenView = PlanLoopView(heading: heading, summary: "", rows: [], hasRows: false, shown: false, hiddenNote: hidden, changeNote: "")
        var planned = try discussionStore.plannedAreas(cycleID: cycle.id, unitIDs: nil)
        if let unitID {
            // A unit's figures only where the tree-wide suppression shows it: a supervisor sees a unit
            // and its sub-units, and must not get a small group by subtracting one from the other.
            var people: [Int64: Set<Int64>] = [:]
            var outside = Set<Int64>()
            for plan in planned {
                if let unit = plan.unitID { people[unit, default: []].insert(plan.employeeID) } else { outside.insert(plan.employeeID) }
            }
            let nodes = try units.units(organisationID: cycle.organisationID).map { UnitNode(id: $0.id, parentID: $0.parentID, sectorID: $0.sectorID) }
            let shown = PlanLoop.shownUnits(people: people.mapValues(\.count), outsideTree: outside.count, units: nodes, rule: rule)
            guard shown.contains(unitID) else { return hiddenView }
            let subtree = try units.unitAndDescendantIDs(of: unitID)
            planned = planned.filter { $0.unitID.map(subtree.contains) ?? false }
        }
        guard let content = try newestRoundContent(cycle.organisationID) else { return hiddenView }
        let codes = Dictionary(content.areas.map { ($0.area.id, $0.area.code) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(content.areas.map { ($0.area.code, $0.area.name.text(language)) }, uniquingKeysWith: { first, _ in first })
        let plans = Dictionary(grouping: planned, by: \.employeeID).map { employeeID, goals in
            PlanLoop.Plan(employeeID: employeeID, areaCodes: Set(goals.compactMap { codes[$0.areaID] }),
                          agreedOn: goals.map(\.agreedOn).max() ?? "")
        }
        let earliest = plans.map(\.agreedOn).min() ?? ""
        let done = try completions.inForce(employeeIDs: Set(plans.map(\.employeeID)), from: earliest)
        let areaCodes = try trainingCatalogue.areaCodes(trainingIDs: Array(Set(done.map(\.trainingID))))
        let completions = done.map {
            PlanLoop.Completion(employeeID: $0.employeeID, areaCodes: Set(areaCodes[$0.trainingID] ?? []), completedOn: $0.completedOn)
        }
        guard let loop = PlanLoop(plans: plans, completions: completions, rule: rule) else { return hiddenView }
        let (change, changeNote) = try areaChange(organisationID: cycle.organisationID, unitID: unitID, strings)
        let rows = loop.areas.map { area in
            LoopAreaRow(area: names[area.code] ?? area.code, chosenBy: strings.number(area.chosenBy), trained: strings.number(area.trained),
                        trainings: strings.number(area.trainings),
                        change: change[area.code].map { strings.signedDecimal($0) } ?? "–")
        }
        return PlanLoopView(heading: heading, summary: strings.format("discussions_loop_summary", ["people": strings.number(loop.people)]),
                            rows: rows, hasRows: !rows.isEmpty, shown: true, hiddenNote: hidden, changeNote: changeNote)
    }

    /// The framework of the organisation's newest round that is not a draft.
    private func newestRoundContent(_ organisationID: Int64) throws -> FrameworkContent? {
        guard let round = try rounds.rounds(organisationID: organisationID).first(where: { $0.status != .draft }) else { return nil }
        return try frameworkContent(round.frameworkID)
    }

    /// Each competence area's change (by code) between the two newest closed anonymous rounds that
    /// show the group, from their published figures; empty when fewer than two show it.
    private func areaChange(organisationID: Int64, unitID: Int64?, _ strings: Strings) throws -> ([String: Double], String) {
        let group = unitID.map(ResultGroup.unit) ?? .organisation
        var shown: [(round: Stored<SurveyRound>, means: [String: Double])] = []
        for round in try rounds.rounds(organisationID: organisationID)
            .filter({ $0.status == .closed && $0.mode == .anonymous }).sorted(by: { $0.closesOn > $1.closesOn }).prefix(4) {
            let published = try roundResults(round)
            guard let totals = published.totals(group) else { continue }
            var means: [String: Double] = [:]
            for (index, area) in published.content.areas.enumerated() where area.area.kind == .competence {
                if let mean = totals.areaScores[index].mean { means[area.area.code] = mean }
            }
            shown.append((round, means))
            if shown.count == 2 { break }
        }
        guard shown.count == 2 else { return ([:], strings.text("discussions_loop_no_change")) }
        let change = shown[0].means.compactMapValues { $0 }.reduce(into: [String: Double]()) { result, entry in
            if let before = shown[1].means[entry.key] { result[entry.key] = entry.value - before }
        }
        return (change, strings.format("discussions_loop_change_note", ["from": shown[1].round.title, "to": shown[0].round.title]))
    }
}
