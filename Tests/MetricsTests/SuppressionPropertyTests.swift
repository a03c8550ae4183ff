import Testing
@testable import Metrics

/// SplitMix64: a tiny, fully specified generator, so every run builds the same hierarchies.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`; the modulo bias is irrelevant for test data.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

/// A random organisation: nested units, each with its own-staff part, sectors under the
/// organisation, and sometimes a second split of the organisation (by job group) across the tree.
struct RandomHierarchy {
    var respondents: [Int: Int] = [:]
    var partitions: [Partition<Int>] = []
    private var nextID = 0
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(state: seed)
        let organisation = newID()
        let sectors = (0..<random.int(in: 1...4)).map { _ in makeUnit(depth: 0) }
        let total = sectors.reduce(0) { $0 + (respondents[$1] ?? 0) }
        respondents[organisation] = total
        partitions.insert(Partition(whole: organisation, parts: sectors), at: random.int(in: 0...1) * partitions.count)
        if random.int(in: 0...2) == 0 { addJobGroupSplit(of: organisation, total: total) }
    }

    private mutating func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    /// Mostly small groups, sometimes a large one: small groups are where suppression happens.
    private mutating func staffSize() -> Int {
        random.int(in: 0...3) == 0 ? random.int(in: 0...25) : random.int(in: 0...6)
    }

    private mutating func makeUnit(depth: Int) -> Int {
        let unit = newID()
        let ownStaff = staffSize()
        let childCount = depth < 3 ? random.int(in: 0...3) : 0
        guard childCount > 0 else {
            respondents[unit] = ownStaff
            return unit
        }
        let ownPart = newID()
        respondents[ownPart] = ownStaff
        let children = (0..<childCount).map { _ in makeUnit(depth: depth + 1) }
        respondents[unit] = ownStaff + children.reduce(0) { $0 + (respondents[$1] ?? 0) }
        partitions.append(Partition(whole: unit, parts: [ownPart] + children))
        return unit
    }

    private mutating func addJobGroupSplit(of organisation: Int, total: Int) {
        var remaining = total
        var parts: [Int] = []
        for _ in 0..<random.int(in: 1...2) {
            let part = newID()
            let size = random.int(in: 0...remaining)
            respondents[part] = size
            remaining -= size
            parts.append(part)
        }
        let last = newID()
        respondents[last] = remaining
        partitions.append(Partition(whole: organisation, parts: parts + [last]))
    }
}

@Suite("Complementary suppression properties")
struct SuppressionPropertyTests {
    /// Every way the published figures could give away a hidden group, for one result.
    static func leaks(_ hidden: Set<Int>, in hierarchy: RandomHierarchy, rule: AnonymityRule) -> [String] {
        var leaks: [String] = []
        func size(_ group: Int) -> Int { hierarchy.respondents[group] ?? 0 }
        for (group, count) in hierarchy.respondents where !rule.showsFigures(respondents: count) {
            if !hidden.contains(group) { leaks.append("group \(group) of \(count) is shown") }
        }
        for partition in hierarchy.partitions {
            let hiddenSum = partition.parts.filter(hidden.contains).reduce(0) { $0 + size($1) }
            if !hidden.contains(partition.whole), hiddenSum > 0, !rule.showsFigures(respondents: hiddenSum) {
                leaks.append("shown \(partition.whole) minus shown parts reveals \(hiddenSum)")
            }
            let nonEmpty = partition.parts.filter { size($0) > 0 }
            if hidden.contains(partition.whole), !nonEmpty.isEmpty, nonEmpty.allSatisfy({ !hidden.contains($0) }) {
                leaks.append("shown parts of \(partition.whole) add up to it")
            }
        }
        return leaks
    }

    @Test(arguments: [3, 5, 10])
    func noHiddenGroupCanBeRecovered(minimum: Int) {
        let rule = AnonymityRule(minimumGroupSize: minimum)
        var complementaryHides = 0
        for seed in UInt64(1)...400 {
            let hierarchy = RandomHierarchy(seed: seed &* 0x2545_F491_4F6C_DD1D)
            let hidden = rule.hiddenGroups(respondents: hierarchy.respondents, partitions: hierarchy.partitions)
            let leaks = Self.leaks(hidden, in: hierarchy, rule: rule)
            #expect(leaks.isEmpty, "seed \(seed): \(leaks)")
            let small = hierarchy.respondents.values.filter { !rule.showsFigures(respondents: $0) }.count
            complementaryHides += hidden.count - small
            if !leaks.isEmpty { return }
        }
        // The generator must actually exercise complementary suppression for the test to mean anything.
        #expect(complementaryHides > 100)
    }

    @Test func resultDoesNotDependOnDictionaryOrderAndHoldsForAnyPartitionOrder() {
        let rule = AnonymityRule()
        for seed in UInt64(1)...200 {
            let hierarchy = RandomHierarchy(seed: seed)
            let first = rule.hiddenGroups(respondents: hierarchy.respondents, partitions: hierarchy.partitions)
            let rebuilt = Dictionary(uniqueKeysWithValues: hierarchy.respondents.sorted { $0.key > $1.key })
            #expect(rule.hiddenGroups(respondents: rebuilt, partitions: hierarchy.partitions) == first)
            var reversed = hierarchy
            reversed.partitions.reverse()
            let other = rule.hiddenGroups(respondents: reversed.respondents, partitions: reversed.partitions)
            #expect(Self.leaks(other, in: reversed, rule: rule).isEmpty, "seed \(seed)")
        }
    }
}
