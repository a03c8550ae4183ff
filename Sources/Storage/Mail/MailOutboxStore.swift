import Foundation
import GRDB

/// The outbox: messages written by the features (in their own transactions), claimed and sent by
/// `MailSender`, listed on the outbox page.
///
/// Delivery is at least once, and at most twice for one message in a crash: a sender claims a
/// batch (state `sending`, a claim token of its own), hands each message to the SMTP server and
/// records the result in its own transaction before taking the next. A sender killed between the
/// server's acceptance and that record leaves the one message in flight in `sending`; after
/// `reclaimAfter` (ten minutes) it is queued again and sent again — the only duplicate possible,
/// with the same Message-ID. Messages of the batch not yet started are queued again the same way.
public struct MailOutboxStore: Sendable {
    /// How long a claim may stay in `sending` before its sender is taken to be dead.
    public static let reclaimAfter: TimeInterval = 10 * 60
    /// The longest error text kept (`last_error`).
    static let errorLength = 500

    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Writing messages

    /// Queues `mail` inside the caller's write transaction (another store's `writing` closure), so the
    /// message exists exactly when the change that caused it does. Returns false, changing nothing,
    /// when a message with the same key exists (in whatever state).
    @discardableResult
    public static func enqueue(_ mail: OutgoingMail, db: Database, now: Date = Date()) throws -> Bool {
        let row = MailOutboxMessage(mail, now: now)
        try db.execute(sql: """
            INSERT INTO mail_outbox (message_key, recipient_address, recipient_employee_id, language, subject,
                                     text_body, html_body, cause_kind, cause_ref, created_at, state, attempts,
                                     next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)
            ON CONFLICT (message_key) DO NOTHING
            """, arguments: [row.messageKey, row.recipientAddress, row.recipientEmployeeID, row.language, row.subject,
                             row.textBody, row.htmlBody, row.causeKind, row.causeRef, now, now])
        return db.changesCount > 0
    }

    /// Queues `mail` in a transaction of its own (or the enclosing `AppDatabase.transaction`).
    @discardableResult
    public func enqueue(_ mail: OutgoingMail, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in try Self.enqueue(mail, db: db, now: now) }
    }

    /// Queues many messages in one transaction (a reminder pass); returns how many were new.
    public func enqueueMany(_ mails: [OutgoingMail], now: Date = Date()) throws(StorageError) -> Int {
        guard !mails.isEmpty else { return 0 }
        return try database.writing { db in
            var added = 0
            for mail in mails where try Self.enqueue(mail, db: db, now: now) { added += 1 }
            return added
        }
    }

    /// Cancels the queued messages of one cause (a reminder whose training has been completed), inside
    /// the caller's transaction; returns how many.
    @discardableResult
    public static func cancel(causeKind: String, causeRef: String, reason: String, db: Database) throws -> Int {
        try db.execute(sql: """
            UPDATE mail_outbox SET state = 'cancelled', cancelled_reason = ?
            WHERE cause_kind = ? AND cause_ref = ? AND state = 'queued'
            """, arguments: [reason, causeKind, causeRef])
        return db.changesCount
    }

    /// Cancels the queued messages of one cause in a transaction of its own.
    @discardableResult
    public func cancel(causeKind: String, causeRef: String, reason: String) throws(StorageError) -> Int {
        try database.writing { db in try Self.cancel(causeKind: causeKind, causeRef: causeRef, reason: reason, db: db) }
    }

    // MARK: - Sending

    /// Claims up to `limit` due messages, oldest first, for one sender: each moves to `sending` with
    /// a new claim token, and its attempt is counted. Claims older than `reclaimAfter` (a sender that
    /// died) are queued again first — or failed, when that was the last attempt. One transaction, so
    /// two senders never claim the same message.
    public func claimBatch(limit: Int, now: Date = Date(),
                           reclaimAfter: TimeInterval = Self.reclaimAfter) throws(StorageError) -> [Stored<MailOutboxMessage>] {
        guard limit > 0 else { return [] }
        return try database.writing { db in
            let stale = now.addingTimeInterval(-reclaimAfter)
            try db.execute(sql: """
                UPDATE mail_outbox
                SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'queued' END,
                    next_attempt_at = ?, claim_token = NULL, claimed_at = NULL,
                    last_error = 'The sender stopped while sending (the message may have been delivered).'
                WHERE state = 'sending' AND claimed_at < ?
                """, arguments: [MailBackoff.maximumAttempts, now, stale])
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM mail_outbox WHERE state = 'queued' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: [now, limit])
            guard !ids.isEmpty else { return [] }
            var claimed: [Stored<MailOutboxMessage>] = []
            for id in ids {
                let token = UUID().uuidString
                try db.execute(sql: """
                    UPDATE mail_outbox SET state = 'sending', claim_token = ?, claimed_at = ?, attempts = attempts + 1
                    WHERE id = ? AND state = 'queued'
                    """, arguments: [token, now, id])
                if let message = try Stored<MailOutboxMessage>.fetchOne(
                    db, sql: "SELECT * FROM mail_outbox WHERE id = ?", arguments: [id]) {
                    claimed.append(message)
                }
            }
            return claimed
        }
    }

    /// Records that the SMTP server accepted the claimed message. False when the claim is no longer
    /// this sender's (it was reclaimed meanwhile).
    @discardableResult
    public func markSent(_ id: Int64, claim: String, now: Date = Date()) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE mail_outbox SET state = 'sent', sent_at = ?, claim_token = NULL, last_error = NULL
                WHERE id = ? AND state = 'sending' AND claim_token = ?
                """, arguments: [now, id, claim])
            return db.changesCount > 0
        }
    }

    /// Records a failed attempt: queued again for `retryAt`, or failed for good when it is nil (see
    /// `MailBackoff`). `error` must hold no secret and no part of the message.
    @discardableResult
    public func markFailed(_ id: Int64, claim: String, error: String, retryAt: Date?) throws(StorageError) -> Bool {
        let text = String(error.prefix(Self.errorLength))
        return try database.writing { db in
            if let retryAt {
                try db.execute(sql: """
                    UPDATE mail_outbox SET state = 'queued', next_attempt_at = ?, claim_token = NULL, last_error = ?
                    WHERE id = ? AND state = 'sending' AND claim_token = ?
                    """, arguments: [retryAt, text, id, claim])
            } else {
                try db.execute(sql: """
                    UPDATE mail_outbox SET state = 'failed', claim_token = NULL, last_error = ?
                    WHERE id = ? AND state = 'sending' AND claim_token = ?
                    """, arguments: [text, id, claim])
            }
            return db.changesCount > 0
        }
    }

    /// Cancels a message that has not been sent: a queued one, or (with its `claim`) one this sender
    /// holds whose cause no longer holds. False when it was sent, failed or cancelled already.
    @discardableResult
    public func cancel(_ id: Int64, claim: String? = nil, reason: String) throws(StorageError) -> Bool {
        try database.writing { db in
            if let claim {
                try db.execute(sql: """
                    UPDATE mail_outbox SET state = 'cancelled', cancelled_reason = ?, claim_token = NULL
                    WHERE id = ? AND state = 'sending' AND claim_token = ?
                    """, arguments: [reason, id, claim])
            } else {
                try db.execute(sql: """
                    UPDATE mail_outbox SET state = 'cancelled', cancelled_reason = ? WHERE id = ? AND state = 'queued'
                    """, arguments: [reason, id])
            }
            return db.changesCount > 0
        }
    }

    // MARK: - The outbox page

    /// How many messages are in each state (every state present, zero or more), of the recipients of
    /// `organisationIDs` (nil: all messages, also those for no employee).
    public func counts(organisationIDs: Set<Int64>?) throws(StorageError) -> [MailState: Int] {
        try database.reading { db in
            let scope = Self.scope(organisationIDs)
            let rows = try Row.fetchAll(db, sql: """
                SELECT state, COUNT(*) AS n FROM mail_outbox WHERE \(scope.sql) GROUP BY state
                """, arguments: scope.arguments)
            var counts = Dictionary(uniqueKeysWithValues: MailState.allCases.map { ($0, 0) })
            for row in rows {
                if let state = MailState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    /// The newest messages first (of one state, when given), a page at a time.
    public func recent(state: MailState?, organisationIDs: Set<Int64>?, limit: Int,
                       offset: Int = 0) throws(StorageError) -> [Stored<MailOutboxMessage>] {
        try database.reading { db in
            let scope = Self.scope(organisationIDs)
            var arguments = scope.arguments
            var filter = scope.sql
            if let state {
                filter += " AND state = ?"
                arguments += [state]
            }
            arguments += [limit, offset]
            return try Stored<MailOutboxMessage>.fetchAll(db, sql: """
                SELECT * FROM mail_outbox WHERE \(filter) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: arguments)
        }
    }

    /// One message, when it is within `organisationIDs` (nil: any).
    public func message(id: Int64, organisationIDs: Set<Int64>?) throws(StorageError) -> Stored<MailOutboxMessage>? {
        try database.reading { db in
            let scope = Self.scope(organisationIDs)
            return try Stored<MailOutboxMessage>.fetchOne(db, sql: """
                SELECT * FROM mail_outbox WHERE id = ? AND \(scope.sql)
                """, arguments: [id] + scope.arguments)
        }
    }

    /// The message with this key, whatever its state.
    public func message(key: String) throws(StorageError) -> Stored<MailOutboxMessage>? {
        try database.reading { db in
            try Stored<MailOutboxMessage>.fetchOne(db, sql: "SELECT * FROM mail_outbox WHERE message_key = ?",
                                                   arguments: [key])
        }
    }

    /// The condition limiting messages to the recipients employed by `organisationIDs`.
    private static func scope(_ organisationIDs: Set<Int64>?) -> (sql: String, arguments: StatementArguments) {
        guard let organisationIDs else { return ("1", []) }
        guard !organisationIDs.isEmpty else { return ("0", []) }
        let ids = organisationIDs.sorted()
        return ("recipient_employee_id IN (SELECT id FROM employees WHERE organisation_id IN (\(databaseQuestionMarks(count: ids.count))))",
                StatementArguments(ids))
    }
}

extension MailOutboxStore {
    /// Hands a claimed message back unsent, its attempt uncounted: due again at once.
    @discardableResult
    public func release(_ id: Int64, claim: String) throws(StorageError) -> Bool {
        try database.writing { db in
            try db.execute(sql: """
                UPDATE mail_outbox SET state = 'queued', claim_token = NULL, claimed_at = NULL,
                                       attempts = max(attempts - 1, 0)
                WHERE id = ? AND state = 'sending' AND claim_token = ?
                """, arguments: [id, claim])
            return db.changesCount > 0
        }
    }
}
