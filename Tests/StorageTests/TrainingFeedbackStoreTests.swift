import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Training feedback and completion reports")
struct TrainingFeedbackStoreTests {
    @Test func onlyAttendeesGiveFeedbackAndOnlyOnce() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: nil, enrolment: .open, startsIn: -2)
        let people = try fixture.people(2)
        let store = TrainingFeedbackStore(fixture.staff.temporary.database)
        let answer = TrainingFeedbackAnswer(usefulness: 4, canUse: true, comment: "Hyvä")
        #expect(try store.submit(sessionID: session.id, employeeID: people[0], answer) == .notAttendee)
        _ = try fixture.completions.checkIn(session: session, employeeID: people[0], userID: nil, completedOn: "2026-12-07")
        #expect(try !store.hasGiven(sessionID: session.id, employeeID: people[0]))
        #expect(try store.submit(sessionID: session.id, employeeID: people[0], answer) == .recorded)
        #expect(try store.submit(sessionID: session.id, employeeID: people[0], answer) == .alreadyGiven)
        #expect(try store.hasGiven(sessionID: session.id, employeeID: people[0]))
        #expect(try !store.hasGiven(sessionID: session.id, employeeID: people[1]))
        #expect(try store.answers(sessionIDs: [session.id]) == [session.id: [answer]])
        #expect(throws: StorageError.self) {
            try store.submit(sessionID: session.id, employeeID: people[0],
                             TrainingFeedbackAnswer(usefulness: 6, canUse: nil, comment: ""))
        }
        #expect(throws: StorageError.self) {
            try store.submit(sessionID: session.id, employeeID: people[0], TrainingFeedbackAnswer(
                usefulness: 3, canUse: nil, comment: String(repeating: "x", count: TrainingFeedbackStore.maximumCommentLength + 1)))
        }
    }

    @Test func theSheetListsTheEnrolledAndThoseRecordedPresent() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let session = try fixture.session(capacity: 1, startsIn: -1)
        let people = try fixture.people(3)
        _ = try fixture.enrolments.enrol(sessionID: session.id, employeeID: people[0])
        _ = try fixture.enrolments.enrol(sessionID: session.id, employeeID: people[1])
        _ = try fixture.completions.checkIn(session: session, employeeID: people[2], userID: nil, completedOn: "2026-12-07")
        let sheet = try CompletionReportStore(fixture.staff.temporary.database).sheet(sessionID: session.id)
        #expect(sheet.map(\.listing.employee.id) == people)
        #expect(sheet.map(\.enrolment) == [.enrolled, .waiting, nil])
        #expect(sheet.map(\.attendance) == [nil, nil, .checkIn])
        #expect(sheet[2].recordedAt != nil)
    }

    @Test func theExportHoldsOnlyEntriesInForceOfTheOrganisationInTheRange() throws {
        let fixture = try TrainingFixture()
        defer { fixture.remove() }
        let people = try fixture.people(3)
        let other = try fixture.staff.otherOrganisation()
        let outsider = try fixture.staff.employees.create(Employee(organisationID: other.id, hrNumber: "X1", firstName: "Ulla",
                                                                   lastName: "Ulkona"))
        func record(_ person: Int64, _ day: String) throws -> Stored<Completion> {
            try fixture.completions.record(Completion(employeeID: person, trainingID: fixture.training.id, sessionID: nil,
                                                      kind: .external, completedOn: day, recordedBy: nil))
        }
        let kept = try record(people[0], "2026-03-01")
        let replaced = try record(people[1], "2026-03-02")
        let fixed = try fixture.completions.correct(replaced.id, replacement: {
            var entry = replaced.record
            entry.completedOn = "2026-03-03"
            return entry
        }(), note: "päivä", recordedBy: nil)
        _ = try record(people[2], "2026-05-01")
        _ = try record(outsider.id, "2026-03-01")
        let lines = try CompletionReportStore(fixture.staff.temporary.database)
            .completionsInForce(organisationID: fixture.staff.organisationID, from: "2026-03-01", through: "2026-03-31")
        #expect(lines.map(\.entry.id) == [kept.id, fixed.id])
        #expect(lines.map(\.training.id) == [fixture.training.id, fixture.training.id])
    }
}
