import Foundation
import GRDB

/// A session found by its token, with the user it signs in.
public struct SessionWithUser: Sendable, Equatable {
    public var session: Stored<Session>
    public var user: Stored<User>
    /// The user's role assignments, read in the same transaction.
    public var roles: [Stored<RoleAssignment>]

    public init(session: Stored<Session>, user: Stored<User>, roles: [Stored<RoleAssignment>] = []) {
        self.session = session
        self.user = user
        self.roles = roles
    }
}

/// Signed-in sessions, found by the hash of the browser's token.
public struct SessionStore: Sendable {
    private let database: AppDatabase

    /// A store over `database`.
    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Stores a new session and returns it with its id.
    public func create(_ session: Session) throws(StorageError) -> Stored<Session> {
        try database.writing { db in
            return try session.insertStored(db)
        }
    }

    /// The session with this token hash and its user, in one read; expiry is the caller's decision.
    public func session(tokenHash: Data) throws(StorageError) -> SessionWithUser? {
        // Every signed-in request starts here: one read with statements prepared once per connection.
        try database.reading { db in
            guard let session = try Stored<Session>.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM sessions WHERE token_hash = ?"), arguments: [tokenHash]),
                  let user = try Stored<User>.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE id = ?"),
                                               arguments: [session.userID])
            else { return nil }
            let roles = try Stored<RoleAssignment>.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM role_assignments WHERE user_id = ? ORDER BY id"),
                arguments: [session.userID])
            return SessionWithUser(session: session, user: user, roles: roles)
        }
    }

    /// Records that the session was used at `date`, for idle expiry.
    public func touch(sessionID: Int64, at date: Date) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE id = ?", arguments: [date, sessionID])
        }
    }

    /// Ends one session (signing out). Ending one that is gone already is not an error.
    public func delete(tokenHash: Data) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    /// The user's sessions, the most recently used first (expiry is the caller's decision).
    public func sessions(userID: Int64) throws(StorageError) -> [Stored<Session>] {
        try database.reading { db in
            try Stored<Session>.fetchAll(db, sql: "SELECT * FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC, id DESC",
                                         arguments: [userID])
        }
    }

    /// Ends one of the user's sessions by its id; false when the user has no such session.
    @discardableResult
    public func delete(sessionID: Int64, userID: Int64) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ? AND user_id = ?", arguments: [sessionID, userID])
            return db.changesCount == 1
        }
    }

    /// Ends every session of a user, e.g. after a password change.
    public func deleteAll(userID: Int64) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        }
    }

    /// Removes sessions idle since before `idleBefore` or started before `createdBefore`; returns how
    /// many. Timestamps are stored in one fixed-width UTC format, so text order is time order.
    @discardableResult
    public func deleteExpired(idleBefore: Date, createdBefore: Date) throws(StorageError) -> Int {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                           arguments: [idleBefore, createdBefore])
            return db.changesCount
        }
    }
}
