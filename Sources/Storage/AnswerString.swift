/// The stored form of a questionnaire's answers: one character per statement, in the framework's
/// order (areas by position, then statements by position). '1'…'9' is the value, '-' is "can't
/// say", '.' is not answered yet. Published frameworks never change, so the order is fixed.
public enum AnswerString {
    /// nil inside the outer optional is "can't say"; an outer nil is "not answered".
    public typealias Answer = Int??

    public static let cantSay: Character = "-"
    public static let unanswered: Character = "."

    /// The answers for `count` statements; missing or unknown characters are "not answered".
    public static func decode(_ text: String, count: Int) -> [Answer] {
        var answers = [Answer](repeating: .none, count: count)
        for (index, character) in text.prefix(count).enumerated() {
            if character == cantSay {
                answers[index] = .some(nil)
            } else if let digit = character.wholeNumberValue, (1...9).contains(digit), character.isASCII {
                answers[index] = .some(digit)
            }
        }
        return answers
    }

    public static func encode(_ answers: [Answer]) -> String {
        String(answers.map { answer -> Character in
            switch answer {
            case .none: return unanswered
            case .some(.none): return cantSay
            case .some(.some(let value)):
                guard (1...9).contains(value), let digit = Character(String(value)).asciiValue else { return unanswered }
                return Character(UnicodeScalar(digit))
            }
        })
    }
}
