/// The stored form of a questionnaire's answers: one character per statement, in the framework's
/// order (areas by position, then statements by position). '1'…'9' is the value, '-' is "can't
/// say", '.' is not answered yet. Published frameworks never change, so the order is fixed.
public enum AnswerString {
    /// nil inside the outer optional is "can't say"; an outer nil is "not answered".
    public typealias Answer = Int??

    public static let cantSay: Character = "-"
    public static let unanswered: Character = "."

    /// Whether `text` holds only answer characters ('1'…'9', '-', '.').
    public static func isValid(_ text: String) -> Bool {
        text.utf8.allSatisfy { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
            || $0 == UInt8(ascii: ".") }
    }

    /// The answers for `count` statements; missing or unknown characters are "not answered".
    public static func decode(_ text: String, count: Int) -> [Answer] {
        var answers = [Answer](repeating: .none, count: count)
        // Bytes, not Characters: dashboards decode every response of a round, and Unicode-aware
        // character handling costs more than the arithmetic done with the answers.
        for (index, byte) in text.utf8.prefix(count).enumerated() {
            switch byte {
            case UInt8(ascii: "1")...UInt8(ascii: "9"): answers[index] = .some(Int(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "-"): answers[index] = .some(nil)
            default: break
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
