import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

@Suite("Staff import pages")
struct ImportPageTests {
    static let goodFile = """
        Henkilönumero;Etunimi;Sukunimi;Sähköposti;Toimiala;Yksikkö;Tehtävänimike;Alkupäivä;Kieli
        1001;Aino;Aaltonen;aino.aaltonen@jarvela.example;Varhaiskasvatus;Päiväkoti Satakieli;Lastentarhanopettaja;1.8.2015;fi
        3001;Uusi;Ihminen;;Tekniset palvelut;Varikko;Kiinteistönhoitaja;2026-01-01;sv

        """
    static let badFile = """
        Henkilönumero,Etunimi,Sukunimi,Alkupäivä
        4001,Ville,Virhe,31.2.2024
        4002,=SUM(A1:A9),Kaava,
        4001,Toinen,Kerta,

        """

    /// Posts a file as multipart/form-data, as a browser's file input does.
    func upload(_ browser: inout Browser, _ path: String, file: String, deactivateMissing: Bool = false) throws -> Response {
        let boundary = "----taitotutka-test-boundary"
        var body = ""
        func field(_ name: String, _ value: String) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        field("csrf_token", browser.csrfToken ?? "")
        if deactivateMissing { field("deactivate_missing", "1") }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"staff.csv\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var headers: HTTPHeaders = ["Host": "localhost", "Content-Type": "multipart/form-data; boundary=\(boundary)"]
        headers.add("Cookie", browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        var request = try Request(method: .POST, target: path, headers: headers, body: Array(body.utf8))
        request.remoteAddress = "127.0.0.1:40000"
        let response = browser.app.responder.respond(to: request)
        browser.lastBody = response.text
        return response
    }

    @Test func previewChangesNothingThenApplyImportsExactlyThat() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        #expect(hr.lastBody.contains("enctype=\"multipart/form-data\""))
        let before = try EmployeeStore(test.database).count(organisationID: world.jarvela.id, activeOnly: false)
        let preview = try upload(&hr, "/organisations/jarvela/import", file: Self.goodFile)
        #expect(preview.status.code == 200)
        #expect(preview.text.contains("Varikko"))
        #expect(preview.text.contains("Tekniset palvelut"))
        #expect(try EmployeeStore(test.database).count(organisationID: world.jarvela.id, activeOnly: false) == before)
        let applied = try hr.post("/organisations/jarvela/import/apply", ["pending": pendingID(in: preview.text)])
        #expect(applied.status.code == 303)
        #expect(applied.headers["Location"] == "/organisations/jarvela/employees?notice=imported")
        let after = try EmployeeStore(test.database).count(organisationID: world.jarvela.id, activeOnly: false)
        #expect(after == before + 1)
        let audit = try AuditStore(test.database).latest(limit: 5)
        #expect(audit.contains { $0.action == "import.employees" && $0.target == "jarvela" })
        // The same preview cannot be applied twice.
        try hr.get("/organisations/jarvela/import")
        let again = try hr.post("/organisations/jarvela/import/apply", ["pending": pendingID(in: preview.text)])
        #expect(again.status.code == 409)
    }

    @Test func rejectedRowsAreListedWithLinesAndNothingCanBeApplied() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let preview = try upload(&hr, "/organisations/jarvela/import", file: Self.badFile)
        #expect(preview.status.code == 200)
        let text = preview.text
        #expect(text.contains("31.2.2024"))
        #expect(text.contains("ei ole olemassa kalenterissa"))
        #expect(text.contains("taulukkolaskennan kaava"))
        #expect(text.contains("henkilönumero 4001 on jo rivillä 2"))
        #expect(!text.contains("/import/apply"))
    }

    @Test func unusableFilesAreExplained() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let response = try upload(&hr, "/organisations/jarvela/import", file: "Nimi;Osoite\nAino;Kuja 1\n")
        #expect(response.status.code == 422)
        #expect(response.text.contains("puuttuu pakollisia sarakkeita"))
    }

    @Test func onlyThatOrganisationsHRMayImport() throws {
        let test = try TestApp()
        _ = try World(test)
        var other = try test.signIn("hr.koskenkyla")
        #expect(try other.get("/organisations/jarvela/import").status.code == 404)
        try other.get("/organisations/koskenkyla/import")
        #expect(try upload(&other, "/organisations/jarvela/import", file: Self.goodFile).status.code == 404)
        var supervisor = try test.signIn("esihenkilo.a")
        #expect(try supervisor.get("/organisations/jarvela/import").status.code == 403)
        var admin = try test.signIn("admin")
        #expect(try admin.get("/organisations/jarvela/import").status.code == 200)
    }

    @Test func aPreviewBelongsToWhoeverMadeIt() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let preview = try upload(&hr, "/organisations/jarvela/import", file: Self.goodFile)
        var admin = try test.signIn("admin")
        try admin.get("/organisations/jarvela/import")
        let stolen = try admin.post("/organisations/jarvela/import/apply", ["pending": pendingID(in: preview.text)])
        #expect(stolen.status.code == 409)
    }

    func pendingID(in html: String) throws -> String {
        guard let range = html.range(of: "name=\"pending\" value=\"") else { throw TestFailure("no apply form") }
        let rest = html[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }
}
