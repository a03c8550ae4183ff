import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Metrics
@testable import Storage

/// The dashboards' layout: what matters first in the main tables, the rest on request, sorting both
/// ways with `aria-sort` and a visible marker, the below-target symbol, the keys and the explanations.
@Suite("Dashboard layout")
struct DashboardLayoutTests {
    // MARK: Reading the served HTML

    /// The HTML of the table with this id (`<table … id="ID-table">` to `</table>`).
    static func table(_ html: String, id: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)-table\""), "no table \(id)")
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Text without tags and without what is only for screen readers.
    static func visibleText(_ html: String) -> String {
        html.replacing(#/<span class="visually-hidden">[^<]*</span>/#, with: "")
            .replacing(#/<[^>]+>/#, with: "")
            .replacingOccurrences(of: "&amp;", with: "&")
            .trimmingCharacters(in: .whitespaces)
    }

    /// The column headings of a table, as seen.
    static func headings(_ table: String) -> [String] {
        table.matches(of: #/<th scope="col"[^>]*>(.*?)</th>/#).map { visibleText(String($0.output.1)) }
    }

    /// The column headings' opening tags, for their attributes.
    static func headingTags(_ table: String) -> [String] {
        table.matches(of: #/<th scope="col"[^>]*>/#).map { String($0.output) }
    }

    /// The row labels of a table, top to bottom.
    static func rowLabels(_ table: String) -> [String] {
        table.matches(of: #/<th scope="row">(.*?)</th>/#).map { visibleText(String($0.output.1)) }
    }

    /// The cells of the row labelled `label`.
    static func cells(_ table: String, row label: String) throws -> [String] {
        let rows = table.matches(of: #/<tr[^>]*><th scope="row">(.*?)</th>(.*?)</tr>/#)
        let row = try #require(rows.first { visibleText(String($0.output.1)) == label }, "no row \(label)")
        return String(row.output.2).matches(of: #/<td[^>]*>(.*?)</td>/#).map { String($0.output.1) }
    }

    static func areaName(_ content: FrameworkContent, _ code: String) throws -> String {
        try #require(content.areas.first { $0.area.code == code }).area.name.fi
    }

    // MARK: Through the router

    /// Unit A's dashboard: the main table has the area, mean, target, gap and change, in that order;
    /// every figure is in a details element below; a gap below the target carries a symbol and words
    /// besides its colour; the keys and the explanations are there, with no raw string key anywhere.
    @Test func mainTableShowsWhatMattersFirstAndTheRestOnRequest() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try ResultsTests.answeredRound(test, world)
        let round = try ResultsTests.answeredRound(test, world, addStaff: false, valueA: 3)
        var supervisor = try test.signIn("esihenkilo.a")
        let page = try supervisor.get("/rounds/\(round.id)/results/units/\(world.unitA.id)")
        #expect(page.status == .ok)
        let html = page.text
        let main = try Self.table(html, id: "areas")
        #expect(Self.headings(main) == ["Osa-alue", "Keskiarvo", "Tavoite", "Ero tavoitteeseen", "Muutos edelliseen"])
        let full = try Self.table(html, id: "areas-all")
        #expect(Self.headings(full).contains("Keskihajonta") && Self.headings(full).contains("95 %:n luottamusväli"))
        #expect(!Self.headings(main).contains("Keskihajonta"))
        // The full table sits inside a closed details element, after the main one.
        let details = try #require(html.range(of: "<details class=\"all-figures\">"))
        let fullStart = try #require(html.range(of: "id=\"areas-all-table\""))
        let mainStart = try #require(html.range(of: "id=\"areas-table\""))
        #expect(mainStart.lowerBound < details.lowerBound && details.lowerBound < fullStart.lowerBound)

        // A's nine own staff answered 3 and A1's four 1 (the World's employees among them):
        // (9 × 3 + 4 × 1) / 13 ≈ 2,4 against a target of 4,0 for the basics, and 3,1 the round before.
        let content = try test.content(of: round)
        let basics = try Self.areaName(content, "ict-basics")
        let cells = try Self.cells(main, row: basics)
        #expect(cells.count == 4)
        let gap = cells[2]
        #expect(gap.hasPrefix("−") || gap.hasPrefix("-"))
        #expect(gap.contains("<span class=\"flag-symbol\" aria-hidden=\"true\">!</span>"),
                "a gap below the target has a symbol, not only a colour")
        #expect(gap.contains("<span class=\"visually-hidden\"> (alle tavoitteen)</span>"))
        #expect(cells[3].hasPrefix("−") || cells[3].hasPrefix("-"), "A fell from 4 to 3: the change is negative")
        // The key names the symbol and the shades; the distribution bars have a key of their colours.
        #expect(html.contains("<ul class=\"flag-key\"><li><span class=\"flag-symbol below-target\" aria-hidden=\"true\">!</span> alle tavoitteen</li></ul>"))
        #expect(html.contains("<li class=\"heat-1\">1,0–1,7</li>") && html.contains("<li class=\"heat-5\">4,2–5,0</li>"))
        #expect(html.contains("Täysin eri mieltä") && html.contains("En osaa sanoa</li>"))
        // The distribution's shares are words on the page, under each bar.
        #expect(full.contains("<span class=\"distribution-text\">1: "))
        // Plain-language explanations of the statistics, in a details element.
        #expect(html.contains("<details class=\"explanations\">"))
        #expect(html.contains("<dt>Keskihajonta</dt><dd>Kertoo, kuinka paljon vastaajien pisteet eroavat"))
        #expect(html.contains("<dt>95 %:n luottamusväli</dt><dd>Kertoo, kuinka tarkka keskiarvo on."))
        #expect(html.contains("vastaajia on vähintään 5."), "the round's minimum group size, filled in")
        #expect(html.contains("merkki ! kertovat"), "the gap's explanation names the symbol it uses")
        #expect(html.firstMatch(of: #/[^a-z_](results|profile)_[a-z_]+/#) == nil, "a raw string key on the page")
        // The export keeps every column, whatever the page shows first.
        let export = try supervisor.get("/rounds/\(round.id)/results/units/\(world.unitA.id)/export.csv").text
        #expect(export.contains("Keskihajonta") && export.contains("Vastausten jakauma"))
        #expect(!export.contains("alle tavoitteen"), "the flag is the page's; the export's figure says it")
    }

    /// The area tables sort by mean, gap or change either way: the sorted heading has `aria-sort`
    /// and a visible marker, and its link goes the other way round; "weakest first" is a link of its own.
    @Test func areaTablesSortBothWaysWithAVisibleMarker() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try ResultsTests.answeredRound(test, world)
        let content = try test.content(of: round)
        var hr = try test.signIn("hr")
        let base = "/rounds/\(round.id)/results/units/\(world.unitA.id)"
        // Every area has the same mean here; the targets differ (4,0 for the basics and security,
        // 3,5 for the rest), so the gaps put those two first when weakest first and last otherwise.
        let higherTargets = [try Self.areaName(content, "ict-basics"), try Self.areaName(content, "information-security")]
        let competence = content.areas.filter { $0.area.kind == .competence }.map(\.area.name.fi)

        let framework = try Self.table(try hr.get(base).text, id: "areas")
        #expect(Self.rowLabels(framework) == competence, "the framework's order when none is chosen")
        #expect(!Self.headingTags(framework).contains { $0.contains("aria-sort") })

        let ascendingPage = try hr.get(base + "?area-sort=gap&area-dir=asc").text
        let ascending = try Self.table(ascendingPage, id: "areas")
        #expect(Array(Self.rowLabels(ascending).prefix(2)) == higherTargets)
        let gapHeading = try #require(ascending.firstMatch(of: #/<th scope="col"[^>]*aria-sort="ascending"[^>]*>(.*?)</th>/#))
        let gapText = String(gapHeading.output.1)
        #expect(Self.visibleText(gapText) == "Ero tavoitteeseen▲")
        #expect(gapText.contains("area-sort=gap&amp;area-dir=desc"), "the sorted heading's link turns the order round")
        #expect(gapText.contains("järjestä vahvimmat ensin"))
        #expect(Self.headingTags(ascending).filter { $0.contains("aria-sort") }.count == 1)

        let descending = try Self.table(try hr.get(base + "?area-sort=gap&area-dir=desc").text, id: "areas")
        #expect(Array(Self.rowLabels(descending).suffix(2)) == higherTargets)
        #expect(descending.contains("aria-sort=\"descending\""))
        #expect(Self.headings(descending).contains("Ero tavoitteeseen▼"))

        // The order links: the framework's, and weakest first (the lowest mean first).
        let links = try #require(ascendingPage.firstMatch(
            of: #/<div class="table-links no-print"><span class="links-label">Järjestys:</span><ul>(.*?)</ul>/#))
        #expect(links.output.1.contains("Mittarin järjestys") && links.output.1.contains("area-sort=mean&amp;area-dir=asc"))
        let weakestFirst = try hr.get(base + "?area-sort=mean&area-dir=asc").text
        #expect(weakestFirst.contains("<strong aria-current=\"true\">Heikoimmat ensin</strong>"))
        // Unknown values are dropped, not carried into the links: the page is the unsorted one.
        let junk = try hr.get(base + "?area-sort=%3Cscript%3E&area-dir=sideways&sort=%3Cb%3E").text
        let junkTable = try Self.table(junk, id: "areas")
        #expect(!junk.contains("<script>") && !junk.contains("aria-sort"))
        #expect(!junkTable.lowercased().contains("script") && !junkTable.contains("sideways") && !junkTable.contains("%3C"))
        #expect(Self.rowLabels(junkTable) == competence)
    }

    /// The group tables sort by an area's mean either way, hidden groups last both ways; they show
    /// the competence areas, and the factors too only on request.
    @Test func groupTablesSortBothWaysAndShowFactorsOnRequest() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try ResultsTests.answeredRound(test, world)
        let content = try test.content(of: round)
        var hr = try test.signIn("hr")
        let base = "/rounds/\(round.id)/results"
        // A (mean about 3,1) and B (3,0) are the top-level units.
        let ascending = try Self.table(try hr.get(base + "?sort=ict-basics&dir=asc").text, id: "units")
        #expect(Self.rowLabels(ascending) == [world.unitB.name, world.unitA.name])
        #expect(ascending.contains("aria-sort=\"ascending\""))
        let descending = try Self.table(try hr.get(base + "?sort=ict-basics&dir=desc").text, id: "units")
        #expect(Self.rowLabels(descending) == [world.unitA.name, world.unitB.name])
        #expect(Self.headings(descending).contains(try Self.areaName(content, "ict-basics") + "▼"))

        let factor = try Self.areaName(content, "colleagues")
        let page = try hr.get(base).text
        let units = try Self.table(page, id: "units")
        #expect(!Self.headings(units).contains(factor), "factors' columns only on request")
        #expect(Self.headings(units).contains(try Self.areaName(content, "client-guidance")))
        #expect(page.contains("columns=all#units-heading\">Näytä myös osaamiseen vaikuttavat tekijät</a>"))
        let all = try Self.table(try hr.get(base + "?columns=all").text, id: "units")
        #expect(Self.headings(all).contains(factor))
        // Sorted by a factor, the table shows the factor it is sorted by.
        let byFactor = try Self.table(try hr.get(base + "?sort=colleagues").text, id: "units")
        #expect(Self.headings(byFactor).contains(factor + "▼"))
    }

    /// Someone's own profile marks a score below its target with a symbol and words, and keys it.
    @Test func ownProfileMarksScoresBelowTargetBesidesColour() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try test.openRound(world.jarvela, mode: .identified)
        let content = try test.content(of: round)
        let scoring = ResponseScoring(content: content)
        let answers = String(repeating: "3", count: scoring.statementCount)
        _ = try SurveyResponseStore(test.database).submit(ResponseSubmission(
            roundID: round.id, respondent: .employee(world.employeeA.id), answers: answers,
            areaScores: scoring.areaScores(answers: answers), openAnswers: [:], day: CalendarDate.today()))
        var employee = try test.signIn("tyontekija")
        let page = try employee.get("/surveys").text
        let profile = try #require(page.range(of: "id=\"profile-caption\"")).lowerBound
        let table = String(page[profile...])
        // 3,0 against 4,0 (basics) and 3,5 (the others): every competence area is below.
        #expect(table.contains("3,0<span class=\"flag-symbol\" aria-hidden=\"true\">!</span><span class=\"visually-hidden\"> (alle tavoitteen)</span>"))
        #expect(table.contains("<p class=\"table-key\"><span class=\"flag-symbol below-target\" aria-hidden=\"true\">!</span> Pisteet ovat alle tavoitteen.</p>"))
    }

    // MARK: The parts

    @Test func optionsReadOnlyWhatTheyUnderstandAndWriteOneQuery() throws {
        let request = try Request(method: .GET, target: "/r?page=3&columns=all&dir=asc&sort=ict-basics&area-dir=desc&area-sort=change")
        let options = DashboardOptions(request)
        #expect(options.groupSort == "ict-basics" && options.groupDirection == .ascending)
        #expect(options.areaSort == .change && options.areaDirection == .descending)
        #expect(options.allColumns && options.page == 3)
        #expect(options.query == "?area-sort=change&area-dir=desc&sort=ict-basics&dir=asc&columns=all&page=3")
        let defaults = DashboardOptions(try Request(method: .GET, target: "/r?sort=a%20b&area-sort=median&page=-4&columns=some"))
        #expect(defaults == DashboardOptions())
        #expect(defaults.query == "")
        #expect(defaults.groupDirection == .descending && defaults.areaDirection == .ascending)
        // Sorting the groups another way starts again from the first page of units.
        #expect(options.sortingGroups(by: "ethics", .descending).page == 1)
        #expect(options.sortingAreas(by: nil, .ascending).link("/r", fragment: "areas-heading")
            == "/r?sort=ict-basics&dir=asc&columns=all&page=3#areas-heading")
    }

    @Test func aSortedHeadingSaysSoAndLinksTheOtherWay() {
        let sorting = ColumnSorting(key: "gap", direction: .ascending) { key, direction in "?\(key)=\(direction.rawValue)" }
        #expect(sorting.next(for: "gap") == .descending)
        #expect(sorting.next(for: "mean") == .ascending, "a heading not sorted by leads to weakest first")
        let sorted = ResultColumn("Ero", sortLink: "?gap=desc", sorted: .ascending, sortAction: "x")
        #expect(sorted.ariaSort == "ascending" && sorted.sortMarker == "▲")
        let other = ResultColumn("Ero", sortLink: "?gap=desc", sorted: .descending)
        #expect(other.ariaSort == "descending" && other.sortMarker == "▼")
        let plain = ResultColumn("Tavoite", sortAction: "x")
        #expect(plain.ariaSort == nil && plain.sortMarker == nil && plain.sortAction == nil)
    }

    /// Areas without the figure sorted by (no target, no earlier round) go last both ways, in the
    /// framework's order; ties keep the framework's order too.
    @Test(arguments: [SortDirection.ascending, .descending])
    func areasWithoutTheFigureGoLast(_ direction: SortDirection) {
        let rows: [(row: ResultRow, figures: [AreaSortColumn: Double])] = [
            ("a", 0.2), ("b", nil), ("c", -0.5), ("d", 0.2), ("e", nil),
        ].map { label, gap in
            var figures: [AreaSortColumn: Double] = [:]
            figures[.gap] = gap
            return (ResultRow(label: label, cells: []), figures)
        }
        let order = WebApp.sortedAreaRows(rows, by: .gap, direction).map(\.label)
        #expect(order == (direction == .ascending ? ["c", "a", "d", "b", "e"] : ["a", "d", "c", "b", "e"]))
        #expect(WebApp.sortedAreaRows(rows, by: nil, direction).map(\.label) == ["a", "b", "c", "d", "e"])
    }

    @Test func selectingColumnsKeepsTheLabelsAndTheCellsBelowTheirHeadings() {
        let table = ResultTable(id: "t", caption: "C", columns: ["A", "1", "2", "3", "4"].map { ResultColumn($0) },
                                rows: [ResultRow(label: "r", cells: ["x1", "x2", "x3", "x4"].map { ResultCell(text: $0) })])
        let main = table.selecting(columns: [0, 2, 4], id: "m")
        #expect(main.columns.map(\.label) == ["A", "2", "4"])
        #expect(main.rows.first?.cells.map(\.text) == ["x2", "x4"])
        #expect(main.id == "m" && main.caption == "C")
    }

    /// The profile's "below": the figures as shown, so a score that reads the same as its target is
    /// not called below it.
    @Test(arguments: [(2.96, 3.0, false), (2.94, 3.0, true), (3.0, 3.0, false), (3.44, 3.5, true), (3.46, 3.5, false)])
    func belowTargetFollowsTheShownFigures(_ score: Double, _ target: Double, _ below: Bool) {
        #expect(WebApp.isBelow(score, target: target) == below)
    }
}
