import GRDB

extension StorageError {
    /// `error` (from GRDB, SQLite or the stores) as a `StorageError`: one already passes through, a
    /// fault of the files becomes `.fileSystem` (see `fileSystemFault`), anything else is
    /// `.sqlite("context: error")`.
    static func classifying(_ error: any Error, context: String) -> StorageError {
        if let storageError = error as? StorageError { return storageError }
        return fileSystemFault(error, context: context) ?? .sqlite("\(context): \(error)")
    }

    /// `.fileSystem` when SQLite could not read or write its files (full disk, read-only, no
    /// permission, I/O error), saying what was being done (`context`) and why; nil for any other
    /// error, which is about the data or the program rather than the machine.
    static func fileSystemFault(_ error: any Error, context: String) -> StorageError? {
        guard let databaseError = error as? DatabaseError, let fault = fault(databaseError.resultCode) else { return nil }
        let detail = databaseError.message ?? "SQLite error \(databaseError.resultCode.rawValue)"
        return .fileSystem("\(context): \(fault) (\(detail)).")
    }

    private static func fault(_ code: ResultCode) -> String? {
        switch code {
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_READONLY: return "the database or its folder is read-only"
        case .SQLITE_CANTOPEN: return "the file cannot be opened (a missing folder, or no permission)"
        case .SQLITE_PERM, .SQLITE_AUTH: return "no permission"
        case .SQLITE_IOERR: return "the disk could not be read or written"
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_PROTOCOL: return "the database stayed busy too long"
        default: return nil
        }
    }
}
