import Foundation
import GRDB
import Testing
@testable import App
@testable import Demo
@testable import Storage

@Suite("Demo discussions")
struct DemoDiscussionTests {
    static let today = "2026-11-23"

    @Test func twoCyclesTyontekijasSignedPlanAndTheRunningCycle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-discussions-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try AppDatabase(path: folder + "/demo.sqlite",
                                       catalog: MigrationCatalog(directory: packageRoot + "/Migrations"), key: ServerKey.generate())
        _ = try database.migrate()
        _ = try DemoLoader(database: database, hasher: PasswordHasher(rounds: 1000))
            .load(employees: 400, seed: 1, today: Self.today)
        let store = DiscussionStore(database)
        let users = UserStore(database)

        // Every organisation: four questions in three languages, last year's cycle and a running one
        // for the whole organisation.
        for organisation in try OrganisationStore(database).all() {
            let questions = try store.questions(organisationID: organisation.id)
            #expect(questions.count == 4)
            #expect(questions.allSatisfy { !$0.text.fi.isEmpty && !$0.text.sv.isEmpty && !$0.text.en.isEmpty })
            let cycles = try store.cycles(organisationID: organisation.id)
            #expect(cycles.map(\.startsOn) == ["2026-09-24", "2025-01-15"])
            #expect(cycles.map(\.endsOn) == ["2027-03-23", "2025-05-31"])
            #expect(try store.cycleCovering(organisationID: organisation.id, unitID: nil, on: Self.today)?.id == cycles.first?.id)
        }

        let worker = try #require(try users.user(loginOrEmail: "tyontekija")?.employeeID)
        let discussions = try store.discussions(employeeID: worker)
        #expect(discussions.map(\.cycle.title) == ["Kehityskeskustelut 2026", "Kehityskeskustelut 2025"])
        let current = try #require(discussions.first?.discussion)
        let last = try #require(try store.previousSigned(before: current))
        #expect(last.id == discussions.last?.discussion.id)
        let heldOn = try #require(last.heldOn)
        let goals = try store.goals(discussionID: last.id)
        #expect(goals.count == 2)
        #expect(goals.allSatisfy { !$0.actions.isEmpty })

        // One goal's area has a training completed since the meeting; the other none.
        let completions = try CompletionStore(database).inForce(employeeID: worker)
            .filter { $0.entry.completedOn > heldOn && $0.entry.completedOn <= Self.today }
        let trainedCodes = Set(try TrainingCatalogueStore(database).areaCodes(trainingIDs: completions.map(\.entry.trainingID))
            .values.flatMap { $0 })
        let goalCodes = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT code FROM framework_areas WHERE id IN (?, ?) ORDER BY id",
                                arguments: [goals[0].goal.areaID, goals[1].goal.areaID])
        }
        #expect(goalCodes.filter(trainedCodes.contains).count == 1, "goal areas \(goalCodes), trained \(trainedCodes)")
        // Identified self-assessments before the plan (the pilot) and after it (spring), so "planned →
        // done → changed" shows a change: the trained goal's area rose at least as much as the other's.
        let own = try SurveyResultsStore(database).ownResponses(employeeID: worker)
        let before = try #require(own.first { $0.submittedOn < heldOn })
        let after = try #require(own.last { $0.submittedOn >= heldOn })
        let changes = goals.map { goal in
            after.areaScores[goal.goal.areaID].flatMap { new in before.areaScores[goal.goal.areaID].map { new - $0 } }
        }
        let first = try #require(changes[0]), second = try #require(changes[1])
        #expect(first >= second)
        let trainedBeforeAssessment = try CompletionStore(database).inForce(employeeID: worker)
            .filter { $0.entry.completedOn > heldOn && $0.entry.completedOn < after.submittedOn }
        #expect(try TrainingCatalogueStore(database).areaCodes(trainingIDs: trainedBeforeAssessment.map(\.entry.trainingID))
            .values.contains { $0.contains(goalCodes[0]) || $0.contains(goalCodes[1]) })

        // This year: prepared, planned for next week, not yet held.
        #expect(try store.answers(discussionID: current.id).count == 4)
        let planned = try #require(current.plannedOn)
        #expect(planned > Self.today && planned <= "2026-12-07")
        #expect(current.heldOn == nil && current.employeeSignedAt == nil && current.supervisorSignedAt == nil)

        // The supervisor of the daycare centre has discussions held and signed, planned, and not opened.
        let supervisor = try #require(try users.user(loginOrEmail: "esihenkilo"))
        let unitID = try #require(try users.roles(userID: supervisor.id).compactMap(\.unitID).first)
        let units = try UnitStore(database).unitAndDescendantIDs(of: unitID)
        let lines = try store.staffLines(cycleID: current.cycleID, unitIDs: units)
        #expect(lines.contains { $0.discussion?.isSigned == true && $0.goals > 0 })
        #expect(lines.contains { $0.discussion?.plannedOn.map { $0 > Self.today } == true && $0.discussion?.heldOn == nil })
        #expect(lines.contains { $0.discussion == nil })
    }
}
