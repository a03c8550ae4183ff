import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Answering a round through the real pages: by sign-in and by one-time code, once only.
@Suite("Survey flow")
struct SurveyFlowTests {
    /// Answers every area with `value` (or "cant"), then the open question, as a browser would.
    static func answerAll(_ browser: inout Browser, base: String, content: FrameworkContent, value: String = "4",
                          openAnswer: String = "Lisää aikaa oppia") throws {
        for (index, area) in content.areas.enumerated() {
            let page = try browser.get("\(base)/areas/\(index + 1)")
            #expect(page.status == .ok)
            #expect(page.text.contains("\(index + 1) / \(content.areas.count)"))
            var fields = ["go": "next"]
            for statement in area.statements { fields["s\(statement.id)"] = value }
            let saved = try browser.post("\(base)/areas/\(index + 1)", fields)
            #expect(saved.status.code == 303)
        }
        let questions = try browser.get("\(base)/questions")
        let name = try #require(questions.text.range(of: "name=\"q").map { range in
            String(questions.text[range.upperBound...].prefix { $0.isNumber })
        })
        _ = try browser.post("\(base)/questions", ["q\(name)": openAnswer, "go": "next"])
    }

    static func count(_ test: TestApp, _ sql: String) throws -> Int {
        try test.database.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    @Test func anEmployeeAnswersEveryAreaReviewsAndSubmitsOnce() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        let content = try test.content(of: round)
        var browser = try test.signIn("tyontekija")
        let mine = try browser.get("/surveys")
        #expect(mine.text.contains(round.title))
        let base = "/surveys/\(round.id)"
        #expect(try browser.get(base).status == .ok)
        try Self.answerAll(&browser, base: base, content: content)
        let review = try browser.get("\(base)/review")
        #expect(review.status == .ok && review.text.contains("Lisää aikaa oppia"))
        let token = try #require(browser.csrfToken)
        let submitted = try browser.post("\(base)/submit", [:], token: token)
        #expect(submitted.status.code == 303 && submitted.headers["Location"] == "\(base)/thanks")
        // A double click or a resent form: the same token, the same form, no second response.
        let again = try browser.post("\(base)/submit", [:], token: token)
        #expect(again.headers["Location"] == "\(base)/thanks")
        #expect(try Self.count(test, "SELECT count(*) FROM survey_responses") == 1)
        #expect(try Self.count(test, "SELECT count(*) FROM survey_drafts") == 0)
        let stored = try SurveyResultsStore(test.database).roundData(roundID: round.id)
        #expect(stored.responses.first?.areaScores.count == content.areas.count)
        #expect(stored.openAnswers.count == 1)
        let thanks = try browser.get("\(base)/thanks")
        #expect(thanks.status == .ok)
        #expect(thanks.text.contains("<svg") && thanks.text.contains("4,0"), "own profile with scores of 4")
        // The back button to an area page after submitting leads to the round's page, not a form.
        let back = try browser.get("\(base)/areas/1")
        #expect(back.status.code == 303 && back.headers["Location"] == base)
    }

    @Test func answersAreSavedToContinueLaterAndBadValuesAreRefused() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        let content = try test.content(of: round)
        var browser = try test.signIn("tyontekija")
        let base = "/surveys/\(round.id)"
        _ = try browser.get("\(base)/areas/2")
        let first = try #require(content.areas[1].statements.first?.id)
        let saved = try browser.post("\(base)/areas/2", ["s\(first)": "cant", "go": "save"])
        #expect(saved.headers["Location"] == "\(base)?notice=survey_saved")
        let page = try browser.get("\(base)/areas/2")
        #expect(page.text.contains("id=\"s\(first)-cant\" name=\"s\(first)\" value=\"cant\" checked"))
        #expect(try browser.post("\(base)/areas/2", ["s\(first)": "9", "go": "next"]).status == .badRequest)
        #expect(try browser.post("\(base)/areas/2", ["s\(first)": "<script>", "go": "next"]).status == .badRequest)
        #expect(try browser.get("\(base)/areas/0").status == .notFound)
        #expect(try browser.get("\(base)/areas/99").status == .notFound)
        // The draft survived the refused posts.
        #expect(try browser.get("\(base)/areas/2").text.contains("value=\"cant\" checked"))
        // Nothing answered yet beyond one can't-say: the review allows sending; an empty draft does not.
        #expect(try browser.get("\(base)/review").text.contains("name=\"csrf_token\""))
    }

    @Test func aOneTimeCodeOpensItsUnitOnceAndGuessesAreThrottled() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        let content = try test.content(of: round)
        let code = SurveyCode.generate()
        try SurveyResponseStore(test.database).addCodes(
            hashes: [SurveyCode.hash(try #require(SurveyCode.normalise(code)))], roundID: round.id,
            unitID: world.unitB.id, day: CalendarDate.today())
        var browser = Browser(app: test)
        #expect(try browser.get("/k/survey").headers["Location"] == "/k")
        _ = try browser.get("/k")
        let typed = " " + code.lowercased().replacingOccurrences(of: "-", with: " ") + " "
        let entered = try browser.post("/k", ["code": typed])
        #expect(entered.status.code == 303 && entered.headers["Location"] == "/k/survey")
        try Self.answerAll(&browser, base: "/k/survey", content: content, value: "2", openAnswer: "Tukea")
        _ = try browser.get("/k/survey/review")
        let submitted = try browser.post("/k/survey/submit", [:])
        #expect(submitted.headers["Location"] == "/k/survey/thanks")
        #expect(try browser.get("/k/survey/thanks").text.contains("2,0"))
        let stored = try SurveyResultsStore(test.database).roundData(roundID: round.id).responses
        #expect(stored.map(\.unitID) == [world.unitB.id] && stored.first?.jobGroup == "")
        // Used once: the same code again is refused with a clear message.
        var other = Browser(app: test)
        _ = try other.get("/k")
        let reused = try other.post("/k", ["code": code])
        #expect(reused.status == .unprocessableContent)
        // Wrong guesses from one address are slowed down.
        var statuses: [Int] = []
        for _ in 0..<12 {
            statuses.append(try other.post("/k", ["code": "AAAAA-AAAAA"]).status.code)
        }
        #expect(statuses.first == 422 && statuses.last == 429)
    }

    @Test func identifiedSelfAssessmentsBelongToTheEmployeeAndShowInTheirHistory() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela, mode: .identified)
        let content = try test.content(of: round)
        var browser = try test.signIn("tyontekija")
        let base = "/surveys/\(round.id)"
        try Self.answerAll(&browser, base: base, content: content, value: "5")
        _ = try browser.get("\(base)/review")
        _ = try browser.post("\(base)/submit", [:])
        #expect(try Self.count(test, "SELECT count(*) FROM survey_response_owners WHERE employee_id = \(world.employeeA.id)") == 1)
        let mine = try browser.get("/surveys")
        #expect(mine.text.contains("5,0"))
        // Without the cookie (another device), the identified profile still shows from the database.
        browser.cookies[ProfileCookie.name] = nil
        #expect(try browser.get("\(base)/thanks").text.contains("5,0"))
    }

    @Test func aClosedRoundTakesNoAnswers() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela)
        try SurveyRoundStore(test.database).close(roundID: round.id)
        var browser = try test.signIn("tyontekija")
        let base = "/surveys/\(round.id)"
        #expect(try browser.get(base).text.contains("Kysely ei ole nyt avoinna."))
        #expect(try browser.get("\(base)/areas/1").headers["Location"] == base)
        _ = try browser.get(base)
        #expect(try browser.post("\(base)/submit", [:]).headers["Location"] == base)
        #expect(try Self.count(test, "SELECT count(*) FROM survey_responses") == 0)
    }
}

@Suite("Identified self-assessments on the employee page")
struct SelfAssessmentVisibilityTests {
    @Test func theEmployeeTheirSupervisorAndHRSeeItOthersDoNot() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela, mode: .identified)
        let content = try test.content(of: round)
        let answers = String(repeating: "5", count: ResponseScoring(content: content).statementCount)
        _ = try SurveyResponseStore(test.database).submit(ResponseSubmission(
            roundID: round.id, respondent: .employee(world.employeeA.id), answers: answers,
            areaScores: ResponseScoring(content: content).areaScores(answers: answers), openAnswers: [:],
            day: CalendarDate.today()))
        let path = "/employees/\(world.employeeA.id)"
        for login in ["tyontekija", "esihenkilo.a", "hr"] {
            var browser = try test.signIn(login)
            let page = try browser.get(login == "tyontekija" ? "/me" : path)
            #expect(page.status == .ok && page.text.contains("Itsearviointi") && page.text.contains("5,0"), "\(login)")
            // The person sees "Sinä"; their supervisor and HR see whose assessment it is.
            let label = login == "tyontekija" ? "Sinä" : "Aino Aaltonen"
            #expect(page.text.contains("<th scope=\"col\" class=\"number\">\(label)</th>"), "\(login)")
            #expect(page.text.contains(">\(label)</text>") || page.text.contains(">\(label)<"), "\(login): chart legend")
            if login != "tyontekija" { #expect(!page.text.contains(">Sinä<"), "\(login)") }
        }
        var other = try test.signIn("esihenkilo.b")
        #expect(try other.get(path).status == .notFound)
        // An anonymous round's response never shows on anyone's page.
        let anonymous = try test.openRound(world.jarvela)
        _ = try SurveyResponseStore(test.database).submit(ResponseSubmission(
            roundID: anonymous.id, respondent: .employee(world.employeeA1.id), answers: answers,
            areaScores: [:], openAnswers: [:], day: CalendarDate.today()))
        var hr = try test.signIn("hr")
        #expect(!(try hr.get("/employees/\(world.employeeA1.id)").text.contains("Itsearviointi")))
    }
}
