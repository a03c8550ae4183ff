import Foundation
import HTTPServer
import Storage

/// One sector with its rename form.
struct SectorRow {
    let action: String
    let name: String
    let unitCount: String
    let field: FieldView
}

struct SectorsView {
    let crumbs: [Crumb]
    let organisationName: String
    let createAction: String
    let sectors: [SectorRow]
    let hasSectors: Bool
    let newSector: FieldView
    let errors: [ErrorLink]
    let hasErrors: Bool
}

/// Longest sector or unit name accepted; the HR system's own limit is lower.
let staffNameLimit = 200

extension WebApp {
    func showSectors(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderSectors(organisation, context)
    }

    /// Adds a sector to the organisation.
    func createSector(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let name = try context.requireForm()["name"] ?? ""
        if let problem = sectorNameProblem(name, context.strings) {
            return try renderSectors(organisation, context, errors: [("sector_name", problem)], typedName: name)
        }
        do {
            try changing {
                let sector = try sectors.create(organisationID: organisation.id, name: name)
                try auditChange("sector.create", context, target: "sector:\(sector.id)", detail: name)
            }
        } catch StorageError.conflict {
            return try renderSectors(organisation, context,
                                     errors: [("sector_name", context.strings.text("staff_error_sector_taken"))],
                                     typedName: name)
        }
        return context.redirect(Paths.sectors(organisation.slug), notice: "created")
    }

    /// Renames one of the organisation's sectors.
    func renameSector(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let sectorID = try context.sectorID
        guard let sector = try sectors.sector(id: sectorID), sector.organisationID == organisation.id else {
            throw AppError.notFound
        }
        let name = try context.requireForm()["name"] ?? ""
        let field = "sector-\(sectorID)"
        if let problem = sectorNameProblem(name, context.strings) {
            return try renderSectors(organisation, context, errors: [(field, problem)], typedName: nil,
                                     typed: [sectorID: name])
        }
        do {
            try changing {
                try sectors.rename(id: sectorID, to: name)
                try auditChange("sector.rename", context, target: "sector:\(sectorID)", detail: "\(sector.name) → \(name)")
            }
        } catch StorageError.conflict {
            return try renderSectors(organisation, context, errors: [(field, context.strings.text("staff_error_sector_taken"))],
                                     typedName: nil, typed: [sectorID: name])
        }
        return context.redirect(Paths.sectors(organisation.slug), notice: "saved")
    }

    private func sectorNameProblem(_ name: String, _ strings: Strings) -> String? {
        if name.isEmpty { return strings.text("staff_error_name_required") }
        if name.count > staffNameLimit { return strings.text("staff_error_name_too_long") }
        return nil
    }

    private func renderSectors(_ organisation: Stored<Organisation>, _ context: RequestContext,
                               errors list: [(String, String)] = [], typedName: String? = nil,
                               typed: [Int64: String] = [:]) throws -> Response {
        let strings = context.strings
        let id = organisation.id
        var errors = FormErrors()
        for (field, message) in list { errors.add(field, message) }
        var unitsPerSector: [Int64: Int] = [:]
        for unit in try units.units(organisationID: id) where unit.active {
            if let sectorID = unit.sectorID { unitsPerSector[sectorID, default: 0] += 1 }
        }
        let base = Paths.sectors(organisation.slug)
        let rows = try sectors.sectors(organisationID: id).map { sector in
            let sectorID = sector.id
            let field = "sector-\(sectorID)"
            return SectorRow(action: "\(base)/\(sectorID)", name: sector.name,
                             unitCount: strings.number(unitsPerSector[sectorID] ?? 0),
                             field: FieldView(name: field, value: typed[sectorID] ?? sector.name, error: errors[field]))
        }
        let view = SectorsView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("staff_sectors_title"))]),
            organisationName: organisation.name, createAction: base, sectors: rows, hasSectors: !rows.isEmpty,
            newSector: FieldView(name: "sector_name", value: typedName ?? "", error: errors["sector_name"]),
            errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("staff/sectors", title: strings.text("staff_sectors_title") + " – " + organisation.name,
                                  view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
