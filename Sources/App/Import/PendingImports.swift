import Foundation
import Storage

/// Previewed imports waiting for HR to press "apply", kept in memory for half an hour.
///
/// Keeping the parsed batch (rather than asking for the file again) guarantees that what is applied
/// is exactly what was previewed. Each entry belongs to the user and organisation that made it.
/// A restart forgets them; the page then asks for the file again.
final class PendingImports: @unchecked Sendable {
    struct Entry {
        let userID: Int64
        let organisationID: Int64
        let batch: EmployeeImportBatch
        /// What the preview said the batch would do: applying must do exactly that.
        let outcome: EmployeeImportOutcome
        let fileName: String
        let createdAt: Date
    }

    static let lifetime: TimeInterval = 30 * 60
    /// A 40,000-row batch is a few megabytes; a handful at once is plenty.
    static let capacity = 8

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Keeps `entry` and returns the identifier the apply form carries.
    func keep(_ entry: Entry) -> String {
        let id = SecureRandom.token()
        lock.withLock {
            prune(now: entry.createdAt)
            if entries.count >= Self.capacity, let oldest = entries.min(by: { $0.value.createdAt < $1.value.createdAt }) {
                entries[oldest.key] = nil
            }
            entries[id] = entry
        }
        return id
    }

    /// The entry, if it exists, is fresh, and belongs to this user and organisation; it stays kept
    /// (a confirmation page may be shown again before it is applied).
    func entry(_ id: String, userID: Int64, organisationID: Int64, now: Date = Date()) -> Entry? {
        lock.withLock {
            prune(now: now)
            guard let entry = entries[id], entry.userID == userID, entry.organisationID == organisationID else {
                return nil
            }
            return entry
        }
    }

    /// Takes the entry out, if it exists, is fresh, and belongs to this user and organisation.
    func take(_ id: String, userID: Int64, organisationID: Int64, now: Date = Date()) -> Entry? {
        lock.withLock {
            prune(now: now)
            guard let entry = entries[id], entry.userID == userID, entry.organisationID == organisationID else {
                return nil
            }
            entries[id] = nil
            return entry
        }
    }

    private func prune(now: Date) {
        entries = entries.filter { now.timeIntervalSince($0.value.createdAt) < Self.lifetime }
    }
}
