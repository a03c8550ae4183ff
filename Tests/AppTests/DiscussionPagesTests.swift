import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

/// Development discussions end to end through the pages: HR opens a cycle, the supervisor opens a
/// discussion, the employee prepares, the plan is made, both sign, and the record is then read-only.
@Suite("Development discussions")
struct DiscussionPagesTests {
    let pages = TrainingPagesTests()

    /// A running cycle of Järvelä for the whole organisation, opened by HR through the form.
    static func cycle(_ test: TestApp) throws -> Int64 {
        var hr = try test.staffBrowser("hr")
        let today = CivilDay.today()
        let response = try TrainingPagesTests().post(&hr, "/organisations/jarvela/discussions", [
            ("title", "Kehityskeskustelut 2027"), ("starts_on", today.adding(days: -30).iso), ("ends_on", today.adding(days: 90).iso)])
        guard response.status.code == 303, let location = response.headers["Location"],
              let id = Int64(location.split(separator: "?")[0].split(separator: "/").last ?? "") else {
            throw TestFailure("cycle not opened: \(response.status.code) \(response.text.prefix(300))")
        }
        return id
    }

    /// Aino's discussion, opened by her supervisor.
    static func ainosDiscussion(_ test: TestApp, _ world: World) throws -> Int64 {
        _ = try cycle(test)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let opened = try TrainingPagesTests().post(&supervisor, "/employees/\(world.employeeA.id)/discussions", [])
        guard opened.status.code == 303, let location = opened.headers["Location"],
              let id = Int64(location.split(separator: "/").last ?? "") else { throw TestFailure("not opened: \(opened.status.code)") }
        return id
    }

    @Test func hrOpensACycleWithItsQuestionsAndSeesCountsNotContent() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.staffBrowser("hr")
        let bad = try pages.post(&hr, "/organisations/jarvela/discussions", [("title", ""), ("starts_on", "2027-05-01"),
                                                                             ("ends_on", "2027-01-01"), ("unit_id", "999999")])
        #expect(bad.status.code == 422)
        for message in ["Anna kierrokselle nimi", "Päättymispäivä ei voi olla ennen alkamispäivää.", "Valitse yksiköt luettelosta."] {
            #expect(bad.text.contains(message), "\(message)")
        }
        let cycle = try Self.cycle(test)
        let page = try hr.get("/organisations/jarvela/discussions").text
        #expect(page.contains("Kehityskeskustelut 2027") && page.contains("Mitä haluaisit oppia seuraavaksi?") && page.contains("Koko organisaatio"))
        let counts = try hr.get("/discussion-cycles/\(cycle)")
        #expect(counts.status.code == 200 && counts.text.contains("Päiväkoti Satakieli") && counts.text.contains("HR näkee vain"))
        var other = try test.staffBrowser("hr.koskenkyla")
        #expect(try other.get("/discussion-cycles/\(cycle)").status.code == 404)
        #expect(try pages.post(&other, "/organisations/jarvela/discussions", [("title", "x")]).status.code == 404)
    }

    @Test func hrEditsThreeToFivePreparationQuestionsAndRetiredAnswersStayReadable() throws {
        let test = try TestApp()
        let world = try World(test)
        let id = try Self.ainosDiscussion(test, world)
        var hr = try test.staffBrowser("hr")
        let store = DiscussionStore(test.database)
        let questions = try store.questions(organisationID: world.jarvela.id)
        var employee = try test.staffBrowser("tyontekija")
        #expect(try pages.post(&employee, "/discussions/\(id)/preparation", [("q\(questions[3].id)", "Vertaistukea Teamsiin.")]).status.code == 303)
        let empty = try pages.post(&hr, "/organisations/jarvela/discussion-questions", [("question_fi", "")])
        #expect(empty.status.code == 422 && empty.text.contains("Kirjoita kysymys suomeksi."))
        #expect(try pages.post(&hr, "/organisations/jarvela/discussion-questions",
                               [("question_fi", "Mikä tekoälytyökalu kiinnostaa?"), ("question_sv", "Vilket AI-verktyg intresserar?")]).status.code == 303)
        let sixth = try pages.post(&hr, "/organisations/jarvela/discussion-questions", [("question_fi", "Kuudes?")])
        #expect(sixth.status.code == 422 && sixth.text.contains("enintään viisi"))
        for question in [questions[3], questions[0]] {
            #expect(try pages.post(&hr, "/organisations/jarvela/discussion-questions/\(question.id)/retire", []).status.code == 303)
        }
        #expect(try pages.post(&hr, "/organisations/jarvela/discussion-questions/\(questions[2].id)/retire", []).status.code == 422)
        #expect(try store.questions(organisationID: world.jarvela.id).count == 3)
        var other = try test.staffBrowser("hr.koskenkyla")
        #expect(try pages.post(&other, "/organisations/jarvela/discussion-questions/\(questions[2].id)/retire", []).status.code == 404)
        // The employee sees the new question; the answer given to a retired one is still there.
        let page = try employee.get("/discussions/\(id)").text
        #expect(page.contains("Mikä tekoälytyökalu kiinnostaa?") && page.contains("Vertaistukea Teamsiin."))
        let print = try employee.get("/discussions/\(id)/print")
        #expect(print.status.code == 200 && print.text.contains("Vertaistukea Teamsiin.") && !print.text.contains("name=\"q"))
    }

    @Test func theWholeDiscussionFromPreparationToSignOffAndReadOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        // An identified self-assessment gives the picture its figures and the plan its areas.
        let round = try test.openRound(world.jarvela, mode: .identified)
        let content = try test.content(of: round)
        var employee = try test.signIn("tyontekija")
        try SurveyFlowTests.answerAll(&employee, base: "/surveys/\(round.id)", content: content, value: "3")
        _ = try employee.get("/surveys/\(round.id)/review")
        _ = try employee.post("/surveys/\(round.id)/submit", [:])

        let id = try Self.ainosDiscussion(test, world)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let list = try supervisor.get("/units/\(world.unitA.id)/discussions").text
        #expect(list.contains("Aino Aaltonen") && list.contains("Eero Esiopettaja") && list.contains("0/2"))

        // The employee prepares on her own page.
        employee = try test.staffBrowser("tyontekija")
        let mine = try employee.get("/my-discussions").text
        #expect(mine.contains("Kehityskeskustelut 2027") && mine.contains("/discussions/\(id)"))
        let page = try employee.get("/discussions/\(id)").text
        #expect(page.contains("Oma itsearvio") && page.contains("3,0") && page.contains("HR näkee vain"))
        let questions = try DiscussionStore(test.database).questions(organisationID: world.jarvela.id)
        #expect(questions.count == 4)
        #expect(try pages.post(&employee, "/discussions/\(id)/preparation",
                               [("q\(questions[0].id)", "Teams-kokoukset sujuvat."), ("q\(questions[2].id)", "OneDrive-jakaminen")]).status.code == 303)
        #expect(try pages.post(&employee, "/discussions/\(id)/goals", [("goal", "x")]).status.code == 404)

        // The supervisor sees the answers, records the meeting and the plan.
        #expect(try supervisor.get("/discussions/\(id)").text.contains("OneDrive-jakaminen"))
        let future = CivilDay.today().adding(days: 3).iso
        let early = try pages.post(&supervisor, "/discussions/\(id)/meeting", [("planned_on", future), ("held_on", future), ("notes", "")])
        #expect(early.status.code == 422 && early.text.contains("Keskustelua ei ole voitu käydä tulevana päivänä."))
        #expect(try pages.post(&supervisor, "/discussions/\(id)/sign", []).text.contains("Merkitse ensin päivä"))
        let area = try #require(content.areas.first { $0.area.kind == .competence })
        let noArea = try pages.post(&supervisor, "/discussions/\(id)/goals", [("area_id", "999999"), ("goal", "")])
        #expect(noArea.status.code == 422 && noArea.text.contains("Valitse osaamisalue luettelosta.") && noArea.text.contains("Kirjoita tavoite."))
        for number in 1...3 {
            #expect(try pages.post(&supervisor, "/discussions/\(id)/goals",
                                   [("area_id", String(area.area.id)), ("goal", "Tavoite \(number)"), ("follow_up_on", "")]).status.code == 303)
        }
        let fourth = try pages.post(&supervisor, "/discussions/\(id)/goals", [("area_id", String(area.area.id)), ("goal", "Neljäs")])
        #expect(fourth.status.code == 422 && fourth.text.contains("enintään kolme tavoitetta"))
        let goals = try DiscussionStore(test.database).goals(discussionID: id)
        #expect(try pages.post(&supervisor, "/discussions/\(id)/goals/\(goals[2].goal.id)/remove", []).status.code == 303)
        let practice = try pages.post(&supervisor, "/discussions/\(id)/goals/\(goals[0].goal.id)/actions", [("kind", "practice"), ("note", "")])
        #expect(practice.status.code == 422 && practice.text.contains("Kerro, mitä harjoitellaan."))
        #expect(try pages.post(&supervisor, "/discussions/\(id)/goals/\(goals[0].goal.id)/actions",
                               [("kind", "practice"), ("note", "Jaa kansio OneDrivessa tiimille")]).status.code == 303)
        #expect(try pages.post(&supervisor, "/discussions/\(id)/goals/\(goals[1].goal.id)/actions", [("kind", "tutor")]).status.code == 303)
        let today = CivilDay.today().iso
        #expect(try pages.post(&supervisor, "/discussions/\(id)/meeting", [("planned_on", today), ("held_on", today),
                                                                           ("notes", "Hyvä keskustelu.")]).status.code == 303)

        // Both sign; the employee disagrees on the record.
        #expect(try pages.post(&employee, "/discussions/\(id)/sign", [("comment", "Tavoite 2 on liian kova."), ("disagrees", "1")]).status.code == 303)
        #expect(try pages.post(&supervisor, "/discussions/\(id)/sign", []).status.code == 303)
        let signed = try employee.get("/discussions/\(id)").text
        #expect(signed.contains("Molemmat ovat kuitanneet") && signed.contains("Tavoite 2 on liian kova.")
                && signed.contains("Työntekijä on kirjannut olevansa eri mieltä.") && signed.contains("Jaa kansio OneDrivessa tiimille"))

        // Read-only: every change is refused with the reason; a correction is a new entry.
        for (path, fields) in [("preparation", [("q\(questions[0].id)", "muutos")]), ("meeting", [("notes", "muutos")]),
                               ("goals", [("area_id", String(area.area.id)), ("goal", "uusi")]), ("sign", [])] {
            let refused = try pages.post(&supervisor, "/discussions/\(id)/\(path)", fields)
            #expect(refused.status.code == (path == "preparation" ? 404 : 409), "\(path)")
        }
        #expect(try pages.post(&supervisor, "/discussions/\(id)/goals/\(goals[0].goal.id)/remove", []).status.code == 409)
        #expect(try pages.post(&employee, "/discussions/\(id)/corrections", [("correction", "")]).status.code == 422)
        #expect(try pages.post(&employee, "/discussions/\(id)/corrections", [("correction", "Lisäys: myös Teams.")]).status.code == 303)
        #expect(try supervisor.get("/discussions/\(id)").text.contains("Lisäys: myös Teams."))
        let stored = try #require(try DiscussionStore(test.database).discussion(id: id))
        #expect(stored.isSigned && stored.supervisorNotes == "Hyvä keskustelu.")

        // The supervisor's list moves her to the done ones.
        #expect(try supervisor.get("/units/\(world.unitA.id)/discussions").text.contains("1/2"))
    }

    @Test func onlyTheEmployeeAndTheirCurrentSupervisorsSeeItAndHROnlyWithTheSetting() throws {
        let test = try TestApp()
        let world = try World(test)
        let id = try Self.ainosDiscussion(test, world)
        var supervisorB = try test.staffBrowser("esihenkilo.b")
        var hr = try test.staffBrowser("hr")
        var admin = try test.staffBrowser("admin")
        #expect(try supervisorB.get("/discussions/\(id)").status.code == 404)
        #expect(try pages.post(&supervisorB, "/employees/\(world.employeeA.id)/discussions", []).status.code == 404)
        #expect(try hr.get("/discussions/\(id)").status.code == 404)
        #expect(try admin.get("/discussions/\(id)").status.code == 404)

        // HR allows content: HR reads, the page tells the employee, HR still cannot write.
        #expect(try pages.post(&hr, "/organisations/jarvela/discussion-settings", [("hr_sees_content", "1")]).status.code == 303)
        let read = try hr.get("/discussions/\(id)")
        #expect(read.status.code == 200 && !read.text.contains("name=\"notes\""))
        #expect(try pages.post(&hr, "/discussions/\(id)/meeting", [("notes", "HR")]).status.code == 404)
        var employee = try test.staffBrowser("tyontekija")
        #expect(try employee.get("/discussions/\(id)").text.contains("organisaatiosi mukaan myös HR"))

        // Aino moves to unit B: her new supervisor sees the discussion, the old one no longer does.
        var moved = world.employeeA
        moved.unitID = world.unitB.id
        try EmployeeStore(test.database).update(moved)
        var supervisorA = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisorA.get("/discussions/\(id)").status.code == 404)
        supervisorB = try test.staffBrowser("esihenkilo.b")
        #expect(try supervisorB.get("/discussions/\(id)").status.code == 200)
    }

    @Test func anAnonymousAnswerNeverReachesThePicture() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela, mode: .anonymous)
        let content = try test.content(of: round)
        var employee = try test.signIn("tyontekija")
        try SurveyFlowTests.answerAll(&employee, base: "/surveys/\(round.id)", content: content, value: "5")
        _ = try employee.get("/surveys/\(round.id)/review")
        _ = try employee.post("/surveys/\(round.id)/submit", [:])
        let id = try Self.ainosDiscussion(test, world)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let page = try supervisor.get("/discussions/\(id)").text
        #expect(page.contains("Ei nimellistä itsearviota.") && !page.contains("5,0"))
    }

    @Test func theUnitsHelpTopicsShowFromFiveSessionsAndNeverWithCounts() throws {
        let test = try TestApp()
        let world = try World(test)
        let tutor = try TutorFixture.tutor(test, world)
        let store = TutorStore(test.database)
        let teams = try #require(try store.topics(organisationID: world.jarvela.id).first)
        let id = try Self.ainosDiscussion(test, world)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        func log(_ count: Int) throws {
            _ = try store.logHelpMany((0..<count).map { _ in
                HelpLogEntry(tutorID: tutor.id, day: CivilDay.today().iso, topicID: teams.id, minutes: 15, channel: .teams,
                             unitID: world.unitA1.id)
            })
        }
        try log(4)
        var page = try supervisor.get("/discussions/\(id)").text
        #expect(page.contains("Digitutorin kirjauksia on liian vähän näytettäväksi.") && !page.contains("yleisimmät aiheet 12 kk:"))
        try log(1)
        page = try supervisor.get("/discussions/\(id)").text
        #expect(page.contains("Digitutorin yleisimmät aiheet 12 kk:</strong> Teams"))
        // No anonymous round shows the unit: nothing about the unit's weakest areas.
        #expect(page.contains("Yksikön nimettömän kyselyn tuloksia ei voi näyttää"))
    }

    @Test func theLoopShowsAreasChosenAndTrainingDoneOnlyForFiveOrMorePlans() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try test.openRound(world.jarvela, mode: .anonymous)
        let store = DiscussionStore(test.database)
        let today = CivilDay.today()
        let ended = try store.createCycle(DiscussionCycle(organisationID: world.jarvela.id, title: "Kehityskeskustelut 2025",
                                                          startsOn: today.adding(days: -300).iso, endsOn: today.adding(days: -200).iso),
                                          unitIDs: [])
        let content = try #require(try FrameworkStore(test.database).content(
            frameworkID: try RoundFixture.frameworkID(test, organisationID: world.jarvela.id)))
        let area = try #require(content.areas.first { $0.area.kind == .competence })
        let trainingID = try test.database.pool.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO trainings (organisation_id, title_fi, duration_minutes, format, language, created_at, updated_at)
                VALUES (?, 'Tietoturvan perusteet', 30, 'self_study', 'fi', '2027-01-01', '2027-01-01')
                """, arguments: [world.jarvela.id])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO training_areas (training_id, area_code) VALUES (?, ?)", arguments: [id, area.area.code])
            return id
        }
        var people = [world.employeeA, world.employeeA1]
        for number in 1...3 {
            people.append(try EmployeeStore(test.database).create(Employee(
                organisationID: world.jarvela.id, hrNumber: "50\(number)", firstName: "Henkilö", lastName: "\(number)", unitID: world.unitA.id)))
        }
        func signedPlan(_ employee: Stored<Employee>) throws {
            let discussion = try store.open(cycleID: ended.id, employeeID: employee.id, unitID: employee.unitID, by: nil)
            _ = try store.addGoal(discussionID: discussion.id, areaID: area.area.id, goal: "Tietoturva", followUpOn: nil)
            try store.saveMeeting(discussionID: discussion.id, plannedOn: nil, heldOn: today.adding(days: -250).iso, notes: "")
            _ = try store.sign(discussionID: discussion.id, as: .employee(comment: "", disagrees: false))
            _ = try store.sign(discussionID: discussion.id, as: .supervisor(userID: nil))
        }
        for employee in people.prefix(4) { try signedPlan(employee) }
        var supervisor = try test.staffBrowser("esihenkilo.a")
        var hr = try test.staffBrowser("hr")
        #expect(try supervisor.get("/units/\(world.unitA.id)/discussions").text.contains("kun vähintään 5 henkilöllä"))
        try signedPlan(people[4])
        _ = try CompletionStore(test.database).record(Completion(employeeID: people[0].id, trainingID: trainingID, sessionID: nil, kind: .external,
                                                                 completedOn: today.adding(days: -100).iso, recordedBy: nil))
        let unitPage = try supervisor.get("/units/\(world.unitA.id)/discussions").text
        #expect(unitPage.contains("Kuitattuja suunnitelmia 5 henkilöllä."))
        #expect(unitPage.contains("<th scope=\"row\">\(area.area.name.fi)</th><td>5</td><td>1</td><td>1</td><td>–</td>"))
        let cyclePage = try hr.get("/discussion-cycles/\(ended.id)").text
        #expect(cyclePage.contains("Suunnitelmista kehittymiseen: Kehityskeskustelut 2025") && cyclePage.contains("<td>5</td><td>1</td>"))
    }

    /// Next year's discussion starts from last year's plan: for each goal, the trainings done in its
    /// area since the plan (ticked from the data) and the area's change between the identified
    /// self-assessment before the plan and the first one after it.
    @Test func nextYearsDiscussionStartsFromLastYearsPlan() throws {
        let test = try TestApp()
        let world = try World(test)
        let store = DiscussionStore(test.database)
        let today = CivilDay.today()
        let content = try #require(try FrameworkStore(test.database).content(frameworkID: try test.shippedFrameworkID()))
        let areas = content.areas.filter { $0.area.kind == .competence }
        let (trained, untrained) = (areas[0].area, areas[1].area)
        // Two identified self-assessments of Aino, all 2s before last year's plan and all 4s after it.
        let scoring = ResponseScoring(content: content)
        for (opens, value) in [(-420, 2), (-200, 4)] {
            let round = try SurveyBulkStore(test.database).createRound(
                SurveyRound(organisationID: world.jarvela.id, frameworkID: content.framework.id, title: "Itsearvio \(opens)",
                            mode: .identified, opensOn: today.adding(days: opens).iso, closesOn: today.adding(days: opens + 10).iso,
                            minimumGroupSize: 5, openAnswerThreshold: 10),
                openedAt: Date().addingTimeInterval(Double(opens) * 86_400),
                closedAt: Date().addingTimeInterval(Double(opens + 11) * 86_400)).round
            let answers = AnswerString.encode(Array(repeating: .value(value), count: scoring.statementCount))
            _ = try SurveyBulkStore(test.database).loadResponses(roundID: round.id, [BulkResponse(
                employeeID: world.employeeA.id, day: today.adding(days: opens + 1).iso, answers: answers,
                areaScores: scoring.areaScores(answers: answers))])
        }
        // Last year's plan, signed, with a goal in each area; a training done in the first area since.
        let ended = try store.createCycle(DiscussionCycle(organisationID: world.jarvela.id, title: "Kehityskeskustelut 2025",
                                                          startsOn: today.adding(days: -380).iso, endsOn: today.adding(days: -250).iso),
                                          unitIDs: [])
        let last = try store.open(cycleID: ended.id, employeeID: world.employeeA.id, unitID: world.unitA.id, by: nil)
        _ = try store.addGoal(discussionID: last.id, areaID: trained.id, goal: "Opin Teamsin kanavat", followUpOn: nil)
        _ = try store.addGoal(discussionID: last.id, areaID: untrained.id, goal: "Arvioin tiedon luotettavuutta", followUpOn: nil)
        try store.saveMeeting(discussionID: last.id, plannedOn: nil, heldOn: today.adding(days: -300).iso, notes: "")
        _ = try store.sign(discussionID: last.id, as: .employee(comment: "", disagrees: false))
        _ = try store.sign(discussionID: last.id, as: .supervisor(userID: nil))
        let trainingID = try test.database.pool.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO trainings (organisation_id, title_fi, duration_minutes, format, language, created_at, updated_at)
                VALUES (?, 'Teams-kanavat käyttöön', 30, 'self_study', 'fi', '2025-01-01', '2025-01-01')
                """, arguments: [world.jarvela.id])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO training_areas (training_id, area_code) VALUES (?, ?)", arguments: [id, trained.code])
            return id
        }
        _ = try CompletionStore(test.database).record(Completion(employeeID: world.employeeA.id, trainingID: trainingID, sessionID: nil,
                                                                 kind: .external, completedOn: today.adding(days: -250).iso, recordedBy: nil))

        // This year's discussion shows the table to both of them.
        let id = try Self.ainosDiscussion(test, world)
        var employee = try test.staffBrowser("tyontekija")
        var supervisor = try test.staffBrowser("esihenkilo.a")
        for page in [try employee.get("/discussions/\(id)").text, try supervisor.get("/discussions/\(id)").text] {
            let table = try #require(page.range(of: "Viime suunnitelma: suunniteltu → tehty → muuttui").map { String(page[$0.lowerBound...]) })
            let held = today.adding(days: -300).iso.split(separator: "-").compactMap { Int($0) }
            #expect(table.contains("Suunnitelma sovittiin \(held[2]).\(held[1]).\(held[0])."))
            let rows = table.components(separatedBy: "<tr>").dropFirst(2)
            let first = try #require(rows.first { $0.contains("Opin Teamsin kanavat") })
            let second = try #require(rows.first { $0.contains("Arvioin tiedon luotettavuutta") })
            #expect(first.contains("Teams-kanavat käyttöön") && first.contains("+2,0"), "\(first)")
            #expect(second.contains("Ei koulutuksia") && second.contains("+2,0") && !second.contains("Teams-kanavat käyttöön"), "\(second)")
        }
        // Last year's own page does not carry a plan from before it.
        #expect(!(try employee.get("/discussions/\(last.id)").text.contains("Viime suunnitelma")))
    }

    @Test func theKeptPageCarriesEachReadersOwnFormToken() throws {
        let test = try TestApp()
        let world = try World(test)
        let id = try Self.ainosDiscussion(test, world)
        var first = try test.staffBrowser("esihenkilo.a")
        var second = try test.staffBrowser("esihenkilo.a")
        let one = try first.get("/discussions/\(id)").text
        let tokenOne = try #require(first.csrfToken)
        let two = try second.get("/discussions/\(id)").text
        let tokenTwo = try #require(second.csrfToken)
        #expect(tokenOne != tokenTwo && one.contains(tokenOne) && !one.contains(tokenTwo) && two.contains(tokenTwo))
        #expect(!one.contains("form-token-") && !two.contains("form-token-"))
        // The second reader's kept page takes their form: the token is theirs.
        #expect(try pages.post(&second, "/discussions/\(id)/meeting", [("notes", "Muistiin")]).status.code == 303)
    }
}
