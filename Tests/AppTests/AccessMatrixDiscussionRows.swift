import Foundation
import Metrics
@testable import App
@testable import Storage

/// Discussions made straight through the store for the access matrix: a running cycle of Järvelä and
/// Aino's (tyontekija's) discussion in it, with a goal and an action.
enum DiscussionFixture {
    static func cycle(_ test: TestApp, _ world: World) throws -> Int64 {
        let store = DiscussionStore(test.database)
        if let running = try store.cycles(organisationID: world.jarvela.id).first { return running.id }
        let today = CivilDay.today()
        return try store.createCycle(DiscussionCycle(organisationID: world.jarvela.id, title: "Kehityskeskustelut",
                                                     startsOn: today.adding(days: -10).iso, endsOn: today.adding(days: 60).iso),
                                     unitIDs: []).id
    }

    /// Aino's discussion with one goal and one action; signed by both when `signed`.
    static func ainos(_ test: TestApp, _ world: World, signed: Bool = false) throws -> (discussion: Int64, goal: Int64, action: Int64) {
        let store = DiscussionStore(test.database)
        let discussion = try store.open(cycleID: try cycle(test, world), employeeID: world.employeeA.id, unitID: world.unitA.id, by: nil)
        let areaID = try test.database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM framework_areas") }
        guard let areaID, let goal = try store.addGoal(discussionID: discussion.id, areaID: areaID, goal: "Teams", followUpOn: nil),
              let action = try store.addAction(DiscussionAction(goalID: goal.id, kind: .practice, note: "Harjoittele"),
                                               discussionID: discussion.id) else { throw TestFailure("no goal") }
        if signed {
            try store.saveMeeting(discussionID: discussion.id, plannedOn: nil, heldOn: CivilDay.today().iso, notes: "")
            _ = try store.sign(discussionID: discussion.id, as: .employee(comment: "", disagrees: false))
            _ = try store.sign(discussionID: discussion.id, as: .supervisor(userID: nil))
        }
        return (discussion.id, goal.id, action.id)
    }
}

extension AccessMatrixTests {
    /// Development discussions' rows: anonymous, employee (Aino), supervisor A (Aino's), supervisor B,
    /// HR of the other organisation, HR, admin. HR and administrators see no content by default.
    static let discussionRows: [Row] = {
        /// Aino and her supervisor; nobody else learns the discussion exists.
        let theTwo: [Outcome] = [S, A, A, H, H, H, H]
        let employeeOnly: [Outcome] = [S, A, H, H, H, H, H]
        let supervisorOnly: [Outcome] = [S, H, A, H, H, H, H]
        let hrPages: [Outcome] = [S, F, F, F, H, A, A]
        func discussion(_ rest: String = "", signed: Bool = false) -> @Sendable (World, TestApp) throws -> String {
            { world, test in
                let made = try DiscussionFixture.ainos(test, world, signed: signed)
                return "/discussions/\(made.discussion)" + rest
                    .replacingOccurrences(of: "GOAL", with: String(made.goal)).replacingOccurrences(of: "ACTION", with: String(made.action))
            }
        }
        return [
            Row(route: "GET /organisations/:slug/discussions", path: { _, _ in "/organisations/jarvela/discussions" }, expected: hrPages),
            Row(route: "POST /organisations/:slug/discussions", path: { _, _ in "/organisations/jarvela/discussions" }, expected: hrPages),
            Row(route: "POST /organisations/:slug/discussion-settings", path: { _, _ in "/organisations/jarvela/discussion-settings" },
                expected: hrPages),
            Row(route: "POST /organisations/:slug/discussion-questions", path: { _, _ in "/organisations/jarvela/discussion-questions" },
                expected: hrPages),
            Row(route: "POST /organisations/:slug/discussion-questions/:questionID/retire", path: { world, test in
                let store = DiscussionStore(test.database)
                var last: Int64 = 0
                for text in ["Yksi?", "Kaksi?", "Kolme?", "Neljä?"] {
                    last = try store.addQuestion(organisationID: world.jarvela.id, text: LocalisedText(fi: text, sv: "", en: "")).id
                }
                return "/organisations/jarvela/discussion-questions/\(last)/retire"
            }, expected: hrPages),
            Row(route: "GET /discussion-cycles/:cycleID", path: { world, test in
                "/discussion-cycles/\(try DiscussionFixture.cycle(test, world))"
            }, expected: hrPages),
            Row(route: "GET /units/:unitID/discussions", path: { world, test in
                _ = try DiscussionFixture.cycle(test, world)
                return "/units/\(world.unitA.id)/discussions"
            }, expected: [S, F, A, H, H, A, A]),
            // Only the employee's own supervisors open a discussion.
            Row(route: "POST /employees/:employeeID/discussions", path: { world, test in
                _ = try DiscussionFixture.cycle(test, world)
                return "/employees/\(world.employeeA.id)/discussions"
            }, expected: [S, F, A, H, H, H, H]),
            Row(route: "GET /my-discussions", path: { world, test in
                _ = try DiscussionFixture.ainos(test, world)
                return "/my-discussions"
            }, expected: employeeOnly),
            Row(route: "GET /discussions/:discussionID", path: discussion(), expected: theTwo),
            Row(route: "GET /discussions/:discussionID/print", path: discussion("/print"), expected: theTwo),
            // After Aino moved to unit B: her new supervisor sees the discussion, her old one no longer.
            Row(route: "GET /discussions/:discussionID", path: { world, test in
                let made = try DiscussionFixture.ainos(test, world)
                var moved = world.employeeA
                moved.unitID = world.unitB.id
                try EmployeeStore(test.database).update(moved)
                return "/discussions/\(made.discussion)"
            }, expected: [S, A, H, A, H, H, H]),
            Row(route: "POST /discussions/:discussionID/preparation", path: discussion("/preparation"), expected: employeeOnly),
            Row(route: "POST /discussions/:discussionID/meeting", path: discussion("/meeting"), expected: supervisorOnly),
            Row(route: "POST /discussions/:discussionID/goals", path: discussion("/goals"), expected: supervisorOnly),
            Row(route: "POST /discussions/:discussionID/goals/:goalID/remove", path: discussion("/goals/GOAL/remove"),
                expected: supervisorOnly),
            Row(route: "POST /discussions/:discussionID/goals/:goalID/actions", path: discussion("/goals/GOAL/actions"),
                expected: supervisorOnly),
            Row(route: "GET /discussions/:discussionID/goals/:goalID/actions/new", path: discussion("/goals/GOAL/actions/new"),
                expected: supervisorOnly),
            Row(route: "POST /discussions/:discussionID/goals/:goalID/actions/:actionID/remove",
                path: discussion("/goals/GOAL/actions/ACTION/remove"), expected: supervisorOnly),
            Row(route: "POST /discussions/:discussionID/sign", path: discussion("/sign"), expected: theTwo),
            Row(route: "POST /discussions/:discussionID/corrections", path: discussion("/corrections", signed: true), expected: theTwo),
        ]
    }()
}
