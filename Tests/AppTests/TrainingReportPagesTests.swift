import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Trainings on top of the results fixture: unit A's own staff (9) and A1 (4) and B (7), a security
/// training held yesterday, a recording watched and a course taken elsewhere in B, and coming sessions
/// aimed at A, at B, at everyone (cancelled) and one for another sector's people only.
private struct TrainingWorld {
    let test: TestApp
    let world: World
    let security: Stored<Training>
    let held: Stored<TrainingSession>
    let forA: Stored<TrainingSession>
    let forB: Stored<TrainingSession>
    let cancelled: Stored<TrainingSession>
    let otherSector: Stored<TrainingSession>
    /// Unit A's people who attended yesterday (6 of its own staff and 1 of A1).
    let attendees: [Stored<Employee>]

    init(rounds: Bool = false) throws {
        let test = try TestApp()
        let world = try World(test)
        self.test = test
        self.world = world
        if rounds {
            // Two closed rounds: the earlier one closed a year ago, the later one today; unit A's own
            // staff answer 3 and then 5.
            let first = try ResultsTests.answeredRound(test, world, openAnswer: false, valueA: 3)
            let second = try ResultsTests.answeredRound(test, world, openAnswer: false, addStaff: false, valueA: 5)
            let yearAgo = HelsinkiTime.date(Date().addingTimeInterval(-365 * 86_400))
            try test.database.pool.write { db in
                try db.execute(sql: "UPDATE survey_rounds SET opens_on = ?, closes_on = ? WHERE id = ?",
                               arguments: [yearAgo, yearAgo, first.id])
                try db.execute(sql: "UPDATE survey_rounds SET opens_on = ?, closes_on = ? WHERE id = ?",
                               arguments: [HelsinkiTime.date(Date()), HelsinkiTime.date(Date()), second.id])
            }
        } else {
            let employees = EmployeeStore(test.database)
            for (unit, count) in [(world.unitA, 8), (world.unitA1, 3), (world.unitB, 6)] {
                for index in 0..<count {
                    _ = try employees.create(Employee(
                        organisationID: world.jarvela.id, hrNumber: "R\(unit.id)-\(index)", firstName: "T\(index)",
                        lastName: "V", unitID: unit.id, jobGroup: index % 2 == 0 ? "Lastenhoitaja" : "Opettaja"))
                }
            }
        }
        let catalogue = TrainingCatalogueStore(test.database)
        let sessions = TrainingSessionStore(test.database)
        func training(_ title: String, area: String, audience: TrainingAudience = .everyone) throws -> Stored<Training> {
            try catalogue.create(TrainingDraft(
                training: Training(organisationID: world.jarvela.id, seriesID: nil,
                                   title: LocalisedText(fi: title, sv: title + " (sv)", en: title + " (en)"),
                                   description: LocalisedText(fi: "", sv: "", en: ""), durationMinutes: 15, format: .remote,
                                   language: "fi", ownerUserID: nil),
                areaCodes: [area], audience: audience))
        }
        func session(_ training: Stored<Training>, days: Int, units: [Int64] = [], enrolment: EnrolmentMode = .open,
                     capacity: Int? = nil) throws -> Stored<TrainingSession> {
            let start = Date().addingTimeInterval(Double(days) * 86_400)
            return try sessions.create(TrainingSession(
                trainingID: training.id, uid: UUID().uuidString, startsAt: start, endsAt: start.addingTimeInterval(900),
                place: "", meetingURL: "https://teams.example/x", trainerName: "Sanna", capacity: capacity,
                enrolment: enrolment, checkInKey: "k"), unitIDs: units)
        }
        let security = try training("Digiturvavartti: huijaukset", area: "information-security")
        self.security = security
        let basics = try training("Outlook-sähköposti", area: "ict-basics")
        let otherSectorID = try SectorStore(test.database).create(organisationID: world.jarvela.id, name: "Perusopetus").id
        let schoolsOnly = try training("Koulujen Wilma", area: "digital-work",
                                       audience: TrainingAudience(sectorIDs: [otherSectorID]))
        let held = try session(security, days: -1)
        self.held = held
        forA = try session(security, days: 3, units: [world.unitA.id], enrolment: .registration, capacity: 10)
        forB = try session(basics, days: 4, units: [world.unitB.id])
        cancelled = try session(basics, days: 5)
        try sessions.cancel(sessionID: cancelled.id, reason: "Kouluttaja sairastui")
        otherSector = try session(schoolsOnly, days: 6)
        _ = try EnrolmentStore(test.database).enrol(sessionID: forA.id, employeeID: world.employeeA.id)

        let staff = try test.database.pool.read { db in
            try Stored<Employee>.fetchAll(db, sql: "SELECT * FROM employees WHERE hr_number LIKE 'R%' ORDER BY id")
        }
        let ownA = staff.filter { $0.unitID == world.unitA.id }, inA1 = staff.filter { $0.unitID == world.unitA1.id }
        let inB = staff.filter { $0.unitID == world.unitB.id }
        attendees = Array(ownA.prefix(6)) + Array(inA1.prefix(1))
        let completions = CompletionStore(test.database)
        let yesterday = HelsinkiTime.date(held.startsAt)
        _ = try completions.markAttendance(session: held, listed: Set(attendees.map(\.id)), present: Set(attendees.map(\.id)),
                                           recordedBy: nil, completedOn: yesterday)
        if let first = inB.first, let second = inB.dropFirst().first {
            _ = try completions.record(Completion(employeeID: first.id, trainingID: security.id, sessionID: held.id,
                                                  kind: .recording, completedOn: yesterday, recordedBy: nil))
            _ = try completions.record(Completion(employeeID: second.id, trainingID: basics.id, sessionID: nil,
                                                  kind: .external, completedOn: yesterday, note: "todistus", recordedBy: nil))
        }
    }
}

@Suite("Training report pages")
struct TrainingReportPagesTests {
    @Test func theUnitViewListsComingSessionsForItsPeopleWithWhoIsOnTheList() throws {
        let fixture = try TrainingWorld()
        let world = fixture.world
        var supervisor = try fixture.test.signIn("esihenkilo.a")
        let page = try supervisor.get(Paths.unitTrainings(world.unitA.id))
        #expect(page.status == .ok)
        let text = page.text
        #expect(text.contains(Paths.trainingSession(fixture.forA.id)), "aimed at the unit")
        #expect(text.contains("Aaltonen, Aino (ilmoittautunut)"))
        #expect(text.contains(Paths.trainingSession(fixture.cancelled.id)) && text.contains("Kouluttaja sairastui"),
                "a cancelled session for everyone, with its reason")
        #expect(!text.contains(Paths.trainingSession(fixture.forB.id)), "aimed at another unit")
        #expect(!text.contains(Paths.trainingSession(fixture.otherSector.id)), "for another sector's people")
        #expect(!text.contains(Paths.trainingSession(fixture.held.id)), "already held")
        // Who attended what, and who has had no training.
        for person in fixture.attendees {
            #expect(text.contains(Paths.employee(person.id)))
        }
        #expect(text.contains("Digiturvavartti: huijaukset"))
        let untrained = try #require(text.range(of: "Ei koulutuksia 12 kuukauteen"))
        #expect(text[untrained.upperBound...].contains("Aaltonen, Aino"))
        // 7 of the 13 people of A and A1 have a security completion: 54 %.
        #expect(text.contains("<th scope=\"row\">Tietoturva ja tietosuoja</th><td class=\"number\">7</td><td class=\"number\">54\u{00A0}%</td>"))
        // The unit page links here.
        #expect(try supervisor.get(Paths.unit(world.unitA.id)).text.contains(Paths.unitTrainings(world.unitA.id)))
        // A1 alone has 4 people: counts but no share.
        let small = try supervisor.get(Paths.unitTrainings(world.unitA1.id)).text
        #expect(small.contains("<th scope=\"row\">Tietoturva ja tietosuoja</th><td class=\"number\">1</td><td class=\"number\">–</td>"))
        #expect(try supervisor.get(Paths.unitTrainings(world.unitB.id)).status == .notFound)
        var swedish = try fixture.test.signIn("hr")
        _ = try swedish.get("/")
        _ = try swedish.post("/language", ["language": "sv", "return_to": "/"])
        #expect(try swedish.get(Paths.unitTrainings(world.unitA.id)).text.contains("Digiturvavartti: huijaukset (sv)"))
    }

    @Test func hrSeesSessionsHeldAndCountsPerGroupWithSharesOnlyWhereTheRuleAllows() throws {
        let fixture = try TrainingWorld()
        var hr = try fixture.test.signIn("hr")
        let page = try hr.get(Paths.trainingReport("jarvela"))
        #expect(page.status == .ok)
        let text = page.text
        // One session held (the cancelled and the coming ones are not), 7 attendances, a recording.
        #expect(text.contains("<dt>Pidettyjä tilaisuuksia</dt><dd>1</dd>"))
        #expect(text.contains("<dt>Osallistumisia</dt><dd>7</dd>"))
        #expect(text.contains("<dt>Katsottuja tallenteita</dt><dd>1</dd>"))
        // Unit A (13 people, 7 attended, 7 completions) shows a share; B (7 people) too; A1 is not a top unit.
        #expect(text.contains(">Päiväkoti Satakieli</a></th><td class=\"number \">13</td><td class=\"number \">7</td>"))
        #expect(text.contains(Paths.unitTrainings(fixture.world.unitB.id)))
        // The organisation page links here.
        #expect(try hr.get(Paths.organisation("jarvela")).text.contains(Paths.trainingReport("jarvela")))
        // No survey rounds: the link to the survey explains what it needs.
        #expect(text.contains("kaksi päättynyttä kyselyä"))
        var other = try fixture.test.signIn("hr.koskenkyla")
        #expect(try other.get(Paths.trainingReport("jarvela")).status == .notFound)
    }

    @Test func theReportSharesOfSmallGroupsAreHiddenWithTheirComplements() throws {
        let fixture = try TrainingWorld()
        let data = try fixture.test.app.trainingReportData(fixture.world.jarvela, from: "2000-01-01", to: "2099-12-31")
        let a = fixture.world.unitA.id, a1 = fixture.world.unitA1.id
        #expect(data.activity[.unit(a1)]?.staff == 4)
        #expect(data.trainedShare(.unit(a1)) == nil, "4 people: under the minimum")
        #expect(data.trainedShare(.unit(a)).map { abs($0 - 7.0 / 13) < 1e-9 } == true)
        #expect(data.trainedShare(.ownStaff(a)) == nil, "a part, never shown")
        #expect(data.total.attendances == 7 && data.total.recordings == 1 && data.total.external == 1)
    }

    @Test func thePeriodIsValidatedFieldByField() throws {
        let fixture = try TrainingWorld()
        var hr = try fixture.test.signIn("hr")
        let bad = try hr.get(Paths.trainingReport("jarvela") + "?from=2026-13-01&to=2026-02-30")
        #expect(bad.status == .unprocessableContent)
        #expect(bad.text.contains("id=\"from-error\"") && bad.text.contains("id=\"to-error\""))
        #expect(bad.text.contains("aria-invalid=\"true\""))
        let reversed = try hr.get(Paths.trainingReport("jarvela") + "?from=2026-12-01&to=2026-01-01")
        #expect(reversed.status == .unprocessableContent && reversed.text.contains("ennen alkamispäivää"))
        let long = try hr.get(Paths.trainingReport("jarvela") + "?from=2001-01-01&to=2026-01-01")
        #expect(long.status == .unprocessableContent && long.text.contains("viisi vuotta"))
        let hostile = try hr.get(Paths.trainingReport("jarvela") + "?from=%3Cscript%3E&to=" + String(repeating: "9", count: 5000))
        #expect(hostile.status == .unprocessableContent && !hostile.text.contains("<script>"))
        // Finnish dates typed by hand, and a period without sessions.
        let typed = try hr.get(Paths.trainingReport("jarvela") + "?from=1.1.2020&to=31.12.2020")
        #expect(typed.status == .ok && typed.text.contains("Ajanjaksolla ei pidetty koulutustilaisuuksia"))
        let paged = try hr.get(Paths.trainingReport("jarvela", from: "2020-01-01", to: "2020-12-31", page: 99))
        #expect(paged.status == .ok)
    }

    @Test func theSurveyLinkSharesAndChangesComeFromPublishedResults() throws {
        let fixture = try TrainingWorld(rounds: true)
        let world = fixture.world
        let data = try fixture.test.app.trainingReportData(world.jarvela, from: "2000-01-01", to: "2099-12-31")
        let link = try #require(data.survey)
        // Everyone of A with A1 (13) and B (7) was employed when the later round closed; 7 completed a
        // security training in between, 1 in B watched its recording.
        #expect(link.share("information-security", .unit(world.unitA.id)).map { abs($0 - 7.0 / 13) < 1e-9 } == true)
        #expect(link.share("information-security", .unit(world.unitA1.id)) == nil)
        #expect(link.share("information-security", .organisation).map { abs($0 - 8.0 / 20) < 1e-9 } == true)
        let latest = try fixture.test.app.roundResults(link.latest), previous = try fixture.test.app.roundResults(link.previous)
        let change = try #require(latest.areaMeansByCode(.unit(world.unitA.id))["information-security"])
            - (try #require(previous.areaMeansByCode(.unit(world.unitA.id))["information-security"]))
        #expect(change > 1)
        #expect(latest.areaMeansByCode(.unit(world.unitA1.id)).isEmpty, "A1's 4 respondents are hidden")
        var hr = try fixture.test.signIn("hr")
        let text = try hr.get(Paths.trainingReport("jarvela")).text
        #expect(text.contains("Koulutukset ja kyselyn tulokset") && text.contains(link.latest.title))
        #expect(text.contains("<th scope=\"row\">Tietoturva ja tietosuoja</th><td class=\"number \">40\u{00A0}%</td>"))
        #expect(text.contains("+" + hr.app.app.localisation.strings(.fi).decimal(change, digits: 2)))
    }
}
