import Foundation
import Synchronization
@testable import App
@testable import Storage

/// A clock the tests move: the application reads it through `AppSettings.now`.
final class TestClock: Sendable {
    private let instant: Mutex<Date>

    init(_ start: Date) {
        instant = Mutex(start)
    }

    var now: Date { instant.withLock { $0 } }

    func set(_ date: Date) {
        instant.withLock { $0 = date }
    }

    /// Settings whose clock is this one.
    var settings: AppSettings {
        var settings = TestApp.fastSettings
        settings.now = { [self] in now }
        return settings
    }
}

/// Trainings and sessions of the World's organisations, made through the stores.
enum TrainingAttendanceFixture {
    static let key = "Avain_123-xyz"

    /// A training of Järvelä (everyone its audience), optionally in a new series.
    static func training(_ world: World, _ test: TestApp, title: String = "Teams-perusteet", inSeries: Bool = false,
                         organisationID: Int64? = nil, offeredTo: Set<Int64> = []) throws -> Stored<Training> {
        let catalogue = TrainingCatalogueStore(test.database)
        let owner = organisationID ?? world.jarvela.id
        var seriesID: Int64?
        if inSeries {
            seriesID = try catalogue.createSeries(TrainingSeries(
                organisationID: owner, title: LocalisedText(fi: "Digivinkkituokio \(UUID().uuidString.prefix(6))", sv: "", en: ""),
                description: LocalisedText(fi: "", sv: "", en: ""))).id
        }
        return try catalogue.create(TrainingDraft(
            training: Training(organisationID: owner, seriesID: seriesID, title: LocalisedText(fi: title, sv: "", en: ""),
                               description: LocalisedText(fi: "", sv: "", en: ""), durationMinutes: 30,
                               format: .remote, language: "fi", ownerUserID: nil),
            areaCodes: ["viestinta"], offeredTo: offeredTo))
    }

    /// A session of the training starting `startsIn` seconds from `now`, 30 minutes long.
    static func session(_ test: TestApp, training: Stored<Training>, startsIn: TimeInterval, now: Date = Date(),
                        units: [Int64] = [], enrolment: EnrolmentMode = .open, recordingURL: String? = nil,
                        recordingUntil: String? = nil) throws -> Stored<TrainingSession> {
        let start = now.addingTimeInterval(startsIn)
        return try TrainingSessionStore(test.database).create(TrainingSession(
            trainingID: training.id, uid: UUID().uuidString, startsAt: start, endsAt: start.addingTimeInterval(1800),
            place: "Kokoushuone 2", meetingURL: nil, trainerName: "Tiina", capacity: nil, enrolment: enrolment,
            recordingURL: recordingURL, recordingUntil: recordingUntil, checkInKey: key), unitIDs: units)
    }

    /// A session in progress (started ten minutes ago) for unit A with its sub-units.
    static func sessionNow(_ world: World, _ test: TestApp) throws -> Stored<TrainingSession> {
        try session(test, training: try training(world, test), startsIn: -600, units: [world.unitA.id])
    }

    /// A session that ended an hour ago, with the World's employee (Aino, `tyontekija`) present.
    static func endedWithEmployeePresent(_ world: World, _ test: TestApp, inSeries: Bool = false) throws -> Stored<TrainingSession> {
        let session = try session(test, training: try training(world, test, inSeries: inSeries), startsIn: -5400)
        _ = try CompletionStore(test.database).markAttendance(
            session: session, listed: [world.employeeA.id], present: [world.employeeA.id], recordedBy: nil,
            completedOn: HelsinkiTime.date(session.startsAt))
        return session
    }

    /// A new series of Järvelä with one training.
    static func seriesID(_ world: World, _ test: TestApp) throws -> Int64 {
        let training = try training(world, test, inSeries: true)
        guard let seriesID = training.seriesID else { throw TestFailure("no series") }
        return seriesID
    }

    /// Yesterday's session, whose recording is available.
    static func sessionWithRecording(_ world: World, _ test: TestApp) throws -> Stored<TrainingSession> {
        try session(test, training: try training(world, test), startsIn: -86_400, recordingURL: "https://video.example/1")
    }

    /// `count` more employees of unit B (Bertta's unit), for groups of feedback.
    static func people(_ world: World, _ test: TestApp, _ count: Int, prefix: String = "P") throws -> [Stored<Employee>] {
        try (0..<count).map { index in
            try EmployeeStore(test.database).create(Employee(
                organisationID: world.jarvela.id, hrNumber: "\(prefix)\(index)-\(UUID().uuidString.prefix(4))",
                firstName: "Etu\(index)", lastName: "Suku\(prefix)\(index)", unitID: world.unitB.id))
        }
    }
}
