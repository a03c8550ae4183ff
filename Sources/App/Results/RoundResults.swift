import Metrics
import Storage

/// A round's results, after the anonymity rule: only groups that may be shown keep their totals, so
/// no figure of a hidden group exists past this point for a page, chart or export to leak.
struct RoundResults: Sendable {
    let round: Stored<SurveyRound>
    let content: FrameworkContent
    let rule: AnonymityRule
    let scale: Scale
    /// Totals of the groups that may be shown.
    let shown: [ResultGroup: GroupTotals]
    /// How many were invited, for the shown groups (the population when the round opened).
    let invited: [ResultGroup: Int]
    /// Cronbach's alpha per area at organisation level (nil when it cannot be computed or the
    /// organisation itself is hidden).
    let reliability: [Double?]
    /// Groups whose open answers may be shown (chosen jointly, with the open-answer threshold).
    let openAnswerGroups: Set<ResultGroup>
    /// Open answers per unit and job group cell; read only through `openAnswers(for:)`.
    let openAnswerCells: [ResponseCell: [SurveyResultsStore.OpenAnswerRow]]
    /// Every group of the round with its cells, as the anonymity rule saw them.
    let groups: RoundGroups
    let hierarchy: UnitHierarchy
    /// The audits behind `shown` and `openAnswerGroups`.
    let audit: AuditSummary
    /// Units (with sub-units) that had anyone in the round's population.
    let populatedUnits: Set<Int64>

    /// The figures of a group, or nil when it is hidden (fewer respondents than the minimum, or
    /// hidden so that another group cannot be recovered by subtraction) or not a showable group.
    func totals(_ group: ResultGroup) -> GroupTotals? {
        group.isShowable ? shown[group] : nil
    }

    /// Whether a group has figures to show.
    func isShown(_ group: ResultGroup) -> Bool { totals(group) != nil }

    /// Response rate of a shown group: respondents / invited when the round opened.
    func responseRate(_ group: ResultGroup) -> Double? {
        guard let totals = totals(group) else { return nil }
        return Comparison.responseRate(respondents: totals.respondents, population: invited[group] ?? 0)
    }

    /// Mean area score per area code for a shown group: the basis of comparisons across rounds.
    func areaMeansByCode(_ group: ResultGroup) -> [String: Double] {
        guard let totals = totals(group) else { return [:] }
        var means: [String: Double] = [:]
        for (index, area) in content.areas.enumerated() {
            if let mean = totals.areaScores[index].mean { means[area.area.code] = mean }
        }
        return means
    }

    /// Open answers of a group the open-answer plan lets through; nil otherwise.
    func openAnswers(for group: ResultGroup) -> [SurveyResultsStore.OpenAnswerRow]? {
        guard let totals = totals(group), rule.showsOpenAnswers(respondents: totals.respondents),
              openAnswerGroups.contains(group) else { return nil }
        let answers = openAnswerCells.filter { groups.contains(group, $0.key) }.flatMap(\.value)
        return answers.sorted { ($0.questionID, $0.text) < ($1.questionID, $1.text) }
    }

    /// The target level of an area for a group: job group, then sector, then everyone.
    func target(areaIndex: Int, for group: ResultGroup) -> Double? {
        switch group {
        case .sector(let sectorID):
            return Self.target(content, areaIndex: areaIndex, sectorID: sectorID, jobGroup: nil)
        case .unit(let unitID), .ownStaff(let unitID):
            return Self.target(content, areaIndex: areaIndex, sectorID: hierarchy.sector(of: unitID), jobGroup: nil)
        case .jobGroup(let jobGroup):
            return Self.target(content, areaIndex: areaIndex, sectorID: nil, jobGroup: jobGroup)
        case .unitJobGroup(let unitID, let jobGroup), .ownStaffJobGroup(let unitID, let jobGroup):
            return Self.target(content, areaIndex: areaIndex, sectorID: hierarchy.sector(of: unitID), jobGroup: jobGroup)
        case .organisation, .withoutSector:
            return Self.target(content, areaIndex: areaIndex, sectorID: nil, jobGroup: nil)
        }
    }

    /// The target level of an area of `content` for a sector and a job group (either may be nil).
    static func target(_ content: FrameworkContent, areaIndex: Int, sectorID: Int64?, jobGroup: String?) -> Double? {
        let levels = content.areas[areaIndex].targets.map {
            TargetLevel(sectorID: $0.sectorID, jobGroup: $0.jobGroup, level: $0.level)
        }
        return TargetLevel.resolve(levels, sectorID: sectorID, jobGroup: jobGroup)
    }

    /// Job groups with shown figures within a group (the organisation or a unit), by name.
    func jobGroups(within group: ResultGroup) -> [String] {
        let names: [String] = shown.keys.compactMap { key in
            switch (group, key) {
            case (.organisation, .jobGroup(let name)): return name
            case (.unit(let unitID), .unitJobGroup(let id, let name)) where id == unitID: return name
            default: return nil
            }
        }
        return names.sorted()
    }
}
