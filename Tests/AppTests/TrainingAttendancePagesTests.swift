import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Metrics
@testable import Storage

/// Posts a form with repeated fields (`listed`, `present`) and the browser's last CSRF token.
@discardableResult
func postFields(_ browser: inout Browser, _ path: String, _ fields: [(String, String)]) throws -> Response {
    let response = try browser.app.send(.POST, path, cookies: browser.cookies,
                                        form: fields + [("csrf_token", browser.csrfToken ?? "")])
    return response
}

@Suite("Self check-in")
struct CheckInPageTests {
    /// The window's edges, with the application's clock set to each: 15 minutes before the start opens
    /// it, 30 minutes after the end closes it, both inclusive.
    static let edges: [(Double, Bool)] = [(-900, true), (-901, false), (3600, true), (3601, false)]

    @Test(arguments: CheckInPageTests.edges)
    func theWindowOpensAndClosesAtItsEdges(offsetFromStart: Double, open: Bool) throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = TestClock(start)
        let test = try TestApp(settings: clock.settings)
        let world = try World(test)
        let training = try TrainingAttendanceFixture.training(world, test)
        let session = try TrainingAttendanceFixture.session(test, training: training, startsIn: 0, now: start,
                                                            units: [world.unitA.id])
        clock.set(start.addingTimeInterval(offsetFromStart))
        var browser = try test.signIn("tyontekija")
        let page = try browser.get(Paths.checkIn(session.id, key: TrainingAttendanceFixture.key))
        #expect(page.status.code == 200)
        #expect(page.text.contains("name=\"k\"") == open, "the one-tap form is offered only inside the window")
        if !open {
            let said = offsetFromStart < 0 ? "Kuittaus aukeaa" : "Kuittaus sulkeutui"
            #expect(page.text.contains(said))
        }
        let posted = try browser.post(Paths.checkIn(session.id), ["k": TrainingAttendanceFixture.key])
        #expect(posted.status.code == (open ? 303 : 409))
        #expect(try CompletionStore(test.database).attended(sessionID: session.id, employeeID: world.employeeA.id) == open)
        if open {
            let done = try browser.get(Paths.checkIn(session.id, key: TrainingAttendanceFixture.key))
            #expect(done.text.contains("Olet merkitty paikalle"))
            let entries = try CompletionStore(test.database).inForce(employeeID: world.employeeA.id)
            #expect(entries.map(\.entry.kind) == [.attended])
            #expect(try CompletionStore(test.database).attendance(sessionID: session.id) == [world.employeeA.id: .checkIn])
        }
    }

    @Test func aWrongOrMissingKeyIsASessionThatDoesNotExist() throws {
        let test = try TestApp()
        let world = try World(test)
        let session = try TrainingAttendanceFixture.sessionNow(world, test)
        var browser = try test.signIn("tyontekija")
        #expect(try browser.get(Paths.checkIn(session.id, key: "vaara")).status.code == 404)
        #expect(try browser.get(Paths.checkIn(session.id)).status.code == 404)
        #expect(try browser.get(Paths.checkIn(session.id, key: TrainingAttendanceFixture.key + "x")).status.code == 404)
        _ = try browser.get(Paths.checkIn(session.id, key: TrainingAttendanceFixture.key))
        #expect(try browser.post(Paths.checkIn(session.id), ["k": "vaara"]).status.code == 404)
        #expect(try !CompletionStore(test.database).attended(sessionID: session.id, employeeID: world.employeeA.id))
    }

    @Test func signingInKeepsTheCheckInAddress() throws {
        let test = try TestApp()
        let world = try World(test)
        let session = try TrainingAttendanceFixture.sessionNow(world, test)
        let address = Paths.checkIn(session.id, key: TrainingAttendanceFixture.key)
        var browser = Browser(app: test)
        let redirect = try browser.get(address)
        let location = try #require(redirect.headers["Location"])
        #expect(redirect.status.code == 303 && location.hasPrefix("/sign-in?next="))
        let next = try #require(location.split(separator: "=", maxSplits: 1).last.map(String.init)?
            .components(separatedBy: "&").first?.removingPercentEncoding)
        #expect(next == address)
        _ = try browser.get(location)
        let signedIn = try browser.post("/sign-in", ["login": "tyontekija", "password": TestApp.password, "next": next])
        #expect(signedIn.headers["Location"] == address)
        let page = try browser.get(address)
        #expect(page.status.code == 200 && page.text.contains("name=\"k\""))
    }

    @Test func onlyTheAudienceOrTheListChecksIn() throws {
        let test = try TestApp()
        let world = try World(test)
        // Aimed at unit B: Aino of unit A is not its audience, until she is on its list.
        let session = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                            startsIn: -60, units: [world.unitB.id], enrolment: .assigned)
        var browser = try test.signIn("tyontekija")
        #expect(try browser.get(Paths.checkIn(session.id, key: TrainingAttendanceFixture.key)).status.code == 404)
        _ = try EnrolmentStore(test.database).enrol(sessionID: session.id, employeeID: world.employeeA.id, kind: .assigned)
        #expect(try browser.get(Paths.checkIn(session.id, key: TrainingAttendanceFixture.key)).status.code == 200)
        // A cancelled session says so, and takes no check-in.
        try TrainingSessionStore(test.database).cancel(sessionID: session.id, reason: "Kouluttaja sairastui")
        let cancelled = try browser.get(Paths.checkIn(session.id, key: TrainingAttendanceFixture.key))
        #expect(cancelled.text.contains("peruttu") && !cancelled.text.contains("name=\"k\""))
        #expect(try browser.post(Paths.checkIn(session.id), ["k": TrainingAttendanceFixture.key]).status.code == 409)
    }

    @Test func theCodePageShowsAQRCodeOfTheAbsoluteAddress() throws {
        let test = try TestApp()
        let world = try World(test)
        let session = try TrainingAttendanceFixture.sessionNow(world, test)
        var hr = try test.signIn("hr")
        let page = try hr.get(Paths.checkInCode(session.id))
        #expect(page.status.code == 200)
        #expect(page.text.contains("http://localhost" + Paths.checkIn(session.id, key: TrainingAttendanceFixture.key)
            .replacingOccurrences(of: "&", with: "&amp;")))
        #expect(page.text.contains("<svg") && page.text.contains("check-in-qr"))
        // A trainer HR named keeps the catalogue and sees it too; an employee does not.
        try namedTrainer(test, world)
        var trainer = try test.signIn("kouluttaja")
        #expect(try trainer.get(Paths.checkInCode(session.id)).status.code == 200)
        var employee = try test.signIn("tyontekija")
        #expect(try employee.get(Paths.checkInCode(session.id)).status.code == 404)
    }
}

/// A user `kouluttaja` whom HR named trainer of Järvelä.
func namedTrainer(_ test: TestApp, _ world: World) throws {
    let hash = try PasswordHasher(rounds: 1000).hash(TestApp.password)
    let user = try UserStore(test.database).create(User(login: "kouluttaja", passwordHash: hash, employeeID: nil))
    try TrainingCatalogueStore(test.database).setTrainer(userID: user.id, organisationID: world.jarvela.id, true)
}

@Suite("Attendance in bulk")
struct AttendancePageTests {
    @Test func theTrainerMarksAndUnmarksAndWalkInsAreAdded() throws {
        let test = try TestApp()
        let world = try World(test)
        try namedTrainer(test, world)
        let session = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                            startsIn: -600, enrolment: .registration)
        let enrolments = EnrolmentStore(test.database)
        _ = try enrolments.enrol(sessionID: session.id, employeeID: world.employeeA.id)
        _ = try enrolments.enrol(sessionID: session.id, employeeID: world.employeeB.id)
        var trainer = try test.signIn("kouluttaja")
        let page = try trainer.get(Paths.sessionAttendance(session.id))
        #expect(page.status.code == 200)
        #expect(page.text.contains("Aaltonen, Aino") && page.text.contains("Björk, Bertta"))
        let a = String(world.employeeA.id), b = String(world.employeeB.id), a1 = String(world.employeeA1.id)
        // Eero is not on the list: found by name, he is added with his checkbox.
        let search = try trainer.get(Paths.sessionAttendance(session.id) + "?q=Eero")
        #expect(search.text.contains("Esiopettaja, Eero"))
        let saved = try postFields(&trainer, Paths.sessionAttendance(session.id), [
            ("listed", a), ("listed", b), ("listed", a1), ("present", a), ("present", a1)])
        #expect(saved.status.code == 303)
        let completions = CompletionStore(test.database)
        #expect(try completions.attendance(sessionID: session.id) == [world.employeeA.id: .marked, world.employeeA1.id: .marked])
        // Unticking Aino appends a withdrawal; the history keeps both entries.
        _ = try trainer.get(Paths.sessionAttendance(session.id))
        _ = try postFields(&trainer, Paths.sessionAttendance(session.id), [("listed", a), ("listed", a1), ("present", a1)])
        #expect(try completions.attendance(sessionID: session.id) == [world.employeeA1.id: .marked])
        let history = try completions.history(employeeID: world.employeeA.id)
        #expect(history.count == 2 && history[1].withdrawn && history[1].correctsID == history[0].id)
        // Someone of another organisation cannot be slipped in by editing the form.
        _ = try postFields(&trainer, Paths.sessionAttendance(session.id), [
            ("listed", String(world.employeeC.id)), ("present", String(world.employeeC.id)), ("listed", a1), ("present", a1)])
        #expect(try completions.attendance(sessionID: session.id)[world.employeeC.id] == nil)
        let audit = try test.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE action = 'training.attendance'")
        }
        #expect(audit.count == 2)
    }

    @Test func aSupervisorSeesAndMarksOnlyTheirOwnUnitsPeople() throws {
        let test = try TestApp()
        let world = try World(test)
        // For the whole organisation: both supervisors may open it, each for their own people.
        let session = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                            startsIn: -600, enrolment: .registration)
        for person in [world.employeeA, world.employeeA1, world.employeeB] {
            _ = try EnrolmentStore(test.database).enrol(sessionID: session.id, employeeID: person.id)
        }
        var supervisor = try test.signIn("esihenkilo.a")
        let page = try supervisor.get(Paths.sessionAttendance(session.id))
        #expect(page.status.code == 200)
        #expect(page.text.contains("Aaltonen, Aino") && page.text.contains("Esiopettaja, Eero"))
        #expect(!page.text.contains("Björk"), "Bertta is of unit B")
        #expect(!(try supervisor.get(Paths.sessionAttendance(session.id) + "?q=Bertta")).text.contains("Björk"))
        let csv = try supervisor.get(Paths.sessionAttendanceExport(session.id)).text
        #expect(csv.contains("Aaltonen, Aino") && !csv.contains("Björk"))
        _ = try supervisor.get(Paths.sessionAttendance(session.id))
        let (a, b) = (String(world.employeeA.id), String(world.employeeB.id))
        _ = try postFields(&supervisor, Paths.sessionAttendance(session.id), [("listed", a), ("listed", b), ("present", a), ("present", b)])
        #expect(try CompletionStore(test.database).attendance(sessionID: session.id) == [world.employeeA.id: .marked])
        // Bertta marked by HR stays marked when supervisor A saves without her.
        _ = try CompletionStore(test.database).markAttendance(session: session, listed: [world.employeeB.id],
                                                              present: [world.employeeB.id], recordedBy: nil,
                                                              completedOn: "2026-01-01")
        _ = try supervisor.get(Paths.sessionAttendance(session.id))
        _ = try postFields(&supervisor, Paths.sessionAttendance(session.id), [("listed", a), ("listed", b)])
        #expect(try CompletionStore(test.database).attendance(sessionID: session.id) == [world.employeeB.id: .marked])
        // A session aimed at unit B with no one of unit A on it is not supervisor A's.
        let other = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                          startsIn: -600, units: [world.unitB.id])
        #expect(try supervisor.get(Paths.sessionAttendance(other.id)).status.code == 404)
    }

    @Test func anOfferedOrganisationsHRMarksOnlyItsOwnPeople() throws {
        let test = try TestApp()
        let world = try World(test)
        let training = try TrainingAttendanceFixture.training(world, test, offeredTo: [world.koskenkyla.id])
        let session = try TrainingAttendanceFixture.session(test, training: training, startsIn: -600, enrolment: .registration)
        _ = try EnrolmentStore(test.database).enrol(sessionID: session.id, employeeID: world.employeeA.id)
        _ = try EnrolmentStore(test.database).enrol(sessionID: session.id, employeeID: world.employeeC.id)
        var other = try test.signIn("hr.koskenkyla")
        let page = try other.get(Paths.sessionAttendance(session.id))
        #expect(page.status.code == 200 && page.text.contains("Koski, Kalle") && !page.text.contains("Aaltonen"))
        var own = try test.signIn("hr")
        let full = try own.get(Paths.sessionAttendance(session.id))
        #expect(full.text.contains("Koski, Kalle") && full.text.contains("Aaltonen, Aino"))
    }

    @Test func cancelledAndFutureSessionsRefuseMarking() throws {
        let test = try TestApp()
        let world = try World(test)
        let training = try TrainingAttendanceFixture.training(world, test)
        let future = try TrainingAttendanceFixture.session(test, training: training, startsIn: 86_400)
        let cancelled = try TrainingAttendanceFixture.session(test, training: training, startsIn: -600)
        try TrainingSessionStore(test.database).cancel(sessionID: cancelled.id, reason: "Sairastuminen")
        var hr = try test.signIn("hr")
        let a = String(world.employeeA.id)
        let futurePage = try hr.get(Paths.sessionAttendance(future.id))
        #expect(futurePage.text.contains("Osallistujia voi merkitä") && !futurePage.text.contains("name=\"present\""))
        #expect(try postFields(&hr, Paths.sessionAttendance(future.id), [("listed", a), ("present", a)]).status.code == 409)
        let cancelledPage = try hr.get(Paths.sessionAttendance(cancelled.id))
        #expect(cancelledPage.text.contains("Tilaisuus on peruttu, joten osallistujia ei voi merkitä"))
        let refused = try postFields(&hr, Paths.sessionAttendance(cancelled.id), [("listed", a), ("present", a)])
        #expect(refused.status.code == 409 && refused.text.contains("peruttu"))
        #expect(try CompletionStore(test.database).attendance(sessionID: cancelled.id).isEmpty)
        #expect(try CompletionStore(test.database).attendance(sessionID: future.id).isEmpty)
    }

    @Test func theExportKeepsFiguresNumbersAndDefusesFormulas() throws {
        let test = try TestApp()
        let world = try World(test)
        let session = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                            startsIn: -600, enrolment: .registration)
        let sneaky = try EmployeeStore(test.database).create(Employee(
            organisationID: world.jarvela.id, hrNumber: "3001", firstName: "Olli", lastName: "=HYPERLINK(\"x\")",
            unitID: world.unitB.id))
        for person in [world.employeeA, sneaky] {
            _ = try EnrolmentStore(test.database).enrol(sessionID: session.id, employeeID: person.id)
        }
        _ = try CompletionStore(test.database).checkIn(session: session, employeeID: world.employeeA.id, userID: nil,
                                                       completedOn: "2026-01-01")
        var hr = try test.signIn("hr")
        let response = try hr.get(Paths.sessionAttendanceExport(session.id, semicolon: true))
        #expect(response.headers["Content-Type"] == "text/csv; charset=utf-8")
        let lines = response.text.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasPrefix("\u{FEFF}") == true)
        let aino = try #require(lines.first { $0.hasPrefix("\"Aaltonen, Aino\"") || $0.hasPrefix("Aaltonen, Aino") })
        #expect(aino.split(separator: ";").map(String.init).contains("1"))
        let olli = try #require(lines.first { $0.contains("HYPERLINK") })
        #expect(olli.hasPrefix("'=HYPERLINK") || olli.hasPrefix("\"'=HYPERLINK"), "a formula is made text: \(olli)")
        #expect(olli.split(separator: ";").map(String.init).contains("0"))
    }
}

@Suite("Feedback after a session")
struct FeedbackPageTests {
    @Test func anAttendeeGivesFeedbackOnceAndOthersAreRefused() throws {
        let test = try TestApp()
        let world = try World(test)
        let session = try TrainingAttendanceFixture.endedWithEmployeePresent(world, test)
        var employee = try test.signIn("tyontekija")
        let form = try employee.get(Paths.sessionFeedback(session.id))
        #expect(form.status.code == 200 && form.text.contains("name=\"usefulness\""))
        let missing = try employee.post(Paths.sessionFeedback(session.id), ["can_use": "yes"])
        #expect(missing.status.code == 422 && missing.text.contains("Valitse, kuinka hyödyllinen"))
        let long = try employee.post(Paths.sessionFeedback(session.id), [
            "usefulness": "4", "comment": String(repeating: "a", count: TrainingFeedbackStore.maximumCommentLength + 1)])
        #expect(long.status.code == 422)
        let given = try employee.post(Paths.sessionFeedback(session.id), [
            "usefulness": "4", "can_use": "yes", "comment": "Selkeä esitys"])
        #expect(given.status.code == 303)
        let thanks = try employee.get(Paths.sessionFeedback(session.id))
        #expect(thanks.text.contains("Kiitos palautteestasi") && !thanks.text.contains("name=\"usefulness\""))
        _ = try employee.post(Paths.sessionFeedback(session.id), ["usefulness": "1", "comment": "Toinen kerta"])
        let rows = try test.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT usefulness, can_use, comment FROM training_feedback WHERE session_id = ?",
                             arguments: [session.id])
        }
        #expect(rows.count == 1)
        #expect(rows.first?["comment"] == "Selkeä esitys")
        // No audit line says who gave feedback when.
        let audited = try test.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action LIKE '%feedback%'") ?? -1
        }
        #expect(audited == 0)
    }

    @Test func someoneWhoWasNotThereIsRefused() throws {
        let test = try TestApp()
        let world = try World(test)
        let session = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                            startsIn: -5400)
        var employee = try test.signIn("tyontekija")
        let page = try employee.get(Paths.sessionFeedback(session.id))
        #expect(page.status.code == 403 && page.text.contains("Palautteen voi antaa vain tilaisuuteen osallistunut"))
        let posted = try employee.post(Paths.sessionFeedback(session.id), ["usefulness": "5"])
        #expect(posted.status.code == 403)
        let count = try test.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM training_feedback") }
        #expect(count == 0)
    }

    @Test func feedbackOpensAtTheEndForFourteenDays() throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = TestClock(start)
        let test = try TestApp(settings: clock.settings)
        let world = try World(test)
        let session = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                            startsIn: 0, now: start)
        _ = try CompletionStore(test.database).checkIn(session: session, employeeID: world.employeeA.id, userID: nil,
                                                       completedOn: HelsinkiTime.date(start))
        var employee = try test.signIn("tyontekija")
        clock.set(session.endsAt.addingTimeInterval(-1))
        #expect(try employee.get(Paths.sessionFeedback(session.id)).text.contains("Palautetta voi antaa tilaisuuden päätyttyä"))
        #expect(try employee.post(Paths.sessionFeedback(session.id), ["usefulness": "3"]).status.code == 409)
        clock.set(HelsinkiTime.adding(days: 14, to: session.endsAt).addingTimeInterval(1))
        #expect(try employee.get(Paths.sessionFeedback(session.id)).text.contains("Palautteen antaminen päättyi"))
        clock.set(HelsinkiTime.adding(days: 14, to: session.endsAt))
        #expect(try employee.get(Paths.sessionFeedback(session.id)).text.contains("name=\"usefulness\""))
        clock.set(session.endsAt)
        #expect(try employee.post(Paths.sessionFeedback(session.id), ["usefulness": "3"]).status.code == 303)
    }

    /// Gives feedback as `count` attendees of `session`, each with a comment.
    static func feedback(_ test: TestApp, _ world: World, _ session: Stored<TrainingSession>, count: Int,
                         prefix: String) throws {
        let people = try TrainingAttendanceFixture.people(world, test, count, prefix: prefix)
        _ = try CompletionStore(test.database).markAttendance(session: session, listed: Set(people.map(\.id)),
                                                              present: Set(people.map(\.id)), recordedBy: nil,
                                                              completedOn: "2026-01-01")
        for (index, person) in people.enumerated() {
            #expect(try TrainingFeedbackStore(test.database).submit(
                sessionID: session.id, employeeID: person.id,
                TrainingFeedbackAnswer(usefulness: 1 + index % 5, canUse: index % 2 == 0,
                                       comment: "Kommentti-\(prefix)-\(index)")) == .recorded)
        }
    }

    static let groupSizes: [(Int, Bool, Bool)] = [(4, false, false), (5, true, false), (9, true, false), (10, true, true)]

    @Test(arguments: FeedbackPageTests.groupSizes)
    func resultsFollowTheMinimumAndTheOpenAnswerThreshold(respondents: Int, figures: Bool, comments: Bool) throws {
        let test = try TestApp()
        let world = try World(test)
        let session = try TrainingAttendanceFixture.session(test, training: try TrainingAttendanceFixture.training(world, test),
                                                            startsIn: -5400)
        try Self.feedback(test, world, session, count: respondents, prefix: "R")
        var hr = try test.signIn("hr")
        let page = try hr.get(Paths.sessionFeedbackResults(session.id)).text
        #expect(page.contains("Vastaajia") == figures)
        #expect(page.contains("lukuja ei näytetä") == !figures)
        #expect(page.contains("Kommentti-R-") == comments)
        if figures && !comments { #expect(page.contains("Kommentit näytetään, kun vastaajia on vähintään 10")) }
        if comments {
            // Sorted, so the order says nothing of who answered first.
            let texts = (0..<respondents).map { "Kommentti-R-\($0)<" }.sorted()
            let positions = texts.compactMap { page.range(of: $0)?.lowerBound }
            #expect(positions.count == respondents && positions == positions.sorted())
        }
        // Employees and supervisors never see it.
        var employee = try test.signIn("tyontekija")
        #expect(try employee.get(Paths.sessionFeedbackResults(session.id)).status.code == 404)
    }

    @Test func aSeriesHidesASessionThatSubtractionWouldGiveAway() throws {
        let test = try TestApp()
        let world = try World(test)
        let training = try TrainingAttendanceFixture.training(world, test, inSeries: true)
        let seriesID = try #require(training.seriesID)
        let small = try TrainingAttendanceFixture.session(test, training: training, startsIn: -90_000)
        let middle = try TrainingAttendanceFixture.session(test, training: training, startsIn: -80_000)
        let large = try TrainingAttendanceFixture.session(test, training: training, startsIn: -70_000)
        try Self.feedback(test, world, small, count: 3, prefix: "S")
        try Self.feedback(test, world, middle, count: 6, prefix: "M")
        try Self.feedback(test, world, large, count: 12, prefix: "L")
        var hr = try test.signIn("hr")
        // Series 21 − large 12 − middle 6 would be the small session's 3: the middle one is hidden too.
        #expect(try hr.get(Paths.sessionFeedbackResults(middle.id)).text.contains("lukuja ei näytetä"))
        #expect(try hr.get(Paths.sessionFeedbackResults(small.id)).text.contains("lukuja ei näytetä"))
        // The series shows all 21 comments, so the large session's 12 would leave the other two
        // sessions' 9, fewer than ten: the large session shows its figures but not its comments.
        let largePage = try hr.get(Paths.sessionFeedbackResults(large.id)).text
        #expect(largePage.contains("Vastaajia") && !largePage.contains("Kommentti-L-"))
        #expect(largePage.contains("Kommentit näytetään, kun vastaajia on vähintään 10"))
        let seriesPage = try hr.get(Paths.seriesFeedback(seriesID)).text
        #expect(seriesPage.contains("<dd>21</dd>"))
        #expect(seriesPage.contains("Kommentti-S-0") && seriesPage.contains("Kommentti-L-0"))
        #expect(seriesPage.contains("Ei näytetä (alle 5)"))
        var trainer = try test.signIn("tyontekija")
        #expect(try trainer.get(Paths.seriesFeedback(seriesID)).status.code == 404)
    }
}

@Suite("Completions: the recording and HR's history")
struct CompletionPageTests {
    @Test func watchingTheRecordingCountsOnceAndOnlyWhileItIsAvailable() throws {
        let test = try TestApp()
        let world = try World(test)
        let training = try TrainingAttendanceFixture.training(world, test)
        let none = try TrainingAttendanceFixture.session(test, training: training, startsIn: -86_400)
        let expired = try TrainingAttendanceFixture.session(test, training: training, startsIn: -86_400 * 40,
                                                            recordingURL: "https://video.example/old", recordingUntil: "2020-01-31")
        let available = try TrainingAttendanceFixture.session(test, training: training, startsIn: -86_400,
                                                              recordingURL: "https://video.example/1",
                                                              recordingUntil: HelsinkiTime.date(Date().addingTimeInterval(86_400 * 30)))
        var employee = try test.signIn("tyontekija")
        _ = try employee.get("/")
        #expect(try employee.post(Paths.recordingWatched(none.id), [:]).status.code == 409)
        #expect(try employee.post(Paths.recordingWatched(expired.id), [:]).status.code == 409)
        let completions = CompletionStore(test.database)
        #expect(try completions.inForce(employeeID: world.employeeA.id).isEmpty)
        let watched = try employee.post(Paths.recordingWatched(available.id), [:])
        #expect(watched.status.code == 303 && watched.headers["Location"]?.hasPrefix(Paths.trainingSession(available.id)) == true)
        _ = try employee.post(Paths.recordingWatched(available.id), [:])
        let entries = try completions.inForce(employeeID: world.employeeA.id)
        #expect(entries.map(\.entry.kind) == [.recording])
        // Once HR withdraws it, it can be declared again.
        let entry = try #require(entries.first)
        _ = try completions.correct(entry.entry.id, replacement: nil, note: "väärä", recordedBy: nil)
        _ = try employee.post(Paths.recordingWatched(available.id), [:])
        #expect(try completions.inForce(employeeID: world.employeeA.id).count == 1)
        // HR's page shows it as self-declared.
        var hr = try test.signIn("hr")
        #expect(try hr.get(Paths.employeeCompletions(world.employeeA.id)).text.contains("Katsoi tallenteen (oma ilmoitus)"))
    }

    @Test func hrRecordsExternalEvidenceAndCorrectsItByAppending() throws {
        let clock = TestClock(Date())
        let test = try TestApp(settings: clock.settings)
        let world = try World(test)
        let training = try TrainingAttendanceFixture.training(world, test, title: "Tietosuoja")
        var hr = try test.signIn("hr")
        let path = Paths.employeeCompletions(world.employeeA.id)
        #expect(try hr.get(path).status.code == 200)
        let tomorrow = HelsinkiTime.date(clock.now.addingTimeInterval(86_400 * 2))
        let future = try hr.post(path, ["form": "external", "training": String(training.id), "date": tomorrow, "note": "x"])
        #expect(future.status.code == 422 && future.text.contains("ei voi olla tulevaisuudessa"))
        let early = try hr.post(path, ["form": "external", "training": String(training.id), "date": "31.12.1989", "note": "x"])
        #expect(early.status.code == 422 && early.text.contains("ei voi olla ennen"))
        let noNote = try hr.post(path, ["form": "external", "training": String(training.id), "date": "2025-05-02", "note": ""])
        #expect(noNote.status.code == 422 && noNote.text.contains("Kirjoita selvitys"))
        let unknown = try hr.post(path, ["form": "external", "training": "999999", "date": "2025-05-02", "note": "x"])
        #expect(unknown.status.code == 422)
        let added = try hr.post(path, ["form": "external", "training": String(training.id), "date": "2.5.2025",
                                       "note": "Kansalaisopiston kurssi, todistus nähty"])
        #expect(added.status.code == 303)
        let completions = CompletionStore(test.database)
        let original = try #require(try completions.inForce(employeeID: world.employeeA.id).first?.entry)
        #expect(original.kind == .external && original.completedOn == "2025-05-02")
        _ = try hr.get(path)
        let noReason = try hr.post(path, ["form": "correction", "entry": String(original.id), "mode": "date",
                                          "new_date": "2025-05-01", "reason": ""])
        #expect(noReason.status.code == 422 && noReason.text.contains("Kirjoita korjauksen peruste"))
        #expect(try hr.post(path, ["form": "correction", "entry": String(original.id), "mode": "date",
                                   "new_date": "2025-05-01", "reason": "Väärä päivä"]).status.code == 303)
        let corrected = try #require(try completions.inForce(employeeID: world.employeeA.id).first?.entry)
        #expect(corrected.completedOn == "2025-05-01" && corrected.correctsID == original.id)
        // The entry already corrected can no longer be chosen; the correction can be withdrawn.
        _ = try hr.get(path)
        #expect(try hr.post(path, ["form": "correction", "entry": String(original.id), "mode": "withdraw",
                                   "reason": "x"]).status.code == 422)
        #expect(try hr.post(path, ["form": "correction", "entry": String(corrected.id), "mode": "withdraw",
                                   "reason": "Ei suoritettu"]).status.code == 303)
        #expect(try completions.inForce(employeeID: world.employeeA.id).isEmpty)
        let history = try completions.history(employeeID: world.employeeA.id)
        #expect(history.count == 3, "nothing was rewritten: the entry, its correction and the withdrawal")
        #expect(history.map(\.note) == ["Kansalaisopiston kurssi, todistus nähty", "Väärä päivä", "Ei suoritettu"])
        let page = try hr.get(path).text
        #expect(page.contains("Korjattu merkinnällä #\(corrected.id)") && page.contains("Poistaa merkinnän #\(corrected.id) voimasta"))
        let audit = try test.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE action LIKE 'training.completion.%' ORDER BY id")
        }
        #expect(audit == ["training.completion.external", "training.completion.correct", "training.completion.correct"])
    }

    @Test func theOrganisationExportHoldsCompletionsInForceInTheRange() throws {
        let test = try TestApp()
        let world = try World(test)
        let training = try TrainingAttendanceFixture.training(world, test, title: "+Tietoturva")
        let completions = CompletionStore(test.database)
        for (person, day) in [(world.employeeA, "2025-03-01"), (world.employeeB, "2025-06-01"), (world.employeeC, "2025-03-01")] {
            _ = try completions.record(Completion(employeeID: person.id, trainingID: training.id, sessionID: nil,
                                                  kind: .external, completedOn: day, note: "@kurssi", recordedBy: nil))
        }
        let withdrawn = try completions.record(Completion(employeeID: world.employeeA1.id, trainingID: training.id, sessionID: nil,
                                                          kind: .external, completedOn: "2025-03-02", recordedBy: nil))
        _ = try completions.correct(withdrawn.id, replacement: nil, note: "virhe", recordedBy: nil)
        var hr = try test.signIn("hr")
        let csv = try hr.get(Paths.trainingCompletionsExport("jarvela", from: "2025-01-01", to: "2025-03-31")).text
        #expect(csv.contains("Aaltonen, Aino") && !csv.contains("Björk") && !csv.contains("Koski") && !csv.contains("Esiopettaja"))
        #expect(csv.contains("'+Tietoturva") && csv.contains("'@kurssi"), "text that looks like a formula is made inert")
        #expect(csv.contains(",30,"), "the duration is a plain number")
        let bad = try hr.get(Paths.trainingCompletionsExport("jarvela", from: "2025-04-01", to: "2025-03-01"))
        #expect(bad.status.code == 400)
        var other = try test.signIn("hr.koskenkyla")
        #expect(try other.get(Paths.trainingCompletionsExport("jarvela")).status.code == 404)
    }
}
