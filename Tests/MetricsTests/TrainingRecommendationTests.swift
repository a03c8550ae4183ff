import Testing
@testable import Metrics

@Suite("Training recommendations")
struct TrainingRecommendationTests {
    typealias Standing = TrainingRecommendation.AreaStanding
    typealias Candidate = TrainingRecommendation.Candidate

    @Test func withTargetsOnlyAreasBelowTargetAreWeakMostBelowFirst() {
        let areas = [
            Standing(code: "viestinta", mean: 3.9, target: 3.5),
            Standing(code: "tietoturva", mean: 2.8, target: 3.5),
            Standing(code: "laitteet", mean: 3.3, target: 3.5),
            Standing(code: "tekoaly", mean: 2.0, target: 2.5),
        ]
        #expect(TrainingRecommendation.weakestAreas(areas) == ["tietoturva", "tekoaly", "laitteet"])
        #expect(TrainingRecommendation.weakestAreas(areas, limit: 1) == ["tietoturva"])
    }

    @Test func withoutTargetsTheLowestMeansAreWeakAndTiesGoByCode() {
        let areas = [Standing(code: "b", mean: 3.0, target: nil), Standing(code: "a", mean: 3.0, target: nil),
                     Standing(code: "c", mean: 4.2, target: nil)]
        #expect(TrainingRecommendation.weakestAreas(areas, limit: 2) == ["a", "b"])
    }

    @Test func nothingBelowTargetRecommendsNothing() {
        let areas = [Standing(code: "a", mean: 4.0, target: 3.0)]
        #expect(TrainingRecommendation.weakestAreas(areas).isEmpty)
    }

    @Test func rankingPutsTheWeakestAreaFirstThenBreadthAndSkipsCompleted() {
        let candidates = [
            Candidate(id: 1, areaCodes: ["laitteet"]),
            Candidate(id: 2, areaCodes: ["tietoturva"]),
            Candidate(id: 3, areaCodes: ["tietoturva", "laitteet"]),
            Candidate(id: 4, areaCodes: ["viestinta"]),
            Candidate(id: 5, areaCodes: ["tietoturva"]),
        ]
        let ranked = TrainingRecommendation.rank(candidates, weakAreas: ["tietoturva", "laitteet"], completed: [5])
        #expect(ranked == [3, 2, 1])
        #expect(TrainingRecommendation.rank(candidates, weakAreas: [], completed: []).isEmpty)
        #expect(TrainingRecommendation.rank(candidates, weakAreas: ["tietoturva"], completed: [], limit: 1) == [2])
    }
}
