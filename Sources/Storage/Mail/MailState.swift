import GRDB

/// Where a message of the outbox is on its way.
public enum MailState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Waiting for its `nextAttemptAt`.
    case queued
    /// Claimed by one sender, which is handing it to the SMTP server now.
    case sending
    /// The SMTP server accepted it.
    case sent
    /// Given up after the last attempt (or refused as unsendable).
    case failed
    /// Not to be sent: its cause no longer holds, or someone cancelled it.
    case cancelled
}
