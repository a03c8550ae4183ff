/// A message for the outbox, as a feature writes it: `MailOutboxStore.enqueue(_:db:)`.
///
/// The feature renders the subject and both bodies in the recipient's language; the mail room only
/// wraps them into an e-mail. Nothing about anyone but the recipient belongs in them.
public struct OutgoingMail: Sendable, Equatable {
    /// What makes this message unique: the same key is never enqueued twice (e.g.
    /// `compliance|<requirement>|<employee>|2026-12-31|due_day`).
    public var messageKey: String
    /// The one recipient's address; no CR or LF (refused by the database and by the message builder).
    public var recipientAddress: String
    /// The employee the message is for, when it is for one (HR sees its own people's messages).
    public var recipientEmployeeID: Int64?
    /// `fi`, `sv` or `en`.
    public var language: String
    /// One line, no CR or LF.
    public var subject: String
    public var textBody: String
    /// A simple HTML alternative of `textBody`; empty sends text only.
    public var htmlBody: String
    /// What made the message (e.g. `compliance`): the sender asks the checker registered for this
    /// kind whether it should still go. Nil, or a kind without a checker, is always sent.
    public var causeKind: String?
    /// The kind's own reference to the cause (e.g. `<requirement>|<employee>|2026-12-31`).
    public var causeRef: String?

    public init(messageKey: String, recipientAddress: String, recipientEmployeeID: Int64? = nil, language: String,
                subject: String, textBody: String, htmlBody: String = "", causeKind: String? = nil,
                causeRef: String? = nil) {
        self.messageKey = messageKey
        self.recipientAddress = recipientAddress
        self.recipientEmployeeID = recipientEmployeeID
        self.language = language
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.causeKind = causeKind
        self.causeRef = causeRef
    }
}
