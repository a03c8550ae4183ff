import Testing
@testable import Metrics

/// The groups and partitions the anonymity rule reasons about, built from plain values.
@Suite("Round groups and partitions")
struct RoundGroupsTests {
    static let tree = UnitTree(units: [
        UnitNode(id: 1, parentID: nil, sectorID: 10), UnitNode(id: 2, parentID: 1, sectorID: 10),
        UnitNode(id: 3, parentID: 1, sectorID: 20), UnitNode(id: 4, parentID: nil, sectorID: nil),
    ])
    static let cells = [ResponseCell(unitID: 1, jobGroup: "a"), ResponseCell(unitID: 2, jobGroup: "a"),
                        ResponseCell(unitID: 2, jobGroup: ""), ResponseCell(unitID: 3, jobGroup: "b"),
                        ResponseCell(unitID: 4, jobGroup: "a"), ResponseCell(unitID: 99, jobGroup: "a")]

    @Test func groupsHoldTheirCells() {
        let groups = RoundGroups(tree: Self.tree, cells: Self.cells)
        func cells(_ group: ResultGroup) -> Set<ResponseCell> { Set((groups.members[group] ?? []).map { groups.cells[$0] }) }
        #expect(groups.cells.count == 5, "the cell of a unit outside the tree is left out")
        #expect(cells(.unit(1)) == Set(Self.cells.prefix(4)))
        #expect(cells(.ownStaff(1)) == [ResponseCell(unitID: 1, jobGroup: "a")])
        #expect(cells(.unitJobGroup(1, "a")) == [ResponseCell(unitID: 1, jobGroup: "a"), ResponseCell(unitID: 2, jobGroup: "a")])
        #expect(cells(.jobGroup("a")).count == 3)
        #expect(cells(.sector(10)) == Set(Self.cells.prefix(3)))
        #expect(cells(.withoutSector) == [ResponseCell(unitID: 4, jobGroup: "a")])
        #expect(cells(.organisation).count == 5)
        for group in groups.groups {
            for cell in groups.cells {
                #expect(groups.contains(group, cell) == cells(group).contains(cell), "\(group) \(cell)")
            }
        }
        #expect(groups.totals([1, 2, 3, 4, 5])[.unit(1)] == 1 + 2 + 3 + 4)
    }

    /// Every partition is exact: its parts are disjoint and together hold exactly the whole's cells,
    /// in random trees with sectors that cut across them.
    @Test func everyPartitionIsADisjointUnion() {
        var checked = 0
        for seed in UInt64(1)...200 {
            var random = SplitMix64(state: seed)
            let round = RandomRound(random: &random, maximumUnits: 12).round
            let groups = round.groups
            for partition in groups.partitions {
                let whole = Set(groups.members[partition.whole] ?? [])
                var union: Set<Int> = []
                var total = 0
                for part in partition.parts {
                    let members = groups.members[part] ?? []
                    union.formUnion(members)
                    total += members.count
                }
                #expect(union == whole && total == whole.count, "seed \(seed): \(partition)")
                checked += 1
            }
        }
        #expect(checked > 2_000)
    }
}
