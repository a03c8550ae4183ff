import Testing
@testable import Metrics

@Suite("A plan's follow-up: planned, done, changed")
struct PlanFollowUpTests {
    let completions = [
        PlanFollowUp.Completion(trainingTitle: "Teams-perusteet", areaCodes: ["communication"], completedOn: "2025-06-01"),
        PlanFollowUp.Completion(trainingTitle: "Teams-kokoukset", areaCodes: ["communication", "tools"], completedOn: "2026-02-10"),
        PlanFollowUp.Completion(trainingTitle: "Tietoturva", areaCodes: ["security"], completedOn: "2026-03-05"),
    ]
    let assessments = [
        PlanFollowUp.Assessment(submittedOn: "2025-04-01", scores: ["communication": 2.5, "security": 3.0]),
        PlanFollowUp.Assessment(submittedOn: "2025-10-01", scores: ["communication": 2.75, "security": 3.0]),
        PlanFollowUp.Assessment(submittedOn: "2026-10-01", scores: ["communication": 3.5, "security": 3.25]),
        PlanFollowUp.Assessment(submittedOn: "2027-04-01", scores: ["communication": 4.0]),
    ]

    @Test func countsOnlyWorkAfterThePlanInTheGoalsArea() {
        let followUp = PlanFollowUp(goalAreaCodes: ["communication", "security", "data"], agreedOn: "2026-01-15",
                                    completions: completions, assessments: assessments)
        #expect(followUp.outcomes.map(\.trainingsDone) == [["Teams-kokoukset"], ["Tietoturva"], []])
    }

    @Test func comparesTheLastAssessmentBeforeWithTheFirstAfter() {
        let followUp = PlanFollowUp(goalAreaCodes: ["communication", "security", "data"], agreedOn: "2026-01-15",
                                    completions: completions, assessments: assessments)
        #expect(followUp.outcomes[0].before == 2.75 && followUp.outcomes[0].after == 3.5 && followUp.outcomes[0].change == 0.75)
        #expect(followUp.outcomes[1].change == 0.25)
        // No score for the area: no change, never a zero.
        #expect(followUp.outcomes[2].before == nil && followUp.outcomes[2].change == nil)
    }

    @Test func noAssessmentAfterThePlanYetMeansNoChange() {
        let followUp = PlanFollowUp(goalAreaCodes: ["communication"], agreedOn: "2027-05-01", completions: completions,
                                    assessments: assessments)
        #expect(followUp.outcomes[0].before == 4.0 && followUp.outcomes[0].after == nil && followUp.outcomes[0].change == nil)
        #expect(followUp.outcomes[0].trainingsDone.isEmpty)
    }
}
