/// The groups the help log's unit figures are checked as, for one month.
enum HelpGroup: Hashable, Sendable {
    /// Always shown: organisation-wide figures describe no one.
    case organisation
    /// A unit with its sub-units.
    case unit(Int64)
    /// Entries logged for the unit itself: a part, never shown.
    case ownEntries(Int64)
    /// Entries logged for units not in the tree: a part of the organisation, never shown.
    case outsideTree
}

extension TutorRules {
    /// The help log's figures:
    ///
    /// - per topic and per month, organisation-wide, always shown (entries name no one, and a topic
    ///   says nothing of a person); entries of units not in `units` count here;
    /// - per unit with its sub-units and month, shown only when the anonymity rule allows, with help
    ///   sessions in place of respondents: every figure below `rule.minimumGroupSize` sessions (a
    ///   month with none included) is hidden, and `rule.hiddenGroups` adds complementary suppression
    ///   over each month's partitions (the organisation as its top units and the units outside the
    ///   tree; each unit as its own entries and its sub-units), so no hidden figure can be worked out
    ///   from a parent and its siblings. The organisation's figure is treated as shown even when
    ///   small, so suppression protects against subtracting from it. Minutes go with their sessions.
    public static func helpAggregates(entries: [HelpEntry], units: [UnitNode], rule: AnonymityRule) -> HelpAggregates {
        helpAggregates(counts: HelpCount.counting(entries), units: units, rule: rule)
    }

    /// The same figures from entries already counted per month, topic, channel and unit (as the
    /// database groups a year of them): the rule is the one above, applied to the same totals.
    public static func helpAggregates(counts: [HelpCount], units: [UnitNode], rule: AnonymityRule) -> HelpAggregates {
        let tree = UnitTree(units: units)
        var topics: [String: HelpTally] = [:]
        var months: [CivilDay: HelpTally] = [:]
        var ownEntries: [CivilDay: [Int64: HelpTally]] = [:]
        var outsideTree: [CivilDay: HelpTally] = [:]
        for count in counts {
            let month = count.month.firstDayOfMonth
            topics[count.topic, default: HelpTally()].add(count.tally)
            months[month, default: HelpTally()].add(count.tally)
            if tree.contains(count.unitID) {
                ownEntries[month, default: [:]][count.unitID, default: HelpTally()].add(count.tally)
            } else {
                outsideTree[month, default: HelpTally()].add(count.tally)
            }
        }
        var byUnitMonth: [UnitMonth: HelpTally] = [:]
        for (month, own) in ownEntries {
            let shown = shownUnits(own: own, outsideTree: outsideTree[month]?.sessions ?? 0, tree: tree, rule: rule)
            for (unitID, tally) in shown { byUnitMonth[UnitMonth(unitID: unitID, month: month)] = tally }
        }
        return HelpAggregates(byTopic: ranked(topics), months: months.keys.sorted(), byMonth: months,
                              byUnitMonth: byUnitMonth)
    }

    /// The `limit` topics with the most help sessions in the month containing `month`, most first
    /// (ties: more minutes, then by topic). Organisation-wide, so always shown.
    public static func topTopics(entries: [HelpEntry], month: CivilDay, limit: Int) -> [TopicHelp] {
        guard limit > 0 else { return [] }
        let first = month.firstDayOfMonth
        var topics: [String: HelpTally] = [:]
        for entry in entries where entry.day.firstDayOfMonth == first {
            topics[entry.topic, default: HelpTally()].add(entry)
        }
        return Array(ranked(topics).prefix(limit))
    }

    static func ranked(_ topics: [String: HelpTally]) -> [TopicHelp] {
        topics.map { TopicHelp(topic: $0.key, tally: $0.value) }.sorted {
            ($1.tally.sessions, $1.tally.minutes, $0.topic) < ($0.tally.sessions, $0.tally.minutes, $1.topic)
        }
    }

    /// One month's unit figures (with sub-units) that may be shown, from each unit's own entries.
    static func shownUnits(own: [Int64: HelpTally], outsideTree: Int, tree: UnitTree,
                           rule: AnonymityRule) -> [Int64: HelpTally] {
        var totals: [Int64: HelpTally] = [:]
        for (unitID, tally) in own {
            for ancestor in tree.selfAndAncestors(of: unitID) { totals[ancestor, default: HelpTally()].add(tally) }
        }
        var sessions: [HelpGroup: Int] = [.outsideTree: outsideTree]
        let organisation = totals.values.reduce(outsideTree) { $0 + $1.sessions }
        // Never hidden by size: the organisation's figures are public (see `helpAggregates`).
        sessions[.organisation] = max(organisation, rule.minimumGroupSize)
        for (unitID, tally) in totals { sessions[.unit(unitID)] = tally.sessions }
        for (unitID, tally) in own { sessions[.ownEntries(unitID)] = tally.sessions }
        // Units without entries below them are empty parts and change nothing, so they are left out.
        var partitions = [Partition<HelpGroup>(
            whole: .organisation,
            parts: tree.roots.filter { totals[$0] != nil }.map(HelpGroup.unit) + [.outsideTree])]
        for unitID in tree.bottomUp where totals[unitID] != nil {
            let children = (tree.children[unitID] ?? []).filter { totals[$0] != nil }
            partitions.append(Partition(whole: .unit(unitID), parts: [.ownEntries(unitID)] + children.map(HelpGroup.unit)))
        }
        let hidden = rule.hiddenGroups(respondents: sessions, partitions: partitions)
        return totals.filter { !hidden.contains(.unit($0.key)) }
    }
}

extension TutorRules {
    /// What a unit's help log says to its people's development discussions: the topics tutors helped
    /// with most, by name only and most first, or nil when the unit's sessions in the period are fewer
    /// than the rule's minimum group (then even the topics would say too much about a few people's
    /// questions). No counts are given, so nothing can be subtracted from another figure.
    public static func unitHelpTopics(sessionsByTopic: [String: Int], rule: AnonymityRule, limit: Int) -> [String]? {
        let total = sessionsByTopic.values.reduce(0, +)
        guard rule.showsFigures(respondents: total), limit > 0 else { return nil }
        return sessionsByTopic.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }
}
