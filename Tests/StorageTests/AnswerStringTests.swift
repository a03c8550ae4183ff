import Testing
@testable import Storage

@Suite("Answer strings")
struct AnswerStringTests {
    @Test func eachKindOfAnswerRoundTrips() {
        let answers: [AnswerString.Answer] = [.value(1), .cantSay, .unanswered, .value(5), .value(9)]
        let text = AnswerString.encode(answers)
        #expect(text == "1-.59")
        #expect(AnswerString.decode(text, count: 5) == answers)
        #expect(answers.map(\.value) == [1, nil, nil, 5, 9])
    }

    @Test func shortOrForeignTextIsUnanswered() {
        #expect(AnswerString.decode("4x", count: 3) == [.value(4), .unanswered, .unanswered])
        #expect(AnswerString.encode([.value(0), .value(10)]) == "..", "values off the digit range are not stored")
        #expect(AnswerString.isValid("12-.") && !AnswerString.isValid("12x"))
    }
}
