import App
import ArgumentParser
import Demo
import Foundation
import Storage

/// The exit status of a command that could not do its work: one per kind of problem, so that a
/// script (a backup job, an import from the HR system) can tell a typo from a full disk. README
/// ("Exit status") lists them; 0 is success.
enum ExitStatus: Int32, CaseIterable {
    /// `import employees`: rows were rejected and nothing was applied.
    case rowsRejected = 1
    /// A file, folder or name the command was given cannot be used: an unreadable or malformed CSV
    /// file, an unknown organisation, a backup file that exists already, unusable project files.
    case unusableInput = 2
    /// The database cannot be used as it is: it needs migrating, was written by a newer version, its
    /// server key is missing or another, it is damaged, or (demo) it holds data already.
    case databaseProblem = 3
    /// The machine refused: a full disk, a read-only file system, no permission, an I/O error, a
    /// port in use. Worth retrying once the fault is fixed.
    case systemFailure = 4
    /// There is no database at the path given; nothing was created.
    case noDatabase = 5
    /// `import employees`: the file would deactivate more than a tenth of the active staff and
    /// `--confirm-deactivations` did not name the number; nothing was applied.
    case deactivationNotConfirmed = 6
    /// `mail send`: SMTP is not configured, so sending is off; nothing was sent.
    case notConfigured = 7
    /// The command line itself is wrong (unknown option, bad value, `--root` without the project's
    /// folders); ArgumentParser's own usage errors exit with it too.
    case usage = 64
    /// Something that should not happen: a bug to report.
    case internalError = 70

    /// The exit-status table of a command's `discussion`: 0, the given statuses with what they mean
    /// for that command, and 64.
    static func help(_ meanings: KeyValuePairs<ExitStatus, String>) -> String {
        let lines = meanings.map { "  \(String($0.key.rawValue).padding(toLength: 3, withPad: " ", startingAt: 0))\($0.value)" }
        return (["Exit status (README: Exit status):", "  0  done"] + lines + ["  64 wrong usage"]).joined(separator: "\n")
    }
}

/// Why a command stopped: printed as one line on standard error, never with the usage text (that
/// is for mistakes in the command line), and exited with `status`.
struct CommandFailure: Error, CustomStringConvertible {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }

    /// The failure behind an error a command's `run()` threw, or nil for ArgumentParser's own
    /// (`ExitCode`, `CleanExit`, `ValidationError`, and the internal ones its `help` throws), which it
    /// reports itself.
    static func from(_ error: any Error) -> CommandFailure? {
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return nil }
        switch error {
        case let failure as CommandFailure: return failure
        case let storage as StorageError: return CommandFailure(storage)
        case let importError as EmployeeImportError:
            if case .rowsRejected = importError { return CommandFailure(.rowsRejected, importError.description) }
            return CommandFailure(.unusableInput, importError.description)
        case let demo as DemoError: return CommandFailure(demo)
        default: return CommandFailure(.internalError, "\(error)")
        }
    }

    init(_ error: StorageError) {
        switch error {
        case .migrationsFolderMissing, .badMigrationName, .duplicateMigrationNumber, .backupTargetExists:
            self.init(.unusableInput, error.description)
        case .fileSystem:
            self.init(.systemFailure, error.description)
        case .databaseNewerThanBinary, .pendingMigrations, .wrongServerKey, .missingServerKey, .sqlite, .conflict,
             .notFound, .invalid:
            self.init(.databaseProblem, error.description)
        }
    }

    init(_ error: DemoError) {
        switch error {
        case .storage(let storage): self.init(storage)
        case .databaseNotEmpty: self.init(.databaseProblem, error.description)
        case .employeeCountOutOfRange, .badDate: self.init(.usage, error.description)
        case .missingAnchor, .passwordHashing: self.init(.internalError, error.description)
        }
    }
}
