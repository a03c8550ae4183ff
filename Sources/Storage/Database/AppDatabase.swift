import Foundation
import GRDB

/// The application's SQLite database: a GRDB pool in WAL mode (concurrent readers, one writer),
/// foreign keys on, a busy timeout, and `synchronous=FULL` so an acknowledged write survives a
/// power cut. Stores reach the database only through this type.
///
/// `secure_delete` is on for every connection, so deleted rows (a submitted draft, say) are
/// overwritten rather than left in free space; `HistoryScrubber` truncates the write-ahead log
/// after survey writes, so no earlier version of a page survives in the files.
public final class AppDatabase: Sendable {
    let pool: DatabasePool
    private let catalog: MigrationCatalog
    /// Keys derived from the server key: what survey tables seal and hash with.
    let secrets: SurveySecrets
    /// Truncates the write-ahead log shortly after survey writes.
    let scrubber: HistoryScrubber
    private let commits = CommitCounter()

    /// How many transactions this process has committed: when it has not changed, nothing was
    /// written here since (see `CommitCounter`).
    public var commitCount: Int { commits.value }

    /// Opens (creating if needed) the database file, whose sealed data belongs to `key`. Does not
    /// migrate: see `migrate()`. `scrubDelay` is how long after a survey write the write-ahead log
    /// is truncated (tests that inspect the log set it long and scrub themselves).
    public init(path: String, catalog: MigrationCatalog, key: ServerKey,
                scrubDelay: TimeInterval = HistoryScrubber.defaultDelay) throws(StorageError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous=NORMAL for WAL on its writer connection after any prepare hook;
            // FULL makes each commit durable against power loss, which an acknowledged survey answer
            // or import must be. The writer is one long-lived connection, so once is enough.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            pool.add(transactionObserver: commits, extent: .databaseLifetime)
        } catch {
            throw .classifying(error, context: "cannot open \(path)")
        }
        self.catalog = catalog
        secrets = SurveySecrets(serverKey: key)
        scrubber = HistoryScrubber(pool: pool, delay: scrubDelay)
    }

    /// A key derived from the server key for one of the web application's purposes (the own-profile
    /// cookie, anonymous form tokens); survey tables' keys stay inside Storage.
    public func keyBytes(for purpose: KeyPurpose) -> [UInt8] {
        secrets.serverKey.keyBytes(for: purpose)
    }

    private var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        let secrets = self.secrets
        for migration in catalog.migrations {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                // Converting what the old survey tables held needs the key, so it runs here, in the
                // same transaction as the migration that renamed them.
                if migration.identifier == LegacySurveyConversion.migrationIdentifier {
                    try LegacySurveyConversion(secrets: secrets).run(db)
                }
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
        let applied: [String]
        do {
            let before = try pool.read { try migrator.appliedIdentifiers($0) }
            try migrator.migrate(pool)
            applied = catalog.migrations.map(\.identifier).filter { !before.contains($0) }
        } catch {
            throw .classifying(error, context: "migration failed")
        }
        try checkKey()
        if applied.contains(LegacySurveyConversion.migrationIdentifier) {
            // The old tables were dropped with secure_delete on; VACUUM also rebuilds every page, so
            // nothing of their layout or order survives, and the log is truncated.
            do {
                try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
            } catch {
                throw .classifying(error, context: "cleaning up after the migration failed")
            }
            scrubber.scrubNow()
        }
        return applied
    }

    /// Records the key's fingerprint in a new database, and refuses a key that is not the one the
    /// database's sealed data belongs to.
    func checkKey() throws(StorageError) {
        let fingerprint = secrets.serverKey.mac(.fingerprint, Array("taitotutka".utf8))
        try writing { db in
            guard try db.tableExists("server_key_check") else { return }
            if let stored = try Data.fetchOne(db, sql: "SELECT fingerprint FROM server_key_check WHERE id = 1") {
                guard stored == fingerprint else { throw StorageError.wrongServerKey }
            } else {
                try db.execute(sql: "INSERT INTO server_key_check (id, fingerprint) VALUES (1, ?)",
                               arguments: [fingerprint])
            }
        }
    }

    /// Whether the database file at `path` holds data sealed with a server key, so a missing key
    /// file must not be replaced by a new one. False for a missing or new file.
    public static func holdsSealedData(path: String) throws(StorageError) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // The fingerprint is recorded as soon as anything is sealed (at migration); a database from
            // before sealing has none, and gets its first key when it is migrated.
            return try queue.read { db in
                try db.tableExists("server_key_check")
                    && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM server_key_check)") == true
            }
        } catch {
            throw .classifying(error, context: "cannot read \(path)")
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
            throw .classifying(error, context: "cannot read the schema")
        }
        let pending = catalog.migrations.map(\.identifier).filter { !applied.contains($0) }
        if !pending.isEmpty { throw .pendingMigrations(pending) }
        try checkKey()
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
            throw .classifying(error, context: "cannot read the schema")
        }
        let unknown = recorded.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { throw .databaseNewerThanBinary(unknown: unknown) }
    }

    /// Writes a consistent, compacted copy of the database to a new file while the server keeps
    /// running (`VACUUM INTO`: readers continue; writers wait for the copy to finish). The copy is
    /// written under a temporary name beside `path` and renamed only once it is complete and on disk,
    /// so a failure (a full disk, say) leaves nothing under `path` and a retry can use it.
    public func backup(to path: String) throws(StorageError) {
        // A journal or log left beside the name by an earlier database of that name would be applied
        // to the new copy when it is opened, so they block the name as the file itself does.
        for taken in [path, path + "-journal", path + "-wal"] where FileManager.default.fileExists(atPath: taken) {
            throw .backupTargetExists(taken)
        }
        let partial = PartialBackupFile(destination: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: partial.folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .fileSystem("the backup to \(path) failed: there is no folder \(partial.folder).")
        }
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [partial.temporaryPath])
            }
        } catch {
            partial.discard()
            throw .classifying(error, context: "the backup to \(path) failed")
        }
        try partial.publish()
    }
}
