import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Onboarding store: templates, versions and checklists")
struct OnboardingStoreTests {
    static func item(_ key: String, _ party: OnboardingResponsibleParty = .employee, offset: Int = 0,
                     training: Int64? = nil) -> OnboardingItemContent {
        OnboardingItemContent(key: key, title: LocalisedText(fi: key.capitalized, sv: "", en: ""), responsible: party,
                              offsetDays: offset, trainingID: training)
    }

    static func plan(_ employee: Stored<Employee>, _ store: OnboardingStore, start: String) throws -> OnboardingChecklistPlan {
        let applicable = try store.applicableItems(employeeID: employee.id)
        return OnboardingChecklistPlan(
            checklist: OnboardingChecklist(organisationID: employee.organisationID, employeeID: employee.id, unitID: employee.unitID,
                                           startDate: start, startedHow: .byHand, startedBy: nil),
            versionIDs: applicable.map(\.versionID),
            items: applicable.map { found in
                OnboardingPlannedItem(templateItemID: found.item.id, content: found.item.content, responsible: found.item.responsible,
                                      responsibleEmployeeID: nil, dueOn: start)
            })
    }

    @Test func theLayersThatApplyAreFoundWithTheUnitsAboveAndTheNewestVersion() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = OnboardingStore(staff.temporary.database)
        let early = try staff.sectors.create(organisationID: staff.organisationID, name: "Varhaiskasvatus")
        let food = try staff.sectors.create(organisationID: staff.organisationID, name: "Ruokapalvelut")
        let area = try staff.unit("Itäinen alue", sector: early)
        let daycare = try staff.unit("Päiväkoti Satakieli", parent: area, sector: early)
        let kitchen = try staff.unit("Keittiö", sector: food)
        var hire = try staff.employee("1", "Uusi", "Aloittaja", unit: daycare)
        hire.jobGroup = "Lastenhoitajat"
        try staff.employees.update(hire)
        let org = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .organisation, name: "Koko kunta"),
                                           items: [Self.item("email"), Self.item("teams")], changelog: "", by: nil)
        _ = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .sector, sectorID: early.id, name: "Vaka"),
                                     items: [Self.item("daycare-app")], changelog: "", by: nil)
        _ = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .sector, sectorID: food.id, name: "Ruoka"),
                                     items: [Self.item("kitchen-app")], changelog: "", by: nil)
        _ = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .unit, unitID: area.id, name: "Alue"),
                                     items: [Self.item("area-keys")], changelog: "", by: nil)
        _ = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .unit, unitID: kitchen.id, name: "Keittiö"),
                                     items: [Self.item("kitchen-keys")], changelog: "", by: nil)
        _ = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .jobGroup, jobGroup: "Lastenhoitajat",
                                                        name: "Lastenhoitajat"), items: [Self.item("nurse-app")], changelog: "", by: nil)
        try store.saveVersion(templateID: org.id, items: [Self.item("email"), Self.item("teams"), Self.item("mfa")],
                              changelog: "Monivaiheinen tunnistautuminen", by: nil)

        let found = try store.applicableItems(employeeID: hire.id)
        #expect(Set(found.map(\.item.key)) == ["email", "teams", "mfa", "daycare-app", "area-keys", "nurse-app"])
        #expect(found.first { $0.item.key == "area-keys" }?.unitDistance == 1)
        #expect(found.first { $0.item.key == "area-keys" }?.layer == .unit)
        #expect(found.first { $0.item.key == "nurse-app" }?.layer == .jobGroup)
        #expect(try store.template(id: org.id)?.latestVersion == 2)
        #expect(try store.versions(templateID: org.id).map(\.version) == [2, 1])
    }

    @Test func aRunningChecklistKeepsItsVersionAndSaysANewerOneExists() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = OnboardingStore(staff.temporary.database)
        let unit = try staff.unit("Päiväkoti")
        let first = try staff.employee("1", "Ensi", "Aloittaja", unit: unit)
        let second = try staff.employee("2", "Toinen", "Aloittaja", unit: unit)
        let template = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .organisation, name: "Kunta"),
                                                items: [Self.item("email"), Self.item("teams")], changelog: "", by: nil)
        guard case .started(let running) = try store.start(try Self.plan(first, store, start: "2027-03-01")) else {
            Issue.record("not started")
            return
        }
        #expect(try store.checklist(id: running)?.newerVersionExists == false)
        try store.saveVersion(templateID: template.id, items: [Self.item("email"), Self.item("intranet")], changelog: "Intranet", by: nil)

        let kept = try #require(try store.checklist(id: running))
        #expect(kept.items.map(\.key) == ["email", "teams"])
        #expect(kept.newerVersionExists)
        guard case .started(let later) = try store.start(try Self.plan(second, store, start: "2027-04-01")) else {
            Issue.record("not started")
            return
        }
        let fresh = try #require(try store.checklist(id: later))
        #expect(fresh.items.map(\.key) == ["email", "intranet"])
        #expect(!fresh.newerVersionExists)
        // Versions are history: the database refuses to change one.
        #expect(throws: (any Error).self) {
            try staff.temporary.database.pool.write { db in
                try db.execute(sql: "UPDATE onboarding_template_items SET title_fi = 'x'")
            }
        }
        // The same start date twice is the same checklist.
        #expect(try store.start(try Self.plan(first, store, start: "2027-03-01")) == .alreadyStarted(checklistID: running))
    }

    @Test func aTrainingCompletedBeforeTheStartTicksItsItemFromTheStart() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let database = staff.temporary.database
        let store = OnboardingStore(database)
        let unit = try staff.unit("Päiväkoti")
        let hire = try staff.employee("1", "Uusi", "Aloittaja", unit: unit)
        let trainingID = try database.pool.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO trainings (organisation_id, title_fi, duration_minutes, format, language, created_at, updated_at)
                VALUES (?, 'Tietosuoja', 30, 'self_study', 'fi', '2027-01-01', '2027-01-01')
                """, arguments: [staff.organisationID])
            let training = db.lastInsertedRowID
            // Taken at a previous post, before this start; then a second, withdrawn record.
            try db.execute(sql: """
                INSERT INTO training_completions (employee_id, training_id, kind, completed_on, recorded_at)
                VALUES (?, ?, 'external', '2026-11-20', '2026-11-20')
                """, arguments: [hire.id, training])
            return training
        }
        _ = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .organisation, name: "Kunta"),
                                     items: [Self.item("privacy", training: trainingID), Self.item("email")],
                                     changelog: "", by: nil)
        guard case .started(let id) = try store.start(try Self.plan(hire, store, start: "2027-03-01")) else {
            Issue.record("not started")
            return
        }
        let details = try #require(try store.checklist(id: id))
        let privacy = try #require(details.items.first { $0.key == "privacy" })
        #expect(privacy.doneOn == "2026-11-20" && privacy.doneByEvidence && privacy.doneBy == nil)
        #expect(details.items.first { $0.key == "email" }?.isDone == false)
    }

    @Test func aCompletedTrainingTicksItsItemAndTicksAndRemovalsAreRecorded() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let database = staff.temporary.database
        let store = OnboardingStore(database)
        let unit = try staff.unit("Päiväkoti")
        let hire = try staff.employee("1", "Uusi", "Aloittaja", unit: unit)
        let trainingID = try database.pool.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO trainings (organisation_id, title_fi, duration_minutes, format, language, created_at, updated_at)
                VALUES (?, 'Tietosuoja', 30, 'self_study', 'fi', '2027-01-01', '2027-01-01')
                """, arguments: [staff.organisationID])
            return db.lastInsertedRowID
        }
        _ = try store.createTemplate(OnboardingTemplate(organisationID: staff.organisationID, layer: .organisation, name: "Kunta"),
                                     items: [Self.item("privacy", training: trainingID), Self.item("email"), Self.item("teams")],
                                     changelog: "", by: nil)
        guard case .started(let id) = try store.start(try Self.plan(hire, store, start: "2027-03-01")) else {
            Issue.record("not started")
            return
        }
        #expect(try store.checklist(id: id)?.items.contains { $0.isDone } == false)
        try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO training_completions (employee_id, training_id, kind, completed_on, recorded_at)
                VALUES (?, ?, 'external', '2027-03-04', '2027-03-04')
                """, arguments: [hire.id, trainingID])
        }
        let details = try #require(try store.checklist(id: id))
        let privacy = try #require(details.items.first { $0.key == "privacy" })
        #expect(privacy.doneOn == "2027-03-04" && privacy.doneByEvidence)

        let email = try #require(details.items.first { $0.key == "email" })
        #expect(try store.setDone(itemID: email.id, checklistID: id, done: true, on: "2027-03-02", by: nil))
        #expect(try !store.setDone(itemID: email.id, checklistID: id, done: true, on: "2027-03-02", by: nil))
        #expect(try !store.setDone(itemID: email.id, checklistID: id + 1, done: false, on: "2027-03-02", by: nil))
        let teams = try #require(details.items.first { $0.key == "teams" })
        #expect(try store.removeItem(itemID: teams.id, checklistID: id, by: nil))
        let added = try store.addItem(checklistID: id, content: Self.item("keys", .supervisor), dueOn: "2027-03-05", by: nil)
        let after = try #require(try store.checklist(id: id))
        #expect(Set(after.items.map(\.key)) == ["privacy", "email", "keys"])
        #expect(after.items.first { $0.id == added }?.addedAt != nil)
        // The removal is kept in the record.
        let removedAt = try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT removed_at FROM onboarding_checklist_items WHERE id = ?", arguments: [teams.id])
        }
        #expect(removedAt != nil)
        #expect(try store.stamp(employeeID: hire.id) != "")
    }
}
