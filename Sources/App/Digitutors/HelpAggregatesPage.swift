import Foundation
import HTTPServer
import Metrics
import Storage

/// A row of sessions and minutes (a topic, a month, a channel).
struct HelpTallyRow {
    let label: String
    let sessions: String
    let minutes: String
}

/// A unit's row of the unit × month table: a figure per month, or a dash where it is hidden.
struct HelpUnitRow {
    let name: String
    let cells: [String]
}

/// A training of the catalogue in a top topic's area.
struct HelpTrainingLink {
    let title: String
    let href: String
}

/// One of this month's top topics with the trainings in its area.
struct TopTopicView {
    let rank: String
    let topic: String
    let sessions: String
    let trainings: [HelpTrainingLink]
    let hasTrainings: Bool
    /// Why there are no trainings to show: the topic names no area, or the catalogue has none in it.
    let noTrainings: String
}

struct HelpAggregatesView {
    let crumbs: [Crumb]
    let periodAction: String
    let periods: [SelectOption]
    /// The sector whose units the unit × month table shows (a large organisation has thousands).
    let sectors: [SelectOption]
    let hasSectors: Bool
    let periodText: String
    let total: String
    let hasEntries: Bool
    let topTopics: [TopTopicView]
    let hasTopTopics: Bool
    let monthName: String
    let byTopic: [HelpTallyRow]
    let byMonth: [HelpTallyRow]
    let byChannel: [HelpTallyRow]
    let monthColumns: [String]
    let units: [HelpUnitRow]
    let hasUnits: Bool
    let hiddenNote: String
    let networkHref: String
    let topicsHref: String
}

extension WebApp {
    /// The periods the aggregates page offers, in months back from this one (this month included).
    static let helpPeriods = [1, 3, 6, 12, 24]

    /// The help log as the coordinator and HR see it: sessions and minutes per topic, month and
    /// channel organisation-wide, per unit (with its sub-units) and month only through the anonymity
    /// rule, and this month's top topics next to the catalogue's trainings in them. Never a person.
    ///
    /// The body is shared by the network's keepers while the help log, the network's topics and the
    /// trainings are unchanged, and for a minute at most: rendering a sector's unit × month table
    /// took most of 18 ms even with the figures cached.
    func showHelpAggregates(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let today = CivilDay.today(settings.now())
        let stamps = [try tutorStore.helpLogVersion(), try tutorStore.version(), try trainingReports.version()]
        let key = CacheKey(family: "help-aggregates:\(organisation.id)|" + stamps.joined(separator: "|"),
                           version: Int(Date().timeIntervalSince1970 / 60),
                           variant: "\(request.queryValue("months") ?? "")|\(request.queryValue("sector") ?? "")|\(today.iso)")
        let title = context.strings.text("tutors_help_aggregates_title")
        return try context.renderCached("digitutors/help-aggregates", title: title + " – " + organisation.name, key: key) {
            try helpAggregatesView(request, organisation, context)
        }
    }

    private func helpAggregatesView(_ request: Request, _ organisation: Stored<Organisation>,
                                    _ context: RequestContext) throws -> HelpAggregatesView {
        let strings = context.strings
        let language = strings.language.rawValue
        let today = CivilDay.today(settings.now())
        let months = request.queryValue("months").flatMap(Int.init).flatMap { Self.helpPeriods.contains($0) ? $0 : nil } ?? 12
        let first = today.firstDayOfMonth.adding(months: -(months - 1))
        let unitList = try units.units(organisationID: organisation.id)
        let sectorList = try sectors.sectors(organisationID: organisation.id)
        // The unit table shows one sector's units: the chosen one, or the first. An id that is not
        // one of the organisation's sectors names nothing.
        let sector: Stored<Sector>?
        if let chosen = request.queryValue("sector"), !chosen.isEmpty {
            guard let found = sectorList.first(where: { String($0.id) == chosen }) else { throw AppError.notFound }
            sector = found
        } else {
            sector = sectorList.first
        }
        let topics = try tutorStore.topics(organisationID: organisation.id, includeRetired: true)
        let topicNames = Dictionary(uniqueKeysWithValues: topics.map { (String($0.id), $0.name.text(language)) })
        let rule = AnonymityRule()
        let data = try helpAggregatesCache.data(organisationID: organisation.id, from: first.iso, to: today.iso,
                                                version: try tutorStore.helpLogVersion()) {
            // The store counts the entries per month, topic, channel and unit; the rules decide what of
            // it may be shown. Topics travel as their ids, named only for the page. A year has a dozen
            // months and a few topics, so each is made once, not once per count.
            var monthDays: [Int: CivilDay] = [:]
            var topicKeys: [Int64: String] = [:]
            let counts = try tutorStore.helpLogCounts(organisationID: organisation.id, from: first.iso, to: today.iso)
                .compactMap { count -> HelpCount? in
                    let monthKey = count.year * 100 + count.month
                    if monthDays[monthKey] == nil { monthDays[monthKey] = CivilDay(year: count.year, month: count.month, day: 1) }
                    guard let month = monthDays[monthKey] else { return nil }
                    let topic = topicKeys[count.topicID] ?? String(count.topicID)
                    topicKeys[count.topicID] = topic
                    return HelpCount(month: month, topic: topic, channel: count.channel.rawValue,
                                     unitID: count.unitID, tally: HelpTally(sessions: count.sessions, minutes: count.minutes))
                }
            let units = unitList.map { UnitNode(id: $0.id, parentID: $0.parentID, sectorID: $0.sectorID) }
            return HelpAggregatesData(aggregates: TutorRules.helpAggregates(counts: counts, units: units, rule: rule),
                                      byChannel: TutorRules.helpByChannel(counts: counts),
                                      topTopics: TutorRules.topTopics(counts: counts, month: today, limit: 5))
        }
        let aggregates = data.aggregates
        func row(_ label: String, _ tally: HelpTally?) -> HelpTallyRow {
            HelpTallyRow(label: label, sessions: strings.number(tally?.sessions ?? 0), minutes: strings.number(tally?.minutes ?? 0))
        }
        let periodMonths = (0..<months).map { first.adding(months: $0) }
        func monthLabel(_ month: CivilDay) -> String { "\(month.month)/\(month.year)" }
        // Organisation-wide figures describe no one, so a month without help shows as 0 here.
        let byMonth = periodMonths.map { row(monthLabel($0), aggregates.byMonth[$0]) }
        let byTopic = aggregates.byTopic.map { row(topicNames[$0.topic] ?? "", $0.tally) }
        let byChannel = data.byChannel.map { row(strings.text("tutors_channel_" + $0.topic), $0.tally) }
        // The sector's units in tree order, each with a figure per month where the rule shows one and
        // a dash where it does not (never a 0); units with nothing to show in the period are left out.
        var unitRows: [HelpUnitRow] = []
        let inSector = unitList.filter { sector != nil && $0.sectorID == sector?.id }
        let sectorIDs = Set(inSector.map(\.id))
        let children = Dictionary(grouping: inSector.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 })
        func walk(_ unit: Stored<WorkUnit>, depth: Int) {
            let cells = periodMonths.map { month in aggregates.unit(unit.id, month: month).map { strings.number($0.sessions) } ?? "–" }
            if cells.contains(where: { $0 != "–" }) {
                unitRows.append(HelpUnitRow(name: String(repeating: "– ", count: depth) + unit.name, cells: cells))
            }
            for child in (children[unit.id] ?? []).sorted(by: { $0.name < $1.name }) { walk(child, depth: depth + 1) }
        }
        for root in inSector.filter({ !sectorIDs.contains($0.parentID ?? 0) }).sorted(by: { $0.name < $1.name }) {
            walk(root, depth: 0)
        }
        let top = data.topTopics
        let areaOf = Dictionary(uniqueKeysWithValues: topics.map { (String($0.id), $0.areaCode) })
        let areaTrainings = Dictionary(grouping: try tutorStore.trainings(
            visibleTo: organisation.id, inAreas: Set(top.compactMap { areaOf[$0.topic] ?? nil })), by: \.areaCode)
        let topTopics = top.enumerated().map { index, help -> TopTopicView in
            let area = areaOf[help.topic] ?? nil
            let trainings = area.flatMap { areaTrainings[$0] }?.map {
                HelpTrainingLink(title: $0.title.text(language), href: Paths.training($0.trainingID))
            } ?? []
            return TopTopicView(rank: String(index + 1), topic: topicNames[help.topic] ?? "",
                                sessions: strings.format("tutors_help_sessions", ["sessions": strings.number(help.tally.sessions)]),
                                trainings: trainings, hasTrainings: !trainings.isEmpty,
                                noTrainings: strings.text(area == nil ? "tutors_help_no_area" : "tutors_help_no_trainings"))
        }
        let total = aggregates.byMonth.values.reduce(HelpTally()) { var sum = $0; sum.add($1); return sum }
        let title = strings.text("tutors_help_aggregates_title")
        return HelpAggregatesView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.tutorNetwork(organisation.slug), strings.text("tutors_network_title")),
                                                                     (Paths.tutorHelp(organisation.slug), title)]),
            periodAction: Paths.tutorHelp(organisation.slug),
            periods: Self.helpPeriods.map {
                SelectOption(value: String($0), label: strings.format("tutors_help_period_months", ["months": String($0)]),
                             selected: $0 == months)
            },
            sectors: sectorList.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == sector?.id) },
            hasSectors: !sectorList.isEmpty,
            periodText: strings.format("tutors_help_period", ["from": strings.date(first.iso), "to": strings.date(today.iso)]),
            total: strings.format("tutors_help_total", ["sessions": strings.number(total.sessions), "minutes": strings.number(total.minutes)]),
            hasEntries: total.sessions > 0, topTopics: topTopics, hasTopTopics: !topTopics.isEmpty, monthName: monthLabel(today),
            byTopic: byTopic, byMonth: byMonth, byChannel: byChannel, monthColumns: periodMonths.map(monthLabel),
            units: unitRows, hasUnits: !unitRows.isEmpty,
            hiddenNote: strings.format("tutors_help_hidden_note", ["minimum": String(rule.minimumGroupSize)]),
            networkHref: Paths.tutorNetwork(organisation.slug), topicsHref: Paths.tutorTopics(organisation.slug))
    }
}
