/// Every group a round's results can describe, each as the set of cells it is made of, and the ways
/// one group is the exact sum of others. Built here, from plain values, so that the groups the pages
/// add figures up for are exactly the groups the anonymity rule reasons about.
public struct RoundGroups: Sendable {
    public let tree: UnitTree
    /// The cells, in a fixed order; a cell's index is its position here.
    public let cells: [ResponseCell]
    public let cellIndex: [ResponseCell: Int]
    /// Each group's cells (indices into `cells`), ascending.
    public let members: [ResultGroup: [Int]]
    /// Every group, in a fixed order (organisation, sectors, job groups, then units bottom-up).
    public let groups: [ResultGroup]

    /// The groups of `cells` in `tree`; cells of units outside the tree are left out.
    public init(tree: UnitTree, cells: some Sequence<ResponseCell>) {
        let cells = Array(Set(cells.filter { tree.contains($0.unitID) })).sorted()
        var cellIndex: [ResponseCell: Int] = [:]
        var members: [ResultGroup: [Int]] = [:]
        for (index, cell) in cells.enumerated() {
            cellIndex[cell] = index
            members[.organisation, default: []].append(index)
            members[tree.sector(of: cell.unitID).map(ResultGroup.sector) ?? .withoutSector, default: []].append(index)
            members[.jobGroup(cell.jobGroup), default: []].append(index)
            members[.ownStaff(cell.unitID), default: []].append(index)
            members[.ownStaffJobGroup(cell.unitID, cell.jobGroup), default: []].append(index)
            for unitID in tree.selfAndAncestors(of: cell.unitID) {
                members[.unit(unitID), default: []].append(index)
                members[.unitJobGroup(unitID, cell.jobGroup), default: []].append(index)
            }
        }
        self.tree = tree
        self.cells = cells
        self.cellIndex = cellIndex
        self.members = members
        groups = Self.order(members.keys, tree: tree)
    }

    /// Whether a group includes a cell.
    public func contains(_ group: ResultGroup, _ cell: ResponseCell) -> Bool {
        switch group {
        case .organisation: return tree.contains(cell.unitID)
        case .sector(let sectorID): return tree.contains(cell.unitID) && tree.sector(of: cell.unitID) == sectorID
        case .withoutSector: return tree.contains(cell.unitID) && tree.sector(of: cell.unitID) == nil
        case .unit(let unitID): return tree.isWithin(cell.unitID, unitID)
        case .ownStaff(let unitID): return cell.unitID == unitID && tree.contains(unitID)
        case .jobGroup(let name): return cell.jobGroup == name && tree.contains(cell.unitID)
        case .unitJobGroup(let unitID, let name): return cell.jobGroup == name && tree.isWithin(cell.unitID, unitID)
        case .ownStaffJobGroup(let unitID, let name):
            return cell.jobGroup == name && cell.unitID == unitID && tree.contains(unitID)
        }
    }

    /// A value per group: the sum of its cells' values (e.g. respondents, or invitations).
    public func totals(_ cellValues: [Int]) -> [ResultGroup: Int] {
        members.mapValues { $0.reduce(0) { $0 + (cellValues.indices.contains($1) ? cellValues[$1] : 0) } }
    }

    private static func order(_ groups: some Collection<ResultGroup>, tree: UnitTree) -> [ResultGroup] {
        var sectors: [Int64] = []
        var jobGroups: [String] = []
        var unitJobGroups: [Int64: [String]] = [:]
        var ownStaffJobGroups: [Int64: [String]] = [:]
        var hasWithoutSector = false
        for group in groups {
            switch group {
            case .sector(let id): sectors.append(id)
            case .jobGroup(let name): jobGroups.append(name)
            case .unitJobGroup(let id, let name): unitJobGroups[id, default: []].append(name)
            case .ownStaffJobGroup(let id, let name): ownStaffJobGroups[id, default: []].append(name)
            case .withoutSector: hasWithoutSector = true
            default: break
            }
        }
        let present = Set(groups)
        var ordered: [ResultGroup] = present.contains(.organisation) ? [.organisation] : []
        ordered += sectors.sorted().map(ResultGroup.sector)
        if hasWithoutSector { ordered.append(.withoutSector) }
        ordered += jobGroups.sorted().map(ResultGroup.jobGroup)
        for unitID in tree.bottomUp {
            for group in [ResultGroup.unit(unitID), .ownStaff(unitID)] where present.contains(group) {
                ordered.append(group)
            }
            ordered += (unitJobGroups[unitID] ?? []).sorted().map { .unitJobGroup(unitID, $0) }
            ordered += (ownStaffJobGroups[unitID] ?? []).sorted().map { .ownStaffJobGroup(unitID, $0) }
        }
        return ordered
    }

    /// Every way one group is the exact sum of others, for the quick first pass of complementary
    /// suppression: the organisation as sectors, as top units and as job groups; each job group as
    /// its top units' parts; each unit as its own staff and sub-units, and as its job groups; each
    /// unit's job group as its own staff's and sub-units' parts; each sector as its units.
    public var partitions: [Partition<ResultGroup>] {
        let present = { (group: ResultGroup) in members[group] != nil }
        var sectors: [Int64] = []
        var jobGroups: [String] = []
        for group in groups {
            if case .sector(let id) = group { sectors.append(id) }
            if case .jobGroup(let name) = group { jobGroups.append(name) }
        }
        var partitions: [Partition<ResultGroup>] = [
            Partition(whole: .organisation, parts: sectors.map(ResultGroup.sector) + [.withoutSector]),
            Partition(whole: .organisation, parts: tree.roots.map(ResultGroup.unit).filter(present)),
            Partition(whole: .organisation, parts: jobGroups.map(ResultGroup.jobGroup)),
        ]
        for name in jobGroups {
            partitions.append(Partition(whole: .jobGroup(name),
                                        parts: tree.roots.map { .unitJobGroup($0, name) }.filter(present)))
        }
        for unitID in tree.bottomUp where present(.unit(unitID)) {
            let children = tree.children[unitID] ?? []
            partitions.append(Partition(whole: .unit(unitID),
                                        parts: [.ownStaff(unitID)] + children.map(ResultGroup.unit).filter(present)))
            let names = jobGroups.filter { present(.unitJobGroup(unitID, $0)) }
            partitions.append(Partition(whole: .unit(unitID), parts: names.map { .unitJobGroup(unitID, $0) }))
            partitions.append(Partition(whole: .ownStaff(unitID),
                                        parts: names.map { .ownStaffJobGroup(unitID, $0) }.filter(present)))
            for name in names {
                partitions.append(Partition(whole: .unitJobGroup(unitID, name),
                                            parts: [.ownStaffJobGroup(unitID, name)]
                                                + children.map { .unitJobGroup($0, name) }.filter(present)))
            }
        }
        for sectorID in sectors {
            partitions.append(Partition(whole: .sector(sectorID), parts: sectorParts(sectorID, present)))
        }
        return partitions
    }

    /// A sector as a sum of units: its top units when their whole subtrees are in the sector (so a
    /// shown unit could be subtracted from the shown sector), otherwise every unit's own staff.
    private func sectorParts(_ sectorID: Int64, _ present: (ResultGroup) -> Bool) -> [ResultGroup] {
        let members = tree.nodes.values.compactMap { $0.sectorID == sectorID ? $0.id : nil }.sorted()
        let memberSet = Set(members)
        let tops = members.filter { id in tree.nodes[id]?.parentID.map { !memberSet.contains($0) } ?? true }
        let homogeneous = members.allSatisfy { (tree.children[$0] ?? []).allSatisfy(memberSet.contains) }
        return homogeneous ? tops.map(ResultGroup.unit).filter(present)
            : members.map(ResultGroup.ownStaff).filter(present)
    }
}
