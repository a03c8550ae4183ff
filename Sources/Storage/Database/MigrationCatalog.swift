import Foundation

/// One schema change, read from `Migrations/NNNN_description.sql`.
public struct Migration: Sendable, Equatable {
    /// The file name without `.sql`, e.g. `0001_organisation_staff_and_access`; recorded in the
    /// database once applied.
    public let identifier: String
    public let sql: String
}

/// The migrations shipped with the program, in the order they apply.
public struct MigrationCatalog: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// Reads every `NNNN_description.sql` file of a folder. Other files are ignored; a `.sql` file
    /// with a malformed name or a repeated number is an error, so a typo cannot silently skip a
    /// schema change.
    public init(directory: String) throws(StorageError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .migrationsFolderMissing(directory)
        }
        var seenNumbers = Set<Substring>()
        var found: [Migration] = []
        for name in names.filter({ $0.hasSuffix(".sql") }).sorted() {
            let identifier = String(name.dropLast(4))
            let number = identifier.prefix(4)
            guard Self.isWellFormed(identifier) else { throw .badMigrationName(name) }
            guard seenNumbers.insert(number).inserted else { throw .duplicateMigrationNumber(String(number)) }
            guard let sql = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else {
                throw .sqlite("cannot read \(name)")
            }
            found.append(Migration(identifier: identifier, sql: sql))
        }
        migrations = found
    }

    /// `NNNN_` then lower-case letters, digits and underscores.
    static func isWellFormed(_ identifier: String) -> Bool {
        let bytes = Array(identifier.utf8)
        guard bytes.count > 5, bytes[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[4] == UInt8(ascii: "_") else {
            return false
        }
        return bytes[5...].allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "_") }
    }
}
