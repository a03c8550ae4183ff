import Metrics
import Storage

/// A round's units as a tree with their names: the anonymity rule's `UnitTree` (children in name
/// order) and each unit's record for display.
struct UnitHierarchy: Sendable {
    let tree: UnitTree
    let units: [Int64: Stored<WorkUnit>]

    /// `units` with `parents` and `sectors` as they were when the round opened (by unit id); a unit
    /// missing from them keeps its current place.
    init(units list: [Stored<WorkUnit>], placement: [Int64: UnitPlacement] = [:]) {
        var units: [Int64: Stored<WorkUnit>] = [:]
        var nodes: [UnitNode] = []
        for unit in list.sorted(by: { $0.name < $1.name }) {
            let id = unit.id
            units[id] = unit
            let place = placement[id]
            nodes.append(UnitNode(id: id, parentID: place.map(\.parentID) ?? unit.parentID,
                                  sectorID: place.map(\.sectorID) ?? unit.sectorID))
        }
        tree = UnitTree(units: nodes)
        self.units = units
    }

    var roots: [Int64] { tree.roots }
    var children: [Int64: [Int64]] { tree.children }

    func sector(of unitID: Int64) -> Int64? { tree.sector(of: unitID) }
}
