import Foundation

/// One event of an iCalendar object (RFC 5545 VEVENT), as plain values.
struct ICalendarEvent: Sendable, Equatable {
    enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    /// Globally unique and stable across changes: calendars match updates to the event by it.
    var uid: String
    /// Grows on every change, so a calendar knows the newer version wins.
    var sequence: Int
    /// When this version of the event was made (`DTSTAMP`, and `LAST-MODIFIED`).
    var stamp: Date
    var created: Date?
    var start: Date
    var end: Date
    var summary: String
    var location: String?
    /// An absolute http(s) address (the session page).
    var url: String?
    var description: String?
    var status: Status
}

/// Writes iCalendar objects (RFC 5545): the calendar, a VTIMEZONE for Europe/Helsinki and its events,
/// with lines folded at 75 octets, CRLF line ends and TEXT values escaped.
///
/// Written here rather than taken from a library: there is no well-kept Swift iCalendar library to
/// depend on, and the part this service needs (publishing events) is small. It is pure — values in,
/// text out — and its output is checked by the unit tests and, in the browser tests, by a real
/// iCalendar parser (Python's `icalendar`).
struct ICalendarWriter: Sendable {
    static let productID = "-//Taitotutka//Trainings//FI"
    static let timeZoneID = "Europe/Helsinki"
    /// The domain part added to a session's own uid (`uid@taitotutka`): stable, whatever host name
    /// the service is reached by.
    static let uidDomain = "taitotutka"
    /// How often a subscribed calendar should fetch the feed again.
    static let refreshInterval = "PT1H"

    /// The calendar's display name (`NAME`, `X-WR-CALNAME`), for feeds.
    var name: String?
    /// Whether the calendar asks to be fetched again every `refreshInterval` (subscription feeds).
    var refreshes = false
    var events: [ICalendarEvent] = []

    /// The whole iCalendar object, every line folded and ended with CRLF.
    func document() -> String {
        var lines: [String] = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + Self.productID,
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        if let name {
            lines.append("NAME:" + Self.escapeText(name))
            lines.append("X-WR-CALNAME:" + Self.escapeText(name))
        }
        if refreshes {
            lines.append("REFRESH-INTERVAL;VALUE=DURATION:" + Self.refreshInterval)
            lines.append("X-PUBLISHED-TTL:" + Self.refreshInterval)
        }
        lines.append("X-WR-TIMEZONE:" + Self.timeZoneID)
        lines += Self.helsinkiTimeZone
        for event in events {
            lines += Self.lines(of: event)
        }
        lines.append("END:VCALENDAR")
        var output = ""
        for line in lines {
            output += Self.fold(line)
        }
        return output
    }

    static func lines(of event: ICalendarEvent) -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + escapeText(event.uid),
            "SEQUENCE:\(max(0, event.sequence))",
            "DTSTAMP:" + utc(event.stamp),
        ]
        if let created = event.created { lines.append("CREATED:" + utc(created)) }
        lines.append("LAST-MODIFIED:" + utc(event.stamp))
        lines.append("DTSTART;TZID=\(timeZoneID):" + helsinkiLocal(event.start))
        lines.append("DTEND;TZID=\(timeZoneID):" + helsinkiLocal(event.end))
        lines.append("SUMMARY:" + escapeText(event.summary))
        if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escapeText(location)) }
        if let url = event.url.flatMap(uri) { lines.append("URL:" + url) }
        if let description = event.description, !description.isEmpty {
            lines.append("DESCRIPTION:" + escapeText(description))
        }
        lines.append("STATUS:" + event.status.rawValue)
        lines.append("TRANSP:OPAQUE")
        lines.append("END:VEVENT")
        return lines
    }

    /// Europe/Helsinki as the EU has kept it since 1996: EEST (UTC+3) from 03:00 on the last Sunday of
    /// March, EET (UTC+2) from 04:00 on the last Sunday of October, both at 01:00 UTC.
    static let helsinkiTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:" + timeZoneID,
        "X-LIC-LOCATION:" + timeZoneID,
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0300",
        "TZNAME:EEST",
        "DTSTART:19700329T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0300",
        "TZOFFSETTO:+0200",
        "TZNAME:EET",
        "DTSTART:19701025T040000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    // MARK: - Values

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other
    /// control characters, which TEXT may not hold, dropped (a tab stays).
    static func escapeText(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\r":
                output += "\\n"
                if pending == "\n" { pending = scalars.next() }
            case "\n", "\u{2028}", "\u{2029}", "\u{85}": output += "\\n"
            case "\t": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A URI value as it may stand on a line: an http(s) address without spaces or control characters;
    /// anything else is left out.
    static func uri(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return text
    }

    /// An instant in UTC, `YYYYMMDDTHHMMSSZ`.
    static func utc(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return basic(calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)) + "Z"
    }

    /// An instant as Helsinki wall-clock time, `YYYYMMDDTHHMMSS` (to go with `TZID=Europe/Helsinki`).
    static func helsinkiLocal(_ instant: Date) -> String {
        basic(HelsinkiTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant))
    }

    private static func basic(_ parts: DateComponents) -> String {
        String(format: "%04d%02d%02dT%02d%02d%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
               parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    // MARK: - Lines

    /// Octets a content line may have before its CRLF (RFC 5545 §3.1).
    static let lineLimit = 75

    /// `line` folded into lines of at most 75 octets, each continuation starting with one space, every
    /// line ended with CRLF. Folds fall between Unicode scalars, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var output = ""
        var used = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if used + size > lineLimit {
                output += "\r\n "
                used = 1
            }
            output.unicodeScalars.append(scalar)
            used += size
        }
        return output + "\r\n"
    }
}
