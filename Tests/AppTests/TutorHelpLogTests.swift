import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

@Suite("Digitutor help log")
struct TutorHelpLogTests {
    let pages = TrainingPagesTests()

    func fields(day: String = CivilDay.today().iso, topic: Int64, minutes: String = "15", channel: String = "teams",
                unit: Int64) -> [(String, String)] {
        [("day", day), ("topic_id", String(topic)), ("minutes", minutes), ("channel", channel), ("unit_id", String(unit))]
    }

    func entries(_ test: TestApp, _ tutorID: Int64) throws -> [HelpLogEntry] {
        try TutorStore(test.database).helpLog(tutorID: tutorID)
    }

    @Test func aTutorLogsHelpInAFewTapsAndSeesItInTheirLog() throws {
        let test = try TestApp()
        let world = try World(test)
        let (tutorID, topicID) = try HelpLogFixture.ainoTutor(test, world)
        var aino = try test.staffBrowser("tyontekija")
        // The home page leads there, and so does her own card on "find help".
        #expect(try aino.get("/").text.contains("href=\"/my-digitutor-log\""))
        #expect(try aino.get("/digitutors").text.contains("href=\"/my-digitutor-log\""))
        let form = try aino.get("/my-digitutor-log")
        #expect(form.status.code == 200)
        #expect(form.text.contains("Autettujen nimiä tai muuta heistä kertovaa ei kirjata.") && form.text.contains("csrf_token"))
        // Today by default, the sub-units offered, and no field that could name anyone.
        #expect(form.text.contains("value=\"\(CivilDay.today().iso)\"") && form.text.contains("– Satakieli, esiopetus"))
        #expect(!form.text.contains("<textarea"))
        let saved = try pages.post(&aino, "/my-digitutor-log", fields(topic: topicID, unit: world.unitA1.id))
        #expect(saved.status.code == 303)
        let location = try #require(saved.headers["Location"])
        #expect(location.hasPrefix("/my-digitutor-log?logged="))
        let after = try aino.get(location).text
        #expect(after.contains("Kirjattu: Teams – Teams, 15 min"))
        #expect(after.contains("Satakieli, esiopetus") && after.contains("1 kertaa, 15 min"))
        #expect(try entries(test, tutorID).map(\.unitID) == [world.unitA1.id])
    }

    @Test func onlyTutorsLogAndBadInputIsRefusedOnTheForm() throws {
        let test = try TestApp()
        let world = try World(test)
        let (tutorID, topicID) = try HelpLogFixture.ainoTutor(test, world)
        // Someone who is no tutor, and HR, get a 404; so does the home page's link not show.
        var bertta = try pages.employeeBrowser(test, "bertta", world.employeeB)
        #expect(try bertta.get("/my-digitutor-log").status.code == 404)
        #expect(!(try bertta.get("/").text.contains("/my-digitutor-log")))
        #expect(try pages.post(&bertta, "/my-digitutor-log", fields(topic: topicID, unit: world.unitB.id)).status.code == 404)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/my-digitutor-log").status.code == 404)
        var aino = try test.staffBrowser("tyontekija")
        let today = CivilDay.today()
        let refusals: [([(String, String)], String)] = [
            (fields(day: today.adding(days: 1).iso, topic: topicID, unit: world.unitA.id), "Päivä ei voi olla tulevaisuudessa."),
            (fields(day: today.adding(days: -61).iso, topic: topicID, unit: world.unitA.id), "Apua voi kirjata enintään 60 päivän takaa."),
            (fields(day: "eilen", topic: topicID, unit: world.unitA.id), "Anna päivämäärä"),
            (fields(topic: 999_999, unit: world.unitA.id), "Valitse aihe."),
            (fields(topic: topicID, minutes: "45", unit: world.unitA.id), "Valitse kesto."),
            (fields(topic: topicID, channel: "email", unit: world.unitA.id), "Valitse tapa."),
            // Peippo is not a unit she serves.
            (fields(topic: topicID, unit: world.unitB.id), "Valitse jokin yksiköistäsi."),
        ]
        for (form, message) in refusals {
            let refused = try pages.post(&aino, "/my-digitutor-log", form)
            #expect(refused.status.code == 422, "\(form)")
            #expect(refused.text.contains(message) && refused.text.contains("error-summary"), "\(message)")
        }
        #expect(try entries(test, tutorID).isEmpty)
        // A retired topic is no longer offered, nor accepted.
        try TutorStore(test.database).setTopicActive(topicID, false)
        #expect(try pages.post(&aino, "/my-digitutor-log", fields(topic: topicID, unit: world.unitA.id)).status.code == 422)
        // A paused tutor still logs; an ended one does not.
        try TutorStore(test.database).setTopicActive(topicID, true)
        try TutorStore(test.database).setStatus(tutorID, .paused, from: today.iso, by: nil)
        #expect(try aino.get("/my-digitutor-log").text.contains("on tauolla"))
        #expect(try pages.post(&aino, "/my-digitutor-log", fields(topic: topicID, unit: world.unitA.id)).status.code == 303)
        try TutorStore(test.database).setStatus(tutorID, .ended, from: today.iso, by: nil)
        #expect(try aino.get("/my-digitutor-log").status.code == 404)
    }

    @Test func aTutorDeletesOnlyTheirOwnRecentEntries() throws {
        let test = try TestApp()
        let world = try World(test)
        let (tutorID, topicID) = try HelpLogFixture.ainoTutor(test, world)
        let store = TutorStore(test.database)
        let today = CivilDay.today()
        func entry(_ day: CivilDay) throws -> Int64 {
            try store.logHelpReturningID(HelpLogEntry(tutorID: tutorID, day: day.iso, topicID: topicID, minutes: 5,
                                                      channel: .phone, unitID: world.unitA.id))
        }
        let recent = try entry(today)
        let old = try entry(today.adding(days: -10))
        var aino = try test.staffBrowser("tyontekija")
        // Another tutor cannot delete hers.
        let tiina = try TutorFixture.tutor(test, world)
        let tiinaEmployee = try #require(try store.tutor(id: tiina.id)).tutor.employeeID
        var other = try pages.employeeBrowser(test, "tiina", try #require(try EmployeeStore(test.database).employee(id: tiinaEmployee)))
        #expect(try other.get("/my-digitutor-log").status.code == 200)
        #expect(try pages.post(&other, "/my-digitutor-log/\(recent)/delete", []).status.code == 404)
        // She can delete her recent mistake, not an entry older than a week.
        let page = try aino.get("/my-digitutor-log").text
        #expect(page.contains("/my-digitutor-log/\(recent)/delete") && !page.contains("/my-digitutor-log/\(old)/delete"))
        #expect(try pages.post(&aino, "/my-digitutor-log/\(old)/delete", []).status.code == 404)
        #expect(try pages.post(&aino, "/my-digitutor-log/\(recent)/delete", []).status.code == 303)
        #expect(try entries(test, tutorID).map(\.day) == [today.adding(days: -10).iso])
    }

    @Test func theAggregatesHideASmallUnitMonthAndShowTheOthers() throws {
        let test = try TestApp()
        let world = try World(test)
        let (tutorID, topicID) = try HelpLogFixture.ainoTutor(test, world)
        let store = TutorStore(test.database)
        let today = CivilDay.today()
        let lastMonth = today.firstDayOfMonth.adding(days: -1)
        func sessions(_ count: Int, _ unit: Stored<WorkUnit>, _ day: CivilDay) -> [HelpLogEntry] {
            Array(repeating: HelpLogEntry(tutorID: tutorID, day: day.iso, topicID: topicID, minutes: 15, channel: .inPerson,
                                          unitID: unit.id), count: count)
        }
        // Last month: 8 for Satakieli itself and 2 for its pre-school (hidden); this month 6 and 6.
        // Peippo: 9 and 7.
        #expect(try store.logHelpMany(sessions(8, world.unitA, lastMonth) + sessions(2, world.unitA1, lastMonth)
            + sessions(9, world.unitB, lastMonth) + sessions(6, world.unitA, today) + sessions(6, world.unitA1, today)
            + sessions(7, world.unitB, today)) == 38)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/organisations/jarvela/digitutor-help?months=3")
        #expect(page.status.code == 200)
        let text = page.text
        func row(_ name: String) -> String? {
            guard let start = text.range(of: "<th scope=\"row\">\(name)</th>"),
                  let end = text[start.upperBound...].range(of: "</tr>") else { return nil }
            return String(text[start.upperBound..<end.lowerBound])
        }
        let cell = { (value: String) in "<td class=\"number\">\(value)</td>" }
        #expect(row("– Satakieli, esiopetus") == cell("–") + cell("–") + cell("6"))
        #expect(row("Päiväkoti Satakieli") == cell("–") + cell("10") + cell("12"))
        #expect(row("Päiväkoti Peippo") == cell("–") + cell("9") + cell("7"))
        // Organisation-wide figures are always shown: 38 sessions of 15 minutes.
        #expect(text.contains("38 kertaa, 570 min") && text.contains("alle 5 kertaa"))
        // Three more for the pre-school last month make five: shown at once, though the figures are
        // cached (they follow the help log's version).
        try store.logHelpMany(sessions(3, world.unitA1, lastMonth))
        let again = try hr.get("/organisations/jarvela/digitutor-help?months=3").text
        #expect(again.contains("<th scope=\"row\">– Satakieli, esiopetus</th>" + cell("–") + cell("5") + cell("6")))
        // A sector that is not Järvelä's names nothing; supervisors do not see the page.
        #expect(try hr.get("/organisations/jarvela/digitutor-help?sector=999999").status.code == 404)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get("/organisations/jarvela/digitutor-help").status.code == 404)
    }

    @Test func topTopicsThisMonthSitNextToTheTrainingsInTheirArea() throws {
        let test = try TestApp()
        let world = try World(test)
        let (tutorID, topicID) = try HelpLogFixture.ainoTutor(test, world)
        let store = TutorStore(test.database)
        let trainingID = try TrainingFixture.training(world, test)
        try store.logHelpMany(Array(repeating: HelpLogEntry(tutorID: tutorID, day: CivilDay.today().iso, topicID: topicID,
                                                            minutes: 30, channel: .teams, unitID: world.unitA.id), count: 3))
        var hr = try test.staffBrowser("hr")
        var page = try hr.get("/organisations/jarvela/digitutor-help").text
        #expect(page.contains("1. Teams") && page.contains("Aiheelle ei ole valittu osaamisen osa-aluetta."))
        // The coordinator links the topic to its area; the catalogue's training in it appears.
        var topic = try #require(try store.topic(id: topicID, organisationID: world.jarvela.id)).record
        topic.areaCode = "digital-work"
        try store.updateTopic(topicID, topic)
        page = try hr.get("/organisations/jarvela/digitutor-help").text
        #expect(page.contains("href=\"/trainings/\(trainingID)\"") && page.contains("Teams-perusteet"))
    }

    @Test func theCoordinatorKeepsTheTopicList() throws {
        let test = try TestApp()
        let world = try World(test)
        let (_, teamsID) = try HelpLogFixture.ainoTutor(test, world)
        let store = TutorStore(test.database)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/organisations/jarvela/digitutor-topics").status.code == 200)
        func topic(_ fi: String, area: String = "", position: String = "2") -> [(String, String)] {
            [("name_fi", fi), ("name_sv", ""), ("name_en", ""), ("area_code", area), ("position", position)]
        }
        let path = "/organisations/jarvela/digitutor-topics"
        // A Finnish name is required, not twice among active topics, and the area must be the framework's.
        let empty = try pages.post(&hr, path, topic("  "))
        #expect(empty.status.code == 422 && empty.text.contains("href=\"#new-name_fi\""))
        let twice = try pages.post(&hr, path, topic("teams"))
        #expect(twice.status.code == 422 && twice.text.contains("Samanniminen aihe on jo käytössä."))
        #expect(try pages.post(&hr, path, topic("Tietoturva", area: "no-such-area")).status.code == 422)
        #expect(try pages.post(&hr, path, topic("Tietoturva", position: "x")).status.code == 422)
        #expect(try store.topics(organisationID: world.jarvela.id).count == 1)
        #expect(try pages.post(&hr, path, topic("Tietoturva", area: "information-security")).status.code == 303)
        let added = try #require(try store.topics(organisationID: world.jarvela.id).first { $0.nameFi == "Tietoturva" })
        #expect(added.areaCode == "information-security")
        // Edit: a new name and no area.
        #expect(try pages.post(&hr, "\(path)/\(added.id)", topic("Tietoturva ja tietosuoja")).status.code == 303)
        #expect(try store.topic(id: added.id, organisationID: world.jarvela.id)?.nameFi == "Tietoturva ja tietosuoja")
        #expect(try store.topic(id: added.id, organisationID: world.jarvela.id)?.areaCode == nil)
        // Renaming it to another active topic's name is refused.
        #expect(try pages.post(&hr, "\(path)/\(added.id)", topic("TEAMS")).status.code == 422)
        // Retired: the list keeps it, the tutor's form no longer offers it.
        #expect(try pages.post(&hr, "\(path)/\(teamsID)/active", [("active", "no")]).status.code == 303)
        #expect(try hr.get(path).text.contains("Poistettu käytöstä"))
        var aino = try test.staffBrowser("tyontekija")
        #expect(!(try aino.get("/my-digitutor-log").text.contains("id=\"topic_id-\(teamsID)\"")))
        // A new active "Teams" may now be added; restoring the old one would then clash.
        #expect(try pages.post(&hr, path, topic("Teams")).status.code == 303)
        #expect(try pages.post(&hr, "\(path)/\(teamsID)/active", [("active", "yes")]).status.code == 422)
        // Another organisation's topic is not found through this one; supervisors get nothing.
        let other = try store.addTopic(TutorTopic(organisationID: world.koskenkyla.id, name: LocalisedText(fi: "Wilma", sv: "", en: ""),
                                                  position: 1))
        #expect(try pages.post(&hr, "\(path)/\(other.id)", topic("Wilma 2")).status.code == 404)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get(path).status.code == 404)
        #expect(try pages.post(&supervisor, path, topic("Kirjasto")).status.code == 404)
    }
}
