import Foundation
import Storage

/// One unit in a nested list, with its own staff count, sector and sub-units.
struct UnitNode {
    let href: String
    let name: String
    let staffCount: String
    let sectorName: String
    let hasSector: Bool
    let active: Bool
    let children: [UnitNode]
    let hasChildren: Bool
}

/// Builds unit trees from one organisation's flat unit list.
struct UnitTree {
    let units: [Unit]
    let staffCounts: [Int64: Int]
    let sectorNames: [Int64: String]
    let strings: Strings
    private let childrenByParent: [Int64: [Unit]]
    private let unitIDs: Set<Int64>

    init(units: [Unit], staffCounts: [Int64: Int], sectors: [Sector], strings: Strings) {
        self.units = units
        self.staffCounts = staffCounts
        self.strings = strings
        sectorNames = Dictionary(sectors.compactMap { sector in sector.id.map { ($0, sector.name) } },
                                 uniquingKeysWith: { first, _ in first })
        unitIDs = Set(units.compactMap(\.id))
        childrenByParent = Dictionary(grouping: units.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 })
    }

    /// Every tree of the organisation: units without a parent (or whose parent is missing) at the top.
    var roots: [UnitNode] {
        var seen: Set<Int64> = []
        return units.filter { unit in unit.parentID.map { !unitIDs.contains($0) } ?? true }
            .map { node(for: $0, seen: &seen) }
    }

    /// The tree under `unitID`, or nil when the unit is not in this organisation.
    func subtree(of unitID: Int64) -> UnitNode? {
        guard let unit = units.first(where: { $0.id == unitID }) else { return nil }
        var seen: Set<Int64> = []
        return node(for: unit, seen: &seen)
    }

    /// Direct sub-units of `unitID`, as leaves (the unit page links to each).
    func children(of unitID: Int64) -> [UnitNode] {
        (childrenByParent[unitID] ?? []).map { leaf($0) }
    }

    /// `seen` stops at a unit met twice, so even a corrupt parent cycle cannot recurse for ever.
    private func node(for unit: Unit, seen: inout Set<Int64>) -> UnitNode {
        let id = unit.id ?? 0
        seen.insert(id)
        var children: [UnitNode] = []
        for child in childrenByParent[id] ?? [] where !seen.contains(child.id ?? 0) {
            children.append(node(for: child, seen: &seen))
        }
        return make(unit, children: children)
    }

    private func leaf(_ unit: Unit) -> UnitNode {
        make(unit, children: [])
    }

    private func make(_ unit: Unit, children: [UnitNode]) -> UnitNode {
        let id = unit.id ?? 0
        let sectorName = unit.sectorID.flatMap { sectorNames[$0] } ?? ""
        return UnitNode(href: "/units/\(id)", name: unit.name,
                        staffCount: strings.format("staff_count_people", ["count": strings.number(staffCounts[id] ?? 0)]),
                        sectorName: sectorName, hasSector: !sectorName.isEmpty, active: unit.active,
                        children: children, hasChildren: !children.isEmpty)
    }
}
