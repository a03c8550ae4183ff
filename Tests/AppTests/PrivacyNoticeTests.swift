import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// The privacy notice (tietosuojaseloste): anyone reads it from the footer, signed in or not; HR
/// completes the shipped template; the text is rendered through the safe Markdown only.
@Suite("Privacy notice")
struct PrivacyNoticeTests {
    @Test func anyoneReadsTheTemplateUntilHRSavesTheOrganisationsOwn() throws {
        let test = try TestApp()
        _ = try World(test)
        var visitor = Browser(app: test)
        let footer = try visitor.get("/sign-in").text
        #expect(footer.contains("href=\"/privacy\""))
        let list = try visitor.get("/privacy").text
        #expect(list.contains("/organisations/jarvela/privacy") && list.contains("/organisations/koskenkyla/privacy"))
        let template = try visitor.get("/organisations/jarvela/privacy").text
        #expect(template.contains("Järvelä, [osoite]") && template.contains("mallipohja") && template.contains("<h2>Rekisterinpitäjä</h2>"))
        #expect(template.contains("Nimettömät kyselyvastaukset eivät ole henkilötietoja"))
        // Signed in, the footer's link leads to the reader's own organisation.
        var aino = try test.staffBrowser("tyontekija")
        #expect(try aino.get("/privacy").headers["Location"] == "/organisations/jarvela/privacy")
        #expect(!(try aino.get("/organisations/jarvela/privacy").text.contains("/privacy/edit")))

        var hr = try test.staffBrowser("hr")
        #expect(try hr.get("/organisations/jarvela/privacy/edit").text.contains("[osoite]"))
        #expect(try hr.post("/organisations/jarvela/privacy/edit", ["body": " "]).status.code == 422)
        let saved = try hr.post("/organisations/jarvela/privacy/edit", [
            "body": "# Tietosuojaseloste\n\nRekisterinpitäjä: Järvelän kaupunki, Kirkkotie 1.\n\n<script>alert(1)</script>[x](javascript:alert(1))"])
        #expect(saved.status.code == 303)
        let page = try visitor.get("/organisations/jarvela/privacy").text
        #expect(page.contains("Kirkkotie 1") && !page.contains("mallipohja") && page.contains("Päivitetty"))
        #expect(!page.contains("<script>alert") && !page.contains("href=\"javascript:"))
        #expect(try AuditStore(test.database).latest(limit: 3).contains { $0.action == "privacy_notice.save" })
        // Another organisation's HR neither edits it nor sees the edit link.
        var otherHR = try test.staffBrowser("hr.koskenkyla")
        #expect(try otherHR.get("/organisations/jarvela/privacy/edit").status.code == 404)
        #expect(try otherHR.post("/organisations/jarvela/privacy/edit", ["body": "x"]).status.code == 404)
        // Swedish readers get the Swedish template of an organisation without its own.
        let swedish = try test.send(.GET, "/organisations/koskenkyla/privacy", headers: [("Accept-Language", "sv")]).text
        #expect(swedish.contains("Personuppgiftsansvarig") || swedish.contains("Rekisterinpitäjä"))
    }
}
