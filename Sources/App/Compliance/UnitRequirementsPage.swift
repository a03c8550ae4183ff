import Foundation
import HTTPServer
import Metrics
import Storage

struct MatrixCellView {
    let text: String
    let css: String
}

struct MatrixRowView {
    let name: String
    let jobTitle: String
    let cells: [MatrixCellView]
}

struct MatrixColumnView {
    let title: String
    let share: String
}

struct UnitRequirementsView {
    let crumbs: [Crumb]
    let unitName: String
    let day: String
    let columns: [MatrixColumnView]
    let rows: [MatrixRowView]
    let hasRows: Bool
    let hasColumns: Bool
    let sortLinks: [TableLink]
    let shareNote: String
    /// The unit's competence areas against the minimum levels, from its latest published round.
    let gaps: [AreaGapView]
    let hasGaps: Bool
    let gapsRound: String
    let paperHref: String
}

extension WebApp {
    /// A unit's people × the organisation's requirements on today's date, for its supervisors and HR:
    /// each cell says the status in words (the colour only repeats it), with the unit's share
    /// compliant per requirement where the anonymity rule lets it through. Sorted by name, or the
    /// most urgent first; prints on one page.
    func showUnitRequirements(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try viewableUnit(context)
        let sort = request.queryValue("sort") == "urgency" ? "urgency" : "name"
        // The body stays while nothing changes (a version, an exemption, a completion) and for a minute
        // at most: statuses count from today, and the roster may change.
        let key = CacheKey(family: "unit-requirements:\(unit.id)|\(try requirements.version())",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: sort)
        return try context.renderCached("compliance/unit-requirements",
                                        title: context.strings.text("compliance_unit_title") + " – " + unit.name, key: key) {
            try unitRequirementsView(unit, sort: sort, context)
        }
    }

    private func unitRequirementsView(_ unit: Stored<WorkUnit>, sort: String, _ context: RequestContext) throws -> UnitRequirementsView {
        let strings = context.strings
        let language = strings.language.rawValue
        let today = CivilDay.today()
        let matrix = try unitRequirementStatuses(unit, on: today)
        let (evaluators, people, statuses) = (matrix.evaluators, matrix.people, matrix.statuses)
        var order = Array(people.indices)
        if sort == "urgency" {
            order.sort { statuses[$0].map(\.urgency).max() ?? 0 > statuses[$1].map(\.urgency).max() ?? 0 }
        }
        let rule = AnonymityRule()
        let columns = zip(evaluators, matrix.compliantShares(rule)).map { evaluator, share in
            MatrixColumnView(title: evaluator.definition.requirement.title.text(language), share: share.map(strings.percent) ?? "–")
        }
        let rows = order.map { index in
            MatrixRowView(name: people[index].lastName + ", " + people[index].firstName, jobTitle: "",
                          cells: statuses[index].map { status in
                              MatrixCellView(text: status.kind == .notRequired ? "–" : strings.requirementStatus(status),
                                             css: status.cssClass)
                          })
        }
        let gaps = try unitAreaGaps(unit, strings)
        let crumbs = [Crumb(href: Paths.unit(unit.id), label: unit.name, current: false),
                      Crumb(href: Paths.unitRequirements(unit.id), label: strings.text("compliance_unit_title"), current: true)]
        return UnitRequirementsView(
            crumbs: crumbs, unitName: unit.name, day: strings.date(today.iso), columns: columns, rows: rows,
            hasRows: !rows.isEmpty, hasColumns: !columns.isEmpty,
            sortLinks: [TableLink(label: strings.text("compliance_sort_name"), href: Paths.unitRequirements(unit.id, sort: "name"),
                                  current: sort == "name"),
                        TableLink(label: strings.text("compliance_sort_urgency"),
                                  href: Paths.unitRequirements(unit.id, sort: "urgency"), current: sort == "urgency")],
            shareNote: strings.format("compliance_unit_share_note", ["minimum": String(rule.minimumGroupSize)]),
            gaps: gaps.areas, hasGaps: !gaps.areas.isEmpty, gapsRound: gaps.round,
            paperHref: Paths.unitPaperReminders(unit.id))
    }

    /// The unit's (and its sub-units') active people and their status for each requirement in force on
    /// `day`: the matrix, and the shares of the supervisor toolkit, from one computation.
    func unitRequirementStatuses(_ unit: Stored<WorkUnit>, on day: CivilDay) throws -> UnitRequirementStatuses {
        let evaluators = try requirements.definitions(organisationID: unit.organisationID).map(RequirementEvaluator.init)
            .filter { evaluator in evaluator.definition.requirement.retiredOn.map { $0 > day.iso } ?? true }
        let people = try complianceEvidence.people(unitIDs: Array(try units.unitAndDescendantIDs(of: unit.id)))
        let ids = people.map(\.id)
        let evidence = try complianceEvidence.evidence(employeeIDs: ids,
                                                        trainingIDs: evaluators.reduce(into: Set<Int64>()) { $0.formUnion($1.trainingIDs) })
        let exemptions = try exemptionStore.exemptions(employeeIDs: ids)
        let audience = try audienceFacts(unit.organisationID)
        let statuses = people.map { person in
            evaluators.map { $0.status(person, on: day, evidence: evidence[person.id] ?? [],
                                       exemptions: exemptions[person.id] ?? [], audience: audience) }
        }
        return UnitRequirementStatuses(evaluators: evaluators, people: people, statuses: statuses)
    }

    /// The signed-in employee's requirements that are due or overdue, with sessions that satisfy
    /// each and a recording if there is one (the home page's reminder, for everyone).
    func ownRequirementReminders(_ employee: Stored<Employee>, _ context: RequestContext) throws -> [OwnRequirementView] {
        let employeeID = employee.id
        guard let person = try complianceEvidence.person(employeeID: employeeID), person.active else { return [] }
        let strings = context.strings
        let language = strings.language.rawValue
        let definitions = try requirements.definitions(organisationID: employee.organisationID)
        guard !definitions.isEmpty else { return [] }
        let today = CivilDay.today()
        let evaluators = definitions.map(RequirementEvaluator.init)
        let evidence = try complianceEvidence.evidence(employeeIDs: [employeeID],
                                                        trainingIDs: evaluators.reduce(into: Set<Int64>()) { $0.formUnion($1.trainingIDs) })
        let exemptions = try exemptionStore.exemptions(employeeIDs: [employeeID])[employeeID] ?? []
        let audience = try ownAudienceFacts(employee)
        let snapshot = try trainingCatalogueSnapshot(employee.organisationID)
        let reader = try trainingReader(context)
        return evaluators.compactMap { evaluator in
            let status = evaluator.status(person, on: today, evidence: evidence[employeeID] ?? [], exemptions: exemptions,
                                          audience: audience)
            guard status.kind == .due || status.kind == .overdue,
                  let version = evaluator.version(on: today) else { return nil }
            let satisfying = Set(version.trainingIDs)
            let sessions = snapshot.visible(snapshot.upcoming, to: reader)
                .filter { satisfying.contains($0.training.id) && $0.session.status == .scheduled && $0.session.startsAt > Date() }
                .prefix(3).map { listing in
                    HomeLink(href: Paths.trainingSession(listing.session.id), label: listing.training.title.text(language),
                             description: strings.sessionTime(listing.session.startsAt, listing.session.endsAt))
                }
            let recording = snapshot.visible(snapshot.recordings, to: reader).first { satisfying.contains($0.training.id) }
            return OwnRequirementView(
                title: evaluator.definition.requirement.title.text(language), status: strings.requirementStatus(status),
                statusClass: status.cssClass, sessions: Array(sessions), hasSessions: !sessions.isEmpty,
                recordingHref: recording.map { Paths.trainingSession($0.session.id) } ?? "", hasRecording: recording != nil,
                catalogueHref: Paths.trainings)
        }
    }
}

extension WebApp {
    /// The audience facts of one person only: their unit's chain of parents, and whether they supervise
    /// or tutor. The home page needs no more, and reading the organisation's whole unit tree and
    /// supervisors on every view of it would cost more than the rest of the page.
    func ownAudienceFacts(_ employee: Stored<Employee>) throws -> AudienceFacts {
        var parents: [Int64: Int64] = [:]
        var next = employee.unitID
        var steps = 0
        while let unitID = next, steps < 64, let unit = try units.unit(id: unitID) {
            if let parent = unit.parentID { parents[unitID] = parent }
            next = unit.parentID
            steps += 1
        }
        let supervises = try complianceEvidence.isSupervisor(employeeID: employee.id)
        let today = CivilDay.today(settings.now()).iso
        let tutors = try TutorStore(database).tutor(employeeID: employee.id)?.status(on: today) == .active
        return AudienceFacts(parents: parents, supervisors: supervises ? [employee.id] : [],
                             tutors: tutors ? [employee.id] : [])
    }
}

/// A unit's people × requirements in force on a day: each row a person, each column a requirement.
struct UnitRequirementStatuses {
    let evaluators: [RequirementEvaluator]
    let people: [CompliancePerson]
    /// `statuses[person][requirement]`, in the order of `people` and `evaluators`.
    let statuses: [[RequirementStatus]]

    /// Per requirement, the share of the unit's required people who are compliant; nil where nobody is
    /// required or the anonymity rule hides it (fewer required people than the minimum group).
    func compliantShares(_ rule: AnonymityRule) -> [Double?] {
        evaluators.indices.map { index in
            var count = CoverageCount()
            for row in statuses { count.add(row[index]) }
            return rule.showsFigures(respondents: count.required) ? count.compliantShare : nil
        }
    }
}

/// A requirement of the signed-in person on their home page.
struct OwnRequirementView {
    let title: String
    let status: String
    let statusClass: String
    let sessions: [HomeLink]
    let hasSessions: Bool
    let recordingHref: String
    let hasRecording: Bool
    let catalogueHref: String
}

/// One cut-out paper reminder.
struct PaperReminderView {
    let name: String
    let lines: [String]
}

struct PaperRemindersView {
    let crumbs: [Crumb]
    let unitName: String
    let slips: [PaperReminderView]
    let hasSlips: Bool
    let onlyWithoutEmail: Bool
    let allHref: String
    let withoutEmailHref: String
}

extension WebApp {
    /// Paper reminders for a unit's people who are due or overdue: one slip each, two columns on A4,
    /// in the person's language, for staff who do not read e-mail (the sources' coffee-room practice).
    /// By default only those without an e-mail address; `?all=1` for everyone due or overdue.
    func showPaperReminders(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try viewableUnit(context)
        let strings = context.strings
        let everyone = request.queryValue("all") == "1"
        let today = CivilDay.today()
        let evaluators = try requirements.definitions(organisationID: unit.organisationID).map(RequirementEvaluator.init)
        let people = try complianceEvidence.people(unitIDs: Array(try units.unitAndDescendantIDs(of: unit.id)))
            .filter { everyone || ($0.email ?? "").isEmpty }
        let ids = people.map(\.id)
        let evidence = try complianceEvidence.evidence(employeeIDs: ids,
                                                        trainingIDs: evaluators.reduce(into: Set<Int64>()) { $0.formUnion($1.trainingIDs) })
        let exemptions = try exemptionStore.exemptions(employeeIDs: ids)
        let audience = try audienceFacts(unit.organisationID)
        let slips = people.compactMap { person -> PaperReminderView? in
            let own = localisation.strings(Language(rawValue: person.language) ?? .standard)
            let lines = evaluators.compactMap { evaluator -> String? in
                let status = evaluator.status(person, on: today, evidence: evidence[person.id] ?? [],
                                              exemptions: exemptions[person.id] ?? [], audience: audience)
                guard status.kind == .due || status.kind == .overdue else { return nil }
                return evaluator.definition.requirement.title.text(own.language.rawValue) + ": " + own.requirementStatus(status)
            }
            guard !lines.isEmpty else { return nil }
            return PaperReminderView(name: person.firstName + " " + person.lastName,
                                     lines: lines + [own.text("compliance_paper_where")])
        }
        let title = strings.text("compliance_paper_title")
        return try context.render("compliance/paper-reminders", title: title + " – " + unit.name, PaperRemindersView(
            crumbs: [Crumb(href: Paths.unit(unit.id), label: unit.name, current: false),
                     Crumb(href: Paths.unitRequirements(unit.id), label: strings.text("compliance_unit_title"), current: false),
                     Crumb(href: Paths.unitPaperReminders(unit.id), label: title, current: true)],
            unitName: unit.name, slips: slips, hasSlips: !slips.isEmpty, onlyWithoutEmail: !everyone,
            allHref: Paths.unitPaperReminders(unit.id) + "?all=1", withoutEmailHref: Paths.unitPaperReminders(unit.id)))
    }
}
