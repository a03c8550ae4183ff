/// Which groups may be published, chosen jointly over all linked tables of a round.
///
/// 1. Primary suppression: every group with fewer respondents than the minimum is hidden.
/// 2. A quick first pass of complementary suppression over the known partitions ("whole = disjoint
///    parts"), which settles most cases cheaply (`AnonymityRule.hiddenGroups`).
/// 3. The `DisclosureAuditor` checks everything that would be published, all tables at once. While
///    it finds a determined small set, one more of the published groups that give the set away (its
///    witness) is hidden, and the audit runs again: a job-group breakdown before a unit (unit
///    dashboards are what supervisors read), and the smallest first. Hiding a group only removes a row from the published system, so
///    what can be derived only shrinks; and a set no published group touches cannot be determined,
///    so each disclosure costs at most as many rounds as groups touch it. The loop ends with an audit
///    that passed: publishing never rests on the heuristic alone.
public enum LinkedSuppression {
    /// The plan for `candidates` (groups that may be shown at all, in a fixed order), given every
    /// group's member cells and each cell's respondents.
    public static func plan<Group: Hashable & Sendable>(
        candidates: [Group], members: [Group: [Int]], cellRespondents: [Int], minimum: Int,
        partitions: [Partition<Group>], hidingOrder: (Group) -> Int = { _ in 0 }
    ) -> SuppressionPlan<Group> {
        var respondents: [Group: Int] = [:]
        for (group, cells) in members {
            respondents[group] = cells.reduce(0) { $0 + (cellRespondents.indices.contains($1) ? cellRespondents[$1] : 0) }
        }
        for group in candidates where respondents[group] == nil { respondents[group] = 0 }
        var hidden = AnonymityRule(minimumGroupSize: minimum).hiddenGroups(respondents: respondents,
                                                                           partitions: partitions)
        let auditor = DisclosureAuditor(minimum: minimum)
        let groupsOfCell = Self.groupsOfCell(candidates, members: members)
        let twins = Self.twins(candidates, members: members, cellRespondents: cellRespondents)
        var passes = 0
        while true {
            passes += 1
            let published = candidates.filter { !hidden.contains($0) }
            let audit = auditor.audit(cellRespondents: cellRespondents,
                                      published: published.map { members[$0] ?? [] })
            if audit.isSafe { return SuppressionPlan(hidden: hidden, audit: audit, passes: passes) }
            var added = false
            let rows = published.map { members[$0] ?? [] }
            let witnesses = auditor.witnesses(of: audit.disclosures, cellRespondents: cellRespondents, published: rows)
            for (disclosure, witness) in zip(audit.disclosures, witnesses) {
                // Hide the smallest group that takes part in giving the set away; when the search only
                // ran out of budget there is no witness, so the smallest group touching the region.
                let involved: [Group]
                if let witness {
                    involved = witness.map { published[$0] }
                } else {
                    let touching = Set(disclosure.cells.flatMap { groupsOfCell[$0] ?? [] })
                    involved = published.filter { touching.contains($0) }
                }
                // A group and its twins (other groups of exactly the same respondents, such as a unit
                // with one job group and that job group within it) publish the same figures, so they
                // are hidden together. The narrowest rows go first, all of the witness's at once
                // (another such row usually gives the same set away); only when none is left, the
                // smallest of the others (job groups, units, sectors, the organisation last).
                let open = involved.filter { !hidden.contains($0) }
                func order(_ group: Group) -> Int { (twins[group] ?? [group]).map(hidingOrder).max() ?? 0 }
                let narrowest = open.filter { order($0) <= 1 }
                let chosen = narrowest.isEmpty
                    ? open.min { (order($0) / 3, respondents[$0] ?? 0, order($0))
                        < (order($1) / 3, respondents[$1] ?? 0, order($1)) }.map { [$0] } ?? []
                    : narrowest
                for group in chosen {
                    for twin in twins[group] ?? [group] where hidden.insert(twin).inserted { added = true }
                }
            }
            // Cannot happen (a determined set is touched by a published group); ending here keeps
            // a mistake from looping forever, and the unsafe audit makes callers hide everything.
            if !added { return SuppressionPlan(hidden: hidden, audit: audit, passes: passes) }
        }
    }

    /// Each candidate with every candidate of exactly the same respondents (itself included).
    private static func twins<Group>(_ candidates: [Group], members: [Group: [Int]],
                                     cellRespondents: [Int]) -> [Group: [Group]] {
        var byCells: [[Int]: [Group]] = [:]
        for group in candidates {
            let cells = (members[group] ?? []).filter { cellRespondents.indices.contains($0) && cellRespondents[$0] > 0 }
            byCells[cells.sorted(), default: []].append(group)
        }
        var twins: [Group: [Group]] = [:]
        for list in byCells.values where list.count > 1 {
            for group in list { twins[group] = list }
        }
        return twins
    }

    private static func groupsOfCell<Group>(_ candidates: [Group], members: [Group: [Int]]) -> [Int: [Group]] {
        var groupsOfCell: [Int: [Group]] = [:]
        for group in candidates {
            for cell in members[group] ?? [] { groupsOfCell[cell, default: []].append(group) }
        }
        return groupsOfCell
    }
}

/// The outcome of `LinkedSuppression.plan`.
public struct SuppressionPlan<Group: Hashable & Sendable>: Sendable {
    /// Groups that must not be shown (among the candidates and the partitions' parts).
    public let hidden: Set<Group>
    /// The audit of what is left to publish.
    public let audit: DisclosureAudit
    /// How many audits it took.
    public let passes: Int

    /// Whether the final audit passed; when it did not, nothing may be published.
    public var isSafe: Bool { audit.isSafe }

    public func shows(_ group: Group) -> Bool { isSafe && !hidden.contains(group) }
}

extension AnonymityRule {
    /// The groups of a round whose figures may be shown: every showable group, suppressed jointly.
    public func figurePlan(_ groups: RoundGroups, cellRespondents: [Int]) -> SuppressionPlan<ResultGroup> {
        LinkedSuppression.plan(candidates: groups.groups.filter(\.isShowable), members: groups.members,
                               cellRespondents: cellRespondents, minimum: minimumGroupSize,
                               partitions: groups.partitions, hidingOrder: \.hidingOrder)
    }

    /// The groups whose open answers may be shown: among `offered` (groups whose figures are shown
    /// and whose page lists open answers), suppressed jointly with the open-answer threshold, as the
    /// texts of a group are its cells' texts put together and can be differenced like any sum.
    public func openAnswerPlan(_ groups: RoundGroups, cellRespondents: [Int],
                               offered: [ResultGroup]) -> SuppressionPlan<ResultGroup> {
        let threshold = max(openAnswerThreshold, minimumGroupSize)
        let offeredSet = Set(offered)
        return LinkedSuppression.plan(candidates: groups.groups.filter(offeredSet.contains), members: groups.members,
                                      cellRespondents: cellRespondents, minimum: threshold,
                                      partitions: groups.partitions.filter { offeredSet.contains($0.whole) },
                                      hidingOrder: \.hidingOrder)
    }
}
