import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// A world with HR of Järvelä signed in and a draft of Järvelä copied, through the page, from the
/// shipped framework.
private struct DraftPages {
    let test: TestApp
    let world: World
    var hr: Browser
    let draftID: Int64
    var store: FrameworkStore { FrameworkStore(test.database) }
    var base: String { "/organisations/jarvela/frameworks/\(draftID)" }

    init() throws {
        test = try TestApp()
        world = try World(test)
        hr = try test.staffBrowser("hr")
        let store = FrameworkStore(test.database)
        let shipped = try #require(try store.frameworks(organisationID: try id(world.jarvela.id))
            .first { $0.organisationID == nil && $0.status == .published })
        let list = try hr.get("/organisations/jarvela/frameworks")
        #expect(list.status.code == 200)
        #expect(list.text.contains(shipped.nameFi))
        let created = try hr.submit("/organisations/jarvela/frameworks", ["source": "\(try id(shipped.id))"])
        #expect(created.status.code == 303)
        let draft = try #require(try store.frameworks(organisationID: try id(world.jarvela.id))
            .first { $0.status == .draft })
        draftID = try id(draft.id)
        #expect(created.headers["Location"] == "/organisations/jarvela/frameworks/\(draftID)/edit?notice=created")
    }

    func content() throws -> FrameworkContent {
        try #require(try store.content(frameworkID: draftID))
    }

    func firstArea() throws -> FrameworkContent.Area {
        try #require(try content().areas.first)
    }

    func areaPath(_ area: FrameworkContent.Area) -> String {
        base + "/areas/\(area.area.id)"
    }

    /// The area form's fields as stored, to change one or two.
    func areaForm(_ area: Stored<FrameworkArea>) -> [String: String] {
        ["area-code": area.code, "area-kind": area.kind.rawValue, "area-name-fi": area.nameFi,
         "area-name-sv": area.nameSv, "area-name-en": area.nameEn, "area-description-fi": area.descriptionFi,
         "area-description-sv": area.descriptionSv, "area-description-en": area.descriptionEn]
    }

    func auditActions() throws -> [String] {
        try AuditStore(test.database).latest(limit: 50).map(\.action)
    }
}

@Suite("Competence framework pages")
struct FrameworkPagesTests {
    @Test func aDraftFromTheShippedFrameworkIsListedAndAudited() throws {
        var pages = try DraftPages()
        let list = try pages.hr.get("/organisations/jarvela/frameworks")
        #expect(list.text.contains("href=\"\(pages.base)/edit\""), "the draft is listed with its edit link")
        #expect(try pages.auditActions().contains("framework.draft.create"))
        let content = try pages.content()
        #expect(content.framework.organisationID == pages.world.jarvela.id)
        #expect(!content.areas.isEmpty && content.areas.allSatisfy { !$0.statements.isEmpty })

        let view = try pages.hr.get(pages.base)
        #expect(view.status.code == 200)
        #expect(view.text.contains("action=\"\(pages.base)/publish\""))
        #expect(view.text.contains("action=\"\(pages.base)/delete\""))
        #expect(view.text.contains(try #require(content.areas.first?.statements.first?.textFi)))
        let edit = try pages.hr.get(pages.base + "/edit")
        #expect(edit.status.code == 200)
        #expect(edit.text.contains("id=\"label-1-fi\""))
        #expect(edit.text.contains("<legend>"))
    }

    @Test func anAreaNameAndAStatementAreEditedAndStatementsAddedAndDeleted() throws {
        var pages = try DraftPages()
        let area = try pages.firstArea()
        let path = pages.areaPath(area)
        #expect(try pages.hr.status(path) == 200)
        var fields = pages.areaForm(area.area)
        fields["area-name-fi"] = "Perustaidot arjessa"
        fields["area-name-sv"] = "Grundfärdigheter i vardagen"
        #expect(try pages.hr.submit(path, fields).status.code == 303)
        #expect(try pages.firstArea().area.nameFi == "Perustaidot arjessa")
        #expect(try pages.firstArea().area.nameSv == "Grundfärdigheter i vardagen")

        let statement = try #require(area.statements.first)
        let statementPath = path + "/statements/\(try id(statement.id))"
        let prefix = "statement-\(try id(statement.id))"
        #expect(try pages.hr.submit(statementPath, [
            prefix + "-fi": "Osaan käyttää työpuhelinta.", prefix + "-sv": "Jag kan använda telefonen.", prefix + "-en": "",
        ]).status.code == 303)
        let edited = try #require(try pages.firstArea().statements.first)
        #expect(edited.text == LocalisedText(fi: "Osaan käyttää työpuhelinta.", sv: "Jag kan använda telefonen.", en: ""))
        #expect(edited.code == statement.code)

        #expect(try pages.hr.submit(path + "/statements", [
            "new-statement-fi": "Osaan tulostaa.", "new-statement-sv": "Jag kan skriva ut.", "new-statement-en": "I can print.",
        ]).status.code == 303)
        let added = try #require(try pages.firstArea().statements.last)
        #expect(added.textFi == "Osaan tulostaa.")
        #expect(try pages.firstArea().statements.count == area.statements.count + 1)
        let page = try pages.hr.get(path)
        #expect(page.text.contains("<textarea id=\"statement-\(try id(added.id))-fi\""), "statements are edited in textareas")

        #expect(try pages.hr.submit(path + "/statements/\(try id(added.id))/move", ["direction": "up"]).status.code == 303)
        let moved = try pages.firstArea().statements
        #expect(moved[moved.count - 2].id == added.id)

        #expect(try pages.hr.submit(path + "/statements/\(try id(added.id))/delete", [:]).status.code == 303)
        #expect(try pages.firstArea().statements.count == area.statements.count)
        let actions = try pages.auditActions()
        for action in ["framework.area.update", "framework.statement.update", "framework.statement.create",
                       "framework.statement.move", "framework.statement.delete"] {
            #expect(actions.contains(action), "audit line \(action)")
        }
    }

    @Test func areasAreAddedMovedAndDeleted() throws {
        var pages = try DraftPages()
        let before = try pages.content().areas
        let added = try pages.hr.submit(pages.base + "/areas", [
            "new-area-code": "tekoaly", "new-area-kind": "factor", "new-area-name-fi": "Tekoäly",
            "new-area-name-sv": "", "new-area-name-en": "AI",
        ])
        #expect(added.status.code == 303)
        let area = try #require(try pages.content().areas.last)
        #expect(area.area.code == "tekoaly" && area.area.kind == .factor && area.area.nameEn == "AI")
        #expect(added.headers["Location"] == pages.areaPath(area) + "?notice=created")

        #expect(try pages.hr.submit(pages.areaPath(area) + "/move", ["direction": "up"]).status.code == 303)
        #expect(try pages.content().areas.dropLast().last?.area.id == area.area.id)

        let duplicate = try pages.hr.submit(pages.base + "/areas", [
            "new-area-code": "tekoaly", "new-area-kind": "competence", "new-area-name-fi": "Toinen",
        ])
        #expect(duplicate.status.code == 422)
        #expect(duplicate.text.contains("id=\"new-area-code-error\""))
        #expect(duplicate.text.contains("value=\"Toinen\""), "what was typed is kept")

        #expect(try pages.hr.submit(pages.areaPath(area) + "/delete", [:]).status.code == 303)
        #expect(try pages.content().areas.map(\.area.code) == before.map(\.area.code))
    }

    @Test func aSectorTargetIsSetAndCleared() throws {
        var pages = try DraftPages()
        let area = try pages.firstArea()
        let path = pages.areaPath(area)
        let sector = try #require(try SectorStore(pages.test.database).sectors(organisationID: try id(pages.world.jarvela.id)).first)
        let page = try pages.hr.get(path)
        #expect(page.text.contains("<option value=\"\(try id(sector.id))\">\(sector.name)</option>"))
        #expect(try pages.hr.submit(path + "/targets", [
            "target-scope": "sector", "target-sector": "\(try id(sector.id))", "target-level": "4,5",
        ]).status.code == 303)
        var targets = try pages.firstArea().targets
        #expect(targets.first { $0.sectorID == sector.id }?.level == 4.5)
        #expect(try pages.hr.get(path).text.contains("Toimiala: \(sector.name)"))

        #expect(try pages.hr.submit(path + "/targets", [
            "target-scope": "job-group", "target-job-group": "Lastenhoitajat", "target-level": "3",
        ]).status.code == 303)
        #expect(try pages.firstArea().targets.contains { $0.jobGroup == "Lastenhoitajat" && $0.level == 3 })

        #expect(try pages.hr.submit(path + "/targets/delete", [
            "target-scope": "sector", "target-sector": "\(try id(sector.id))",
        ]).status.code == 303)
        targets = try pages.firstArea().targets
        #expect(!targets.contains { $0.sectorID != nil })
        #expect(try pages.auditActions().contains("framework.target.clear"))
    }

    @Test func badInputShowsFieldErrorsAndStoresNothing() throws {
        var pages = try DraftPages()
        let before = try pages.content()
        let area = try pages.firstArea()
        let path = pages.areaPath(area)

        var fields = pages.areaForm(area.area)
        fields["area-name-fi"] = "  "
        fields["area-name-sv"] = "Bara svenska"
        let emptyName = try pages.hr.submit(path, fields)
        #expect(emptyName.status.code == 422)
        #expect(emptyName.text.contains("id=\"area-name-fi-error\""))
        #expect(emptyName.text.contains("<a href=\"#area-name-fi\">Anna nimi suomeksi.</a>"))
        #expect(emptyName.text.contains("value=\"Bara svenska\""), "what was typed is kept")

        fields = pages.areaForm(area.area)
        fields["area-code"] = "Iso Koodi"
        let badCode = try pages.hr.submit(path, fields)
        #expect(badCode.status.code == 422)
        #expect(badCode.text.contains("id=\"area-code-error\""))
        #expect(badCode.text.contains("value=\"Iso Koodi\""))

        let tooHigh = try pages.hr.submit(path + "/targets", ["target-scope": "everyone", "target-level": "6"])
        #expect(tooHigh.status.code == 422)
        #expect(tooHigh.text.contains("id=\"target-level-error\""))
        #expect(tooHigh.text.contains("Anna tavoitetaso lukuna väliltä 1–5."))
        let notANumber = try pages.hr.submit(path + "/targets", ["target-scope": "everyone", "target-level": "paljon"])
        #expect(notANumber.status.code == 422)
        let noGroup = try pages.hr.submit(path + "/targets", ["target-scope": "job-group", "target-level": "3"])
        #expect(noGroup.text.contains("id=\"target-job-group-error\""))
        let foreignSector = try SectorStore(pages.test.database).create(organisationID: try id(pages.world.koskenkyla.id),
                                                                       name: "Sivistys")
        let foreign = try pages.hr.submit(path + "/targets", [
            "target-scope": "sector", "target-sector": "\(try id(foreignSector.id))", "target-level": "3",
        ])
        #expect(foreign.text.contains("id=\"target-sector-error\""))

        let emptyStatement = try pages.hr.submit(path + "/statements", ["new-statement-fi": "", "new-statement-sv": "Bara"])
        #expect(emptyStatement.status.code == 422)
        #expect(emptyStatement.text.contains("id=\"new-statement-fi-error\""))
        #expect(emptyStatement.text.contains(">Bara</textarea>"))

        let emptyFrameworkName = try pages.hr.submit(pages.base + "/edit", ["name-fi": "", "cant-say-fi": "En osaa sanoa"])
        #expect(emptyFrameworkName.status.code == 422)
        #expect(emptyFrameworkName.text.contains("id=\"name-fi-error\""))
        #expect(emptyFrameworkName.text.contains("id=\"label-1-fi-error\""), "missing scale labels are errors too")

        #expect(try pages.content() == before, "nothing was stored")
    }

    @Test func publishingGivesVersionTwoAndFreezesIt() throws {
        var pages = try DraftPages()
        // Name and labels are saved first, through the form.
        var fields = ["name-fi": "Järvelän digimittari", "name-sv": "", "name-en": "",
                      "cant-say-fi": "En osaa sanoa", "cant-say-sv": "", "cant-say-en": ""]
        for value in 1...5 { fields["label-\(value)-fi"] = "Kohta \(value)" }
        #expect(try pages.hr.submit(pages.base + "/edit", fields).status.code == 303)
        #expect(try pages.content().framework.nameFi == "Järvelän digimittari")
        #expect(try pages.content().labels.map(\.labelFi) == (1...5).map { "Kohta \($0)" })

        let published = try pages.hr.submit(pages.base + "/publish", [:])
        #expect(published.status.code == 303)
        let framework = try pages.content().framework
        #expect(framework.status == .published)
        #expect(framework.version == 2, "the shipped framework is version 1 of the family")
        let list = try pages.hr.get("/organisations/jarvela/frameworks")
        #expect(!list.text.contains("href=\"\(pages.base)/edit\""), "the draft is gone from the drafts")
        #expect(list.text.contains("Järvelän digimittari"))
        #expect(try pages.auditActions().contains("framework.publish"))

        // Every edit of the published version is refused with a clear page, and nothing changes.
        let area = try pages.firstArea()
        let before = try pages.content()
        let refusedEdit = try pages.hr.submit(pages.base + "/edit", fields)
        #expect(refusedEdit.status.code == 409)
        #expect(refusedEdit.text.contains("Julkaistua versiota ei voi muuttaa"))
        #expect(try pages.hr.get(pages.base + "/edit").status.code == 409)
        #expect(try pages.hr.submit(pages.areaPath(area), pages.areaForm(area.area)).status.code == 409)
        #expect(try pages.hr.submit(pages.areaPath(area) + "/statements", ["new-statement-fi": "Uusi"]).status.code == 409)
        #expect(try pages.hr.submit(pages.base + "/publish", [:]).status.code == 409)
        #expect(try pages.hr.submit(pages.base + "/delete", [:]).status.code == 409)
        #expect(try pages.content() == before)
        // The shipped version is read-only too, but may be copied.
        let shippedID = try #require(try pages.store.frameworks(organisationID: try id(pages.world.jarvela.id))
            .first { $0.organisationID == nil }?.id)
        #expect(try pages.hr.submit("/organisations/jarvela/frameworks/\(shippedID)/edit", fields).status.code == 409)
        #expect(try pages.hr.get("/organisations/jarvela/frameworks/\(shippedID)").text.contains("name=\"source\""))
    }

    @Test func publishingRefusesAnAreaWithoutStatements() throws {
        var pages = try DraftPages()
        #expect(try pages.hr.submit(pages.base + "/areas", [
            "new-area-code": "tyhja", "new-area-kind": "competence", "new-area-name-fi": "Tyhjä alue",
        ]).status.code == 303)
        let refused = try pages.hr.submit(pages.base + "/publish", [:])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("Osa-alueella Tyhjä alue ei ole väittämiä."))
        #expect(try pages.content().framework.status == .draft)
    }

    @Test func deletingADraftRemovesIt() throws {
        var pages = try DraftPages()
        #expect(try pages.hr.submit(pages.base + "/delete", [:]).status.code == 303)
        #expect(try pages.store.framework(id: pages.draftID) == nil)
        #expect(try pages.hr.status(pages.base) == 404)
    }

    @Test func anotherOrganisationsHRGetsNotFound() throws {
        let pages = try DraftPages()
        var other = try pages.test.staffBrowser("hr.koskenkyla")
        let area = try pages.firstArea()
        // Through Järvelä's address, and through its own organisation's address.
        #expect(try other.status("/organisations/jarvela/frameworks") == 404)
        #expect(try other.status(pages.base) == 404)
        #expect(try other.status("/organisations/koskenkyla/frameworks/\(pages.draftID)") == 404)
        #expect(try other.status("/organisations/koskenkyla/frameworks/\(pages.draftID)/areas/\(area.area.id)") == 404)
        #expect(try other.submit("/organisations/koskenkyla/frameworks/\(pages.draftID)/delete", [:]).status.code == 404)
        #expect(try other.submit("/organisations/koskenkyla/frameworks", ["source": "\(pages.draftID)"]).status.code == 404)
        #expect(try pages.store.framework(id: pages.draftID) != nil)
        #expect(try other.status("/organisations/koskenkyla/frameworks") == 200, "its own list opens")
    }
}
