import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Tutor store: help log")
struct TutorHelpLogStoreTests {
    @Test func theHelpLogIsCountedDeletedOnlyByItsTutorAndTopicsKeepTheirArea() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = TutorStore(staff.temporary.database)
        let unit = try staff.unit("Päiväkoti Satakieli")
        let sub = try staff.unit("Satakieli, esiopetus", parent: unit)
        let topic = try store.addTopic(TutorTopic(organisationID: staff.organisationID,
                                                  name: LocalisedText(fi: "Teams", sv: "Teams", en: "Teams"), position: 1,
                                                  areaCode: "digital-work"))
        func tutor(_ number: String) throws -> Int64 {
            let person = try staff.employee(number, "Tiina", "Tutor" + number, unit: unit)
            return try store.create(TutorDraft(
                tutor: Tutor(organisationID: staff.organisationID, employeeID: person.id, coordinatorUserID: nil,
                             languages: ["fi"], askAnytime: false, contactNote: "", plannedEndOn: nil),
                units: [TutorUnit(unitID: unit.id, includesSubunits: true)], topicIDs: [topic.id], hours: []),
                activeFrom: "2026-01-01", by: nil).id
        }
        let first = try tutor("7001"), second = try tutor("7002")
        func entry(_ tutorID: Int64, _ day: String, _ minutes: Int, _ channel: HelpChannel, _ unitID: Int64) -> HelpLogEntry {
            HelpLogEntry(tutorID: tutorID, day: day, topicID: topic.id, minutes: minutes, channel: channel, unitID: unitID)
        }
        let before = try store.helpLogVersion()
        #expect(try store.logHelpMany([entry(first, "2026-03-02", 15, .teams, unit.id), entry(first, "2026-03-20", 30, .teams, unit.id),
                                       entry(second, "2026-03-05", 5, .phone, sub.id), entry(second, "2026-04-01", 60, .phone, sub.id),
                                       entry(first, "2026-02-27", 5, .teams, unit.id)]) == 5)
        #expect(try store.helpLogVersion() != before)
        // Counted per month, topic, channel and unit, within the period.
        let counts = try store.helpLogCounts(organisationID: staff.organisationID, from: "2026-03-01", to: "2026-04-30")
            .sorted { ($0.month, $0.unitID) < ($1.month, $1.unitID) }
        #expect(counts == [
            HelpLogCount(year: 2026, month: 3, topicID: topic.id, channel: .teams, unitID: unit.id, sessions: 2, minutes: 45),
            HelpLogCount(year: 2026, month: 3, topicID: topic.id, channel: .phone, unitID: sub.id, sessions: 1, minutes: 5),
            HelpLogCount(year: 2026, month: 4, topicID: topic.id, channel: .phone, unitID: sub.id, sessions: 1, minutes: 60),
        ])
        #expect(try store.helpLogCounts(organisationID: staff.organisationID + 1, from: "2026-01-01", to: "2026-12-31").isEmpty)
        // The tutor's own log and totals.
        let own = try store.ownHelpLog(tutorID: first)
        #expect(own.map(\.entry.day) == ["2026-03-20", "2026-03-02", "2026-02-27"])
        #expect(try store.helpTotals(tutorID: first, from: "2026-03-01") == (2, 45))
        // Deleting: only the tutor's own entry, and only from the day given on.
        let newest = try #require(own.first?.id), oldest = try #require(own.last?.id)
        #expect(try store.ownHelpEntry(id: newest, tutorID: second) == nil)
        #expect(try !store.deleteOwnHelp(id: newest, tutorID: second, notBefore: "2026-01-01"))
        #expect(try !store.deleteOwnHelp(id: oldest, tutorID: first, notBefore: "2026-03-01"))
        #expect(try store.deleteOwnHelp(id: newest, tutorID: first, notBefore: "2026-03-01"))
        #expect(try store.ownHelpLog(tutorID: first).count == 2)
        // Topics: their area is kept and changed; another organisation's topic is not found.
        #expect(try store.topic(id: topic.id, organisationID: staff.organisationID)?.areaCode == "digital-work")
        var changed = topic.record
        changed.areaCode = nil
        changed.nameSv = "Teams (sv)"
        try store.updateTopic(topic.id, changed)
        let reread = try #require(try store.topic(id: topic.id, organisationID: staff.organisationID))
        #expect(reread.areaCode == nil && reread.nameSv == "Teams (sv)")
        #expect(try store.topic(id: topic.id, organisationID: staff.organisationID + 1) == nil)
        // An area code must look like one.
        changed.areaCode = "Not a code"
        #expect(throws: StorageError.self) { try store.updateTopic(topic.id, changed) }
    }
}
