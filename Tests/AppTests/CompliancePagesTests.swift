import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

@Suite("Required training pages")
struct CompliancePagesTests {
    let today = CivilDay.today()

    /// A requirement from 400 days ago, due ten days ago for staff without a completion, and Aino's
    /// completion 100 days ago.
    func setUp(_ test: TestApp, _ world: World) throws -> (requirementID: Int64, trainingID: Int64) {
        let requirementID = try ComplianceFixture.requirement(
            world, test, validityMonths: 12, anchor: .completion, firstDueOn: today.adding(days: -10).iso,
            effectiveFrom: today.adding(days: -400).iso)
        guard let definition = try RequirementStore(test.database).definition(id: requirementID),
              let trainingID = definition.versions.first?.trainingIDs.first else { throw AppError.notFound }
        _ = try CompletionStore(test.database).record(Completion(
            employeeID: world.employeeA.id, trainingID: trainingID, sessionID: nil, kind: .external,
            completedOn: today.adding(days: -100).iso, recordedBy: nil))
        return (requirementID, trainingID)
    }

    @Test func statusesComeFromTheHistoryOnTheDayAsked() throws {
        let test = try TestApp()
        let world = try World(test)
        let (requirementID, _) = try setUp(test, world)
        var hr = try test.staffBrowser("hr")
        let now = try hr.get("/requirements/\(requirementID)").text
        #expect(now.contains("Esiopettaja, Eero") && now.contains("Myöhässä 10 pv"))
        #expect(!now.contains("Aaltonen, Aino"))
        // Before Aino's completion and before the deadline, neither had a valid completion: both due.
        let earlier = try hr.get("/requirements/\(requirementID)?on=\(today.adding(days: -200).iso)").text
        #expect(earlier.contains("Aaltonen, Aino") && earlier.contains("Esiopettaja, Eero"))
        #expect(earlier.contains("historiasta"))
        // A date that is not one is said so, with the page still shown.
        #expect(try hr.get("/requirements/\(requirementID)?on=2026-02-30").status.code == 422)
        let csv = try hr.get("/requirements/\(requirementID)/statuses.csv").text
        #expect(csv.contains("1002") && csv.contains("Myöhässä"))
        #expect(csv.contains("Voimassa"))
    }

    @Test func supervisorsSeeTheirUnitsMatrixAndEmployeesTheirOwnReminder() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try setUp(test, world)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        let matrix = try supervisor.get("/units/\(world.unitA.id)/requirements").text
        #expect(matrix.contains("Myöhässä 10 pv") && matrix.contains("Voimassa"))
        #expect(matrix.contains("status-overdue"))
        var aino = try test.staffBrowser("tyontekija")
        #expect(!(try aino.get("/").text.contains("Pakolliset koulutuksesi")))
        let pages = TrainingPagesTests()
        var eero = try pages.employeeBrowser(test, "eero", world.employeeA1)
        let home = try eero.get("/").text
        #expect(home.contains("Pakolliset koulutuksesi") && home.contains("Myöhässä 10 pv"))
    }

    @Test func theFormRefusesWhatCannotBeARuleAndVersionsKeepThePast() throws {
        let test = try TestApp()
        let world = try World(test)
        let (requirementID, trainingID) = try setUp(test, world)
        var hr = try test.staffBrowser("hr")
        let pages = TrainingPagesTests()
        var fields: [(String, String)] = [
            ("title_fi", "Tietoturva"), ("title_sv", ""), ("title_en", ""), ("description_fi", ""), ("description_sv", ""),
            ("description_en", ""), ("validity_months", "12"), ("anchor", "yearly"), ("anchor_date", "31.13."),
            ("renewal_window_days", "60"), ("new_hire_grace_days", "90"), ("first_due_on", "2026-12-31"),
            ("effective_from", "2026-01-01"), ("job_groups", ""), ("unit_names", "Ei tällaista"),
        ]
        let refused = try pages.post(&hr, "/organisations/jarvela/requirements/new", fields)
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("Valitse vähintään yksi koulutus.") && refused.text.contains("Anna päivä muodossa pv.kk.")
                && refused.text.contains("Yksikköä ”Ei tällaista” ei löydy."))
        fields = fields.map { $0.0 == "anchor_date" ? ($0.0, "31.12.") : $0.0 == "unit_names" ? ($0.0, "Päiväkoti Satakieli") : $0 }
        let made = try pages.post(&hr, "/organisations/jarvela/requirements/new", fields + [("training_ids", String(trainingID))])
        #expect(made.status.code == 303)
        let stored = try RequirementStore(test.database).definitions(organisationID: world.jarvela.id)
        #expect(stored.count == 2)
        #expect(stored.first { $0.requirement.titleFi == "Tietoturva" }?.versions.first?.audience.unitIDs == [world.unitA.id])

        // A change must come after the latest version; a later one is added and the past keeps its rule.
        var change = fields.map { $0.0 == "effective_from" ? ($0.0, today.adding(days: -400).iso) : $0 }
        change += [("training_ids", String(trainingID)), ("note", "")]
        #expect(try pages.post(&hr, "/requirements/\(requirementID)/change", change).status.code == 422)
        let before = try hr.get("/requirements/\(requirementID)?on=\(today.adding(days: -5).iso)").text
        change = change.map { $0.0 == "effective_from" ? ($0.0, today.adding(days: 1).iso) : $0 }
        #expect(try pages.post(&hr, "/requirements/\(requirementID)/change", change).status.code == 303)
        #expect(try RequirementStore(test.database).definition(id: requirementID)?.versions.count == 2)
        let after = try hr.get("/requirements/\(requirementID)?on=\(today.adding(days: -5).iso)").text
        func people(_ page: String) -> String {
            guard let start = page.range(of: "people-caption"), let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex)
            else { return "" }
            return String(page[start.upperBound..<end.lowerBound])
        }
        #expect(people(before) == people(after))
    }

    @Test func hrGrantsAndEndsAnExemptionOnTheRecord() throws {
        let test = try TestApp()
        let world = try World(test)
        let (requirementID, _) = try setUp(test, world)
        var hr = try test.staffBrowser("hr")
        let pages = TrainingPagesTests()
        let path = "/requirements/\(requirementID)/exemptions"
        #expect(try hr.get(path).status.code == 200)
        let bad = try pages.post(&hr, path, [("hr_number", "9999"), ("from_on", today.iso), ("until_on", today.adding(days: -1).iso),
                                             ("reason", "")])
        #expect(bad.status.code == 422)
        #expect(bad.text.contains("Tällä henkilönumerolla ei ole aktiivista työntekijää.") && bad.text.contains("Täytä tämä kenttä."))
        let good = try pages.post(&hr, path, [("hr_number", "1002"), ("from_on", today.adding(days: -20).iso),
                                              ("until_on", today.adding(days: 60).iso), ("reason", "Perhevapaa")])
        #expect(good.status.code == 303)
        let page = try hr.get("/requirements/\(requirementID)").text
        #expect(!page.contains("Esiopettaja, Eero"))
        let csv = try hr.get("/requirements/\(requirementID)/statuses.csv").text
        #expect(csv.contains("Vapautettu"))
        let exemption = try #require(try ExemptionStore(test.database).exemptions(requirementID: requirementID).first)
        #expect(try pages.post(&hr, "/exemptions/\(exemption.id)/end", []).status.code == 303)
        #expect(try ExemptionStore(test.database).exemption(id: exemption.id)?.endedOn == today.iso)
        let actions = try AuditStore(test.database).latest(limit: 10).map(\.action)
        #expect(actions.contains("exemption.grant") && actions.contains("exemption.end"))
        // Ended today, it covers the days before: Eero is overdue again.
        #expect(try hr.get("/requirements/\(requirementID)").text.contains("Esiopettaja, Eero"))
    }

    @Test func hrSetsAndRemovesMinimumLevelsOnTheFrameworksScale() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        let pages = TrainingPagesTests()
        let path = "/organisations/jarvela/minimum-levels"
        let page = try hr.get(path)
        #expect(page.status.code == 200)
        // The first area offered by the form.
        guard let start = page.text.range(of: "name=\"area_code\""),
              let value = page.text[start.upperBound...].range(of: "value=\"", options: [],
                                                                 range: nil).flatMap({ first in
                  page.text[first.upperBound...].range(of: "value=\"") }),
              let end = page.text[value.upperBound...].firstIndex(of: "\"") else {
            Issue.record("no area to choose")
            return
        }
        let code = String(page.text[value.upperBound..<end])
        let bad = try pages.post(&hr, path, [("area_code", code), ("sector_id", ""), ("job_group", ""), ("level", "99")])
        #expect(bad.status.code == 422 && bad.text.contains("Anna taso asteikolta"))
        let both = try pages.post(&hr, path, [("area_code", code), ("sector_id", "999"), ("job_group", "lähihoitaja"), ("level", "3")])
        #expect(both.status.code == 422)
        #expect(try pages.post(&hr, path, [("area_code", code), ("sector_id", ""), ("job_group", ""), ("level", "2,5")]).status.code == 303)
        #expect(try MinimumLevelStore(test.database).levels(organisationID: world.jarvela.id).map(\.level) == [2.5])
        #expect(try pages.post(&hr, path, [("area_code", code), ("sector_id", ""), ("job_group", ""), ("level", "")]).status.code == 303)
        #expect(try MinimumLevelStore(test.database).levels(organisationID: world.jarvela.id).isEmpty)
    }

    @Test func aRequirementForDigitutorsAppliesToActiveTutorsOnly() {
        func person(_ id: Int64) -> CompliancePerson {
            CompliancePerson(id: id, hrNumber: "\(id)", firstName: "", lastName: "", unitID: nil, sectorID: nil, jobGroup: nil,
                             startDate: nil, endDate: nil, active: true, email: nil, language: "fi")
        }
        let facts = AudienceFacts(parents: [:], supervisors: [7], tutors: [5])
        let tutors = RequirementAudience(everyone: false, roles: [.digitutors])
        #expect(facts.includes(person(5), in: tutors) && !facts.includes(person(7), in: tutors))
        #expect(facts.includes(person(7), in: RequirementAudience(everyone: false, roles: [.supervisors])))
    }
}
