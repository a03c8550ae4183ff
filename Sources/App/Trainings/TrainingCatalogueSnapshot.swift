import Crypto
import Foundation
import Storage

/// What an organisation's catalogue page is made of, read once and shared by every reader: the
/// active trainings it sees with their areas and audiences, the sessions of the coming weeks with
/// their target units and places taken, and the recordings that can be watched.
///
/// Each request only chooses from it what the reader may see, so a page costs no SQL beyond the
/// reader's own places. Without it every view read and decoded about 170 sessions at 40,000 staff
/// (the catalogue answered 131 req/s with a p95 of 147 ms under 16 connections).
struct TrainingCatalogueSnapshot: Sendable {
    let organisationID: Int64
    /// The trainings' data version it was read at (`TrainingReportStore.version`).
    let version: String
    let builtAt: Date
    /// Active trainings the organisation sees, by Finnish title.
    let trainings: [Stored<Training>]
    let areaCodes: [Int64: [String]]
    let audiences: [Int64: TrainingAudience]
    /// Area code → name, per language code, from the newest published framework.
    let areaNames: [String: [String: String]]
    /// Sessions starting from `builtAt` to a little beyond the calendar's reach, earliest first.
    let upcoming: [SessionListing]
    /// Recordings that could be watched when it was read, newest first.
    let recordings: [SessionListing]
    /// Session id → target units (sessions for the whole organisation left out).
    let targets: [Int64: [Int64]]
    /// Session id → places taken.
    let enrolled: [Int64: Int]

    /// A name for this snapshot in cache keys: bodies rendered from it are kept under it.
    var identity: String { "\(organisationID)|\(version)|\(builtAt.timeIntervalSince1970)" }

    func audience(_ trainingID: Int64) -> TrainingAudience { audiences[trainingID] ?? .everyone }

    /// The sessions among `listings` the reader may see.
    func visible(_ listings: [SessionListing], to reader: TrainingReader) -> [SessionListing] {
        listings.filter {
            reader.sees(session: targets[$0.session.id] ?? [], of: $0.training, audience: audience($0.training.id))
        }
    }
}

/// Snapshots per organisation. One is read again when the trainings' data version changes (a session,
/// a training, a place or a completion) and at least every minute, for what the version does not
/// see (a newly published framework's area names, recordings whose time has run out).
final class TrainingCatalogueSnapshots: Sendable {
    /// A snapshot of a 40,000-employee organisation holds some 200 sessions: tens of kilobytes.
    static let budget = 4 << 20
    static let maximumAge: TimeInterval = 60

    private let entries: SingleFlight<TrainingCatalogueSnapshot>

    init(released: @escaping @Sendable (Int) -> Void = { _ in }) {
        entries = SingleFlight(budget: Self.budget, cost: { $0.memoryCost }, released: released)
    }

    func snapshot(organisationID: Int64, version: String,
                  build: () throws -> TrainingCatalogueSnapshot) throws -> TrainingCatalogueSnapshot {
        let key = CacheKey(family: "training-catalogue:\(organisationID)", version: 0, variant: "")
        return try entries.value(key, isFresh: { snapshot in
            snapshot.version == version && Date().timeIntervalSince(snapshot.builtAt) < Self.maximumAge
        }, build: build)
    }
}

extension TrainingCatalogueSnapshot {
    var memoryCost: Int {
        let listings = upcoming + recordings
        var cost = MemoryCost.array(trainings.count, of: Stored<Training>.self)
            + MemoryCost.array(listings.count, of: SessionListing.self)
            + MemoryCost.table(areaCodes.count, of: (Int64, [String]).self)
            + MemoryCost.table(audiences.count, of: (Int64, TrainingAudience).self)
            + MemoryCost.table(targets.count, of: (Int64, [Int64]).self)
            + MemoryCost.table(enrolled.count, of: (Int64, Int).self)
        for training in trainings.map(\.record) {
            cost += [training.titleFi, training.titleSv, training.titleEn, training.descriptionFi, training.descriptionSv,
                     training.descriptionEn].reduce(0) { $0 + MemoryCost.text($1) }
        }
        for session in listings.map(\.session.record) {
            cost += [session.place, session.meetingURL ?? "", session.recordingURL ?? "", session.trainerName, session.uid]
                .reduce(0) { $0 + MemoryCost.text($1) }
        }
        cost += areaNames.values.reduce(0) { total, names in
            total + names.reduce(MemoryCost.table(names.count, of: (String, String).self)) { $0 + MemoryCost.text($1.value) }
        }
        return cost
    }
}

extension WebApp {
    /// The organisation's catalogue snapshot, read again when something changed.
    /// `version`: the trainings' data version when the caller has just read it.
    func trainingCatalogueSnapshot(_ organisationID: Int64, version known: String? = nil) throws -> TrainingCatalogueSnapshot {
        let version = try known ?? trainingReports.version()
        return try trainingCatalogueSnapshots.snapshot(organisationID: organisationID, version: version) {
            try readTrainingCatalogueSnapshot(organisationID, version: version)
        }
    }

    private func readTrainingCatalogueSnapshot(_ organisationID: Int64, version: String) throws -> TrainingCatalogueSnapshot {
        let now = Date()
        let trainingList = try trainingCatalogue.trainings(visibleTo: organisationID)
        let trainingIDs = trainingList.map(\.id)
        // A day beyond the calendar's reach, so a snapshot read a minute ago still covers it.
        let until = HelsinkiTime.adding(days: Self.trainingCalendarDays + 1, to: now)
        let upcoming = try trainingSessions.sessions(visibleTo: organisationID, from: now, until: until)
        let recordings = try trainingSessions.recordings(visibleTo: organisationID, today: HelsinkiTime.date(now), now: now)
        let sessionIDs = (upcoming + recordings).map(\.session.id)
        var areaNames: [String: [String: String]] = [:]
        for language in Language.allCases {
            areaNames[language.rawValue] = try trainingAreaNames(organisationID, language: language.rawValue)
        }
        return TrainingCatalogueSnapshot(
            organisationID: organisationID, version: version, builtAt: now, trainings: trainingList,
            areaCodes: try trainingCatalogue.areaCodes(trainingIDs: trainingIDs),
            audiences: try trainingCatalogue.audiences(trainingIDs: trainingIDs), areaNames: areaNames,
            upcoming: upcoming, recordings: recordings,
            targets: try trainingSessions.targetUnits(sessionIDs: sessionIDs),
            enrolled: try trainingSessions.enrolledCounts(sessionIDs: upcoming.map(\.session.id)))
    }
}

/// A digest naming everything a catalogue body shows, so readers who see the same sessions and
/// trainings with the same places of their own share one rendered body, and no one is shown a body
/// made for someone else. SHA-256 rather than `Hasher`: a collision would show a stranger's places.
struct CatalogueBodyDigest {
    private var hash = SHA256()

    mutating func add(_ label: String, _ values: [Int64]) {
        hash.update(data: Array((label + ":" + values.map(String.init).joined(separator: ",") + ";").utf8))
    }

    mutating func add(_ label: String, _ text: String) {
        hash.update(data: Array((label + ":" + text.replacingOccurrences(of: ";", with: "%3B") + ";").utf8))
    }

    func finish() -> String {
        hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
