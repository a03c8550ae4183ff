import Crypto
import Foundation
import Storage

/// The secret in a calendar feed's address: 32 random bytes (256 bits) as base64url, kept in the
/// database only as its SHA-256. It travels in the query (`?t=`), which the access log leaves out.
enum CalendarFeedToken {
    static let byteCount = 32
    /// 32 bytes in unpadded base64url.
    static let length = 43

    static func generate() -> String {
        SecureRandom.token(byteCount: byteCount)
    }

    static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    /// Whether `text` could be a token at all: no lookup for anything else.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
    }
}

/// Which sessions a feed carries and for how long: sessions starting from 30 days ago to a year
/// ahead, and a cancelled one for 30 days after its cancellation (so calendars that already show it
/// see it cancelled), then no more.
enum CalendarFeedWindow {
    static let pastDays = 30
    static let futureDays = 366
    static let cancelledKeptDays = 30

    static func range(now: Date) -> (from: Date, until: Date) {
        (HelsinkiTime.adding(days: -pastDays, to: HelsinkiTime.startOfDay(now)),
         HelsinkiTime.adding(days: futureDays, to: HelsinkiTime.startOfDay(now)))
    }

    static func keeps(_ session: TrainingSession, now: Date) -> Bool {
        let window = range(now: now)
        guard session.startsAt >= window.from, session.startsAt < window.until else { return false }
        guard session.status == .cancelled else { return true }
        guard let cancelledAt = session.cancelledAt else { return false }
        return now < cancelledAt.addingTimeInterval(Double(cancelledKeptDays) * 86_400)
    }
}

/// A session as an iCalendar event, in the language of the person it is for.
struct TrainingEventBuilder: Sendable {
    let text: CalendarText
    /// `http(s)://host` for the event's URL; nil leaves the URL out.
    let origin: String?

    func event(_ listing: SessionListing) -> ICalendarEvent {
        let session = listing.session, training = listing.training
        let strings = text.strings
        let cancelled = session.status == .cancelled
        let title = text.title(training.record)
        var description: [String] = []
        if cancelled { description.append(strings.text("tcal_event_cancelled")) }
        let about = training.description.text(text.language.rawValue).trimmingCharacters(in: .whitespacesAndNewlines)
        if !about.isEmpty { description.append(about) }
        if !cancelled, let link = session.meetingURL.flatMap(ICalendarWriter.uri) {
            description.append(strings.format("tcal_event_join", ["link": link]))
        }
        let page = origin.map { $0 + Paths.trainingSession(session.id) }
        if let page { description.append(strings.format("tcal_event_page", ["link": page])) }
        let place = text.place(session.record, format: training.format)
        return ICalendarEvent(
            uid: session.uid + "@" + ICalendarWriter.uidDomain, sequence: session.sequence,
            stamp: max(session.updatedAt, training.updatedAt), created: session.createdAt,
            start: session.startsAt, end: session.endsAt,
            summary: cancelled ? strings.format("tcal_event_cancelled_summary", ["title": title]) : title,
            location: place.isEmpty ? nil : place, url: page,
            description: description.joined(separator: "\n\n"), status: cancelled ? .cancelled : .confirmed)
    }
}

extension WebApp {
    /// The reader an employee's feeds are written for: what they see as a member of staff, in their
    /// own organisation (a feed never shows the whole catalogue a trainer or HR keeps).
    func feedReader(_ employee: Stored<Employee>) throws -> TrainingReader? {
        guard let organisation = try organisations.organisation(id: employee.organisationID) else { return nil }
        var ancestry: Set<Int64> = []
        var sectorID: Int64?
        if let unitID = employee.unitID {
            ancestry = try units.ancestorIDs(of: unitID)
            sectorID = try units.unit(id: unitID)?.sectorID
        }
        return TrainingReader(organisation: organisation, employee: employee, sectorID: sectorID,
                              unitAncestry: ancestry, keepsCatalogue: false)
    }

    /// The sessions of a feed, earliest first.
    ///
    /// - `personal`: sessions the person holds a place on (enrolled or assigned; not waiting, not given
    ///   up), and the sessions they follow that they still may see.
    /// - `catalogue`: every session of the organisation's catalogue (its own trainings and those offered
    ///   to it) that is aimed at the person — the audience includes them and the session is for the whole
    ///   organisation or their unit or a unit above it — as the calendar page shows it to them.
    func feedSessions(_ scope: CalendarFeedScope, for employee: Stored<Employee>, now: Date = Date()) throws -> [SessionListing] {
        guard let reader = try feedReader(employee) else { return [] }
        let window = CalendarFeedWindow.range(now: now)
        switch scope {
        case .personal:
            let held = Set(try enrolments.enrolments(employeeID: employee.id).filter { $0.state == .enrolled }.map(\.sessionID))
            let followed = try enrolments.followed(employeeID: employee.id).subtracting(held)
            let listings = try trainingSessions.listings(sessionIDs: Array(held.union(followed)).sorted())
                .filter { CalendarFeedWindow.keeps($0.session.record, now: now) }
            let followedListings = listings.filter { followed.contains($0.session.id) }
            let visible = try visibleToReader(followedListings, reader)
            return listings.filter { held.contains($0.session.id) || visible.contains($0.session.id) }
        case .catalogue:
            let listings = try trainingSessions.sessions(visibleTo: reader.organisation.id, from: window.from, until: window.until)
                .filter { CalendarFeedWindow.keeps($0.session.record, now: now) }
            let visible = try visibleToReader(listings, reader, organisationChecked: true)
            return listings.filter { visible.contains($0.session.id) }
        }
    }

    /// The ids of the sessions the reader may see as an employee: the training active and offered to
    /// their organisation, they of its audience, and the session aimed at them.
    private func visibleToReader(_ listings: [SessionListing], _ reader: TrainingReader,
                                 organisationChecked: Bool = false) throws -> Set<Int64> {
        guard !listings.isEmpty else { return [] }
        let trainingIDs = Array(Set(listings.map(\.training.id))).sorted()
        let audiences = try trainingCatalogue.audiences(trainingIDs: trainingIDs)
        let targets = try trainingSessions.targetUnits(sessionIDs: listings.map(\.session.id))
        var organisationSees: [Int64: Bool] = [:]
        var visible: Set<Int64> = []
        for listing in listings {
            let trainingID = listing.training.id
            if !organisationChecked, organisationSees[trainingID] == nil {
                organisationSees[trainingID] = try self.organisationSees(listing.training, organisationID: reader.organisation.id)
            }
            guard organisationChecked || organisationSees[trainingID] == true else { continue }
            if reader.sees(session: targets[listing.session.id] ?? [], of: listing.training,
                           audience: audiences[trainingID] ?? .everyone) {
                visible.insert(listing.session.id)
            }
        }
        return visible
    }

    /// A feed as an iCalendar document in the person's language.
    func feedDocument(_ scope: CalendarFeedScope, for employee: Stored<Employee>, origin: String?,
                      now: Date = Date()) throws -> String {
        let strings = localisation.strings(Language(rawValue: employee.language) ?? .standard)
        let builder = TrainingEventBuilder(text: CalendarText(strings: strings), origin: origin)
        let organisation = try organisations.organisation(id: employee.organisationID)?.name ?? ""
        let name = scope == .personal ? strings.text("tcal_feed_name_personal")
            : strings.format("tcal_feed_name_catalogue", ["organisation": organisation])
        var writer = ICalendarWriter(name: name, refreshes: true)
        writer.events = try feedSessions(scope, for: employee, now: now).map(builder.event)
        return writer.document()
    }
}
