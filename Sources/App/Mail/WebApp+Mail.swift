import Logging
import Storage

extension WebApp {
    /// Where each feature that writes messages into the outbox registers the checker of its
    /// `cause_kind` (`mailCauses.register("compliance") { message in … }`), so a message whose cause
    /// is gone by the time it is sent is cancelled instead.
    func registerMailCauses() {
        // The mail room itself writes only test messages (`taitotutka mail enqueue-test`), which
        // have no cause to check. Features register their own in the composition root (`WebApp.init`),
        // so Mail depends on no feature.
    }

    /// The sender over `transport`, from the sender identity of the SMTP settings (or `identity`).
    public func mailSender(transport: any MailTransport, identity: MailIdentity) -> MailSender {
        MailSender(store: mailOutbox, transport: transport, causes: mailCauses, identity: identity, logger: logger,
                   now: settings.now)
    }

    /// The sender through the configured SMTP server, or nil while SMTP is not configured.
    public func smtpMailSender() -> MailSender? {
        guard let smtp = settings.smtp else { return nil }
        return mailSender(transport: SMTPClient(settings: smtp), identity: smtp.sender)
    }

    /// The server's background sender, or nil (sending off) while SMTP is not configured.
    public func mailWorker(interval: Double = 60) -> MailWorker? {
        smtpMailSender().map { MailWorker(sender: $0, interval: interval, logger: logger) }
    }
}
