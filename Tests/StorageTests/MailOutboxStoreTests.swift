import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Mail outbox")
struct MailOutboxStoreTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    static func mail(_ key: String, to address: String = "aino.aalto@kallio.example", employeeID: Int64? = nil,
                     causeKind: String? = nil, causeRef: String? = nil) -> OutgoingMail {
        OutgoingMail(messageKey: key, recipientAddress: address, recipientEmployeeID: employeeID, language: "fi",
                     subject: "Muistutus \(key)", textBody: "Hei!\n", htmlBody: "<p>Hei!</p>", causeKind: causeKind,
                     causeRef: causeRef)
    }

    /// The claim token of a claimed message.
    static func claim(_ message: Stored<MailOutboxMessage>) throws -> String {
        guard let token = message.claimToken else { throw StorageError.notFound }
        return token
    }

    @Test func theSameKeyIsQueuedOnceAlsoInsideAnotherStoresTransaction() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let database = fixture.temporary.database
        let store = MailOutboxStore(database)
        #expect(try store.enqueue(Self.mail("a"), now: Self.start))
        #expect(try !store.enqueue(Self.mail("a"), now: Self.start), "the same key made a second message")
        // Inside another store's write transaction: a rollback takes the message with it.
        struct Rollback: Error {}
        #expect(throws: Rollback.self) {
            try database.pool.write { db in
                #expect(try MailOutboxStore.enqueue(Self.mail("b"), db: db, now: Self.start))
                throw Rollback()
            }
        }
        #expect(try store.message(key: "b") == nil, "a message outlived the transaction that caused it")
        let added = try database.pool.write { db in try MailOutboxStore.enqueue(Self.mail("b"), db: db, now: Self.start) }
        #expect(added)
        // A message sent already still blocks its key.
        let claimed = try store.claimBatch(limit: 10, now: Self.start.addingTimeInterval(1))
        for message in claimed { try store.markSent(message.id, claim: try Self.claim(message)) }
        #expect(try !store.enqueue(Self.mail("a")))
        #expect(try store.counts(organisationIDs: nil) == [.queued: 0, .sending: 0, .sent: 2, .failed: 0, .cancelled: 0])
    }

    @Test func theDatabaseRefusesLineBreaksInTheAddressAndSubject() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = MailOutboxStore(fixture.temporary.database)
        var injected = Self.mail("x", to: "aino@kallio.example\r\nBcc: all@kallio.example")
        #expect(throws: StorageError.self) { try store.enqueue(injected) }
        injected = Self.mail("y")
        injected.subject = "Hei\nBcc: all@kallio.example"
        #expect(throws: StorageError.self) { try store.enqueue(injected) }
    }

    @Test func claimingTakesDueMessagesOldestFirstAndOnlyOnce() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = MailOutboxStore(fixture.temporary.database)
        for (offset, key) in ["first", "second", "third"].enumerated() {
            try store.enqueue(Self.mail(key), now: Self.start.addingTimeInterval(Double(offset)))
        }
        try store.enqueue(Self.mail("later"), now: Self.start.addingTimeInterval(3600))
        let now = Self.start.addingTimeInterval(60)
        let batch = try store.claimBatch(limit: 2, now: now)
        try #require(batch.map(\.messageKey) == ["first", "second"])
        #expect(batch.allSatisfy { $0.state == .sending && $0.attempts == 1 && $0.claimToken != nil })
        #expect(Set(batch.compactMap(\.claimToken)).count == 2, "claims must be per message")
        let next = try store.claimBatch(limit: 10, now: now)
        #expect(next.map(\.messageKey) == ["third"], "a claimed message was claimed again, or one not due yet")
        #expect(try store.claimBatch(limit: 10, now: now).isEmpty)
        // Only the claim's holder records the result.
        #expect(try !store.markSent(batch[0].id, claim: "someone else"))
        #expect(try store.markSent(batch[0].id, claim: try Self.claim(batch[0]), now: now))
        #expect(try !store.markSent(batch[0].id, claim: try Self.claim(batch[0]), now: now), "sent twice")
        let sent = try #require(try store.message(key: "first"))
        #expect(sent.state == .sent && sent.sentAt == now && sent.claimToken == nil)
    }

    @Test func failuresBackOffThenFailForGoodAfterTheSixthAttempt() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = MailOutboxStore(fixture.temporary.database)
        try store.enqueue(Self.mail("flaky"), now: Self.start)
        var now = Self.start
        var waits: [TimeInterval] = []
        for attempt in 1...6 {
            let batch = try store.claimBatch(limit: 1, now: now)
            let message = try #require(batch.first, "attempt \(attempt) found nothing due")
            #expect(message.attempts == attempt)
            let retryAt = MailBackoff.retryAt(afterAttempts: message.attempts, from: now)
            #expect(try store.markFailed(message.id, claim: try Self.claim(message),
                                         error: "Connection refused", retryAt: retryAt))
            guard let retryAt else { break }
            // Not due a second early.
            #expect(try store.claimBatch(limit: 1, now: retryAt.addingTimeInterval(-1)).isEmpty)
            waits.append(retryAt.timeIntervalSince(now))
            now = retryAt
        }
        #expect(waits == [60, 300, 1800, 7200, 43200])
        let failed = try #require(try store.message(key: "flaky"))
        #expect(failed.state == .failed && failed.attempts == 6 && failed.lastError == "Connection refused")
        #expect(try store.claimBatch(limit: 1, now: now.addingTimeInterval(86400 * 30)).isEmpty)
    }

    @Test func aDeadSendersClaimsAreQueuedAgainAfterTenMinutesNotBefore() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = MailOutboxStore(fixture.temporary.database)
        try store.enqueue(Self.mail("in-flight"), now: Self.start)
        try store.enqueue(Self.mail("delivered"), now: Self.start.addingTimeInterval(1))
        let dead = try store.claimBatch(limit: 2, now: Self.start.addingTimeInterval(1))
        try #require(dead.count == 2)
        // The dead sender recorded its first delivery, then died with the second in flight.
        try store.markSent(dead[1].id, claim: try Self.claim(dead[1]))
        #expect(try store.claimBatch(limit: 10, now: Self.start.addingTimeInterval(9 * 60)).isEmpty,
                "a live sender's claim was taken after nine minutes")
        let reclaimed = try store.claimBatch(limit: 10, now: Self.start.addingTimeInterval(10 * 60 + 2))
        try #require(reclaimed.map(\.messageKey) == ["in-flight"], "only the unrecorded message is sent again")
        #expect(reclaimed.first?.attempts == 2)
        // The dead sender's claim no longer records anything.
        #expect(try !store.markSent(dead[0].id, claim: try Self.claim(dead[0])))
        #expect(try store.markSent(reclaimed[0].id, claim: try Self.claim(reclaimed[0])))
    }

    @Test func cancellingStopsAQueuedMessageOrOneOfACauseButNeverASentOne() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = MailOutboxStore(fixture.temporary.database)
        try store.enqueue(Self.mail("one"), now: Self.start)
        try store.enqueue(Self.mail("two", causeKind: "compliance", causeRef: "r1|e1"), now: Self.start)
        try store.enqueue(Self.mail("three", causeKind: "compliance", causeRef: "r1|e2"), now: Self.start)
        let one = try #require(try store.message(key: "one"))
        #expect(try store.cancel(one.id, reason: "Wrong address"))
        #expect(try !store.cancel(one.id, reason: "again"))
        #expect(try store.cancel(causeKind: "compliance", causeRef: "r1|e1", reason: "Completed") == 1)
        let batch = try store.claimBatch(limit: 10, now: Self.start)
        try #require(batch.map(\.messageKey) == ["three"])
        // A claimed message is cancelled only by its claim (the sender, after asking the cause).
        #expect(try !store.cancel(batch[0].id, reason: "not claimed"))
        #expect(try store.cancel(batch[0].id, claim: try Self.claim(batch[0]), reason: "Exempted"))
        let cancelled = try #require(try store.message(key: "two"))
        #expect(cancelled.state == .cancelled && cancelled.cancelledReason == "Completed")
        #expect(try store.counts(organisationIDs: nil)[.cancelled] == 3)
    }

    @Test func theListIsNewestFirstAndHRSeesOnlyItsOwnPeople() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = MailOutboxStore(fixture.temporary.database)
        let own = try fixture.employee("1", "Aino", "Aalto")
        let otherOrganisation = try fixture.otherOrganisation()
        let stranger = try fixture.employees.create(Employee(organisationID: otherOrganisation.id, hrNumber: "9",
                                                             firstName: "Kalle", lastName: "Koski"))
        try store.enqueue(Self.mail("own-old", employeeID: own.id), now: Self.start)
        try store.enqueue(Self.mail("own-new", employeeID: own.id), now: Self.start.addingTimeInterval(60))
        try store.enqueue(Self.mail("stranger", employeeID: stranger.id), now: Self.start.addingTimeInterval(30))
        try store.enqueue(Self.mail("nobody"), now: Self.start.addingTimeInterval(90))
        #expect(try store.recent(state: nil, organisationIDs: nil, limit: 10).map(\.messageKey)
                == ["nobody", "own-new", "stranger", "own-old"])
        let mine: Set<Int64> = [fixture.organisationID]
        #expect(try store.recent(state: nil, organisationIDs: mine, limit: 10).map(\.messageKey) == ["own-new", "own-old"])
        #expect(try store.recent(state: .queued, organisationIDs: mine, limit: 1, offset: 1).map(\.messageKey) == ["own-old"])
        #expect(try store.counts(organisationIDs: mine)[.queued] == 2)
        #expect(try store.counts(organisationIDs: [])[.queued] == 0)
        let strangers = try #require(try store.message(key: "stranger"))
        #expect(try store.message(id: strangers.id, organisationIDs: mine) == nil)
        #expect(try store.message(id: strangers.id, organisationIDs: nil) != nil)
    }
}
