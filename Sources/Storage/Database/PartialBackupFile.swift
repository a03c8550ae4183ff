import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a backup is written before it gets the name asked for: a hidden file beside the
/// destination (the same folder, so the rename is atomic and on the same disk), named
/// `.NAME.partial-XXXXXXXX` with a random suffix so two backups never share one. A backup that
/// fails halfway removes it; one killed halfway leaves it under that name, never under NAME, so it
/// blocks no retry and can be deleted.
struct PartialBackupFile {
    let destination: String
    let folder: String
    let temporaryPath: String

    init(destination: String) {
        self.destination = destination
        let parent = (destination as NSString).deletingLastPathComponent
        folder = parent.isEmpty ? "." : parent
        let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
        temporaryPath = folder + "/." + (destination as NSString).lastPathComponent + ".partial-" + suffix
    }

    /// Removes the temporary file, if there is one.
    func discard() {
        unlink(temporaryPath)
    }

    /// Flushes the complete copy to disk, gives it the destination's name without replacing any file
    /// that appeared there meanwhile, and flushes the folder so the name survives a power cut too.
    /// On any failure nothing is left under either name.
    func publish() throws(StorageError) {
        defer { discard() }
        if let failure = Self.sync(temporaryPath, flags: O_RDONLY) { throw fault(failure) }
        if let failure = placeWithoutReplacing() { throw failure }
        if let failure = Self.sync(folder, flags: O_RDONLY | O_DIRECTORY) {
            unlink(destination)
            throw fault(failure)
        }
    }

    /// A hard link refuses an existing destination atomically; the temporary name is removed after.
    /// File systems without hard links (FAT, some network shares) get a rename after a last check.
    private func placeWithoutReplacing() -> StorageError? {
        if link(temporaryPath, destination) == 0 { return nil }
        let linkError = errno
        if linkError == EEXIST { return .backupTargetExists(destination) }
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, ENOSYS].contains(linkError) else { return fault(linkError) }
        if FileManager.default.fileExists(atPath: destination) { return .backupTargetExists(destination) }
        return rename(temporaryPath, destination) == 0 ? nil : fault(errno)
    }

    /// `fsync` of the file or folder at `path`; the errno of a failure, or nil.
    private static func sync(_ path: String, flags: Int32) -> Int32? {
        let descriptor = open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? nil : errno
    }

    private func fault(_ code: Int32) -> StorageError {
        .fileSystem("the backup to \(destination) failed: \(String(cString: strerror(code))).")
    }
}
