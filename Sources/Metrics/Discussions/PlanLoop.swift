/// Closing the loop for a group (a unit with its sub-units, or the organisation): which competence
/// areas people chose in their development plans, and how many of them then completed training in
/// that area. A group is shown only when at least the anonymity rule's minimum of people in it have a
/// plan, so a figure never stands for one or two people; within a shown group the figures count
/// people, as a survey's distribution does. The areas' change between two anonymous rounds comes
/// from the rounds' published (already suppressed) figures, not from here.
public struct PlanLoop: Sendable, Equatable {
    /// One person's plan: the areas of its goals and the day it was agreed.
    public struct Plan: Sendable, Equatable {
        public let employeeID: Int64
        public let areaCodes: Set<String>
        /// `YYYY-MM-DD`.
        public let agreedOn: String

        public init(employeeID: Int64, areaCodes: Set<String>, agreedOn: String) {
            self.employeeID = employeeID
            self.areaCodes = areaCodes
            self.agreedOn = agreedOn
        }
    }

    /// A completed training of someone in the group, with the areas it develops.
    public struct Completion: Sendable, Equatable {
        public let employeeID: Int64
        public let areaCodes: Set<String>
        public let completedOn: String

        public init(employeeID: Int64, areaCodes: Set<String>, completedOn: String) {
            self.employeeID = employeeID
            self.areaCodes = areaCodes
            self.completedOn = completedOn
        }
    }

    /// One area chosen in plans.
    public struct Area: Sendable, Equatable {
        public let code: String
        /// People whose plan has a goal in the area.
        public let chosenBy: Int
        /// Of them, people who completed a training in the area after their plan was agreed.
        public let trained: Int
        /// Trainings in the area they completed after their plans.
        public let trainings: Int
    }

    /// People in the group with a plan.
    public let people: Int
    /// The areas chosen, most chosen first (ties by code).
    public let areas: [Area]

    /// Nil when fewer than the rule's minimum of people have a plan: nothing about the group is shown.
    public init?(plans: [Plan], completions: [Completion], rule: AnonymityRule) {
        // One plan per person: the newest, if someone had two in the period.
        var latest: [Int64: Plan] = [:]
        for plan in plans where latest[plan.employeeID].map({ $0.agreedOn < plan.agreedOn }) ?? true {
            latest[plan.employeeID] = plan
        }
        guard rule.showsFigures(respondents: latest.count) else { return nil }
        let done = Dictionary(grouping: completions, by: \.employeeID)
        var chosen: [String: (people: Int, trained: Int, trainings: Int)] = [:]
        for plan in latest.values {
            let after = (done[plan.employeeID] ?? []).filter { $0.completedOn >= plan.agreedOn }
            for code in plan.areaCodes {
                let inArea = after.filter { $0.areaCodes.contains(code) }.count
                var tally = chosen[code] ?? (0, 0, 0)
                tally.people += 1
                tally.trained += inArea > 0 ? 1 : 0
                tally.trainings += inArea
                chosen[code] = tally
            }
        }
        people = latest.count
        areas = chosen.map { Area(code: $0.key, chosenBy: $0.value.people, trained: $0.value.trained, trainings: $0.value.trainings) }
            .sorted { ($0.chosenBy, $1.code) > ($1.chosenBy, $0.code) }
    }
}

extension PlanLoop {
    /// A group the loop's figures may describe: a unit with its sub-units, the plans made in a unit
    /// itself, plans made outside the unit tree, or the organisation.
    enum Group: Hashable, Sendable {
        case organisation
        case outsideTree
        case unit(Int64)
        case own(Int64)
    }

    /// The units whose loop may be shown: at least the rule's minimum of people with a plan in the
    /// unit and its sub-units, with complementary suppression over the tree (a unit as its own plans
    /// and its sub-units, the organisation as its top units), so that no hidden group's figures —
    /// how many chose an area, how many then trained — can be had by subtracting shown ones, as a
    /// supervisor who sees a unit and its sub-unit could otherwise.
    /// - Parameter people: people with a plan, by the unit their discussion was opened in.
    public static func shownUnits(people: [Int64: Int], outsideTree: Int, units: [UnitNode], rule: AnonymityRule) -> Set<Int64> {
        let tree = UnitTree(units: units)
        var totals: [Int64: Int] = [:]
        var outside = outsideTree
        for (unitID, count) in people {
            guard tree.contains(unitID) else {
                outside += count
                continue
            }
            for ancestor in tree.selfAndAncestors(of: unitID) { totals[ancestor, default: 0] += count }
        }
        var sizes: [Group: Int] = [.outsideTree: outside]
        sizes[.organisation] = totals.filter { tree.roots.contains($0.key) }.values.reduce(outside, +)
        for (unitID, count) in totals { sizes[.unit(unitID)] = count }
        for (unitID, count) in people where tree.contains(unitID) { sizes[.own(unitID)] = count }
        var partitions = [Partition<Group>(whole: .organisation,
                                           parts: tree.roots.filter { totals[$0] != nil }.map(Group.unit) + [.outsideTree])]
        for unitID in tree.bottomUp where totals[unitID] != nil {
            let children = (tree.children[unitID] ?? []).filter { totals[$0] != nil }
            partitions.append(Partition(whole: .unit(unitID), parts: [.own(unitID)] + children.map(Group.unit)))
        }
        let hidden = rule.hiddenGroups(respondents: sizes, partitions: partitions)
        return Set(totals.keys.filter { !hidden.contains(.unit($0)) })
    }
}
