import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

/// Supervisors' view of their units' digitutors, the printable lists, the tutors on the unit poster,
/// and the tutor training. Tiina (`TutorFixture`) tutors unit A with its sub-units; unit B has none.
@Suite("Digitutor coverage for supervisors, printing, posters and tutor training")
struct TutorCoveragePagesTests {
    /// The text of the element that starts with `start` up to `end`.
    static func slice(_ text: String, from start: String, to end: String) -> String? {
        guard let from = text.range(of: start), let until = text.range(of: end, range: from.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[from.upperBound..<until.lowerBound])
    }

    @Test func aSupervisorSeesTheirUnitsTutorsAndGapsButNoOtherUnits() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try TutorFixture.tutor(test, world)
        var supervisorA = try test.staffBrowser("esihenkilo.a")
        // The unit page links to it.
        #expect(try supervisorA.get("/units/\(world.unitA.id)").text.contains("href=\"/units/\(world.unitA.id)/digitutors\""))
        let page = try supervisorA.get("/units/\(world.unitA.id)/digitutors")
        #expect(page.status.code == 200)
        // Both the unit and its sub-unit, covered by Tiina from above, with her hours; no other unit.
        let table = try #require(Self.slice(page.text, from: "units-caption", to: "</table>"))
        #expect(table.contains("Päiväkoti Satakieli") && table.contains("Satakieli, esiopetus"))
        #expect(table.components(separatedBy: "Tiina Tutor").count - 1 == 2)
        #expect(table.contains("tiistaisin 12:30–13:00 (Taukotila)"))
        #expect(!page.text.contains("Peippo"))
        #expect(page.text.contains("Kaikilla yksiköillä on aktiivinen digitutor."))
        // Three people in the two units (Aino, Tiina, Eero), one tutor: 100 % and 3 per tutor.
        #expect(page.text.contains("<strong>100\u{00A0}%</strong>") && page.text.contains("<strong>3</strong>"))
        // A supervisor of another unit gets the same 404 as an unknown unit.
        #expect(try supervisorA.get("/units/\(world.unitB.id)/digitutors").status.code == 404)
        #expect(try supervisorA.get("/units/\(world.unitB.id)/digitutors/print").status.code == 404)
        var employee = try test.staffBrowser("tyontekija")
        #expect(try employee.get("/units/\(world.unitA.id)/digitutors").status.code == 404)

        // Unit B's supervisor sees the gap.
        var supervisorB = try test.staffBrowser("esihenkilo.b")
        let gap = try supervisorB.get("/units/\(world.unitB.id)/digitutors")
        #expect(gap.status.code == 200)
        let uncovered = try #require(Self.slice(gap.text, from: "Yksiköt ilman aktiivista digitutoria", to: "units-caption"))
        #expect(uncovered.contains("Päiväkoti Peippo"))
        #expect(gap.text.contains("ei tutoria") && !gap.text.contains("Tiina"))
    }

    @Test func aPausedOnlyTutorShowsAsAGap() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try TutorFixture.tutor(test, world, status: .paused)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let page = try supervisor.get("/units/\(world.unitA.id)/digitutors").text
        let uncovered = try #require(Self.slice(page, from: "Yksiköt ilman aktiivista digitutoria", to: "units-caption"))
        #expect(uncovered.contains("Päiväkoti Satakieli") && uncovered.contains("tutor tauolla"))
        #expect(page.contains("Tauolla"))
        let printed = try supervisor.get("/units/\(world.unitA.id)/digitutors/print")
        #expect(printed.status.code == 200)
        let rows = try #require(Self.slice(printed.text, from: "<tbody>", to: "</tbody>"))
        #expect(rows.contains("Päiväkoti Satakieli") && rows.contains("Satakieli, esiopetus") && rows.contains("Varhaiskasvatus"))
        #expect(rows.contains("tutor tauolla"))
    }

    @Test func thePrintableListNamesTheUnitsWithoutATutorWithSectorAndStaff() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try TutorFixture.tutor(test, world)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/organisations/jarvela/digitutor-coverage").text
            .contains("href=\"/organisations/jarvela/digitutor-coverage/print\""))
        let page = try hr.get("/organisations/jarvela/digitutor-coverage/print")
        #expect(page.status.code == 200)
        let rows = try #require(Self.slice(page.text, from: "<tbody>", to: "</tbody>"))
        #expect(rows.contains("<th scope=\"row\">Päiväkoti Peippo</th><td>Varhaiskasvatus</td><td class=\"number\">1</td><td>ei tutoria</td>"))
        #expect(!rows.contains("Satakieli"))
        // A covered unit's supervisor gets an empty list that says so.
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let own = try supervisor.get("/units/\(world.unitA.id)/digitutors/print").text
        #expect(own.contains("Kaikilla yksiköillä on aktiivinen digitutor.") && !own.contains("<tbody>"))
        // Supervisors do not get the organisation's list.
        #expect(try supervisor.get("/organisations/jarvela/digitutor-coverage/print").status.code == 404)
    }

    @Test func theUnitPosterNamesTheUnitsTutorsInThePostersLanguage() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try TutorFixture.tutor(test, world)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let poster = try #require(Self.slice(try supervisor.get("/units/\(world.unitA.id)/training-poster").text,
                                             from: "<article class=\"poster\"", to: "</article>"))
        #expect(poster.contains("Digitutor") && poster.contains("Tiina Tutor"))
        #expect(poster.contains("tiistaisin 12:30–13:00 (Taukotila), Voit kysyä milloin vain.") && poster.contains("Teams tai taukotila"))
        // The sub-unit's poster too: she serves unit A with its sub-units.
        #expect(try supervisor.get("/units/\(world.unitA1.id)/training-poster").text.contains("Tiina Tutor"))
        // In Swedish when the poster is.
        let swedish = try supervisor.get("/units/\(world.unitA.id)/training-poster?lang=sv").text
        #expect(swedish.contains("tisdagar 12:30–13:00 (Taukotila)"))
        // Not on another unit's poster.
        var supervisorB = try test.staffBrowser("esihenkilo.b")
        #expect(!(try supervisorB.get("/units/\(world.unitB.id)/training-poster").text.contains("Tiina")))
    }

    @Test func aParentsTutorWithoutSubunitsIsNeitherOnTheSubunitsPosterNorItsPeoplesHomePage() throws {
        let test = try TestApp()
        let world = try World(test)
        let tutor = try TutorFixture.tutor(test, world)
        let store = TutorStore(test.database)
        let details = try #require(try store.tutor(id: tutor.id))
        try store.update(tutor.id, TutorDraft(tutor: details.tutor.record, units: [TutorUnit(unitID: world.unitA.id, includesSubunits: false)],
                                              topicIDs: details.topicIDs, hours: details.hours))
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get("/units/\(world.unitA.id)/training-poster").text.contains("Tiina Tutor"))
        #expect(!(try supervisor.get("/units/\(world.unitA1.id)/training-poster").text.contains("Tiina Tutor")))
        var eero = try TrainingPagesTests().employeeBrowser(test, "eero", world.employeeA1)
        #expect(!(try eero.get("/").text.contains("Tiina Tutor")))
        var aino = try test.staffBrowser("tyontekija")
        #expect(try aino.get("/").text.contains("Tiina Tutor"))
    }

    @Test func theNetworkShowsEachTutorsTutorTraining() throws {
        let test = try TestApp()
        let world = try World(test)
        let tutor = try TutorFixture.tutor(test, world)
        var hr = try test.staffBrowser("hr")
        // No requirement for tutors yet: said, with a link to make one for those who may.
        let none = try hr.get("/organisations/jarvela/digitutors").text
        #expect(none.contains("Digitutoreille ei ole vielä pakollista koulutusta.")
                && none.contains("href=\"/organisations/jarvela/requirements/new\""))
        #expect(try hr.get("/digitutors/\(tutor.id)").text.contains("Digitutoreille ei ole vielä pakollista koulutusta."))

        // A once-only requirement for digitutors, due in a month; another for everyone does not count.
        let today = CivilDay.today()
        let trainingID = try TrainingFixture.training(world, test)
        let version = RequirementVersion(
            requirementID: 0, effectiveFrom: today.adding(days: -30).iso, validityMonths: nil, renewalWindowDays: 60,
            anchor: .completion, anchorMonth: nil, anchorDay: nil, newHireGraceDays: 0,
            firstDueOn: today.adding(days: 30).iso, forEveryone: false, createdBy: nil)
        _ = try RequirementStore(test.database).create(
            RequiredTraining(organisationID: world.jarvela.id, title: LocalisedText(fi: "Digitutorin perusteet", sv: "", en: ""),
                             description: LocalisedText(fi: "", sv: "", en: ""), createdBy: nil),
            first: RequirementVersionDraft(version: version, trainingIDs: [trainingID],
                                           audience: RequirementAudience(everyone: false, roles: [.digitutors])))
        _ = try ComplianceFixture.requirement(world, test)
        let due = try hr.get("/organisations/jarvela/digitutors").text
        #expect(due.contains("1/1 tutoria ei ole suorittanut koulutusta ”Digitutorin perusteet”."))
        #expect(due.contains("<span class=\"status-due\">Erääntyy "))
        #expect(!due.components(separatedBy: "<footer")[0].contains("Tietosuoja"), "the other requirement is not the tutors'")
        #expect(try hr.get("/digitutors/\(tutor.id)").text.contains("Erääntyy"))

        // Once she has done it, the count says so and her row says done.
        let details = try #require(try TutorStore(test.database).tutor(id: tutor.id))
        _ = try CompletionStore(test.database).record(Completion(
            employeeID: details.tutor.employeeID, trainingID: trainingID, sessionID: nil, kind: .external,
            completedOn: today.adding(days: -1).iso, recordedBy: nil))
        let done = try hr.get("/organisations/jarvela/digitutors").text
        #expect(done.contains("0/1 tutoria ei ole suorittanut koulutusta ”Digitutorin perusteet”."))
        #expect(done.contains("Suoritettu"))
        #expect(try hr.get("/digitutors/\(tutor.id)").text.contains("Suoritettu"))
    }
}
