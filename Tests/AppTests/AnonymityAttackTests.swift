import Crypto
import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Metrics
@testable import Storage

/// Staff and answers for the attack tests, on top of `World`.
private struct AttackFixture {
    let test: TestApp
    let world: World

    /// `count` employees of `unit` in `jobGroup`.
    func staff(_ unit: Stored<WorkUnit>, _ count: Int, jobGroup: String, prefix: String) throws -> [Stored<Employee>] {
        try (0..<count).map { index in
            try EmployeeStore(test.database).create(Employee(
                organisationID: unit.organisationID, hrNumber: "\(prefix)\(index)", firstName: "Etu\(index)",
                lastName: "Suku\(prefix)", unitID: unit.id, jobGroup: jobGroup))
        }
    }

    func unit(_ name: String, parent: Stored<WorkUnit>?, sectorID: Int64?) throws -> Stored<WorkUnit> {
        try UnitStore(test.database).create(WorkUnit(organisationID: world.jarvela.id, sectorID: sectorID,
                                                         parentID: parent?.id, name: name))
    }

    /// Stores a response of `value` to every statement, by an employee or with a new code of `unit`.
    func answer(_ round: Stored<SurveyRound>, _ respondent: Respondent, value: Int, open: String? = nil) throws {
        let content = try test.content(of: round)
        let scoring = ResponseScoring(content: content)
        let answers = String(repeating: String(value), count: scoring.statementCount)
        let question = try SurveyRoundStore(test.database).openQuestions(roundID: round.id).first?.id ?? 0
        let outcome = try SurveyResponseStore(test.database).submit(ResponseSubmission(
            roundID: round.id, respondent: respondent, answers: answers,
            areaScores: scoring.areaScores(answers: answers), openAnswers: open.map { [question: $0] } ?? [:],
            day: CalendarDate.today()))
        guard case .recorded = outcome else { throw TestFailure("not recorded: \(outcome)") }
    }

    func answerWithCode(_ round: Stored<SurveyRound>, unit: Stored<WorkUnit>, value: Int) throws {
        let hash = Data(SHA256.hash(data: Data(UUID().uuidString.utf8)))
        try SurveyResponseStore(test.database).addCodes(hashes: [hash], roundID: round.id, unitID: unit.id,
                                                        day: CalendarDate.today())
        try answer(round, .code(hash: hash), value: value)
    }

    func close(_ round: Stored<SurveyRound>) throws -> Stored<SurveyRound> {
        try SurveyRoundStore(test.database).close(roundID: round.id)
        return try #require(try SurveyRoundStore(test.database).round(id: round.id))
    }
}

extension RoundResults {
    /// Audits what these results publish with a fresh auditor, from the stored responses, independent
    /// of how the shown groups were chosen.
    func independentAudit(_ database: AppDatabase) throws -> DisclosureAudit {
        var counts: [ResponseCell: Int] = [:]
        for response in try SurveyResultsStore(database).roundData(roundID: round.id).responses {
            counts[ResponseCell(unitID: response.unitID, jobGroup: response.jobGroup), default: 0] += 1
        }
        return DisclosureAuditor(minimum: rule.minimumGroupSize).audit(
            cellRespondents: groups.cells.map { counts[$0] ?? 0 }, published: shown.keys.map { groups.members[$0] ?? [] })
    }
}

/// Each way the anonymity of a round was broken, reproduced against the pages and exports.
@Suite("Anonymity against a supervisor with a calculator")
struct AnonymityAttackTests {
    /// Unit A's "answered with a code" row (7) minus its sub-unit A1, whose 5 answers were all given
    /// with codes, gave the 2 code answers of sub-unit A2 exactly.
    @Test func theCodeRowCannotBeDifferencedAgainstASubUnit() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = AttackFixture(test: test, world: world)
        let a2 = try fixture.unit("Satakieli, Ryhmä 2", parent: world.unitA, sectorID: world.unitA.sectorID)
        let own = try fixture.staff(world.unitA, 9, jobGroup: "Lastenhoitaja", prefix: "A")
        let second = try fixture.staff(a2, 6, jobGroup: "Lastenhoitaja", prefix: "R")
        var round = try test.openRound(world.jarvela)
        for person in own + second { try fixture.answer(round, .employee(person.id), value: 4) }
        for _ in 0..<5 { try fixture.answerWithCode(round, unit: world.unitA1, value: 5) }
        for _ in 0..<2 { try fixture.answerWithCode(round, unit: a2, value: 1) }
        round = try fixture.close(round)
        let results = try test.app.roundResults(round)
        let a = world.unitA.id, a1 = world.unitA1.id
        #expect(results.totals(.unitJobGroup(a, "")) == nil || results.totals(.unit(a1)) == nil,
                "both the code row (7) and the sub-unit (5) are shown")
        #expect(try results.independentAudit(test.database).isSafe)
        #expect(results.totals(.unit(a)) != nil, "the unit itself is still shown")
        // The export says the same: one of the two rows carries no figure.
        var hr = try test.signIn("hr")
        let csv = try hr.get("/rounds/\(round.id)/results/units/\(a)/export.csv").text
        let rows = csv.split(separator: "\r\n").map(String.init)
        let codeRow = rows.first { $0.hasPrefix("Ei tiedossa") } ?? ""
        let subUnit = rows.first { $0.hasPrefix("\"Satakieli, esiopetus\"") || $0.hasPrefix("Satakieli, esiopetus") } ?? ""
        #expect(codeRow.contains("Alle 5 vastausta") || subUnit.contains("Alle 5 vastausta") || codeRow.isEmpty,
                "\(codeRow) / \(subUnit)")
    }

    /// A central kitchen (9 cooks and its manager), another kitchen (5 cooks) and the organisation's
    /// cooks (14) gave the manager's answers from HR's export: 10 + 5 − 14.
    @Test func theKitchenManagerCannotBeDifferencedFromHRsTables() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = AttackFixture(test: test, world: world)
        let sector = try SectorStore(test.database).create(organisationID: world.jarvela.id,
                                                           name: "Ruoka- ja puhtauspalvelut")
        let central = try fixture.unit("Keskuskeittiö", parent: nil, sectorID: sector.id)
        let other = try fixture.unit("Koulun keittiö", parent: nil, sectorID: sector.id)
        let school = try fixture.unit("Yhtenäiskoulu", parent: nil, sectorID: nil)
        let cooks = try fixture.staff(central, 9, jobGroup: "Ruokapalvelu", prefix: "K")
            + fixture.staff(other, 5, jobGroup: "Ruokapalvelu", prefix: "L")
        let manager = try fixture.staff(central, 1, jobGroup: "Hallinto", prefix: "M")
        let teachers = try fixture.staff(school, 30, jobGroup: "Opettaja", prefix: "O")
            + fixture.staff(school, 8, jobGroup: "Hallinto", prefix: "H")
        var round = try test.openRound(world.jarvela)
        for person in cooks { try fixture.answer(round, .employee(person.id), value: 3) }
        try fixture.answer(round, .employee(manager[0].id), value: 1)
        for person in teachers { try fixture.answer(round, .employee(person.id), value: 4) }
        round = try fixture.close(round)
        let results = try test.app.roundResults(round)
        let shownAll = [results.totals(.unit(central.id)), results.totals(.unit(other.id)),
                        results.totals(.jobGroup("Ruokapalvelu"))].allSatisfy { $0 != nil }
        #expect(!shownAll, "both kitchens and the cooks are shown")
        #expect(try results.independentAudit(test.database).isSafe)
        #expect(results.totals(.organisation)?.respondents == 53)
    }

    /// While a round was open a supervisor reloading a unit's export saw n go 10 → 11 and each mean
    /// move, and 11 × new − 10 × old gave the new respondent's every answer; the new open answer
    /// appeared at the same moment; "codes used" counted 0 → 1 for a hidden group.
    @Test func anOpenRoundShowsNothingThatMovesWithOneResponse() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = AttackFixture(test: test, world: world)
        let staff = try fixture.staff(world.unitA, 11, jobGroup: "Lastenhoitaja", prefix: "A")
        var round = try test.openRound(world.jarvela)
        for person in staff.prefix(10) {
            try fixture.answer(round, .employee(person.id), value: 4, open: "Toive \(person.hrNumber)")
        }
        var supervisor = try test.signIn("esihenkilo.a")
        let path = "/rounds/\(round.id)/results/units/\(world.unitA.id)"
        let before = try supervisor.get(path + "/export.csv").text
        let page = try supervisor.get(path).text
        try fixture.answer(round, .employee(staff[10].id), value: 1, open: "Uusi toive")
        let after = try supervisor.get(path + "/export.csv").text
        for text in [before, after, page] {
            #expect(!text.contains("Keskiarvo") && !text.contains("4,0") && !text.contains("<svg"),
                    "a figure of the answers is shown while the round is open")
            #expect(!text.contains("Toive"), "an open answer is shown while the round is open")
        }
        #expect(page.contains("Vastanneet tähän mennessä") && page.contains("Tulokset julkaistaan, kun kysely päättyy")
                || page.contains("julkaistaan"))
        // The count may move (10 → 11), but a sub-unit under the minimum is never a number.
        #expect(after.contains("Satakieli, esiopetus") && after.contains("Alle 5 vastausta"))
        // Codes used for the sub-unit: one of three, shown as "fewer than 5".
        var hr = try test.signIn("hr")
        _ = try hr.get("/units/\(world.unitA1.id)/surveys")
        _ = try hr.post("/units/\(world.unitA1.id)/surveys/\(round.id)/codes", ["count": "3"])
        let slips = try hr.get("/units/\(world.unitA1.id)/surveys").text
        #expect(slips.contains("<dt>Koodeja käytetty</dt><dd>alle 5</dd>"))
        // Closed: now the figures and (11 ≥ 10) the open answers appear, all at once.
        round = try fixture.close(round)
        let closed = try supervisor.get(path).text
        #expect(closed.contains("<svg") && closed.contains("Keskiarvo") && closed.contains("Uusi toive"))
    }

    /// A round's unit tree is the one it opened with: moving a unit later changes no published figure
    /// of a closed round (which would let anyone difference the before and the after).
    @Test func movingAUnitAfterwardsChangesNoPublishedFigure() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        var moved = world.unitA1
        moved.parentID = world.unitB.id
        try UnitStore(test.database).update(moved)
        let hierarchy = try test.app.roundHierarchy(round)
        #expect(hierarchy.tree.nodes[world.unitA1.id]?.parentID == world.unitA.id)
        #expect(hierarchy.children[world.unitA.id] == [world.unitA1.id])
    }
}

/// The own profile shown after answering: a cookie that could be forged with the sign-in form's
/// token, outlived sign-out, and showed the previous person's scores on a shared tablet.
@Suite("The own-profile cookie")
struct ProfileCookieTests {
    /// tyontekija answers every statement 5 and lands on the thank-you page.
    static func answered(_ test: TestApp, _ world: World) throws -> (Browser, Stored<SurveyRound>, String) {
        let round = try test.openRound(world.jarvela)
        var browser = try test.signIn("tyontekija")
        let base = "/surveys/\(round.id)"
        try SurveyFlowTests.answerAll(&browser, base: base, content: try test.content(of: round), value: "5")
        _ = try browser.get("\(base)/review")
        _ = try browser.post("\(base)/submit", [:])
        return (browser, round, base)
    }

    @Test func itIsShownOnceThenOnlyOnRequestAndDoneClearsIt() throws {
        let test = try TestApp()
        let world = try World(test)
        var (browser, _, base) = try Self.answered(test, world)
        #expect(try browser.get("\(base)/thanks").text.contains("<svg"))
        let again = try browser.get("\(base)/thanks").text
        #expect(!again.contains("<svg") && again.contains("Näytä profiilini uudelleen"))
        #expect(try browser.post("\(base)/thanks", ["go": "show"]).text.contains("<svg"))
        let done = try browser.post("\(base)/thanks", ["go": "finish"])
        #expect(done.status.code == 303 && done.headers.values("Set-Cookie").contains { $0.hasPrefix("tt_profile=;") })
        #expect(!(try browser.get("\(base)/thanks").text.contains("<svg")))
    }

    @Test func theSignInFormsTokenIsNoProfile() throws {
        let test = try TestApp()
        let world = try World(test)
        var (browser, round, base) = try Self.answered(test, world)
        let area = try #require(try test.content(of: round).areas.first?.area.id)
        // The old attack: a form cookie chosen to be a profile payload, signed by the sign-in page.
        let payload = "\(round.id).\(Int(Date().timeIntervalSince1970)).0.\(area)x100"
        var anonymous = Browser(app: test)
        anonymous.cookies["tt_form"] = payload
        _ = try anonymous.get("/sign-in")
        let token = try #require(anonymous.csrfToken)
        browser.cookies[ProfileCookie.name] = payload + "." + token
        let page = try browser.get("\(base)/thanks").text
        #expect(!page.contains("<svg") && !page.contains("1,0"))
    }

    @Test func itBelongsToOneSessionAndLeavesAtSignOut() throws {
        let test = try TestApp()
        let world = try World(test)
        var (browser, _, base) = try Self.answered(test, world)
        let cookie = try #require(browser.cookies[ProfileCookie.name])
        var other = try test.signIn("tyontekija")
        other.cookies[ProfileCookie.name] = cookie
        #expect(!(try other.get("\(base)/thanks").text.contains("<svg")), "valid in another session")
        _ = try browser.get("/")
        let signedOut = try browser.post("/sign-out", [:])
        #expect(signedOut.headers.values("Set-Cookie").contains { $0.hasPrefix("tt_profile=;") && $0.contains("Max-Age=0") })
    }

    @Test func itLivesTenMinutes() {
        let cookies = ProfileCookie(key: Array(repeating: 7, count: 32))
        let now = Date()
        let content = ProfileCookie.Content(roundID: 3, scores: [1: 4.5], issuedAt: Int(now.timeIntervalSince1970),
                                            shown: false)
        let binding = Data([1, 2, 3])
        guard let value = cookies.make(content, binding: binding, secure: false)?.value else {
            Issue.record("no cookie"); return
        }
        #expect(cookies.read(value, roundID: 3, binding: binding, now: now) == content)
        #expect(cookies.read(value, roundID: 3, binding: binding, now: now.addingTimeInterval(601)) == nil)
        #expect(cookies.read(value, roundID: 3, binding: Data([9]), now: now) == nil)
        #expect(cookies.read(value, roundID: 4, binding: binding, now: now) == nil)
        #expect(ProfileCookie(key: Array(repeating: 8, count: 32)).read(value, roundID: 3, binding: binding, now: now) == nil)
    }

    @Test func aNewCodeOnASharedTabletClearsThePreviousProfile() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        let codes = [SurveyCode.generate(), SurveyCode.generate()]
        try SurveyResponseStore(test.database).addCodes(
            hashes: codes.compactMap { SurveyCode.normalise($0).map(SurveyCode.hash) }, roundID: round.id,
            unitID: world.unitB.id, day: CalendarDate.today())
        var tablet = Browser(app: test)
        _ = try tablet.get("/k")
        _ = try tablet.post("/k", ["code": codes[0]])
        try SurveyFlowTests.answerAll(&tablet, base: "/k/survey", content: try test.content(of: round), value: "2")
        _ = try tablet.get("/k/survey/review")
        _ = try tablet.post("/k/survey/submit", [:])
        #expect(tablet.cookies[ProfileCookie.name] != nil)
        // The next person types their own code: the first person's profile goes.
        _ = try tablet.get("/k")
        let entered = try tablet.post("/k", ["code": codes[1]])
        #expect(entered.headers.values("Set-Cookie").contains { $0.hasPrefix("tt_profile=;") })
        #expect(tablet.cookies[ProfileCookie.name] == nil)
    }
}

/// A copy of the database file and its write-ahead log, taken right after a round answered through
/// the web pages, replayed commit by commit.
@Suite("Anonymity against a copy of the database")
struct DatabaseCopyTests {
    @Test func replayingTheLogTiesNoResponseToAPerson() throws {
        let test = try TestApp(scrubDelay: 3600)
        let world = try World(test)
        let fixture = AttackFixture(test: test, world: world)
        let people = try fixture.staff(world.unitA, 4, jobGroup: "Lastenhoitaja", prefix: "V")
        let hash = try PasswordHasher(rounds: 1000).hash(TestApp.password)
        for (index, person) in people.enumerated() {
            let user = try UserStore(test.database).create(User(login: "vastaaja\(index)", passwordHash: hash,
                                                                employeeID: person.id))
            _ = try UserStore(test.database).assign(RoleAssignment(userID: user.id, role: .employee))
        }
        let round = try test.openRound(world.jarvela)
        let content = try test.content(of: round)
        let before = try test.database.pool.read { try WALReplay.rows($0, "survey_invitations") }
        var secrets: [String] = []
        for (index, _) in people.enumerated() {
            var browser = try test.signIn("vastaaja\(index)")
            let base = "/surveys/\(round.id)"
            let text = "Salainen toive \(index)"
            secrets.append(text)
            try SurveyFlowTests.answerAll(&browser, base: base, content: content, value: String(index % 5 + 1),
                                          openAnswer: text)
            _ = try browser.get("\(base)/review")
            _ = try browser.post("\(base)/submit", [:])
        }
        // Codes printed by the supervisor and answered at a tablet.
        var supervisor = try test.signIn("esihenkilo.a")
        _ = try supervisor.get("/units/\(world.unitA1.id)/surveys")
        let slips = try supervisor.post("/units/\(world.unitA1.id)/surveys/\(round.id)/codes", ["count": "2"])
        let codes = slips.text.components(separatedBy: "<p class=\"slip-code\">").dropFirst()
            .compactMap { $0.components(separatedBy: "<").first }
        #expect(codes.count == 2)
        for (index, code) in codes.enumerated() {
            var tablet = Browser(app: test)
            _ = try tablet.get("/k")
            _ = try tablet.post("/k", ["code": code])
            let text = "Koodilla kirjoitettu \(index)"
            secrets.append(text)
            try SurveyFlowTests.answerAll(&tablet, base: "/k/survey", content: content, value: "3", openAnswer: text)
            _ = try tablet.get("/k/survey/review")
            _ = try tablet.post("/k/survey/submit", [:])
        }
        #expect(try SurveyResultsStore(test.database).roundData(roundID: round.id).responses.count == 6)

        // What a thief copies now.
        let path = test.folder + "/test.sqlite"
        let replay = try WALReplay(databasePath: path)
        let images = replay.commitImages()
        #expect(images.count > 20, "the log holds the session's history")
        let personTables = ["employees", "users", "sessions", "audit_log", "role_assignments", "survey_invitations",
                            "survey_response_owners"]
        var previous: [String: Set<String>] = [:]
        var responseCommits = 0
        for image in [replay.main] + images {
            let queue = try WALReplay.open(image, in: test.folder)
            let state = try queue.read { db in
                var tables: [String: Set<String>] = [:]
                for table in personTables + ["survey_responses", "survey_answer_credentials", "survey_drafts"] {
                    tables[table] = try WALReplay.rows(db, table)
                }
                return tables
            }
            if let old = previous["survey_responses"], let new = state["survey_responses"], new.count > old.count {
                responseCommits += 1
                for table in personTables {
                    #expect(state[table] == previous[table], "the commit that stored a response changed \(table)")
                }
            }
            // Nothing in a survey table carries an employee's id or number in the clear.
            for row in (state["survey_answer_credentials"] ?? []).union(state["survey_drafts"] ?? []) {
                #expect(!row.contains("employee"))
            }
            previous = state
        }
        #expect(responseCommits == 6, "every response was replayed")
        #expect(previous["survey_invitations"] == before, "answering changed the invitations")
        // No open answer, in any frame, stale or not, nor in the main file.
        let bytes = replay.main + replay.log
        for text in secrets + ["employee:"] {
            #expect(!AnonymityAttackTests.contains(bytes, text), "\(text) is readable in the copy")
        }
        // And once the scrubber has run the log is empty.
        #expect(test.database.scrubHistory())
        #expect((try? WALReplay(databasePath: path))?.log.isEmpty == true)
    }
}

extension AnonymityAttackTests {
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first, haystack.count >= bytes.count else { return false }
        for start in 0...(haystack.count - bytes.count) where haystack[start] == first {
            if Array(haystack[start..<start + bytes.count]) == bytes { return true }
        }
        return false
    }
}
