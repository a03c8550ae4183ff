import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

@Suite("Password policy")
struct PasswordPolicyTests {
    let policy = try? PasswordPolicy(listAt: packageRoot + "/Templates/auth/common-passwords.txt")

    @Test func lengthRulesAndNoCompositionRules() throws {
        let policy = try #require(policy)
        #expect(policy.problem("lyhyt7!", personal: []) == .tooShort)
        #expect(policy.problem("kahdeksan", personal: []) == nil, "eight lower-case letters are enough")
        let passphrase = "kuusi kurjea kaartoi kolmen kirkon yli ja laskeutui lammelle iltaruskossa"
        #expect(passphrase.count > 64)
        #expect(policy.problem(passphrase, personal: []) == nil)
        #expect(policy.problem(String(repeating: "pitkä lause ", count: 100), personal: []) == .tooLong)
    }

    @Test func commonAndBreachedPasswordsAreRefused() throws {
        let policy = try #require(policy)
        for weak in ["password", "12345678", "iloveyou", "Salasana123", "salasana!", "Kesä2026", "Password2026!",
                     "qwertyuiop", "tervetuloa1", "aaaaaaaaaa", "abababab"] {
            #expect(policy.problem(weak, personal: []) == .common, "\(weak)")
        }
    }

    @Test func theirOwnLoginNameOrEmailIsRefused() throws {
        let policy = try #require(policy)
        let personal = ["aino.aaltonen", "Aino", "Aaltonen", "aino.aaltonen@jarvela.fi"]
        #expect(policy.problem("aino.aaltonen-2026", personal: personal) == .personal)
        #expect(policy.problem("MinunAaltonenSana", personal: personal) == .personal)
        #expect(policy.problem("satakielen aamukahvi", personal: personal) == nil)
    }
}

@Suite("Password self-service")
struct PasswordSelfServiceTests {
    private func link(in html: String) throws -> String {
        guard let range = html.range(of: "/set-password?t=") else { throw TestFailure("no link on the page") }
        return "/set-password?t=" + html[range.upperBound...].prefix { $0 != "<" && $0 != "\"" && $0 != " " }
    }

    @Test func changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() throws {
        let test = try TestApp()
        _ = try World(test)
        var phone = try test.signIn("tyontekija")
        var laptop = try test.signIn("tyontekija")
        _ = try laptop.get("/account/password")
        let wrong = try laptop.post("/account/password", [
            "current_password": "väärä salasana", "new_password": "satakielen aamukahvi",
            "repeat_password": "satakielen aamukahvi"])
        #expect(wrong.status.code == 422 && wrong.text.contains("Nykyinen salasana on väärä"))
        let common = try laptop.post("/account/password", [
            "current_password": TestApp.password, "new_password": "salasana123", "repeat_password": "salasana123"])
        #expect(common.status.code == 422 && common.text.contains("liian yleinen"))
        let mismatch = try laptop.post("/account/password", [
            "current_password": TestApp.password, "new_password": "satakielen aamukahvi",
            "repeat_password": "satakielen iltatee"])
        #expect(mismatch.status.code == 422 && mismatch.text.contains("eivät ole samat"))
        let changed = try laptop.post("/account/password", [
            "current_password": TestApp.password, "new_password": "satakielen aamukahvi",
            "repeat_password": "satakielen aamukahvi"])
        #expect(changed.status.code == 303)
        #expect(try laptop.get("/").status == .ok, "the session the change was made in goes on")
        #expect(try phone.get("/").status.code == 303, "other sessions end")
        #expect(throws: TestFailure.self) { _ = try test.signIn("tyontekija") }
        _ = try test.signIn("tyontekija", password: "satakielen aamukahvi")
        #expect(try AuditStore(test.database).latest(limit: 10).contains { $0.action == "password.change" })
    }

    @Test func hrMakesAOneTimeLinkThatWorksOnceAndIsStoredOnlyAsAHash() throws {
        let test = try TestApp()
        _ = try World(test)
        let user = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        var hr = try test.staffBrowser("hr")
        _ = try hr.get("/users/\(user.id)")
        let page = try hr.post("/users/\(user.id)/password-link", [:])
        #expect(page.status == .ok && page.headers["Cache-Control"] == "no-store")
        let path = try link(in: page.text)
        #expect(page.text.contains("<svg"), "a QR code to print")
        let token = String(path.dropFirst("/set-password?t=".count))
        let stored = try test.database.pool.read { db in try Data.fetchAll(db, sql: "SELECT token_hash FROM password_tokens") }
        #expect(stored == [Data(SHA256Hash.of(token))])

        var person = Browser(app: test)
        let form = try person.get(path)
        #expect(form.status == .ok && form.text.contains("tyontekija"))
        let weak = try person.post("/set-password", ["token": token, "new_password": "password1",
                                                     "repeat_password": "password1"])
        #expect(weak.status.code == 422)
        let set = try person.post("/set-password", ["token": token, "new_password": "omat sanat ovat parhaat",
                                                    "repeat_password": "omat sanat ovat parhaat"])
        #expect(set.status.code == 303 && set.headers["Location"] == "/sign-in?notice=password_set")
        _ = try test.signIn("tyontekija", password: "omat sanat ovat parhaat")
        // Used: the link no longer works.
        #expect(try person.get(path).status.code == 410)
        #expect(try person.post("/set-password", ["token": token, "new_password": "toinen lause tähän",
                                                  "repeat_password": "toinen lause tähän"]).status.code == 410)
    }

    @Test func aNewLinkEndsTheOldAndLinksExpire() throws {
        let test = try TestApp()
        _ = try World(test)
        let user = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        var hr = try test.staffBrowser("hr")
        _ = try hr.get("/users/\(user.id)")
        let first = try link(in: try hr.post("/users/\(user.id)/password-link", [:]).text)
        _ = try hr.get("/users/\(user.id)")
        let second = try link(in: try hr.post("/users/\(user.id)/password-link", [:]).text)
        var person = Browser(app: test)
        #expect(try person.get(first).status.code == 410)
        #expect(try person.get(second).status == .ok)
        try test.database.pool.write { db in
            try db.execute(sql: "UPDATE password_tokens SET expires_at = ?", arguments: [Date().addingTimeInterval(-1)])
        }
        let expired = try person.get(second)
        #expect(expired.status.code == 410 && expired.text.contains("esihenkilöltäsi tai henkilöstöhallinnosta"))
    }

    @Test func aSignInCreatedWithoutAPasswordGetsALink() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        _ = try hr.get("/employees/\(world.employeeB.id)")
        let page = try hr.post("/employees/\(world.employeeB.id)/user", ["login": "bertta", "password": ""])
        #expect(page.status == .ok)
        let path = try link(in: page.text)
        let created = try #require(try UserStore(test.database).user(loginOrEmail: "bertta"))
        #expect(created.passwordHash == User.noPassword)
        #expect(throws: TestFailure.self) { _ = try test.signIn("bertta", password: User.noPassword) }
        var person = Browser(app: test)
        _ = try person.get(path)
        _ = try person.post("/set-password", ["token": String(path.dropFirst("/set-password?t=".count)),
                                              "new_password": "sju sorters blommor i juni", "repeat_password": "sju sorters blommor i juni"])
        _ = try test.signIn("bertta", password: "sju sorters blommor i juni")
    }

    @Test func signInSlipsForAUnitWithItsSubUnits() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        let form = try hr.get("/organisations/jarvela/sign-in-slips")
        #expect(form.status == .ok && form.text.contains("value=\"unit-\(world.unitA.id)\""))
        let slips = try hr.post("/organisations/jarvela/sign-in-slips", ["group": "unit-\(world.unitA.id)"])
        #expect(slips.status == .ok)
        // Aino (unit A) already signs in as tyontekija; Eero in the pre-school group gets a slip.
        #expect(occurrences(of: "<li class=\"slip", in: slips.text) == 1)
        #expect(slips.text.contains("Eero Esiopettaja") && slips.text.contains("<strong>eero.esiopettaja</strong>"))
        #expect(slips.text.contains("/set-password?t="))
        let user = try #require(try UserStore(test.database).user(loginOrEmail: "eero.esiopettaja"))
        #expect(user.employeeID == world.employeeA1.id)
        #expect(try UserStore(test.database).roles(userID: user.id).map(\.role) == [.employee])
        // Again: everyone has a sign-in now.
        _ = try hr.get("/organisations/jarvela/sign-in-slips")
        let again = try hr.post("/organisations/jarvela/sign-in-slips", ["group": "unit-\(world.unitA.id)"])
        #expect(occurrences(of: "<li class=\"slip", in: again.text) == 0)
        // Another organisation's unit is not a choice.
        _ = try hr.get("/organisations/jarvela/sign-in-slips")
        #expect(try hr.post("/organisations/jarvela/sign-in-slips", ["group": "unit-\(world.unitC.id)"]).status.code == 422)
        #expect(try AuditStore(test.database).latest(limit: 10).contains { $0.action == "users.create-slips" })
    }

    @Test func loginsAreMadeFromNames() {
        #expect(LoginName.base(firstName: "Åsa-Märta", lastName: "Öhman", hrNumber: "1") == "asa-marta.ohman")
        #expect(LoginName.base(firstName: "Anna Liisa", lastName: "von Wright", hrNumber: "1") == "anna-liisa.von-wright")
        #expect(LoginName.base(firstName: "", lastName: "", hrNumber: "A-17") == "usera-17")
    }

    @Test func theForgottenPasswordPageSaysWhomToAsk() throws {
        let test = try TestApp()
        var browser = Browser(app: test)
        let signIn = try browser.get("/sign-in")
        #expect(signIn.text.contains("href=\"/forgot-password\""))
        let page = try browser.get("/forgot-password")
        #expect(page.status == .ok && page.text.contains("esihenkilöltäsi tai henkilöstöhallinnosta"))
    }
}

enum SHA256Hash {
    static func of(_ text: String) -> Data { WebApp.tokenHash(text) }
}
