import Foundation

/// One answer to the feedback after a session, as stored: no person, no time.
public struct TrainingFeedbackAnswer: Sendable, Equatable {
    /// 1–5.
    public var usefulness: Int
    /// "I can use this in my work": yes, no, or not answered.
    public var canUse: Bool?
    public var comment: String

    public init(usefulness: Int, canUse: Bool?, comment: String) {
        self.usefulness = usefulness
        self.canUse = canUse
        self.comment = comment
    }
}
