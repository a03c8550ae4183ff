import Foundation
import GRDB

/// A sign-in's authenticator app: its sealed secret, whether it is set up, the last step accepted.
public struct TOTPFactor: Sendable, Equatable {
    public var userID: Int64
    /// Sealed by the caller; Storage never sees the secret itself.
    public var sealedSecret: Data
    public var createdAt: Date
    public var confirmedAt: Date?
    public var lastUsedStep: Int64

    public var isConfirmed: Bool { confirmedAt != nil }
}

/// Authenticator secrets and recovery codes of sign-ins with a local password.
public struct SecondFactorStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// The user's authenticator, set up or still being set up; nil when none.
    public func factor(userID: Int64) throws(StorageError) -> TOTPFactor? {
        try database.reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM totp_factors WHERE user_id = ?", arguments: [userID]).map(Self.factor)
        }
    }

    /// Starts setting up an authenticator with a new sealed secret, replacing one not yet confirmed.
    /// Refuses (`.conflict`) when one is confirmed already: that is removed first, deliberately.
    public func beginSetup(userID: Int64, sealedSecret: Data, at date: Date) throws(StorageError) {
        try database.writing { db in
            if try Bool.fetchOne(db, sql: "SELECT confirmed_at IS NOT NULL FROM totp_factors WHERE user_id = ?",
                                 arguments: [userID]) == true {
                throw StorageError.conflict("An authenticator is already in use.")
            }
            try db.execute(sql: """
                INSERT INTO totp_factors (user_id, secret_sealed, created_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed,
                    created_at = excluded.created_at, last_used_step = 0
                """, arguments: [userID, sealedSecret, date])
        }
    }

    /// Marks the authenticator set up, its first code (of `step`) used, and gives the user fresh
    /// recovery codes (their keyed hashes), all at once; false when there was nothing to confirm.
    public func confirm(userID: Int64, step: Int64, recoveryCodeHashes: [Data], at date: Date) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE totp_factors SET confirmed_at = ?, last_used_step = ?
                WHERE user_id = ? AND confirmed_at IS NULL
                """, arguments: [date, step, userID])
            guard db.changesCount == 1 else { return false }
            try Self.replaceRecoveryCodes(db, userID: userID, hashes: recoveryCodeHashes, at: date)
            return true
        }
    }

    /// Accepts a code of `step` once: true when no code of this or a later step was accepted before.
    /// One statement, so two requests racing with the same code cannot both succeed.
    public func useStep(userID: Int64, step: Int64) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE totp_factors SET last_used_step = ?
                WHERE user_id = ? AND confirmed_at IS NOT NULL AND last_used_step < ?
                """, arguments: [step, userID, step])
            return db.changesCount == 1
        }
    }

    /// Removes the authenticator and the recovery codes (the person turns it off, or an administrator
    /// resets a lost phone).
    public func remove(userID: Int64) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM totp_factors WHERE user_id = ?", arguments: [userID])
            try db.execute(sql: "DELETE FROM recovery_codes WHERE user_id = ?", arguments: [userID])
        }
    }

    /// Replaces every recovery code of the user with new ones.
    public func replaceRecoveryCodes(userID: Int64, hashes: [Data], at date: Date) throws(StorageError) {
        try database.writing { db in try Self.replaceRecoveryCodes(db, userID: userID, hashes: hashes, at: date) }
    }

    /// Uses up the recovery code with this keyed hash; false when it is not the user's or was used.
    public func useRecoveryCode(userID: Int64, hash: Data, at date: Date) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL
                """, arguments: [date, userID, hash])
            return db.changesCount == 1
        }
    }

    /// How many recovery codes the user has left.
    public func unusedRecoveryCodes(userID: Int64) throws(StorageError) -> Int {
        try database.reading { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL",
                             arguments: [userID]) ?? 0
        }
    }

    /// Records that the person proved who they are again in this session (password and code).
    public func markReauthenticated(sessionID: Int64, at date: Date) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE sessions SET reauthenticated_at = ? WHERE id = ?", arguments: [date, sessionID])
        }
    }

    private static func replaceRecoveryCodes(_ db: Database, userID: Int64, hashes: [Data], at date: Date) throws {
        try db.execute(sql: "DELETE FROM recovery_codes WHERE user_id = ?", arguments: [userID])
        for hash in hashes {
            try db.execute(sql: "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)",
                           arguments: [userID, hash, date])
        }
    }

    private static func factor(_ row: Row) -> TOTPFactor {
        TOTPFactor(userID: row["user_id"], sealedSecret: row["secret_sealed"], createdAt: row["created_at"],
                   confirmedAt: row["confirmed_at"], lastUsedStep: row["last_used_step"])
    }
}
