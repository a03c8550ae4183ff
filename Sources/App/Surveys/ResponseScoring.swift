import Metrics
import Storage

/// Turns a questionnaire's stored answers into area scores, with the Metrics rules (can't say
/// excluded, an area counted only when at least half of its statements were answered).
public struct ResponseScoring: Sendable {
    let content: FrameworkContent

    public init(content: FrameworkContent) {
        self.content = content
    }

    var scale: Scale { Scale(minimum: content.framework.scaleMin, maximum: content.framework.scaleMax) }
    public var statementCount: Int { content.statementCount }

    /// Area id → score for the areas that count.
    public func areaScores(answers: String) -> [Int64: Double] {
        let decoded = AnswerString.decode(answers, count: statementCount)
        var scores: [Int64: Double] = [:]
        for (index, area) in content.areas.enumerated() {
            let range = content.statementRange(ofAreaAt: index)
            // "Not answered" and "can't say" are both left out of the mean.
            let values = decoded[range].map(\.value)
            let id = area.area.id
            if let score = AreaScore.score(of: values, statementCount: range.count, scale: scale) {
                scores[id] = score
            }
        }
        return scores
    }
}
