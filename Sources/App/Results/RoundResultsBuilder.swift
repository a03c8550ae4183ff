import Metrics
import Storage

/// Builds `RoundResults` from a round's raw responses: tallies per unit and job group, adds them up
/// the unit tree and across sectors and job groups, then lets the anonymity rule decide, once for all
/// pages, which groups may be shown.
enum RoundResultsBuilder {
    static func build(round: SurveyRound, content: FrameworkContent, units: [Storage.Unit],
                      data: SurveyResultsStore.RoundData) -> RoundResults {
        let hierarchy = UnitHierarchy(units: units)
        let scale = Scale(minimum: content.framework.scaleMin, maximum: content.framework.scaleMax)
        let rule = AnonymityRule(minimumGroupSize: round.minimumGroupSize,
                                 openAnswerThreshold: round.openAnswerThreshold)
        let tally = ResponseTally(content: content, scale: scale)
        var cells: [RoundResults.Cell: GroupTotals] = [:]
        var itemRows: [[[Double?]]] = Array(repeating: [], count: content.areas.count)
        for response in data.responses where hierarchy.units[response.unitID] != nil {
            let cell = RoundResults.Cell(unitID: response.unitID, jobGroup: response.jobGroup)
            tally.add(response, to: &cells[cell, default: tally.empty], items: &itemRows)
        }
        var invitedCells: [RoundResults.Cell: Int] = [:]
        for row in data.population where hierarchy.units[row.unitID] != nil {
            invitedCells[RoundResults.Cell(unitID: row.unitID, jobGroup: row.jobGroup), default: 0] += row.invited
        }
        let totals = aggregate(cells, hierarchy, empty: tally.empty) { $0.merge($1) }
        let invited = aggregate(invitedCells, hierarchy, empty: 0) { $0 += $1 }
        let hidden = rule.hiddenGroups(respondents: totals.mapValues(\.respondents),
                                       partitions: partitions(hierarchy, groups: Set(totals.keys)))
        let shown = totals.filter { $0.key.isShowable && !hidden.contains($0.key) }
        let reliability: [Double?] = shown[.organisation] == nil
            ? Array(repeating: nil, count: content.areas.count)
            : itemRows.map { Reliability.cronbachAlpha($0) }
        var openAnswerCells: [RoundResults.Cell: [SurveyResultsStore.OpenAnswerRow]] = [:]
        for answer in data.openAnswers {
            openAnswerCells[RoundResults.Cell(unitID: answer.unitID, jobGroup: answer.jobGroup), default: []]
                .append(answer)
        }
        return RoundResults(round: round, content: content, rule: rule, scale: scale, shown: shown,
                            invited: invited.filter { shown[$0.key] != nil }, reliability: reliability,
                            openAnswerCells: openAnswerCells, hierarchy: hierarchy,
                            populatedUnits: Set(invited.compactMap { group, count -> Int64? in
                                if case .unit(let id) = group, count > 0 { return id } else { return nil }
                            }))
    }

    /// Adds cell values up into every group: own staff, units with sub-units, sectors, job groups and
    /// the organisation.
    static func aggregate<Value>(_ cells: [RoundResults.Cell: Value], _ hierarchy: UnitHierarchy, empty: Value,
                                 merge: (inout Value, Value) -> Void) -> [ResultGroup: Value] {
        var groups: [ResultGroup: Value] = [:]
        func add(_ value: Value, to group: ResultGroup) { merge(&groups[group, default: empty], value) }
        for (cell, value) in cells {
            add(value, to: .ownStaffJobGroup(cell.unitID, cell.jobGroup))
            add(value, to: .ownStaff(cell.unitID))
            add(value, to: .jobGroup(cell.jobGroup))
            add(value, to: .organisation)
            add(value, to: hierarchy.sector(of: cell.unitID).map(ResultGroup.sector) ?? .withoutSector)
        }
        let jobGroupsByUnit = Dictionary(grouping: cells.keys, by: \.unitID).mapValues { Set($0.map(\.jobGroup)) }
        var jobGroupsBelow: [Int64: Set<String>] = [:]
        for unitID in hierarchy.bottomUp {
            var names = jobGroupsByUnit[unitID] ?? []
            var unitTotal = groups[.ownStaff(unitID)] ?? empty
            for child in hierarchy.children[unitID] ?? [] {
                names.formUnion(jobGroupsBelow[child] ?? [])
                merge(&unitTotal, groups[.unit(child)] ?? empty)
            }
            jobGroupsBelow[unitID] = names
            if groups[.ownStaff(unitID)] != nil || !names.isEmpty { groups[.unit(unitID)] = unitTotal }
            for name in names {
                var total = groups[.ownStaffJobGroup(unitID, name)] ?? empty
                for child in hierarchy.children[unitID] ?? [] {
                    if let childTotal = groups[.unitJobGroup(child, name)] { merge(&total, childTotal) }
                }
                groups[.unitJobGroup(unitID, name)] = total
            }
        }
        return groups
    }

    /// Every way one group is the exact sum of others, for complementary suppression.
    static func partitions(_ hierarchy: UnitHierarchy, groups: Set<ResultGroup>) -> [Partition<ResultGroup>] {
        var partitions: [Partition<ResultGroup>] = []
        var sectors: Set<Int64> = []
        var jobGroups: Set<String> = []
        for group in groups {
            if case .sector(let id) = group { sectors.insert(id) }
            if case .jobGroup(let name) = group { jobGroups.insert(name) }
        }
        let present = { (group: ResultGroup) in groups.contains(group) }
        partitions.append(Partition(whole: .organisation,
                                    parts: sectors.sorted().map(ResultGroup.sector) + [.withoutSector]))
        partitions.append(Partition(whole: .organisation, parts: hierarchy.roots.map(ResultGroup.unit).filter(present)))
        partitions.append(Partition(whole: .organisation, parts: jobGroups.sorted().map(ResultGroup.jobGroup)))
        for name in jobGroups.sorted() {
            partitions.append(Partition(whole: .jobGroup(name),
                                        parts: hierarchy.roots.map { .unitJobGroup($0, name) }.filter(present)))
        }
        for unitID in hierarchy.bottomUp where present(.unit(unitID)) {
            let children = hierarchy.children[unitID] ?? []
            partitions.append(Partition(whole: .unit(unitID),
                                        parts: [.ownStaff(unitID)] + children.map(ResultGroup.unit).filter(present)))
            let names = jobGroups.sorted().filter { present(.unitJobGroup(unitID, $0)) }
            partitions.append(Partition(whole: .unit(unitID), parts: names.map { .unitJobGroup(unitID, $0) }))
            partitions.append(Partition(whole: .ownStaff(unitID),
                                        parts: names.map { .ownStaffJobGroup(unitID, $0) }.filter(present)))
            for name in names {
                partitions.append(Partition(whole: .unitJobGroup(unitID, name),
                                            parts: [.ownStaffJobGroup(unitID, name)]
                                                + children.map { .unitJobGroup($0, name) }.filter(present)))
            }
        }
        for sectorID in sectors.sorted() {
            partitions.append(Partition(whole: .sector(sectorID), parts: sectorParts(sectorID, hierarchy, present)))
        }
        return partitions
    }

    /// A sector as a sum of units: its top units when their whole subtrees are in the sector (so a
    /// shown unit could be subtracted from the shown sector), otherwise every unit's own staff.
    static func sectorParts(_ sectorID: Int64, _ hierarchy: UnitHierarchy,
                            _ present: (ResultGroup) -> Bool) -> [ResultGroup] {
        let members = hierarchy.units.values.compactMap { $0.sectorID == sectorID ? $0.id : nil }.sorted()
        let memberSet = Set(members)
        let tops = members.filter { id in hierarchy.units[id]?.parentID.map { !memberSet.contains($0) } ?? true }
        // Every member's sub-units are members too: then the top units' subtrees are exactly the sector.
        let homogeneous = members.allSatisfy { (hierarchy.children[$0] ?? []).allSatisfy(memberSet.contains) }
        return homogeneous ? tops.map(ResultGroup.unit).filter(present)
            : members.map(ResultGroup.ownStaff).filter(present)
    }
}

/// Adds one response to a group's totals.
struct ResponseTally {
    let content: FrameworkContent
    let scale: Scale
    let empty: GroupTotals
    /// The area index of each statement position in the answer string.
    let areaOfStatement: [Int]
    let areaIndexByID: [Int64: Int]

    init(content: FrameworkContent, scale: Scale) {
        self.content = content
        self.scale = scale
        empty = GroupTotals(scale: scale, areaCount: content.areas.count, statementCount: content.statementCount)
        areaOfStatement = content.areaIndexOfStatements
        var byID: [Int64: Int] = [:]
        for (index, area) in content.areas.enumerated() { if let id = area.area.id { byID[id] = index } }
        areaIndexByID = byID
    }

    func add(_ response: SurveyResultsStore.ResponseRow, to totals: inout GroupTotals, items: inout [[[Double?]]]) {
        totals.respondents += 1
        let answers = AnswerString.decode(response.answers, count: areaOfStatement.count)
        var rows: [[Double?]] = content.areas.map { _ in [] }
        for (position, answer) in answers.enumerated() {
            let area = areaOfStatement[position]
            switch answer {
            case .some(.some(let value)) where scale.contains(value):
                totals.statements[position].add(Double(value))
                totals.areaAnswers[area].add(value)
                rows[area].append(Double(value))
            case .some(.none):
                totals.areaAnswers[area].add(nil)
                rows[area].append(nil)
            default:
                rows[area].append(nil)
            }
        }
        for (index, row) in rows.enumerated() { items[index].append(row) }
        for (areaID, score) in response.areaScores {
            if let index = areaIndexByID[areaID] { totals.areaScores[index].add(score) }
        }
    }
}
