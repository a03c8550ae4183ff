/// Why the database could not be opened, migrated, copied, read or changed, in words a user or an
/// operator can act on.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case migrationsFolderMissing(String)
    case badMigrationName(String)
    case duplicateMigrationNumber(String)
    case databaseNewerThanBinary(unknown: [String])
    case pendingMigrations([String])
    case backupTargetExists(String)
    case sqlite(String)
    /// The files could not be read or written: a full disk, a read-only file system or database, no
    /// permission, an I/O error. A fault of the machine rather than of the data, which usually goes
    /// away when the fault does. The text says what was being done and what went wrong.
    case fileSystem(String)
    /// The change would break a uniqueness rule (a duplicate name, HR number or login); the text
    /// says which, in words fit to show the user.
    case conflict(String)
    /// The record to change does not exist (any more).
    case notFound
    /// The change breaks a rule of the data (a unit under itself, a parent in another organisation);
    /// the text says which, in words fit to show the user.
    case invalid(String)
    /// The server key file is not the one the database's sealed data was written with.
    case wrongServerKey
    /// The server key file is missing although the database holds data sealed with it.
    case missingServerKey(String)

    /// Whether this is a fault of the machine (`fileSystem`: a full disk, a read-only file, a busy
    /// writer) rather than of the request: nothing was saved, and the same change can succeed once
    /// the fault is gone.
    public var isUnavailable: Bool {
        if case .fileSystem = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .migrationsFolderMissing(let path):
            return "The migrations folder \(path) does not exist."
        case .badMigrationName(let name):
            return "\(name) is not a migration name: expected NNNN_description.sql."
        case .duplicateMigrationNumber(let number):
            return "Two migrations share the number \(number)."
        case .databaseNewerThanBinary(let unknown):
            return "The database has migrations this program does not know (\(unknown.joined(separator: ", "))): "
                + "it was written by a newer version. Run that version, or restore a backup."
        case .pendingMigrations(let pending):
            return "The database needs migrations (\(pending.joined(separator: ", "))): run `taitotutka migrate`."
        case .backupTargetExists(let path):
            return "\(path) exists already; choose a new file for the backup."
        case .sqlite(let message):
            return "Database error: \(message)"
        case .fileSystem(let message):
            return message.prefix(1).uppercased() + message.dropFirst()
        case .conflict(let message), .invalid(let message):
            return message
        case .notFound:
            return "The record does not exist; it may have been removed."
        case .wrongServerKey:
            return "The server key file does not belong to this database: its sealed survey data was written "
                + "with another key. Use the key file that was backed up with this database."
        case .missingServerKey(let path):
            return "The server key file \(path) is missing, but the database holds survey data sealed with it. "
                + "Restore the key file from its backup (or give its place with --key-file)."
        }
    }
}
