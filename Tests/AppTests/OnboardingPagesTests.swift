import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

@Suite("Digital onboarding pages")
struct OnboardingPagesTests {
    let pages = TrainingPagesTests()

    func details(_ test: TestApp, _ id: Int64) throws -> OnboardingChecklistDetails {
        try requireValue(try OnboardingStore(test.database).checklist(id: id), "checklist")
    }

    @Test func aChecklistIsComposedFromTheLayersWithDueDaysAndResponsiblePeople() throws {
        let test = try TestApp()
        let world = try World(test)
        let id = try OnboardingFixture.ainoChecklist(test, world)
        let start = CivilDay.today().adding(days: -10)
        let items = try details(test, id).items
        // By due day; the sector's intranet item replaced the organisation's.
        #expect(items.map(\.key) == ["account", "email", "intranet", "daycare-app", "tutor", "privacy"])
        #expect(items.first { $0.key == "intranet" }?.titleFi == "Varhaiskasvatuksen intranet")
        #expect(items.map(\.dueOn) == [-3, 0, 2, 3, 7, 14].map { start.adding(days: $0).iso })
        // No tutor in her unit: the tutor's item is the supervisor's.
        #expect(items.first { $0.key == "tutor" }?.responsible == .supervisor)
        #expect(items.first { $0.key == "account" }?.responsible == .it)

        // With an active tutor in the unit, the next hire's tutor item is the tutor's.
        let tutors = TutorStore(test.database)
        _ = try tutors.create(TutorDraft(
            tutor: Tutor(organisationID: world.jarvela.id, employeeID: world.employeeA1.id, coordinatorUserID: nil, languages: ["fi"],
                         askAnytime: false, contactNote: "", plannedEndOn: nil),
            units: [TutorUnit(unitID: world.unitA.id, includesSubunits: true)], topicIDs: [], hours: []),
            activeFrom: CivilDay.today().adding(days: -30).iso, by: nil)
        let hire = try EmployeeStore(test.database).create(Employee(
            organisationID: world.jarvela.id, hrNumber: "1009", firstName: "Uuno", lastName: "Uusi", unitID: world.unitA.id,
            startDate: CivilDay.today().iso))
        guard case .started(let next) = try test.app.startOnboarding(for: hire, how: .byHand, by: nil) else {
            Issue.record("not started")
            return
        }
        let tutorItem = try details(test, next).items.first { $0.key == "tutor" }
        #expect(tutorItem?.responsible == .digitutor && tutorItem?.responsibleEmployeeID == world.employeeA1.id)
        // The tutor sees the checklist and ticks their own item there, but not the others.
        var eero = try pages.employeeBrowser(test, "eero", world.employeeA1)
        #expect(try eero.get("/onboarding/\(next)").status.code == 200)
        let tutorItemID = try OnboardingFixture.itemID(test, next, key: "tutor")
        let own = try eero.get("/my-onboarding").text
        #expect(own.contains("Uuno Uusi: Tapaa digitutor") && own.contains("href=\"/onboarding/\(next)#item-\(tutorItemID)\""))
        #expect(try pages.post(&eero, "/onboarding/\(next)/items/\(tutorItemID)", [("done", "1")]).status.code == 303)
        let emailID = try OnboardingFixture.itemID(test, next, key: "email")
        #expect(try pages.post(&eero, "/onboarding/\(next)/items/\(emailID)", [("done", "1")]).status.code == 404)
        #expect(try eero.get("/onboarding/\(id)").status.code == 404, "not named on Aino's checklist")
    }

    @Test func theNewEmployeeTicksTheirOwnItemsAndSeesWhoDoesTheRest() throws {
        let test = try TestApp()
        let world = try World(test)
        let id = try OnboardingFixture.ainoChecklist(test, world)
        var aino = try test.staffBrowser("tyontekija")
        let page = try aino.get("/my-onboarding")
        #expect(page.status.code == 200)
        #expect(page.text.contains("Sinun tehtäväsi") && page.text.contains("Muiden tehtävät"))
        #expect(page.text.contains("Sähköposti ja kalenteri") && page.text.contains("IT-tuki") && page.text.contains("esihenkilö"))
        #expect(page.text.contains("0/6 tehty") && page.text.contains("Myöhässä: 5"))
        let emailID = try OnboardingFixture.itemID(test, id, key: "email")
        let ticked = try pages.post(&aino, "/onboarding/\(id)/items/\(emailID)", [("done", "1")])
        #expect(ticked.status.code == 303)
        #expect(ticked.headers["Location"] == "/my-onboarding#item-\(emailID)")
        #expect(try details(test, id).items.first { $0.id == emailID }?.doneOn == CivilDay.today().iso)
        #expect(try aino.get("/my-onboarding").text.contains("1/6 tehty"))
        // The home page's card follows (its cached copy is keyed by the checklist's stamp).
        let home = try aino.get("/").text
        #expect(home.contains("href=\"/my-onboarding\"") && home.contains("1/6 tehty") && home.contains("Seuraavaksi sinulta:"))
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let accountID = try OnboardingFixture.itemID(test, id, key: "account")
        #expect(try pages.post(&supervisor, "/onboarding/\(id)/items/\(accountID)", [("done", "1")]).status.code == 303)
        #expect(try aino.get("/").text.contains("2/6 tehty"))
        // And back, when ticked by mistake.
        #expect(try pages.post(&aino, "/onboarding/\(id)/items/\(emailID)", [("done", "0")]).status.code == 303)
        #expect(try details(test, id).items.first { $0.id == emailID }?.doneOn == nil)
        // The supervisor's and IT's items are not hers to tick, nor may she add or remove items.
        let daycareID = try OnboardingFixture.itemID(test, id, key: "daycare-app")
        #expect(try pages.post(&aino, "/onboarding/\(id)/items/\(daycareID)", [("done", "1")]).status.code == 404)
        #expect(try pages.post(&aino, "/onboarding/\(id)/items/\(daycareID)/remove", []).status.code == 404)
        #expect(try pages.post(&aino, "/onboarding/\(id)/items", [("title", "x"), ("due_on", "2027-01-01"),
                                                                  ("responsible", "employee")]).status.code == 404)
        let audit = try AuditStore(test.database).latest(limit: 5)
        #expect(audit.contains { $0.action == "onboarding.item.done" && $0.target == "onboarding:\(id)" })
        // Someone without a checklist gets a page saying so; HR without an employee record, a 404.
        var bertta = try pages.employeeBrowser(test, "bertta", world.employeeB)
        let none = try bertta.get("/my-onboarding")
        #expect(none.status.code == 200 && none.text.contains("Sinulle ei ole perehdytyslistaa"))
        #expect(try bertta.get("/onboarding/\(id)").status.code == 404)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/my-onboarding").status.code == 404)
    }

    @Test func theSupervisorFollowsNewHiresTicksAddsAndRemoves() throws {
        let test = try TestApp()
        let world = try World(test)
        let id = try OnboardingFixture.ainoChecklist(test, world)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let view = try supervisor.get("/units/\(world.unitA.id)/onboarding")
        #expect(view.status.code == 200)
        #expect(view.text.contains("Aino Aaltonen") && view.text.contains("href=\"/onboarding/\(id)\"") && view.text.contains("Myöhässä: 5"))
        var other = try test.staffBrowser("esihenkilo.b")
        #expect(try other.get("/units/\(world.unitA.id)/onboarding").status.code == 404)
        #expect(try other.get("/onboarding/\(id)").status.code == 404)

        let daycareID = try OnboardingFixture.itemID(test, id, key: "daycare-app")
        let ticked = try pages.post(&supervisor, "/onboarding/\(id)/items/\(daycareID)", [("done", "1")])
        #expect(ticked.headers["Location"] == "/onboarding/\(id)#item-\(daycareID)")
        // Bad additions are refused on the form.
        let refused = try pages.post(&supervisor, "/onboarding/\(id)/items", [("title", " "), ("due_on", "huomenna"),
                                                                              ("responsible", "digitutor")])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("Kirjoita, mitä tehdään.") && refused.text.contains("Anna päivämäärä muodossa vvvv-kk-pp.")
                && refused.text.contains("Valitse vastuussa oleva luettelosta.") && refused.text.contains("error-summary"))
        let added = try pages.post(&supervisor, "/onboarding/\(id)/items", [("title", "Avainkortti <b>"), ("due_on", CivilDay.today().iso),
                                                                            ("responsible", "supervisor"), ("required", "1")])
        #expect(added.status.code == 303)
        let page = try supervisor.get("/onboarding/\(id)").text
        #expect(page.contains("Avainkortti &lt;b&gt;") && page.contains("Lisätty tälle henkilölle"))
        let teamsID = try OnboardingFixture.itemID(test, id, key: "intranet")
        #expect(try pages.post(&supervisor, "/onboarding/\(id)/items/\(teamsID)/remove", []).status.code == 303)
        #expect(try details(test, id).items.contains { $0.key == "intranet" } == false)
        #expect(try pages.post(&supervisor, "/onboarding/\(id)/items/\(teamsID)/remove", []).status.code == 404)
        let audit = try AuditStore(test.database).latest(limit: 10).map(\.action)
        #expect(audit.contains("onboarding.item.add") && audit.contains("onboarding.item.remove"))

        // A new hire without a checklist is listed with a button that starts one.
        var eero = world.employeeA1
        eero.startDate = CivilDay.today().adding(days: -40).iso
        try EmployeeStore(test.database).update(eero)
        let listed = try supervisor.get("/units/\(world.unitA.id)/onboarding").text
        #expect(listed.contains("Eero Esiopettaja") && listed.contains("/employees/\(eero.id)/onboarding"))
        let started = try pages.post(&supervisor, "/employees/\(eero.id)/onboarding", [])
        #expect(started.status.code == 303)
        #expect(try OnboardingStore(test.database).latestChecklist(employeeID: eero.id)?.checklist.startedHow == .byHand)
        #expect(try pages.post(&other, "/employees/\(world.employeeA.id)/onboarding", []).status.code == 404)
    }

    @Test func theImportStartsChecklistsForNewStartDatesOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        try OnboardingFixture.templates(test, world)
        let recent = CivilDay.today().adding(days: -2).iso
        let file = """
            Henkilönumero;Etunimi;Sukunimi;Sähköposti;Toimiala;Yksikkö;Tehtävänimike;Alkupäivä;Kieli
            1001;Aino;Aaltonen;aino.aaltonen@jarvela.example;Varhaiskasvatus;Päiväkoti Satakieli;Lastentarhanopettaja;1.8.2015;fi
            3001;Uusi;Ihminen;;Varhaiskasvatus;Päiväkoti Satakieli;Lastenhoitaja;\(recent);fi

            """
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let importing = ImportPageTests()
        let preview = try importing.upload(&hr, "/organisations/jarvela/import", file: file)
        let applied = try hr.post("/organisations/jarvela/import/apply", ["pending": importing.pendingID(in: preview.text)])
        #expect(applied.status.code == 303)
        let newcomer = try requireValue(try EmployeeStore(test.database).activeEmployees(organisationID: world.jarvela.id,
                                                                                         hrNumbers: ["3001"])["3001"], "new hire")
        let checklist = try requireValue(try OnboardingStore(test.database).latestChecklist(employeeID: newcomer.id), "checklist")
        #expect(checklist.checklist.startedHow == .import && checklist.checklist.startDate == recent)
        #expect(checklist.items.count == 6)
        // Aino's start date is years old: no checklist for her.
        #expect(try OnboardingStore(test.database).latestChecklist(employeeID: world.employeeA.id) == nil)
        #expect(try AuditStore(test.database).latest(limit: 5).contains { $0.action == "onboarding.start" })
    }

    @Test func aCompletedTrainingTicksItsItemAndANewerTemplateVersionIsShown() throws {
        let test = try TestApp()
        let world = try World(test)
        let trainingID = try test.database.pool.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO trainings (organisation_id, title_fi, duration_minutes, format, language, created_at, updated_at)
                VALUES (?, 'Tietosuoja', 30, 'self_study', 'fi', '2027-01-01', '2027-01-01')
                """, arguments: [world.jarvela.id])
            return db.lastInsertedRowID
        }
        let id = try OnboardingFixture.ainoChecklist(test, world, training: trainingID)
        var aino = try test.staffBrowser("tyontekija")
        #expect(try aino.get("/my-onboarding").text.contains("href=\"/trainings/\(trainingID)\""))
        let day = CivilDay.today().adding(days: -1).iso
        try test.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO training_completions (employee_id, training_id, kind, completed_on, recorded_at)
                VALUES (?, ?, 'external', ?, ?)
                """, arguments: [world.employeeA.id, trainingID, day, day])
        }
        let page = try aino.get("/my-onboarding").text
        #expect(page.contains("(koulutus suoritettu)"))
        let privacy = try details(test, id).items.first { $0.key == "privacy" }
        #expect(privacy?.doneOn == day && privacy?.doneByEvidence == true)
        // A newer version of the organisation's template leaves her checklist as it was.
        #expect(!page.contains("uudempi versio"))
        let store = OnboardingStore(test.database)
        let organisationTemplate = try requireValue(try store.templates(organisationID: world.jarvela.id).first, "template")
        try store.saveVersion(templateID: organisationTemplate.template.id,
                              items: [OnboardingFixture.item("email", "Sähköposti", .employee, offset: 0)], changelog: "Lyhyempi", by: nil)
        #expect(try aino.get("/my-onboarding").text.contains("uudempi versio"))
        #expect(try details(test, id).items.count == 6)
    }
}
