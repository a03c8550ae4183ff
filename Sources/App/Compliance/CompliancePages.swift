import Foundation
import HTTPServer
import Metrics
import Storage

struct RequirementSummaryRow {
    let title: String
    let href: String
    let rule: String
    let required: String
    let valid: String
    let due30: String
    let due60: String
    let overdue: String
    let exempt: String
    let share: String
    let retired: Bool
}

struct RequirementsView {
    let crumbs: [Crumb]
    let organisationName: String
    let day: String
    let rows: [RequirementSummaryRow]
    let hasRows: Bool
    let newHref: String
    let minimumHref: String
}

struct CoverageRowView {
    let label: String
    let href: String?
    let required: String
    let valid: String
    let due: String
    let overdue: String
    let exempt: String
    let share: String
}

struct PersonStatusRow {
    let name: String
    let href: String
    let unit: String
    let status: String
    let statusClass: String
}

struct VersionView {
    let from: String
    let rule: String
    let trainings: String
    let audience: String
    let note: String
    let hasNote: Bool
}

struct RequirementPageView {
    let crumbs: [Crumb]
    let title: String
    let description: String
    let hasDescription: Bool
    let retired: String
    let isRetired: Bool
    let action: String
    let dayField: FieldView
    let dayText: String
    let isToday: Bool
    let scope: String
    let hasParentLink: Bool
    let parentHref: String
    let sectors: [CoverageRowView]
    let hasSectors: Bool
    let units: [CoverageRowView]
    let hasUnits: Bool
    let people: [PersonStatusRow]
    let hasPeople: Bool
    let peopleNote: String
    let csvHref: String
    let csvSemicolonHref: String
    let versions: [VersionView]
    let changeHref: String
    let exemptionsHref: String
    let retireHref: String
    let shareNote: String
}

extension WebApp {
    /// How many people a requirement page lists by name; the CSV has everyone.
    static let requirementPeopleShown = 200

    /// HR's overview: every requirement of the organisation with today's coverage.
    func showRequirements(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let data = try complianceData(organisation.id)
        let today = CivilDay.today()
        let coverage = try complianceCache.coverage(data, on: today)
        let rows = zip(data.evaluators, coverage).map { evaluator, coverage in
            let counts = coverage.counts[.organisation] ?? CoverageCount()
            let current = evaluator.definition.current(today: today.iso)
            return RequirementSummaryRow(
                title: evaluator.definition.requirement.title.text(strings.language.rawValue),
                href: Paths.requirement(evaluator.id),
                rule: current.map { strings.requirementRule($0.version.record) } ?? "",
                required: strings.number(counts.required), valid: strings.number(counts.valid),
                due30: strings.number(counts.dueWithin30), due60: strings.number(counts.dueWithin60),
                overdue: strings.number(counts.overdue), exempt: strings.number(counts.exempt),
                share: coverage.compliantShare(.organisation).map(strings.percent) ?? "–",
                retired: evaluator.definition.requirement.retiredOn.map { $0 <= today.iso } ?? false)
        }
        let title = strings.text("compliance_title")
        return try context.render("compliance/requirements", title: title + " – " + organisation.name, RequirementsView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.requirements(organisation.slug), title)]),
            organisationName: organisation.name, day: strings.date(today.iso), rows: rows, hasRows: !rows.isEmpty,
            newHref: Paths.newRequirement(organisation.slug), minimumHref: Paths.minimumLevels(organisation.slug)))
    }

    /// A requirement for HR: its coverage by sector and unit on a day (today, or any earlier day for an
    /// audit: the status on a day is computed from history with the version then in force), the people
    /// not compliant, the versions of its rule, and the CSV.
    func showRequirement(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, organisation) = try administeredRequirement(context)
        let data = try complianceData(organisation.id)
        guard let evaluator = data.evaluator(definition.requirement.id) else { throw AppError.notFound }
        let today = CivilDay.today()
        let typed = request.queryValue("on") ?? ""
        let chosen = typed.isEmpty ? today : CivilDay(iso: typed)
        let scope = request.queryValue("unit").flatMap(Int64.init)
        let title = definition.requirement.title.text(context.strings.language.rawValue)
        guard let day = chosen else {
            return try context.render("compliance/requirement", title: title, try requirementPageView(
                definition, organisation, data, evaluator, typed: typed, day: today, today: today, scope: scope, context),
                status: .unprocessableContent)
        }
        // An audit looks at the same day again and again (drilling down, coming back): the body is kept
        // for the data it was counted from, the day and the unit.
        let key = CacheKey(family: "requirement-page:\(evaluator.id)|\(data.version)|\(data.builtAt.timeIntervalSince1970)",
                           version: 0, variant: "\(day.iso)|\(today.iso)|\(scope ?? 0)")
        return try context.renderCached("compliance/requirement", title: title, key: key) {
            try requirementPageView(definition, organisation, data, evaluator, typed: nil, day: day, today: today,
                                    scope: scope, context)
        }
    }

    /// The requirement page's content; `typed` is a day that could not be read, to show with its error.
    private func requirementPageView(_ definition: RequirementDefinition, _ organisation: Stored<Organisation>,
                                     _ data: ComplianceData, _ evaluator: RequirementEvaluator, typed: String?,
                                     day: CivilDay, today: CivilDay, scope: Int64?,
                                     _ context: RequestContext) throws -> RequirementPageView {
        let strings = context.strings
        let language = strings.language.rawValue
        let coverage = day == today ? try complianceCache.coverage(data, on: day).first { $0.requirementID == evaluator.id }
            ?? data.coverage(evaluator, on: day) : data.coverage(evaluator, on: day)
        let scopeUnit = scope.flatMap { data.hierarchy.units[$0] }
        func link(unit: Int64?) -> String {
            Paths.requirement(evaluator.id, on: day == today ? nil : day.iso, unit: unit)
        }
        func row(_ label: String, _ group: ResultGroup, href: String? = nil) -> CoverageRowView {
            let counts = coverage.counts[group] ?? CoverageCount()
            return CoverageRowView(label: label, href: href, required: strings.number(counts.required),
                                   valid: strings.number(counts.valid), due: strings.number(counts.due),
                                   overdue: strings.number(counts.overdue), exempt: strings.number(counts.exempt),
                                   share: coverage.compliantShare(group).map(strings.percent) ?? "–")
        }
        let sectorRows = scopeUnit == nil ? try sectors.sectors(organisationID: organisation.id).map {
            row($0.name, .sector($0.id))
        } + [row(strings.text("compliance_whole_organisation"), .organisation)] : []
        let childIDs = scopeUnit.map { data.hierarchy.children[$0.id] ?? [] } ?? data.hierarchy.roots
        let unitRows = childIDs.compactMap { id -> CoverageRowView? in
            guard let unit = data.hierarchy.units[id], (coverage.counts[.unit(id)]?.required ?? 0) > 0 else { return nil }
            let hasChildren = !(data.hierarchy.children[id] ?? []).isEmpty
            return row(unit.name, .unit(id), href: hasChildren ? link(unit: id) : nil)
        }
        let subtree = scopeUnit.map { data.subtree(of: $0.id) }
        let notCompliant = data.statuses(evaluator, on: day).filter { entry in
            guard entry.status.kind == .overdue || (entry.status.kind == .due && !entry.status.isCompliant) else { return false }
            guard let subtree else { return true }
            return entry.person.unitID.map(subtree.contains) ?? false
        }.sorted { $0.status.urgency > $1.status.urgency }
        let people = notCompliant.prefix(Self.requirementPeopleShown).map { entry in
            PersonStatusRow(name: entry.person.lastName + ", " + entry.person.firstName,
                            href: Paths.employee(entry.person.id),
                            unit: entry.person.unitID.flatMap { data.hierarchy.units[$0]?.name } ?? "",
                            status: strings.requirementStatus(entry.status), statusClass: entry.status.cssClass)
        }
        let trainingNames = try trainingTitles(Array(definition.allTrainingIDs), language: language)
        var versions: [VersionView] = []
        for details in definition.versions.reversed() {
            versions.append(VersionView(
                from: strings.date(details.version.effectiveFrom), rule: strings.requirementRule(details.version.record),
                trainings: details.trainingIDs.compactMap { trainingNames[$0] }.joined(separator: ", "),
                audience: try requirementAudienceText(details.audience, organisationID: organisation.id, strings),
                note: details.version.note, hasNote: !details.version.note.isEmpty))
        }
        let title = definition.requirement.title.text(language)
        let base = Paths.requirements(organisation.slug)
        let csv = Paths.requirementStatuses(evaluator.id, on: day.iso, unit: scopeUnit?.id)
        let retiredOn = definition.requirement.retiredOn
        return RequirementPageView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("compliance_title")),
                                                                     (Paths.requirement(evaluator.id), title)]),
            title: title, description: definition.requirement.description.text(language),
            hasDescription: !definition.requirement.description.text(language).isEmpty,
            retired: retiredOn.map { strings.format("compliance_retired_on", ["date": strings.date($0)]) } ?? "",
            isRetired: retiredOn != nil, action: Paths.requirement(evaluator.id),
            dayField: FieldView(name: "on", value: typed ?? day.iso,
                                error: typed == nil ? nil : strings.text("compliance_error_date"), hintID: "on-hint"),
            dayText: strings.date(day.iso), isToday: day == today,
            scope: scopeUnit?.name ?? organisation.name, hasParentLink: scopeUnit != nil,
            parentHref: link(unit: scopeUnit?.parentID), sectors: sectorRows, hasSectors: !sectorRows.isEmpty,
            units: unitRows, hasUnits: !unitRows.isEmpty, people: Array(people), hasPeople: !people.isEmpty,
            peopleNote: notCompliant.count > people.count
                ? strings.format("compliance_people_more", ["shown": strings.number(people.count),
                                                            "count": strings.number(notCompliant.count)]) : "",
            csvHref: csv, csvSemicolonHref: csv + (csv.contains("?") ? "&" : "?") + "separator=semicolon",
            versions: versions, changeHref: Paths.changeRequirement(evaluator.id),
            exemptionsHref: Paths.requirementExemptions(evaluator.id), retireHref: Paths.retireRequirement(evaluator.id),
            shareNote: strings.text("compliance_share_note"))
    }

    /// Everyone required on a day with their status, as CSV (the same rules as every export).
    func exportRequirementStatuses(_ request: Request, _ context: RequestContext) throws -> Response {
        let (definition, organisation) = try administeredRequirement(context)
        let strings = context.strings
        let data = try complianceData(organisation.id)
        guard let evaluator = data.evaluator(definition.requirement.id) else { throw AppError.notFound }
        guard let day = CivilDay(iso: request.queryValue("on") ?? CivilDay.today().iso) else { throw AppError.badRequest }
        let subtree = request.queryValue("unit").flatMap(Int64.init).map { data.subtree(of: $0) }
        let rows = data.statuses(evaluator, on: day).filter { entry in
            guard let subtree else { return true }
            return entry.person.unitID.map(subtree.contains) ?? false
        }.map { entry in
            ResultRow(label: entry.person.lastName + ", " + entry.person.firstName, cells: [
                ResultCell(text: entry.person.hrNumber),
                ResultCell(text: entry.person.unitID.flatMap { data.hierarchy.units[$0]?.name } ?? ""),
                ResultCell(text: strings.requirementKind(entry.status.kind)),
                ResultCell(text: strings.requirementStatus(entry.status)),
                ResultCell(text: entry.status.date?.iso ?? ""),
            ])
        }
        let table = ResultTable(id: "statuses", caption: definition.requirement.title.text(strings.language.rawValue), columns: [
            ResultColumn(strings.text("compliance_column_name"), numeric: false),
            ResultColumn(strings.text("compliance_column_hr_number"), numeric: false),
            ResultColumn(strings.text("compliance_column_unit"), numeric: false),
            ResultColumn(strings.text("compliance_column_kind"), numeric: false),
            ResultColumn(strings.text("compliance_column_status"), numeric: false),
            ResultColumn(strings.text("compliance_column_date"), numeric: false),
        ], rows: rows)
        let title = table.caption + " – " + strings.date(day.iso)
        return csvResponse(title: title, tables: [table], context,
                           filename: "vaatimus-\(evaluator.id)-\(organisation.slug)-\(day.iso).csv")
    }

    /// The requirement named by `:requirementID` and its organisation, for its HR (404 for anyone else).
    func administeredRequirement(_ context: RequestContext) throws -> (RequirementDefinition, Stored<Organisation>) {
        guard let definition = try requirements.definition(id: try context.requirementID),
              let organisation = try organisations.organisation(id: definition.requirement.organisationID),
              context.access.canManageOrganisation(organisation.id) else { throw AppError.notFound }
        return (definition, organisation)
    }

    /// Titles of trainings in the reader's language, by id.
    func trainingTitles(_ ids: [Int64], language: String) throws -> [Int64: String] {
        var titles: [Int64: String] = [:]
        for id in ids { if let training = try trainingCatalogue.training(id: id) { titles[id] = training.title.text(language) } }
        return titles
    }

    /// Who a version is for, in words.
    func requirementAudienceText(_ audience: RequirementAudience, organisationID: Int64, _ strings: Strings) throws -> String {
        guard !audience.everyone else { return strings.text("compliance_audience_everyone") }
        var parts: [String] = []
        let sectorNames = try sectors.sectors(organisationID: organisationID).filter { audience.sectorIDs.contains($0.id) }.map(\.name)
        parts += sectorNames
        parts += audience.jobGroups.sorted()
        for unitID in audience.unitIDs.sorted() { if let unit = try units.unit(id: unitID) { parts.append(unit.name) } }
        parts += audience.roles.map { strings.text("compliance_role_" + $0.rawValue) }.sorted()
        return parts.isEmpty ? strings.text("compliance_audience_nobody") : parts.joined(separator: ", ")
    }
}

extension RequirementStatus {
    /// The date a status is about: the expiry, the deadline, or the end of an exemption.
    var date: CivilDay? {
        switch self {
        case .notRequired: nil
        case .valid(let until): until
        case .due(let on, _, _): on
        case .overdue(let since, _): since
        case .exempt(let until): until
        }
    }

}

extension CivilDay {
    /// Today in Helsinki.
    static func today(_ now: Date = Date()) -> CivilDay {
        // HelsinkiTime always writes a valid date; the fallback only keeps this total.
        CivilDay(iso: HelsinkiTime.date(now)) ?? CivilDay(daysSinceEpoch: 0)
    }
}
