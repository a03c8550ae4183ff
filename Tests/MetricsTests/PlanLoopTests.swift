import Testing
@testable import Metrics

@Suite("Closing the loop for a group: areas chosen, training done")
struct PlanLoopTests {
    static func plan(_ id: Int64, _ codes: Set<String>, on day: String = "2026-03-01") -> PlanLoop.Plan {
        PlanLoop.Plan(employeeID: id, areaCodes: codes, agreedOn: day)
    }

    @Test func aGroupWithFewerPlansThanTheMinimumShowsNothing() {
        let plans = (1...4).map { Self.plan(Int64($0), ["security"]) }
        #expect(PlanLoop(plans: plans, completions: [], rule: AnonymityRule()) == nil)
        // Two plans of one person are one person.
        #expect(PlanLoop(plans: plans + [Self.plan(4, ["data"], on: "2026-04-01")], completions: [], rule: AnonymityRule()) == nil)
    }

    @Test func countsPeopleWhoChoseAnAreaAndThoseWhoThenTrainedInIt() throws {
        let plans = [Self.plan(1, ["security", "communication"]), Self.plan(2, ["security"]), Self.plan(3, ["communication"]),
                     Self.plan(4, ["security"]), Self.plan(5, ["data"])]
        let completions = [
            PlanLoop.Completion(employeeID: 1, areaCodes: ["security"], completedOn: "2026-04-01"),
            PlanLoop.Completion(employeeID: 1, areaCodes: ["security", "data"], completedOn: "2026-05-01"),
            // Before the plan: not counted.
            PlanLoop.Completion(employeeID: 2, areaCodes: ["security"], completedOn: "2026-02-01"),
            // In another area than the person chose.
            PlanLoop.Completion(employeeID: 3, areaCodes: ["security"], completedOn: "2026-04-01"),
            PlanLoop.Completion(employeeID: 5, areaCodes: ["data"], completedOn: "2026-03-01"),
        ]
        let loop = try #require(PlanLoop(plans: plans, completions: completions, rule: AnonymityRule()))
        #expect(loop.people == 5)
        #expect(loop.areas.map(\.code) == ["security", "communication", "data"])
        #expect(loop.areas[0] == PlanLoop.Area(code: "security", chosenBy: 3, trained: 1, trainings: 2))
        #expect(loop.areas[1] == PlanLoop.Area(code: "communication", chosenBy: 2, trained: 0, trainings: 0))
        #expect(loop.areas[2] == PlanLoop.Area(code: "data", chosenBy: 1, trained: 1, trainings: 1))
    }

    @Test func aUnitAndItsSubUnitAreNotBothShownWhenTheirDifferenceIsSmall() {
        // P has 2 plans of its own and C, its sub-unit, 5: P's 7 minus C's 5 would give P's own 2.
        let units = [UnitNode(id: 1, parentID: nil, sectorID: nil), UnitNode(id: 2, parentID: 1, sectorID: nil),
                     UnitNode(id: 3, parentID: nil, sectorID: nil)]
        let shown = PlanLoop.shownUnits(people: [1: 2, 2: 5, 3: 9], outsideTree: 0, units: units, rule: AnonymityRule())
        #expect(!(shown.contains(1) && shown.contains(2)))
        #expect(shown.contains(3) || shown.contains(1), "the organisation's parts are not all hidden")
    }

    @Test func unitsWithEnoughPlansAndNoSmallRemainderAreShown() {
        let units = [UnitNode(id: 1, parentID: nil, sectorID: nil), UnitNode(id: 2, parentID: 1, sectorID: nil),
                     UnitNode(id: 3, parentID: 1, sectorID: nil)]
        let shown = PlanLoop.shownUnits(people: [2: 6, 3: 5], outsideTree: 0, units: units, rule: AnonymityRule())
        #expect(shown == [1, 2, 3])
        #expect(PlanLoop.shownUnits(people: [2: 4], outsideTree: 0, units: units, rule: AnonymityRule()).isEmpty)
    }
}
