import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

@Suite("Onboarding templates and HR's overview")
struct OnboardingTemplatePagesTests {
    let pages = TrainingPagesTests()

    func itemFields(title: String = "Työpuhelin käyttöön", key: String = "", offset: String = "2", link: String = "",
                    changelog: String = "Työpuhelin lisätty") -> [(String, String)] {
        [("title_fi", title), ("title_sv", ""), ("title_en", ""), ("instructions_fi", "Hae puhelin IT:ltä."), ("key", key),
         ("responsible", "employee"), ("offset_days", offset), ("required", "1"), ("training_id", ""), ("instruction_id", ""),
         ("link_url", link), ("changelog", changelog)]
    }

    @Test func hrMakesASectorTemplateAndEachEditIsANewVersion() throws {
        let test = try TestApp()
        let world = try World(test)
        let organisationTemplate = try OnboardingFixture.templates(test, world)
        var hr = try test.staffBrowser("hr")
        let list = try hr.get("/organisations/jarvela/onboarding-templates")
        #expect(list.status.code == 200 && list.text.contains("Järvelän digiperehdytys") && list.text.contains("Versio 1"))
        let refused = try pages.post(&hr, "/organisations/jarvela/onboarding-templates", [("name", ""), ("layer", "unit")])
        #expect(refused.status.code == 422 && refused.text.contains("Anna pohjalle nimi") && refused.text.contains("Valitse taso luettelosta."))
        // Varhaiskasvatus already has one.
        let sectorID = try requireValue(world.unitA.sectorID)
        let taken = try pages.post(&hr, "/organisations/jarvela/onboarding-templates",
                                   [("name", "Toinen"), ("layer", "sector"), ("sector_id", String(sectorID))])
        #expect(taken.status.code == 422 && taken.text.contains("Tällä tasolla on jo pohja."))
        let created = try pages.post(&hr, "/organisations/jarvela/onboarding-templates",
                                     [("name", "Lastenhoitajat"), ("layer", "job_group"), ("job_group", "Lastenhoitajat"),
                                      ("review_by", CivilDay.today().adding(days: -1).iso)])
        #expect(created.status.code == 303)
        let location = try requireValue(created.headers["Location"], "location")
        let page = try hr.get(location).text
        #expect(page.contains("Ammattiryhmä: Lastenhoitajat") && page.contains("Tarkistus myöhässä"))

        // Adding an item: bad input on the form, then the next version.
        let bad = try pages.post(&hr, "/onboarding-templates/\(organisationTemplate)/items",
                                 itemFields(title: "", offset: "400", link: "javascript:alert(1)", changelog: ""))
        #expect(bad.status.code == 422)
        for message in ["Kirjoita, mitä tehdään.", "Anna päivien määrä väliltä", "Anna osoite, joka alkaa https://",
                        "Kerro lyhyesti, mikä muuttui."] {
            #expect(bad.text.contains(message), "\(message)")
        }
        let duplicate = try pages.post(&hr, "/onboarding-templates/\(organisationTemplate)/items", itemFields(key: "email"))
        #expect(duplicate.status.code == 422 && duplicate.text.contains("Pohjassa on jo kohta tällä tunnisteella."))
        #expect(try pages.post(&hr, "/onboarding-templates/\(organisationTemplate)/items",
                               itemFields(link: "https://intra.jarvela.example/puhelin")).status.code == 303)
        let store = OnboardingStore(test.database)
        let summary = try requireValue(try store.template(id: organisationTemplate))
        #expect(summary.latestVersion == 2)
        #expect(try store.items(versionID: summary.latestVersionID).map(\.key).contains("työpuhelin-käyttöön"))
        let removedID = try OnboardingFixture.templateItemID(test, organisationTemplate)
        #expect(try pages.post(&hr, "/onboarding-templates/\(organisationTemplate)/items/\(removedID)/remove", []).status.code == 303)
        let after = try hr.get("/onboarding-templates/\(organisationTemplate)").text
        #expect(after.contains("Versio 3") && after.contains("Poistettu: Käyttäjätunnus luotu") && after.contains("Työpuhelin lisätty"))
        #expect(try pages.post(&hr, "/onboarding-templates/\(organisationTemplate)/review", [("review_by", "huomenna")]).status.code == 422)
        #expect(try pages.post(&hr, "/onboarding-templates/\(organisationTemplate)/review", [("review_by", "2099-01-31")]).status.code == 303)
        #expect(try hr.get("/onboarding-templates/\(organisationTemplate)").text.contains("Tarkistettava 31.1.2099 mennessä"))
    }

    @Test func aSupervisorEditsTheirUnitsTemplateOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        let organisationTemplate = try OnboardingFixture.templates(test, world)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let opened = try pages.post(&supervisor, "/units/\(world.unitA.id)/onboarding-template", [])
        #expect(opened.status.code == 303)
        let location = try requireValue(opened.headers["Location"], "location")
        #expect(try pages.post(&supervisor, "/units/\(world.unitA.id)/onboarding-template", []).headers["Location"] == location)
        #expect(try pages.post(&supervisor, location + "/items", itemFields(title: "Ovikoodit")).status.code == 303)
        // The next hire of the unit gets the unit's item.
        let hire = try EmployeeStore(test.database).create(Employee(
            organisationID: world.jarvela.id, hrNumber: "1010", firstName: "Uuno", lastName: "Uusi", unitID: world.unitA.id,
            startDate: CivilDay.today().iso))
        guard case .started(let id) = try test.app.startOnboarding(for: hire, how: .byHand, by: nil) else {
            Issue.record("not started")
            return
        }
        #expect(try OnboardingStore(test.database).checklist(id: id)?.items.contains { $0.key == "ovikoodit" } == true)
        // Not the organisation's template, nor another unit's.
        #expect(try supervisor.get("/onboarding-templates/\(organisationTemplate)").status.code == 404)
        var other = try test.staffBrowser("esihenkilo.b")
        #expect(try other.get(location).status.code == 404)
        #expect(try pages.post(&other, location + "/items", itemFields()).status.code == 404)
        // HR reads it.
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get(location).status.code == 200)
    }

    @Test func hrSeesProgressBySectorAndUnitAndTheItemsMostOftenLate() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try OnboardingFixture.ainoChecklist(test, world)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/organisations/jarvela/onboarding")
        #expect(page.status.code == 200)
        #expect(page.text.contains("Varhaiskasvatus") && page.text.contains("Päiväkoti Satakieli"))
        #expect(page.text.contains("Käyttäjätunnus luotu: myöhässä 1/1"))
        var other = try test.staffBrowser("hr.koskenkyla")
        #expect(try other.get("/organisations/jarvela/onboarding").status.code == 404)
    }
}
