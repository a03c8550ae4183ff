import GRDB

/// A user with their roles and, when linked to the roster, the employee's name: one line of the
/// user administration list.
public struct UserListing: Sendable, Equatable {
    public var user: Stored<User>
    public var roles: [Stored<RoleAssignment>]
    public var employeeName: String?

    public init(user: Stored<User>, roles: [Stored<RoleAssignment>], employeeName: String?) {
        self.user = user
        self.roles = roles
        self.employeeName = employeeName
    }
}

/// Sign-ins and their roles.
public struct UserStore: Sendable {
    let database: AppDatabase

    /// A store over `database`.
    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// Adds a user; `.conflict` when the login or e-mail (in any case) or the employee is taken.
    public func create(_ user: User) throws(StorageError) -> Stored<User> {
        try database.writing(conflict: Self.describeConflict) { db in
            return try user.insertStored(db)
        }
    }

    /// Saves login, e-mail, password hash, disabled flag and employee link; `.conflict` as for
    /// `create`. Disabling ends the user's sessions, as `setDisabled` does.
    public func update(_ user: Stored<User>) throws(StorageError) {
        let id = user.id
        try database.writing(conflict: Self.describeConflict) { db in
            guard let stored = try Stored<User>.fetchOne(db, key: id) else { throw StorageError.notFound }
            var user = user
            user.createdAt = stored.createdAt
            try user.update(db)
            if user.disabled && !stored.disabled {
                try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id])
            }
        }
    }

    /// The user with this id, or nil.
    public func user(id: Int64) throws(StorageError) -> Stored<User>? {
        try database.reading { db in try Stored<User>.fetchOne(db, key: id) }
    }

    /// The user whose login or e-mail is `loginOrEmail`, in any case; a login match wins over an
    /// e-mail match, should one user's login be another's address.
    public func user(loginOrEmail: String) throws(StorageError) -> Stored<User>? {
        try database.reading { db in
            // Both columns are COLLATE NOCASE, so `=` ignores case and the unique indexes serve it.
            try Stored<User>.fetchOne(db, sql: """
                SELECT * FROM users WHERE login = ? OR email = ?
                ORDER BY login = ? DESC LIMIT 1
                """, arguments: [loginOrEmail, loginOrEmail, loginOrEmail])
        }
    }

    /// The sign-in of an employee, if they have one.
    public func userLinked(toEmployee employeeID: Int64) throws(StorageError) -> Stored<User>? {
        try database.reading { db in try Stored<User>.filter(Column("employee_id") == employeeID).fetchOne(db) }
    }

    /// Stores a new password hash (after a change, or a rehash with stronger parameters).
    public func updatePasswordHash(userID: Int64, hash: String) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            try db.requireChange()
        }
    }

    /// Disables or re-enables a sign-in. Disabling ends the user's sessions in the same transaction,
    /// so no request signed in before it can act after it.
    public func setDisabled(userID: Int64, disabled: Bool) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE id = ?", arguments: [disabled, userID])
            try db.requireChange()
            if disabled {
                try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
            }
        }
    }

    /// Users by login. Nil: everyone. An organisation: users with an HR or tutor-coordinator role in
    /// it, supervising one of its units, or linked to one of its employees.
    public func users(organisationID: Int64?) throws(StorageError) -> [UserListing] {
        let from = "FROM users LEFT JOIN employees ON employees.id = users.employee_id"
        var filter = ""
        var arguments: StatementArguments = []
        if let organisationID {
            filter = """
                WHERE employees.organisation_id = ?
                OR users.id IN (SELECT user_id FROM role_assignments WHERE organisation_id = ?)
                OR users.id IN (SELECT role_assignments.user_id FROM role_assignments
                                JOIN units ON units.id = role_assignments.unit_id
                                WHERE units.organisation_id = ?)
                """
            arguments = [organisationID, organisationID, organisationID]
        }
        return try database.reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT users.*, employees.first_name, employees.last_name \(from)
                \(filter)
                ORDER BY users.login, users.id
                """, arguments: arguments)
            let assignments = try Stored<RoleAssignment>.fetchAll(db, sql: """
                SELECT * FROM role_assignments WHERE user_id IN (SELECT users.id \(from) \(filter))
                ORDER BY id
                """, arguments: arguments)
            let rolesByUser = Dictionary(grouping: assignments, by: \.userID)
            return try rows.map { row in
                let user = try Stored<User>(row: row)
                let firstName: String? = row["first_name"]
                let lastName: String? = row["last_name"]
                let employeeName = firstName.flatMap { first in lastName.map { "\(first) \($0)" } }
                return UserListing(user: user, roles: rolesByUser[user.id] ?? [], employeeName: employeeName)
            }
        }
    }

    /// The user's role assignments in the order they were given.
    public func roles(userID: Int64) throws(StorageError) -> [Stored<RoleAssignment>] {
        try database.reading { db in
            try Stored<RoleAssignment>.filter(Column("user_id") == userID).order(Column("id")).fetchAll(db)
        }
    }

    /// Gives a role. The scope must fit the role (see `RoleAssignment.scopeProblem`); `.conflict`
    /// when the user has exactly this assignment already.
    public func assign(_ assignment: RoleAssignment) throws(StorageError) -> Stored<RoleAssignment> {
        if let problem = assignment.scopeProblem { throw .invalid(problem) }
        return try database.writing(conflict: { _ in "The user has this role already." }) { db in
            guard try Stored<User>.exists(db, key: assignment.userID) else { throw StorageError.notFound }
            if let unitID = assignment.unitID, try !WorkUnit.exists(db, key: unitID) { throw StorageError.notFound }
            if let organisationID = assignment.organisationID, try !Organisation.exists(db, key: organisationID) {
                throw StorageError.notFound
            }
            return try assignment.insertStored(db)
        }
    }

    /// Removes a role assignment. Removing one that is already gone is not an error: the outcome the
    /// caller wanted holds.
    public func revoke(assignmentID: Int64) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM role_assignments WHERE id = ?", arguments: [assignmentID])
        }
    }

    /// The role assignment with this id, or nil.
    public func assignment(id: Int64) throws(StorageError) -> Stored<RoleAssignment>? {
        try database.reading { db in try Stored<RoleAssignment>.fetchOne(db, key: id) }
    }

    private static func describeConflict(_ error: DatabaseError) -> String? {
        if error.violates("users.login") { return "That login is taken." }
        if error.violates("users.email") { return "Another user has that e-mail address." }
        if error.violates("users.employee_id") { return "That employee has a sign-in already." }
        return nil
    }
}
