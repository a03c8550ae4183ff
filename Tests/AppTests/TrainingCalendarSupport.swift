import Foundation
@testable import App
@testable import Storage

/// Trainings and sessions in the access matrix's world, made through the stores.
struct TrainingCalendarFixture {
    let test: TestApp
    let world: World
    var catalogue: TrainingCatalogueStore { TrainingCatalogueStore(test.database) }
    var sessions: TrainingSessionStore { TrainingSessionStore(test.database) }
    var enrolments: EnrolmentStore { EnrolmentStore(test.database) }

    /// A training of Järvelä (or `organisation`) for `audience`, in `series` if given.
    func training(_ title: String, organisation: Stored<Organisation>? = nil, series: Stored<TrainingSeries>? = nil,
                  audience: TrainingAudience = .everyone, format: TrainingFormat = .remote, active: Bool = true,
                  titleSv: String = "", description: String = "") throws -> Stored<Training> {
        try catalogue.create(TrainingDraft(
            training: Training(organisationID: (organisation ?? world.jarvela).id, seriesID: series?.id,
                               title: LocalisedText(fi: title, sv: titleSv, en: ""),
                               description: LocalisedText(fi: description, sv: "", en: ""), durationMinutes: 15,
                               format: format, language: "fi", ownerUserID: nil, active: active),
            areaCodes: ["ict"], audience: audience))
    }

    func series(_ title: String) throws -> Stored<TrainingSeries> {
        try catalogue.createSeries(TrainingSeries(organisationID: world.jarvela.id,
                                                  title: LocalisedText(fi: title, sv: title + " (sv)", en: ""),
                                                  description: LocalisedText(fi: "", sv: "", en: "")))
    }

    /// A session at a Helsinki wall-clock time, for `units` (none: the whole organisation).
    func session(_ training: Stored<Training>, _ date: String, _ time: String, minutes: Double = 15, place: String = "",
                 meetingURL: String? = "https://teams.microsoft.com/l/meetup-join/secret-link",
                 enrolment: EnrolmentMode = .open, units: [Stored<WorkUnit>] = []) throws -> Stored<TrainingSession> {
        guard let start = HelsinkiTime.instant(date: date, time: time) else { throw TestFailure("no \(date) \(time)") }
        return try sessions.create(TrainingSession(
            trainingID: training.id, uid: UUID().uuidString.lowercased(), startsAt: start,
            endsAt: start.addingTimeInterval(minutes * 60), place: place, meetingURL: meetingURL,
            trainerName: "Tiina Kouluttaja", capacity: nil, enrolment: enrolment, checkInKey: "key"),
            unitIDs: units.map(\.id))
    }

    /// A session `days` from now at 14:00 Helsinki time.
    func session(_ training: Stored<Training>, inDays days: Int, place: String = "", units: [Stored<WorkUnit>] = [],
                 enrolment: EnrolmentMode = .open) throws -> Stored<TrainingSession> {
        let day = HelsinkiTime.date(HelsinkiTime.adding(days: days, to: Date()))
        return try session(training, day, "14:00", place: place, enrolment: enrolment, units: units)
    }
}

extension Browser {
    /// Makes (or renews) the signed-in person's feed address of `scope` on the calendar page and
    /// returns the address shown once.
    mutating func makeFeed(_ scope: String) throws -> String {
        try get("/my-trainings/calendar")
        let response = try post("/my-trainings/calendar/renew", ["scope": scope])
        guard response.status.code == 200 else { throw TestFailure("renew answered \(response.status.code)") }
        let marker = "id=\"feed-address-\(scope)\" type=\"text\" readonly value=\""
        guard let range = lastBody.range(of: marker) else { throw TestFailure("no address on the page") }
        let rest = lastBody[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { throw TestFailure("unterminated address") }
        return String(rest[..<end])
    }
}

/// The path and query of an absolute address (`http://localhost/calendar/feed.ics?t=…` → `/calendar/…`).
func pathAndQuery(_ address: String) -> String {
    guard let components = URLComponents(string: address) else { return address }
    return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
}

/// The events of an iCalendar document as property maps (folds undone; the first value of each name).
func icalendarEvents(_ document: String) -> [[String: String]] {
    var events: [[String: String]] = []
    var current: [String: String]?
    for line in document.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n") {
        if line == "BEGIN:VEVENT" { current = [:]; continue }
        if line == "END:VEVENT", let event = current { events.append(event); current = nil; continue }
        guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
        let name = String(line[..<colon].split(separator: ";").first ?? "")
        if current?[name] == nil { current?[name] = String(line[line.index(after: colon)...]) }
    }
    return events
}
