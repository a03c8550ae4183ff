import Foundation
import HTTPServer
import Storage

struct UnitTreeView {
    let crumbs: [Crumb]
    let organisationName: String
    let roots: [UnitNodeView]
    let hasUnits: Bool
    let createAction: String
    let fields: UnitFieldsView
    let errors: [ErrorLink]
    let hasErrors: Bool
}

struct UnitDetailView {
    let crumbs: [Crumb]
    let name: String
    let organisationName: String
    let sectorName: String
    let hasSector: Bool
    let parentName: String
    let parentHref: String
    let hasParent: Bool
    let active: Bool
    let canEdit: Bool
    let editHref: String
    /// The unit's printable training poster for its break room.
    let posterHref: String
    let trainingsHref: String
    let requirementsHref: String
    /// The unit's digitutors and the sub-units without one.
    let tutorsHref: String
    let subUnits: [UnitNodeView]
    let hasSubUnits: Bool
    let rows: [EmployeeRow]
    let hasRows: Bool
    let resultSummary: String
    let pagination: PaginationView
    let showPagination: Bool
    var onboardingHref = ""
    var discussionsHref = ""
    var toolkitHref = ""
}

struct UnitEditView {
    let crumbs: [Crumb]
    let name: String
    let action: String
    let fields: UnitFieldsView
    let errors: [ErrorLink]
    let hasErrors: Bool
    let active: Bool
    let deactivateAction: String
    let reactivateAction: String
}

/// A link to one organisation's unit tree, on the "my units" page of HR and administrators.
struct OrganisationLink {
    let href: String
    let name: String
}

struct MyUnitsView {
    let trees: [UnitNodeView]
    let hasTrees: Bool
    let organisations: [OrganisationLink]
    let hasOrganisations: Bool
}

extension WebApp {
    // MARK: The organisation's unit tree

    func showUnitTree(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderUnitTree(organisation, context, input: nil)
    }

    /// Adds a unit under the organisation (or under one of its units).
    func createUnit(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let id = organisation.id
        var input = UnitFormInput(form: try context.requireForm(), sectors: try sectors.sectors(organisationID: id),
                                  units: try units.units(organisationID: id), excluded: [], strings: context.strings)
        if input.errors.isEmpty {
            do {
                try changing {
                    let unit = try units.create(WorkUnit(organisationID: id, sectorID: input.sectorID,
                                                         parentID: input.parentID, name: input.name))
                    try auditChange("unit.create", context, target: "unit:\(unit.id)", detail: unit.name)
                }
                return context.redirect(Paths.unitTree(organisation.slug), notice: "created")
            } catch let error as StorageError {
                try addStoreProblem(error, to: &input.errors, strings: context.strings)
            }
        }
        return try renderUnitTree(organisation, context, input: input)
    }

    private func renderUnitTree(_ organisation: Stored<Organisation>, _ context: RequestContext,
                                input: UnitFormInput?) throws -> Response {
        let id = organisation.id
        let strings = context.strings
        let unitList = try units.units(organisationID: id)
        let sectorList = try sectors.sectors(organisationID: id)
        let tree = UnitOutline(units: unitList, staffCounts: try units.employeeCounts(organisationID: id),
                            sectors: sectorList, strings: strings)
        let errors = input?.errors ?? FormErrors()
        let base = Paths.unitTree(organisation.slug)
        let roots = tree.roots
        let view = UnitTreeView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("staff_units_title"))]),
            organisationName: organisation.name, roots: roots, hasUnits: !roots.isEmpty, createAction: base,
            fields: unitFields(sectors: sectorList, units: unitList, excluded: [], name: input?.name ?? "",
                               sectorChoice: input?.sectorChoice ?? "", parentChoice: input?.parentChoice ?? "",
                               errors: errors, strings: strings),
            errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("staff/units", title: strings.text("staff_units_title") + " – " + organisation.name,
                                  view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    // MARK: One unit

    /// The unit's own staff (paged), its sub-units, and where it sits in the tree.
    func showUnit(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try viewableUnit(context)
        let unitID = unit.id
        let strings = context.strings
        guard let organisation = try organisations.organisation(id: unit.organisationID) else { throw AppError.notFound }
        // Only what this page shows: the unit, its direct sub-units and their counts.
        let children = try units.children(of: unitID)
        let tree = UnitOutline(units: [unit] + children,
                            staffCounts: try units.employeeCounts(unitIDs: children.compactMap(\.id)),
                            sectors: try sectors.sectors(organisationID: unit.organisationID), strings: strings)
        let parent = try unit.parentID.flatMap { try units.unit(id: $0) }
        let showParent = parent.map { context.access.canViewUnit($0) } ?? false
        let (page, paging) = try pagedSearch(EmployeeQuery(organisationID: unit.organisationID, unitIDs: [unitID]),
                                             requestedPage: request.queryValue("page"))
        let total = page.total
        let canEdit = context.access.canManageOrganisation(unit.organisationID)
        let sectorName = unit.sectorID.flatMap { tree.sectorNames[$0] } ?? ""
        let subUnits = tree.children(of: unitID)
        let view = UnitDetailView(
            crumbs: unitCrumbs(unit, organisation, canManage: canEdit, strings),
            name: unit.name, organisationName: organisation.name, sectorName: sectorName, hasSector: !sectorName.isEmpty,
            parentName: showParent ? parent?.name ?? "" : "", parentHref: unit.parentID.map(Paths.unit) ?? "",
            hasParent: showParent, active: unit.active, canEdit: canEdit, editHref: Paths.editUnit(unitID),
            posterHref: Paths.unitTrainingPoster(unitID), trainingsHref: Paths.unitTrainings(unitID),
            requirementsHref: Paths.unitRequirements(unitID), tutorsHref: Paths.unitTutors(unitID),
            subUnits: subUnits, hasSubUnits: !subUnits.isEmpty,
            rows: page.listings.map { EmployeeRow($0, strings) }, hasRows: !page.listings.isEmpty,
            resultSummary: strings.format("staff_count_people", ["count": strings.number(total)]),
            pagination: paging.view(strings: strings) { Paths.unit(unitID) + Self.queryString([("page", String($0))]) },
            showPagination: paging.pageCount > 1, onboardingHref: Paths.unitOnboarding(unitID),
            discussionsHref: Paths.unitDiscussions(unitID), toolkitHref: Paths.unitToolkit(unitID))
        return try context.render("staff/unit", title: unit.name, view)
    }

    func showEditUnit(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try managedUnit(context)
        return try renderUnitEdit(unit, context, input: nil)
    }

    /// Renames or moves a unit, or changes its sector.
    func updateUnit(_ request: Request, _ context: RequestContext) throws -> Response {
        var unit = try managedUnit(context)
        let unitID = unit.id
        var input = UnitFormInput(
            form: try context.requireForm(), sectors: try sectors.sectors(organisationID: unit.organisationID),
            units: try units.units(organisationID: unit.organisationID),
            excluded: try units.unitAndDescendantIDs(of: unitID), strings: context.strings)
        if input.errors.isEmpty {
            unit.name = input.name
            unit.sectorID = input.sectorID
            unit.parentID = input.parentID
            do {
                try changing {
                    try units.update(unit)
                    try auditChange("unit.update", context, target: "unit:\(unitID)", detail: unit.name)
                }
                return context.redirect(Paths.unit(unitID), notice: "saved")
            } catch let error as StorageError {
                try addStoreProblem(error, to: &input.errors, strings: context.strings)
            }
        }
        return try renderUnitEdit(unit, context, input: input)
    }

    /// Deactivates (`active` false) or reactivates a unit. Units are never deleted: their staff,
    /// answers and history keep their place.
    func setUnitActive(_ active: Bool) -> AppHandler {
        { [self] _, context in try setUnitActive(active, context) }
    }

    private func setUnitActive(_ active: Bool, _ context: RequestContext) throws -> Response {
        var unit = try managedUnit(context)
        unit.active = active
        return try switchActive(active, record: "unit", id: unit.id, back: Paths.unit(unit.id), context) {
            try units.update(unit)
        }
    }

    private func renderUnitEdit(_ unit: Stored<WorkUnit>, _ context: RequestContext, input: UnitFormInput?) throws -> Response {
        let unitID = unit.id
        let strings = context.strings
        guard let organisation = try organisations.organisation(id: unit.organisationID) else { throw AppError.notFound }
        let errors = input?.errors ?? FormErrors()
        let fields = unitFields(
            sectors: try sectors.sectors(organisationID: unit.organisationID),
            units: try units.units(organisationID: unit.organisationID),
            excluded: try units.unitAndDescendantIDs(of: unitID), name: input?.name ?? unit.name,
            sectorChoice: input?.sectorChoice ?? unit.sectorID.map { String($0) } ?? "",
            parentChoice: input?.parentChoice ?? unit.parentID.map { String($0) } ?? "",
            errors: errors, strings: strings)
        var crumbs = unitCrumbs(unit, organisation, canManage: true, strings).map {
            Crumb(href: $0.href, label: $0.label, current: false)
        }
        crumbs.append(Crumb(href: Paths.editUnit(unitID), label: strings.text("staff_edit"), current: true))
        let view = UnitEditView(
            crumbs: crumbs, name: unit.name, action: Paths.editUnit(unitID), fields: fields, errors: errors.links,
            hasErrors: !errors.isEmpty, active: unit.active, deactivateAction: Paths.deactivateUnit(unitID),
            reactivateAction: Paths.reactivateUnit(unitID))
        return try context.render("staff/unit-edit", title: strings.format("staff_unit_edit_title", ["name": unit.name]),
                                  view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    // MARK: A supervisor's units

    /// The units this user supervises (each with its sub-units); HR and administrators also get their
    /// organisations' unit trees.
    func showMyUnits(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let strings = context.strings
        let assigned = principal.assignments.filter { $0.role == .supervisor }.compactMap(\.unitID)
        var trees: [UnitNodeView] = []
        var treesByOrganisation: [Int64: UnitOutline] = [:]
        for unitID in Set(assigned).sorted() {
            guard let unit = try units.unit(id: unitID) else { continue }
            // A unit under another supervised unit already shows in that unit's tree.
            if let parentID = unit.parentID, principal.supervisedUnitIDs.contains(parentID) { continue }
            let tree = try treesByOrganisation[unit.organisationID] ?? UnitOutline(
                units: try units.units(organisationID: unit.organisationID),
                staffCounts: try units.employeeCounts(organisationID: unit.organisationID),
                sectors: try sectors.sectors(organisationID: unit.organisationID), strings: strings)
            treesByOrganisation[unit.organisationID] = tree
            if let node = tree.subtree(of: unitID) { trees.append(node) }
        }
        trees.sort { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let managed = try organisations.all().filter { context.access.canManageOrganisation($0.id) }
        let links = managed.map { OrganisationLink(href: Paths.unitTree($0.slug), name: $0.name) }
        return try context.render("staff/my-units", title: strings.text("staff_my_units_title"), MyUnitsView(
            trees: trees, hasTrees: !trees.isEmpty, organisations: links, hasOrganisations: !links.isEmpty))
    }

    // MARK: Helpers

    /// The unit named by `:id`, if this user may see it; the same 404 as an unknown id otherwise.
    func viewableUnit(_ context: RequestContext) throws -> Stored<WorkUnit> {
        guard let unit = try units.unit(id: try context.unitID) else { throw AppError.notFound }
        try context.require(context.access.canViewUnit(unit))
        return unit
    }

    /// The unit named by `:id`, if this user manages its organisation.
    private func managedUnit(_ context: RequestContext) throws -> Stored<WorkUnit> {
        let unit = try viewableUnit(context)
        try context.require(context.access.canManageOrganisation(unit.organisationID))
        return unit
    }

    /// Organisation › units › this unit for those who manage it; "my units" › this unit for supervisors.
    private func unitCrumbs(_ unit: Stored<WorkUnit>, _ organisation: Stored<Organisation>, canManage: Bool, _ strings: Strings) -> [Crumb] {
        let here = (Paths.unit(unit.id), unit.name)
        if canManage {
            return organisationCrumbs(organisation, strings, then: [
                (Paths.unitTree(organisation.slug), strings.text("staff_units_title")), here,
            ])
        }
        return [Crumb(href: Paths.myUnits, label: strings.text("staff_my_units_title"), current: false),
                Crumb(href: here.0, label: here.1, current: true)]
    }
}
