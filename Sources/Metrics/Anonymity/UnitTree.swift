/// A unit as the anonymity rule sees it: its place in the tree and its sector.
public struct UnitNode: Hashable, Sendable {
    public let id: Int64
    public let parentID: Int64?
    public let sectorID: Int64?

    public init(id: Int64, parentID: Int64?, sectorID: Int64?) {
        self.id = id
        self.parentID = parentID
        self.sectorID = sectorID
    }
}

/// An organisation's units as a tree (as it was when a round opened). Children and roots keep the
/// order the units were given in, so callers decide the display order (by name, say).
public struct UnitTree: Sendable {
    public let nodes: [Int64: UnitNode]
    public let children: [Int64: [Int64]]
    /// Units whose parent is not in the tree.
    public let roots: [Int64]
    /// Every unit with itself and its ancestors.
    private let ancestors: [Int64: [Int64]]

    public init(units: [UnitNode]) {
        var nodes: [Int64: UnitNode] = [:]
        for unit in units { nodes[unit.id] = unit }
        var children: [Int64: [Int64]] = [:]
        var roots: [Int64] = []
        for unit in units where nodes[unit.id] == unit {
            if let parent = unit.parentID, parent != unit.id, nodes[parent] != nil {
                children[parent, default: []].append(unit.id)
            } else {
                roots.append(unit.id)
            }
        }
        var ancestors: [Int64: [Int64]] = [:]
        for id in nodes.keys {
            var chain: [Int64] = [id]
            var current = nodes[id]?.parentID
            // A cycle (which the database refuses anyway) ends the walk instead of looping.
            while let parent = current, nodes[parent] != nil, !chain.contains(parent) {
                chain.append(parent)
                current = nodes[parent]?.parentID
            }
            ancestors[id] = chain
        }
        self.nodes = nodes
        self.children = children
        self.roots = roots
        self.ancestors = ancestors
    }

    public func contains(_ unitID: Int64) -> Bool { nodes[unitID] != nil }

    public func sector(of unitID: Int64) -> Int64? { nodes[unitID]?.sectorID }

    /// The unit itself and its ancestors up to its root.
    public func selfAndAncestors(of unitID: Int64) -> [Int64] { ancestors[unitID] ?? [] }

    /// Whether `unitID` is `ancestorID` or below it.
    public func isWithin(_ unitID: Int64, _ ancestorID: Int64) -> Bool {
        ancestors[unitID]?.contains(ancestorID) ?? false
    }

    /// Units in post-order (children before parents), so totals can be added up in one pass.
    public var bottomUp: [Int64] {
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
}
