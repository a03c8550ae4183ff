import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Employee import")
struct EmployeeImportTests {
    private let today = "2026-11-23"

    private func batch(_ fixture: StaffFixture, _ rows: [ImportedEmployee], deactivateMissing: Bool = true)
        -> EmployeeImportBatch {
        EmployeeImportBatch(organisationID: fixture.organisationID, employees: rows,
                            deactivateMissing: deactivateMissing, today: today)
    }

    private func outcome(created: Int = 0, changed: Int = 0, unchanged: Int = 0, deactivated: Int = 0,
                         sectors: [String] = [], units: [String] = []) -> EmployeeImportOutcome {
        var outcome = EmployeeImportOutcome()
        outcome.created = created
        outcome.changed = changed
        outcome.unchanged = unchanged
        outcome.deactivated = deactivated
        outcome.sectorsCreated = sectors
        outcome.unitsCreated = units
        return outcome
    }

    /// The counts of an outcome, without the list of who is deactivated (checked on its own).
    private func counts(_ outcome: EmployeeImportOutcome) -> EmployeeImportOutcome {
        var counts = outcome
        counts.deactivations = []
        counts.activeBefore = 0
        return counts
    }

    private func employee(_ fixture: StaffFixture, hrNumber: String) throws -> Stored<Employee>? {
        try fixture.temporary.database.pool.read { db in
            try Stored<Employee>.filter(Column("hr_number") == hrNumber).fetchOne(db)
        }
    }

    /// Every row of the tables an import touches, to prove that nothing changed.
    private func snapshot(_ fixture: StaffFixture) throws -> [[Row]] {
        try fixture.temporary.database.pool.read { db in
            try ["sectors", "units", "employees"].map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id")
            }
        }
    }

    /// Aino unchanged, Eero's title changed, Liisa leaving (end date passed), Olli already inactive,
    /// Timo missing from the file; two newcomers, one of them gone already.
    private func mixedFixture() throws -> (StaffFixture, EmployeeImportBatch) {
        let fixture = try StaffFixture()
        let daycare = try fixture.unit("Päiväkoti Satakieli")
        _ = try fixture.employee("1001", "Aino", "Virtanen", unit: daycare)
        _ = try fixture.employee("1002", "Eero", "Korhonen", unit: daycare, jobTitle: "Kokki")
        _ = try fixture.employee("1003", "Liisa", "Mäkinen")
        _ = try fixture.employee("1004", "Olli", "Nieminen", active: false)
        _ = try fixture.employee("1007", "Timo", "Heikkinen")
        let rows = [
            ImportedEmployee(hrNumber: "1001", firstName: "Aino", lastName: "Virtanen", unitName: "Päiväkoti Satakieli"),
            ImportedEmployee(hrNumber: "1002", firstName: "Eero", lastName: "Korhonen", unitName: "Päiväkoti Satakieli",
                             jobTitle: "Suurtalouskokki"),
            ImportedEmployee(hrNumber: "1003", firstName: "Liisa", lastName: "Mäkinen", endDate: "2026-10-31"),
            ImportedEmployee(hrNumber: "1005", firstName: "Sari", lastName: "Lehtonen", email: "sari@kallio.fi",
                             phone: "040 123", sectorName: "Varhaiskasvatus", unitName: "Päiväkoti Kuovi",
                             jobTitle: "Lastenhoitaja", jobGroup: "Varhaiskasvatus", startDate: "2026-08-01",
                             endDate: today, language: "sv"),
            ImportedEmployee(hrNumber: "1006", firstName: "Pekka", lastName: "Aaltonen", endDate: "2026-11-22"),
        ]
        return (fixture, batch(fixture, rows))
    }

    @Test func countsAndStoredValues() throws {
        let (fixture, batch) = try mixedFixture()
        defer { fixture.remove() }
        let result = try fixture.imports.apply(batch)
        #expect(counts(result) == outcome(created: 2, changed: 2, unchanged: 1, deactivated: 2, sectors: ["Varhaiskasvatus"],
                                  units: ["Päiväkoti Kuovi"]))
        // Who is deactivated, and why: one by a passed end date, one missing from the full roster.
        #expect(result.deactivations.map { "\($0.hrNumber) \($0.reason)" } == ["1003 ended", "1007 missing"])
        #expect(result.activeBefore == 4)
        #expect(result.deactivatedShare == 0.5)

        #expect(try employee(fixture, hrNumber: "1002")?.jobTitle == "Suurtalouskokki")
        #expect(try employee(fixture, hrNumber: "1003")?.active == false)
        #expect(try employee(fixture, hrNumber: "1004")?.active == false)
        #expect(try employee(fixture, hrNumber: "1006")?.active == false)  // created inactive: gone already
        #expect(try employee(fixture, hrNumber: "1007")?.active == false)  // missing from a full export
        let sari = try #require(try employee(fixture, hrNumber: "1005"))
        #expect(sari.active)  // the end date is today: still working
        #expect(sari.email == "sari@kallio.fi" && sari.phone == "040 123" && sari.jobTitle == "Lastenhoitaja")
        #expect(sari.jobGroup == "Varhaiskasvatus" && sari.startDate == "2026-08-01" && sari.endDate == today)
        #expect(sari.language == "sv")
        let unit = try #require(try fixture.units.unit(id: sari.unitID ?? 0))
        #expect(unit.name == "Päiväkoti Kuovi")
        let sector = try #require(try fixture.sectors.sector(id: unit.sectorID ?? 0))
        #expect(sector.name == "Varhaiskasvatus")
        #expect(try fixture.employees.count(organisationID: fixture.organisationID, activeOnly: false) == 7)
    }

    @Test func withoutDeactivateMissingOthersStayActive() throws {
        let (fixture, fullBatch) = try mixedFixture()
        defer { fixture.remove() }
        var partial = fullBatch
        partial.deactivateMissing = false
        let result = try fixture.imports.apply(partial)
        #expect(result.deactivated == 1)  // Liisa, by end date
        #expect(try employee(fixture, hrNumber: "1007")?.active == true)
    }

    @Test func applyingTheSameBatchTwiceChangesNothingTheSecondTime() throws {
        let (fixture, batch) = try mixedFixture()
        defer { fixture.remove() }
        _ = try fixture.imports.apply(batch)
        let before = try snapshot(fixture)
        #expect(counts(try fixture.imports.apply(batch)) == outcome(unchanged: 5))
        #expect(try snapshot(fixture) == before)  // not even updated_at moved
    }

    @Test func previewIsApplyWithoutTheChanges() throws {
        let (fixture, batch) = try mixedFixture()
        defer { fixture.remove() }
        let before = try snapshot(fixture)
        let preview = try fixture.imports.preview(batch)
        #expect(try snapshot(fixture) == before)
        #expect(try fixture.imports.apply(batch) == preview)
        #expect(try snapshot(fixture) != before)
    }

    @Test func changesOfUnitAndReactivationCount() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let first = try fixture.unit("Ensimmäinen")
        _ = try fixture.unit("Toinen")
        _ = try fixture.employee("1", "Aino", "Virtanen", unit: first)
        _ = try fixture.employee("2", "Eero", "Korhonen", active: false)
        _ = try fixture.employee("3", "Liisa", "Mäkinen", unit: first)
        let rows = [
            ImportedEmployee(hrNumber: "1", firstName: "Aino", lastName: "Virtanen", unitName: "Toinen"),
            ImportedEmployee(hrNumber: "2", firstName: "Eero", lastName: "Korhonen"),
            ImportedEmployee(hrNumber: "3", firstName: "Liisa", lastName: "Mäkinen"),  // no unit any more
        ]
        #expect(counts(try fixture.imports.apply(batch(fixture, rows))) == outcome(changed: 3))
        #expect(try employee(fixture, hrNumber: "1")?.unitID != first.id)
        #expect(try employee(fixture, hrNumber: "2")?.active == true)
        #expect(try employee(fixture, hrNumber: "3")?.unitID == nil)
    }

    @Test func anErrorRollsBackTheWholeBatch() throws {
        let (fixture, good) = try mixedFixture()
        defer { fixture.remove() }
        let before = try snapshot(fixture)
        var bad = good
        bad.employees.append(ImportedEmployee(hrNumber: "1099", firstName: "Väärä", lastName: "Kieli", language: "de"))
        #expect {
            try fixture.imports.apply(bad)
        } throws: { error in
            guard case .sqlite(let message) = error as? StorageError else { return false }
            return message.contains("HR number 1099")
        }
        #expect(try snapshot(fixture) == before)

        bad = good
        bad.employees.append(ImportedEmployee(hrNumber: "1001", firstName: "Toinen", lastName: "Aino"))
        #expect(throws: StorageError.invalid("HR number 1001 appears more than once in the import.")) {
            try fixture.imports.apply(bad)
        }
        bad = good
        bad.organisationID = 9999
        #expect(throws: StorageError.notFound) { try fixture.imports.apply(bad) }
        #expect(throws: StorageError.notFound) { try fixture.imports.preview(bad) }
        #expect(try snapshot(fixture) == before)
    }

    @Test func unitsAndSectorsAreFoundByNameWithinTheOrganisation() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let other = try fixture.otherOrganisation()
        _ = try fixture.sectors.create(organisationID: other.id, name: "Tekninen toimi")
        _ = try fixture.units.create(WorkUnit(organisationID: other.id, name: "Varikko"))
        let existingSector = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Ruokapalvelut")
        let rows = [
            ImportedEmployee(hrNumber: "1", firstName: "A", lastName: "A", sectorName: "Tekninen toimi", unitName: "Varikko"),
            ImportedEmployee(hrNumber: "2", firstName: "B", lastName: "B", sectorName: "Tekninen toimi", unitName: "Varikko"),
            ImportedEmployee(hrNumber: "3", firstName: "C", lastName: "C", sectorName: "Ruokapalvelut"),
        ]
        let result = try fixture.imports.apply(batch(fixture, rows))
        #expect(counts(result) == outcome(created: 3, sectors: ["Tekninen toimi"], units: ["Varikko"]))
        let units = try fixture.units.units(organisationID: fixture.organisationID)
        #expect(units.map(\.name) == ["Varikko"])
        #expect(try fixture.sectors.sectors(organisationID: fixture.organisationID).map(\.name)
            == ["Ruokapalvelut", "Tekninen toimi"])
        #expect(units.first?.sectorID != existingSector.id)
    }

    @Test func fortyThousandRows() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let count = 40_000
        func row(_ index: Int) -> ImportedEmployee {
            ImportedEmployee(
                hrNumber: String(100_000 + index), firstName: "Etunimi\(index % 97)", lastName: "Sukunimi\(index % 1_009)",
                email: "henkilo\(index)@kallio.fi", sectorName: "Toimiala \(index % 10)",
                unitName: "Yksikkö \(index % 400)", jobTitle: "Nimike \(index % 50)", jobGroup: "Ryhmä \(index % 7)",
                startDate: "2020-01-01")
        }
        let rows = (0..<count).map(row)
        let started = Date()
        let first = try fixture.imports.apply(batch(fixture, rows))
        let firstSeconds = Date().timeIntervalSince(started)
        #expect(first.created == count && first.changed == 0 && first.unchanged == 0 && first.deactivated == 0)
        #expect(first.sectorsCreated.count == 10)
        #expect(first.unitsCreated.count == 400)
        #expect(try fixture.employees.count(organisationID: fixture.organisationID, activeOnly: true) == count)

        // The next month's export: 1,000 new job titles, 500 people gone, 200 leaving by end date.
        var next = rows
        for index in 0..<1_000 { next[index].jobTitle = "Uusi nimike" }
        for index in 1_000..<1_200 { next[index].endDate = "2026-01-31" }
        next.removeLast(500)
        let secondStarted = Date()
        let second = try fixture.imports.apply(batch(fixture, next))
        let secondSeconds = Date().timeIntervalSince(secondStarted)
        #expect(counts(second) == outcome(changed: 1_200, unchanged: count - 1_700, deactivated: 700))
        #expect(second.deactivations.count == 700)
        #expect(try fixture.employees.count(organisationID: fixture.organisationID, activeOnly: true) == count - 700)
        #expect(counts(try fixture.imports.preview(batch(fixture, next))) == outcome(unchanged: count - 500))

        let search = try fixture.employees.search(EmployeeQuery(organisationID: fixture.organisationID,
                                                                text: "uusi nimike", limit: 20))
        #expect(search.total == 1_000)
        #expect(search.listings.count == 20)
        print("40,000-row import: \(firstSeconds) s first, \(secondSeconds) s second")
    }
}

@Suite("Employee import: columns the file lacks")
struct EmployeeImportAbsentColumnTests {
    @Test func storedValuesSurviveAnExportWithoutTheirColumns() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let organisation = try OrganisationStore(temporary.database).create(slug: "jarvela", name: "Järvelä")
        let organisationID = organisation.id
        let store = EmployeeImportStore(temporary.database)
        let full = ImportedEmployee(hrNumber: "1", firstName: "Aino", lastName: "Aaltonen", email: "aino@x.example",
                                    phone: "+358 40 1", unitName: "Satakieli", jobTitle: "Opettaja", language: "sv")
        _ = try store.apply(EmployeeImportBatch(organisationID: organisationID, employees: [full],
                                                deactivateMissing: false, today: "2026-11-23"))
        var namesOnly = EmployeeImportBatch(
            organisationID: organisationID,
            employees: [ImportedEmployee(hrNumber: "1", firstName: "Aino", lastName: "Aaltonen-Virta")],
            deactivateMissing: false, today: "2026-11-23")
        namesOnly.absentFields = Set(ImportedField.allCases)
        let outcome = try store.apply(namesOnly)
        #expect(outcome.changed == 1)
        let stored = try #require(try EmployeeStore(temporary.database).search(EmployeeQuery(
            organisationID: organisationID, text: nil, unitIDs: nil, includeInactive: true, limit: 10, offset: 0)).listings.first)
        #expect(stored.employee.lastName == "Aaltonen-Virta")
        #expect(stored.employee.email == "aino@x.example")
        #expect(stored.employee.phone == "+358 40 1")
        #expect(stored.employee.language == "sv")
        #expect(stored.unitName == "Satakieli")
        // Present but empty columns do clear.
        var cleared = namesOnly
        cleared.absentFields = []
        _ = try store.apply(cleared)
        let after = try #require(try EmployeeStore(temporary.database).employee(id: stored.employee.id))
        #expect(after.email == nil)
        #expect(after.language == "fi")
    }
}
