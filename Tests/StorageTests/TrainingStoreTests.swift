import Foundation
import GRDB
import Testing
@testable import Storage

/// A staff fixture with a training and a helper to schedule its sessions.
struct TrainingFixture {
    let staff: StaffFixture
    let training: Stored<Training>
    var catalogue: TrainingCatalogueStore { TrainingCatalogueStore(staff.temporary.database) }
    var sessions: TrainingSessionStore { TrainingSessionStore(staff.temporary.database) }
    var enrolments: EnrolmentStore { EnrolmentStore(staff.temporary.database) }
    var completions: CompletionStore { CompletionStore(staff.temporary.database) }

    init() throws {
        staff = try StaffFixture()
        let draft = TrainingDraft(
            training: Training(organisationID: staff.organisationID, seriesID: nil,
                               title: LocalisedText(fi: "Teams-perusteet", sv: "", en: ""),
                               description: LocalisedText(fi: "", sv: "", en: ""), durationMinutes: 30,
                               format: .remote, language: "fi", ownerUserID: nil),
            areaCodes: ["viestinta"])
        training = try TrainingCatalogueStore(staff.temporary.database).create(draft)
    }

    func session(capacity: Int?, enrolment: EnrolmentMode = .registration, startsIn hours: Double = 24) throws -> Stored<TrainingSession> {
        let start = Date().addingTimeInterval(hours * 3600)
        return try sessions.create(TrainingSession(
            trainingID: training.id, uid: UUID().uuidString, startsAt: start, endsAt: start.addingTimeInterval(1800),
            place: "", meetingURL: "https://teams.example/1", trainerName: "Tiina", capacity: capacity,
            enrolment: enrolment, checkInKey: "k"), unitIDs: [])
    }

    func people(_ count: Int) throws -> [Int64] {
        try (1...count).map { try staff.employee("T\($0)", "Etu\($0)", "Suku\($0)").id }
    }

    func remove() { staff.remove() }
}

@Suite("Training enrolment and waiting list")
struct EnrolmentStoreTests {
    @Test func aFullSessionQueuesAndACancellationPromotesTheFirstWaiting() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: 2)
        let people = try fixture.people(4)
        let start = Date()
        var outcomes: [EnrolOutcome] = []
        for (index, person) in people.enumerated() {
            outcomes.append(try fixture.enrolments.enrol(sessionID: session.id, employeeID: person,
                                                         now: start.addingTimeInterval(Double(index))))
        }
        #expect(outcomes == [.enrolled, .enrolled, .waiting(position: 1), .waiting(position: 2)])
        #expect(try fixture.enrolments.enrol(sessionID: session.id, employeeID: people[0]) == .alreadyEnrolled)
        #expect(try fixture.enrolments.enrol(sessionID: session.id, employeeID: people[3]) == .alreadyWaiting(position: 2))

        let promoted = try fixture.enrolments.cancel(sessionID: session.id, employeeID: people[1])
        #expect(promoted == [people[2]])
        #expect(try fixture.enrolments.enrolment(sessionID: session.id, employeeID: people[2])?.state == .enrolled)
        #expect(try fixture.enrolments.waitingPosition(sessionID: session.id, employeeID: people[3]) == 1)
        #expect(try fixture.sessions.enrolledCount(sessionID: session.id) == 2)

        // Someone who gave up their place and comes back joins the end of the queue.
        #expect(try fixture.enrolments.enrol(sessionID: session.id, employeeID: people[1]) == .waiting(position: 2))
    }

    @Test func aWaitingPersonWhoLeavesPromotesNoOne() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: 1)
        let people = try fixture.people(3)
        for person in people { _ = try fixture.enrolments.enrol(sessionID: session.id, employeeID: person) }
        #expect(try fixture.enrolments.cancel(sessionID: session.id, employeeID: people[1]).isEmpty)
        #expect(try fixture.enrolments.waitingPosition(sessionID: session.id, employeeID: people[2]) == 1)
    }

    @Test func raisingTheCapacityPromotesAndLoweringItBelowTheEnrolledIsRefused() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        var session = try fixture.session(capacity: 1)
        let people = try fixture.people(3)
        for person in people { _ = try fixture.enrolments.enrol(sessionID: session.id, employeeID: person) }
        session.capacity = 2
        try fixture.sessions.update(session, unitIDs: [])
        #expect(try fixture.enrolments.promoteWaiting(sessionID: session.id) == [people[1]])
        session.capacity = 1
        #expect(throws: StorageError.self) { try fixture.sessions.update(session, unitIDs: []) }
    }

    @Test func withoutACapacityEveryoneGetsAPlace() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: nil)
        for person in try fixture.people(30) {
            #expect(try fixture.enrolments.enrol(sessionID: session.id, employeeID: person) == .enrolled)
        }
    }

    @Test func changesRaiseTheSequenceAndCancellingKeepsTheRecord() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        var session = try fixture.session(capacity: nil)
        session.place = "Kokoushuone 2"
        try fixture.sessions.update(session, unitIDs: [])
        try fixture.sessions.cancel(sessionID: session.id, reason: "Kouluttaja sairastui")
        let stored = try #require(try fixture.sessions.session(id: session.id))
        #expect(stored.sequence == 2)
        #expect(stored.status == .cancelled)
        #expect(stored.cancelReason == "Kouluttaja sairastui")
        #expect(throws: StorageError.self) { try fixture.sessions.cancel(sessionID: session.id, reason: "again") }
    }
}

@Suite("Attendance and the completion history")
struct CompletionStoreTests {
    @Test func markingAndUnmarkingAppendsAndNeverRewrites() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: nil, enrolment: .open, startsIn: -2)
        let people = try fixture.people(3)
        let listed = Set(people)
        let first = try fixture.completions.markAttendance(session: session, listed: listed, present: Set(people.prefix(2)),
                                                           recordedBy: nil, completedOn: "2026-12-05")
        #expect(first.added == 2 && first.removed == 0)
        let second = try fixture.completions.markAttendance(session: session, listed: listed, present: [people[1]],
                                                            recordedBy: nil, completedOn: "2026-12-05")
        #expect(second.added == 0 && second.removed == 1)
        #expect(try fixture.completions.inForce(employeeID: people[0]).isEmpty)
        #expect(try fixture.completions.inForce(employeeID: people[1]).map(\.entry.kind) == [.attended])
        // The history keeps both the entry and its withdrawal.
        let history = try fixture.completions.history(employeeID: people[0])
        #expect(history.count == 2)
        #expect(history[1].withdrawn && history[1].correctsID == history[0].id)
    }

    @Test func theDatabaseRefusesRewritingTheHistory() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let person = try fixture.people(1)[0]
        let entry = try fixture.completions.record(Completion(
            employeeID: person, trainingID: fixture.training.id, sessionID: nil, kind: .external,
            completedOn: "2026-10-01", note: "Kansalaisopiston kurssi", recordedBy: nil))
        let pool = fixture.staff.temporary.database.pool
        #expect(throws: (any Error).self) {
            try pool.write { db in try db.execute(sql: "UPDATE training_completions SET note = 'x' WHERE id = ?", arguments: [entry.id]) }
        }
        #expect(throws: (any Error).self) {
            try pool.write { db in try db.execute(sql: "DELETE FROM training_completions WHERE id = ?", arguments: [entry.id]) }
        }
    }

    @Test func aCorrectionReplacesItsEntryAndAnEntryIsCorrectedOnce() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let person = try fixture.people(1)[0]
        let entry = try fixture.completions.record(Completion(
            employeeID: person, trainingID: fixture.training.id, sessionID: nil, kind: .external,
            completedOn: "2026-10-01", recordedBy: nil))
        var fixed = entry.record
        fixed.completedOn = "2026-09-30"
        let correction = try fixture.completions.correct(entry.id, replacement: fixed, note: "wrong date", recordedBy: nil)
        #expect(try fixture.completions.inForce(employeeID: person).map(\.entry.id) == [correction.id])
        #expect(try fixture.completions.inForce(employeeID: person).first?.entry.completedOn == "2026-09-30")
        #expect(throws: StorageError.self) {
            _ = try fixture.completions.correct(entry.id, replacement: nil, note: "again", recordedBy: nil)
        }
        _ = try fixture.completions.correct(correction.id, replacement: nil, note: "not taken after all", recordedBy: nil)
        #expect(try fixture.completions.inForce(employeeID: person).isEmpty)
    }

    @Test func checkInCountsOnce() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: nil, enrolment: .open, startsIn: 0)
        let person = try fixture.people(1)[0]
        #expect(try fixture.completions.checkIn(session: session, employeeID: person, userID: nil, completedOn: "2026-12-07"))
        #expect(try !fixture.completions.checkIn(session: session, employeeID: person, userID: nil, completedOn: "2026-12-07"))
        #expect(try fixture.completions.attendance(sessionID: session.id) == [person: .checkIn])
        #expect(try fixture.completions.inForce(employeeID: person).count == 1)
    }
}
