import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

@Suite("Digitutor pages")
struct TutorPagesTests {
    /// Tiina tutors unit A with its sub-units from a month ago, on Teams, Tuesdays at lunch.
    func tutor(_ test: TestApp, _ world: World, status: TutorStatus = .active) throws -> Stored<Tutor> {
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

    @Test func aPausedTutorIsNotShown() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try tutor(test, world, status: .paused)
        var aino = try test.staffBrowser("tyontekija")
        #expect(!(try aino.get("/").text.contains("Tiina Tutor")))
        #expect(!(try aino.get("/digitutors").text.contains("Tiina Tutor")))
    }
}
