/// Target level (tavoitetaso) choice: the most specific of job group, then sector, then everyone.
public struct TargetLevel: Sendable, Equatable {
    /// The sector the level applies to; nil for every sector.
    public let sectorID: Int64?
    /// The job group the level applies to; nil for every job group.
    public let jobGroup: String?
    /// The target score.
    public let level: Double

    /// A target `level` for a sector, a job group, both, or (both nil) everyone.
    public init(sectorID: Int64?, jobGroup: String?, level: Double) {
        self.sectorID = sectorID
        self.jobGroup = jobGroup
        self.level = level
    }

    /// The level for a group; pass nil for sector/job group to get the everyone-level (a group
    /// spanning several sectors gets the everyone-level). nil when no level applies.
    public static func resolve(_ levels: [TargetLevel], sectorID: Int64?, jobGroup: String?) -> Double? {
        let applicable = levels.filter { $0.applies(sectorID: sectorID, jobGroup: jobGroup) }
        // First of the most specific wins, so the result does not depend on anything but input order.
        let best = applicable.enumerated().max { left, right in
            left.element.specificity != right.element.specificity
                ? left.element.specificity < right.element.specificity : left.offset > right.offset
        }
        return best?.element.level
    }

    /// Job group outranks sector: 3 for both, 2 for job group only, 1 for sector only, 0 for everyone.
    var specificity: Int {
        (jobGroup == nil ? 0 : 2) + (sectorID == nil ? 0 : 1)
    }

    /// Whether every condition this level sets is met by the group.
    func applies(sectorID groupSector: Int64?, jobGroup groupJobGroup: String?) -> Bool {
        if let sectorID, sectorID != groupSector { return false }
        if let jobGroup, jobGroup != groupJobGroup { return false }
        return true
    }
}
