import Metrics
import Storage

/// Builds `RoundResults` from a round's raw responses: tallies per cell (unit × job group), lets the
/// anonymity rule choose — jointly over every table the pages publish — which groups may be shown,
/// and adds up figures only for those.
enum RoundResultsBuilder {
    static func build(round: Stored<SurveyRound>, content: FrameworkContent, hierarchy: UnitHierarchy,
                      data: SurveyResultsStore.RoundData) -> RoundResults {
        let scale = Scale(minimum: content.framework.scaleMin, maximum: content.framework.scaleMax)
        let rule = AnonymityRule(minimumGroupSize: round.minimumGroupSize,
                                 openAnswerThreshold: round.openAnswerThreshold)
        let tally = ResponseTally(content: content, scale: scale)
        var cellTotals: [ResponseCell: GroupTotals] = [:]
        var reliability = tally.emptyReliability
        for response in data.responses where hierarchy.tree.contains(response.unitID) {
            let cell = ResponseCell(unitID: response.unitID, jobGroup: response.jobGroup)
            tally.add(response, to: &cellTotals[cell, default: tally.empty], reliability: &reliability)
        }
        var invitedCells: [ResponseCell: Int] = [:]
        for row in data.population where hierarchy.tree.contains(row.unitID) {
            invitedCells[ResponseCell(unitID: row.unitID, jobGroup: row.jobGroup), default: 0] += row.invited
        }
        let groups = RoundGroups(tree: hierarchy.tree, cells: Array(cellTotals.keys) + Array(invitedCells.keys))
        let respondents = groups.cells.map { cellTotals[$0]?.respondents ?? 0 }
        let clock = ContinuousClock()
        let auditStart = clock.now
        let figures = rule.figurePlan(groups, cellRespondents: respondents)
        let figuresDuration = clock.now - auditStart
        var shown: [ResultGroup: GroupTotals] = [:]
        for group in groups.groups where group.isShowable && figures.shows(group) {
            var totals = tally.empty
            for cell in groups.members[group] ?? [] {
                if let cellTotal = cellTotals[groups.cells[cell]] { totals.merge(cellTotal) }
            }
            shown[group] = totals
        }
        let offered = groups.groups.filter { group in
            switch group {
            case .organisation, .unit: return shown[group] != nil
            default: return false
            }
        }
        let openAnswerStart = clock.now
        let openAnswerPlan = rule.openAnswerPlan(groups, cellRespondents: respondents, offered: offered)
        let auditDuration = figuresDuration + (clock.now - openAnswerStart)
        let invited = groups.totals(groups.cells.map { invitedCells[$0] ?? 0 })
        let alphas: [Double?] = shown[.organisation] == nil
            ? Array(repeating: nil, count: content.areas.count) : reliability.map(\.alpha)
        var openAnswerCells: [ResponseCell: [SurveyResultsStore.OpenAnswerRow]] = [:]
        for answer in data.openAnswers {
            openAnswerCells[ResponseCell(unitID: answer.unitID, jobGroup: answer.jobGroup), default: []].append(answer)
        }
        return RoundResults(
            round: round, content: content, rule: rule, scale: scale, shown: shown,
            invited: invited.filter { shown[$0.key] != nil }, reliability: alphas,
            openAnswerGroups: Set(offered.filter(openAnswerPlan.shows)), openAnswerCells: openAnswerCells,
            groups: groups, hierarchy: hierarchy,
            audit: AuditSummary(figures: figures, openAnswers: openAnswerPlan, duration: auditDuration,
                                responses: data.responses.count, cells: groups.cells.count),
            populatedUnits: Set(invited.compactMap { group, count -> Int64? in
                if case .unit(let id) = group, count > 0 { return id } else { return nil }
            }))
    }
}

/// What the anonymity audit of a round's results found, for the record (logs, benchmarks).
struct AuditSummary: Sendable {
    let figures: SuppressionPlan<ResultGroup>
    let openAnswers: SuppressionPlan<ResultGroup>
    /// How long choosing and auditing both took.
    let duration: Duration
    let responses: Int
    let cells: Int

    /// One line for the log: sizes, passes and time, no figure.
    var logLine: String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return "anonymity audit: \(responses) responses in \(cells) cells, figures \(figures.passes) passes "
            + "(rank \(figures.audit.rank)), open answers \(openAnswers.passes) passes, "
            + String(format: "%.0f ms", milliseconds) + (figures.isSafe && openAnswers.isSafe ? "" : ", NOT SAFE: nothing shown")
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
    /// Where each area's statements are in the answer string.
    let areaRanges: [Range<Int>]

    init(content: FrameworkContent, scale: Scale) {
        self.content = content
        self.scale = scale
        empty = GroupTotals(scale: scale, areaCount: content.areas.count, statementCount: content.statementCount)
        areaOfStatement = content.areaIndexOfStatements
        var byID: [Int64: Int] = [:]
        for (index, area) in content.areas.enumerated() { byID[area.area.id] = index }
        areaIndexByID = byID
        areaRanges = content.areas.indices.map { content.statementRange(ofAreaAt: $0) }
    }

    /// One accumulator of Cronbach's alpha per area.
    var emptyReliability: [ReliabilityAccumulator] {
        areaRanges.map { ReliabilityAccumulator(itemCount: $0.count) }
    }

    func add(_ response: SurveyResultsStore.ResponseRow, to totals: inout GroupTotals,
             reliability: inout [ReliabilityAccumulator]) {
        totals.respondents += 1
        let answers = AnswerString.decode(response.answers, count: areaOfStatement.count)
        // The answered values in statement order, and which areas every statement was answered in.
        var values = [Double](repeating: 0, count: answers.count)
        var complete = [Bool](repeating: true, count: areaRanges.count)
        for (position, answer) in answers.enumerated() {
            let area = areaOfStatement[position]
            switch answer {
            case .value(let value) where scale.contains(value):
                totals.statements[position].add(Double(value))
                totals.areaAnswers[area].add(value)
                values[position] = Double(value)
            case .cantSay:
                totals.areaAnswers[area].add(nil)
                complete[area] = false
            default:
                complete[area] = false
            }
        }
        for (area, range) in areaRanges.enumerated() where complete[area] {
            reliability[area].add(values[range])
        }
        for (areaID, score) in response.areaScores {
            if let index = areaIndexByID[areaID] { totals.areaScores[index].add(score) }
        }
    }
}

/// An open round's progress: how many have answered, only for groups the anonymity rule lets through
/// (at least the minimum, and not giving a smaller group away by difference). No figure of the
/// answers themselves exists until the round closes.
struct RoundProgress: Sendable {
    let round: Stored<SurveyRound>
    let rule: AnonymityRule
    let hierarchy: UnitHierarchy
    /// Respondents so far, for the groups whose count may be shown.
    let counts: [ResultGroup: Int]
    /// How many were invited, per group (not a secret: the population when the round opened).
    let invited: [ResultGroup: Int]

    func respondents(_ group: ResultGroup) -> Int? { counts[group] }

    func responseRate(_ group: ResultGroup) -> Double? {
        counts[group].flatMap { Comparison.responseRate(respondents: $0, population: invited[group] ?? 0) }
    }
}

extension RoundResultsBuilder {
    static func progress(round: Stored<SurveyRound>, hierarchy: UnitHierarchy, data: SurveyResultsStore.RoundData)
        -> RoundProgress {
        let rule = AnonymityRule(minimumGroupSize: round.minimumGroupSize,
                                 openAnswerThreshold: round.openAnswerThreshold)
        var respondentCells: [ResponseCell: Int] = [:]
        for response in data.responses where hierarchy.tree.contains(response.unitID) {
            respondentCells[ResponseCell(unitID: response.unitID, jobGroup: response.jobGroup), default: 0] += 1
        }
        var invitedCells: [ResponseCell: Int] = [:]
        for row in data.population where hierarchy.tree.contains(row.unitID) {
            invitedCells[ResponseCell(unitID: row.unitID, jobGroup: row.jobGroup), default: 0] += row.invited
        }
        let groups = RoundGroups(tree: hierarchy.tree, cells: Array(respondentCells.keys) + Array(invitedCells.keys))
        let respondents = groups.cells.map { respondentCells[$0] ?? 0 }
        let plan = rule.figurePlan(groups, cellRespondents: respondents)
        let totals = groups.totals(respondents)
        return RoundProgress(round: round, rule: rule, hierarchy: hierarchy,
                             counts: totals.filter { $0.key.isShowable && plan.shows($0.key) },
                             invited: groups.totals(groups.cells.map { invitedCells[$0] ?? 0 }))
    }
}
