/// The stored form of a questionnaire's answers: one character per statement, in the framework's
/// order (areas by position, then statements by position). '1'…'9' is the value, '-' is "can't
/// say", '.' is not answered yet. Published frameworks never change, so the order is fixed.
public enum AnswerString {
    /// One statement's answer.
    public enum Answer: Sendable, Equatable, Hashable {
        /// Not answered (yet).
        case unanswered
        /// "Can't say": answered, but with no value; left out of means.
        case cantSay
        /// A point of the scale.
        case value(Int)

        /// The scale value, when there is one.
        public var value: Int? {
            if case .value(let value) = self { return value }
            return nil
        }
    }

    public static let cantSay: Character = "-"
    public static let unanswered: Character = "."

    /// Whether `text` holds only answer characters ('1'…'9', '-', '.').
    public static func isValid(_ text: String) -> Bool {
        text.utf8.allSatisfy { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
            || $0 == UInt8(ascii: ".") }
    }

    /// The answers for `count` statements; missing or unknown characters are "not answered".
    public static func decode(_ text: String, count: Int) -> [Answer] {
        var answers = [Answer](repeating: .unanswered, count: count)
        // Bytes, not Characters: dashboards decode every response of a round, and Unicode-aware
        // character handling costs more than the arithmetic done with the answers.
        for (index, byte) in text.utf8.prefix(count).enumerated() {
            switch byte {
            case UInt8(ascii: "1")...UInt8(ascii: "9"): answers[index] = .value(Int(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "-"): answers[index] = .cantSay
            default: break
            }
        }
        return answers
    }

    public static func encode(_ answers: [Answer]) -> String {
        String(answers.map { answer -> Character in
            switch answer {
            case .unanswered: return unanswered
            case .cantSay: return cantSay
            case .value(let value):
                guard (1...9).contains(value), let digit = Character(String(value)).asciiValue else { return unanswered }
                return Character(UnicodeScalar(digit))
            }
        })
    }
}
