import Foundation
import GRDB

extension UserStore {
    /// Creates sign-ins for employees in one transaction (demo data: staff who sign in through the
    /// organisation's identity provider), each with the employee role. Employees who already have a
    /// sign-in keep theirs. Returns the user id of every employee asked for.
    public func createStaffSignIns(_ people: [(employeeID: Int64, login: String, email: String?)], passwordHash: String,
                                   now: Date = Date()) throws(StorageError) -> [Int64: Int64] {
        try database.writing { db in
            var ids: [Int64: Int64] = [:]
            let existing = try Row.fetchAll(db, sql: "SELECT id, employee_id FROM users WHERE employee_id IS NOT NULL")
            for row in existing { ids[row["employee_id"]] = row["id"] }
            let user = try db.makeStatement(sql: """
                INSERT INTO users (login, email, password_hash, disabled, employee_id, created_at) VALUES (?, ?, ?, 0, ?, ?)
                """)
            let role = try db.makeStatement(sql: "INSERT INTO role_assignments (user_id, role) VALUES (?, 'employee')")
            for person in people where ids[person.employeeID] == nil {
                try user.execute(arguments: [person.login, person.email, passwordHash, person.employeeID, now])
                let id = db.lastInsertedRowID
                try role.execute(arguments: [id])
                ids[person.employeeID] = id
            }
            return ids
        }
    }
}
