import GRDB

/// Read and write transactions for the stores, with GRDB's untyped errors turned into `StorageError`.
extension AppDatabase {
    /// Runs `body` in a read-only transaction of one of the pool's readers.
    func reading<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StorageError(error, conflict: { _ in nil })
        }
    }

    /// Runs `body` in one write transaction, committed when it returns and rolled back when it throws.
    /// `conflict` names the uniqueness rule a failed SQLite constraint broke, in the user's terms;
    /// returning nil leaves it a plain database error.
    func writing<T>(conflict: (DatabaseError) -> String? = { _ in nil },
                    _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
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
