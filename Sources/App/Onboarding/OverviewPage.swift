import Foundation
import HTTPServer
import Metrics
import Storage

/// One line of HR's overview: a sector or a unit and its checklists' progress.
struct OverviewRow {
    let name: String
    let checklists: String
    let completed: String
    let withOverdue: String
    let percentDone: String
    let averageDays: String
}

struct LateItemRow {
    let title: String
    let late: String
}

struct OnboardingOverviewView {
    let crumbs: [Crumb]
    let period: String
    let total: OverviewRow
    let sectors: [OverviewRow]
    let units: [OverviewRow]
    let hasChecklists: Bool
    let late: [LateItemRow]
    let hasLate: Bool
    let templatesHref: String
}

extension WebApp {
    /// How far back HR's overview reaches.
    static let onboardingOverviewMonths = 12

    /// HR's overview: the last year's checklists by sector and unit (progress, completed, with
    /// overdue items, average days to complete) and the items most often late.
    ///
    /// The body is kept until this process commits anything and for a minute at most (what other
    /// processes write, a command-line import): counting every checklist of a large organisation took
    /// most of a second.
    func showOnboardingOverview(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let today = CivilDay.today(settings.now())
        let key = CacheKey(family: "onboarding-overview:\(organisation.id)|\(database.commitCount)",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: today.iso)
        return try context.renderCached("onboarding/overview", title: context.strings.text("onboarding_overview_title"), key: key) {
            try onboardingOverviewView(organisation, today: today, context)
        }
    }

    private func onboardingOverviewView(_ organisation: Stored<Organisation>, today: CivilDay,
                                        _ context: RequestContext) throws -> OnboardingOverviewView {
        let strings = context.strings
        let from = today.adding(months: -Self.onboardingOverviewMonths)
        let counts = try onboardingStore.overviewCounts(organisationID: organisation.id, startingFrom: from.iso, today: today.iso)
        let facts = counts.map { count in
            (count, OnboardingChecklistFacts(start: CivilDay(iso: count.startDate) ?? today, items: count.items, done: count.done,
                                             overdue: count.overdue, requiredOpen: count.requiredOpen,
                                             lastRequiredDone: count.lastRequiredDone.flatMap(CivilDay.init(iso:))))
        }
        func row(_ name: String, _ group: [OnboardingChecklistFacts]) -> OverviewRow {
            let tally = OnboardingTally(group)
            return OverviewRow(name: name, checklists: strings.number(tally.checklists), completed: strings.number(tally.completed),
                               withOverdue: strings.number(tally.withOverdue),
                               percentDone: tally.percentDone.map { strings.number($0) + " %" } ?? "–",
                               averageDays: tally.averageDaysToComplete.map { strings.number(Int($0.rounded())) } ?? "–")
        }
        let sectorNames = Dictionary(try sectors.sectors(organisationID: organisation.id).map { ($0.id, $0.name) },
                                     uniquingKeysWith: { first, _ in first })
        let unitNames = Dictionary(try units.units(organisationID: organisation.id).map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        let none = strings.text("onboarding_no_sector")
        let bySector = Dictionary(grouping: facts, by: { $0.0.sectorID })
            .map { (name: $0.key.flatMap { sectorNames[$0] } ?? none, facts: $0.value.map(\.1)) }
            .sorted { $0.name < $1.name }
        let byUnit = Dictionary(grouping: facts, by: { $0.0.unitID })
            .map { (name: $0.key.flatMap { unitNames[$0] } ?? none, facts: $0.value.map(\.1)) }
            .sorted { $0.name < $1.name }
        let language = strings.language.rawValue
        let late = try onboardingStore.mostOftenLate(organisationID: organisation.id, startingFrom: from.iso, today: today.iso).map {
            LateItemRow(title: $0.title.text(language),
                        late: strings.format("onboarding_late_count", ["late": strings.number($0.late), "items": strings.number($0.items)]))
        }
        let title = strings.text("onboarding_overview_title")
        return OnboardingOverviewView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.onboardingOverview(organisation.slug), title)]),
            period: strings.format("onboarding_overview_period", ["date": strings.date(from.iso)]),
            total: row(strings.text("onboarding_overview_all"), facts.map(\.1)),
            sectors: bySector.map { row($0.name, $0.facts) }, units: byUnit.map { row($0.name, $0.facts) },
            hasChecklists: !facts.isEmpty, late: late, hasLate: !late.isEmpty,
            templatesHref: Paths.onboardingTemplates(organisation.slug))
    }
}
