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

/// An attendee's feedback on a session, for `TrainingFeedbackStore.submitMany`. The person is named
/// only to check attendance and make the credential; the stored answer keeps nothing of them.
public struct FeedbackSubmission: Sendable, Equatable {
    public var sessionID: Int64
    public var employeeID: Int64
    public var answer: TrainingFeedbackAnswer

    public init(sessionID: Int64, employeeID: Int64, answer: TrainingFeedbackAnswer) {
        self.sessionID = sessionID
        self.employeeID = employeeID
        self.answer = answer
    }
}
