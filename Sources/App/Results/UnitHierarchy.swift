import Storage

/// An organisation's units as a tree, for adding figures up from units to their parents.
struct UnitHierarchy: Sendable {
    let units: [Int64: Storage.Unit]
    let children: [Int64: [Int64]]
    /// Units without a parent in the organisation, by name.
    let roots: [Int64]
    /// Every unit with its ancestors, so membership tests are quick.
    private let ancestors: [Int64: Set<Int64>]

    init(units list: [Storage.Unit]) {
        var units: [Int64: Storage.Unit] = [:]
        for unit in list { if let id = unit.id { units[id] = unit } }
        var children: [Int64: [Int64]] = [:]
        var roots: [Int64] = []
        for unit in list.sorted(by: { $0.name < $1.name }) {
            guard let id = unit.id else { continue }
            if let parent = unit.parentID, units[parent] != nil {
                children[parent, default: []].append(id)
            } else {
                roots.append(id)
            }
        }
        var ancestors: [Int64: Set<Int64>] = [:]
        for id in units.keys {
            var chain: Set<Int64> = [id]
            var current = units[id]?.parentID
            while let parent = current, units[parent] != nil, !chain.contains(parent) {
                chain.insert(parent)
                current = units[parent]?.parentID
            }
            ancestors[id] = chain
        }
        self.units = units
        self.children = children
        self.roots = roots
        self.ancestors = ancestors
    }

    func sector(of unitID: Int64) -> Int64? { units[unitID]?.sectorID }

    /// Units in post-order (children before parents), so totals can be added up in one pass.
    var bottomUp: [Int64] {
        var order: [Int64] = []
        var stack: [(Int64, Bool)] = roots.reversed().map { ($0, false) }
        while let (id, visited) = stack.popLast() {
            if visited {
                order.append(id)
            } else {
                stack.append((id, true))
                for child in (children[id] ?? []).reversed() { stack.append((child, false)) }
            }
        }
        return order
    }

    /// Whether `unitID` is `ancestorID` or below it.
    func isWithin(_ unitID: Int64, _ ancestorID: Int64) -> Bool {
        ancestors[unitID]?.contains(ancestorID) ?? false
    }

    /// Whether a group includes a cell's responses.
    func contains(_ group: ResultGroup, _ cell: RoundResults.Cell) -> Bool {
        switch group {
        case .organisation: return true
        case .sector(let sectorID): return sector(of: cell.unitID) == sectorID
        case .withoutSector: return sector(of: cell.unitID) == nil
        case .unit(let unitID): return isWithin(cell.unitID, unitID)
        case .ownStaff(let unitID): return cell.unitID == unitID
        case .jobGroup(let name): return cell.jobGroup == name
        case .unitJobGroup(let unitID, let name): return cell.jobGroup == name && isWithin(cell.unitID, unitID)
        case .ownStaffJobGroup(let unitID, let name): return cell.jobGroup == name && cell.unitID == unitID
        }
    }
}
