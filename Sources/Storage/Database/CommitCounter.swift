import GRDB
import Synchronization

/// Counts the transactions committed through this process's writer, so a cache can tell cheaply that
/// nothing has been written since it looked. Writes of other processes (a command-line import) are
/// not counted: a cache that relies on this also ages out.
final class CommitCounter: TransactionObserver, Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .acquiring) }

    /// No row events: only the commits are counted.
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { count.add(1, ordering: .releasing) }
    func databaseDidRollback(_ db: Database) {}
}
