import Foundation
import GRDB

/// One staff import as it was applied: who, when, from which file, and what it changed.
public struct EmployeeImportRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "employee_imports"

    public enum Source: String, Codable, Sendable {
        case web
        case commandLine = "command line"
    }

    public var organisationID: Int64
    public var userID: Int64?
    public var login: String?
    public var source: Source
    public var fileName: String
    public var importedAt: Date
    public var created: Int
    public var changed: Int
    public var unchanged: Int
    public var deactivated: Int
    public var sectorsCreated: Int
    public var unitsCreated: Int

    enum CodingKeys: String, CodingKey {
        case login, source, created, changed, unchanged, deactivated
        case organisationID = "organisation_id"
        case userID = "user_id"
        case fileName = "file_name"
        case importedAt = "imported_at"
        case sectorsCreated = "sectors_created"
        case unitsCreated = "units_created"
    }

    /// The record of `outcome`, applied now by `who`.
    public init(organisationID: Int64, who: EmployeeImportActor, fileName: String, outcome: EmployeeImportOutcome,
                importedAt: Date = Date()) {
        self.organisationID = organisationID
        userID = who.userID
        login = who.login
        source = who.source
        self.fileName = fileName
        self.importedAt = importedAt
        created = outcome.created
        changed = outcome.changed
        unchanged = outcome.unchanged
        deactivated = outcome.deactivated
        sectorsCreated = outcome.sectorsCreated.count
        unitsCreated = outcome.unitsCreated.count
    }
}

/// Who applies an import, for its record.
public struct EmployeeImportActor: Sendable, Equatable {
    public var userID: Int64?
    public var login: String?
    public var source: EmployeeImportRecord.Source
    public var fileName: String

    public init(userID: Int64?, login: String?, source: EmployeeImportRecord.Source, fileName: String) {
        self.userID = userID
        self.login = login
        self.source = source
        self.fileName = fileName
    }
}

/// A recent import as the import page lists it: the record, and how many of the employees it
/// deactivated for being missing from the file are still inactive and can be reactivated.
public struct RecentEmployeeImport: Sendable, Equatable {
    public var record: Stored<EmployeeImportRecord>
    public var reactivatable: Int
}
