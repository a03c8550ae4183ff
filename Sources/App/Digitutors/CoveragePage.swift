import Foundation
import HTTPServer
import Metrics
import Storage

struct CoverageSectorRow {
    let name: String
    let staff: String
    let covered: String
    let share: String
    let tutors: String
    let perTutor: String
    let none: Bool
}

struct CoverageUnitRow {
    let name: String
    let href: String
    let staff: String
    let note: String
}

struct CoverageMonthRow {
    let month: String
    let share: String
}

struct TutorCoverageView {
    let crumbs: [Crumb]
    let day: String
    let share: String
    let perTutor: String
    let sectors: [CoverageSectorRow]
    let uncovered: [CoverageUnitRow]
    let hasUncovered: Bool
    let fragile: [CoverageUnitRow]
    let hasFragile: Bool
    let trend: [CoverageMonthRow]
    let networkHref: String
    let printHref: String
    /// The help log's aggregates, with this month's top topics.
    let helpHref: String
}

extension WebApp {
    /// Digitutor coverage for HR and the coordinator: the share of staff in units with an active tutor
    /// (a parent unit's tutor counts for its sub-units only when the coordinator said so), staff per
    /// tutor by sector, sectors without any tutor, the units with none and those whose only tutor is
    /// paused or ending within 60 days, and the trend over the last twelve months. Printable as is.
    func showTutorCoverage(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let today = CivilDay.today(settings.now())
        let facts = try tutorCoverageFacts(organisation.id, on: today)
        let title = context.strings.text("tutors_coverage_title")
        // The body is the same for every keeper of the network until the facts are read again.
        let key = CacheKey(family: "tutor-coverage-page:\(organisation.id)|\(facts.builtAt.timeIntervalSince1970)",
                           version: 0, variant: today.iso)
        return try context.renderCached("digitutors/coverage", title: title + " – " + organisation.name, key: key) {
            try tutorCoverageView(organisation, facts, today: today, context)
        }
    }

    private func tutorCoverageView(_ organisation: Stored<Organisation>, _ facts: TutorCoverageFacts, today: CivilDay,
                                   _ context: RequestContext) throws -> TutorCoverageView {
        let strings = context.strings
        let (unitList, staff, staffed, network, coverage) = (facts.units, facts.staff, facts.staffed, facts.network, facts.coverage)
        func share(_ group: GroupCoverage?) -> String { group?.coveredShare.map(strings.percent) ?? "–" }
        func perTutor(_ group: GroupCoverage?) -> String { group?.staffPerTutor.map { strings.decimal($0, digits: 0) } ?? "–" }
        let names = Dictionary(uniqueKeysWithValues: unitList.map { ($0.id, $0.name) })
        let sectorRows = try sectors.sectors(organisationID: organisation.id).map { sector in
            let group = coverage.sectors[sector.id]
            return CoverageSectorRow(name: sector.name, staff: strings.number(group?.staff ?? 0),
                                     covered: strings.number(group?.coveredStaff ?? 0), share: share(group),
                                     tutors: strings.number(group?.tutors ?? 0), perTutor: perTutor(group),
                                     none: coverage.sectorsWithoutTutor.contains(sector.id))
        }
        func unitRow(_ id: Int64, note: String) -> CoverageUnitRow {
            CoverageUnitRow(name: names[id] ?? "", href: Paths.unitTutors(id), staff: strings.number(staff[id] ?? 0), note: note)
        }
        let uncovered = coverage.uncovered.sorted { (staff[$0] ?? 0) > (staff[$1] ?? 0) }
            .map { unitRow($0, note: coverage.tutors(of: $0).paused.isEmpty ? "" : strings.text("tutors_coverage_paused")) }
        let fragile = coverage.onlyPausedOrEnding.filter { coverage.tutors(of: $0).isCovered }
            .sorted { (staff[$0] ?? 0) > (staff[$1] ?? 0) }.map { unitRow($0, note: strings.text("tutors_coverage_ending")) }
        let months = (0..<12).reversed().map { back -> CivilDay in
            let first = CivilDay(year: today.year, month: today.month, day: 1) ?? today
            return first.adding(months: -back)
        }
        let trend = TutorRules.coverageTrend(months: months, units: staffed, network: network).map { point in
            CoverageMonthRow(month: "\(point.day.month)/\(point.day.year)",
                             share: point.coveredShare.map(strings.percent) ?? "–")
        }
        let title = strings.text("tutors_coverage_title")
        return TutorCoverageView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.tutorNetwork(organisation.slug), strings.text("tutors_network_title")),
                                                                     (Paths.tutorCoverage(organisation.slug), title)]),
            day: strings.date(today.iso), share: share(coverage.organisation), perTutor: perTutor(coverage.organisation),
            sectors: sectorRows, uncovered: uncovered, hasUncovered: !uncovered.isEmpty, fragile: fragile,
            hasFragile: !fragile.isEmpty, trend: trend, networkHref: Paths.tutorNetwork(organisation.slug),
            printHref: Paths.tutorCoveragePrint(organisation.slug), helpHref: Paths.tutorHelp(organisation.slug))
    }

    static func standing(_ status: TutorStatus) -> TutorStanding {
        switch status {
        case .active: .active
        case .paused: .paused
        case .ended: .ended
        }
    }
}
