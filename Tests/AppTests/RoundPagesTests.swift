import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Rounds made straight through the store, for tests that start from a draft or an open round.
enum RoundFixture {
    /// The shipped framework (migration 0004), published and usable by every organisation.
    static func frameworkID(_ test: TestApp, organisationID: Int64) throws -> Int64 {
        let published = try FrameworkStore(test.database).frameworks(organisationID: organisationID)
            .first { $0.status == .published }
        return try id(published?.id)
    }

    /// A round of Järvelä for the whole organisation, opened unless `open` is false.
    static func round(_ world: World, _ test: TestApp, mode: SurveyMode = .anonymous, open: Bool = true,
                      title: String = "Digikysely 2026") throws -> Int64 {
        let organisationID = try id(world.jarvela.id)
        let store = SurveyRoundStore(test.database)
        let round = try store.create(
            SurveyRound(organisationID: organisationID, frameworkID: try frameworkID(test, organisationID: organisationID),
                        title: title, mode: mode, opensOn: CalendarDate.today(), closesOn: "2099-12-31"),
            scope: [], openQuestions: [])
        let roundID = try id(round.id)
        if open { try store.open(roundID: roundID) }
        return roundID
    }
}

@Suite("Survey round pages")
struct RoundPagesTests {
    /// Posts fields that may repeat (checkboxes) with the browser's session and CSRF token.
    func post(_ browser: inout Browser, _ target: String, _ fields: [(String, String)]) throws -> Response {
        if browser.csrfToken == nil { try browser.get("/") }
        return try browser.app.send(.POST, target, cookies: browser.cookies,
                                    form: fields + [("csrf_token", browser.csrfToken ?? "")])
    }

    func validFields(_ test: TestApp, _ world: World, title: String = "Syksyn digikysely") throws -> [(String, String)] {
        [("title", title), ("framework_id", String(try RoundFixture.frameworkID(test, organisationID: try id(world.jarvela.id)))),
         ("mode", "anonymous"), ("scope", "selected"), ("unit_names", "päiväkoti satakieli\n"),
         ("opens_on", "2026-09-01"), ("closes_on", "2026-09-21"), ("minimum_group_size", "5"),
         ("open_answer_threshold", "10"), ("q1_fi", "Mitä digitaitoa tarvitset eniten?"), ("q1_sv", ""),
         ("q1_en", "Which digital skill do you need most?")]
    }

    @Test func badInputShowsFieldErrorsAndStoresNothing() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        let fields: [(String, String)] = [
            ("title", ""), ("framework_id", "999999"), ("mode", "secret"), ("scope", "selected"),
            ("unit_names", "Päiväkoti Satakieli\nEi tällaista\nKoskenkylän koulu"), ("opens_on", "2026-09-21"),
            ("closes_on", "2026-09-01"), ("minimum_group_size", "2"), ("open_answer_threshold", "x"),
            ("q2_sv", "Bara på svenska"),
        ]
        let response = try post(&hr, "/organisations/jarvela/rounds/new", fields)
        #expect(response.status.code == 422)
        let page = response.text
        #expect(page.contains("Anna kierrokselle nimi."))
        #expect(page.contains("Valitse julkaistu mittari luettelosta."))
        #expect(page.contains("Valitse, onko kysely nimetön vai tunnistettu."))
        // Another organisation's unit is as unknown as a made-up one.
        #expect(page.contains("Näitä yksiköitä ei löydy organisaatiosta: Ei tällaista, Koskenkylän koulu."))
        #expect(page.contains("Sulkeutumispäivä ei voi olla ennen avautumispäivää."))
        #expect(page.contains("Anna pienimmäksi ryhmäksi kokonaisluku 3–100."))
        #expect(page.contains("Kirjoita kysymys suomeksi"))
        #expect(page.contains("href=\"#unit_names\"") && page.contains("id=\"unit_names-error\""))
        // What was typed comes back.
        #expect(page.contains("Bara på svenska"))
        #expect(try SurveyRoundStore(test.database).rounds(organisationID: try id(world.jarvela.id)).isEmpty)

        var threshold = try validFields(test, world)
        threshold.removeAll { $0.0 == "open_answer_threshold" }
        threshold.append(("open_answer_threshold", "4"))
        let low = try post(&hr, "/organisations/jarvela/rounds/new", threshold)
        #expect(low.status.code == 422)
        #expect(low.text.contains("Avointen vastausten raja ei voi olla pienempi"))

        var empty = try validFields(test, world)
        empty.removeAll { $0.0 == "unit_names" }
        let none = try post(&hr, "/organisations/jarvela/rounds/new", empty)
        #expect(none.status.code == 422)
        #expect(none.text.contains("Valitse vähintään yksi toimiala"))
        #expect(try SurveyRoundStore(test.database).rounds(organisationID: try id(world.jarvela.id)).isEmpty)
    }

    @Test func createEditOpenExtendAndClose() throws {
        let test = try TestApp()
        let world = try World(test)
        let store = SurveyRoundStore(test.database)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.status("/organisations/jarvela/rounds/new") == 200)

        let created = try post(&hr, "/organisations/jarvela/rounds/new", try validFields(test, world))
        #expect(created.status.code == 303)
        let round = try #require(try store.rounds(organisationID: try id(world.jarvela.id)).first)
        let roundID = try id(round.id)
        #expect(created.headers["Location"] == "/rounds/\(roundID)?notice=created")
        #expect(round.status == .draft && round.title == "Syksyn digikysely" && round.closesOn == "2026-09-21")
        #expect(try store.scope(roundID: roundID).map(\.unitID) == [world.unitA.id])
        let question = try #require(try store.openQuestions(roundID: roundID).first)
        #expect(question.textSv == question.textFi && question.textEn == "Which digital skill do you need most?")

        // Edit: the whole organisation, the Varhaiskasvatus sector's checkbox ignored, no questions.
        let edit = try hr.get("/rounds/\(roundID)/edit")
        #expect(edit.status.code == 200 && edit.text.contains("Päiväkoti Satakieli</textarea>"))
        var changed = try validFields(test, world, title: "Syksyn digikysely (korjattu)").filter { !$0.0.hasPrefix("q1") }
        changed.removeAll { $0.0 == "scope" }
        changed.append(("scope", "organisation"))
        let saved = try post(&hr, "/rounds/\(roundID)/edit", changed)
        #expect(saved.status.code == 303)
        #expect(try store.round(id: roundID)?.title == "Syksyn digikysely (korjattu)")
        #expect(try store.scope(roundID: roundID).isEmpty)
        #expect(try store.openQuestions(roundID: roundID).isEmpty)

        // Open: Järvelä's three active employees with a unit are invited.
        let opened = try post(&hr, "/rounds/\(roundID)/open", [])
        #expect(opened.status.code == 303 && opened.headers["Location"] == "/rounds/\(roundID)?notice=round_opened")
        #expect(try hr.get("/rounds/\(roundID)?notice=round_opened").text.contains("Kysely avattiin vastattavaksi."))
        #expect(try store.round(id: roundID)?.status == .open)
        #expect(try store.participation(roundID: roundID).invited == 3)
        #expect(try post(&hr, "/rounds/\(roundID)/edit", changed).status.code == 409)
        #expect(try post(&hr, "/rounds/\(roundID)/open", []).status.code == 409)

        // Extend: an earlier or equal date is refused with the current date named; a later one is kept.
        let earlier = try post(&hr, "/rounds/\(roundID)/extend", [("closes_on", "2026-09-10")])
        #expect(earlier.status.code == 422)
        #expect(earlier.text.contains("Uuden sulkeutumispäivän pitää olla myöhemmin kuin 21.9.2026."))
        #expect(try post(&hr, "/rounds/\(roundID)/extend", [("closes_on", "huomenna")]).status.code == 422)
        #expect(try store.round(id: roundID)?.closesOn == "2026-09-21")
        #expect(try post(&hr, "/rounds/\(roundID)/extend", [("closes_on", "2026-10-05")]).status.code == 303)
        #expect(try store.round(id: roundID)?.closesOn == "2026-10-05")

        // Close: nothing more to do on the page.
        #expect(try post(&hr, "/rounds/\(roundID)/close", []).status.code == 303)
        #expect(try store.round(id: roundID)?.status == .closed)
        let closed = try hr.get("/rounds/\(roundID)")
        #expect(closed.text.contains("Kierros on suljettu."))
        #expect(!closed.text.contains("/rounds/\(roundID)/extend") && !closed.text.contains("/rounds/\(roundID)/close\""))
        #expect(closed.text.contains("href=\"/rounds/\(roundID)/results\""))
        #expect(try post(&hr, "/rounds/\(roundID)/close", []).status.code == 409)
        #expect(try post(&hr, "/rounds/\(roundID)/delete", []).status.code == 409)

        let actions = try AuditStore(test.database).latest(limit: 50).map(\.action)
        for action in ["round.create", "round.update", "round.open", "round.extend", "round.close"] {
            #expect(actions.contains(action), "\(action) audited")
        }
    }

    @Test func draftCanBeDeletedAndHasNoResultsLink() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test, open: false)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/rounds/\(roundID)")
        #expect(page.text.contains("Avaa nyt") && page.text.contains("Poista luonnos"))
        #expect(!page.text.contains("/rounds/\(roundID)/results"))
        let deleted = try post(&hr, "/rounds/\(roundID)/delete", [])
        #expect(deleted.status.code == 303 && deleted.headers["Location"]?.hasPrefix("/organisations/jarvela/rounds") == true)
        #expect(try SurveyRoundStore(test.database).round(id: roundID) == nil)
    }

    @Test func listAndDetailShowParticipation() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test, title: "Kevään digikysely")
        _ = try RoundFixture.round(world, test, open: false, title: "Luonnoskysely")
        var hr = try test.staffBrowser("hr")
        let list = try hr.get("/organisations/jarvela/rounds")
        #expect(list.status.code == 200)
        let page = list.text
        #expect(page.contains("Kevään digikysely") && page.contains("Luonnoskysely"))
        #expect(page.contains("Avoinna") && page.contains("Luonnos") && page.contains("Nimetön"))
        #expect(page.contains("Digiosaamisen mittari, versio 1"))
        // No one has answered: fewer than the minimum is never shown as a number (watching it move
        // would tell who just answered), and no rate either.
        #expect(page.contains("<td class=\"number\">3</td><td class=\"number\">alle 5</td><td class=\"number\">–</td>"))
        #expect(page.contains("href=\"/organisations/jarvela/rounds/new\""))

        let detail = try hr.get("/rounds/\(roundID)").text
        #expect(detail.contains("<dt>Kutsuttuja</dt><dd>3</dd>"))
        #expect(detail.contains("<dt>Vastanneita</dt><dd>alle 5</dd>") && detail.contains("<dt>Vastausaste</dt><dd>–</dd>"))
        #expect(detail.contains("Koko organisaatio"))

        // The organisation page links to the rounds for HR.
        #expect(try hr.get("/organisations/jarvela").text.contains("href=\"/organisations/jarvela/rounds\""))
    }

    @Test func hrOfAnotherOrganisationGetsNotFound() throws {
        let test = try TestApp()
        let world = try World(test)
        let open = try RoundFixture.round(world, test)
        let draft = try RoundFixture.round(world, test, open: false)
        var other = try test.staffBrowser("hr.koskenkyla")
        #expect(try other.status("/organisations/jarvela/rounds") == 404)
        #expect(try other.status("/organisations/jarvela/rounds/new") == 404)
        #expect(try other.status("/rounds/\(open)") == 404)
        #expect(try other.status("/rounds/\(draft)/edit") == 404)
        #expect(try post(&other, "/rounds/\(draft)/open", []).status.code == 404)
        #expect(try post(&other, "/rounds/\(draft)/delete", []).status.code == 404)
        #expect(try post(&other, "/rounds/\(open)/close", []).status.code == 404)
        #expect(try SurveyRoundStore(test.database).round(id: draft)?.status == .draft)
        #expect(try SurveyRoundStore(test.database).round(id: open)?.status == .open)
        #expect(try other.status("/units/\(try id(world.unitA.id))/surveys") == 404)
    }

    // MARK: Code slips

    @Test func supervisorPrintsValidCodesForTheirUnitOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test, title: "Nimetön digikysely")
        let unitA = try id(world.unitA.id)
        let unitB = try id(world.unitB.id)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get("/units/\(unitA)").text.contains("href=\"/units/\(unitA)/surveys\""))
        let surveys = try supervisor.get("/units/\(unitA)/surveys")
        #expect(surveys.status.code == 200)
        #expect(surveys.text.contains("Nimetön digikysely"))
        #expect(surveys.text.contains("action=\"/units/\(unitA)/surveys/\(roundID)/codes\""))

        let response = try post(&supervisor, "/units/\(unitA)/surveys/\(roundID)/codes", [("count", "7")])
        #expect(response.status.code == 200)
        let page = response.text
        let codes = slipCodes(page)
        #expect(codes.count == 7 && Set(codes).count == 7)
        #expect(page.contains("http://localhost/k"))
        #expect(page.contains("Koodit näytetään vain tämän kerran"))
        #expect(page.contains("lang=\"sv\"") && page.contains("öppna adressen http://localhost/k"))
        // Each slip names its unit and carries a QR code of the code form; no name of a person.
        #expect(page.components(separatedBy: "<p class=\"slip-unit\">\(world.unitA.name)</p>").count == 8)
        #expect(page.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\"").count == 8)
        #expect(!page.contains(world.employeeA.lastName))
        let responses = SurveyResponseStore(test.database)
        for code in codes {
            let normalised = try #require(SurveyCode.normalise(code))
            let stored = try #require(try responses.code(hash: SurveyCode.hash(normalised)))
            #expect(stored.roundID == roundID && stored.unitID == unitA && !stored.used)
        }
        #expect(try responses.codeCounts(roundID: roundID)[unitA]?.created == 7)
        // The page lists the made codes afterwards, never the codes themselves.
        let after = try supervisor.get("/units/\(unitA)/surveys").text
        #expect(!codes.contains { after.contains($0) })
        let audit = try AuditStore(test.database).latest(limit: 10).first { $0.action == "round.codes" }
        #expect(audit?.detail == "7 codes for unit \(unitA) round \(roundID)")
        #expect(!codes.contains { (audit?.detail ?? "").contains($0) })

        // Another supervisor's unit is not there at all.
        #expect(try supervisor.status("/units/\(unitB)/surveys") == 404)
        #expect(try post(&supervisor, "/units/\(unitB)/surveys/\(roundID)/codes", [("count", "3")]).status.code == 404)
        #expect(try responses.codeCounts(roundID: roundID)[unitB] == nil)
    }

    /// The slip's QR code leads to `/k?code=…`: the form comes back filled in, not sent, not cached,
    /// and the code stays unused until the person presses the button. Anything but a well-formed code
    /// in the address is not echoed.
    @Test func codeFormIsPrefilledFromASlipAddressWithoutUsingTheCode() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let slips = try post(&supervisor, "/units/\(try id(world.unitA.id))/surveys/\(roundID)/codes", [("count", "1")]).text
        let code = try #require(slipCodes(slips).first)
        var visitor = Browser(app: test)
        let form = try visitor.get(Paths.codeEntry(prefilled: code.lowercased()))
        #expect(form.status == .ok)
        #expect(form.text.contains("value=\"\(code)\"") && form.text.contains("Lapun koodi on jo kentässä."))
        #expect(form.headers["Cache-Control"] == "no-store")
        #expect(visitor.cookies[surveyCodeCookieName] == nil, "not entered yet")
        let stored = try SurveyResponseStore(test.database).code(hash: SurveyCode.hash(try #require(SurveyCode.normalise(code))))
        #expect(stored?.used == false)
        for junk in ["%22%3E%3Cscript%3E", "ABC", String(repeating: "A", count: 80)] {
            let page = try visitor.get("/k?code=\(junk)")
            #expect(page.status == .ok && page.text.contains("value=\"\"") && !page.text.contains("Lapun koodi on jo"))
        }
        // Entering it is the usual POST, which opens the survey.
        let entered = try visitor.post("/k", ["code": code])
        #expect(entered.status == .seeOther || entered.status == .found)
        #expect(visitor.cookies[surveyCodeCookieName] != nil)
    }

    @Test func codeCountOutOfRangeIsRefused() throws {
        let test = try TestApp()
        let world = try World(test)
        let roundID = try RoundFixture.round(world, test)
        let unitA = try id(world.unitA.id)
        var hr = try test.staffBrowser("hr")
        for typed in ["0", "201", "kymmenen", ""] {
            let response = try post(&hr, "/units/\(unitA)/surveys/\(roundID)/codes", [("count", typed)])
            #expect(response.status.code == 422, "\(typed)")
            #expect(response.text.contains("Anna lappujen määräksi kokonaisluku 1–200."))
        }
        #expect(try SurveyResponseStore(test.database).codeCounts(roundID: roundID).isEmpty)
    }

    @Test func identifiedClosedAndUncoveredRoundsGetNoCodes() throws {
        let test = try TestApp()
        let world = try World(test)
        let unitA = try id(world.unitA.id)
        let identified = try RoundFixture.round(world, test, mode: .identified, title: "Itsearvio")
        let closed = try RoundFixture.round(world, test, title: "Suljettu kysely")
        try SurveyRoundStore(test.database).close(roundID: closed)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/units/\(unitA)/surveys").text
        #expect(!page.contains("Itsearvio") && !page.contains("Suljettu kysely"))
        #expect(page.contains("Tällä yksiköllä ei ole avoinna nimettömiä kyselyitä."))

        let refused = try post(&hr, "/units/\(unitA)/surveys/\(identified)/codes", [("count", "5")])
        #expect(refused.status.code == 409)
        #expect(refused.text.contains("Koodeja voi tehdä vain nimettömään kyselyyn."))
        let late = try post(&hr, "/units/\(unitA)/surveys/\(closed)/codes", [("count", "5")])
        #expect(late.status.code == 409)
        #expect(late.text.contains("Kysely ei ole enää avoinna"))
        // A round of another organisation's unit is no round for this unit.
        let unitC = try id(world.unitC.id)
        var admin = try test.staffBrowser("admin")
        #expect(try post(&admin, "/units/\(unitC)/surveys/\(identified)/codes", [("count", "5")]).status.code == 404)
        let responses = SurveyResponseStore(test.database)
        #expect(try responses.codeCounts(roundID: identified).isEmpty && responses.codeCounts(roundID: closed).isEmpty)
    }

    @Test func slipAddressIgnoresAStrangeHostHeader() throws {
        let test = try TestApp()
        var request = try Request(method: .GET, target: "/", headers: ["Host": "taitotutka.example.fi:8443"], body: [])
        #expect(test.app.siteOrigin(request) == "http://taitotutka.example.fi:8443")
        request = try Request(method: .GET, target: "/", headers: ["Host": "evil.example/\"><script>"], body: [])
        #expect(test.app.siteOrigin(request) == nil)
        request = try Request(method: .GET, target: "/", headers: [:], body: [])
        #expect(test.app.siteOrigin(request) == nil)
    }

    /// The codes on a slips page.
    func slipCodes(_ page: String) -> [String] {
        page.components(separatedBy: "<p class=\"slip-code\">").dropFirst().compactMap { part in
            part.components(separatedBy: "</p>").first
        }
    }
}

/// One count of respondents everywhere: the round list, the round page and the dashboard agree,
/// also while the dashboard's progress is cached and a code answer arrives.
@Suite("One respondent count")
struct RespondentCountTests {
    private func answered(_ html: String) -> String? {
        guard let range = html.range(of: "<dt>Vastanneita</dt><dd>") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "<" })
    }

    private func progressCount(_ html: String) -> String? {
        guard let range = html.range(of: "Vastaajia</dt><dd>") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "<" })
    }

    @Test func theRoundPageAndTheDashboardShowTheSameNumber() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela, minimum: 3)
        let content = try test.content(of: round)
        let scoring = ResponseScoring(content: content)
        let answers = String(repeating: "4", count: scoring.statementCount)
        for employee in [world.employeeA, world.employeeA1, world.employeeB] {
            _ = try SurveyResponseStore(test.database).submit(ResponseSubmission(
                roundID: round.id, respondent: .employee(employee.id), answers: answers,
                areaScores: scoring.areaScores(answers: answers), openAnswers: [:], day: CalendarDate.today()))
        }
        var hr = try test.signIn("hr")
        let dashboard = try hr.get("/rounds/\(round.id)/results")
        #expect(progressCount(dashboard.text) == "3")
        #expect(answered(try hr.get("/rounds/\(round.id)").text) == "3")

        // A code answer arrives while the dashboard's progress is cached.
        let code = SurveyCode.generate()
        let hash = SurveyCode.hash(try #require(SurveyCode.normalise(code)))
        try SurveyResponseStore(test.database).addCodes(hashes: [hash], roundID: round.id, unitID: world.unitB.id,
                                                        day: CalendarDate.today())
        _ = try SurveyResponseStore(test.database).submit(ResponseSubmission(
            roundID: round.id, respondent: .code(hash: hash), answers: answers,
            areaScores: scoring.areaScores(answers: answers), openAnswers: [:], day: CalendarDate.today()))
        let roundPage = answered(try hr.get("/rounds/\(round.id)").text)
        let dashboardNow = progressCount(try hr.get("/rounds/\(round.id)/results").text)
        let listed = try hr.get("/organisations/jarvela/rounds").text
        #expect(roundPage == dashboardNow, "round page \(roundPage ?? "–"), dashboard \(dashboardNow ?? "–")")
        #expect(listed.contains(">\(roundPage ?? "?")<"))
    }
}

@Suite("Supervisor's home page")
struct SupervisorHomeTests {
    @Test func showsTheUnitsOpenRoundWithTheCountFromTheMinimumUpAndTheSlips() throws {
        let test = try TestApp()
        let world = try World(test)
        let third = try EmployeeStore(test.database).create(Employee(
            organisationID: world.jarvela.id, hrNumber: "1003", firstName: "Outi", lastName: "Ojala", unitID: world.unitA1.id))
        let round = try test.openRound(world.jarvela, minimum: 3, title: "Syksyn digikysely")
        var supervisor = try test.signIn("esihenkilo.a")
        var home = try supervisor.get("/")
        #expect(home.text.contains("Yksiköidesi avoimet kyselyt"))
        #expect(home.text.contains("Päiväkoti Satakieli</strong> – Syksyn digikysely"))
        // Unit A with its pre-school group: three invited, none answered yet: under the minimum.
        #expect(home.text.contains("Alle 3 on vastannut; kutsuttuja 3."))
        #expect(home.text.contains("href=\"/units/\(world.unitA.id)/surveys\""))
        #expect(home.text.contains("href=\"/rounds/\(round.id)/results/units/\(world.unitA.id)\""))

        let content = try test.content(of: round)
        let scoring = ResponseScoring(content: content)
        let answers = String(repeating: "3", count: scoring.statementCount)
        for employee in [world.employeeA, world.employeeA1, third] {
            _ = try SurveyResponseStore(test.database).submit(ResponseSubmission(
                roundID: round.id, respondent: .employee(employee.id), answers: answers,
                areaScores: scoring.areaScores(answers: answers), openAnswers: [:], day: CalendarDate.today()))
        }
        // The progress is cached for a few seconds; a fresh application sees the new count.
        let fresh = try TestApp(reopening: test)
        var again = try fresh.signIn("esihenkilo.a")
        home = try again.get("/")
        #expect(home.text.contains("3/3 vastannut (100"))
        // Another unit's supervisor sees only their own unit.
        var other = try test.signIn("esihenkilo.b")
        #expect(!(try other.get("/").text.contains("Päiväkoti Satakieli</strong>")))
    }
}
