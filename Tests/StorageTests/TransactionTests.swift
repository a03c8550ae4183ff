import Foundation
import GRDB
import Testing
@testable import Storage

/// A trigger that makes every audit insert fail, as a full disk or a crash at that moment would.
func breakAuditLog(_ database: AppDatabase) throws {
    try database.pool.write { db in
        try db.execute(sql: """
            CREATE TRIGGER audit_log_broken BEFORE INSERT ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log cannot be written'); END
            """)
    }
}

@Suite("One transaction for a change and its audit line")
struct TransactionTests {
    @Test func storeCallsJoinTheEnclosingTransactionAndCommitTogether() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let audit = AuditStore(fixture.temporary.database)
        let unit = try fixture.temporary.database.transaction {
            let unit = try fixture.unit("Päiväkoti Kottarainen")
            try audit.recordChange(AuditEntry(action: "unit.create", target: "unit:\(unit.id)"))
            // Reads inside see the uncommitted change.
            #expect(try fixture.units.unit(id: unit.id)?.name == "Päiväkoti Kottarainen")
            return unit
        }
        #expect(try fixture.units.unit(id: unit.id) != nil)
        #expect(try audit.latest(limit: 1).first?.target == "unit:\(unit.id)")
    }

    @Test func aFailedAuditLineUndoesTheChange() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let database = fixture.temporary.database
        let unit = try fixture.unit("Päiväkoti Satakieli")
        try breakAuditLog(database)
        #expect(throws: StorageError.self) {
            try database.transaction {
                var renamed = unit
                renamed.name = "Päiväkoti Peippo"
                try fixture.units.update(renamed)
                try AuditStore(database).recordChange(AuditEntry(action: "unit.update", target: "unit:\(unit.id)"))
            }
        }
        #expect(try fixture.units.unit(id: unit.id)?.name == "Päiväkoti Satakieli")
    }

    @Test func anAuditLineOfAChangeIsRefusedOutsideATransaction() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        #expect(throws: StorageError.self) {
            try AuditStore(fixture.temporary.database).recordChange(AuditEntry(action: "unit.update"))
        }
        #expect(try AuditStore(fixture.temporary.database).latest(limit: 5).isEmpty)
    }

    @Test func aCaughtStepFailureUndoesOnlyThatStep() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let database = fixture.temporary.database
        try database.transaction {
            _ = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Sivistys")
            // The second create clashes; the caller reports it and goes on.
            #expect(throws: StorageError.self) {
                _ = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Sivistys")
            }
            _ = try fixture.sectors.create(organisationID: fixture.organisationID, name: "Hyvinvointi")
        }
        #expect(try fixture.sectors.sectors(organisationID: fixture.organisationID).map(\.name).sorted()
            == ["Hyvinvointi", "Sivistys"])
    }

    @Test func errorsOfTheBodyPassThroughUnchanged() throws {
        struct NotMine: Error, Equatable {}
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        #expect(throws: NotMine()) {
            try fixture.temporary.database.transaction {
                _ = try fixture.unit("Kesken jäänyt")
                throw NotMine()
            }
        }
        #expect(try fixture.units.units(organisationID: fixture.organisationID).isEmpty)
    }

    @Test func workAfterCommitWaitsForTheCommitAndIsSkippedOnRollback() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let database = fixture.temporary.database
        var ran: [String] = []
        try database.transaction {
            database.afterCommit { ran.append("committed") }
            #expect(ran.isEmpty)
        }
        #expect(ran == ["committed"])
        try? database.transaction {
            database.afterCommit { ran.append("rolled back") }
            throw StorageError.invalid("no")
        }
        #expect(ran == ["committed"])
        database.afterCommit { ran.append("no transaction") }
        #expect(ran == ["committed", "no transaction"])
    }
}
