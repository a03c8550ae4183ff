/// The score of one respondent in one area.
public enum AreaScore {
    /// Mean of the answered statements (nil = can't say excluded); nil unless at least half of
    /// `statementCount` statements were answered (e.g. 2 of 4 counts, 2 of 5 does not). Answers
    /// outside the scale are ignored as if unanswered.
    public static func score(of answers: [Int?], statementCount: Int, scale: Scale) -> Double? {
        let answered = answers.compactMap { $0 }.filter(scale.contains)
        // 2 × answered ≥ count is "at least half" without rounding an odd count either way.
        guard !answered.isEmpty, 2 * answered.count >= statementCount else { return nil }
        return Double(answered.reduce(0, +)) / Double(answered.count)
    }
}
