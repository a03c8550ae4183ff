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

    /// The organisation's and Varhaiskasvatus' template ids.
    func templateIDs(_ test: TestApp, _ world: World) throws -> (organisation: Int64, sector: Int64) {
        let templates = try OnboardingStore(test.database).templates(organisationID: world.jarvela.id)
        return (try requireValue(templates.first { $0.template.layer == .organisation }, "organisation's template").template.id,
                try requireValue(templates.first { $0.template.layer == .sector }, "sector template").template.id)
    }

    @Test func anEditedItemIsTheNextVersionInItsPlaceWithItsKeyAndRunningChecklistsKeepTheirs() throws {
        let test = try TestApp()
        let world = try World(test)
        let checklistID = try OnboardingFixture.ainoChecklist(test, world)
        let templateID = try templateIDs(test, world).organisation
        let store = OnboardingStore(test.database)
        let before = try requireValue(try store.template(id: templateID))
        let oldItems = try store.items(versionID: before.latestVersionID)
        let email = try requireValue(oldItems.first { $0.key == "email" }, "email item")
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/onboarding-templates/\(templateID)").text
        #expect(page.contains("href=\"/onboarding-templates/\(templateID)/items/\(email.id)/edit\""))
        #expect(page.contains("aria-label=\"Muokkaa kohtaa: Sähköposti ja kalenteri\""))

        // The form is filled with what the item says now; the key is shown, not asked.
        let form = try hr.get("/onboarding-templates/\(templateID)/items/\(email.id)/edit")
        #expect(form.status.code == 200)
        #expect(form.text.contains("value=\"Sähköposti ja kalenteri (sv)\"") && form.text.contains("<strong>email</strong>"))
        #expect(!form.text.contains("name=\"key\""))

        // Bad input: 422 with the summary and the messages, the typed values kept.
        let bad = try pages.post(&hr, "/onboarding-templates/\(templateID)/items/\(email.id)", [
            ("title_fi", ""), ("title_sv", "E-post i telefonen"), ("responsible", "nobody"), ("offset_days", "400"),
            ("link_url", "ftp://x"), ("changelog", ""),
        ])
        #expect(bad.status.code == 422)
        #expect(bad.text.contains("error-summary") && bad.text.contains("value=\"E-post i telefonen\"") && bad.text.contains("value=\"400\""))
        for message in ["Kirjoita, mitä tehdään.", "Valitse vastuussa oleva luettelosta.", "Anna päivien määrä väliltä",
                        "Anna osoite, joka alkaa https://", "Kerro lyhyesti, mikä muuttui."] {
            #expect(bad.text.contains(message), "\(message)")
        }
        #expect(try store.template(id: templateID)?.latestVersion == before.latestVersion)

        // Saved: the next version, the item in the same place with the same key (a key sent is ignored).
        let saved = try pages.post(&hr, "/onboarding-templates/\(templateID)/items/\(email.id)", [
            ("key", "something-else"), ("title_fi", "Sähköposti ja kalenteri puhelimessa"), ("title_sv", "E-post i telefonen"),
            ("title_en", "E-mail on the phone"), ("instructions_fi", "Asenna Outlook."), ("responsible", "digitutor"),
            ("offset_days", "4"), ("training_id", ""), ("instruction_id", ""), ("link_url", "https://intra.jarvela.example/outlook"),
            ("changelog", "Sähköposti puhelimeen"),
        ])
        #expect(saved.status.code == 303 && saved.headers["Location"]?.hasPrefix("/onboarding-templates/\(templateID)") == true)
        let after = try requireValue(try store.template(id: templateID))
        #expect(after.latestVersion == before.latestVersion + 1)
        let newItems = try store.items(versionID: after.latestVersionID)
        #expect(newItems.map(\.key) == oldItems.map(\.key))
        let changed = try requireValue(newItems.first { $0.key == "email" })
        #expect(changed.position == email.position && changed.titleFi == "Sähköposti ja kalenteri puhelimessa")
        #expect(changed.responsible == .digitutor && changed.offsetDays == 4 && !changed.required
                && changed.linkURL == "https://intra.jarvela.example/outlook")
        #expect(zip(newItems, oldItems).filter { $0.0.key != "email" }.allSatisfy { $0.0.content == $0.1.content })
        let latest = try AuditStore(test.database).latest(limit: 5)
        #expect(latest.contains { $0.action == "onboarding.template.version" && $0.detail == "version \(after.latestVersion): changed email" })
        let shown = try hr.get("/onboarding-templates/\(templateID)").text
        #expect(shown.contains("Sähköposti ja kalenteri puhelimessa") && shown.contains("Sähköposti puhelimeen"))

        // Aino's running checklist keeps the version it began with.
        let checklist = try requireValue(try store.checklist(id: checklistID))
        #expect(checklist.items.first { $0.key == "email" }?.titleFi == "Sähköposti ja kalenteri")
        #expect(checklist.newerVersionExists)

        // An item of an older version is not on the newest: 404.
        #expect(try hr.get("/onboarding-templates/\(templateID)/items/\(email.id)/edit").status.code == 404)
        #expect(try pages.post(&hr, "/onboarding-templates/\(templateID)/items/\(email.id)", itemFields()).status.code == 404)

        // Another organisation's HR, and a supervisor: 404.
        var other = try test.staffBrowser("hr.koskenkyla")
        #expect(try other.get("/onboarding-templates/\(templateID)/items/\(changed.id)/edit").status.code == 404)
        #expect(try pages.post(&other, "/onboarding-templates/\(templateID)/items/\(changed.id)", itemFields()).status.code == 404)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get("/onboarding-templates/\(templateID)/items/\(changed.id)/edit").status.code == 404)
        #expect(try store.template(id: templateID)?.latestVersion == after.latestVersion)
    }

    @Test func hrNamesAnOwnerByHRNumberWhoThenEditsTheTemplateFromTheHomePage() throws {
        let test = try TestApp()
        let world = try World(test)
        try OnboardingFixture.templates(test, world)
        let templateID = try templateIDs(test, world).sector
        let path = "/onboarding-templates/\(templateID)"
        var hr = try test.staffBrowser("hr")
        let page = try hr.get(path).text
        #expect(page.contains("Omistajaa ei ole nimetty.") && page.contains("name=\"owner_hr_number\""))

        // Errors: nothing typed, an unknown number, a person without a sign-in.
        let empty = try pages.post(&hr, path + "/owner", [("owner_hr_number", " ")])
        #expect(empty.status.code == 422 && empty.text.contains("Anna omistajaksi nimettävän työntekijän henkilönumero."))
        let unknown = try pages.post(&hr, path + "/owner", [("owner_hr_number", "9999")])
        #expect(unknown.status.code == 422 && unknown.text.contains("Organisaatiossa ei ole aktiivista työntekijää tällä henkilönumerolla.")
                && unknown.text.contains("value=\"9999\""))
        let noSignIn = try pages.post(&hr, path + "/owner", [("owner_hr_number", "1002")])
        #expect(noSignIn.status.code == 422 && noSignIn.text.contains("Henkilöllä Eero Esiopettaja ei ole käytössä olevia Taitotutkan tunnuksia."))
        #expect(try OnboardingStore(test.database).template(id: templateID)?.template.ownerUserID == nil)

        // Only HR of the organisation and administrators name owners.
        var aino = try test.staffBrowser("tyontekija")
        for login in ["hr.koskenkyla", "esihenkilo.a"] {
            var other = try test.staffBrowser(login)
            #expect(try pages.post(&other, path + "/owner", [("owner_hr_number", "1001")]).status.code == 404, "\(login)")
        }
        #expect(try pages.post(&aino, path + "/owner", [("owner_hr_number", "1001")]).status.code == 404)
        #expect(try aino.get(path).status.code == 404)
        #expect(!(try aino.get("/").text.contains("href=\"\(path)\"")))

        // Aino (a plain employee, 1001 in Järvelä; Koskenkylä's 1001 is someone else) is named.
        let named = try pages.post(&hr, path + "/owner", [("owner_hr_number", "1001")])
        #expect(named.status.code == 303)
        #expect(try hr.get(path).text.contains("Omistaja: Aino Aaltonen"))
        #expect(try AuditStore(test.database).latest(limit: 5).contains { $0.action == "onboarding.template.owner" })
        #expect(try OnboardingStore(test.database).template(id: templateID)?.latestVersion == 1)

        // She finds it on her home page, and edits it (not naming owners).
        let home = try aino.get("/").text
        #expect(home.contains("href=\"\(path)\">Varhaiskasvatus</a>")
                && home.contains("Olet tämän perehdytyspohjan omistaja"))
        let ownPage = try aino.get(path)
        #expect(ownPage.status.code == 200 && ownPage.text.contains("Omistaja: Aino Aaltonen") && !ownPage.text.contains("owner_hr_number"))
        let itemID = try OnboardingFixture.templateItemID(test, templateID)
        #expect(try aino.get(path + "/items/\(itemID)/edit").status.code == 200)
        #expect(try pages.post(&aino, path + "/items/\(itemID)", itemFields(title: "Oma intranet", changelog: "Selkeämpi otsikko"))
            .status.code == 303)
        #expect(try pages.post(&aino, path + "/items", itemFields(title: "Ovikoodit")).status.code == 303)
        #expect(try OnboardingStore(test.database).template(id: templateID)?.latestVersion == 3)
        // HR's own templates are no shortcut of HR's.
        #expect(!(try hr.get("/").text.contains("href=\"\(path)\"")))

        // HR names Bertta instead: Aino loses both the template and the link.
        _ = try pages.employeeBrowser(test, "bertta", world.employeeB)
        #expect(try pages.post(&hr, path + "/owner", [("owner_hr_number", "2001")]).status.code == 303)
        #expect(try hr.get(path).text.contains("Omistaja: Bertta Björk"))
        #expect(try aino.get(path).status.code == 404)
        let currentItemID = try OnboardingFixture.templateItemID(test, templateID)
        #expect(try aino.get(path + "/items/\(currentItemID)/edit").status.code == 404)
        #expect(try pages.post(&aino, path + "/items/\(currentItemID)", itemFields()).status.code == 404)
        #expect(!(try aino.get("/").text.contains("href=\"\(path)\"")))
        var bertta = try test.staffBrowser("bertta")
        #expect(try bertta.get("/").text.contains("href=\"\(path)\""))
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
