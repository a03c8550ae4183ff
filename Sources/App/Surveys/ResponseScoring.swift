import Metrics
import Storage

/// Turns a questionnaire's stored answers into area scores, with the Metrics rules (can't say
/// excluded, an area counted only when at least half of its statements were answered).
struct ResponseScoring: Sendable {
    let content: FrameworkContent

    var scale: Scale { Scale(minimum: content.framework.scaleMin, maximum: content.framework.scaleMax) }
    var statementCount: Int { content.areas.reduce(0) { $0 + $1.statements.count } }

    /// Area id → score for the areas that count.
    func areaScores(answers: String) -> [Int64: Double] {
        let decoded = AnswerString.decode(answers, count: statementCount)
        var scores: [Int64: Double] = [:]
        var offset = 0
        for area in content.areas {
            let count = area.statements.count
            // "Not answered" and "can't say" are both left out of the mean.
            let values = decoded[offset..<offset + count].map { answer -> Int? in answer ?? nil }
            offset += count
            if let id = area.area.id,
               let score = AreaScore.score(of: values, statementCount: count, scale: scale) {
                scores[id] = score
            }
        }
        return scores
    }

    /// The index range of an area's statements within the answer string.
    func answerRange(ofAreaAt index: Int) -> Range<Int> {
        let start = content.areas.prefix(index).reduce(0) { $0 + $1.statements.count }
        return start..<start + (content.areas.indices.contains(index) ? content.areas[index].statements.count : 0)
    }
}
