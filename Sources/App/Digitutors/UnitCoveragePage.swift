import Foundation
import HTTPServer
import Metrics
import Storage

/// One tutor of a unit as the supervisor's view lists them.
struct UnitTutorLine {
    let name: String
    let status: String
    let statusClass: String
    let hours: String
}

/// One unit of the supervisor's view: its staff, its tutors and what is wrong, if anything.
struct UnitTutorRow {
    let name: String
    let href: String
    let staff: String
    let tutors: [UnitTutorLine]
    let hasTutors: Bool
    let perTutor: String
    let note: String
    let noteClass: String
}

struct UnitTutorCoverageView {
    let crumbs: [Crumb]
    let unitName: String
    let day: String
    let staff: String
    let share: String
    let perTutor: String
    let tutorCount: String
    let rows: [UnitTutorRow]
    let uncovered: [CoverageUnitRow]
    let hasUncovered: Bool
    let fragile: [CoverageUnitRow]
    let hasFragile: Bool
    let printHref: String
}

/// A row of the printable list of units without an active tutor.
struct UncoveredPrintRow {
    let name: String
    let sector: String
    let staff: String
    let note: String
}

struct UncoveredPrintView {
    let crumbs: [Crumb]
    let subject: String
    let day: String
    let rows: [UncoveredPrintRow]
    let hasRows: Bool
    let backHref: String
}

/// Why a unit is on a coverage list.
private enum CoverageGap {
    /// No tutor at all, not even a paused one.
    case none
    /// Its only tutors are paused.
    case paused
    /// Covered today, but only by tutors ending within 60 days.
    case ending

    init?(_ tutors: UnitTutors, staff: Int) {
        guard staff > 0 else { return nil }
        if !tutors.isCovered {
            self = tutors.paused.isEmpty ? .none : .paused
        } else if tutors.hasOnlyPausedOrEnding {
            self = .ending
        } else {
            return nil
        }
    }

    var key: String {
        switch self {
        case .none: "tutors_unitcov_gap_none"
        case .paused: "tutors_unitcov_gap_paused"
        case .ending: "tutors_unitcov_gap_ending"
        }
    }
}

extension WebApp {
    /// The unit named by `:unitID`, for its supervisors (of it or a unit above it) and those who keep
    /// the organisation's tutor network; the same 404 as an unknown id for anyone else, supervisors
    /// of other units included.
    func tutorCoverageUnit(_ context: RequestContext) throws -> Stored<WorkUnit> {
        guard let unit = try units.unit(id: try context.unitID) else { throw AppError.notFound }
        try context.require(context.access.canViewUnit(unit) || keepsNetwork(unit.organisationID, context))
        return unit
    }

    /// A supervisor's view of digitutor coverage in their unit and its sub-units: the share of staff
    /// with an active tutor, people per tutor, the units with none or whose only tutor is paused or
    /// ending, and each unit's tutors with their status and office hours. Prints as it is.
    func showUnitTutorCoverage(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try tutorCoverageUnit(context)
        let strings = context.strings
        let today = CivilDay.today(settings.now())
        let facts = try tutorCoverageFacts(unit.organisationID, on: today)
        let subtree = try units.unitAndDescendantIDs(of: unit.id)
        // The unit first, then its sub-units by name; the coverage was computed for the whole
        // organisation, so tutors named above the unit with its sub-units are counted.
        let mine = facts.units.filter { subtree.contains($0.id) }
            .sorted { ($0.id == unit.id ? 0 : 1, $0.name) < ($1.id == unit.id ? 0 : 1, $1.name) }
        let group = facts.coverage.group(of: facts.staffed.filter { subtree.contains($0.id) })
        let tutorsByID = Dictionary(uniqueKeysWithValues: facts.tutors.map { ($0.tutor.id, $0) })
        let soon = today.adding(days: TutorRules.endingWarningDays).iso
        func line(_ id: Int64, paused: Bool) -> UnitTutorLine? {
            guard let tutor = tutorsByID[id] else { return nil }
            var hours = tutor.hours.map(strings.officeHour)
            if tutor.tutor.askAnytime { hours.append(strings.text("tutors_ask_anytime")) }
            let status: String, css: String
            if paused {
                (status, css) = (strings.text("tutors_status_paused"), "status-due")
            } else if let end = tutor.tutor.plannedEndOn, end <= soon {
                (status, css) = (strings.text("tutors_status_active") + ", " + strings.format("tutors_ends", ["date": strings.date(end)]),
                                 "status-due")
            } else {
                (status, css) = (strings.text("tutors_status_active"), "status-valid")
            }
            return UnitTutorLine(name: tutor.firstName + " " + tutor.lastName, status: status, statusClass: css,
                                 hours: hours.joined(separator: "; "))
        }
        let rows = mine.map { listed -> UnitTutorRow in
            let tutors = facts.coverage.tutors(of: listed.id)
            let staff = facts.staff(of: listed.id)
            let lines = tutors.active.compactMap { line($0, paused: false) } + tutors.paused.compactMap { line($0, paused: true) }
            let gap = CoverageGap(tutors, staff: staff)
            return UnitTutorRow(
                name: listed.name, href: Paths.unitTutors(listed.id), staff: strings.number(staff), tutors: lines,
                hasTutors: !lines.isEmpty,
                perTutor: tutors.active.isEmpty ? "–" : strings.decimal(Double(staff) / Double(tutors.active.count), digits: 0),
                note: gap.map { strings.text($0.key) } ?? "",
                noteClass: gap.map { $0 == .ending ? "status-due" : "status-overdue" } ?? "")
        }
        func listRow(_ listed: Stored<WorkUnit>, _ gap: CoverageGap) -> CoverageUnitRow {
            CoverageUnitRow(name: listed.name, href: Paths.unitTutors(listed.id), staff: strings.number(facts.staff(of: listed.id)),
                            note: gap == .paused ? strings.text("tutors_coverage_paused") : "")
        }
        let gaps = mine.compactMap { listed in CoverageGap(facts.coverage.tutors(of: listed.id), staff: facts.staff(of: listed.id)).map { (listed, $0) } }
        let uncovered = gaps.filter { $0.1 != .ending }.map { listRow($0.0, $0.1) }
        let fragile = gaps.filter { $0.1 == .ending }.map { listed, _ in
            CoverageUnitRow(name: listed.name, href: Paths.unitTutors(listed.id), staff: strings.number(facts.staff(of: listed.id)),
                            note: strings.text("tutors_coverage_ending"))
        }
        let title = strings.text("tutors_unitcov_title")
        return try context.render("digitutors/unit-coverage", title: title + " – " + unit.name, UnitTutorCoverageView(
            crumbs: try unitCoverageCrumbs(unit, context, then: [(Paths.unitTutors(unit.id), title)]),
            unitName: unit.name, day: strings.date(today.iso), staff: strings.number(group.staff),
            share: group.coveredShare.map(strings.percent) ?? "–",
            perTutor: group.staffPerTutor.map { strings.decimal($0, digits: 0) } ?? "–", tutorCount: strings.number(group.tutors),
            rows: rows, uncovered: uncovered, hasUncovered: !uncovered.isEmpty, fragile: fragile, hasFragile: !fragile.isEmpty,
            printHref: Paths.unitTutorsPrint(unit.id)))
    }

    /// The printable list of a unit's (and its sub-units') units without an active tutor.
    func showUnitUncoveredPrint(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try tutorCoverageUnit(context)
        let subtree = try units.unitAndDescendantIDs(of: unit.id)
        let title = context.strings.text("tutors_print_title")
        return try renderUncoveredPrint(
            organisationID: unit.organisationID, subject: unit.name, including: subtree.contains,
            crumbs: try unitCoverageCrumbs(unit, context, then: [(Paths.unitTutors(unit.id), context.strings.text("tutors_unitcov_title")),
                                                                  (Paths.unitTutorsPrint(unit.id), title)]),
            backHref: Paths.unitTutors(unit.id), context)
    }

    /// The printable list of the organisation's units without an active tutor, for HR and the coordinator.
    func showUncoveredPrint(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let strings = context.strings
        return try renderUncoveredPrint(
            organisationID: organisation.id, subject: organisation.name, including: { _ in true },
            crumbs: organisationCrumbs(organisation, strings, then: [
                (Paths.tutorNetwork(organisation.slug), strings.text("tutors_network_title")),
                (Paths.tutorCoverage(organisation.slug), strings.text("tutors_coverage_title")),
                (Paths.tutorCoveragePrint(organisation.slug), strings.text("tutors_print_title")),
            ]), backHref: Paths.tutorCoverage(organisation.slug), context)
    }

    /// Units with staff and no active tutor, then those whose only tutors are ending: name, sector,
    /// staff and why, the biggest first within each, on plain A4.
    private func renderUncoveredPrint(organisationID: Int64, subject: String, including: (Int64) -> Bool, crumbs: [Crumb],
                                      backHref: String, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let today = CivilDay.today(settings.now())
        let facts = try tutorCoverageFacts(organisationID, on: today)
        let sectorNames = Dictionary(uniqueKeysWithValues: try sectors.sectors(organisationID: organisationID).map { ($0.id, $0.name) })
        let gaps = facts.units.filter { including($0.id) }.compactMap { unit in
            CoverageGap(facts.coverage.tutors(of: unit.id), staff: facts.staff(of: unit.id)).map { (unit, $0) }
        }.sorted { first, second in
            let order = (first.1 == .ending ? 1 : 0, -facts.staff(of: first.0.id), first.0.name)
            return order < (second.1 == .ending ? 1 : 0, -facts.staff(of: second.0.id), second.0.name)
        }
        let rows = gaps.map { unit, gap in
            UncoveredPrintRow(name: unit.name, sector: unit.sectorID.flatMap { sectorNames[$0] } ?? strings.text("tutors_no_sector"),
                              staff: strings.number(facts.staff(of: unit.id)), note: strings.text(gap.key))
        }
        let title = strings.text("tutors_print_title")
        return try context.render("digitutors/uncovered-print", title: title + " – " + subject, UncoveredPrintView(
            crumbs: crumbs, subject: subject, day: strings.date(today.iso), rows: rows, hasRows: !rows.isEmpty, backHref: backHref))
    }

    /// "My units › the unit › …" for those who may open the unit's page; the organisation and its
    /// network for the network's keepers who may not (a coordinator), so no crumb leads to a 404.
    private func unitCoverageCrumbs(_ unit: Stored<WorkUnit>, _ context: RequestContext,
                                    then rest: [(String, String)]) throws -> [Crumb] {
        guard !context.access.canViewUnit(unit) else {
            let trail = [(Paths.unit(unit.id), unit.name)] + rest
            return trail.enumerated().map { Crumb(href: $1.0, label: $1.1, current: $0 == trail.count - 1) }
        }
        guard let organisation = try organisations.organisation(id: unit.organisationID) else { throw AppError.notFound }
        return organisationCrumbs(organisation, context.strings, then: [
            (Paths.tutorNetwork(organisation.slug), context.strings.text("tutors_network_title")),
            (Paths.tutorCoverage(organisation.slug), context.strings.text("tutors_coverage_title")),
        ] + rest)
    }
}
