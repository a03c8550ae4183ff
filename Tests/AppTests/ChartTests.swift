import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import App

/// The elements of a parsed SVG, in document order, for assertions about what was drawn.
private final class SVGProbe: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Class names of the enclosing elements, to tell a series' marks from its legend sample.
        var ancestorClasses: Set<Substring>
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    /// Parses the SVG, failing the test if it is not well-formed XML with an `<svg>` root.
    static func parse(_ svg: String) throws -> SVGProbe {
        let probe = SVGProbe()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = probe
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(svg)")
        try #require(parsed)
        #expect(probe.elements.first?.name == "svg")
        return probe
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let ancestors = open.flatMap { (elements[$0].attributes["class"] ?? "").split(separator: " ") }
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, ancestorClasses: Set(ancestors)))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { elements[index].text += string }
    }

    var root: Element? { elements.first }

    /// Elements with this name, optionally with a class and inside an element with another class.
    func all(_ name: String, class className: String? = nil, inside container: String? = nil) -> [Element] {
        elements.filter { element in
            let classes = (element.attributes["class"] ?? "").split(separator: " ")
            return element.name == name
                && (className.map { classes.contains(Substring($0)) } ?? true)
                && (container.map { element.ancestorClasses.contains(Substring($0)) } ?? true)
        }
    }

    static func points(_ element: Element) -> [(x: Double, y: Double)] {
        (element.attributes["points"] ?? "").split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }
}

private let hostile = "<script>alert('x')</script> & \"quoted\" R&D"

/// The promises every chart makes: well-formed, named for screen readers, safe to inline under the CSP.
private func expectAccessibleAndSafe(_ svg: String, kind: String, id: String, title: String) throws -> SVGProbe {
    let probe = try SVGProbe.parse(svg)
    let root = try #require(probe.root)
    #expect(svg.hasPrefix("<svg "))
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["role"] == "img")
    #expect(root.attributes["class"] == "chart chart-\(kind)")
    #expect(root.attributes["viewBox"]?.split(separator: " ").count == 4)
    let titleElement = try #require(probe.all("title").first)
    #expect(titleElement.attributes["id"] == "\(id)-title")
    #expect(root.attributes["aria-labelledby"] == titleElement.attributes["id"])
    #expect(titleElement.text == title)
    #expect(probe.all("desc").first?.attributes["id"] == root.attributes["aria-describedby"])
    #expect(!svg.contains("style="))
    #expect(!svg.lowercased().contains("<script"))
    #expect(!svg.contains("href"))
    return probe
}

@Suite("SVG charts: escaping, accessibility, geometry")
struct ChartTests {
    // MARK: Text and numbers

    @Test func escapeHandlesEveryXMLSpecialCharacter() {
        #expect(SVGText.escape(hostile)
            == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; R&amp;D")
        #expect(SVGText.escape("Tietoturva ja yksityisyys") == "Tietoturva ja yksityisyys")
        #expect(SVGText.escape("a\u{0}b\u{1B}c") == "a b c")
        #expect(SVGText.escape("&amp;") == "&amp;amp;")
    }

    @Test func wrapBreaksAtWordsAndCapsTheLines() {
        #expect(SVGText.wrap("Viestintä ja yhteistyö verkossa") == ["Viestintä ja", "yhteistyö", "verkossa"])
        #expect(SVGText.wrap("Tietoturvallisuusosaaminen") == ["Tietoturvallisuusosaaminen"])
        #expect(SVGText.wrap("  ") == [])
        let lines = SVGText.wrap("one two three four five six seven eight nine ten", maxCharacters: 9, maxLines: 2)
        #expect(lines == ["one two", "three fo…"])
    }

    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (1234567.891, "1234567.89"), (0.125, "0.13"),
        (0.1 + 0.2, "0.3"), (-0.001, "0"), (2.05, "2.05"), (Double.nan, "0"), (Double.infinity, "0"), (199.999, "200"),
    ])
    func numbersUseDotsAndNoGrouping(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }

    @Test func numberFormatIgnoresTheLocaleThatFoundationWouldUse() {
        // Foundation formats 1234.5 as "1 234,5" for Finnish; attributes must not.
        let finnish = (1234.5).formatted(.number.locale(Locale(identifier: "fi_FI")))
        #expect(finnish != "1234.5")
        #expect(SVGNumber.format(1234.5) == "1234.5")
        #expect(SVGNumber.format(3.14159, fractionDigits: 1) == "3.1")
        #expect(SVGNumber.percent(0.337) == "34\u{00A0}%")
    }

    @Test func idsAreReducedToSafeCharacters() {
        #expect(SVGWriter.safeID("unit-12_radar") == "unit-12_radar")
        #expect(SVGWriter.safeID("a\" onload=\"x") == "a--onload--x")
        #expect(SVGWriter.safeID("12") == "chart-12")
        #expect(SVGWriter.safeID("") == "chart")
    }

    @Test func seriesColoursMeetNonTextContrastAndSeriesDifferBeyondColour() {
        for style in SeriesStyle.allCases {
            #expect(ChartColour.contrast(style.colour, "#ffffff") >= 3, "\(style)")
        }
        #expect(Set(SeriesStyle.allCases.map(\.marker)).count == SeriesStyle.allCases.count)
        #expect(Set(SeriesStyle.allCases.map { $0.dash ?? "solid" }).count == SeriesStyle.allCases.count)
        #expect(abs(ChartColour.contrast("#000000", "#ffffff") - 21) < 0.01)
    }

    @Test func scaleTicksAreWholeNumbersThinnedToTen() {
        #expect(ChartScale(min: 1, max: 5).ticks() == [1, 2, 3, 4, 5])
        #expect(ChartScale(min: 0, max: 100).ticks() == [0, 20, 40, 60, 80, 100])
        #expect(ChartScale(min: 0, max: 20).ticks() == [0, 5, 10, 15, 20])
        #expect(ChartScale(min: 5, max: 1).ticks() == [])
        #expect(ChartScale(min: 1, max: 5).fraction(7) == 1)
        #expect(ChartScale(min: 1, max: 1).fraction(1) == 0)
    }
}

@Suite("SVG charts: each kind")
struct ChartTestsByKind {
    private let areas = ["Perustaidot", "Viestintä ja yhteistyö verkossa", "Tietoturva", "Sähköiset palvelut",
                         "Tiedonhallinta"]

    // MARK: Radar

    @Test func radarIsAccessibleAndEscapesLabelsAndSeriesNames() throws {
        let chart = RadarChart(axes: [hostile, "B", "C"],
                               series: [RadarSeries(name: hostile, values: [3, 4, 5], style: .primary)],
                               scaleMin: 1, scaleMax: 5)
        let svg = chart.svg(id: "radar-1", title: hostile, description: "Means by area")
        let probe = try expectAccessibleAndSafe(svg, kind: "radar", id: "radar-1", title: hostile)
        // Long labels wrap into lines, so join the lines back.
        #expect(probe.all("tspan", inside: "axis-label").map(\.text).joined(separator: " ") == hostile + " B C")
        #expect(probe.all("text", class: "legend-label").map(\.text) == [hostile])
    }

    @Test func radarValueAtMaximumOnFirstAxisIsStraightUp() throws {
        let chart = RadarChart(axes: areas, series: [], scaleMin: 1, scaleMax: 5)
        let top = chart.point(axis: 0, value: 5)
        #expect(abs(top.x - RadarChart.centre.x) < 1e-9)
        #expect(abs(top.y - (RadarChart.centre.y - RadarChart.radius)) < 1e-9)
        #expect(chart.point(axis: 2, value: 1) == RadarChart.centre)
        let halfway = chart.point(axis: 0, value: 3)
        #expect(abs(halfway.y - (RadarChart.centre.y - RadarChart.radius / 2)) < 1e-9)

        let drawn = RadarChart(axes: areas, series: [RadarSeries(name: "Yksikkö", values: [5, 3, 3, 3, 3], style: .primary)],
                               scaleMin: 1, scaleMax: 5)
        let probe = try SVGProbe.parse(drawn.svg(id: "r", title: "t", description: "d"))
        let polygon = try #require(probe.all("polygon", class: "series-area").first)
        let first = try #require(SVGProbe.points(polygon).first)
        #expect(first.x == RadarChart.centre.x && first.y == RadarChart.centre.y - RadarChart.radius)
        #expect(SVGProbe.points(polygon).count == 5)
    }

    @Test func radarLeavesGapsForMissingValuesInsteadOfDrawingZero() throws {
        let chart = RadarChart(axes: areas, series: [
            RadarSeries(name: "Yksikkö", values: [4, nil, 3, 3.5, nil], style: .primary),
            RadarSeries(name: "Organisaatio", values: [3, 3, 3, 3, 3], style: .comparison),
        ], scaleMin: 1, scaleMax: 5)
        let probe = try SVGProbe.parse(chart.svg(id: "r", title: "t", description: "d"))
        // The complete series is one closed outline; the gappy one only open lines between neighbours.
        #expect(probe.all("polygon", class: "series-area").count == 1)
        let lines = probe.all("polyline", class: "series-line", inside: "series-primary")
        // Axes 2–3 form a run; axis 0 stands alone between two gaps, so it gets only a marker.
        #expect(lines.count == 1)
        #expect(lines.map { SVGProbe.points($0).count } == [2])
        #expect(probe.all("circle", class: "marker", inside: "series-primary").count == 3)
        #expect(probe.all("polyline", inside: "series-comparison").isEmpty)
        let centre = (RadarChart.centre.x, RadarChart.centre.y)
        for line in lines { #expect(!SVGProbe.points(line).contains { $0.x == centre.0 && $0.y == centre.1 }) }
        #expect(RadarChart.circularRuns([nil, nil, nil]).isEmpty)
        // A run may wrap from the last axis to the first.
        let p = SVGPoint(x: 0, y: 0)
        #expect(RadarChart.circularRuns([p, nil, p, p]).map(\.count) == [3])
    }

    @Test func radarLabelsSitOutsideWithAnchorsByPositionAndWrapLongNames() throws {
        let chart = RadarChart(axes: ["Ylös", "Oikea", "Alas", "Vasen hyvin pitkä osa-alueen nimi tässä"],
                               series: [], scaleMin: 1, scaleMax: 5)
        let probe = try SVGProbe.parse(chart.svg(id: "r", title: "t", description: "d"))
        let labels = probe.all("text", class: "axis-label")
        #expect(labels.map { $0.attributes["text-anchor"] } == ["middle", "start", "middle", "end"])
        #expect(probe.elements.filter { $0.name == "tspan" }.count == 1 + 1 + 1 + 3)
        let top = try #require(Double(labels[0].attributes["y"] ?? ""))
        #expect(top < RadarChart.centre.y - RadarChart.radius)
        #expect(probe.all("polygon", class: "grid-ring").count == 4) // 2, 3, 4, 5; 1 is the centre
    }

    // MARK: Distribution bar

    @Test func distributionSegmentsAreProportionalAndSmallOnesUnlabelled() throws {
        let bar = DistributionBar(shares: [0.03, 0.17, 0.30, 0.40, 0.10], cantSay: 0)
        let probe = try expectAccessibleAndSafe(bar.svg(id: "d1", title: hostile, description: hostile),
                                                kind: "distribution", id: "d1", title: hostile)
        let segments = probe.all("rect", class: "segment")
        let widths = segments.compactMap { Double($0.attributes["width"] ?? "") }
        #expect(widths.count == 5)
        for (width, share) in zip(widths, [0.03, 0.17, 0.30, 0.40, 0.10]) {
            #expect(abs(width - share * DistributionBar.width) < 0.01)
        }
        #expect(abs(widths.reduce(0, +) - DistributionBar.width) < 0.05)
        let labels = probe.all("text", class: "segment-label").map(\.text)
        // At 12 px only the wide segments have room for their share; the table writes every share
        // under the bar, and each segment's tooltip names it.
        #expect(labels == ["30\u{00A0}%", "40\u{00A0}%"])
        #expect(segments.first?.attributes["class"] == "segment segment-1")
    }

    @Test func distributionCantSayIsGreyAtTheEndAndSharesAreNormalised() {
        let segments = DistributionBar(shares: [0.2, 0.2, 0.2], cantSay: 0.2).segments()
        #expect(segments.map(\.point) == [0, 1, 2, nil])
        #expect(segments.last?.fill == DistributionBar.cantSayColour)
        let widths = segments.map(\.width)
        #expect(widths.allSatisfy { abs($0 - widths[0]) < 1e-9 })
        let last = segments[segments.count - 1]
        #expect(abs(last.x + last.width - DistributionBar.width) < 1e-9)
        #expect(DistributionBar(shares: [0, 0], cantSay: nil).segments().isEmpty)
        #expect(DistributionBar(shares: [.nan, -1, 1]).segments().map(\.point) == [2])
    }

    @Test(arguments: 2...9) func distributionPaletteRunsRedToBlue(count: Int) throws {
        func redAndBlue(_ hex: String) -> (red: Int, blue: Int)? {
            guard let value = Int(hex.dropFirst(), radix: 16) else { return nil }
            return (value >> 16, value & 0xFF)
        }
        let colours = DistributionBar.palette(count: count)
        #expect(colours.count == count)
        #expect(Set(colours).count == count)
        let low = try #require(colours.first.flatMap(redAndBlue))
        let high = try #require(colours.last.flatMap(redAndBlue))
        #expect(low.red > low.blue)
        #expect(high.blue > high.red)
    }

    @Test func distributionLegendEscapesLabels() throws {
        let legend = DistributionLegend(pointLabels: ["1", "2", "3"], cantSayLabel: hostile)
            .svg(id: "key", title: "Key", description: "Colours")
        let probe = try expectAccessibleAndSafe(legend, kind: "distribution-legend", id: "key", title: "Key")
        #expect(probe.all("text", class: "legend-label").map(\.text) == ["1", "2", "3", hostile])
        #expect(probe.all("rect", class: "legend-swatch").last?.attributes["fill"] == DistributionBar.cantSayColour)
    }

    // MARK: Trend

    @Test func trendSplitsLinesAtMissingRoundsAndDrawsTheTarget() throws {
        let chart = TrendChart(
            rounds: ["Kevät 2023", "Syksy 2023", "Kevät 2024", "Syksy 2024", hostile],
            series: [
                TrendSeries(name: "Yksikkö", values: [3.1, 3.4, nil, 3.8, 4.0], style: .primary),
                TrendSeries(name: hostile, values: [3.0, 3.1, 3.2, 3.3, 3.4], style: .comparison),
            ],
            scaleMin: 1, scaleMax: 5, target: .init(value: 3.5, label: "Tavoite & <minimi>"))
        let svg = chart.svg(id: "trend", title: "Kehitys", description: "d")
        let probe = try expectAccessibleAndSafe(svg, kind: "trend", id: "trend", title: "Kehitys")
        let primary = probe.all("polyline", class: "series-line", inside: "series-primary")
        #expect(primary.map { SVGProbe.points($0).count } == [2, 2])
        #expect(primary.last.map { SVGProbe.points($0)[0].x } == chart.x(round: 3))
        #expect(probe.all("polyline", class: "series-line", inside: "series-comparison").map { SVGProbe.points($0).count } == [5])
        #expect(probe.all("circle", class: "marker", inside: "series-primary").count == 4)
        #expect(probe.all("rect", class: "marker-square", inside: "series-comparison").count == 5)
        #expect(probe.all("text", class: "legend-label").map(\.text) == ["Yksikkö", hostile])
        let target = try #require(probe.all("line", class: "target-line").first)
        #expect(target.attributes["y1"] == SVGNumber.format(chart.y(value: 3.5)))
        #expect(target.attributes["stroke-dasharray"] != nil)
        #expect(probe.all("text", class: "target-label").first?.text == "Tavoite & <minimi>")
        #expect(chart.y(value: 5) == TrendChart.plotTop && chart.y(value: 1) == TrendChart.plotBottom)
        #expect(probe.all("g", class: "tick-labels").count == 1)
        #expect(probe.all("text", class: "round-label").count == 5)
    }

    // MARK: Bars

    @Test func barsScaleToValuesDrawTargetTicksAndKeepRowsWithoutValues() throws {
        let chart = BarComparison(rows: [
            .init(label: "Perustaidot", value: 5, target: 4),
            .init(label: hostile, value: nil, target: 3),
            .init(label: "Tietoturva", value: 3, target: nil),
        ], scaleMin: 1, scaleMax: 5, valueName: "Keskiarvo", targetName: "Tavoite")
        let probe = try expectAccessibleAndSafe(chart.svg(id: "bars", title: "t", description: "d"),
                                                kind: "bars", id: "bars", title: "t")
        #expect(probe.all("text", class: "bar-label").map(\.text) == ["Perustaidot", hostile, "Tietoturva"])
        let rows = probe.all("g", class: "bar-row")
        #expect(rows.count == 3)
        let bars = probe.all("rect", class: "bar-value")
        #expect(bars.map { $0.attributes["width"] } == [SVGNumber.format(BarComparison.plotRight), SVGNumber.format(BarComparison.plotRight / 2)])
        #expect(bars.map { $0.attributes["y"] } == [SVGNumber.format(BarComparison.barTop(row: 0)), SVGNumber.format(BarComparison.barTop(row: 2))])
        let ticks = probe.all("line", class: "bar-target")
        #expect(ticks.map { $0.attributes["x1"] } == [SVGNumber.format(chart.x(value: 4)), SVGNumber.format(chart.x(value: 3))])
        #expect(probe.all("text", class: "legend-label").map(\.text) == ["Keskiarvo", "Tavoite"])
    }

    @Test func degenerateInputsStillGiveWellFormedCharts() throws {
        let empties = [
            RadarChart(axes: [], series: [RadarSeries(name: "x", values: [1, 2], style: .primary)], scaleMin: 5, scaleMax: 1)
                .svg(id: "a", title: "", description: ""),
            RadarChart(axes: ["A", "B", "C"], series: [RadarSeries(name: "short", values: [.nan], style: .target)],
                       scaleMin: 1, scaleMax: 5).svg(id: "b", title: "", description: ""),
            TrendChart(rounds: [], series: [], scaleMin: 1, scaleMax: 5).svg(id: "c", title: "", description: ""),
            TrendChart(rounds: ["Only"], series: [TrendSeries(name: "s", values: [3, 4, 5], style: .previous)],
                       scaleMin: .nan, scaleMax: .infinity).svg(id: "d", title: "", description: ""),
            BarComparison(rows: [], scaleMin: 1, scaleMax: 5).svg(id: "e", title: "", description: ""),
            DistributionBar(shares: []).svg(id: "f", title: "", description: ""),
            DistributionLegend(pointLabels: []).svg(id: "g", title: "", description: ""),
        ]
        for svg in empties {
            let probe = try SVGProbe.parse(svg)
            #expect(probe.root?.attributes["viewBox"]?.contains("NaN") == false)
        }
    }

    // MARK: Heat scale

    @Test(arguments: [
        (nil, "heat-0"), (Double.nan, "heat-0"), (1.0, "heat-1"), (1.79, "heat-1"), (1.8, "heat-2"), (2.6, "heat-3"),
        (3.39, "heat-3"), (3.4, "heat-4"), (4.2, "heat-5"), (5.0, "heat-5"), (7.0, "heat-5"), (0.0, "heat-1"),
    ] as [(Double?, String)])
    func heatBucketsAreFifthsOfTheScale(mean: Double?, expected: String) {
        #expect(HeatScale.cssClass(for: mean, scaleMin: 1, scaleMax: 5) == expected)
    }

    @Test func heatScaleWithoutARangeHasNoBucket() {
        #expect(HeatScale.cssClass(for: 3, scaleMin: 5, scaleMax: 5) == "heat-0")
        #expect(HeatScale.cssClass(for: 50, scaleMin: 0, scaleMax: 100) == "heat-3")
    }
}

// MARK: Readable dashboards (issue 11, item 5)

extension ChartTests {
    /// Six or more areas on one trend: no two series look alike. The first eight differ in dash and
    /// marker both, the first 64 in the pair, and every colour keeps 3:1 against white.
    @Test func manySeriesDifferInDashAndMarker() {
        let styles = (0..<64).map(SeriesStyle.sequence)
        let first = Array(styles.prefix(8))
        #expect(Set(first.map { $0.dash ?? "solid" }).count == 8)
        #expect(Set(first.map(\.marker)).count == 8)
        #expect(Set(styles.map { "\($0.dash ?? "solid")|\($0.marker)" }).count == 64)
        #expect(Set(styles.map(\.name)).count == 64, "each series has its own class")
        for style in styles {
            #expect(ChartColour.contrast(style.colour, "#ffffff") >= 3, "\(style.name)")
        }
        #expect(Array(styles.prefix(4)) == SeriesStyle.allCases)
    }

    /// Each trend line ends in a label with the series' whole name and its marker; labels of lines
    /// that end close together are moved apart, and the view box holds them.
    @Test func trendLabelsLinesAtTheirEndsWithoutOverlap() throws {
        let names = ["Tietotekniikan perustaidot", "Digitaaliset työvälineet omassa työssä",
                     "Digiratkaisujen hyödyntäminen ja arviointi", "Tietoturva ja tietosuoja",
                     "Eettinen osaaminen digityössä", "Digital vägledning av invånare och kunder"]
        let chart = TrendChart(rounds: ["Syksy 2025", "Kevät 2026"], series: names.enumerated().map { index, name in
            TrendSeries(name: name, values: [3.0, 3.6 + Double(index) * 0.02], style: SeriesStyle.sequence(index))
        }, scaleMin: 1, scaleMax: 5)
        let labels = chart.endLabels()
        #expect(labels.count == names.count)
        #expect(labels.map { $0.lines.joined(separator: " ") } == names, "whole names, never cut")
        let sorted = labels.sorted { $0.top < $1.top }
        for (upper, lower) in zip(sorted, sorted.dropFirst()) {
            #expect(upper.top + upper.height <= lower.top + 1e-9, "\(upper.lines) overlaps \(lower.lines)")
        }
        let svg = chart.svg(id: "trend", title: "t", description: "d")
        let probe = try expectAccessibleAndSafe(svg, kind: "trend", id: "trend", title: "t")
        #expect(probe.all("text", class: "end-label").count == names.count)
        #expect(!svg.contains("…"))
        let viewBox = try #require(probe.root?.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
        let right = viewBox[0] + viewBox[2]
        for label in labels {
            let width = label.lines.map { SVGText.estimatedWidth($0, fontSize: 11) }.max() ?? 0
            #expect(TrendChart.endLabelLeft + 8 + width <= right)
        }
        #expect(Set(probe.all("g", class: "series").map { $0.attributes["class"] ?? "" }).count == names.count)
    }

    @Test(arguments: [
        ([10.0, 10.0, 10.0], [30.0, 30.0, 30.0]), ([100.0, 101.0, 150.0], [13.0, 26.0, 13.0]), ([185.0, 189.0], [13.0, 13.0]),
    ])
    func nudgedBlocksKeepApartAndInsideThePlot(_ centres: [Double], _ heights: [Double]) {
        let tops = TrendChart.nudge(centres: centres, heights: heights, gap: 3, maxBottom: 190)
        let blocks = zip(tops, heights).sorted { $0.0 < $1.0 }
        for (upper, lower) in zip(blocks, blocks.dropFirst()) {
            #expect(upper.0 + upper.1 + 3 <= lower.0 + 1e-9)
        }
        #expect(blocks.allSatisfy { $0.0 + $0.1 <= 190 + 1e-9 })
    }

    /// A long area name takes as many lines as it needs on the radar: "Digital vägledning av
    /// invånare och ku…" no more.
    @Test func radarLabelsWrapWithoutCutting() throws {
        let long = "Digital vägledning av invånare och kunder i kommunens tjänster"
        let chart = RadarChart(axes: ["A", long, "C", "D", "E", "F"], series: [], scaleMin: 1, scaleMax: 5)
        let svg = chart.svg(id: "r", title: "t", description: "d")
        let probe = try SVGProbe.parse(svg)
        let lines = probe.all("tspan", inside: "axis-label").map(\.text)
        #expect(lines.joined(separator: " ") == ["A", long, "C", "D", "E", "F"].joined(separator: " "),
                "every word, on as many lines as it takes")
        #expect(lines.count > 6 + 3, "the long name takes more than three lines")
        #expect(lines.allSatisfy { $0.count <= RadarChart.labelCharacters || !$0.contains(" ") })
        #expect(!svg.contains("…"))
    }

    /// The bars' labels are drawn at 12 px (one user unit to a CSS pixel), and every segment tells
    /// its point and share to a pointer, the narrow unlabelled ones too.
    @Test func distributionLabelsAreReadableAndSegmentsNamed() throws {
        let bar = DistributionBar(shares: [0.02, 0.18, 0.3, 0.4, 0.1], cantSay: 0.05,
                                  pointNames: ["1 Täysin eri mieltä", "2", "3", "4", "5"], cantSayName: "En osaa sanoa")
        let probe = try SVGProbe.parse(bar.svg(id: "d", title: "t", description: "d"))
        #expect(probe.all("text", class: "segment-label").allSatisfy { $0.attributes["font-size"] == "12" })
        #expect(DistributionBar.fontSize >= 12)
        let tooltips = probe.all("title").dropFirst().map(\.text)
        #expect(tooltips.first == "1 Täysin eri mieltä: 2\u{00A0}%")
        #expect(tooltips.last?.hasPrefix("En osaa sanoa: ") == true)
        #expect(tooltips.count == 6)
    }

    /// The shading's key and the shading agree: every mean as shown falls in the range its class
    /// is given in the key, and the ranges meet without a gap.
    @Test(arguments: [(1.0, 5.0), (1.0, 4.0), (0.0, 10.0), (1.0, 7.0)])
    func heatKeyMatchesTheShading(_ low: Double, _ high: Double) throws {
        let ranges = HeatScale.keyRanges(scaleMin: low, scaleMax: high)
        #expect(ranges.count == 5)
        #expect(ranges.first?.lower == low && ranges.last?.upper == high)
        for (lower, upper) in zip(ranges, ranges.dropFirst()) {
            #expect(abs(upper.lower - lower.upper - 0.1) < 1e-9)
        }
        for step in 0...Int(((high - low) * 10).rounded()) {
            let shown = low + Double(step) / 10
            let heat = HeatScale.cssClass(for: shown, scaleMin: low, scaleMax: high)
            let range = try #require(ranges.first { $0.heat == heat })
            #expect(range.lower - 1e-9 <= shown && shown <= range.upper + 1e-9, "\(shown) is \(heat)")
        }
        #expect(HeatScale.keyRanges(scaleMin: 5, scaleMax: 5).isEmpty)
    }

    /// A gap is flagged when it is below the target as shown: −0,04 reads 0,0 and is not.
    @Test func shownFiguresRoundToOneDecimal() {
        #expect(ResultFormatting.shown(-0.04) == 0)
        #expect(ResultFormatting.shown(-0.06) == -0.1)
        #expect(ResultFormatting.shown(1.75) == 1.8)
    }
}
