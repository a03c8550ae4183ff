import Crypto
import Foundation
import GRDB
import HTTPServer
import Logging
import Synchronization
import Testing
@testable import App
@testable import Storage

@Suite("Training calendar feeds")
struct TrainingCalendarTests {
    /// The feed's events by UID prefix (the session's own uid, without the domain).
    static func eventsByUID(_ document: String) -> [String: [String: String]] {
        Dictionary(icalendarEvents(document).map { (String(($0["UID"] ?? "").split(separator: "@").first ?? ""), $0) },
                   uniquingKeysWith: { first, _ in first })
    }

    @Test func thePersonalFeedHoldsPlacesAndFollowedSessionsOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let training = try fixture.training("Teams-perusteet", description: "Kokoukset; kanavat, tiedostot")
        let enrolled = try fixture.session(training, inDays: 3, enrolment: .registration)
        let waiting = try fixture.session(training, inDays: 4, enrolment: .registration)
        let followed = try fixture.session(training, inDays: 5)
        let notFollowed = try fixture.session(training, inDays: 6)
        let left = try fixture.session(training, inDays: 7, enrolment: .registration)
        let othersPlace = try fixture.session(training, inDays: 8, enrolment: .registration)
        let followedElsewhere = try fixture.session(training, inDays: 9, units: [world.unitB])
        let assignedElsewhere = try fixture.session(training, inDays: 10, units: [world.unitB], enrolment: .assigned)
        let me = world.employeeA.id
        _ = try fixture.enrolments.enrol(sessionID: enrolled.id, employeeID: me)
        _ = try fixture.enrolments.enrol(sessionID: waiting.id, employeeID: world.employeeB.id)
        try test.database.pool.write { db in
            try db.execute(sql: "UPDATE training_sessions SET capacity = 1 WHERE id = ?", arguments: [waiting.id])
        }
        #expect(try fixture.enrolments.enrol(sessionID: waiting.id, employeeID: me) == .waiting(position: 1))
        try fixture.enrolments.follow(sessionID: followed.id, employeeID: me, true)
        try fixture.enrolments.follow(sessionID: followedElsewhere.id, employeeID: me, true)
        _ = try fixture.enrolments.enrol(sessionID: left.id, employeeID: me)
        try fixture.enrolments.cancel(sessionID: left.id, employeeID: me)
        _ = try fixture.enrolments.enrol(sessionID: othersPlace.id, employeeID: world.employeeB.id)
        _ = try fixture.enrolments.enrol(sessionID: assignedElsewhere.id, employeeID: me, kind: .assigned)

        var browser = try test.signIn("tyontekija")
        let address = try browser.makeFeed("personal")
        #expect(address.hasPrefix("http://localhost/calendar/feed.ics?t="))
        let response = try test.send(.GET, pathAndQuery(address))
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "text/calendar; charset=utf-8")
        #expect(!response.headers.contains("Set-Cookie"), "a feed sets no cookies")
        let document = response.text
        let events = Self.eventsByUID(document)
        #expect(Set(events.keys) == [enrolled.uid, followed.uid, assignedElsewhere.uid],
                """
                not in the feed: waiting \(waiting.id), not followed \(notFollowed.id), left \(left.id), \
                another's place \(othersPlace.id), followed but not aimed at the person \(followedElsewhere.id)
                """)
        let event = try #require(events[enrolled.uid])
        #expect(event["UID"] == enrolled.uid + "@taitotutka")
        #expect(event["SEQUENCE"] == "0")
        #expect(event["SUMMARY"] == "Teams-perusteet")
        #expect(event["LOCATION"] == "Teamsissa")
        #expect(event["URL"] == "http://localhost/training-sessions/\(enrolled.id)")
        #expect(event["STATUS"] == "CONFIRMED")
        #expect(event["DESCRIPTION"]?.contains(#"Kokoukset\; kanavat\, tiedostot"#) == true)
        #expect(event["DESCRIPTION"]?.contains("https://teams.microsoft.com/l/meetup-join/secret-link") == true)
        #expect(document.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n") && document.contains("X-PUBLISHED-TTL:PT1H\r\n"))
        for personal in ["ATTENDEE", "ORGANIZER", "Tiina", "Kouluttaja", "Aino", "Bertta", "Björk", "Aaltonen"] {
            #expect(!document.contains(personal), "the feed names \(personal)")
        }
    }

    @Test func theCatalogueFeedIsWhatThePersonsCalendarShows() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let everyone = try fixture.training("Kaikille")
        let sector = try SectorStore(test.database).create(organisationID: world.jarvela.id, name: "Tekninen toimi")
        let otherSector = try fixture.training("Teknisen toimen", audience: TrainingAudience(sectorIDs: [sector.id]))
        let jobGroup = try fixture.training("Lastenhoitajille", audience: TrainingAudience(jobGroups: ["lastenhoitaja"]))
        let retired = try fixture.training("Vanha", active: false)
        let neighbours = try fixture.training("Koskenkylän oma", organisation: world.koskenkyla)
        let offered = try TrainingCatalogueStore(test.database).create(TrainingDraft(
            training: Training(organisationID: world.koskenkyla.id, seriesID: nil,
                               title: LocalisedText(fi: "Yhteinen", sv: "", en: ""), description: LocalisedText(fi: "", sv: "", en: ""),
                               durationMinutes: 30, format: .onSite, language: "fi", ownerUserID: nil),
            areaCodes: [], offeredTo: [world.jarvela.id]))
        let wholeOrganisation = try fixture.session(everyone, inDays: 2, place: "Valtuustosali")
        let forMyUnit = try fixture.session(everyone, inDays: 3, units: [world.unitA])
        let forSubUnit = try fixture.session(everyone, inDays: 4, units: [world.unitA1])
        let forOtherUnit = try fixture.session(everyone, inDays: 5, units: [world.unitB])
        let recentPast = try fixture.session(everyone, inDays: -20)
        let longAgo = try fixture.session(everyone, inDays: -40)
        let farAhead = try fixture.session(everyone, inDays: 400)
        let shared = try fixture.session(offered, inDays: 6)
        let hidden = [try fixture.session(otherSector, inDays: 2), try fixture.session(jobGroup, inDays: 2),
                      try fixture.session(retired, inDays: 2), try fixture.session(neighbours, inDays: 2)]

        var browser = try test.signIn("tyontekija")
        let address = try browser.makeFeed("catalogue")
        let document = try test.send(.GET, pathAndQuery(address)).text
        let events = Self.eventsByUID(document)
        #expect(Set(events.keys) == [wholeOrganisation.uid, forMyUnit.uid, recentPast.uid, shared.uid],
                """
                sub-unit \(forSubUnit.id), other unit \(forOtherUnit.id), 40 days ago \(longAgo.id), \
                400 days ahead \(farAhead.id) and \(hidden.map(\.id)) are not the person's
                """)
        #expect(events[wholeOrganisation.uid]?["LOCATION"] == #"Valtuustosali tai Teamsissa"#)
        #expect(document.contains("X-WR-CALNAME:Järvelä: koulutukset\r\n"))
    }

    @Test func cancellationsStayThirtyDaysAndUpdatesRaiseTheSequence() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let training = try fixture.training("Digiturvavartti")
        let changed = try fixture.session(training, inDays: 12)
        let cancelledLately = try fixture.session(training, inDays: 14)
        let cancelledLongAgo = try fixture.session(training, inDays: 16)
        var browser = try test.signIn("tyontekija")
        let address = pathAndQuery(try browser.makeFeed("catalogue"))
        let before = Self.eventsByUID(try test.send(.GET, address).text)
        #expect(before.count == 3)

        var moved = changed
        moved.startsAt = changed.startsAt.addingTimeInterval(3600)
        moved.endsAt = changed.endsAt.addingTimeInterval(3600)
        try fixture.sessions.update(moved, unitIDs: [])
        try fixture.sessions.cancel(sessionID: cancelledLately.id, reason: "Kouluttaja sairastui",
                                    now: Date().addingTimeInterval(-29 * 86_400))
        try fixture.sessions.cancel(sessionID: cancelledLongAgo.id, reason: "Ei osallistujia",
                                    now: Date().addingTimeInterval(-31 * 86_400))
        let document = try test.send(.GET, address).text
        let after = Self.eventsByUID(document)
        #expect(Set(after.keys) == [changed.uid, cancelledLately.uid])
        let update = try #require(after[changed.uid])
        #expect(update["SEQUENCE"] == "1")
        #expect(update["DTSTART"] == ICalendarWriter.helsinkiLocal(moved.startsAt))
        #expect(update["DTSTART"] != before[changed.uid]?["DTSTART"])
        #expect(update["UID"] == before[changed.uid]?["UID"])
        let cancelled = try #require(after[cancelledLately.uid])
        #expect(cancelled["STATUS"] == "CANCELLED")
        #expect(cancelled["SEQUENCE"] == "1")
        #expect(cancelled["SUMMARY"] == "Peruttu: Digiturvavartti")
        #expect(cancelled["DESCRIPTION"]?.contains("secret-link") == false, "a cancelled event keeps no meeting link")
        #expect(!document.contains("sairastui"), "the reason for cancelling (here about the trainer's health) is not published")
    }

    @Test func renewingEndsTheOldAddressRevokingEndsTheFeedAndOnlyHashesAreKept() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        _ = try fixture.session(try fixture.training("Outlook"), inDays: 3)
        var browser = try test.signIn("tyontekija")
        let first = try browser.makeFeed("personal")
        #expect(try test.send(.GET, pathAndQuery(first)).status.code == 200)
        #expect(browser.lastBody.contains("webcal://localhost/calendar/feed.ics?t="))
        let second = try browser.makeFeed("personal")
        #expect(first != second)
        #expect(try test.send(.GET, pathAndQuery(first)).status.code == 404, "a renewed address still works")
        #expect(try test.send(.GET, pathAndQuery(second)).status.code == 200)
        let token = try #require(URLComponents(string: second)?.queryItems?.first { $0.name == "t" }?.value)
        #expect(token.count == 43, "32 random bytes in base64url")

        // The page shows the address only when it is made.
        try browser.get("/my-trainings/calendar")
        #expect(!browser.lastBody.contains(token))
        #expect(browser.lastBody.contains("Osoite on käytössä"))

        // Only the SHA-256 is stored; neither the database nor its log holds the token itself.
        let hash = Data(SHA256.hash(data: Data(token.utf8)))
        #expect(try CalendarFeedStore(test.database).liveFeed(tokenHash: hash)?.employeeID == world.employeeA.id)
        for suffix in ["", "-wal"] {
            let bytes = FileManager.default.contents(atPath: test.folder + "/test.sqlite" + suffix) ?? Data()
            #expect(bytes.range(of: Data(token.utf8)) == nil, "the token is in test.sqlite\(suffix)")
        }
        let audit = try test.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT action, target, detail FROM audit_log WHERE action LIKE 'calendar_feed.%' ORDER BY id")
        }
        #expect(audit.map { $0["action"] as String } == ["calendar_feed.renew", "calendar_feed.renew"])
        #expect(audit.allSatisfy { ($0["target"] as String?) == "employee:\(world.employeeA.id)" })

        try browser.get("/my-trainings/calendar")
        let revoked = try browser.post("/my-trainings/calendar/revoke", ["scope": "personal"])
        #expect(revoked.status.code == 303)
        #expect(revoked.headers["Location"] == "/my-trainings/calendar?revoked=personal")
        #expect(try test.send(.GET, pathAndQuery(second)).status.code == 404)
        try browser.get("/my-trainings/calendar?revoked=personal")
        #expect(browser.lastBody.contains("tilaus on lopetettu"))
        let actions = try test.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE action LIKE 'calendar_feed.%' ORDER BY id")
        }
        #expect(actions.last == "calendar_feed.revoke")
        #expect(try browser.post("/my-trainings/calendar/renew", ["scope": "everything"]).status.code == 400)
    }

    @Test func unknownMalformedAndDeparted() throws {
        let test = try TestApp()
        let world = try World(test)
        for target in ["/calendar/feed.ics", "/calendar/feed.ics?t=", "/calendar/feed.ics?t=short",
                       "/calendar/feed.ics?t=" + String(repeating: "A", count: 43),
                       "/calendar/feed.ics?t=" + String(repeating: "!", count: 43)] {
            let response = try test.send(.GET, target)
            #expect(response.status.code == 404, "\(target)")
            #expect(!response.headers.contains("Set-Cookie"))
        }
        var browser = try test.signIn("tyontekija")
        let address = try browser.makeFeed("catalogue")
        var departed = world.employeeA
        departed.active = false
        try EmployeeStore(test.database).update(departed)
        #expect(try test.send(.GET, pathAndQuery(address)).status.code == 404, "a feed outlives its person's employment")
        #expect(try test.send(.HEAD, pathAndQuery(address)).status.code == 404)
    }

    @Test func staffWithoutAnEmployeeRecordAreToldWhyAndCannotMakeFeeds() throws {
        let test = try TestApp()
        _ = try World(test)
        var browser = try test.signIn("hr")
        let page = try browser.get("/my-trainings/calendar")
        #expect(page.status.code == 200)
        #expect(browser.lastBody.contains("Käyttäjätunnuksellasi ei ole työntekijätietoja"))
        #expect(!browser.lastBody.contains("/my-trainings/calendar/renew"))
        #expect(try browser.post("/my-trainings/calendar/renew", ["scope": "personal"]).status.code == 404)
    }

    @Test func theTokenNeverReachesTheLog() throws {
        let test = try TestApp()
        _ = try World(test)
        let captured = LogLines()
        let logged = try WebApp(database: test.database, templatesDirectory: packageRoot + "/Templates",
                                settings: TestApp.fastSettings,
                                logger: Logger(label: "test") { _ in LineCapture(lines: captured) })
        let assets = try #require(StaticFiles(directory: packageRoot + "/Public"))
        let responder = logged.responder(staticFiles: assets)
        var browser = try test.signIn("tyontekija")
        let address = try browser.makeFeed("personal")
        let token = try #require(URLComponents(string: address)?.queryItems?.first?.value)
        for target in [pathAndQuery(address), "/calendar/feed.ics?t=" + token.uppercased()] {
            var request = try Request(method: .GET, target: target, headers: ["Host": "localhost"])
            request.remoteAddress = "127.0.0.1:4000"
            _ = responder.respond(to: request)
        }
        let lines = captured.lines.withLock { $0 }
        #expect(lines.count >= 2)
        #expect(lines.contains { $0.hasPrefix("GET /calendar/feed.ics 200") })
        #expect(!lines.contains { $0.contains(token) || $0.contains(token.uppercased()) })
    }

    @Test func addToCalendarIsOneEventForThoseWhoSeeTheSession() throws {
        let test = try TestApp()
        let world = try World(test)
        let fixture = TrainingCalendarFixture(test: test, world: world)
        let training = try fixture.training("Tekoäly työssä", titleSv: "AI i arbetet")
        let session = try fixture.session(training, "2027-03-29", "14:00", minutes: 30, place: "Kirjasto, Aalto-sali")
        var browser = try test.signIn("tyontekija")
        let response = try browser.get("/training-sessions/\(session.id)/event.ics")
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "text/calendar; charset=utf-8")
        #expect(response.headers["Content-Disposition"] == "attachment; filename=\"training-session-\(session.id).ics\"")
        let events = icalendarEvents(response.text)
        #expect(events.count == 1)
        #expect(events.first?["DTSTART"] == "20270329T140000" && events.first?["DTEND"] == "20270329T143000")
        #expect(events.first?["SUMMARY"] == "Tekoäly työssä")
        #expect(events.first?["LOCATION"] == #"Kirjasto\, Aalto-sali tai Teamsissa"#)
        #expect(response.text.contains("DTSTART;TZID=Europe/Helsinki:20270329T140000\r\n"))
        #expect(response.text.contains("BEGIN:VTIMEZONE\r\n"))
        #expect(!response.text.contains("REFRESH-INTERVAL"))

        try browser.get("/")
        _ = try browser.post("/language", ["language": "sv", "return_to": "/"])
        let swedish = try browser.get("/training-sessions/\(session.id)/event.ics")
        #expect(icalendarEvents(swedish.text).first?["SUMMARY"] == "AI i arbetet")
        #expect(icalendarEvents(swedish.text).first?["LOCATION"] == #"Kirjasto\, Aalto-sali eller i Teams"#)

        let elsewhere = try fixture.session(training, inDays: 3, units: [world.unitB])
        #expect(try browser.get("/training-sessions/\(elsewhere.id)/event.ics").status.code == 404)
    }
}

/// Log lines captured from an application, for the test that the token never reaches them.
final class LogLines: Sendable {
    let lines = Mutex<[String]>([])
}

struct LineCapture: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.lines.withLock { $0.append(event.message.description) }
    }
}
