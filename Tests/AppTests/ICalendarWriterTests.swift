import Foundation
import Testing
@testable import App

@Suite("iCalendar writer")
struct ICalendarWriterTests {
    /// An instant from a Helsinki wall-clock time, or a test failure.
    static func helsinki(_ date: String, _ time: String) throws -> Date {
        guard let instant = HelsinkiTime.instant(date: date, time: time) else { throw TestFailure("no \(date) \(time)") }
        return instant
    }

    static func event(summary: String = "Teams-perusteet", start: Date, minutes: Double = 15,
                      status: ICalendarEvent.Status = .confirmed) -> ICalendarEvent {
        ICalendarEvent(uid: "abc-123@taitotutka", sequence: 2, stamp: Date(timeIntervalSince1970: 1_800_000_000),
                       created: nil, start: start, end: start.addingTimeInterval(minutes * 60), summary: summary,
                       location: "Kokoushuone 2", url: "https://tt.example/training-sessions/7",
                       description: "Rivi 1\nRivi 2", status: status)
    }

    /// The logical lines of a document: folds undone (CRLF followed by one space).
    static func unfolded(_ document: String) -> [String] {
        document.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        #expect(ICalendarWriter.escapeText(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarWriter.escapeText("yksi\ntwo\r\nthree\rfour") == #"yksi\ntwo\nthree\nfour"#)
        #expect(ICalendarWriter.escapeText("tab\there") == "tab\there")
        #expect(ICalendarWriter.escapeText("bell\u{7}nul\u{0}del\u{7F}") == "bellnuldel", "control characters stay out of TEXT")
        #expect(ICalendarWriter.escapeText("Päiväkoti: ”Satakieli” 😀") == "Päiväkoti: ”Satakieli” 😀")
    }

    @Test func linesFoldAt75OctetsWithoutSplittingAUTF8Sequence() throws {
        for text in [String(repeating: "a", count: 200), String(repeating: "ä", count: 120),
                     "x" + String(repeating: "€", count: 80), String(repeating: "😀", count: 50),
                     String(repeating: "ab€😀ö", count: 30)] {
            let line = "DESCRIPTION:" + text
            let folded = ICalendarWriter.fold(line)
            #expect(folded.hasSuffix("\r\n"))
            let physical = String(decoding: folded.utf8.dropLast(2), as: UTF8.self).components(separatedBy: "\r\n")
            for (index, part) in physical.enumerated() {
                #expect(part.utf8.count <= 75, "line \(index) has \(part.utf8.count) octets")
                if index > 0 { #expect(part.hasPrefix(" ")) }
                // Each physical line is valid UTF-8 on its own: no sequence was cut.
                #expect(String(validating: Array(part.utf8), as: UTF8.self) != nil)
            }
            // Lines are filled: every line but the last is within 3 octets of the limit.
            for part in physical.dropLast() { #expect(part.utf8.count >= 72) }
            #expect(physical.enumerated().map { $0 == 0 ? $1 : String($1.dropFirst()) }.joined() == line)
        }
        #expect(ICalendarWriter.fold(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75) + "\r\n")
        #expect(ICalendarWriter.fold(String(repeating: "a", count: 76))
                == String(repeating: "a", count: 75) + "\r\n a\r\n")
    }

    @Test func aDocumentIsCRLFThroughoutWithTheRequiredProperties() throws {
        let start = try Self.helsinki("2027-03-29", "14:00")
        let writer = ICalendarWriter(name: "Omat koulutukset", refreshes: true, events: [Self.event(start: start)])
        let document = writer.document()
        #expect(!document.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        #expect(!document.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "a bare CR")
        let lines = Self.unfolded(document)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        for expected in ["VERSION:2.0", "PRODID:-//Taitotutka//Trainings//FI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                         "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H", "NAME:Omat koulutukset",
                         "UID:abc-123@taitotutka", "SEQUENCE:2", "DTSTAMP:20270115T080000Z",
                         "DTSTART;TZID=Europe/Helsinki:20270329T140000", "DTEND;TZID=Europe/Helsinki:20270329T141500",
                         "SUMMARY:Teams-perusteet", "LOCATION:Kokoushuone 2", "URL:https://tt.example/training-sessions/7",
                         #"DESCRIPTION:Rivi 1\nRivi 2"#, "STATUS:CONFIRMED", "TZID:Europe/Helsinki"] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") || $0.hasPrefix("ORGANIZER") })
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        let single = ICalendarWriter(events: [Self.event(start: start, status: .cancelled)]).document()
        #expect(!single.contains("REFRESH-INTERVAL") && !single.contains("\r\nNAME:"), "a single event is not a feed")
        #expect(single.contains("STATUS:CANCELLED\r\n"))
    }

    /// The time zone says what Europe/Helsinki does: +02 in winter, +03 from the last Sunday of March at
    /// 03:00 local time, back at 04:00 local on the last Sunday of October.
    @Test func theTimeZoneAndLocalTimesAgreeAcrossDaylightSaving() throws {
        let lines = ICalendarWriter.helsinkiTimeZone
        let daylight = try #require(lines.firstIndex(of: "BEGIN:DAYLIGHT"))
        let standard = try #require(lines.firstIndex(of: "BEGIN:STANDARD"))
        #expect(Array(lines[daylight...].prefix(7)) == [
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "TZNAME:EEST", "DTSTART:19700329T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT"])
        #expect(Array(lines[standard...].prefix(7)) == [
            "BEGIN:STANDARD", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "TZNAME:EET", "DTSTART:19701025T040000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD"])
        // 2027-03-28 is the spring change: the same 14:00 is 12:00 UTC before and 11:00 UTC after.
        let before = try Self.helsinki("2027-03-26", "14:00"), after = try Self.helsinki("2027-03-29", "14:00")
        #expect(ICalendarWriter.utc(before) == "20270326T120000Z" && ICalendarWriter.utc(after) == "20270329T110000Z")
        #expect(ICalendarWriter.helsinkiLocal(before) == "20270326T140000")
        #expect(ICalendarWriter.helsinkiLocal(after) == "20270329T140000")
        let autumn = try Self.helsinki("2027-11-01", "14:00")
        #expect(ICalendarWriter.utc(autumn) == "20271101T120000Z" && ICalendarWriter.helsinkiLocal(autumn) == "20271101T140000")
    }

    @Test func onlyHTTPAddressesBecomeURLs() {
        #expect(ICalendarWriter.uri("https://teams.microsoft.com/l/meetup-join/x") != nil)
        #expect(ICalendarWriter.uri("javascript:alert(1)") == nil)
        #expect(ICalendarWriter.uri("https://x.example/a b") == nil)
        #expect(ICalendarWriter.uri("https://x.example/\r\nATTENDEE:x") == nil)
        var event = Self.event(start: Date(timeIntervalSince1970: 1_800_000_000))
        event.url = "javascript:alert(1)"
        #expect(!ICalendarWriter.lines(of: event).contains { $0.hasPrefix("URL") })
    }

    @Test func userTextCannotAddPropertiesOrComponents() {
        var event = Self.event(summary: "Hyvä\r\nEND:VEVENT\r\nBEGIN:VEVENT\nATTENDEE:mailto:x@y", start: Date())
        event.location = "Huone;1,2\nATTENDEE:z"
        let lines = Self.unfolded(ICalendarWriter(events: [event]).document())
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") })
        #expect(lines.contains(#"LOCATION:Huone\;1\,2\nATTENDEE:z"#))
    }
}
