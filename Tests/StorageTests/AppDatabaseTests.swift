import Foundation
import GRDB
import Testing
@testable import Storage

/// A fresh database file in a temporary folder, with the project's real migrations applied.
struct TemporaryDatabase {
    let folder: String
    let path: String
    let database: AppDatabase
    /// The server key the database's sealed data belongs to.
    let key: ServerKey

    static let migrationsFolder: String = {
        // Tests/StorageTests/AppDatabaseTests.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("Migrations").path
    }()

    init(migrate: Bool = true, catalog: MigrationCatalog? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("storage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/test.sqlite"
        key = ServerKey.generate()
        database = try AppDatabase(path: path, catalog: catalog ?? MigrationCatalog(directory: Self.migrationsFolder),
                                   key: key)
        if migrate { try database.migrate() }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

@Suite("AppDatabase and migrations")
struct AppDatabaseTests {
    @Test func realMigrationsApplyOnceAndInOrder() throws {
        let temporary = try TemporaryDatabase(migrate: false)
        defer { temporary.remove() }
        let applied = try temporary.database.migrate()
        #expect(applied.first == "0001_organisation_staff_and_access")
        #expect(try temporary.database.migrate().isEmpty)
        try temporary.database.requireCurrentSchema()
    }

    @Test func poolSettings() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let (journal, foreignKeys, synchronous) = try temporary.database.pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(synchronous == 2)  // FULL
    }

    @Test func pendingMigrationsAreReported() throws {
        let temporary = try TemporaryDatabase(migrate: false)
        defer { temporary.remove() }
        let all = try MigrationCatalog(directory: TemporaryDatabase.migrationsFolder).migrations.map(\.identifier)
        #expect(all.first == "0001_organisation_staff_and_access")
        #expect(throws: StorageError.pendingMigrations(all)) {
            try temporary.database.requireCurrentSchema()
        }
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        try temporary.database.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0099_from_the_future')")
        }
        let unknown = StorageError.databaseNewerThanBinary(unknown: ["0099_from_the_future"])
        #expect(throws: unknown) { try temporary.database.requireCurrentSchema() }
        #expect(throws: unknown) { try temporary.database.migrate() }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let catalog = MigrationCatalog(migrations: [
            Migration(identifier: "0001_good", sql: "CREATE TABLE a (x INTEGER);"),
            Migration(identifier: "0002_bad", sql: "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);"),
        ])
        let temporary = try TemporaryDatabase(migrate: false, catalog: catalog)
        defer { temporary.remove() }
        #expect(throws: StorageError.self) { try temporary.database.migrate() }
        let (hasA, hasB) = try temporary.database.pool.read { db in (try db.tableExists("a"), try db.tableExists("b")) }
        #expect(hasA)
        #expect(!hasB)  // the failed migration's transaction was rolled back
    }

    @Test func catalogRejectsMalformedAndDuplicateNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "SELECT 1;".write(toFile: folder + "/0001_first.sql", atomically: true, encoding: .utf8)
        try "notes".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        #expect(try MigrationCatalog(directory: folder).migrations.map(\.identifier) == ["0001_first"])
        try "SELECT 2;".write(toFile: folder + "/0001_second.sql", atomically: true, encoding: .utf8)
        #expect(throws: StorageError.duplicateMigrationNumber("0001")) { try MigrationCatalog(directory: folder) }
        try FileManager.default.removeItem(atPath: folder + "/0001_second.sql")
        try "SELECT 3;".write(toFile: folder + "/2-Oops.sql", atomically: true, encoding: .utf8)
        #expect(throws: StorageError.badMigrationName("2-Oops.sql")) { try MigrationCatalog(directory: folder) }
        #expect(throws: StorageError.migrationsFolderMissing("/no/such/folder")) {
            try MigrationCatalog(directory: "/no/such/folder")
        }
    }

    @Test func backupIsAConsistentCopyAndNeverOverwrites() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let organisations = OrganisationStore(temporary.database)
        _ = try organisations.create(slug: "kallio", name: "Kallion kunta")
        let copyPath = temporary.folder + "/backup.sqlite"
        try temporary.database.backup(to: copyPath)
        let copy = try AppDatabase(path: copyPath, catalog: MigrationCatalog(directory: TemporaryDatabase.migrationsFolder),
                                   key: temporary.key)
        try copy.requireCurrentSchema()
        #expect(try OrganisationStore(copy).all().map(\.slug) == ["kallio"])
        #expect(throws: StorageError.backupTargetExists(copyPath)) { try temporary.database.backup(to: copyPath) }
    }

    @Test func backupLeavesOnlyTheCopyAndIsNotBlockedByLeftoverPartials() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let folder = temporary.folder + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        // What a backup killed halfway leaves behind: its temporary file, never the name asked for.
        #expect(FileManager.default.createFile(atPath: folder + "/.copy.sqlite.partial-0badf00d", contents: Data("half".utf8)))
        try temporary.database.backup(to: folder + "/copy.sqlite")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == [".copy.sqlite.partial-0badf00d", "copy.sqlite"])
    }

    @Test func backupRefusesAStaleLogBesideTheNameAndAMissingFolder() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let copyPath = temporary.folder + "/copy.sqlite"
        #expect(FileManager.default.createFile(atPath: copyPath + "-wal", contents: Data("old log".utf8)))
        #expect(throws: StorageError.backupTargetExists(copyPath + "-wal")) { try temporary.database.backup(to: copyPath) }
        #expect(!FileManager.default.fileExists(atPath: copyPath))
        let nowhere = temporary.folder + "/missing/copy.sqlite"
        #expect(throws: StorageError.fileSystem("the backup to \(nowhere) failed: there is no folder \(temporary.folder)/missing.")) {
            try temporary.database.backup(to: nowhere)
        }
    }

    @Test func aFullDiskIsAFileSystemFaultNotADataError() {
        let full = DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
        #expect(StorageError.classifying(full, context: "migration failed")
            == .fileSystem("migration failed: the disk is full (database or disk is full)."))
        #expect(StorageError.classifying(full, context: "migration failed").description
            == "Migration failed: the disk is full (database or disk is full).")
        let readOnly = DatabaseError(resultCode: .SQLITE_READONLY_DBMOVED, message: "attempt to write a readonly database")
        #expect(StorageError(readOnly, conflict: { _ in nil })
            == .fileSystem("The database cannot be read or written: the database or its folder is read-only "
                + "(attempt to write a readonly database)."))
        let corrupt = DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed")
        guard case .sqlite = StorageError.classifying(corrupt, context: "reading") else {
            Issue.record("a damaged database is not a file-system fault")
            return
        }
    }

    @Test func backupWhileWritingIsConsistent() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let audit = AuditStore(temporary.database)
        let writer = Thread {
            for index in 0..<300 { try? audit.record(AuditEntry(action: "test.write", detail: "\(index)")) }
        }
        writer.start()
        let copyPath = temporary.folder + "/during.sqlite"
        try temporary.database.backup(to: copyPath)
        let copy = try AppDatabase(path: copyPath, catalog: MigrationCatalog(directory: TemporaryDatabase.migrationsFolder),
                                   key: temporary.key)
        let integrity = try copy.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        writer.cancel()
    }
}

@Suite("Schema rules")
struct SchemaRulesTests {
    @Test func hrNumberIsUniqueWithinAnOrganisationOnly() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let organisations = OrganisationStore(temporary.database)
        let first = try organisations.create(slug: "alavesi", name: "Alaveden kunta")
        let second = try organisations.create(slug: "ylavesi", name: "Yläveden kunta")
        try temporary.database.pool.write { db in
            let insert = """
                INSERT INTO employees (organisation_id, hr_number, first_name, last_name, created_at, updated_at)
                VALUES (?, '1001', 'Aino', 'Virtanen', '2026-01-01', '2026-01-01')
                """
            try db.execute(sql: insert, arguments: [first.id])
            try db.execute(sql: insert, arguments: [second.id])
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: [first.id]) }
        }
    }

    @Test func checksRejectBadValues() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let organisation = try OrganisationStore(temporary.database).create(slug: "keskikyla", name: "Keskikylä")
        try temporary.database.pool.write { db in
            func employee(language: String, start: String) throws {
                try db.execute(sql: """
                    INSERT INTO employees (organisation_id, hr_number, first_name, last_name, language, start_date,
                                           created_at, updated_at)
                    VALUES (?, ?, 'A', 'B', ?, ?, '2026-01-01', '2026-01-01')
                    """, arguments: [organisation.id, UUID().uuidString, language, start])
            }
            try employee(language: "sv", start: "2024-08-01")
            #expect(throws: DatabaseError.self) { try employee(language: "de", start: "2024-08-01") }
            #expect(throws: DatabaseError.self) { try employee(language: "fi", start: "1.8.2024") }
            // A supervisor role needs a unit; HR needs an organisation; admin needs neither.
            try db.execute(sql: "INSERT INTO users (login, password_hash, created_at) VALUES ('u', 'x', '2026-01-01')")
            let user = db.lastInsertedRowID
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO role_assignments (user_id, role) VALUES (?, 'supervisor')", arguments: [user])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO role_assignments (user_id, role) VALUES (?, 'hr')", arguments: [user])
            }
            try db.execute(sql: "INSERT INTO role_assignments (user_id, role) VALUES (?, 'admin')", arguments: [user])
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO role_assignments (user_id, role) VALUES (?, 'admin')", arguments: [user])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO organisations (slug, name, created_at) VALUES ('Bad Slug', 'x', '2026-01-01')")
            }
        }
    }

    @Test func foreignKeysAreEnforced() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        #expect(throws: DatabaseError.self) {
            try temporary.database.pool.write { db in
                try db.execute(sql: "INSERT INTO sectors (organisation_id, name) VALUES (12345, 'Varhaiskasvatus')")
            }
        }
    }

    @Test func auditLogKeepsOrder() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let audit = AuditStore(temporary.database)
        try audit.record(AuditEntry(login: "aino", action: "sign-in.failed", clientAddress: "127.0.0.1"))
        try audit.record(AuditEntry(userID: nil, login: "aino", action: "sign-in.succeeded"))
        #expect(try audit.latest(limit: 10).map(\.action) == ["sign-in.succeeded", "sign-in.failed"])
    }
}
