import Foundation
import GRDB
import Metrics
import Synchronization
import Testing
@testable import App
@testable import Storage

/// The caches hold at most their byte budget, evict the least recently used first, drop a family's
/// older versions when a newer one is stored, and still build each value once for concurrent askers.
@Suite("Cache bounds")
struct CacheBoundTests {
    /// A cache of strings that cost their length, with what it released.
    private final class Probe: Sendable {
        /// Bytes the cache reported as let go.
        final class Tally: Sendable {
            private let bytes = Mutex(0)
            func add(_ count: Int) { bytes.withLock { $0 += count } }
            var value: Int { bytes.withLock { $0 } }
        }

        let released = Tally()
        let cache: SingleFlight<String>
        init(budget: Int) {
            let released = released
            cache = SingleFlight(budget: budget, cost: { $0.utf8.count }, released: { released.add($0) })
        }

        /// What storing `value` under `key` is accounted as.
        static func cost(_ value: String, _ key: CacheKey) -> Int {
            value.utf8.count + key.bytes + SingleFlight<String>.entryOverhead
        }

        @discardableResult
        func put(_ key: CacheKey, _ value: String) throws -> String {
            try cache.value(key) { value }
        }
    }

    private func key(_ variant: String, family: String = "round:1", version: Int = 1) -> CacheKey {
        CacheKey(family: family, version: version, variant: variant)
    }

    @Test func theAccountedBytesNeverPassTheBudget() throws {
        let budget = 50_000
        let probe = Probe(budget: budget)
        var stored = 0
        for index in 0..<400 {
            // Sizes from 1 to 9,000 bytes in a fixed, uneven order.
            let size = 1 + (index * 7_919) % 9_000
            let value = String(repeating: "x", count: size)
            #expect(try probe.put(key("page \(index)", family: "round:\(index % 7)"), value) == value)
            stored += Probe.cost(value, key("page \(index)", family: "round:\(index % 7)"))
            let usage = probe.cache.usage
            #expect(usage.cost <= budget, "after \(index + 1) values: \(usage.cost) bytes")
            #expect(usage.count == probe.cache.keysByRecency.count)
        }
        // Everything stored is either held or was reported as released.
        #expect(probe.cache.usage.cost + probe.released.value == stored)
        #expect(probe.cache.usage.cost > budget / 2, "the budget is used, not just respected")
    }

    @Test func theLeastRecentlyUsedGoFirst() throws {
        let value = String(repeating: "x", count: 1_000)
        let probe = Probe(budget: 3 * Probe.cost(value, key("a")))
        try probe.put(key("a"), value)
        try probe.put(key("b"), value)
        try probe.put(key("c"), value)
        #expect(probe.cache.keysByRecency.map(\.variant) == ["c", "b", "a"])
        // Reading `a` makes it the most recent, so `b` is the one a fourth value pushes out.
        try probe.put(key("a"), "not built: a is cached")
        try probe.put(key("d"), value)
        #expect(probe.cache.keysByRecency.map(\.variant) == ["d", "a", "c"])
        #expect(try probe.put(key("a"), "rebuilt") == value, "a was kept")
        #expect(try probe.put(key("b"), "rebuilt") == "rebuilt", "b was evicted")
    }

    @Test func aNewerVersionDropsTheFamilysOlderOnesAtOnce() throws {
        let probe = Probe(budget: 1_000_000)
        try probe.put(key("unit 1", version: 4), "old 1")
        try probe.put(key("unit 2", version: 4), "old 2")
        try probe.put(key("unit 1", family: "round:2", version: 4), "other round")
        try probe.put(key("unit 3", version: 5), "new 3")
        let keys = probe.cache.keysByRecency
        #expect(keys.map(\.description) == ["round:1@5|unit 3", "round:2@4|unit 1"])
        #expect(probe.released.value == Probe.cost("old 1", key("unit 1")) + Probe.cost("old 2", key("unit 2")))
        // A value built from data older than what is stored (a request that read the version just
        // before a response arrived) is answered but not kept.
        #expect(try probe.put(key("unit 1", version: 4), "late") == "late")
        #expect(probe.cache.keysByRecency.count == 2)
        #expect(try probe.put(key("unit 1", version: 4), "built again") == "built again")
    }

    @Test func aValueLargerThanTheBudgetIsAnsweredButNotKept() throws {
        let probe = Probe(budget: 2_000)
        try probe.put(key("small"), "small")
        let large = String(repeating: "x", count: 5_000)
        #expect(try probe.put(key("large"), large) == large)
        #expect(probe.cache.keysByRecency.map(\.variant) == ["small"])
    }

    @Test func concurrentAskersOfOneKeyShareOneBuild() throws {
        let probe = Probe(budget: 1_000_000)
        let builds = Mutex(0)
        let answers = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let answer = try? probe.cache.value(key("dashboard")) {
                builds.withLock { $0 += 1 }
                // Give the other askers time to arrive and wait; the assertion holds however they are timed.
                Thread.sleep(forTimeInterval: 0.05)
                return "built"
            }
            answers.withLock { $0.append(answer ?? "failed") }
        }
        #expect(builds.withLock { $0 } == 1)
        #expect(answers.withLock { $0 } == Array(repeating: "built", count: 8))
    }

    @Test func manyThreadsStoringAndReadingKeepTheBoundAndTheAccounts() throws {
        let budget = 200_000
        let probe = Probe(budget: budget)
        let stored = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<500 {
                // Families move to newer versions as the threads go, and keys repeat across threads.
                let round = (thread + index) % 5
                let cacheKey = key("page \(index % 40)", family: "round:\(round)", version: index / 100)
                let value = String(repeating: "x", count: 1 + (index * 7_919 + thread * 104_729) % 6_000)
                let built = Mutex(false)
                let answer = try? probe.cache.value(cacheKey) {
                    built.withLock { $0 = true }
                    return value
                }
                // Counted only when this thread's value was built (it may still have been dropped as late).
                if built.withLock({ $0 }), let answer { stored.withLock { $0 += Probe.cost(answer, cacheKey) } }
                #expect(probe.cache.usage.cost <= budget)
            }
        }
        let usage = probe.cache.usage
        #expect(usage.cost <= budget)
        #expect(usage.count == probe.cache.keysByRecency.count)
        // Built values not kept (late or over budget) were never accounted, so held + released is at
        // most what was built.
        #expect(usage.cost + probe.released.value <= stored.withLock { $0 })
    }

    @Test func aFailedBuildIsNotKeptAndTheNextAskerBuildsAgain() throws {
        let probe = Probe(budget: 1_000_000)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try probe.cache.value(key("page")) { throw Failure() } }
        #expect(probe.cache.usage.count == 0)
        #expect(try probe.put(key("page"), "second try") == "second try")
    }

    @Test func aStaleValueIsReplacedAndCountedOnce() throws {
        let probe = Probe(budget: 1_000_000)
        try probe.put(key("progress"), "first")
        let second = try probe.cache.value(key("progress"), isFresh: { _ in false }) { "second" }
        #expect(second == "second")
        #expect(probe.cache.usage == .init(count: 1, cost: Probe.cost("second", key("progress"))))
    }

    // MARK: The caches in the application

    @Test func renderedBodiesAreKeptCompressedInStorageOfTheirSize() {
        var grown = ""
        for index in 0..<2_000 { grown += "<tr><td class=\"unit\">Yksikkö \(index)</td><td>3,\(index % 10)</td></tr>\n" }
        for text in [grown, "", "ääkköset ja 🙂"] {
            let packed = PageBodyCache.pack(text)
            #expect(PageBodyCache.unpack(packed) == text)
            // What the budget counts (the capacity) is what is held, give or take the allocator's rounding.
            #expect(packed.bytes.capacity <= packed.bytes.count + 32)
        }
        let packed = PageBodyCache.pack(grown)
        #expect(packed.compressed && packed.bytes.count * 5 < grown.utf8.count)
        #expect(PageBodyCache.unpack(PageBodyCache.Packed(bytes: Array("plain".utf8), compressed: false)) == "plain")
    }

    @Test func dashboardBodiesStayWithinTheirBudgetAndPagesStayRight() throws {
        var settings = TestApp.fastSettings
        settings.pageCacheBytes = 6_000
        let test = try TestApp(settings: settings)
        let world = try World(test)
        let round = try ResultsTests.answeredRound(test, world)
        var hr = try test.signIn("hr")
        var pages: [String: String] = [:]
        for pass in 0..<2 {
            for path in ["/rounds/\(round.id)/results", "/rounds/\(round.id)/results?sort=ict-basics",
                         "/rounds/\(round.id)/results/units/\(world.unitA.id)",
                         "/rounds/\(round.id)/results/units/\(world.unitA1.id)",
                         "/rounds/\(round.id)/results/units/\(world.unitB.id)"] {
                let page = try hr.get(path)
                #expect(page.status == .ok)
                // The page wraps the body with this request's form token: compare the main part.
                let main = page.text.components(separatedBy: "<main").last ?? ""
                if pass == 0 { pages[path] = main } else { #expect(main == pages[path], "\(path) changed") }
                let usage = test.app.pageBodies.usage
                #expect(usage.cost <= settings.pageCacheBytes, "\(usage.cost) bytes after \(path)")
            }
        }
        // The budget holds some of the five bodies, not all: the second pass rendered evicted ones again.
        #expect((1..<5).contains(test.app.pageBodies.usage.count), "\(test.app.pageBodies.usage)")
    }

    /// Closed rounds take no more answers, so the test bumps the version as a new response or a
    /// status change would (the database triggers do exactly this).
    @Test func aNewResultsVersionDropsTheRoundsOlderBodies() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try ResultsTests.answeredRound(test, world)
        var hr = try test.signIn("hr")
        for unit in [world.unitA, world.unitA1, world.unitB] {
            #expect(try hr.get("/rounds/\(round.id)/results/units/\(unit.id)").status == .ok)
        }
        #expect(try hr.get("/rounds/\(round.id)/results").status == .ok)
        let before = test.app.pageBodies.keys
        #expect(before.count == 4)
        #expect(Set(before.map(\.family)).count == 1 && Set(before.map(\.version)).count == 1)
        let version = try #require(before.first?.version)

        try test.database.pool.write { db in
            try db.execute(sql: "UPDATE survey_rounds SET results_version = results_version + 1 WHERE id = ?",
                           arguments: [round.id])
        }
        #expect(try hr.get("/rounds/\(round.id)/results/units/\(world.unitB.id)").status == .ok)
        let after = test.app.pageBodies.keys
        #expect(after.map(\.version) == [version + 1])
        #expect(after.first?.family == before.first?.family)
    }

    @Test func roundResultsAreBoundedByTheirEstimatedBytes() throws {
        let test = try TestApp()
        let world = try World(test)
        let first = try ResultsTests.answeredRound(test, world)
        let second = try ResultsTests.answeredRound(test, world, addStaff: false)
        let built = try test.app.roundResults(first)
        // Every shown group holds a tally per statement: the estimate is at least that.
        let statements = built.content.statementCount
        #expect(built.memoryCost > built.shown.count * statements * MemoryLayout<ScoreAccumulator>.stride)

        let cache = ResultsCache(budget: built.memoryCost + 4_096)
        _ = try cache.results(roundID: first.id, version: first.resultsVersion) { built }
        _ = try cache.results(roundID: second.id, version: second.resultsVersion) { try test.app.roundResults(second) }
        #expect(cache.usage.count == 1)
        #expect(cache.usage.cost <= built.memoryCost + 4_096)
    }

    @Test func freedMemoryIsReturnedOnceEnoughHasBeenFreed() throws {
        let trims = Mutex(0)
        let done = DispatchSemaphore(value: 0)
        let freed = FreedMemory(threshold: 1_000) {
            trims.withLock { $0 += 1 }
            done.signal()
        }
        freed.released(600)
        freed.released(300)
        #expect(trims.withLock { $0 } == 0, "900 bytes is under the threshold")
        freed.released(200)
        // A deadline only so that a broken release cannot hang the suite.
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(trims.withLock { $0 } == 1)
    }
}
