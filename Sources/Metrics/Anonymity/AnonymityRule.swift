/// The anonymity rules, in one place.
public struct AnonymityRule: Sendable, Equatable {
    /// The fewest respondents a group may have for its figures to be shown (default 5).
    public let minimumGroupSize: Int
    /// The fewest respondents a group may have for its open answers to be shown (default 10).
    public let openAnswerThreshold: Int

    /// Rules with the given thresholds.
    public init(minimumGroupSize: Int = 5, openAnswerThreshold: Int = 10) {
        self.minimumGroupSize = minimumGroupSize
        self.openAnswerThreshold = openAnswerThreshold
    }

    /// Whether a group of this size may have its figures shown: respondents >= minimumGroupSize.
    public func showsFigures(respondents: Int) -> Bool {
        respondents >= minimumGroupSize
    }

    /// Whether a group of this size may have its open answers shown: at or above both thresholds.
    public func showsOpenAnswers(respondents: Int) -> Bool {
        respondents >= openAnswerThreshold && showsFigures(respondents: respondents)
    }

    /// The groups whose figures must not be shown: every group below the minimum, plus complementary
    /// suppression so no hidden group can be recovered by subtracting shown parts from a shown whole,
    /// or by adding shown parts up to a hidden whole. Groups absent from `respondents` count as 0.
    public func hiddenGroups<Group>(respondents: [Group: Int], partitions: [Partition<Group>]) -> Set<Group> {
        var suppression = Suppression(rule: self, respondents: respondents)
        for partition in partitions {
            suppression.hideIfSmall(partition.whole)
            partition.parts.forEach { suppression.hideIfSmall($0) }
        }
        // Every pass that changes anything hides one more group, and groups are finite, so this ends.
        var changed = true
        while changed {
            changed = false
            for partition in partitions where suppression.protect(partition) {
                changed = true
            }
        }
        return suppression.hidden
    }
}

/// The working state of `AnonymityRule.hiddenGroups`.
private struct Suppression<Group: Hashable & Sendable> {
    let rule: AnonymityRule
    let respondents: [Group: Int]
    var hidden: Set<Group>

    init(rule: AnonymityRule, respondents: [Group: Int]) {
        self.rule = rule
        self.respondents = respondents
        hidden = Set(respondents.filter { !rule.showsFigures(respondents: $0.value) }.keys)
    }

    func size(_ group: Group) -> Int { respondents[group] ?? 0 }

    mutating func hideIfSmall(_ group: Group) {
        if !rule.showsFigures(respondents: size(group)) { hidden.insert(group) }
    }

    /// Hides one more group if the partition gives a hidden group away; returns whether it did.
    mutating func protect(_ partition: Partition<Group>) -> Bool {
        hidden.contains(partition.whole) ? protectHiddenWhole(partition) : protectShownWhole(partition)
    }

    /// Whole minus shown parts is the sum of the hidden parts: that sum must be 0 or a shown-sized group.
    private mutating func protectShownWhole(_ partition: Partition<Group>) -> Bool {
        let hiddenSum = partition.parts.filter { hidden.contains($0) }.reduce(0) { $0 + max(0, size($1)) }
        guard hiddenSum > 0, !rule.showsFigures(respondents: hiddenSum) else { return false }
        if let part = smallestShownPart(of: partition) {
            hidden.insert(part)
        } else {
            hidden.insert(partition.whole)
        }
        return true
    }

    /// Shown parts that cover every member would add up to the hidden whole.
    private mutating func protectHiddenWhole(_ partition: Partition<Group>) -> Bool {
        let nonEmpty = partition.parts.filter { size($0) > 0 }
        guard !nonEmpty.isEmpty, nonEmpty.allSatisfy({ !hidden.contains($0) }),
            let part = smallestShownPart(of: partition)
        else { return false }
        hidden.insert(part)
        return true
    }

    /// The shown, non-empty part with the fewest respondents; the first in `parts` order on ties.
    private func smallestShownPart(of partition: Partition<Group>) -> Group? {
        var best: Group?
        for part in partition.parts where !hidden.contains(part) && size(part) > 0 {
            if let current = best, size(current) <= size(part) { continue }
            best = part
        }
        return best
    }
}
