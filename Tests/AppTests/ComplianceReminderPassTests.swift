import Foundation
import Metrics
import Testing
@testable import App
@testable import Storage

@Suite("Required training reminders")
struct ComplianceReminderPassTests {
    let today = CivilDay.today()

    @Test func eachReminderIsQueuedOnceAndCancelledWhenTheCauseIsGone() throws {
        let test = try TestApp()
        let world = try World(test)
        // Due in 14 days for staff without a completion: today is the "14 days before" reminder.
        let requirementID = try ComplianceFixture.requirement(
            world, test, validityMonths: 12, anchor: .completion, firstDueOn: today.adding(days: 14).iso,
            effectiveFrom: today.adding(days: -30).iso)
        let maija = try EmployeeStore(test.database).create(Employee(
            organisationID: world.jarvela.id, hrNumber: "3001", firstName: "Maija", lastName: "Meikäläinen",
            email: "maija@example.fi", unitID: world.unitA.id, language: "sv"))
        let app = test.app
        let first = try app.queueComplianceReminders(on: today)
        #expect(first.queued == 1 && first.reminders == 1)
        let key = "compliance|\(requirementID)|\(maija.id)|\(today.adding(days: 14).iso)|fourteen_days_before"
        let message = try #require(try MailOutboxStore(test.database).message(key: key))
        // In her language, about her only.
        #expect(message.subject.contains("Dataskydd") && message.recipientAddress == "maija@example.fi")
        #expect(!message.textBody.contains("Aaltonen") && message.textBody.contains("Hej Maija"))
        #expect(message.htmlBody.contains("<p>Hej Maija,</p>"))
        // Running again (the server runs hourly) queues nothing new.
        #expect(try app.queueComplianceReminders(on: today).queued == 0)
        #expect(try app.complianceVerdict(message) == .send)

        // She completes it: the queued reminder no longer goes, and the next pass writes nothing.
        guard let trainingID = try RequirementStore(test.database).definition(id: requirementID)?.versions.first?.trainingIDs.first
        else { throw AppError.notFound }
        _ = try CompletionStore(test.database).record(Completion(
            employeeID: maija.id, trainingID: trainingID, sessionID: nil, kind: .attended,
            completedOn: today.iso, recordedBy: nil))
        if case .cancel = try app.complianceVerdict(message) {} else { Issue.record("a completed reminder would be sent") }
        #expect(try app.queueComplianceReminders(on: today.adding(days: 14)).reminders == 0)
    }

    @Test func anExemptionOrLeavingStopsTheReminders() throws {
        let test = try TestApp()
        let world = try World(test)
        let requirementID = try ComplianceFixture.requirement(
            world, test, validityMonths: 12, anchor: .completion, firstDueOn: today.iso,
            effectiveFrom: today.adding(days: -30).iso)
        let ville = try EmployeeStore(test.database).create(Employee(
            organisationID: world.jarvela.id, hrNumber: "3002", firstName: "Ville", lastName: "Virtanen",
            email: "ville@example.fi", unitID: world.unitA.id))
        let app = test.app
        #expect(try app.queueComplianceReminders(on: today).queued == 1)
        let message = try #require(try MailOutboxStore(test.database).message(
            key: "compliance|\(requirementID)|\(ville.id)|\(today.iso)|due_day"))
        _ = try ExemptionStore(test.database).grant(Exemption(
            requirementID: requirementID, employeeID: ville.id, fromOn: today.adding(days: -1).iso,
            untilOn: today.adding(days: 100).iso, reason: "Perhevapaa", createdBy: nil))
        if case .cancel = try app.complianceVerdict(message) {} else { Issue.record("an exempt person would be reminded") }
        #expect(try app.queueComplianceReminders(on: today.adding(days: 7)).reminders == 0)
    }

    @Test func mondayIsKnown() {
        #expect(WebApp.isMonday(CivilDay(year: 2026, month: 12, day: 7) ?? CivilDay(daysSinceEpoch: 0)))
        #expect(!WebApp.isMonday(CivilDay(year: 2026, month: 12, day: 8) ?? CivilDay(daysSinceEpoch: 0)))
    }
}
