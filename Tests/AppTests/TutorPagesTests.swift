import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

/// Tiina tutors unit A with its sub-units from a month ago, on Teams, Tuesdays at lunch.
enum TutorFixture {
    static func tutor(_ test: TestApp, _ world: World, status: TutorStatus = .active) throws -> Stored<Tutor> {
        let store = TutorStore(test.database)
        let teams = try store.addTopic(TutorTopic(organisationID: world.jarvela.id,
                                                  name: LocalisedText(fi: "Teams", sv: "Teams", en: "Teams"), position: 1))
        let tiina = try EmployeeStore(test.database).create(Employee(
            organisationID: world.jarvela.id, hrNumber: "7001", firstName: "Tiina", lastName: "Tutor",
            email: "tiina.tutor@jarvela.example", unitID: world.unitA.id))
        let tutor = try store.create(TutorDraft(
            tutor: Tutor(organisationID: world.jarvela.id, employeeID: tiina.id, coordinatorUserID: nil, languages: ["fi", "sv"],
                         askAnytime: true, contactNote: "Teams tai taukotila", plannedEndOn: nil),
            units: [TutorUnit(unitID: world.unitA.id, includesSubunits: true)], topicIDs: [teams.id],
            hours: [OfficeHour(weekday: 2, starts: "12:30", ends: "13:00", place: "Taukotila")]),
            activeFrom: CivilDay.today().adding(days: -30).iso, by: nil)
        if status != .active { try store.setStatus(tutor.id, status, from: CivilDay.today().iso, by: nil) }
        return tutor
    }
}

@Suite("Digitutor pages")
struct TutorPagesTests {
    func tutor(_ test: TestApp, _ world: World, status: TutorStatus = .active) throws -> Stored<Tutor> {
        try TutorFixture.tutor(test, world, status: status)
    }

    @Test func myDigitutorIsOnTheHomePageOfTheUnitsPeopleOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try tutor(test, world)
        var aino = try test.staffBrowser("tyontekija")
        let home = try aino.get("/").text
        #expect(home.contains("Digitutorisi") && home.contains("Tiina Tutor") && home.contains("tiistaisin 12:30–13:00 (Taukotila)"))
        #expect(home.contains("Voit kysyä milloin vain.") && home.contains("Auttaa: Teams"))
        // A sub-unit's person sees the tutor of the unit above; another unit's does not.
        var eero = try TrainingPagesTests().employeeBrowser(test, "eero", world.employeeA1)
        #expect(try eero.get("/").text.contains("Tiina Tutor"))
        var bertta = try TrainingPagesTests().employeeBrowser(test, "bertta", world.employeeB)
        #expect(!(try bertta.get("/").text.contains("Tiina Tutor")))
        // Everyone finds her by topic.
        let found = try bertta.get("/digitutors").text
        #expect(found.contains("Tiina Tutor"))
    }

    /// The home page is kept per person, but a tutor named or paused after it was first shown appears
    /// or goes at once.
    @Test func theHomePageShowsANewOrPausedTutorAtOnce() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        #expect(!(try aino.get("/").text.contains("Tiina Tutor")))
        let tutorID = try tutor(test, world).id
        #expect(try aino.get("/").text.contains("Tiina Tutor"))
        try TutorStore(test.database).setStatus(tutorID, .paused, from: CivilDay.today().iso, by: nil)
        #expect(!(try aino.get("/").text.contains("Tiina Tutor")))
    }

    /// A large organisation has hundreds of tutors: find help shows the first 30 of a list and offers
    /// the rest on request.
    @Test func findHelpCutsALongListAndShowsAllOnRequest() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try tutor(test, world)
        let store = TutorStore(test.database)
        for index in 1...34 {
            let person = try EmployeeStore(test.database).create(Employee(
                organisationID: world.jarvela.id, hrNumber: "80\(index)", firstName: "Apu\(index)", lastName: "Tutor",
                unitID: world.unitB.id))
            _ = try store.create(TutorDraft(
                tutor: Tutor(organisationID: world.jarvela.id, employeeID: person.id, coordinatorUserID: nil, languages: ["fi"],
                             askAnytime: true, contactNote: "", plannedEndOn: nil),
                units: [TutorUnit(unitID: world.unitB.id, includesSubunits: true)], topicIDs: [], hours: []),
                activeFrom: CivilDay.today().adding(days: -3).iso, by: nil)
        }
        var aino = try test.staffBrowser("tyontekija")
        let cut = try aino.get("/digitutors").text
        #expect(cut.components(separatedBy: "<li class=\"card\">").count - 1 == 30, "30 of the sector's 35")
        #expect(cut.contains("Näytetään 30/35") && cut.contains("href=\"/digitutors?all=1\""))
        let all = try aino.get("/digitutors?all=1").text
        #expect(all.components(separatedBy: "<li class=\"card\">").count - 1 == 35 && !all.contains("Näytetään"))
    }

    @Test func aPausedTutorIsNotShown() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try tutor(test, world, status: .paused)
        var aino = try test.staffBrowser("tyontekija")
        #expect(!(try aino.get("/").text.contains("Tiina Tutor")))
        #expect(!(try aino.get("/digitutors").text.contains("Tiina Tutor")))
    }

    @Test func hrNamesATutorAndTheFormSaysWhatIsWrong() throws {
        let test = try TestApp()
        let world = try World(test)
        let store = TutorStore(test.database)
        let topic = try store.addTopic(TutorTopic(organisationID: world.jarvela.id,
                                                  name: LocalisedText(fi: "Työpuhelin", sv: "", en: ""), position: 1))
        var hr = try test.staffBrowser("hr")
        let pages = TrainingPagesTests()
        #expect(try hr.get("/organisations/jarvela/digitutors/new").status.code == 200)
        var fields: [(String, String)] = [("hr_number", "9999"), ("active_from", "2026-01-01"), ("unit_names", "Ei tällaista"),
                                          ("includes_subunits", "yes"), ("topic_ids", String(topic.id)), ("languages", "fi"),
                                          ("hours", "ti 25:00-13:00"), ("contact_note", ""), ("planned_end_on", "")]
        let refused = try pages.post(&hr, "/organisations/jarvela/digitutors/new", fields)
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("Tällä henkilönumerolla ei ole aktiivista työntekijää.")
                && refused.text.contains("Yksikköä ”Ei tällaista” ei löydy.") && refused.text.contains("Riviä ”ti 25:00-13:00” ei voi lukea."))
        fields = fields.map { field in
            switch field.0 {
            case "hr_number": ("hr_number", "1001")
            case "unit_names": ("unit_names", "Päiväkoti Satakieli")
            case "hours": ("hours", "to 9.00-9.30 Toimisto\nma 12:30–13:00")
            default: field
            }
        }
        #expect(try pages.post(&hr, "/organisations/jarvela/digitutors/new", fields).status.code == 303)
        let tutor = try #require(try store.tutor(employeeID: world.employeeA.id))
        #expect(tutor.hours.map(\.weekday) == [1, 4] && tutor.hours.last?.starts == "09:00" && tutor.hours.first?.ends == "13:00")
        // Naming the same person again is refused on the form.
        let again = try pages.post(&hr, "/organisations/jarvela/digitutors/new", fields)
        #expect(again.status.code == 422 && again.text.contains("Tämä henkilö on jo digitutor."))
        // A pause from today takes them off the home page of the unit.
        #expect(try pages.post(&hr, "/digitutors/\(tutor.tutor.id)/status", [("status", "paused"), ("from_on", CivilDay.today().iso)])
            .status.code == 303)
        #expect(try hr.get("/organisations/jarvela/digitutors").text.contains("Tauolla"))
        // Supervisors cannot name tutors.
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get("/organisations/jarvela/digitutors").status.code == 404)
    }

    @Test func coverageListsTheUnitsWithoutAnActiveTutor() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try tutor(test, world)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/organisations/jarvela/digitutor-coverage")
        #expect(page.status.code == 200)
        guard let start = page.text.range(of: "Yksiköt ilman aktiivista digitutoria"),
              let end = page.text.range(of: "trend-caption") else {
            Issue.record("no list of units without a tutor")
            return
        }
        let uncovered = String(page.text[start.upperBound..<end.lowerBound])
        // Peippo has a person and no tutor; Satakieli and its sub-unit are covered.
        #expect(uncovered.contains("Päiväkoti Peippo") && !uncovered.contains("Satakieli"))
    }

    /// The coverage facts are cached per organisation, but a change of the network shows at once.
    @Test func coverageShowsAStatusChangeAtOnce() throws {
        let test = try TestApp()
        let world = try World(test)
        let tutorID = try tutor(test, world).id
        var hr = try test.staffBrowser("hr")
        func uncoveredList() throws -> String {
            let page = try hr.get("/organisations/jarvela/digitutor-coverage")
            guard let start = page.text.range(of: "Yksiköt ilman aktiivista digitutoria"),
                  let end = page.text.range(of: "trend-caption") else { return "" }
            return String(page.text[start.upperBound..<end.lowerBound])
        }
        #expect(try !uncoveredList().contains("Satakieli"))
        try TutorStore(test.database).setStatus(tutorID, .paused, from: CivilDay.today().iso, by: nil)
        #expect(try uncoveredList().contains("Satakieli"), "a paused tutor's unit is uncovered at once")
    }
}
