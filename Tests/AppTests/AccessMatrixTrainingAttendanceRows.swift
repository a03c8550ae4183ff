import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// Attendance, check-in, feedback and completions: anonymous, employee, supervisor A, supervisor B,
    /// HR of the other organisation, HR, admin.
    ///
    /// The session in progress is aimed at unit A, so supervisor A marks it and supervisor B, who has
    /// no one of theirs on it, gets its 404. Check-in and feedback are for employees: the cast's others
    /// have no employee record (a 403 page says so at check-in, whose key they hold; feedback, whose
    /// address anyone can guess, is a 404 to them).
    static let trainingAttendanceRows: [Row] = {
        /// Those who mark the session of unit A: its supervisor, HR and administrators.
        let markers: [Outcome] = [S, H, A, H, H, A, A]
        /// Those who keep Järvelä's catalogue: HR and administrators (trainers too, tested apart).
        let keepers: [Outcome] = [S, H, H, H, H, A, A]
        /// The employee of the session's audience; no one else is an employee.
        let checkIn: [Outcome] = [S, A, F, F, F, F, F]
        let attendee: [Outcome] = [S, A, H, H, H, H, H]
        /// HR of the employee's organisation and administrators.
        let hrOnly: [Outcome] = [S, F, F, F, H, A, A]
        let key = TrainingAttendanceFixture.key
        return [
            Row(route: "GET /training-sessions/:sessionID/attendance",
                path: { world, test in Paths.sessionAttendance(try TrainingAttendanceFixture.sessionNow(world, test).id) }, expected: markers),
            Row(route: "POST /training-sessions/:sessionID/attendance",
                path: { world, test in Paths.sessionAttendance(try TrainingAttendanceFixture.sessionNow(world, test).id) }, expected: markers),
            Row(route: "GET /training-sessions/:sessionID/attendance.csv",
                path: { world, test in Paths.sessionAttendanceExport(try TrainingAttendanceFixture.sessionNow(world, test).id) }, expected: markers),
            Row(route: "GET /training-sessions/:sessionID/check-in-code",
                path: { world, test in Paths.checkInCode(try TrainingAttendanceFixture.sessionNow(world, test).id) }, expected: keepers),
            Row(route: "GET /training-sessions/:sessionID/check-in",
                path: { world, test in Paths.checkIn(try TrainingAttendanceFixture.sessionNow(world, test).id, key: key) }, expected: checkIn),
            Row(route: "POST /training-sessions/:sessionID/check-in",
                path: { world, test in Paths.checkIn(try TrainingAttendanceFixture.sessionNow(world, test).id, key: key) }, expected: checkIn),
            Row(route: "GET /training-sessions/:sessionID/feedback",
                path: { world, test in Paths.sessionFeedback(try TrainingAttendanceFixture.endedWithEmployeePresent(world, test).id) }, expected: attendee),
            Row(route: "POST /training-sessions/:sessionID/feedback",
                path: { world, test in Paths.sessionFeedback(try TrainingAttendanceFixture.endedWithEmployeePresent(world, test).id) }, expected: attendee),
            Row(route: "GET /training-sessions/:sessionID/feedback/results",
                path: { world, test in Paths.sessionFeedbackResults(try TrainingAttendanceFixture.endedWithEmployeePresent(world, test).id) }, expected: keepers),
            Row(route: "GET /training-series/:seriesID/feedback",
                path: { world, test in Paths.seriesFeedback(try TrainingAttendanceFixture.seriesID(world, test)) }, expected: keepers),
            Row(route: "POST /training-sessions/:sessionID/recording-watched",
                path: { world, test in Paths.recordingWatched(try TrainingAttendanceFixture.sessionWithRecording(world, test).id) }, expected: attendee),
            Row(route: "GET /employees/:employeeID/completions",
                path: { world, _ in Paths.employeeCompletions(world.employeeA.id) }, expected: hrOnly),
            Row(route: "POST /employees/:employeeID/completions",
                path: { world, _ in Paths.employeeCompletions(world.employeeA.id) }, expected: hrOnly),
            Row(route: "GET /organisations/:slug/training-completions.csv",
                path: { _, _ in Paths.trainingCompletionsExport("jarvela") }, expected: hrOnly),
        ]
    }()
}
