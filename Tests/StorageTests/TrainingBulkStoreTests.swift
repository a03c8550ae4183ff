import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Trainings in bulk")
struct TrainingBulkStoreTests {
    private static func load(_ fixture: TrainingFixture, people: [Int64]) -> TrainingBulkLoad {
        let organisationID = fixture.staff.organisationID
        var load = TrainingBulkLoad()
        load.series.append(TrainingSeries(organisationID: organisationID,
                                          title: LocalisedText(fi: "Digivinkkituokio", sv: "Digitipsstund", en: "Digi-tips"),
                                          description: LocalisedText(fi: "", sv: "", en: "")))
        let training = Training(organisationID: organisationID, seriesID: nil,
                                title: LocalisedText(fi: "OneNote", sv: "OneNote", en: "OneNote"),
                                description: LocalisedText(fi: "", sv: "", en: ""), durationMinutes: 15, format: .remote,
                                language: "fi", ownerUserID: nil)
        load.trainings.append(BulkTraining(TrainingDraft(training: training, areaCodes: ["digital-work", "digital-work"]),
                                           seriesIndex: 0))
        let start = Date().addingTimeInterval(-86_400)
        var held = TrainingSession(trainingID: 0, uid: "a", startsAt: start, endsAt: start.addingTimeInterval(900), place: "",
                                   meetingURL: "https://teams.example/a", trainerName: "Sanna", capacity: nil,
                                   enrolment: .open, checkInKey: "k1")
        load.sessions.append(BulkSession(held, trainingIndex: 0, unitIDs: []))
        held.uid = "b"
        held.checkInKey = "k2"
        held.status = .cancelled
        held.cancelReason = "Sairastuminen"
        held.cancelledAt = start
        load.sessions.append(BulkSession(held, trainingIndex: 0, unitIDs: []))
        for employeeID in people.prefix(2) {
            load.attendance.append(BulkAttendance(sessionIndex: 0, employeeID: employeeID, source: .marked, recordedAt: start,
                                                  recordedBy: nil, completedOn: "2026-01-01"))
        }
        load.completions.append(BulkCompletion(trainingIndex: 0, sessionIndex: 0, employeeID: people[2], kind: .recording,
                                               completedOn: "2026-01-02", recordedAt: start, recordedBy: nil))
        load.enrolments.append(BulkEnrolment(sessionIndex: 1, employeeID: people[0], kind: .registered, state: .waiting,
                                             enrolledAt: start))
        load.follows.append(BulkFollow(sessionIndex: 0, employeeID: people[1]))
        return load
    }

    @Test func aYearGoesInAsTheOtherStoresWouldWriteIt() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let people = try fixture.people(3)
        let database = fixture.staff.temporary.database
        let count = try TrainingBulkStore(database).load(Self.load(fixture, people: people))
        #expect(count.series == 1 && count.trainings == 1 && count.sessions == 2 && count.attendance == 2)
        #expect(count.completions == 3, "two attended with their attendance, one recording")
        let training = try #require(try TrainingCatalogueStore(database).details(trainingID: count.trainingIDs[0]))
        #expect(training.areaCodes == ["digital-work"] && training.training.seriesID != nil)
        // Each attendance has its attended completion, as marking attendance writes them.
        let history = try CompletionStore(database).inForce(employeeID: people[0])
        #expect(history.map(\.entry.kind) == [.attended] && history.first?.entry.sessionID == count.sessionIDs[0])
        #expect(try CompletionStore(database).attendance(sessionID: count.sessionIDs[0]).count == 2)
        let cancelled = try #require(try TrainingSessionStore(database).session(id: count.sessionIDs[1]))
        #expect(cancelled.status == .cancelled && cancelled.cancelReason == "Sairastuminen")
        #expect(try EnrolmentStore(database).waitingPosition(sessionID: count.sessionIDs[1], employeeID: people[0]) == 1)
        #expect(try EnrolmentStore(database).followed(employeeID: people[1]) == [count.sessionIDs[0]])
        // The history stays append-only.
        #expect(throws: DatabaseError.self) {
            try database.pool.write { db in try db.execute(sql: "DELETE FROM training_completions") }
        }
    }

    @Test func aLoadNamingWhatItLacksStoresNothing() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let people = try fixture.people(3)
        let database = fixture.staff.temporary.database
        var load = Self.load(fixture, people: people)
        load.attendance.append(BulkAttendance(sessionIndex: 9, employeeID: people[0], source: .marked, recordedAt: Date(),
                                              recordedBy: nil, completedOn: "2026-01-01"))
        #expect(throws: StorageError.self) { try TrainingBulkStore(database).load(load) }
        let sessions = try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM training_sessions") }
        #expect(sessions == 0)
    }

    @Test func feedbackInBulkKeepsTheRulesOfOneSubmission() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let people = try fixture.people(3)
        let database = fixture.staff.temporary.database
        let count = try TrainingBulkStore(database).load(Self.load(fixture, people: people))
        let session = count.sessionIDs[0]
        let answer = TrainingFeedbackAnswer(usefulness: 5, canUse: true, comment: "Hyvä")
        let feedback = TrainingFeedbackStore(database)
        let recorded = try feedback.submitMany([
            FeedbackSubmission(sessionID: session, employeeID: people[0], answer: answer),
            FeedbackSubmission(sessionID: session, employeeID: people[0], answer: answer),
            FeedbackSubmission(sessionID: session, employeeID: people[2], answer: answer),
        ])
        #expect(recorded == 1, "once per attendee; the recording's watcher did not attend")
        #expect(try feedback.hasGiven(sessionID: session, employeeID: people[0]))
        #expect(try feedback.submit(sessionID: session, employeeID: people[0], answer) == .alreadyGiven)
        #expect(try feedback.answers(sessionIDs: [session])[session] == [answer])
        #expect(throws: StorageError.self) {
            try feedback.submitMany([FeedbackSubmission(sessionID: session, employeeID: people[1],
                                                        answer: TrainingFeedbackAnswer(usefulness: 6, canUse: nil, comment: ""))])
        }
    }
}
