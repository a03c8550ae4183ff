import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// The calendar and poster routes' rows: anonymous, employee, supervisor A, supervisor B, HR of the
    /// other organisation, HR, admin. The feed itself (`/calendar/feed.ics`) is a raw route outside the
    /// pipeline, whose token is checked in `TrainingCalendarTests`.
    static let trainingCalendarRows: [Row] = {
        /// Feeds are the own employee record's: others have nothing to make or revoke.
        let employeeOnly: [Outcome] = [S, A, H, H, H, H, H]
        return [
            Row(route: "GET /training-sessions/:sessionID/event.ics", path: { world, test in
                "/training-sessions/\(try calendarSession(world, test))/event.ics"
            // As the session page: supervisors see what is for the whole organisation and everyone.
            }, expected: [S, A, A, A, H, A, A]),
            Row(route: "GET /my-trainings/calendar", path: { _, _ in "/my-trainings/calendar" },
                expected: [S, A, A, A, A, A, A]),
            Row(route: "POST /my-trainings/calendar/renew", path: { _, _ in "/my-trainings/calendar/renew" },
                expected: employeeOnly),
            Row(route: "POST /my-trainings/calendar/revoke", path: { _, _ in "/my-trainings/calendar/revoke" },
                expected: employeeOnly),
            // The unit's supervisor, HR, administrators (and the organisation's trainers).
            Row(route: "GET /units/:unitID/training-poster", path: { world, _ in "/units/\(world.unitA.id)/training-poster" },
                expected: [S, H, A, H, H, A, A]),
            // Those who keep the catalogue.
            Row(route: "GET /training-series/:seriesID/poster", path: { world, test in
                "/training-series/\(try calendarSeries(world, test))/poster"
            }, expected: [S, H, H, H, H, A, A]),
        ]
    }()

    /// A session of Järvelä's for the whole organisation: its employees and those who keep the
    /// catalogue see it; supervisors without an employee record and other organisations do not.
    static func calendarSession(_ world: World, _ test: TestApp) throws -> Int64 {
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let training = try fixture.training("Teams")
        return try fixture.session(training, inDays: 3).id
    }

    static func calendarSeries(_ world: World, _ test: TestApp) throws -> Int64 {
        try TrainingCalendarFixture(test: test, world: world).series("Digivinkkituokio").id
    }
}
