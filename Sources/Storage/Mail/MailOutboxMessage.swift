import Foundation
import GRDB

/// One message of the outbox (`mail_outbox`), with where it is on its way.
public struct MailOutboxMessage: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mail_outbox"

    public var messageKey: String
    public var recipientAddress: String
    public var recipientEmployeeID: Int64?
    public var language: String
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    public var causeKind: String?
    public var causeRef: String?
    public var createdAt: Date
    public var state: MailState
    /// Attempts started so far (counted when a sender claims the message).
    public var attempts: Int
    public var nextAttemptAt: Date
    /// The claim of the sender holding it in `sending`; only that sender may record the result.
    public var claimToken: String?
    public var claimedAt: Date?
    /// The last attempt's error, as the SMTP client said it (no password, no body).
    public var lastError: String?
    public var sentAt: Date?
    public var cancelledReason: String?

    enum CodingKeys: String, CodingKey {
        case language, subject, state, attempts
        case messageKey = "message_key"
        case recipientAddress = "recipient_address"
        case recipientEmployeeID = "recipient_employee_id"
        case textBody = "text_body"
        case htmlBody = "html_body"
        case causeKind = "cause_kind"
        case causeRef = "cause_ref"
        case createdAt = "created_at"
        case nextAttemptAt = "next_attempt_at"
        case claimToken = "claim_token"
        case claimedAt = "claimed_at"
        case lastError = "last_error"
        case sentAt = "sent_at"
        case cancelledReason = "cancelled_reason"
    }

    /// A new queued message, due at once.
    init(_ mail: OutgoingMail, now: Date) {
        messageKey = mail.messageKey
        recipientAddress = mail.recipientAddress
        recipientEmployeeID = mail.recipientEmployeeID
        language = mail.language
        subject = mail.subject
        textBody = mail.textBody
        htmlBody = mail.htmlBody
        causeKind = mail.causeKind
        causeRef = mail.causeRef
        createdAt = now
        state = .queued
        attempts = 0
        nextAttemptAt = now
    }
}
