import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// The survey round pages' rows: anonymous, employee, supervisor A, supervisor B, HR of the other
    /// organisation, HR, admin.
    static let roundRows: [Row] = {
        /// HR and administrators of Järvelä only; Koskenkylä's HR gets the record check's 404.
        let hrOnly: [Outcome] = [S, F, F, F, H, A, A]
        /// Like a unit's page: its supervisor, HR and administrators.
        let unitLeaders: [Outcome] = [S, F, A, H, H, A, A]
        @Sendable func draft(_ world: World, _ test: TestApp) throws -> Int64 {
            try RoundFixture.round(world, test, open: false)
        }
        @Sendable func open(_ world: World, _ test: TestApp) throws -> Int64 {
            try RoundFixture.round(world, test)
        }
        return [
            Row(route: "GET /organisations/:slug/rounds", path: { _, _ in "/organisations/jarvela/rounds" },
                expected: hrOnly),
            Row(route: "GET /organisations/:slug/rounds/new", path: { _, _ in "/organisations/jarvela/rounds/new" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/rounds/new", path: { _, _ in "/organisations/jarvela/rounds/new" },
                expected: hrOnly),
            Row(route: "GET /rounds/:roundID", path: { world, test in "/rounds/\(try open(world, test))" },
                expected: hrOnly),
            Row(route: "GET /rounds/:roundID/edit", path: { world, test in "/rounds/\(try draft(world, test))/edit" },
                expected: hrOnly),
            Row(route: "POST /rounds/:roundID/edit", path: { world, test in "/rounds/\(try draft(world, test))/edit" },
                expected: hrOnly),
            Row(route: "POST /rounds/:roundID/open", path: { world, test in "/rounds/\(try draft(world, test))/open" },
                expected: hrOnly),
            Row(route: "POST /rounds/:roundID/extend", path: { world, test in "/rounds/\(try open(world, test))/extend" },
                expected: hrOnly),
            Row(route: "POST /rounds/:roundID/close", path: { world, test in "/rounds/\(try open(world, test))/close" },
                expected: hrOnly),
            Row(route: "POST /rounds/:roundID/delete", path: { world, test in "/rounds/\(try draft(world, test))/delete" },
                expected: hrOnly),
            Row(route: "GET /units/:unitID/surveys", path: { world, _ in "/units/\(world.unitA.id)/surveys" },
                expected: unitLeaders),
            Row(route: "POST /units/:unitID/surveys/:roundID/codes", path: { world, test in
                "/units/\(world.unitA.id)/surveys/\(try open(world, test))/codes"
            }, expected: unitLeaders),
        ]
    }()
}
