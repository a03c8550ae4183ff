import Foundation
import Logging
import Storage

/// What one run of the sender did.
public struct MailSendReport: Sendable, Equatable {
    public var claimed = 0
    public var sent = 0
    /// Failed this time, to be tried again later.
    public var retrying = 0
    /// Failed for good (the last attempt, or a message that cannot be built).
    public var failed = 0
    /// Not sent because their cause no longer holds.
    public var cancelled = 0
    /// Claimed but handed back unsent (the run took too long).
    public var released = 0

    public init() {}

    public var summary: String {
        "\(claimed) claimed: \(sent) sent, \(retrying) to retry, \(failed) failed, \(cancelled) cancelled"
            + (released > 0 ? ", \(released) left for the next run" : "")
    }
}

/// Sends what the outbox holds: claims a batch of due messages, asks each one's cause checker
/// whether it should still go, cancels those whose cause is gone, hands the rest to the transport one
/// at a time and records each result in its own transaction before the next — so a crash leaves at
/// most the one message in flight unrecorded (see `MailOutboxStore`).
public struct MailSender: Sendable {
    let store: MailOutboxStore
    let transport: any MailTransport
    let causes: MailCauseCheckers
    let identity: MailIdentity
    let logger: Logger
    let now: @Sendable () -> Date
    /// A run stops starting new messages after this long, well before its claims could be taken for
    /// a dead sender's (`MailOutboxStore.reclaimAfter`).
    let runLimit: TimeInterval

    public init(store: MailOutboxStore, transport: any MailTransport, causes: MailCauseCheckers, identity: MailIdentity,
                logger: Logger, runLimit: TimeInterval = MailOutboxStore.reclaimAfter / 2,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.transport = transport
        self.causes = causes
        self.identity = identity
        self.logger = logger
        self.runLimit = runLimit
        self.now = now
    }

    /// Sends up to `limit` due messages. Throws only when the outbox itself cannot be read or written.
    public func sendDue(limit: Int) throws(StorageError) -> MailSendReport {
        var report = MailSendReport()
        let started = now()
        let batch = try store.claimBatch(limit: limit, now: started)
        report.claimed = batch.count
        for message in batch {
            guard let claim = message.claimToken else { continue }
            if now().timeIntervalSince(started) > runLimit {
                if try store.release(message.id, claim: claim) { report.released += 1 }
                continue
            }
            try send(message, claim: claim, report: &report)
        }
        return report
    }

    private func send(_ message: Stored<MailOutboxMessage>, claim: String, report: inout MailSendReport) throws(StorageError) {
        let verdict: MailCauseVerdict
        do {
            verdict = try causes.verdict(for: message)
        } catch {
            logger.warning("Mail \(message.id): the cause check of \(message.causeKind ?? "-") failed: \(error)")
            try failed(message, claim: claim, error: "The cause check failed: \(error)", report: &report)
            return
        }
        if case .cancel(let reason) = verdict {
            if try store.cancel(message.id, claim: claim, reason: reason) { report.cancelled += 1 }
            return
        }
        let composed: ComposedMail
        do {
            composed = try MailComposer.compose(
                to: message.recipientAddress, subject: message.subject, textBody: message.textBody,
                htmlBody: message.htmlBody, language: message.language, messageKey: message.messageKey,
                from: identity, date: now())
        } catch {
            // Nothing about it will change by waiting.
            if try store.markFailed(message.id, claim: claim, error: error.description, retryAt: nil) { report.failed += 1 }
            logger.warning("Mail \(message.id) cannot be sent: \(error.description)")
            return
        }
        do {
            try transport.deliver(composed)
        } catch {
            try failed(message, claim: claim, error: error.description, report: &report)
            return
        }
        // At once, before the next message: a crash from here on can repeat only this one.
        if try store.markSent(message.id, claim: claim, now: now()) { report.sent += 1 }
    }

    private func failed(_ message: Stored<MailOutboxMessage>, claim: String, error: String,
                        report: inout MailSendReport) throws(StorageError) {
        let retryAt = MailBackoff.retryAt(afterAttempts: message.attempts, from: now())
        guard try store.markFailed(message.id, claim: claim, error: error, retryAt: retryAt) else { return }
        if retryAt == nil {
            report.failed += 1
            logger.warning("Mail \(message.id) failed for good after \(message.attempts) attempts: \(error)")
        } else {
            report.retrying += 1
            logger.info("Mail \(message.id) attempt \(message.attempts) failed, to retry: \(error)")
        }
    }
}
