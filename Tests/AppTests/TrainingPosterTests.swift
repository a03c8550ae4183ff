import Foundation
import Testing
@testable import App
@testable import Storage

@Suite("Training posters")
struct TrainingPosterTests {
    static func instant(_ date: String, _ time: String) throws -> Date {
        guard let instant = HelsinkiTime.instant(date: date, time: time) else { throw TestFailure("no \(date) \(time)") }
        return instant
    }

    @Test func monthsAreHelsinkiMonths() throws {
        let march = try #require(PosterMonth("2027-03"))
        #expect(march.text == "2027-03")
        #expect(march.start == (try Self.instant("2027-03-01", "00:00")))
        #expect(march.end == (try Self.instant("2027-04-01", "00:00")))
        // 23:30 on the last evening of March is March in Helsinki, though April has begun in no zone
        // west of it; 00:30 on the first of April is April, though it is still March in UTC.
        #expect(march.contains(try Self.instant("2027-03-31", "23:30")))
        #expect(!march.contains(try Self.instant("2027-04-01", "00:30")))
        #expect(march.contains(try Self.instant("2027-03-01", "00:00")))
        #expect(!march.contains(try Self.instant("2027-02-28", "23:59")))
        #expect(march.previous?.text == "2027-02" && march.next?.text == "2027-04")
        #expect(PosterMonth("2026-12")?.next?.text == "2027-01")
        #expect(PosterMonth("2027-01")?.previous?.text == "2026-12")
        #expect(PosterMonth("2000-01")?.previous == nil && PosterMonth("2100-12")?.next == nil)
        for bad in ["", "2027", "2027-13", "2027-00", "27-03", "2027-3", "2027-03-01", "abcd-ef", "1999-12", "2101-01", "२०२७-०३"] {
            #expect(PosterMonth(bad) == nil, "\(bad)")
        }
        #expect(PosterMonth(containing: try Self.instant("2027-04-01", "00:30")).text == "2027-04")
    }

    @Test func theChoiceFallsBackToThisMonthAndThePageLanguage() throws {
        let now = try Self.instant("2027-05-31", "23:45")
        let plain = PosterChoice(month: nil, language: nil, pageLanguage: .sv, now: now)
        #expect(plain.month.text == "2027-05" && plain.language == .sv && !plain.monthIsInvalid)
        let chosen = PosterChoice(month: " 2027-09 ", language: "en", pageLanguage: .fi, now: now)
        #expect(chosen.month.text == "2027-09" && chosen.language == .en)
        let bad = PosterChoice(month: "syyskuu", language: "de", pageLanguage: .fi, now: now)
        #expect(bad.month.text == "2027-05" && bad.monthIsInvalid && bad.typedMonth == "syyskuu" && bad.language == .fi)
    }

    @Test func aUnitPosterListsTheScheduledSessionsAimedAtTheUnitsPeople() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let sectorID = try #require(world.unitA.sectorID)
        let otherSector = try SectorStore(test.database).create(organisationID: world.jarvela.id, name: "Ruokapalvelut")
        let everyone = try fixture.training("Kaikille avoin")
        let forSector = try fixture.training("Varhaiskasvatuksen oma", audience: TrainingAudience(sectorIDs: [sectorID]))
        let forOtherSector = try fixture.training("Keittiöiden oma", audience: TrainingAudience(sectorIDs: [otherSector.id]))
        let forJobGroup = try fixture.training("Vain ryhmälle", audience: TrainingAudience(jobGroups: ["opettaja"]))
        let retired = try fixture.training("Poistunut", active: false)
        let neighbours = try fixture.training("Naapurin", organisation: world.koskenkyla)
        _ = try fixture.session(everyone, "2027-03-01", "00:30", place: "Sali")
        _ = try fixture.session(everyone, "2027-03-31", "23:30")
        _ = try fixture.session(forSector, "2027-03-10", "12:30", meetingURL: nil, units: [world.unitA])
        _ = try fixture.session(everyone, "2027-03-11", "13:00", units: [world.unitB])
        _ = try fixture.session(everyone, "2027-03-12", "13:00", units: [world.unitA1])
        let cancelled = try fixture.session(everyone, "2027-03-13", "13:00")
        try fixture.sessions.cancel(sessionID: cancelled.id, reason: "")
        _ = try fixture.session(forOtherSector, "2027-03-14", "13:00")
        _ = try fixture.session(forJobGroup, "2027-03-15", "13:00")
        _ = try fixture.session(retired, "2027-03-16", "13:00")
        _ = try fixture.session(neighbours, "2027-03-17", "13:00")
        _ = try fixture.session(everyone, "2027-02-28", "23:30")
        _ = try fixture.session(everyone, "2027-04-01", "00:30")

        var browser = try test.signIn("esihenkilo.a")
        let response = try browser.get("/units/\(world.unitA.id)/training-poster?month=2027-03")
        #expect(response.status.code == 200)
        let poster = try #require(Self.poster(browser.lastBody))
        #expect(Self.times(poster) == ["00.30–00.45", "12.30–12.45", "23.30–23.45"])
        #expect(poster.contains("ma 1.3.") && poster.contains("ke 10.3.") && poster.contains("ke 31.3."))
        #expect(poster.contains("Kaikille avoin") && poster.contains("Varhaiskasvatuksen oma"))
        #expect(poster.contains("Sali tai Teamsissa"))
        #expect(!poster.contains("secret-link"), "a meeting link on a wall poster")
        #expect(poster.contains("Maaliskuu 2027") || poster.contains("maaliskuu 2027"))
        // A QR code per session, and one each to the calendar and its subscription.
        #expect(occurrences(of: "<svg", in: poster) == 5)
        #expect(browser.lastBody.contains("http://localhost/trainings"))
        #expect(browser.lastBody.contains("http://localhost/my-trainings/calendar"))

        // The sub-unit's poster holds what is aimed at the unit above it, and its own.
        try browser.get("/units/\(world.unitA1.id)/training-poster?month=2027-03")
        #expect(Self.times(try #require(Self.poster(browser.lastBody))).count == 4)

        // In Swedish, with the trainings' Swedish titles where they have them.
        try browser.get("/units/\(world.unitA.id)/training-poster?month=2027-03&lang=sv")
        let swedish = try #require(Self.poster(browser.lastBody))
        #expect(swedish.contains("lang=\"sv\""))
        #expect(swedish.contains("mån 1.3.") && swedish.contains("Välkommen på utbildning!") && swedish.contains("mars 2027"))
        #expect(browser.lastBody.contains("<html lang=\"fi\""), "the page around the poster stays in the page's language")

        let bad = try browser.get("/units/\(world.unitA.id)/training-poster?month=maaliskuu")
        #expect(bad.status.code == 422)
        #expect(browser.lastBody.contains("aria-invalid=\"true\""))
    }

    @Test func aFullMonthKeepsToTwelveSessionsAndSaysHowManyMore() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let training = try fixture.training("Digivinkkituokio")
        for day in 1...15 {
            _ = try fixture.session(training, String(format: "2027-03-%02d", day), "12:30")
        }
        var browser = try test.signIn("hr")
        try browser.get("/units/\(world.unitA.id)/training-poster?month=2027-03")
        let poster = try #require(Self.poster(browser.lastBody))
        #expect(Self.times(poster).count == 12)
        #expect(poster.contains("Lisäksi 3 muuta tilaisuutta"))
    }

    @Test func aSeriesPosterListsTheSeriesAndWhomEachSessionIsFor() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let series = try fixture.series("Digivinkkituokio")
        let inSeries = try fixture.training("Pikanäppäimet", series: series)
        let outside = try fixture.training("Sarjaton")
        _ = try fixture.session(inSeries, "2027-03-03", "12:30", units: [world.unitA, world.unitB])
        _ = try fixture.session(inSeries, "2027-03-04", "12:30")
        _ = try fixture.session(outside, "2027-03-05", "12:30")
        var browser = try test.signIn("hr")
        let response = try browser.get("/training-series/\(series.id)/poster?month=2027-03")
        #expect(response.status.code == 200)
        let poster = try #require(Self.poster(browser.lastBody))
        #expect(Self.times(poster).count == 2)
        #expect(poster.contains("Digivinkkituokio") && !poster.contains("Sarjaton"))
        #expect(poster.contains("Yksiköille: Päiväkoti Peippo, Päiväkoti Satakieli"))
        #expect(try browser.get("/training-series/\(series.id)/poster?lang=sv&month=2027-03").status.code == 200)
        #expect(browser.lastBody.contains("Digivinkkituokio (sv)"))
        var neighbour = try test.signIn("hr.koskenkyla")
        #expect(try neighbour.get("/training-series/\(series.id)/poster").status.code == 404)
    }

    @Test func trainersGetTheUnitPosterTooAndEmployeesDoNot() throws {
        let test = try TestApp()
        let world = try World(test)
        let trainer = try UserStore(test.database).create(User(
            login: "kouluttaja", passwordHash: try PasswordHasher(rounds: 1000).hash(TestApp.password)))
        try TrainingCatalogueStore(test.database).setTrainer(userID: trainer.id, organisationID: world.jarvela.id, true)
        var browser = try test.signIn("kouluttaja")
        #expect(try browser.get("/units/\(world.unitB.id)/training-poster").status.code == 200)
        #expect(try browser.get("/units/\(world.unitC.id)/training-poster").status.code == 404)
        var employee = try test.signIn("tyontekija")
        #expect(try employee.get("/units/\(world.unitA.id)/training-poster").status.code == 404)
    }

    /// The poster sheet of a page.
    static func poster(_ html: String) -> String? {
        guard let start = html.range(of: "<article class=\"poster\""), let end = html.range(of: "</article>") else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The session times on a poster, in order.
    static func times(_ poster: String) -> [String] {
        poster.components(separatedBy: "<span class=\"poster-time\">").dropFirst()
            .compactMap { $0.components(separatedBy: "</span>").first }
    }
}
