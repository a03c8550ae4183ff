import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Tutor store: the tutors of a unit")
struct TutorStoreUnitTests {
    @Test func aUnitsTutorsAreItsOwnAndThoseAboveItWithSubunitsActiveOnTheDay() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = TutorStore(staff.temporary.database)
        let top = try staff.unit("Varhaiskasvatus")
        let unit = try staff.unit("Päiväkoti Satakieli", parent: top)
        let sub = try staff.unit("Satakieli, esiopetus", parent: unit)
        let other = try staff.unit("Päiväkoti Peippo")
        func tutor(_ number: String, _ last: String, _ units: [TutorUnit], from: String = "2026-01-01") throws -> Stored<Tutor> {
            let person = try staff.employee(number, "T", last, unit: unit)
            return try store.create(TutorDraft(
                tutor: Tutor(organisationID: staff.organisationID, employeeID: person.id, coordinatorUserID: nil,
                             languages: ["fi"], askAnytime: false, contactNote: "", plannedEndOn: nil),
                units: units, topicIDs: [], hours: []), activeFrom: from, by: nil)
        }
        let fromTop = try tutor("1", "Aalto", [TutorUnit(unitID: top.id, includesSubunits: true)])
        let topOnly = try tutor("2", "Berg", [TutorUnit(unitID: top.id, includesSubunits: false)])
        let own = try tutor("3", "Oma", [TutorUnit(unitID: unit.id, includesSubunits: false)])
        let paused = try tutor("4", "Paussi", [TutorUnit(unitID: unit.id, includesSubunits: true)])
        try store.setStatus(paused.id, .paused, from: "2026-05-01", by: nil)
        let later = try tutor("5", "Myöhemmin", [TutorUnit(unitID: sub.id, includesSubunits: false)], from: "2026-09-01")
        _ = try tutor("6", "Muualla", [TutorUnit(unitID: other.id, includesSubunits: true)])

        // The unit's own tutor first, then the one from above; the top unit's tutor without its
        // sub-units, the paused one and the other unit's are not its tutors.
        #expect(try store.activeTutors(servingUnit: unit.id, on: "2026-06-01").map(\.tutor.id) == [own.id, fromTop.id])
        // Before the pause, the paused tutor served the unit and, with its sub-units, the sub-unit.
        #expect(try store.activeTutors(servingUnit: unit.id, on: "2026-04-01").map(\.tutor.id) == [own.id, paused.id, fromTop.id])
        #expect(try store.activeTutors(servingUnit: sub.id, on: "2026-04-01").map(\.tutor.id) == [fromTop.id, paused.id])
        // A tutor counts from their first day.
        #expect(try store.activeTutors(servingUnit: sub.id, on: "2026-09-01").map(\.tutor.id) == [later.id, fromTop.id])
        #expect(try store.activeTutors(servingUnit: top.id, on: "2026-06-01").map(\.tutor.id) == [fromTop.id, topOnly.id])
        #expect(try store.activeTutors(servingUnit: 999_999, on: "2026-06-01").isEmpty)
    }
}
