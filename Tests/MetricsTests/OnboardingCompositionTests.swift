import Testing
@testable import Metrics

private func entry(_ id: Int64, _ key: String, _ layer: OnboardingLayer, position: Int = 0, offset: Int = 0) -> OnboardingTemplateEntry {
    OnboardingTemplateEntry(id: id, key: key, layer: layer, position: position, offsetDays: offset)
}

private let organisation = OnboardingLayer(.organisation)
private let sector = OnboardingLayer(.sector)
private let ownUnit = OnboardingLayer(.unit, unitDistance: 0)
private let parentUnit = OnboardingLayer(.unit, unitDistance: 1)
private let jobGroup = OnboardingLayer(.jobGroup)

private func day(_ iso: String) -> CivilDay {
    CivilDay(iso: iso) ?? CivilDay(daysSinceEpoch: 0)
}

/// One row of the composition table: the templates' items and the checklist's ids in order.
struct CompositionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let entries: [OnboardingTemplateEntry]
    let expected: [Int64]
    var testDescription: String { name }
}

@Suite("Onboarding: composing a checklist from layers")
struct OnboardingCompositionTests {
    static let cases: [CompositionCase] = [
        CompositionCase(name: "organisation only, by offset then position", entries: [
            entry(1, "email", organisation, position: 0, offset: 3),
            entry(2, "intranet", organisation, position: 1, offset: 0),
            entry(3, "teams", organisation, position: 2, offset: 0),
        ], expected: [2, 3, 1]),
        CompositionCase(name: "layers add up", entries: [
            entry(1, "email", organisation, offset: 0),
            entry(2, "daycare-app", sector, offset: 1),
            entry(3, "door-codes", ownUnit, offset: 2),
            entry(4, "kitchen-system", jobGroup, offset: 3),
        ], expected: [1, 2, 3, 4]),
        CompositionCase(name: "same key: the sector replaces the organisation", entries: [
            entry(1, "email", organisation, offset: 0),
            entry(2, "email", sector, offset: 5),
        ], expected: [2]),
        CompositionCase(name: "same key: the own unit beats the parent unit and the sector", entries: [
            entry(1, "keys", sector, offset: 0),
            entry(2, "keys", ownUnit, offset: 1),
            entry(3, "keys", parentUnit, offset: 2),
        ], expected: [2]),
        CompositionCase(name: "same key: the parent unit beats the sector", entries: [
            entry(1, "keys", sector, offset: 0),
            entry(3, "keys", parentUnit, offset: 2),
        ], expected: [3]),
        CompositionCase(name: "same key: the job group add-on beats every other layer", entries: [
            entry(1, "mfa", organisation), entry(2, "mfa", ownUnit), entry(3, "mfa", jobGroup), entry(4, "mfa", sector),
        ], expected: [3]),
        CompositionCase(name: "negative offsets come before day one", entries: [
            entry(1, "welcome", organisation, offset: 0),
            entry(2, "account", organisation, offset: -7),
            entry(3, "laptop", sector, offset: -3),
        ], expected: [2, 3, 1]),
        CompositionCase(name: "the same offset: the wider layer first", entries: [
            entry(1, "unit-thing", ownUnit, position: 0, offset: 1),
            entry(2, "org-thing", organisation, position: 5, offset: 1),
            entry(3, "sector-thing", sector, position: 0, offset: 1),
        ], expected: [2, 3, 1]),
        CompositionCase(name: "nothing applies", entries: [], expected: []),
    ]

    @Test(arguments: cases)
    func composes(_ row: CompositionCase) {
        #expect(OnboardingComposition.compose(row.entries).map(\.id) == row.expected)
    }

    @Test func theResultDoesNotDependOnTheInputOrder() {
        let entries = Self.cases.flatMap(\.entries).enumerated().map { index, item in
            entry(Int64(index + 1), item.key, item.layer, position: item.position, offset: item.offsetDays)
        }
        let once = OnboardingComposition.compose(entries).map(\.id)
        #expect(OnboardingComposition.compose(entries.reversed()).map(\.id) == once)
        #expect(Set(once.map { id in entries.first { $0.id == id }?.key ?? "" }).count == once.count)
    }

    @Test func dueDaysAreTheStartPlusTheOffset() {
        let start = day("2027-03-01")
        #expect(OnboardingComposition.dueDay(start: start, offsetDays: 0) == start)
        #expect(OnboardingComposition.dueDay(start: start, offsetDays: 14) == day("2027-03-15"))
        #expect(OnboardingComposition.dueDay(start: start, offsetDays: -1) == day("2027-02-28"))
        #expect(OnboardingComposition.dueDay(start: day("2028-03-01"), offsetDays: -1) == day("2028-02-29"))
    }

    @Test(arguments: [
        (OnboardingParty.employee, Int64?.none, OnboardingResponsible.newEmployee),
        (.employee, 7, .newEmployee),
        (.supervisor, 7, .supervisor),
        (.digitutor, 7, .tutor(employeeID: 7)),
        (.digitutor, nil, .supervisor),
        (.it, 7, .it),
        (.hr, nil, .hr),
    ])
    func responsiblePerson(_ party: OnboardingParty, _ tutor: Int64?, _ expected: OnboardingResponsible) {
        #expect(OnboardingComposition.responsible(for: party, tutorEmployeeID: tutor) == expected)
    }

    @Test func layersRankFromWideToSpecific() {
        #expect([jobGroup, ownUnit, organisation, parentUnit, sector].sorted() == [organisation, sector, parentUnit, ownUnit, jobGroup])
        #expect(OnboardingLayer(.sector, unitDistance: 4) == sector)
    }
}

@Suite("Onboarding: progress and overdue from dates")
struct OnboardingProgressTests {
    let today = day("2027-03-10")

    @Test func countsDoneOverdueAndPercent() {
        let items = [
            OnboardingItemState(due: day("2027-03-01"), doneOn: day("2027-03-02"), required: true),
            OnboardingItemState(due: day("2027-03-09"), doneOn: nil, required: true),
            OnboardingItemState(due: day("2027-03-10"), doneOn: nil, required: false),
            OnboardingItemState(due: day("2027-03-20"), doneOn: nil, required: true),
        ]
        let progress = OnboardingProgress(items, on: today)
        #expect(progress.total == 4)
        #expect(progress.done == 1)
        #expect(progress.overdue == 1, "due yesterday is overdue, due today is not")
        #expect(progress.percent == 25)
        #expect(progress.requiredOpen == 2)
        #expect(!progress.isComplete)
        #expect(progress.completedOn == nil)
    }

    @Test func completeWhenEveryRequiredItemIsDone() {
        let items = [
            OnboardingItemState(due: day("2027-03-01"), doneOn: day("2027-03-05"), required: true),
            OnboardingItemState(due: day("2027-03-09"), doneOn: day("2027-03-12"), required: true),
            OnboardingItemState(due: day("2027-03-09"), doneOn: nil, required: false),
        ]
        let progress = OnboardingProgress(items, on: today)
        #expect(progress.isComplete)
        #expect(progress.completedOn == day("2027-03-12"))
        #expect(progress.daysToComplete(start: day("2027-03-01")) == 11)
        #expect(progress.percent == 66)
        #expect(progress.overdue == 1)
    }

    @Test func anEmptyChecklistIsComplete() {
        let progress = OnboardingProgress([], on: today)
        #expect(progress.isComplete && progress.percent == 100 && progress.completedOn == nil)
    }
}

@Suite("Onboarding: the overview's tallies")
struct OnboardingTallyTests {
    @Test func countsCompletionOverdueAndAverageDays() {
        let start = day("2027-03-01")
        let facts = [
            OnboardingChecklistFacts(start: start, items: 10, done: 10, overdue: 0, requiredOpen: 0, lastRequiredDone: day("2027-03-11")),
            OnboardingChecklistFacts(start: start, items: 10, done: 9, overdue: 1, requiredOpen: 0, lastRequiredDone: day("2027-03-21")),
            OnboardingChecklistFacts(start: start, items: 10, done: 2, overdue: 3, requiredOpen: 4, lastRequiredDone: day("2027-03-02")),
            // Done before the start: no negative days.
            OnboardingChecklistFacts(start: start, items: 2, done: 2, overdue: 0, requiredOpen: 0, lastRequiredDone: day("2027-02-27")),
        ]
        let tally = OnboardingTally(facts)
        #expect(tally.checklists == 4 && tally.completed == 3 && tally.withOverdue == 2)
        #expect(tally.items == 32 && tally.done == 23 && tally.overdue == 4)
        #expect(tally.percentDone == 71)
        #expect(tally.averageDaysToComplete == 10)
    }

    @Test func nothingToCountIsNil() {
        let tally = OnboardingTally([])
        #expect(tally.percentDone == nil && tally.averageDaysToComplete == nil && tally.checklists == 0)
    }
}
