import Foundation
import GRDB
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// When the database cannot take writes (a read-only file, a full disk), pages that only read keep
/// working, changes fail with a page that says so, and the service recovers by itself.
@Suite("Database faults")
struct DatabaseFaultTests {
    /// Makes the writer connection refuse writes with SQLITE_READONLY, as a read-only file does.
    private func setReadOnly(_ test: TestApp, _ readOnly: Bool) throws {
        try test.database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA query_only = \(readOnly ? "ON" : "OFF")")
        }
    }

    /// Ages every session past the point where a page view refreshes its "last seen" time (a write).
    private func ageSessions(_ test: TestApp) throws {
        try test.database.pool.write { db in
            try db.execute(sql: "UPDATE sessions SET last_seen_at = ?", arguments: [Date().addingTimeInterval(-600)])
        }
    }

    @Test func readsWorkAndWritesFailClearlyOnAReadOnlyDatabaseThenRecover() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        try ageSessions(test)
        try setReadOnly(test, true)

        for page in ["/", "/organisations/jarvela/units", "/units/\(world.unitA.id)", "/employees/\(world.employeeA.id)"] {
            #expect(try hr.status(page) == 200, "GET \(page)")
        }
        let refused = try hr.submit("/organisations/jarvela/sectors", ["name": "Perusopetus"])
        #expect(refused.status.code == 503)
        #expect(refused.headers["Retry-After"] == "60")
        #expect(refused.text.contains("Muutosta ei voitu tallentaa"))
        #expect(try SectorStore(test.database).sectors(organisationID: world.jarvela.id).count == 1)

        try setReadOnly(test, false)
        #expect(try hr.submit("/organisations/jarvela/sectors", ["name": "Perusopetus"]).status.code == 303)
        #expect(try SectorStore(test.database).sectors(organisationID: world.jarvela.id).count == 2)
    }

    @Test func aFullDiskIsAPassingFaultAndTheImportIsWholeOrNothing() throws {
        let test = try TestApp()
        let world = try World(test)
        let pages = try test.database.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        // The database may not grow: as on a full disk, the next page it needs cannot be had.
        try test.database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let batch = EmployeeImportBatch(
            organisationID: world.jarvela.id,
            employees: (0..<3000).map { ImportedEmployee(hrNumber: "T\($0)", firstName: "Testi", lastName: "Henkilö \($0)") },
            deactivateMissing: false, today: "2026-12-07")
        #expect(throws: StorageError.self) { try EmployeeImportStore(test.database).apply(batch) }
        do {
            _ = try EmployeeImportStore(test.database).apply(batch)
        } catch {
            #expect(error.isUnavailable, "\(error)")
        }
        #expect(try EmployeeStore(test.database).count(organisationID: world.jarvela.id, activeOnly: false) == 3)

        try test.database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA max_page_count = 1073741823")
        }
        #expect(try EmployeeImportStore(test.database).apply(batch).created == 3000)
    }
}
