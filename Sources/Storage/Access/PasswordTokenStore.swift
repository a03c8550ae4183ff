import Foundation
import GRDB

/// One-time set-password tokens (links and printed slips), stored as SHA-256 hashes only.
public struct PasswordTokenStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Stores a new token for `userID`, valid until `expiresAt`; any unused token the user had ends.
    public func issue(userID: Int64, tokenHash: Data, expiresAt: Date, createdBy: Int64?,
                      now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE password_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                           arguments: [now, userID])
            try db.execute(sql: """
                INSERT INTO password_tokens (user_id, token_hash, created_at, expires_at, created_by)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [userID, tokenHash, now, expiresAt, createdBy])
        }
    }

    /// The user a token sets the password of, if it is unused, unexpired and the user is not disabled.
    public func user(tokenHash: Data, now: Date = Date()) throws(StorageError) -> Stored<User>? {
        try database.reading { db in try Self.validUser(db, tokenHash, now) }
    }

    /// Sets the password of the token's user, uses the token up and ends the user's sessions, in one
    /// transaction. Returns the user, or nil when the token does not work (any more).
    public func redeem(tokenHash: Data, passwordHash: String, now: Date = Date()) throws(StorageError) -> Stored<User>? {
        try database.writing { db in
            guard let user = try Self.validUser(db, tokenHash, now) else { return nil }
            try db.execute(sql: "UPDATE password_tokens SET used_at = ? WHERE token_hash = ?", arguments: [now, tokenHash])
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [passwordHash, user.id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [user.id])
            return user
        }
    }

    private static func validUser(_ db: Database, _ tokenHash: Data, _ now: Date) throws -> Stored<User>? {
        guard let userID = try Int64.fetchOne(db, sql: """
            SELECT user_id FROM password_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
            """, arguments: [tokenHash, now]),
              let user = try Stored<User>.fetchOne(db, key: userID), !user.disabled else { return nil }
        return user
    }
}

extension UserStore {
    /// A new password for the user, their other sessions ended in the same transaction (a changed
    /// password should lock out whoever else knew the old one). `keepingSession` is the session
    /// the change was made in.
    public func changePassword(userID: Int64, hash: String, keepingSession sessionID: Int64?) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            try db.requireChange()
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?", arguments: [userID, sessionID])
        }
    }
}

extension UserStore {
    /// Active employees of the organisation in `unitIDs` who have no sign-in yet, by name.
    public func employeesWithoutSignIn(organisationID: Int64, unitIDs: [Int64]) throws(StorageError) -> [Stored<Employee>] {
        guard !unitIDs.isEmpty else { return [] }
        return try database.reading { db in
            try Stored<Employee>.fetchAll(db, sql: """
                SELECT e.* FROM employees e
                WHERE e.organisation_id = ? AND e.active = 1 AND e.unit_id IN (\(databaseQuestionMarks(count: unitIDs.count)))
                  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id)
                ORDER BY e.last_name, e.first_name, e.id
                """, arguments: StatementArguments([organisationID] + unitIDs))
        }
    }
}
