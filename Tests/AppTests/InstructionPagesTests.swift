import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage
import Metrics

/// Järvelä's library: a password instruction for everyone, an early-education one for the sector,
/// the pinned AI guideline, and one whose review is overdue; a key-user system for the password's.
enum InstructionFixture {
    @discardableResult
    static func library(_ test: TestApp, _ world: World) throws -> (password: Int64, daycare: Int64, guideline: Int64, overdue: Int64) {
        let store = InstructionStore(test.database)
        let sector = try #require(world.unitA.sectorID)
        let today = CivilDay.today().iso
        func instruction(_ title: String, _ body: String, system: String = "", sector: Int64? = nil, pinned: Bool = false,
                         reviewedOn: String = today) -> InstructionDraft {
            InstructionDraft(instruction: Instruction(organisationID: world.jarvela.id, title: title, body: body, systemName: system,
                                                      sectorID: sector, pinned: pinned, reviewedOn: reviewedOn),
                             links: [InstructionLink(title: "Video: salasana", url: "https://intra.jarvela.fi/video/salasana")])
        }
        let stored = try store.createMany([
            instruction("Salasanan vaihtaminen", "Vaihda **salasana** näin:\n\n1. Ctrl + Alt + Delete\n2. Vaihda salasana", system: "Työtunnus"),
            instruction("Läsnäolot päiväkodissa", "Kirjaa lasten läsnäolot tabletilla.", sector: sector),
            instruction("Tekoälyn käyttö työssä", "Älä syötä henkilötietoja.", pinned: true),
            instruction("Vanha tulostusohje", "Tulosta kulkukortilla.", reviewedOn: "2024-01-01"),
        ])
        let aino = world.employeeA
        _ = try KeyUserStore(test.database).create(
            KeyUserSystem(organisationID: world.jarvela.id, name: "Työtunnus", purpose: "Kirjautuminen"),
            keyUsers: [KeyUserEntry(employeeID: aino.id, note: "Tavoittaa Teamsissa")])
        _ = try InstructionStore(test.database).create(InstructionDraft(instruction: Instruction(
            organisationID: world.koskenkyla.id, title: "Koskenkylän salasanaohje", body: "x", reviewedOn: today)))
        return (stored[0].id, stored[1].id, stored[2].id, stored[3].id)
    }
}

@Suite("Instruction pages")
struct InstructionPagesTests {
    let pages = TrainingPagesTests()

    @Test func markdownIsRenderedSafely() {
        let html = Markdown.html("""
            # Otsikko

            **Lihava** ja [linkki](https://intra.jarvela.fi/ohje).

            <script>alert(1)</script>

            <img src=x onerror="alert(2)">

            Teksti <b onclick="x()">inline</b> ja [paha](javascript:alert(3)) ja [toinen](JAVASCRIPT:alert(4)) ja [data](data:text/html;base64,PHNjcmlwdD4=).

            <div>raaka lohko</div>
            """)
        #expect(html.contains("<h2>Otsikko</h2>") && html.contains("<strong>Lihava</strong>"))
        #expect(html.contains("<a href=\"https://intra.jarvela.fi/ohje\">linkki</a>"))
        for forbidden in ["<script", "onerror", "onclick", "javascript:", "JAVASCRIPT:", "data:text", "<img", "<div", "<b "] {
            #expect(!html.contains(forbidden), "\(forbidden) in \(html)")
        }
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func anEmployeeSearchesWithAPrefixAndSeesTheSnippetHighlighted() throws {
        let test = try TestApp()
        let world = try World(test)
        let ids = try InstructionFixture.library(test, world)
        var aino = try test.staffBrowser("tyontekija")
        let found = try aino.get("/instructions?q=salasan")
        #expect(found.status.code == 200)
        #expect(found.text.contains("Salasanan vaihtaminen") && found.text.contains("<mark>salasana</mark>"))
        #expect(!found.text.contains("Koskenkylän"))
        // Hostile input is only words.
        for query in ["%22", "*", "NEAR(", "-", "%22%22*%22", "%3Cscript%3E"] {
            let page = try aino.get("/instructions?q=" + query)
            #expect(page.status.code == 200 && !page.text.contains("<script>"), "\(query)")
        }
        // The page: safe Markdown, the link, the system's key user with the staff record's contact.
        let page = try aino.get("/instructions/\(ids.password)")
        #expect(page.status.code == 200 && page.text.contains("<strong>salasana</strong>") && page.text.contains("<ol>"))
        #expect(page.text.contains("https://intra.jarvela.fi/video/salasana") && page.text.contains("Aino Aaltonen")
                && page.text.contains("Tavoittaa Teamsissa"))
        // Readers do not edit.
        #expect(!page.text.contains("/instructions/\(ids.password)/edit"))
        #expect(try aino.get("/instructions/\(ids.password)/edit").status.code == 404)
    }

    @Test func theLibraryPinsTheGuidelineAndFlagsOverdueReviewsForHR() throws {
        let test = try TestApp()
        let world = try World(test)
        let ids = try InstructionFixture.library(test, world)
        var aino = try test.staffBrowser("tyontekija")
        let library = try aino.get("/instructions").text
        let guideline = try #require(library.range(of: "Tekoälyn käyttö työssä"))
        let password = try #require(library.range(of: "Salasanan vaihtaminen"))
        #expect(guideline.lowerBound < password.lowerBound)
        #expect(library.contains("Tarkistus myöhässä") && !library.contains("id=\"review\""))
        var hr = try test.staffBrowser("hr")
        let due = try hr.get("/instructions?review=due").text
        #expect(due.contains("id=\"review\"") && due.contains("Vanha tulostusohje") && !due.contains("Salasanan vaihtaminen"))
        #expect(try hr.get("/instructions/\(ids.overdue)").text.contains("Ohje olisi pitänyt tarkistaa"))
        // Marking it reviewed clears the flag.
        #expect(try pages.post(&hr, "/instructions/\(ids.overdue)/reviewed", []).status.code == 303)
        #expect(!(try hr.get("/instructions?review=due").text.contains("Vanha tulostusohje")))
        // The home page shows the sector's instructions, the pinned first; the find-help page links here.
        let home = try aino.get("/").text
        #expect(home.contains("Ohjeita sinun toimialallesi") && home.contains("Läsnäolot päiväkodissa"))
        #expect(try aino.get("/digitutors").text.contains("href=\"/instructions\""))
        // Another organisation's instruction is a 404.
        var other = try test.staffBrowser("hr.koskenkyla")
        #expect(try other.get("/instructions/\(ids.password)").status.code == 404)
    }

    @Test func hrWritesAnInstructionAndTheFormSaysWhatIsWrong() throws {
        let test = try TestApp()
        let world = try World(test)
        let ids = try InstructionFixture.library(test, world)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/organisations/jarvela/instructions/new").status.code == 200)
        var fields: [(String, String)] = [
            ("title", ""), ("body", "<script>alert(1)</script>\n\nTeksti tässä"), ("links", "Video | javascript:alert(1)"), ("topic_id", ""),
            ("system_name", "Teams"), ("sector_id", ""), ("language", "xx"), ("translation_of", ""), ("owner_team", "IT"),
            ("owner_logins", "ei.ketaan"), ("reviewed_on", "2026-02-30"), ("review_interval_months", "0"),
        ]
        let refused = try pages.post(&hr, "/organisations/jarvela/instructions/new", fields)
        #expect(refused.status.code == 422)
        for message in ["Täytä tämä kenttä.", "Riviä ”Video | javascript:alert(1)” ei voi lukea", "Valitse jokin listan vaihtoehdoista.",
                        "Käyttäjätunnusta ”ei.ketaan” ei ole", "Anna päivämäärä", "Anna tarkistusväli"] {
            #expect(refused.text.contains(message), "\(message)")
        }
        #expect(!refused.text.contains("<script>alert(1)</script>"))
        fields = fields.map { field in
            switch field.0 {
            case "title": ("title", "Teams-kokous puhelimella")
            case "links": ("links", "Video: Teams | https://intra.jarvela.fi/video/teams")
            case "language": ("language", "fi")
            case "owner_logins": ("owner_logins", "tyontekija")
            case "reviewed_on": ("reviewed_on", "2026-02-28")
            case "review_interval_months": ("review_interval_months", "12")
            default: field
            }
        }
        let created = try pages.post(&hr, "/organisations/jarvela/instructions/new", fields)
        #expect(created.status.code == 303)
        let location = try #require(created.headers["Location"])
        let page = try hr.get(String(location.prefix { $0 != "?" })).text
        #expect(page.contains("Teams-kokous puhelimella") && page.contains("Teksti") && !page.contains("<script>alert"))
        // The named owner edits it; the person is no HR.
        var aino = try test.staffBrowser("tyontekija")
        let id = try #require(Int64(location.split(separator: "/").last?.prefix { $0.isNumber } ?? ""))
        #expect(try aino.get("/instructions/\(id)/edit").status.code == 200)
        #expect(try aino.get("/instructions/\(ids.password)/edit").status.code == 404)
        // Retired: gone from the list and from readers.
        #expect(try pages.post(&hr, "/instructions/\(ids.daycare)/retire", [("action", "retire")]).status.code == 303)
        #expect(!(try aino.get("/instructions").text.contains("Läsnäolot päiväkodissa")))
        var bertta = try pages.employeeBrowser(test, "bertta", world.employeeB)
        #expect(try bertta.get("/instructions/\(ids.daycare)").status.code == 404)
        #expect(try hr.get("/instructions/\(ids.daycare)").status.code == 200)
    }

    @Test func theKeyUserDirectoryIsSearchableBySystem() throws {
        let test = try TestApp()
        let world = try World(test)
        try InstructionFixture.library(test, world)
        var hr = try test.staffBrowser("hr")
        let refused = try pages.post(&hr, "/organisations/jarvela/key-users/new",
                                     [("name", "Työtunnus"), ("purpose", ""), ("key_users", "9999; ei ole")])
        #expect(refused.status.code == 422 && refused.text.contains("Riviä ”9999; ei ole” ei voi lukea"))
        let duplicate = try pages.post(&hr, "/organisations/jarvela/key-users/new",
                                       [("name", "työtunnus"), ("purpose", ""), ("key_users", "")])
        #expect(duplicate.status.code == 422 && duplicate.text.contains("Saman niminen järjestelmä"))
        #expect(try pages.post(&hr, "/organisations/jarvela/key-users/new",
                               [("name", "Lapsitieto"), ("purpose", "Päiväkotien läsnäolot"), ("key_users", "2001; Paikalla ma–to")])
            .status.code == 303)
        var aino = try test.staffBrowser("tyontekija")
        let all = try aino.get("/key-users").text
        #expect(all.contains("Työtunnus") && all.contains("Lapsitieto") && all.contains("Bertta Björk"))
        let found = try aino.get("/key-users?q=paivakot").text
        #expect(found.contains("Lapsitieto") && !found.contains("Kirjautuminen"))
    }
}
