import ArgumentParser
import Foundation
import Storage

/// `--root`, `--database` and `--key-file`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Directory holding Public/, Templates/ and Migrations/ (default: the working directory).")
    var root = "."

    @Option(help: "The SQLite database file (default: ROOT/data/taitotutka.sqlite).")
    var database: String?

    @Option(help: """
        The server key file, which seals survey answers (default: taitotutka.key beside the database). \
        Created at first start; back it up apart from the database.
        """)
    var keyFile: String?

    var layout: ProjectLayout {
        get throws { try ProjectLayout(root: root) }
    }

    var databasePath: String {
        get throws { try database ?? layout.root + "/data/taitotutka.sqlite" }
    }

    /// The key file: `--key-file`, or `taitotutka.key` in the database's folder.
    var keyPath: String {
        get throws {
            if let keyFile { return keyFile }
            let folder = (try databasePath as NSString).deletingLastPathComponent
            return (folder.isEmpty ? "." : folder) + "/taitotutka.key"
        }
    }

    /// Opens the database at `--database`, which must exist: a mistyped path is refused (exit 5)
    /// rather than becoming a new, empty database — and a new key file — that a backup or an import
    /// would then report success on. Only `migrate` creates a database.
    func openExisting() throws -> AppDatabase {
        let path = try databasePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(.noDatabase, "There is no database at \(path); nothing was created. "
                + "Check --database (or --root), or create a new database with `taitotutka migrate --database \(path)`.")
        }
        return try open(path)
    }

    /// Opens the database at `--database`, creating it (and its folder and key file) when missing;
    /// `created` says whether it was.
    func openOrCreate() throws -> (database: AppDatabase, created: Bool) {
        let path = try databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        return (try open(path), !existed)
    }

    /// Opens the database with the migrations found under the root and the server key, creating the
    /// key file when the database holds nothing sealed yet.
    private func open(_ path: String) throws -> AppDatabase {
        let layout = try layout
        let key = try ServerKey.loadOrCreate(path: try keyPath, mayCreate: !AppDatabase.holdsSealedData(path: path))
        return try AppDatabase(path: path, catalog: MigrationCatalog(directory: layout.migrationsDirectory), key: key)
    }
}

/// `taitotutka migrate`: applies pending migrations, creating the database if needed.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database or bring its schema up to date.",
        discussion: """
            Creates the database (and its server key file) when there is none at --database, and says so.

            \(ExitStatus.help([
                .unusableInput: "the Migrations folder is unusable",
                .databaseProblem: "the database was written by a newer version, has another server key or is damaged",
                .systemFailure: "the files could not be written (a full disk, a read-only file system, no permission)",
            ]))
            """)

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let (database, created) = try options.openOrCreate()
        if created { print("Created a new database at \(try options.databasePath).") }
        let applied = try database.migrate()
        print(applied.isEmpty ? "The database is up to date." : "Applied: \(applied.joined(separator: ", "))")
    }
}

/// `taitotutka backup FILE`: a consistent copy while the server runs.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the database to a new file (safe while the server runs).",
        discussion: """
            The copy is written under a temporary name beside FILE (.FILE.partial-…), flushed to disk and only \
            then renamed to FILE, so a failed backup leaves nothing under FILE and can simply be run again.

            \(ExitStatus.help([
                .unusableInput: "FILE exists already",
                .databaseProblem: "the database cannot be read",
                .systemFailure: "writing the copy failed (a full disk, no permission); nothing is left",
                .noDatabase: "there is no database at --database (nothing is created)",
            ]))
            """)

    @Argument(help: "The file to create; it must not exist.")
    var file: String

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try options.openExisting()
        let keyPath = try options.keyPath
        try database.backup(to: file)
        print("Backed up to \(file).")
        print("The server key file \(keyPath) is not in the backup: survey answers in it open only with that key, "
            + "so keep a copy of the key apart from the backup (README: Where data lives).")
    }
}
