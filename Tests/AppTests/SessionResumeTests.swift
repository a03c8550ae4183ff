import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// A session that ends while a survey page is being answered loses nothing: the next "next" leads
/// to signing in, and signing in saves the page and goes on.
@Suite("Session ending during a survey")
struct SessionResumeTests {
    /// Every session idle for longer than the timeout, as after a long break.
    private func endSessions(_ test: TestApp) throws {
        try test.database.pool.write { db in
            try db.execute(sql: "UPDATE sessions SET last_seen_at = ?", arguments: [Date().addingTimeInterval(-24 * 3600)])
        }
    }

    /// The value of the hidden input `name` on the last page, unescaped.
    private func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&#61;", with: "=")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theAnswersOfThePageAreSavedAfterSigningInAgain() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        let content = try test.content(of: round)
        var browser = try test.signIn("tyontekija")
        let base = "/surveys/\(round.id)"
        _ = try browser.get("\(base)/areas/1")
        try endSessions(test)

        var fields = ["go": "next"]
        for statement in content.areas[0].statements { fields["s\(statement.id)"] = "3" }
        let ended = try browser.post("\(base)/areas/1", fields)
        #expect(ended.status == .ok)
        #expect(ended.text.contains("Istuntosi päättyi"))
        #expect(!ended.text.contains("Lomaketta ei voitu lähettää") && !ended.text.contains("Ei pääsyä"))
        let path = try #require(hidden("resume_path", in: ended.text))
        let form = try #require(hidden("resume_form", in: ended.text))
        #expect(path == "\(base)/areas/1")
        #expect(!form.contains("csrf_token"))

        // A wrong password first: the carried form survives the retry.
        let wrong = try browser.post("/sign-in", ["login": "tyontekija", "password": "väärä", "next": "/",
                                                  "resume_path": path, "resume_form": form])
        #expect(wrong.status.code == 422)
        #expect(hidden("resume_form", in: wrong.text) == form)

        let signedIn = try browser.post("/sign-in", ["login": "tyontekija", "password": TestApp.password, "next": "/",
                                                     "resume_path": path, "resume_form": form])
        #expect(signedIn.status.code == 303)
        #expect(signedIn.headers["Location"] == "\(base)/areas/2")
        // The answers of the first page are in the draft: the page shows them chosen.
        let first = try browser.get("\(base)/areas/1")
        let statement = try #require(content.areas[0].statements.first)
        #expect(first.text.contains("name=\"s\(statement.id)\" value=\"3\" checked"))
    }

    @Test func aFormThatCannotBeResumedSaysTheSessionEndedNotThatItWasForged() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        _ = try hr.get("/organisations/jarvela/sectors")
        try endSessions(test)
        let ended = try hr.post("/organisations/jarvela/sectors", ["name": "Perusopetus"])
        #expect(ended.status == .ok)
        #expect(ended.text.contains("sitä ei tallennettu"))
        #expect(hidden("resume_path", in: ended.text) == nil)
        #expect(try SectorStore(test.database).sectors(organisationID: world.jarvela.id).count == 1)
    }

    @Test func resumingIsOnlyForResumableRoutes() throws {
        let test = try TestApp()
        let world = try World(test)
        var browser = Browser(app: test)
        _ = try browser.get("/sign-in")
        // A hand-made sign-in form naming a staff route: the sign-in works, nothing else happens.
        let response = try browser.post("/sign-in", [
            "login": "hr", "password": TestApp.password, "next": "/",
            "resume_path": "/units/\(world.unitB.id)/deactivate", "resume_form": "",
        ])
        #expect(response.status.code == 303 && response.headers["Location"] == "/")
        #expect(try UnitStore(test.database).unit(id: world.unitB.id)?.active == true)
    }

    @Test func aPageViewAfterTheSessionEndedSaysSoAndReturnsThere() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        try endSessions(test)
        let redirect = try hr.get("/units/\(world.unitA.id)")
        #expect(redirect.status.code == 303)
        let location = try #require(redirect.headers["Location"])
        #expect(location.contains("next=/units/\(world.unitA.id)") && location.contains("notice=session_ended"))
        #expect(try hr.get(location).text.contains("Istuntosi päättyi"))
    }
}

/// Forms loaded before a restart still work after it: every key behind form tokens and cookies
/// comes from the server key file, not from the process.
@Suite("Forms across a restart")
struct RestartTests {
    @Test func anAnonymousSurveyPageLoadedBeforeARestartIsAcceptedAfterIt() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        let content = try test.content(of: round)
        let code = SurveyCode.generate()
        try SurveyResponseStore(test.database).addCodes(
            hashes: [SurveyCode.hash(try #require(SurveyCode.normalise(code)))], roundID: round.id,
            unitID: world.unitB.id, day: CalendarDate.today())
        var tablet = Browser(app: test)
        _ = try tablet.get("/k")
        _ = try tablet.post("/k", ["code": code])
        _ = try tablet.get("/k/survey/areas/1")
        let token = try #require(tablet.csrfToken)

        // The server restarts: a new application over the same database and key file.
        let restarted = try TestApp(reopening: test)
        var after = Browser(app: restarted)
        after.cookies = tablet.cookies
        var fields = ["go": "next"]
        for statement in content.areas[0].statements { fields["s\(statement.id)"] = "4" }
        let saved = try after.post("/k/survey/areas/1", fields, token: token)
        #expect(saved.status.code == 303)
        #expect(saved.headers["Location"] == "/k/survey/areas/2")
    }

    @Test func aSignInPageLoadedBeforeARestartIsAcceptedAfterIt() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = Browser(app: test)
        _ = try browser.get("/sign-in")
        let token = try #require(browser.csrfToken)
        let restarted = try TestApp(reopening: test)
        var after = Browser(app: restarted)
        after.cookies = browser.cookies
        let response = try after.post("/sign-in", ["login": "hr", "password": TestApp.password, "next": "/"], token: token)
        #expect(response.status.code == 303)
    }
}
