import Foundation
import GRDB

/// A system with key users (*pääkäyttäjät*): its name and what it is for.
public struct KeyUserSystem: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "key_user_systems"

    public var organisationID: Int64
    public var name: String
    public var purpose: String
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case name, purpose
        case organisationID = "organisation_id", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(organisationID: Int64, name: String, purpose: String, now: Date = Date()) {
        self.organisationID = organisationID
        self.name = name
        self.purpose = purpose
        createdAt = now
        updatedAt = now
    }
}

/// A key user as named: the employee and a free note on how to reach them.
public struct KeyUserEntry: Sendable, Equatable {
    public var employeeID: Int64
    public var note: String

    public init(employeeID: Int64, note: String) {
        self.employeeID = employeeID
        self.note = note
    }
}

/// A key user as shown: name and contact details from the staff record, and the note.
public struct KeyUserContact: Sendable, Equatable {
    public var employeeID: Int64
    public var hrNumber: String
    public var firstName: String
    public var lastName: String
    public var email: String?
    public var phone: String?
    public var note: String
}

/// A system with its key users, in the order they were named.
public struct KeyUserSystemDetails: Sendable, Equatable {
    public var system: Stored<KeyUserSystem>
    public var keyUsers: [KeyUserContact]
}

/// The key-user directory of an organisation.
public struct KeyUserStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Adds a system with its key users; a second system of the same name is a conflict.
    public func create(_ system: KeyUserSystem, keyUsers: [KeyUserEntry]) throws(StorageError) -> Stored<KeyUserSystem> {
        try database.writing(conflict: Self.nameConflict) { db in
            let stored = try system.insertStored(db)
            try Self.replaceKeyUsers(db, stored.id, keyUsers)
            return stored
        }
    }

    public func update(_ id: Int64, name: String, purpose: String, keyUsers: [KeyUserEntry],
                       now: Date = Date()) throws(StorageError) {
        try database.writing(conflict: Self.nameConflict) { db in
            try db.execute(sql: "UPDATE key_user_systems SET name = ?, purpose = ?, updated_at = ? WHERE id = ?",
                           arguments: [name, purpose, now, id])
            guard db.changesCount == 1 else { throw StorageError.notFound }
            try Self.replaceKeyUsers(db, id, keyUsers)
        }
    }

    public func system(id: Int64) throws(StorageError) -> KeyUserSystemDetails? {
        try database.reading { db in
            try Self.details(db, where: "s.id = ?", arguments: [id]).first
        }
    }

    /// Every system of the organisation with its key users, by name.
    public func systems(organisationID: Int64) throws(StorageError) -> [KeyUserSystemDetails] {
        try database.reading { db in
            try Self.details(db, where: "s.organisation_id = ?", arguments: [organisationID])
        }
    }

    /// The organisation's system of this name (case ignored), for an instruction about it.
    public func system(organisationID: Int64, named name: String) throws(StorageError) -> KeyUserSystemDetails? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return try database.reading { db in
            try Self.details(db, where: "s.organisation_id = ? AND s.name = ? COLLATE NOCASE",
                             arguments: [organisationID, trimmed]).first
        }
    }

    private static func nameConflict(_ error: DatabaseError) -> String? {
        error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE ? "A system of this name is already listed." : nil
    }

    private static func replaceKeyUsers(_ db: Database, _ id: Int64, _ keyUsers: [KeyUserEntry]) throws {
        try db.execute(sql: "DELETE FROM key_users WHERE system_id = ?", arguments: [id])
        var seen: Set<Int64> = []
        for (position, entry) in keyUsers.enumerated() where seen.insert(entry.employeeID).inserted {
            try db.execute(sql: "INSERT INTO key_users (system_id, employee_id, note, position) VALUES (?, ?, ?, ?)",
                           arguments: [id, entry.employeeID, entry.note, position])
        }
    }

    private static func details(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [KeyUserSystemDetails] {
        let systems = try Stored<KeyUserSystem>.fetchAll(db, sql: """
            SELECT s.* FROM key_user_systems s WHERE \(condition) ORDER BY s.name COLLATE NOCASE, s.id
            """, arguments: arguments)
        guard !systems.isEmpty else { return [] }
        var contacts: [Int64: [KeyUserContact]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT k.system_id, e.id, e.hr_number, e.first_name, e.last_name, e.email, e.phone, k.note
            FROM key_users k JOIN employees e ON e.id = k.employee_id
            WHERE k.system_id IN (SELECT value FROM json_each(?)) AND e.active = 1
            ORDER BY k.position, e.last_name, e.first_name
            """, arguments: [TrainingCatalogueStore.jsonArray(systems.map(\.id))]) {
            contacts[row[0], default: []].append(KeyUserContact(
                employeeID: row[1], hrNumber: row[2], firstName: row[3], lastName: row[4], email: row[5], phone: row[6], note: row[7]))
        }
        return systems.map { KeyUserSystemDetails(system: $0, keyUsers: contacts[$0.id] ?? []) }
    }
}
