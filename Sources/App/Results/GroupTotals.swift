import Metrics

/// Mergeable sufficient statistics of one group of responses: enough to compute every figure a
/// dashboard shows, and to add groups up (a unit is the merge of its own staff and its sub-units).
struct GroupTotals: Sendable {
    var respondents = 0
    /// Area scores per area (index as in the framework).
    var areaScores: [ScoreAccumulator]
    /// Every answer to the area's statements, for the distribution over the scale.
    var areaAnswers: [AnswerTally]
    /// Answers per statement (index as in the answer string), for per-statement means.
    var statements: [ScoreAccumulator]

    init(scale: Scale, areaCount: Int, statementCount: Int) {
        areaScores = Array(repeating: ScoreAccumulator(scale: scale), count: areaCount)
        areaAnswers = Array(repeating: AnswerTally(scale: scale), count: areaCount)
        statements = Array(repeating: ScoreAccumulator(scale: scale), count: statementCount)
    }

    mutating func merge(_ other: GroupTotals) {
        respondents += other.respondents
        for index in areaScores.indices {
            areaScores[index].merge(other.areaScores[index])
            areaAnswers[index].merge(other.areaAnswers[index])
        }
        for index in statements.indices {
            statements[index].merge(other.statements[index])
        }
    }
}
