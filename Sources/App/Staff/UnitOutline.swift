import Foundation
import Storage

/// One unit in a nested list, with its own staff count, sector and sub-units.
struct UnitNodeView {
    let href: String
    let name: String
    let staffCount: String
    let sectorName: String
    let hasSector: Bool
    let active: Bool
    let children: [UnitNodeView]
    let hasChildren: Bool
}

/// Builds unit trees from one organisation's flat unit list.
struct UnitOutline {
    let units: [Stored<WorkUnit>]
    let staffCounts: [Int64: Int]
    let sectorNames: [Int64: String]
    let strings: Strings
    private let childrenByParent: [Int64: [Stored<WorkUnit>]]
    private let unitIDs: Set<Int64>

    init(units: [Stored<WorkUnit>], staffCounts: [Int64: Int], sectors: [Stored<Sector>], strings: Strings) {
        self.units = units
        self.staffCounts = staffCounts
        self.strings = strings
        sectorNames = Dictionary(sectors.map { ($0.id, $0.name) },
                                 uniquingKeysWith: { first, _ in first })
        unitIDs = Set(units.map(\.id))
        var children: [Int64: [Stored<WorkUnit>]] = [:]
        for unit in units {
            if let parentID = unit.parentID { children[parentID, default: []].append(unit) }
        }
        childrenByParent = children
    }

    /// Every tree of the organisation: units without a parent (or whose parent is missing) at the top.
    var roots: [UnitNodeView] {
        var seen: Set<Int64> = []
        return units.filter { unit in unit.parentID.map { !unitIDs.contains($0) } ?? true }
            .map { node(for: $0, seen: &seen) }
    }

    /// The tree under `unitID`, or nil when the unit is not in this organisation.
    func subtree(of unitID: Int64) -> UnitNodeView? {
        guard let unit = units.first(where: { $0.id == unitID }) else { return nil }
        var seen: Set<Int64> = []
        return node(for: unit, seen: &seen)
    }

    /// Direct sub-units of `unitID`, as leaves (the unit page links to each).
    func children(of unitID: Int64) -> [UnitNodeView] {
        (childrenByParent[unitID] ?? []).map { leaf($0) }
    }

    /// `seen` stops at a unit met twice, so even a corrupt parent cycle cannot recurse for ever.
    private func node(for unit: Stored<WorkUnit>, seen: inout Set<Int64>) -> UnitNodeView {
        let id = unit.id
        seen.insert(id)
        var children: [UnitNodeView] = []
        for child in childrenByParent[id] ?? [] where !seen.contains(child.id) {
            children.append(node(for: child, seen: &seen))
        }
        return make(unit, children: children)
    }

    private func leaf(_ unit: Stored<WorkUnit>) -> UnitNodeView {
        make(unit, children: [])
    }

    private func make(_ unit: Stored<WorkUnit>, children: [UnitNodeView]) -> UnitNodeView {
        let id = unit.id
        let sectorName = unit.sectorID.flatMap { sectorNames[$0] } ?? ""
        return UnitNodeView(href: Paths.unit(id), name: unit.name,
                        staffCount: strings.format("staff_count_people", ["count": strings.number(staffCounts[id] ?? 0)]),
                        sectorName: sectorName, hasSector: !sectorName.isEmpty, active: unit.active,
                        children: children, hasChildren: !children.isEmpty)
    }
}
