import Foundation

// View models of the discussion pages. As elsewhere, rows hold no optionals (Mustache would look a
// nil up in the page around it): empty strings and `has…` flags instead.

/// A preparation question with the employee's answer.
struct QuestionView {
    /// The textarea's id and name (`q12`).
    let name: String
    let question: String
    let answer: String
    let hasAnswer: Bool
}

/// One action of a goal.
struct ActionView {
    let text: String
    let href: String
    let hasHref: Bool
    let canRemove: Bool
    let removeAction: String
    let removeLabel: String
}

/// One goal of the plan, with its actions and (for the supervisor) the form to add one.
struct GoalView {
    let number: String
    let area: String
    let goal: String
    let followUp: String
    let hasFollowUp: Bool
    let actions: [ActionView]
    let hasActions: Bool
    let canEdit: Bool
    let removeAction: String
    let removeLabel: String
    /// The page with the form for the goal's next action.
    let newActionHref: String
    /// The goal's anchor on the page.
    let formID: String
    let newActionLabel: String
}

/// The form for a goal's next action.
struct NewActionView {
    let crumbs: [Crumb]
    let heading: String
    let area: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let action: String
    let kinds: [SelectOption]
    let sessions: [SelectOption]
    let hasSessions: Bool
    let instructions: [SelectOption]
    let note: FieldView
    let kindField: FieldView
    let sessionField: FieldView
    let instructionField: FieldView
    let backHref: String
}

/// One row of the self-assessment comparison.
struct AssessmentRowView {
    let area: String
    let previous: String
    let latest: String
    let change: String
    let target: String
    let belowTarget: Bool
}

/// A goal of last year's plan and what came of it.
struct FollowUpRowView {
    let goal: String
    let area: String
    let done: String
    let change: String
}

/// Everything the product knows about the person that the two can act on, filled in automatically.
struct DiscussionPictureView {
    /// The unit's help topics (names only) and its weakest areas in the latest anonymous round.
    let helpTopics: String
    let hasHelpTopics: Bool
    let weakAreas: [String]
    let hasWeakAreas: Bool
    let weakAreasMeta: String
    let assessmentMeta: String
    let assessment: [AssessmentRowView]
    let hasAssessment: Bool
    let trainings: [String]
    let hasTrainings: Bool
    let trainingsSince: String
    let requirements: [String]
    let hasRequirements: Bool
    let onboarding: String
    let hasOnboarding: Bool
    let followUp: [FollowUpRowView]
    let hasFollowUp: Bool
    let followUpMeta: String
}

struct DiscussionPageView {
    let crumbs: [Crumb]
    let heading: String
    let cycle: String
    let status: String
    let statusClass: String
    let visibility: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let isSigned: Bool
    let printHref: String
    // Preparation
    let questions: [QuestionView]
    let hasQuestions: Bool
    let canPrepare: Bool
    let preparationAction: String
    // The meeting (the supervisor)
    let planned: String
    let held: String
    let notes: String
    let hasNotes: Bool
    let canLead: Bool
    let meetingAction: String
    let plannedField: FieldView
    let heldField: FieldView
    let notesField: FieldView
    // The picture (kept: `discussions/picture`) and the plan
    let pictureHTML: String
    let goals: [GoalView]
    let hasGoals: Bool
    let canAddGoal: Bool
    let goalAction: String
    let goalField: FieldView
    let followUpField: FieldView
    let areas: [SelectOption]
    // Sign-off
    let employeeSigned: String
    let supervisorSigned: String
    let comment: String
    let hasComment: Bool
    let disagrees: Bool
    let canSignAsEmployee: Bool
    let canSignAsSupervisor: Bool
    let signAction: String
    // Corrections after sign-off
    let corrections: [String]
    let hasCorrections: Bool
    let canCorrect: Bool
    let correctionAction: String
    let correctionField: FieldView
}

/// The prepared picture as the print shows it: the trainings as a count.
struct DiscussionPrintPicture {
    let assessmentMeta: String
    let assessment: [AssessmentRowView]
    let hasAssessment: Bool
    let trainingsSince: String
    let trainingCount: String
    let requirements: [String]
    let hasRequirements: Bool
    let followUp: [FollowUpRowView]
    let hasFollowUp: Bool

    init(_ picture: DiscussionPictureView) {
        assessmentMeta = picture.assessmentMeta
        assessment = picture.assessment
        hasAssessment = picture.hasAssessment
        trainingsSince = picture.trainingsSince
        trainingCount = String(picture.trainings.count)
        requirements = picture.requirements
        hasRequirements = picture.hasRequirements
        followUp = picture.followUp
        hasFollowUp = picture.hasFollowUp
    }
}

struct DiscussionPrintView {
    let heading: String
    let cycle: String
    let unit: String
    let planned: String
    let held: String
    let backHref: String
    let questions: [QuestionView]
    let hasQuestions: Bool
    let picture: DiscussionPrintPicture
    let goals: [GoalView]
    let hasGoals: Bool
    let notes: String
    let hasNotes: Bool
    let employeeSigned: String
    let supervisorSigned: String
    let comment: String
    let hasComment: Bool
    let disagrees: Bool
    let visibility: String
}
