import Foundation
import Logging
import Synchronization
import Testing
@testable import App
@testable import Storage

/// A mail server in memory: accepts, or refuses the addresses it is told to.
final class RecordingTransport: MailTransport {
    let delivered = Mutex<[ComposedMail]>([])
    let refusing = Mutex<Set<String>>([])

    func deliver(_ mail: ComposedMail) throws(MailDeliveryError) {
        if refusing.withLock({ $0.contains(mail.recipient) }) {
            throw MailDeliveryError("Recipient refused", replyCode: 451)
        }
        delivered.withLock { $0.append(mail) }
    }
}

/// A clock the test moves.
final class MailClock: Sendable {
    let time = Mutex<Date>(Date(timeIntervalSince1970: 1_796_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite("Mail sender")
struct MailSenderTests {
    static func mail(_ key: String, to address: String = "aino@jarvela.example", causeKind: String? = nil,
                     subject: String? = nil) -> OutgoingMail {
        OutgoingMail(messageKey: key, recipientAddress: address, language: "fi", subject: subject ?? "Aihe \(key)",
                     textBody: "Teksti", htmlBody: "<p>Teksti</p>", causeKind: causeKind, causeRef: key)
    }

    func sender(_ test: TestApp, _ transport: RecordingTransport, _ clock: MailClock,
                runLimit: TimeInterval = MailOutboxStore.reclaimAfter / 2) -> MailSender {
        MailSender(store: MailOutboxStore(test.database), transport: transport, causes: test.app.mailCauses,
                   identity: MailIdentity(address: "taitotutka@jarvela.example"), logger: Logger(label: "test"),
                   runLimit: runLimit, now: { clock.now })
    }

    @Test func aRunThatTakesTooLongHandsBackWhatItHasNotStarted() throws {
        let test = try TestApp()
        let clock = MailClock()
        let transport = RecordingTransport()
        let store = MailOutboxStore(test.database)
        try store.enqueue(Self.mail("one"), now: clock.now)
        try store.enqueue(Self.mail("two"), now: clock.now)
        // A run limit already passed: nothing is started, everything is handed back, attempts uncounted.
        let report = try sender(test, transport, clock, runLimit: -1).sendDue(limit: 10)
        #expect(report.claimed == 2 && report.released == 2 && report.sent == 0)
        #expect(transport.delivered.withLock { $0.isEmpty })
        for key in ["one", "two"] {
            let message = try #require(try store.message(key: key))
            #expect(message.state == .queued && message.attempts == 0 && message.claimToken == nil)
        }
        #expect(try sender(test, transport, clock).sendDue(limit: 10).sent == 2)
    }

    @Test func sendsDueMessagesOnceAndCancelsThoseWhoseCauseIsGone() throws {
        let test = try TestApp()
        let clock = MailClock()
        let transport = RecordingTransport()
        let store = MailOutboxStore(test.database)
        test.app.mailCauses.register("compliance") { message in
            message.causeRef == "done" ? .cancel(reason: "The training was completed.") : .send
        }
        try store.enqueue(Self.mail("due", causeKind: "compliance"), now: clock.now)
        try store.enqueue(Self.mail("done", causeKind: "compliance"), now: clock.now)
        try store.enqueue(Self.mail("unknown-kind", causeKind: "something-else"), now: clock.now)
        try store.enqueue(Self.mail("no-kind"), now: clock.now)
        let report = try sender(test, transport, clock).sendDue(limit: 10)
        #expect(report.claimed == 4 && report.sent == 3 && report.cancelled == 1 && report.failed == 0)
        #expect(transport.delivered.withLock { $0.count } == 3)
        let cancelled = try #require(try store.message(key: "done"))
        #expect(cancelled.state == .cancelled && cancelled.cancelledReason == "The training was completed.")
        #expect(try sender(test, transport, clock).sendDue(limit: 10).claimed == 0, "sent messages went again")
        #expect(transport.delivered.withLock { $0.count } == 3)
    }

    @Test func aRefusedMessageIsRetriedWithBackOffAndNotLost() throws {
        let test = try TestApp()
        let clock = MailClock()
        let transport = RecordingTransport()
        let store = MailOutboxStore(test.database)
        _ = transport.refusing.withLock { $0.insert("eero@jarvela.example") }
        try store.enqueue(Self.mail("refused", to: "eero@jarvela.example"), now: clock.now)
        let mailer = sender(test, transport, clock)
        #expect(try mailer.sendDue(limit: 10).retrying == 1)
        let waiting = try #require(try store.message(key: "refused"))
        #expect(waiting.state == .queued && waiting.lastError == "Recipient refused (SMTP 451)")
        #expect(waiting.nextAttemptAt == clock.now.addingTimeInterval(60))
        clock.advance(30)
        #expect(try mailer.sendDue(limit: 10).claimed == 0, "retried before its back-off")
        clock.advance(31)
        transport.refusing.withLock { $0.removeAll() }
        #expect(try mailer.sendDue(limit: 10).sent == 1)
        #expect(try store.message(key: "refused")?.attempts == 2)
    }

    @Test func aCauseCheckThatFailsIsRetriedAndAMessageThatCannotBeBuiltFailsAtOnce() throws {
        let test = try TestApp()
        let clock = MailClock()
        let transport = RecordingTransport()
        let store = MailOutboxStore(test.database)
        struct Broken: Error {}
        test.app.mailCauses.register("broken") { _ in throw Broken() }
        try store.enqueue(Self.mail("checked", causeKind: "broken"), now: clock.now)
        // A subject the database takes but a mail header must not: a control character.
        try store.enqueue(Self.mail("bad", subject: "Hei\u{7}"), now: clock.now)
        let report = try sender(test, transport, clock).sendDue(limit: 10)
        #expect(report.retrying == 1 && report.failed == 1 && report.sent == 0)
        #expect(try store.message(key: "checked")?.state == .queued)
        let bad = try #require(try store.message(key: "bad"))
        #expect(bad.state == .failed && bad.lastError == MailMessageError.invalidSubject.description)
        #expect(transport.delivered.withLock { $0.isEmpty })
    }
}
