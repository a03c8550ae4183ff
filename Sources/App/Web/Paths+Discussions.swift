/// Links of development discussions (`Discussions/`).
extension Paths {
    /// HR's page: the cycles, opening one, whether HR sees content, and counts per unit.
    static func discussionCycles(_ slug: String) -> String { organisation(slug) + "/discussions" }
    /// Adds a preparation question (HR).
    static func discussionQuestions(_ slug: String) -> String { organisation(slug) + "/discussion-questions" }
    static func retireDiscussionQuestion(_ slug: String, _ questionID: Int64) -> String {
        discussionQuestions(slug) + "/\(questionID)/retire"
    }
    static func discussionSettings(_ slug: String) -> String { organisation(slug) + "/discussion-settings" }
    /// A cycle's counts per unit (HR).
    static func discussionCycle(_ cycleID: Int64) -> String { "/discussion-cycles/\(cycleID)" }
    /// The supervisor's list: whom they still have to meet in the running cycle.
    static func unitDiscussions(_ unitID: Int64) -> String { "/units/\(unitID)/discussions" }
    /// Opens the employee's discussion in the running cycle (the supervisor).
    static func openDiscussion(_ employeeID: Int64) -> String { "/employees/\(employeeID)/discussions" }
    /// The employee's own discussions.
    static let myDiscussions = "/my-discussions"
    static func discussion(_ discussionID: Int64) -> String { "/discussions/\(discussionID)" }
    /// The one-page print for the meeting.
    static func discussionPrint(_ discussionID: Int64) -> String { discussion(discussionID) + "/print" }
    static func discussionPreparation(_ discussionID: Int64) -> String { discussion(discussionID) + "/preparation" }
    static func discussionMeeting(_ discussionID: Int64) -> String { discussion(discussionID) + "/meeting" }
    static func discussionGoals(_ discussionID: Int64) -> String { discussion(discussionID) + "/goals" }
    static func discussionGoalRemoval(_ discussionID: Int64, _ goalID: Int64) -> String {
        discussionGoals(discussionID) + "/\(goalID)/remove"
    }
    static func discussionActions(_ discussionID: Int64, _ goalID: Int64) -> String {
        discussionGoals(discussionID) + "/\(goalID)/actions"
    }
    /// The form for a goal's next action (the supervisor).
    static func newDiscussionAction(_ discussionID: Int64, _ goalID: Int64) -> String { discussionActions(discussionID, goalID) + "/new" }
    static func discussionActionRemoval(_ discussionID: Int64, _ goalID: Int64, _ actionID: Int64) -> String {
        discussionActions(discussionID, goalID) + "/\(actionID)/remove"
    }
    static func discussionSignature(_ discussionID: Int64) -> String { discussion(discussionID) + "/sign" }
    static func discussionCorrections(_ discussionID: Int64) -> String { discussion(discussionID) + "/corrections" }
}
