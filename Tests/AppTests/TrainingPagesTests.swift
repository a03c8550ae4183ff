import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

@Suite("Trainings pages")
struct TrainingPagesTests {
    /// Posts fields that may repeat (checkboxes) with the browser's session and CSRF token.
    func post(_ browser: inout Browser, _ target: String, _ fields: [(String, String)]) throws -> Response {
        if browser.csrfToken == nil { try browser.get("/") }
        return try browser.app.send(.POST, target, cookies: browser.cookies,
                                    form: fields + [("csrf_token", browser.csrfToken ?? "")])
    }

    /// A sign-in for `employee`, so more than one person can enrol.
    func employeeBrowser(_ test: TestApp, _ login: String, _ employee: Stored<Employee>) throws -> Browser {
        let hash = try PasswordHasher(rounds: 1000).hash(TestApp.password)
        let user = try UserStore(test.database).create(User(login: login, passwordHash: hash, employeeID: employee.id))
        _ = try UserStore(test.database).assign(RoleAssignment(userID: user.id, role: .employee))
        return try test.staffBrowser(login)
    }

    func sessionFields(date: String = "2027-01-14", start: String = "12:30", end: String = "13:00",
                       capacity: String = "", enrolment: String = "registration", units: String = "",
                       meeting: String = "https://teams.example/meet/7") -> [(String, String)] {
        [("date", date), ("start_time", start), ("end_time", end), ("place", ""), ("meeting_url", meeting),
         ("trainer_name", "Tiina Tutor"), ("capacity", capacity), ("enrolment", enrolment), ("unit_names", units),
         ("recording_url", ""), ("recording_until", "")]
    }

    @Test func badSessionInputIsTiedToItsFieldsAndStoresNothing() throws {
        let test = try TestApp()
        let world = try World(test)
        let trainingID = try TrainingFixture.training(world, test)
        var hr = try test.staffBrowser("hr")
        let response = try post(&hr, "/trainings/\(trainingID)/sessions/new",
                                sessionFields(start: "13:00", end: "12:30", capacity: "0", units: "Ei tällaista",
                                              meeting: "javascript:alert(1)"))
        #expect(response.status.code == 422)
        let page = response.text
        #expect(page.contains("Päättymisajan on oltava alkamisajan jälkeen."))
        #expect(page.contains("Anna osoite, joka alkaa https:// tai http://."))
        #expect(page.contains("Anna paikkamäärä 1–10 000 tai jätä tyhjäksi."))
        #expect(page.contains("Näitä yksiköitä ei löydy: Ei tällaista."))
        #expect(page.contains("href=\"#end_time\"") && page.contains("id=\"end_time-error\""))
        let farAway = try post(&hr, "/trainings/\(trainingID)/sessions/new", sessionFields(date: "2062-01-14"))
        #expect(farAway.status.code == 422)
        #expect(farAway.text.contains("Tarkista vuosi."))
        // 03:30 on the night clocks go forward does not exist in Helsinki.
        let skipped = try post(&hr, "/trainings/\(trainingID)/sessions/new",
                               sessionFields(date: "2027-03-28", start: "03:30", end: "04:30"))
        #expect(skipped.status.code == 422)
        #expect(try TrainingSessionStore(test.database).sessions(trainingID: trainingID).isEmpty)
    }

    @Test func aTrainingNamesOnlyTheFrameworksAreas() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.staffBrowser("hr")
        let response = try post(&hr, "/organisations/jarvela/trainings/new", [
            ("title_fi", "Tekoäly arjessa"), ("duration_minutes", "30"), ("format", "remote"), ("language", "fi"),
            ("area_codes", "no-such-area"), ("materials", "Ohje | ftp://example.org/x"), ("active", "yes"),
        ])
        #expect(response.status.code == 422)
        #expect(response.text.contains("Osaamisaluetta ei löydy organisaation osaamiskehyksestä."))
        #expect(response.text.contains("ei ole muotoa Nimi | https://"))
        let saved = try post(&hr, "/organisations/jarvela/trainings/new", [
            ("title_fi", "Tekoäly arjessa"), ("duration_minutes", "30"), ("format", "remote"), ("language", "fi"),
            ("area_codes", "digital-work"), ("materials", "Ohje | https://example.org/ai"), ("active", "yes"),
        ])
        #expect(saved.status.code == 303)
    }

    @Test func theWaitingListMovesUpWhenSomeoneGivesUpTheirPlace() throws {
        let test = try TestApp()
        let world = try World(test)
        let sessionID = try TrainingFixture.session(world, test, capacity: 1)
        var aino = try test.staffBrowser("tyontekija")
        var eero = try employeeBrowser(test, "eero", world.employeeA1)
        try aino.get("/training-sessions/\(sessionID)")
        #expect(try aino.post("/training-sessions/\(sessionID)/enrol", [:]).headers["Location"]?.hasSuffix("notice=enrolled") == true)
        try eero.get("/training-sessions/\(sessionID)")
        #expect(try eero.post("/training-sessions/\(sessionID)/enrol", [:]).headers["Location"]?.hasSuffix("notice=waiting_list") == true)
        #expect(try eero.get("/training-sessions/\(sessionID)").text.contains("Olet varasijalla, jonossa 1."))
        try aino.get("/training-sessions/\(sessionID)")
        try aino.post("/training-sessions/\(sessionID)/leave", [:])
        #expect(try eero.get("/training-sessions/\(sessionID)").text.contains("Olet ilmoittautunut tähän koulutukseen."))
        #expect(try eero.get("/my-trainings").text.contains("Teams-perusteet"))
        // The audit log has both, with the promotion.
        let actions = try AuditStore(test.database).latest(limit: 20).map(\.action)
        #expect(actions.filter { $0 == "training.enrol" }.count == 2 && actions.contains("training.leave"))
    }

    @Test func loweringTheCapacityBelowTheEnrolledIsRefusedOnTheForm() throws {
        let test = try TestApp()
        let world = try World(test)
        let sessionID = try TrainingFixture.session(world, test, capacity: 3)
        for employee in [world.employeeA, world.employeeA1] {
            _ = try EnrolmentStore(test.database).enrol(sessionID: sessionID, employeeID: employee.id)
        }
        var hr = try test.staffBrowser("hr")
        let response = try post(&hr, "/training-sessions/\(sessionID)/edit", sessionFields(capacity: "1"))
        #expect(response.status.code == 422)
        #expect(response.text.contains("Paikkoja ei voi olla vähemmän kuin ilmoittautuneita (2)."))
    }

    @Test func audienceAndTargetUnitsDecideWhoSeesASession() throws {
        let test = try TestApp()
        let world = try World(test)
        let sessions = TrainingSessionStore(test.database)
        let trainingID = try TrainingFixture.training(world, test)
        func session(for units: [Int64]) throws -> Int64 {
            let start = Date().addingTimeInterval(86_400)
            return try sessions.create(TrainingSession(
                trainingID: trainingID, uid: UUID().uuidString, startsAt: start, endsAt: start.addingTimeInterval(900),
                place: "Taukotila", meetingURL: "https://teams.example/secret", trainerName: "", capacity: nil,
                enrolment: .open, checkInKey: "k"), unitIDs: units).id
        }
        let forA = try session(for: [world.unitA.id])
        let forB = try session(for: [world.unitB.id])
        var aino = try test.staffBrowser("tyontekija")
        var eero = try employeeBrowser(test, "eero", world.employeeA1)
        #expect(try aino.get("/training-sessions/\(forA)").status.code == 200)
        // A session for a unit reaches its sub-units.
        #expect(try eero.get("/training-sessions/\(forA)").status.code == 200)
        // Another unit's session, and its meeting link, are not Aino's.
        let hidden = try aino.get("/training-sessions/\(forB)")
        #expect(hidden.status.code == 404)
        #expect(!hidden.text.contains("teams.example/secret"))
        #expect(!(try aino.get("/trainings").text.contains("/training-sessions/\(forB)\"")))
        // Koskenkylä's HR does not see Järvelä's trainings at all.
        var other = try test.staffBrowser("hr.koskenkyla")
        #expect(try other.get("/trainings/\(trainingID)").status.code == 404)
    }

    @Test func aTrainingForOneSectorIsHiddenFromOthers() throws {
        let test = try TestApp()
        let world = try World(test)
        let catalogue = TrainingCatalogueStore(test.database)
        let other = try SectorStore(test.database).create(organisationID: world.jarvela.id, name: "Perusopetus")
        let draft = TrainingDraft(
            training: Training(organisationID: world.jarvela.id, seriesID: nil,
                               title: LocalisedText(fi: "Wilma opettajille", sv: "", en: ""),
                               description: LocalisedText(fi: "", sv: "", en: ""), durationMinutes: 30, format: .remote,
                               language: "fi", ownerUserID: nil),
            areaCodes: [], audience: TrainingAudience(sectorIDs: [other.id]))
        let training = try catalogue.create(draft)
        var aino = try test.staffBrowser("tyontekija")
        #expect(try aino.get("/trainings/\(training.id)").status.code == 404)
        #expect(!(try aino.get("/trainings").text.contains("Wilma opettajille")))
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/trainings/\(training.id)").status.code == 200)
    }

    @Test func theCatalogueFiltersByLength() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try TrainingFixture.training(world, test)
        let long = TrainingDraft(
            training: Training(organisationID: world.jarvela.id, seriesID: nil,
                               title: LocalisedText(fi: "Microsoft 365 syventävä", sv: "", en: ""),
                               description: LocalisedText(fi: "", sv: "", en: ""), durationMinutes: 60, format: .remote,
                               language: "fi", ownerUserID: nil), areaCodes: [])
        _ = try TrainingCatalogueStore(test.database).create(long)
        var aino = try test.staffBrowser("tyontekija")
        let all = try aino.get("/trainings").text
        #expect(all.contains("Teams-perusteet") && all.contains("Microsoft 365 syventävä"))
        let short = try aino.get("/trainings?length=15").text
        #expect(short.contains("Teams-perusteet") && !short.contains("Microsoft 365 syventävä"))
        // An unknown filter value shows everything rather than failing.
        #expect(try aino.get("/trainings?length=7&format=nope&area=%3Cx%3E").status.code == 200)
    }

    /// The catalogue's bodies are shared by readers who see the same; a reader's own place, and a
    /// place taken by someone else, show at once.
    @Test func theCatalogueShowsEachReaderTheirOwnPlacesAtOnce() throws {
        let test = try TestApp()
        let world = try World(test)
        let sessionID = try TrainingFixture.session(world, test, capacity: 2)
        var aino = try test.staffBrowser("tyontekija")
        var eero = try employeeBrowser(test, "eero", world.employeeA1)
        let link = "/training-sessions/\(sessionID)\""
        func card(_ page: String) -> String {
            guard let start = page.range(of: link) else { return "" }
            return String(page[start.upperBound...].prefix(800))
        }
        #expect(card(try aino.get("/trainings").text).contains("2 paikkaa vapaana"))
        #expect(card(try eero.get("/trainings").text).contains("2 paikkaa vapaana"))
        try aino.get("/training-sessions/\(sessionID)")
        try aino.post("/training-sessions/\(sessionID)/enrol", [:])
        let ainoCard = card(try aino.get("/trainings").text)
        #expect(ainoCard.contains("Olet ilmoittautunut"))
        let eeroCard = card(try eero.get("/trainings").text)
        #expect(!eeroCard.contains("Olet ilmoittautunut") && eeroCard.contains("Yksi paikka vapaana"))
        // My trainings lists the new place without waiting for the cached page to age.
        #expect(try aino.get("/my-trainings").text.contains(link))
        #expect(!(try eero.get("/my-trainings").text.contains(link)))
    }

    @Test func cancellingNeedsAReasonAndKeepsTheSession() throws {
        let test = try TestApp()
        let world = try World(test)
        let sessionID = try TrainingFixture.session(world, test)
        var hr = try test.staffBrowser("hr")
        try hr.get("/training-sessions/\(sessionID)/cancel")
        let empty = try hr.post("/training-sessions/\(sessionID)/cancel", ["reason": " "])
        #expect(empty.status.code == 422)
        try hr.post("/training-sessions/\(sessionID)/cancel", ["reason": "Kouluttaja on sairaana"])
        var aino = try test.staffBrowser("tyontekija")
        let page = try aino.get("/training-sessions/\(sessionID)").text
        #expect(page.contains("Tämä koulutuskerta on peruttu.") && page.contains("Kouluttaja on sairaana"))
        #expect(!page.contains("/enrol\""))
        #expect(try TrainingSessionStore(test.database).session(id: sessionID)?.status == .cancelled)
    }

    @Test func assigningRefusesUnknownNumbersAndAssignsNobody() throws {
        let test = try TestApp()
        let world = try World(test)
        let sessionID = try TrainingFixture.session(world, test, enrolment: .assigned, capacity: 1)
        var hr = try test.staffBrowser("hr")
        try hr.get("/training-sessions/\(sessionID)/assign")
        let bad = try hr.post("/training-sessions/\(sessionID)/assign", ["hr_numbers": "1001\n9999"])
        #expect(bad.status.code == 422)
        #expect(bad.text.contains("9999"))
        #expect(try EnrolmentStore(test.database).list(sessionID: sessionID).isEmpty)
        try hr.get("/training-sessions/\(sessionID)/assign")
        let good = try hr.post("/training-sessions/\(sessionID)/assign", ["hr_numbers": "1001, 1002"])
        #expect(good.headers["Location"]?.hasSuffix("notice=assigned_some_waiting") == true)
        let list = try EnrolmentStore(test.database).list(sessionID: sessionID)
        #expect(list.map(\.state) == [.enrolled, .waiting] && list.allSatisfy { $0.kind == .assigned })
    }

    @Test func aSupervisorAssignsOnlyTheirOwnUnitsPeople() throws {
        let test = try TestApp()
        let world = try World(test)
        let sessionID = try TrainingFixture.session(world, test, enrolment: .assigned)
        var supervisor = try test.staffBrowser("esihenkilo.b")
        try supervisor.get("/training-sessions/\(sessionID)/assign")
        // 1001 is Aino of unit A: not this supervisor's.
        let refused = try supervisor.post("/training-sessions/\(sessionID)/assign", ["hr_numbers": "2001\n1001"])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("1001"))
        try supervisor.get("/training-sessions/\(sessionID)/assign")
        try supervisor.post("/training-sessions/\(sessionID)/assign", ["hr_numbers": "2001"])
        #expect(try EnrolmentStore(test.database).list(sessionID: sessionID).map(\.employeeID) == [world.employeeB.id])
    }

    @Test func hrNamesATrainerWhoThenKeepsTheCatalogue() throws {
        let test = try TestApp()
        _ = try World(test)
        let user = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        var aino = try test.staffBrowser("tyontekija")
        #expect(try aino.get("/organisations/jarvela/trainings").status.code == 404)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/users/\(user.id)").text
        #expect(page.contains("Nimeä kouluttajaksi"))
        let organisationID = try #require(try OrganisationStore(test.database).organisation(slug: "jarvela")).id
        try hr.post("/users/\(user.id)/trainer", ["organisation_id": String(organisationID), "trainer": "yes"])
        #expect(try aino.get("/organisations/jarvela/trainings").status.code == 200)
    }
}
