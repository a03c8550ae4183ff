/// A group that is exactly the disjoint union of its parts (e.g. a unit = its own staff + each
/// sub-unit; an organisation = its sectors). Callers must include a part for members not in any
/// named part (e.g. a unit's own staff), or the union is not exact.
public struct Partition<Group: Hashable & Sendable>: Sendable {
    /// The group made of the parts.
    public let whole: Group
    /// The disjoint groups whose union is the whole.
    public let parts: [Group]

    /// The partition of `whole` into `parts`.
    public init(whole: Group, parts: [Group]) {
        self.whole = whole
        self.parts = parts
    }
}
