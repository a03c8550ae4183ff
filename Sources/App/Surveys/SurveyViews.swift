import Storage

/// One choice of a statement's radio group.
struct AnswerOptionView {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}

/// One statement with its radio group.
struct StatementView {
    let name: String
    let legendID: String
    let number: Int
    let text: String
    let options: [AnswerOptionView]
}

/// One area of the questionnaire on its own page.
struct SurveyAreaView {
    let roundTitle: String
    let progress: String
    let step: Int
    let stepCount: Int
    let kindLabel: String
    let areaName: String
    let areaDescription: String
    let hasDescription: Bool
    let statements: [StatementView]
    let action: String
    let hasBack: Bool
    let cantSayHint: String
}

/// The open questions page.
struct SurveyQuestionsView {
    let roundTitle: String
    let action: String
    let questions: [OpenQuestionView]
    let limit: Int
}

struct OpenQuestionView {
    let name: String
    let id: String
    let text: String
    let answer: String
}

/// The review page before submitting.
struct SurveyReviewView {
    let roundTitle: String
    let areas: [ReviewAreaView]
    let openAnswers: [ReviewOpenAnswerView]
    let hasOpenAnswers: Bool
    let unansweredCount: Int
    let hasUnanswered: Bool
    let unansweredText: String
    let nothingAnswered: Bool
    let submitAction: String
    let backPath: String
    let anonymous: Bool
}

struct ReviewAreaView {
    let name: String
    let editPath: String
    let summary: String
    let answers: [ReviewAnswerView]
}

struct ReviewAnswerView {
    let statement: String
    let answer: String
    let unanswered: Bool
}

struct ReviewOpenAnswerView {
    let question: String
    let answer: String
    let editPath: String
}

/// The introduction of a round, and the place a respondent returns to.
struct SurveyIntroView {
    let roundTitle: String
    let anonymous: Bool
    let closesOn: String
    let areaCount: Int
    let statementCount: Int
    let startPath: String
    let startLabel: String
    let answered: Bool
    let accepting: Bool
    let thanksPath: String
}
