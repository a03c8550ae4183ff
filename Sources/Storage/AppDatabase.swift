import Foundation
import GRDB

/// The application's SQLite database: a GRDB pool in WAL mode (concurrent readers, one writer),
/// foreign keys on, a busy timeout, and `synchronous=FULL` so an acknowledged write survives a
/// power cut. Stores reach the database only through this type.
public final class AppDatabase: Sendable {
    let pool: DatabasePool
    private let catalog: MigrationCatalog

    /// Opens (creating if needed) the database file. Does not migrate: see `migrate()`.
    public init(path: String, catalog: MigrationCatalog) throws(StorageError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous=NORMAL for WAL on its writer connection after any prepare hook;
            // FULL makes each commit durable against power loss, which an acknowledged survey answer
            // or import must be. The writer is one long-lived connection, so once is enough.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw .sqlite("cannot open \(path): \(error)")
        }
        self.catalog = catalog
    }

    private var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in catalog.migrations {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// Applies the pending migrations, each in its own transaction, and returns their identifiers.
    /// Refuses a database that has migrations this program does not know.
    @discardableResult
    public func migrate() throws(StorageError) -> [String] {
        try refuseNewerDatabase()
        let migrator = self.migrator
        do {
            let before = try pool.read { try migrator.appliedIdentifiers($0) }
            try migrator.migrate(pool)
            return catalog.migrations.map(\.identifier).filter { !before.contains($0) }
        } catch {
            throw .sqlite("migration failed: \(error)")
        }
    }

    /// For `serve`: the schema must be exactly what this program knows, neither older nor newer.
    public func requireCurrentSchema() throws(StorageError) {
        try refuseNewerDatabase()
        let migrator = self.migrator
        let applied: Set<String>
        do {
            applied = try pool.read { try migrator.appliedIdentifiers($0) }
        } catch {
            throw .sqlite("\(error)")
        }
        let pending = catalog.migrations.map(\.identifier).filter { !applied.contains($0) }
        if !pending.isEmpty { throw .pendingMigrations(pending) }
    }

    private func refuseNewerDatabase() throws(StorageError) {
        let known = Set(catalog.migrations.map(\.identifier))
        let recorded: [String]
        do {
            recorded = try pool.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
        } catch {
            throw .sqlite("\(error)")
        }
        let unknown = recorded.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { throw .databaseNewerThanBinary(unknown: unknown) }
    }

    /// Writes a consistent, compacted copy of the database to a new file while the server keeps
    /// running (`VACUUM INTO`: readers continue; writers wait for the copy to finish).
    public func backup(to path: String) throws(StorageError) {
        guard !FileManager.default.fileExists(atPath: path) else { throw .backupTargetExists(path) }
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        } catch {
            throw .sqlite("backup to \(path) failed: \(error)")
        }
    }
}
