import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Calendar feed addresses")
struct CalendarFeedStoreTests {
    static func hash(_ byte: UInt8) -> Data { Data(repeating: byte, count: 32) }

    @Test func renewingReplacesTheLiveAddressOfThatScopeOnly() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let person = try fixture.employee("1", "Aino", "Aalto")
        let store = CalendarFeedStore(fixture.temporary.database)
        let first = try store.renew(employeeID: person.id, scope: .personal, tokenHash: Self.hash(1))
        let catalogue = try store.renew(employeeID: person.id, scope: .catalogue, tokenHash: Self.hash(2))
        #expect(try store.liveFeed(tokenHash: Self.hash(1))?.id == first.id)

        let second = try store.renew(employeeID: person.id, scope: .personal, tokenHash: Self.hash(3))
        #expect(try store.liveFeed(tokenHash: Self.hash(1)) == nil, "the old personal address still works")
        #expect(try store.liveFeed(tokenHash: Self.hash(3))?.id == second.id)
        #expect(try store.liveFeed(tokenHash: Self.hash(2))?.id == catalogue.id, "renewing one scope ended the other")
        let live = try store.liveFeeds(employeeID: person.id)
        #expect(live[.personal]?.id == second.id && live[.catalogue]?.id == catalogue.id)

        // The replaced row stays, revoked: the history of addresses is kept.
        let rows = try fixture.temporary.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT revoked_at FROM calendar_feeds WHERE employee_id = ? ORDER BY id",
                             arguments: [person.id])
        }
        #expect(rows.map { ($0["revoked_at"] as String?) != nil } == [true, false, false])
    }

    @Test func revokingStopsTheAddressAndSaysWhetherThereWasOne() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let person = try fixture.employee("1", "Aino", "Aalto")
        let other = try fixture.employee("2", "Bertil", "Berg")
        let store = CalendarFeedStore(fixture.temporary.database)
        try store.renew(employeeID: person.id, scope: .personal, tokenHash: Self.hash(1))
        try store.renew(employeeID: other.id, scope: .personal, tokenHash: Self.hash(2))
        #expect(try store.revoke(employeeID: person.id, scope: .personal))
        #expect(try !store.revoke(employeeID: person.id, scope: .personal))
        #expect(try !store.revoke(employeeID: person.id, scope: .catalogue))
        #expect(try store.liveFeed(tokenHash: Self.hash(1)) == nil)
        #expect(try store.liveFeed(tokenHash: Self.hash(2)) != nil, "revoking one person's feed ended another's")
        #expect(try store.liveFeeds(employeeID: person.id).isEmpty)
        // A new address after revoking works again.
        try store.renew(employeeID: person.id, scope: .personal, tokenHash: Self.hash(3))
        #expect(try store.liveFeed(tokenHash: Self.hash(3))?.employeeID == person.id)
    }

    @Test func theDatabaseRefusesTwoLiveAddressesOfOneScope() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let person = try fixture.employee("1", "Aino", "Aalto")
        try CalendarFeedStore(fixture.temporary.database).renew(employeeID: person.id, scope: .personal, tokenHash: Self.hash(1))
        #expect(throws: (any Error).self) {
            try fixture.temporary.database.pool.write { db in
                try CalendarFeed(tokenHash: Self.hash(2), employeeID: person.id, scope: .personal, createdAt: Date()).insert(db)
            }
        }
    }
}
