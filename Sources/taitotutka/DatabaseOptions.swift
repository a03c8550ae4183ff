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

    /// Opens the database with the migrations found under the root and the server key, creating the
    /// key file when the database holds nothing sealed yet.
    func open() throws -> AppDatabase {
        let layout = try layout
        let path = try databasePath
        do {
            let key = try ServerKey.loadOrCreate(path: try keyPath, mayCreate: !AppDatabase.holdsSealedData(path: path))
            return try AppDatabase(path: path, catalog: MigrationCatalog(directory: layout.migrationsDirectory), key: key)
        } catch let error as StorageError {
            throw ValidationError(error.description)
        }
    }
}

/// `taitotutka migrate`: applies pending migrations, creating the database if needed.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database or bring its schema up to date.")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try options.open()
        do {
            let applied = try database.migrate()
            print(applied.isEmpty ? "The database is up to date." : "Applied: \(applied.joined(separator: ", "))")
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// `taitotutka backup FILE`: a consistent copy while the server runs.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the database to a new file (safe while the server runs).")

    @Argument(help: "The file to create; it must not exist.")
    var file: String

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try options.open()
        let keyPath = try options.keyPath
        do {
            try database.backup(to: file)
        } catch {
            throw ValidationError(error.description)
        }
        print("Backed up to \(file).")
        print("The server key file \(keyPath) is not in the backup: survey answers in it open only with that key, "
            + "so keep a copy of the key apart from the backup (README: Where data lives).")
    }
}
