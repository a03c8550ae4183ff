import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Metrics
@testable import Storage

/// Dashboards and exports over real responses, with the anonymity rule applied.
@Suite("Results dashboards")
struct ResultsTests {
    /// Järvelä with 8 respondents in unit A's own staff, 3 in sub-unit A1 and 6 in unit B, all answering
    /// `value` to every statement (A1 answers 1, to make it stand out).
    /// `addStaff` false reuses the staff of an earlier call; `valueA` is what unit A's own staff answer.
    static func answeredRound(_ test: TestApp, _ world: World, openAnswer: Bool = true,
                              close: Bool = true, addStaff: Bool = true, valueA: Int = 4) throws -> Stored<SurveyRound> {
        let employees = EmployeeStore(test.database)
        for (unit, count) in addStaff ? [(world.unitA, 8), (world.unitA1, 3), (world.unitB, 6)] : [] {
            for index in 0..<count {
                _ = try employees.create(Employee(
                    organisationID: world.jarvela.id, hrNumber: "R\(unit.id)-\(index)", firstName: "T",
                    lastName: "V", unitID: unit.id, jobGroup: index % 2 == 0 ? "Lastenhoitaja" : "Opettaja"))
            }
        }
        let round = try test.openRound(world.jarvela)
        let content = try test.content(of: round)
        let scoring = ResponseScoring(content: content)
        let question = try SurveyRoundStore(test.database).openQuestions(roundID: round.id).first?.id ?? 0
        let invited = try test.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT employee_id, unit_id FROM survey_invitations WHERE round_id = ?",
                             arguments: [round.id])
        }
        for row in invited {
            let unitID: Int64 = row["unit_id"]
            let value = unitID == world.unitA1.id ? 1 : (unitID == world.unitB.id ? 3 : valueA)
            let answers = String(repeating: String(value), count: scoring.statementCount)
            _ = try SurveyResponseStore(test.database).submit(ResponseSubmission(
                roundID: round.id, respondent: .employee(row["employee_id"]), answers: answers,
                areaScores: scoring.areaScores(answers: answers),
                openAnswers: openAnswer ? [question: "Toive \(unitID)"] : [:], day: CalendarDate.today()))
        }
        guard close else { return round }
        try SurveyRoundStore(test.database).close(roundID: round.id)
        return try #require(try SurveyRoundStore(test.database).round(id: round.id))
    }

    @Test func smallGroupsAndTheirComplementsAreHiddenEverywhere() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try Self.answeredRound(test, world)
        let results = try test.app.roundResults(round)
        let a = world.unitA.id, a1 = world.unitA1.id, b = world.unitB.id
        // Everyone invited answers, the World's three employees too. A1 has 4 respondents: hidden.
        #expect(results.totals(.unit(a1)) == nil)
        // A = 9 own staff + A1's 4: shown.
        #expect(results.totals(.unit(a))?.respondents == 13)
        #expect(results.totals(.unit(b))?.respondents == 7)
        // Own-staff groups are never shown, so A − A1 cannot be read off the page.
        #expect(results.totals(.ownStaff(a)) == nil)
        // The organisation is the sum of A and B: both shown, so nothing hidden can be recovered.
        #expect(results.totals(.organisation)?.respondents == 20)
        let ictMean = try #require(results.totals(.unit(a))?.areaScores[0].mean)
        #expect(abs(ictMean - (9 * 4.0 + 4 * 1.0) / 13) < 1e-9)
        // Three respondents without a job group would be given away by the organisation minus the two
        // named groups, so one named group is hidden as well.
        #expect(results.totals(.jobGroup("")) == nil)
        #expect([results.totals(.jobGroup("Opettaja")), results.totals(.jobGroup("Lastenhoitaja"))]
            .contains { $0 == nil })
    }

    @Test func dashboardsShowWhatTheReaderMaySeeAndExportTheSame() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try Self.answeredRound(test, world)
        let roundID = round.id
        var hr = try test.signIn("hr")
        let organisation = try hr.get("/rounds/\(roundID)/results")
        #expect(organisation.status == .ok)
        #expect(organisation.text.contains("<svg") && organisation.text.contains("Päiväkoti Peippo"))
        let sorted = try hr.get("/rounds/\(roundID)/results?sort=ict-basics")
        #expect(sorted.status == .ok && sorted.text.contains("aria-sort=\"descending\""))
        let unitA1 = try hr.get("/rounds/\(roundID)/results/units/\(world.unitA1.id)")
        #expect(unitA1.status == .ok && unitA1.text.contains("Alle 5 vastausta"))
        #expect(!unitA1.text.contains("1,0"), "no figure of the hidden unit")
        let export = try hr.get("/rounds/\(roundID)/results/units/\(world.unitA.id)/export.csv?separator=semicolon")
        #expect(export.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(export.text.hasPrefix("\u{FEFF}"))
        #expect(export.text.contains(";Alle 5 vastausta;"), "the hidden sub-unit is hidden in the export too")
        // Open answers: A has 13 respondents, above the threshold of 10, and the organisation 20. Both
        // lists together would give B's 7 texts by difference, so only the organisation's is shown.
        #expect(organisation.text.contains("Toive \(world.unitB.id)"))
        let unitA = try hr.get("/rounds/\(roundID)/results/units/\(world.unitA.id)")
        #expect(!unitA.text.contains("Toive"))
        // Standard deviation and every statement's mean are there too (everyone in A's own staff
        // answered 4 and A1 answered 1, so the SD is positive).
        #expect(unitA.text.contains("Keskihajonta") && unitA.text.contains("Kaikkien väittämien keskiarvot"))
        let firstStatement = try test.content(of: round).statementsInOrder.first?.text.fi ?? "?"
        #expect(unitA.text.contains(firstStatement))
        // B has 7: no open answers.
        let unitB = try hr.get("/rounds/\(roundID)/results/units/\(world.unitB.id)")
        #expect(!unitB.text.contains("Toive"))

        var supervisorA = try test.signIn("esihenkilo.a")
        #expect(try supervisorA.get("/rounds/\(roundID)/results/units/\(world.unitA.id)").status == .ok)
        #expect(try supervisorA.get("/rounds/\(roundID)/results/units/\(world.unitB.id)").status == .notFound)
        #expect(try supervisorA.get("/rounds/\(roundID)/results").status == .forbidden)
        #expect(try supervisorA.get("/results").text.contains(world.unitA.name))
        var otherHR = try test.signIn("hr.koskenkyla")
        #expect(try otherHR.get("/rounds/\(roundID)/results").status == .notFound)
        #expect(try otherHR.get("/rounds/\(roundID)/results/export.csv").status == .notFound)
    }

    /// Rounds of two organisations with the same title: the administrator sees them under their
    /// organisations' names; HR of one organisation sees only its own, without an organisation heading.
    @Test func resultsListNamesTheOrganisationWhenSeveral() throws {
        let test = try TestApp()
        let world = try World(test)
        for organisation in [world.jarvela, world.koskenkyla] {
            _ = try test.openRound(organisation, title: "Kevät 2026")
        }
        var admin = try test.signIn("admin")
        let page = try admin.get("/results").text
        let jarvela = try #require(page.range(of: "<h2>\(world.jarvela.name)</h2>"))
        let koskenkyla = try #require(page.range(of: "<h2>\(world.koskenkyla.name)</h2>"))
        // Each organisation's round sits below its own heading.
        let titles = page.ranges(of: "<h3>Kevät 2026</h3>")
        #expect(titles.count == 2)
        let (first, second) = jarvela.lowerBound < koskenkyla.lowerBound ? (jarvela, koskenkyla) : (koskenkyla, jarvela)
        #expect(titles.filter { $0.lowerBound > first.upperBound && $0.lowerBound < second.lowerBound }.count == 1)
        #expect(titles.filter { $0.lowerBound > second.upperBound }.count == 1)
        var hr = try test.signIn("hr")
        let own = try hr.get("/results").text
        #expect(own.contains("<h2>Kevät 2026</h2>"))
        #expect(!own.contains(world.koskenkyla.name) && !own.contains("<h2>\(world.jarvela.name)</h2>"))
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+358 40", "'+358 40"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("−0,3", "−0,3"), ("Päiväkoti", "Päiväkoti"),
    ])
    func exportCellsCannotBecomeFormulas(_ input: String, _ expected: String) {
        #expect(ResultCSV.neutralised(input) == expected)
    }

    @Test func exportQuotesSeparatorsAndQuotes() {
        let table = ResultTable(id: "x", caption: "C", columns: [ResultColumn("Yksikkö", numeric: false), ResultColumn("a")],
                                rows: [ResultRow(label: "Yksikkö; \"A\"", cells: [ResultCell(text: "3,5", export: .number(3.5, digits: 1))])])
        let csv = ResultCSV.write(title: "T", tables: [table], separator: ";")
        #expect(csv.contains("\r\nYksikkö;a\r\n\"Yksikkö; \"\"A\"\"\";3,5\r\n"), "header over its columns, no empty first cell")
        let comma = ResultCSV.write(title: "T", tables: [table], separator: ",")
        #expect(comma.contains("\r\nYksikkö,a\r\n\"Yksikkö; \"\"A\"\"\",3.5\r\n"), "decimal point with commas")
    }

    /// Figures are numbers to a spreadsheet: a plain minus, no plus or apostrophe, the decimal mark of
    /// the variant; only text is neutralised.
    @Test(arguments: [
        (ExportValue.number(0.3, digits: 1), ",", "0,3"), (.number(0.3, digits: 1), ".", "0.3"),
        (.number(-0.25, digits: 2), ",", "-0,25"), (.number(-0.04, digits: 1), ".", "0.0"),
        (.number(3.456, digits: 2), ".", "3.46"), (.number(12, digits: 0), ",", "12"),
        (.number(1234.5, digits: 1), ",", "1234,5"), (.integer(-3), ",", "-3"), (.integer(40000), ".", "40000"),
        (.percent(0.345), ",", "35"), (.text("-2"), ",", "'-2"), (.text("+358"), ".", "'+358"),
        (.text("=A1"), ",", "'=A1"), (.text("Päiväkoti"), ",", "Päiväkoti"),
    ])
    func exportFiguresAreNumbers(_ value: ExportValue, _ mark: String, _ expected: String) {
        #expect(ResultCSV.field(value, Character(mark)) == expected)
    }

    /// Through the router: the unit export of a round with an earlier one has a change column with
    /// negative and positive figures, written as numbers under their headers.
    @Test func unitExportWritesChangesAsNumbersUnderTheirHeaders() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try Self.answeredRound(test, world)
        let round = try Self.answeredRound(test, world, addStaff: false, valueA: 3)
        var hr = try test.signIn("hr")
        let text = try hr.get("/rounds/\(round.id)/results/units/\(world.unitA.id)/export.csv?separator=semicolon").text
        #expect(text.hasPrefix("\u{FEFF}"))
        #expect(!text.contains("'+") && !text.contains("\u{2212}") && !text.contains("'-"))
        let lines = text.dropFirst().components(separatedBy: "\r\n")
        let headerIndex = try #require(lines.firstIndex { $0.hasPrefix("Osa-alue;Keskiarvo;") })
        let header = lines[headerIndex].split(separator: ";", omittingEmptySubsequences: false)
        let row = lines[headerIndex + 1].split(separator: ";", omittingEmptySubsequences: false)
        #expect(header.count == row.count, "one header cell per column")
        let change = try #require(header.firstIndex(of: "Muutos edelliseen"))
        // A's own eight answered 4 and now 3, A1's three 1 both times: (8 × 3 + 3 − 8 × 4 − 3) / 11.
        #expect(row[change] == "-0,7")
        let mean = try #require(header.firstIndex(of: "Keskiarvo"))
        #expect(Double(row[mean].replacingOccurrences(of: ",", with: ".")) != nil)
    }
}
