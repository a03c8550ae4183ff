import ArgumentParser
import Storage

/// `--root` and `--database`, shared by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Directory holding Public/, Templates/ and Migrations/ (default: the working directory).")
    var root = "."

    @Option(help: "The SQLite database file (default: ROOT/data/taitotutka.sqlite).")
    var database: String?

    var layout: ProjectLayout {
        get throws { try ProjectLayout(root: root) }
    }

    /// Opens the database with the migrations found under the root.
    func open() throws -> AppDatabase {
        let layout = try layout
        let path = database ?? layout.root + "/data/taitotutka.sqlite"
        do {
            return try AppDatabase(path: path, catalog: MigrationCatalog(directory: layout.migrationsDirectory))
        } catch {
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
        do {
            try database.backup(to: file)
            print("Backed up to \(file).")
        } catch {
            throw ValidationError(error.description)
        }
    }
}
