import GRDB

/// The write transaction a caller of `AppDatabase.transaction` holds open, seen by the stores it
/// calls. Bound inside GRDB's write closure, so it is visible on whichever thread runs the closure.
private enum ActiveTransaction {
    /// A `Database` is not `Sendable`; it is used only on the thread that runs the write closure.
    final class Handle: @unchecked Sendable {
        let pool: ObjectIdentifier
        /// Set while the write closure runs.
        var database: Database?
        /// Work that must wait for the commit (a checkpoint needs the writer the transaction holds).
        var afterCommit: [() -> Void] = []

        init(pool: ObjectIdentifier) {
            self.pool = pool
        }
    }

    @TaskLocal static var current: Handle?
}

/// Read and write transactions for the stores, with GRDB's untyped errors turned into `StorageError`.
extension AppDatabase {
    /// Runs `body` in one write transaction that every store call inside it joins: the change and
    /// its audit line (or two changes that belong together) commit together or not at all. A throw
    /// from `body` rolls everything back. Calls nest: an inner `transaction` joins the outer one.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if joinedHandle != nil { return try body() }
        let handle = ActiveTransaction.Handle(pool: ObjectIdentifier(self))
        let result: T
        do {
            result = try pool.write { db in
                handle.database = db
                defer { handle.database = nil }
                return try ActiveTransaction.$current.withValue(handle) { try body() }
            }
        } catch let error as DatabaseError {
            // The body's own errors (a form problem, "not found") pass through unchanged.
            throw StorageError(error, conflict: { _ in nil })
        }
        for action in handle.afterCommit { action() }
        return result
    }

    /// Whether the caller runs inside `transaction` on this database.
    public var isInTransaction: Bool { joinedHandle != nil }

    /// Runs `action` once the enclosing `transaction` has committed (never, if it rolls back), or now
    /// when there is none.
    func afterCommit(_ action: @escaping () -> Void) {
        if let handle = joinedHandle {
            handle.afterCommit.append(action)
        } else {
            action()
        }
    }

    private var joinedHandle: ActiveTransaction.Handle? {
        guard let handle = ActiveTransaction.current, handle.pool == ObjectIdentifier(self), handle.database != nil
        else { return nil }
        return handle
    }

    /// The open transaction of an enclosing `transaction` call on this database, if any.
    private var joinedDatabase: Database? { joinedHandle?.database }

    /// Runs `body` in a read-only transaction of one of the pool's readers, or inside the enclosing
    /// `transaction`, whose uncommitted changes it then sees.
    func reading<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            if let db = joinedDatabase { return try body(db) }
            return try pool.read(body)
        } catch {
            throw StorageError(error, conflict: { _ in nil })
        }
    }

    /// Runs `body` in one write transaction, committed when it returns and rolled back when it throws,
    /// or as part of the enclosing `transaction`. `conflict` names the uniqueness rule a failed SQLite
    /// constraint broke, in the user's terms; returning nil leaves it a plain database error.
    func writing<T>(conflict: (DatabaseError) -> String? = { _ in nil },
                    _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            if let db = joinedDatabase {
                // A savepoint, so a failure the caller catches (a name clash it reports as a form
                // error, say) undoes only this step, not the whole enclosing transaction.
                var result: T?
                try db.inSavepoint {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StorageError.sqlite("savepoint returned no result") }
                return result
            }
            return try pool.write(body)
        } catch {
            throw StorageError(error, conflict: conflict)
        }
    }
}

extension StorageError {

    /// A `StorageError` thrown inside a transaction passes through; a unique-constraint failure becomes
    /// `.conflict` when the caller can name it; a foreign-key failure means a record referred to is
    /// gone (`.notFound`); anything else is reported as a database error.
    init(_ error: any Error, conflict: (DatabaseError) -> String?) {
        if let storageError = error as? StorageError {
            self = storageError
        } else if let databaseError = error as? DatabaseError, databaseError.isUniqueViolation,
                  let message = conflict(databaseError) {
            self = .conflict(message)
        } else if let databaseError = error as? DatabaseError,
                  databaseError.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            self = .notFound
        } else {
            self = Self.fileSystemFault(error, context: "The database cannot be read or written") ?? .sqlite("\(error)")
        }
    }
}

extension DatabaseError {
    /// Faults of the machine rather than of the request (`StorageError.fileSystem`): retrying later can succeed.
    var isPassingFault: Bool {
        StorageError.fileSystemFault(self, context: "") != nil
    }

    var isUniqueViolation: Bool {
        extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
    }

    /// Whether SQLite names `table.column` as the unique column that clashed.
    func violates(_ column: String) -> Bool {
        isUniqueViolation && (message ?? "").contains(column)
    }
}

extension Database {
    /// Throws `.notFound` when the last statement changed no row: the record it named is gone.
    func requireChange() throws(StorageError) {
        if changesCount == 0 { throw .notFound }
    }
}
