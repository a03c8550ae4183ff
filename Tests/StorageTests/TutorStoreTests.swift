import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Tutor store")
struct TutorStoreTests {
    @Test func aTutorsStatusIsHistoryAndTheHelpLogNamesNoOne() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = TutorStore(staff.temporary.database)
        let unit = try staff.unit("Päiväkoti Satakieli")
        let sub = try staff.unit("Satakieli, esiopetus", parent: unit)
        let person = try staff.employee("7001", "Tiina", "Tutor", unit: unit)
        let topic = try store.addTopic(TutorTopic(organisationID: staff.organisationID,
                                                  name: LocalisedText(fi: "Teams", sv: "Teams", en: "Teams"), position: 1))
        let tutor = try store.create(TutorDraft(
            tutor: Tutor(organisationID: staff.organisationID, employeeID: person.id, coordinatorUserID: nil,
                         languages: ["fi", "sv"], askAnytime: true, contactNote: "Teams tai taukotila", plannedEndOn: nil),
            units: [TutorUnit(unitID: unit.id, includesSubunits: true)], topicIDs: [topic.id],
            hours: [OfficeHour(weekday: 2, starts: "12:30", ends: "13:00", place: "Taukotila")]),
            activeFrom: "2026-01-01", by: nil)
        // The same person cannot be named twice.
        #expect(throws: StorageError.self) {
            _ = try store.create(TutorDraft(tutor: Tutor(organisationID: staff.organisationID, employeeID: person.id,
                                                         coordinatorUserID: nil, languages: ["fi"], askAnytime: false,
                                                         contactNote: "", plannedEndOn: nil),
                                            units: [], topicIDs: [], hours: []), activeFrom: "2026-01-01", by: nil)
        }
        try store.setStatus(tutor.id, .paused, from: "2026-06-01", by: nil)
        try store.setStatus(tutor.id, .active, from: "2026-08-15", by: nil)
        let details = try #require(try store.tutor(id: tutor.id))
        #expect(details.status(on: "2025-12-31") == nil && details.status(on: "2026-03-01") == .active)
        #expect(details.status(on: "2026-07-01") == .paused && details.status(on: "2026-09-01") == .active)
        #expect(details.tutor.languageCodes == ["fi", "sv"] && details.hours.count == 1 && details.topicIDs == [topic.id])
        #expect(try store.activeTutorEmployeeIDs(organisationID: staff.organisationID, on: "2026-07-01").isEmpty)
        #expect(try store.activeTutorEmployeeIDs(organisationID: staff.organisationID, on: "2026-09-01") == [person.id])
        #expect(try store.tutors(servingAny: [unit.id]).map(\.tutor.id) == [tutor.id])
        // History is kept: the database refuses to rewrite it.
        #expect(throws: (any Error).self) {
            try staff.temporary.database.writing { db in try db.execute(sql: "DELETE FROM tutor_status_changes") }
        }
        try store.logHelp(HelpLogEntry(tutorID: tutor.id, day: "2026-09-02", topicID: topic.id, minutes: 15,
                                       channel: .inPerson, unitID: sub.id))
        #expect(try store.helpLog(tutorID: tutor.id).map(\.minutes) == [15])
        // No column could name the person helped.
        let columns = try staff.temporary.database.reading { db in try db.columns(in: "tutor_help_log").map(\.name) }
        #expect(Set(columns) == ["id", "tutor_id", "day", "topic_id", "minutes", "channel", "unit_id"])
    }
}
