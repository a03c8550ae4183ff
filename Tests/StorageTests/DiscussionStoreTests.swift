import Foundation
import GRDB
import Testing
@testable import Storage

/// A staff fixture with the discussion store and the shipped framework's competence areas, which
/// goals must name.
private struct DiscussionFixture {
    let staff: StaffFixture
    let store: DiscussionStore
    let areaIDs: [Int64]

    var database: AppDatabase { staff.temporary.database }
    var organisationID: Int64 { staff.organisationID }

    init() throws {
        staff = try StaffFixture()
        store = DiscussionStore(staff.temporary.database)
        areaIDs = try staff.temporary.database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM framework_areas WHERE kind = 'competence' ORDER BY id")
        }
    }

    func cycle(_ title: String, _ startsOn: String, _ endsOn: String, units: [Stored<WorkUnit>] = [],
               organisationID: Int64? = nil) throws -> Stored<DiscussionCycle> {
        try store.createCycle(DiscussionCycle(organisationID: organisationID ?? self.organisationID, title: title,
                                              startsOn: startsOn, endsOn: endsOn),
                              unitIDs: units.map(\.id))
    }

    func open(_ cycle: Stored<DiscussionCycle>, _ employee: Stored<Employee>) throws -> Stored<Discussion> {
        try store.open(cycleID: cycle.id, employeeID: employee.id, unitID: employee.unitID, by: nil)
    }

    /// Both parties sign.
    func signByBoth(_ discussion: Stored<Discussion>) throws {
        #expect(try store.sign(discussionID: discussion.id, as: .employee(comment: "", disagrees: false)))
        #expect(try store.sign(discussionID: discussion.id, as: .supervisor(userID: nil)))
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try database.pool.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1 }
    }

    func remove() { staff.remove() }
}

private let day = Date(timeIntervalSince1970: 1_800_000_000)

@Suite("Discussion store: cycles, preparation, plan, sign-off and counts")
struct DiscussionStoreTests {
    @Test func aCycleCoversTheUnitsItNamesWithTheirSubUnitsOrTheWholeOrganisationWhileItRuns() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let region = try fixture.staff.unit("Itäinen alue")
        let daycare = try fixture.staff.unit("Päiväkoti Satakieli", parent: region)
        let kitchen = try fixture.staff.unit("Keittiö")
        let regional = try fixture.cycle("Itäisen alueen keskustelut 2027", "2027-01-10", "2027-05-31", units: [region])
        let organisation = fixture.organisationID

        #expect(try store.cycleUnitIDs(cycleID: regional.id) == [region.id])
        #expect(try store.cycleCovering(organisationID: organisation, unitID: daycare.id, on: "2027-02-01")?.id == regional.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: region.id, on: "2027-02-01")?.id == regional.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: kitchen.id, on: "2027-02-01") == nil)
        // Someone without a unit is only in cycles of the whole organisation.
        #expect(try store.cycleCovering(organisationID: organisation, unitID: nil, on: "2027-02-01") == nil)
        // Both ends count; a day outside does not.
        #expect(try store.cycleCovering(organisationID: organisation, unitID: daycare.id, on: "2027-01-10")?.id == regional.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: daycare.id, on: "2027-05-31")?.id == regional.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: daycare.id, on: "2027-01-09") == nil)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: daycare.id, on: "2027-06-01") == nil)

        // Another organisation's cycle covers nobody here.
        let other = try fixture.staff.otherOrganisation()
        _ = try fixture.cycle("Muun kunnan keskustelut", "2027-01-01", "2027-12-31", organisationID: other.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: kitchen.id, on: "2027-02-01") == nil)

        // A cycle naming no unit covers everyone; where two run, the newest wins.
        let whole = try fixture.cycle("Kehityskeskustelut 2027", "2027-03-01", "2027-06-30")
        #expect(try store.cycleUnitIDs(cycleID: whole.id).isEmpty)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: kitchen.id, on: "2027-03-15")?.id == whole.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: nil, on: "2027-03-15")?.id == whole.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: daycare.id, on: "2027-03-15")?.id == whole.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: daycare.id, on: "2027-02-15")?.id == regional.id)
        #expect(try store.cycleCovering(organisationID: organisation, unitID: kitchen.id, on: "2027-02-15") == nil)
        #expect(try store.cycles(organisationID: organisation).map(\.id) == [whole.id, regional.id])
        #expect(whole.record.isRunning(on: "2027-06-30") && !whole.record.isRunning(on: "2027-07-01"))
    }

    @Test func openingTwiceGivesTheSameDiscussion() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let daycare = try fixture.staff.unit("Päiväkoti")
        let school = try fixture.staff.unit("Koulu")
        var employee = try fixture.staff.employee("1", "Aino", "Aaltonen", unit: daycare)
        let first = try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31")
        let second = try fixture.cycle("Kehityskeskustelut 2028", "2028-01-01", "2028-05-31")

        let opened = try fixture.open(first, employee)
        employee.unitID = school.id
        try fixture.staff.employees.update(employee)
        let again = try fixture.open(first, employee)
        #expect(again.id == opened.id)
        #expect(again.unitID == daycare.id, "the unit stays the one it was opened in")
        let next = try fixture.open(second, employee)
        #expect(next.id != opened.id && next.unitID == school.id)
        #expect(try fixture.count("SELECT count(*) FROM discussions") == 2)
        #expect(try fixture.store.discussions(employeeID: employee.id).map(\.discussion.id) == [next.id, opened.id])
    }

    @Test func preparationAnswersAreUpsertedAndTheMeetingSaved() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let employee = try fixture.staff.employee("1", "Aino", "Aaltonen", unit: try fixture.staff.unit("Päiväkoti"))
        let discussion = try fixture.open(try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31"), employee)
        let succeeded = try store.addQuestion(organisationID: fixture.organisationID,
                                              text: LocalisedText(fi: "Missä onnistuit?", sv: "", en: ""))
        let hard = try store.addQuestion(organisationID: fixture.organisationID,
                                         text: LocalisedText(fi: "Mikä tuntuu vaikealta?", sv: "", en: ""))
        #expect(succeeded.position == 1 && hard.position == 2)

        try store.saveAnswers(discussionID: discussion.id, [succeeded.id: "Teamsissa"])
        try store.saveAnswers(discussionID: discussion.id, [succeeded.id: "Teamsissa ja sähköpostissa", hard.id: "Wilma"])
        #expect(try store.answers(discussionID: discussion.id) == [succeeded.id: "Teamsissa ja sähköpostissa", hard.id: "Wilma"])
        #expect(try fixture.count("SELECT count(*) FROM discussion_answers") == 2)
        // A retired question's answer stays readable.
        #expect(try store.retireQuestion(id: hard.id, organisationID: fixture.organisationID))
        #expect(try store.questions(organisationID: fixture.organisationID).map(\.id) == [succeeded.id])
        #expect(try store.answers(discussionID: discussion.id)[hard.id] == "Wilma")

        try store.saveMeeting(discussionID: discussion.id, plannedOn: "2027-02-10", heldOn: nil, notes: "Valmistaudu")
        try store.saveMeeting(discussionID: discussion.id, plannedOn: "2027-02-10", heldOn: "2027-02-11", notes: "Pidetty")
        let saved = try #require(try store.discussion(id: discussion.id))
        #expect(saved.plannedOn == "2027-02-10" && saved.heldOn == "2027-02-11" && saved.supervisorNotes == "Pidetty")
    }

    @Test func aPlanHasAtMostThreeGoalsAndAGoalGoesWithItsActions() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let unit = try fixture.staff.unit("Päiväkoti")
        let cycle = try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31")
        let discussion = try fixture.open(cycle, try fixture.staff.employee("1", "Aino", "Aaltonen", unit: unit))
        let colleagues = try fixture.open(cycle, try fixture.staff.employee("2", "Bertta", "Berg", unit: unit))
        let areas = fixture.areaIDs
        #expect(areas.count >= 3)

        let goals = try (0..<3).map { index in
            try #require(try store.addGoal(discussionID: discussion.id, areaID: areas[index], goal: "Tavoite \(index + 1)",
                                           followUpOn: "2027-09-01"))
        }
        #expect(goals.map(\.position) == [1, 2, 3])
        #expect(try store.addGoal(discussionID: discussion.id, areaID: areas[0], goal: "Neljäs", followUpOn: nil) == nil)
        #expect(try fixture.count("SELECT count(*) FROM discussion_goals") == 3)

        let practice = try #require(try store.addAction(DiscussionAction(goalID: goals[1].id, kind: .practice, note: "Harjoittelen"),
                                                        discussionID: discussion.id))
        _ = try #require(try store.addAction(DiscussionAction(goalID: goals[1].id, kind: .tutor, note: "Digitutorin kanssa"),
                                             discussionID: discussion.id))
        _ = try #require(try store.addAction(DiscussionAction(goalID: goals[0].id, kind: .practice), discussionID: discussion.id))
        // A goal of another discussion takes no action, and its actions are not removed from here.
        #expect(try store.addAction(DiscussionAction(goalID: goals[1].id, kind: .practice), discussionID: colleagues.id) == nil)
        #expect(try store.removeAction(actionID: practice.id, discussionID: colleagues.id) == false)
        #expect(try store.removeGoal(goalID: goals[1].id, discussionID: colleagues.id) == false)
        #expect(try fixture.count("SELECT count(*) FROM discussion_actions") == 3)

        #expect(try store.removeGoal(goalID: goals[1].id, discussionID: discussion.id))
        #expect(try fixture.count("SELECT count(*) FROM discussion_actions WHERE goal_id = ?", [goals[1].id]) == 0)
        #expect(try fixture.count("SELECT count(*) FROM discussion_actions") == 1)
        #expect(try store.goals(discussionID: discussion.id).map(\.goal.position) == [1, 3])
        // The freed place is taken by the next goal.
        let refill = try #require(try store.addGoal(discussionID: discussion.id, areaID: areas[2], goal: "Uusi", followUpOn: nil))
        #expect(refill.position == 2)
        let details = try store.goals(discussionID: discussion.id)
        #expect(details.map(\.goal.goal) == ["Tavoite 1", "Uusi", "Tavoite 3"])
        #expect(details.map(\.actions.count) == [1, 0, 0])
    }

    @Test func changingWhatOnePartySignedTakesTheirSignatureBack() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let employee = try fixture.staff.employee("1", "Aino", "Aaltonen", unit: try fixture.staff.unit("Päiväkoti"))
        let discussion = try fixture.open(try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31"), employee)

        #expect(try store.sign(discussionID: discussion.id, as: .employee(comment: "En ole samaa mieltä", disagrees: true), now: day))
        #expect(try store.sign(discussionID: discussion.id, as: .employee(comment: "Toisen kerran", disagrees: false)) == false)
        var saved = try #require(try store.discussion(id: discussion.id))
        #expect(saved.employeeSignedAt == day && saved.employeeComment == "En ole samaa mieltä" && saved.employeeDisagrees)
        #expect(!saved.isSigned)

        try store.saveMeeting(discussionID: discussion.id, plannedOn: nil, heldOn: "2027-02-01", notes: "Muutettu")
        saved = try #require(try store.discussion(id: discussion.id))
        #expect(saved.employeeSignedAt == nil && saved.employeeComment.isEmpty && !saved.employeeDisagrees)

        #expect(try store.sign(discussionID: discussion.id, as: .supervisor(userID: nil), now: day))
        #expect(try store.sign(discussionID: discussion.id, as: .supervisor(userID: nil)) == false)
        _ = try store.addGoal(discussionID: discussion.id, areaID: fixture.areaIDs[0], goal: "Teams haltuun", followUpOn: nil)
        saved = try #require(try store.discussion(id: discussion.id))
        #expect(saved.supervisorSignedAt == nil && saved.supervisorSignedBy == nil)
    }

    @Test func aDiscussionBothSignedIsRefusedEveryChangeButTakesCorrections() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let employee = try fixture.staff.employee("1", "Aino", "Aaltonen", unit: try fixture.staff.unit("Päiväkoti"))
        let discussion = try fixture.open(try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31"), employee)
        let question = try store.addQuestion(organisationID: fixture.organisationID, text: LocalisedText(fi: "Mitä opit?", sv: "", en: ""))
        try store.saveAnswers(discussionID: discussion.id, [question.id: "Teamsin"])
        try store.saveMeeting(discussionID: discussion.id, plannedOn: "2027-02-01", heldOn: "2027-02-01", notes: "Hyvä keskustelu")
        let goal = try #require(try store.addGoal(discussionID: discussion.id, areaID: fixture.areaIDs[0], goal: "Teams",
                                                  followUpOn: "2027-09-01"))
        let action = try #require(try store.addAction(DiscussionAction(goalID: goal.id, kind: .practice), discussionID: discussion.id))
        try fixture.signByBoth(discussion)
        let signed = try #require(try store.discussion(id: discussion.id))
        #expect(signed.isSigned)
        let goalsBefore = try store.goals(discussionID: discussion.id)

        #expect(throws: StorageError.self) { try store.saveAnswers(discussionID: discussion.id, [question.id: "Muutettu"]) }
        #expect(throws: StorageError.self) {
            try store.saveMeeting(discussionID: discussion.id, plannedOn: nil, heldOn: "2027-02-02", notes: "Muutettu")
        }
        #expect(throws: StorageError.self) {
            try store.addGoal(discussionID: discussion.id, areaID: fixture.areaIDs[1], goal: "Toinen", followUpOn: nil)
        }
        #expect(throws: StorageError.self) { try store.removeGoal(goalID: goal.id, discussionID: discussion.id) }
        #expect(throws: StorageError.self) {
            try store.addAction(DiscussionAction(goalID: goal.id, kind: .tutor), discussionID: discussion.id)
        }
        #expect(throws: StorageError.self) { try store.removeAction(actionID: action.id, discussionID: discussion.id) }
        // Signing again changes nothing either.
        #expect(try store.sign(discussionID: discussion.id, as: .employee(comment: "Myöhemmin", disagrees: true)) == false)
        #expect(try store.sign(discussionID: discussion.id, as: .supervisor(userID: nil)) == false)

        // Nor can SQL around the store change it.
        for sql in [
            "UPDATE discussions SET supervisor_notes = 'x' WHERE id = ?",
            "UPDATE discussions SET employee_signed_at = NULL WHERE id = ?",
            "DELETE FROM discussions WHERE id = ?",
            "UPDATE discussion_answers SET answer = 'x' WHERE discussion_id = ?",
            "DELETE FROM discussion_answers WHERE discussion_id = ?",
            "UPDATE discussion_goals SET goal = 'x' WHERE discussion_id = ?",
            "DELETE FROM discussion_goals WHERE discussion_id = ?",
            "DELETE FROM discussion_actions WHERE goal_id IN (SELECT id FROM discussion_goals WHERE discussion_id = ?)",
            "UPDATE discussion_actions SET note = 'x' WHERE goal_id IN (SELECT id FROM discussion_goals WHERE discussion_id = ?)",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try fixture.database.pool.write { db in try db.execute(sql: sql, arguments: [discussion.id]) }
            }
        }
        #expect(throws: DatabaseError.self) {
            try fixture.database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO discussion_goals (discussion_id, position, area_id, goal) VALUES (?, 2, ?, 'x')
                    """, arguments: [discussion.id, fixture.areaIDs[1]])
            }
        }
        #expect(try store.discussion(id: discussion.id) == signed)
        #expect(try store.answers(discussionID: discussion.id) == [question.id: "Teamsin"])
        #expect(try store.goals(discussionID: discussion.id) == goalsBefore)

        // A correction is a new entry, itself kept as written.
        let correction = try store.addCorrection(DiscussionCorrection(discussionID: discussion.id,
                                                                      body: "Seurantapäivä on 1.10.", writtenBy: nil, now: day))
        #expect(try store.corrections(discussionID: discussion.id) == [correction])
        for sql in ["UPDATE discussion_corrections SET body = 'x' WHERE id = ?", "DELETE FROM discussion_corrections WHERE id = ?"] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try fixture.database.pool.write { db in try db.execute(sql: sql, arguments: [correction.id]) }
            }
        }
        #expect(try store.corrections(discussionID: discussion.id).map(\.body) == ["Seurantapäivä on 1.10."])
    }

    @Test func nextYearStartsFromTheLastSignedDiscussionBeforeIt() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let unit = try fixture.staff.unit("Päiväkoti")
        let employee = try fixture.staff.employee("1", "Aino", "Aaltonen", unit: unit)
        let colleague = try fixture.staff.employee("2", "Bertta", "Berg", unit: unit)
        let cycle2025 = try fixture.cycle("Kehityskeskustelut 2025", "2025-01-01", "2025-05-31")
        let cycle2026 = try fixture.cycle("Kehityskeskustelut 2026", "2026-01-01", "2026-05-31")
        let cycle2027 = try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31")
        let cycle2028 = try fixture.cycle("Kehityskeskustelut 2028", "2028-01-01", "2028-05-31")
        // Created last but starting on the same day as 2027's: after it in the cycles' order.
        let extra2027 = try fixture.cycle("Lisäkierros 2027", "2027-01-01", "2027-05-31")

        let signed2025 = try fixture.open(cycle2025, employee)
        try fixture.signByBoth(signed2025)
        let unsigned2026 = try fixture.open(cycle2026, employee)
        #expect(try store.sign(discussionID: unsigned2026.id, as: .supervisor(userID: nil)))
        let current = try fixture.open(cycle2027, employee)
        try fixture.signByBoth(try fixture.open(cycle2028, employee))
        try fixture.signByBoth(try fixture.open(extra2027, employee))
        // A colleague's signed discussion is theirs.
        try fixture.signByBoth(try fixture.open(cycle2026, colleague))

        #expect(try store.previousSigned(before: current)?.id == signed2025.id)
        #expect(try store.previousSigned(before: unsigned2026)?.id == signed2025.id)
        #expect(try store.previousSigned(before: signed2025) == nil)
        let colleagueNow = try fixture.open(cycle2027, colleague)
        #expect(try store.previousSigned(before: colleagueNow)?.cycleID == cycle2026.id)
    }

    @Test func supervisorsLinesAndHRsCountsCountByTheUnitADiscussionWasOpenedIn() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let daycare = try fixture.staff.unit("Päiväkoti")
        let school = try fixture.staff.unit("Koulu")
        _ = try fixture.staff.unit("Tyhjä yksikkö")
        var signedPerson = try fixture.staff.employee("1", "Aino", "Aaltonen", unit: daycare, jobTitle: "lastenhoitaja")
        let heldPerson = try fixture.staff.employee("2", "Bertta", "Berg", unit: daycare)
        let notOpened = try fixture.staff.employee("3", "Cecilia", "Ciani", unit: daycare)
        let leaver = try fixture.staff.employee("4", "Daniel", "Dahl", unit: daycare, active: false)
        let pupilAide = try fixture.staff.employee("5", "Eero", "Eskola", unit: school)
        let teacher = try fixture.staff.employee("6", "Fanni", "Forsman", unit: school)
        let cycle = try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31")
        let earlier = try fixture.cycle("Kehityskeskustelut 2026", "2026-01-01", "2026-05-31")
        let area = fixture.areaIDs[0]

        let signed = try fixture.open(cycle, signedPerson)
        try store.saveMeeting(discussionID: signed.id, plannedOn: "2027-02-01", heldOn: "2027-02-01", notes: "")
        _ = try store.addGoal(discussionID: signed.id, areaID: area, goal: "Teams", followUpOn: nil)
        _ = try store.addGoal(discussionID: signed.id, areaID: fixture.areaIDs[1], goal: "Wilma", followUpOn: nil)
        try fixture.signByBoth(signed)
        let held = try fixture.open(cycle, heldPerson)
        try store.saveMeeting(discussionID: held.id, plannedOn: nil, heldOn: "2027-02-02", notes: "")
        _ = try store.addGoal(discussionID: held.id, areaID: area, goal: "Sähköposti", followUpOn: nil)
        _ = try fixture.open(cycle, leaver)
        let planned = try fixture.open(cycle, pupilAide)
        try store.saveMeeting(discussionID: planned.id, plannedOn: "2027-03-01", heldOn: nil, notes: "")
        // Last year's discussion is not this cycle's.
        let old = try fixture.open(earlier, notOpened)
        try store.saveMeeting(discussionID: old.id, plannedOn: nil, heldOn: "2026-02-01", notes: "")
        // Moving after the discussion was opened: the line follows the person, HR's count the discussion.
        signedPerson.unitID = school.id
        try fixture.staff.employees.update(signedPerson)

        let lines = try store.staffLines(cycleID: cycle.id, unitIDs: [daycare.id])
        #expect(lines.map(\.employeeID) == [heldPerson.id, notOpened.id])
        #expect(lines.map(\.discussion?.id) == [held.id, nil])
        #expect(lines.map(\.goals) == [1, 0])
        let schoolLines = try store.staffLines(cycleID: cycle.id, unitIDs: [school.id])
        #expect(schoolLines.map(\.employeeID) == [signedPerson.id, pupilAide.id, teacher.id])
        #expect(schoolLines.first?.discussion?.isSigned == true && schoolLines.first?.goals == 2)
        #expect(schoolLines.first?.jobTitle == "lastenhoitaja")
        #expect(try store.staffLines(cycleID: cycle.id, unitIDs: []).isEmpty)

        let counts = try store.unitCounts(cycleID: cycle.id, organisationID: fixture.organisationID)
        #expect(counts == [
            DiscussionUnitCounts(unitID: daycare.id, staff: 2, opened: 3, held: 2, signed: 1, withPlan: 2),
            DiscussionUnitCounts(unitID: school.id, staff: 3, opened: 1, held: 0, signed: 0, withPlan: 0),
        ])
        let lastYear = try store.unitCounts(cycleID: earlier.id, organisationID: fixture.organisationID)
        #expect(lastYear.first { $0.unitID == daycare.id } == DiscussionUnitCounts(unitID: daycare.id, staff: 2, opened: 1, held: 1,
                                                                                  signed: 0, withPlan: 0))
    }

    @Test func aBulkLoadStoresSignedPlansThroughTheSameRules() throws {
        let fixture = try DiscussionFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let unit = try fixture.staff.unit("Päiväkoti")
        let first = try fixture.staff.employee("1", "Aino", "Aaltonen", unit: unit)
        let second = try fixture.staff.employee("2", "Bertta", "Berg", unit: unit)
        let cycle = try fixture.cycle("Kehityskeskustelut 2027", "2027-01-01", "2027-05-31")
        let question = try store.addQuestion(organisationID: fixture.organisationID, text: LocalisedText(fi: "Mitä opit?", sv: "", en: ""))

        var signed = Discussion(cycleID: cycle.id, employeeID: first.id, unitID: unit.id, now: day)
        signed.heldOn = "2027-02-01"
        signed.employeeSignedAt = day.addingTimeInterval(3600)
        signed.employeeComment = "Tarvitsen enemmän aikaa"
        signed.employeeDisagrees = true
        signed.supervisorSignedAt = day.addingTimeInterval(7200)
        signed.updatedAt = day.addingTimeInterval(7200)
        let goals = [
            DiscussionBulkGoal(areaID: fixture.areaIDs[0], goal: "Teams", followUpOn: "2027-09-01",
                               actions: [DiscussionAction(goalID: 0, kind: .tutor, note: "Digitutor"), DiscussionAction(goalID: 0, kind: .practice)]),
            DiscussionBulkGoal(areaID: fixture.areaIDs[1], goal: "Wilma", followUpOn: nil, actions: []),
        ]
        var prepared = Discussion(cycleID: cycle.id, employeeID: second.id, unitID: unit.id, now: day)
        prepared.plannedOn = "2027-03-01"
        let ids = try store.loadMany([
            DiscussionBulkItem(discussion: signed, answers: [question.id: "Teamsin"], goals: goals),
            DiscussionBulkItem(discussion: prepared, answers: [question.id: "Sähköpostin"], answeredAt: day.addingTimeInterval(60)),
        ])
        #expect(ids.count == 2)

        let stored = try #require(try store.discussion(id: ids[0]))
        #expect(stored.record == signed)
        #expect(stored.isSigned)
        #expect(try store.goals(discussionID: ids[0]).map(\.goal.position) == [1, 2])
        #expect(try store.goals(discussionID: ids[0]).map(\.actions.count) == [2, 0])
        #expect(try store.answers(discussionID: ids[1]) == [question.id: "Sähköpostin"])
        #expect(try store.discussion(id: ids[1])?.record == prepared)
        // Signed in the load is signed for the database too.
        #expect(throws: StorageError.self) { try store.saveAnswers(discussionID: ids[0], [question.id: "x"]) }
        // A fourth goal refuses the whole load.
        let third = try fixture.staff.employee("3", "Cecilia", "Ciani", unit: unit)
        let fourth = try fixture.staff.employee("4", "Daniel", "Dahl", unit: unit)
        let tooMany = Array(repeating: DiscussionBulkGoal(areaID: fixture.areaIDs[0], goal: "x", followUpOn: nil, actions: []), count: 4)
        #expect(throws: StorageError.self) {
            try store.loadMany([DiscussionBulkItem(discussion: Discussion(cycleID: cycle.id, employeeID: third.id, unitID: unit.id)),
                                DiscussionBulkItem(discussion: Discussion(cycleID: cycle.id, employeeID: fourth.id, unitID: unit.id),
                                                   goals: tooMany)])
        }
        #expect(try fixture.count("SELECT count(*) FROM discussions WHERE employee_id IN (?, ?)", [third.id, fourth.id]) == 0)

        // The roster a load is decided by: everyone, inactive people too, in id order.
        let leaver = try fixture.staff.employee("5", "Eero", "Eskola", active: false)
        let roster = try store.bulkRoster(organisationID: fixture.organisationID)
        #expect(roster.map(\.employeeID) == [first.id, second.id, third.id, fourth.id, leaver.id])
        #expect(roster.first == DiscussionBulkPerson(employeeID: first.id, unitID: unit.id, startDate: first.startDate,
                                                     endDate: nil, active: true, language: first.language))
        #expect(roster.last?.active == false && roster.last?.unitID == nil)
    }
}
