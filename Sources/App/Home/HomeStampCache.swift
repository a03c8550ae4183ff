import Foundation
import Storage
import Synchronization

/// The home page's data stamp per organisation, read again when this process has committed anything
/// since (`AppDatabase.commitCount`) and at least every two seconds, for what other processes write
/// (a command-line import or reminder pass). Reading the stamp's subqueries on every view was the
/// largest part of a kept home page; under load most views now read only the employee.
final class HomeStampCache: Sendable {
    static let maximumAge: TimeInterval = 2

    private struct Entry {
        let commits: Int
        let readAt: Date
        let stamp: String
    }

    private let entries = Mutex<[Int64: Entry]>([:])

    func stamp(organisationID: Int64, commits: Int, now: Date = Date(), read: () throws -> String) throws -> String {
        if let entry = entries.withLock({ $0[organisationID] }), entry.commits == commits,
           now.timeIntervalSince(entry.readAt) < Self.maximumAge {
            return entry.stamp
        }
        // The count is taken before the read: a commit during it makes the next view read again.
        let stamp = try read()
        entries.withLock { $0[organisationID] = Entry(commits: commits, readAt: now, stamp: stamp) }
        return stamp
    }
}
