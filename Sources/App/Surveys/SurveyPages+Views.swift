import Foundation
import Storage

/// Building the survey pages' view models from a round's framework and the respondent's draft.
extension WebApp {
    func areaView(_ taking: SurveyTaking, step: Int, answers: [AnswerString.Answer],
                  _ context: RequestContext) -> SurveyAreaView {
        let language = context.language.rawValue
        let strings = context.strings
        let area = taking.content.areas[step - 1]
        let labels = scaleLabels(taking.content, language)
        let range = taking.content.statementRange(ofAreaAt: step - 1)
        let statements = zip(range, area.statements).enumerated().map { index, pair in
            let (offset, statement) = pair
            let id = statement.id
            let answer = answers[offset]
            var options = labels.map { value, label in
                AnswerOptionView(id: "s\(id)-\(value)", value: String(value), label: "\(value) \(label)",
                                 checked: answer == .value(value))
            }
            options.append(AnswerOptionView(id: "s\(id)-cant", value: "cant",
                                            label: taking.content.framework.cantSay.text(language),
                                            checked: answer == .cantSay))
            return StatementView(name: "s\(id)", legendID: "legend-s\(id)", number: index + 1,
                                 text: statement.text.text(language), options: options)
        }
        let description = area.area.description.text(language)
        return SurveyAreaView(
            roundTitle: taking.round.title,
            progress: strings.format("survey_progress", ["step": String(step), "count": String(taking.areaCount)]),
            step: step, stepCount: taking.areaCount,
            kindLabel: strings.text(area.area.kind == .competence ? "survey_kind_competence" : "survey_kind_factor"),
            areaName: area.area.name.text(language), areaDescription: description,
            hasDescription: !description.isEmpty, statements: statements, action: taking.areaPath(step),
            hasBack: true, cantSayHint: strings.text("survey_cant_say_hint"))
    }

    /// The scale's points with their labels, lowest first; a point without a label shows its number.
    func scaleLabels(_ content: FrameworkContent, _ language: String) -> [(Int, String)] {
        let labels = Dictionary(content.labels.map { ($0.value, $0.label.text(language)) }, uniquingKeysWith: { a, _ in a })
        return (content.framework.scaleMin...content.framework.scaleMax).map { ($0, labels[$0] ?? "") }
    }

    func reviewView(_ taking: SurveyTaking, _ draft: WorkingDraft, _ context: RequestContext) -> SurveyReviewView {
        let language = context.language.rawValue
        let strings = context.strings
        let labels = Dictionary(scaleLabels(taking.content, language), uniquingKeysWith: { a, _ in a })
        let cantSay = taking.content.framework.cantSay.text(language)
        var unanswered = 0
        let areas = taking.content.areas.enumerated().map { index, area in
            let range = taking.content.statementRange(ofAreaAt: index)
            let answers = zip(range, area.statements).map { offset, statement -> ReviewAnswerView in
                let text: String
                switch draft.answers[offset] {
                case .unanswered: text = strings.text("survey_unanswered"); unanswered += 1
                case .cantSay: text = cantSay
                case .value(let value): text = "\(value) \(labels[value] ?? "")"
                }
                return ReviewAnswerView(statement: statement.text.text(language), answer: text,
                                        unanswered: draft.answers[offset] == .unanswered)
            }
            let answered = answers.filter { !$0.unanswered }.count
            return ReviewAreaView(name: area.area.name.text(language), editPath: taking.areaPath(index + 1),
                                  summary: strings.format("survey_review_answered",
                                                          ["answered": String(answered),
                                                           "count": String(answers.count)]),
                                  answers: answers)
        }
        let openAnswers = taking.openQuestions.compactMap { question -> ReviewOpenAnswerView? in
            guard let answer = draft.openAnswers[question.id] else { return nil }
            return ReviewOpenAnswerView(question: question.text.text(language), answer: answer,
                                        editPath: taking.questionsPath)
        }
        return SurveyReviewView(
            roundTitle: taking.round.title, areas: areas, openAnswers: openAnswers,
            hasOpenAnswers: !openAnswers.isEmpty, unansweredCount: unanswered, hasUnanswered: unanswered > 0,
            unansweredText: strings.format("survey_review_unanswered", ["count": String(unanswered)]),
            nothingAnswered: !draft.answers.contains { $0 != .unanswered }, submitAction: taking.submitPath,
            backPath: taking.hasOpenQuestions ? taking.questionsPath : taking.areaPath(taking.areaCount),
            anonymous: taking.round.mode == .anonymous)
    }
}
