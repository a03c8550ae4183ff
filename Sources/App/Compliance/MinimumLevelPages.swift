import Foundation
import HTTPServer
import Metrics
import Storage

struct MinimumLevelEntryView {
    let group: String
    let level: String
    let removeAction: String
    let areaCode: String
    let sectorID: String
    let jobGroup: String
}

struct MinimumLevelAreaView {
    let name: String
    let target: String
    let entries: [MinimumLevelEntryView]
    let hasEntries: Bool
}

struct MinimumLevelsView {
    let crumbs: [Crumb]
    let scale: String
    let areas: [MinimumLevelAreaView]
    let hasAreas: Bool
    let action: String
    let fields: [FormFieldView]
    let errors: [ErrorLink]
    let hasErrors: Bool
}

/// An area's unit mean against its minimum level, beside the unit's required training.
struct AreaGapView {
    let name: String
    let mean: String
    let minimum: String
    let gap: String
    let below: Bool
}

extension WebApp {
    /// The minimum levels of the competence areas of the organisation's newest published framework,
    /// for the whole organisation, a sector or a job group, next to the framework's targets.
    func showMinimumLevels(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderMinimumLevels(organisation, context, form: nil)
    }

    /// Sets (or, with an empty level, removes) one minimum level.
    func setMinimumLevel(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        guard let content = try newestFrameworkContent(organisation.id) else { throw AppError.notFound }
        let strings = context.strings
        var errors = FormErrors()
        let codes = Set(content.areas.filter { $0.area.kind == .competence }.map(\.area.code))
        let areaCode = form["area_code"] ?? ""
        if !codes.contains(areaCode) { errors.add("area_code", strings.text("trainings_error_choose")) }
        let sectorText = form["sector_id"] ?? ""
        let sectorIDs = Set(try sectors.sectors(organisationID: organisation.id).map(\.id))
        let sectorID = Int64(sectorText)
        if !sectorText.isEmpty, sectorID.map({ !sectorIDs.contains($0) }) ?? true {
            errors.add("sector_id", strings.text("trainings_error_choose"))
        }
        let group = TrainingFieldRules.line(form["job_group"] ?? "", limit: 100, required: false)
        if group.problem != nil { errors.add("job_group", strings.text("trainings_error_job_groups")) }
        if sectorID != nil, !group.text.isEmpty { errors.add("job_group", strings.text("compliance_error_sector_or_group")) }
        let levelText = (form["level"] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let level = Double(levelText)
        let range = Double(content.framework.scaleMin)...Double(content.framework.scaleMax)
        if !levelText.isEmpty, level.map({ !range.contains($0) }) ?? true {
            errors.add("level", strings.format("compliance_error_level", ["min": String(content.framework.scaleMin),
                                                                          "max": String(content.framework.scaleMax)]))
        }
        guard errors.isEmpty else {
            return try renderMinimumLevels(organisation, context, form: (form, errors), status: .unprocessableContent)
        }
        try changing {
            try minimumLevels.set(organisationID: organisation.id, areaCode: areaCode, sectorID: sectorID,
                                  jobGroup: group.text.isEmpty ? nil : group.text, level: level, by: context.principal?.userID)
            try auditChange("minimum_level.set", context, target: "organisation:\(organisation.id)",
                            detail: "\(areaCode) \(sectorID.map { "sector \($0)" } ?? group.text) \(levelText)")
        }
        return context.redirect(Paths.minimumLevels(organisation.slug), notice: "saved")
    }

    private func renderMinimumLevels(_ organisation: Stored<Organisation>, _ context: RequestContext,
                                     form: (FormInput, FormErrors)?, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let content = try newestFrameworkContent(organisation.id)
        let sectorList = try sectors.sectors(organisationID: organisation.id)
        let sectorNames = Dictionary(uniqueKeysWithValues: sectorList.map { ($0.id, $0.name) })
        let levels = try minimumLevels.levels(organisationID: organisation.id)
        let competence = content?.areas.filter { $0.area.kind == .competence } ?? []
        let areas = competence.map { area in
            let target = TargetLevel.resolve(area.targets.map {
                TargetLevel(sectorID: $0.sectorID, jobGroup: $0.jobGroup, level: $0.level)
            }, sectorID: nil, jobGroup: nil)
            let entries = levels.filter { $0.areaCode == area.area.code }.map { level in
                MinimumLevelEntryView(
                    group: level.sectorID.flatMap { sectorNames[$0] } ?? level.jobGroup
                        ?? strings.text("compliance_whole_organisation"),
                    level: strings.decimal(level.level), removeAction: Paths.minimumLevels(organisation.slug),
                    areaCode: level.areaCode, sectorID: level.sectorID.map(String.init) ?? "", jobGroup: level.jobGroup ?? "")
            }
            return MinimumLevelAreaView(name: area.area.name.text(language), target: target.map { strings.decimal($0) } ?? "–",
                                        entries: entries, hasEntries: !entries.isEmpty)
        }
        let typed = form?.0
        let errors = form?.1 ?? FormErrors()
        let chosenArea = typed?["area_code"] ?? ""
        let chosenSector = typed?["sector_id"] ?? ""
        let fields = [
            FormFieldView(.select, name: "area_code", value: chosenArea, label: strings.text("compliance_field_area"),
                          error: errors["area_code"], required: true,
                          options: [SelectOption(value: "", label: strings.text("compliance_choose"), selected: chosenArea.isEmpty)]
                              + competence.map {
                                  SelectOption(value: $0.area.code, label: $0.area.name.text(language), selected: $0.area.code == chosenArea)
                              }),
            FormFieldView(.select, name: "sector_id", value: chosenSector, label: strings.text("compliance_field_sector"),
                          hint: strings.text("compliance_field_sector_hint"), error: errors["sector_id"],
                          options: [SelectOption(value: "", label: strings.text("compliance_whole_organisation"),
                                                 selected: chosenSector.isEmpty)]
                              + sectorList.map { SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == chosenSector) }),
            FormFieldView(.text, name: "job_group", value: typed?["job_group"] ?? "", label: strings.text("compliance_field_job_group"),
                          hint: strings.text("compliance_field_job_group_hint"), error: errors["job_group"], maxLength: 100),
            FormFieldView(.text, name: "level", value: typed?["level"] ?? "", label: strings.text("compliance_field_level"),
                          hint: strings.text("compliance_field_level_hint"), error: errors["level"], maxLength: 5),
        ]
        let title = strings.text("compliance_minimum_title")
        return try context.render("compliance/minimum-levels", title: title, MinimumLevelsView(
            crumbs: organisationCrumbs(organisation, strings, then: [
                (Paths.requirements(organisation.slug), strings.text("compliance_title")),
                (Paths.minimumLevels(organisation.slug), title)]),
            scale: content.map { strings.format("compliance_minimum_scale", ["min": String($0.framework.scaleMin),
                                                                              "max": String($0.framework.scaleMax)]) } ?? "",
            areas: areas, hasAreas: !areas.isEmpty, action: Paths.minimumLevels(organisation.slug), fields: fields,
            errors: errors.links, hasErrors: !errors.isEmpty), status: status)
    }

    /// The organisation's newest published framework.
    func newestFrameworkContent(_ organisationID: Int64) throws -> FrameworkContent? {
        guard let newest = try frameworks.frameworks(organisationID: organisationID).first(where: { $0.status == .published })
        else { return nil }
        return try frameworkContent(newest.id)
    }

    /// The unit's competence areas in its newest closed round that shows the unit, against the minimum
    /// levels for its sector: the gap next to the training status. Published figures only, so a
    /// suppressed unit shows nothing.
    func unitAreaGaps(_ unit: Stored<WorkUnit>, _ strings: Strings) throws -> (round: String, areas: [AreaGapView]) {
        let levels = try minimumLevels.levels(organisationID: unit.organisationID)
        guard !levels.isEmpty else { return ("", []) }
        let closed = try rounds.rounds(organisationID: unit.organisationID).filter { $0.status == .closed }
            .sorted { $0.closesOn > $1.closesOn }
        for round in closed.prefix(3) {
            let published = try roundResults(round)
            guard let totals = published.totals(.unit(unit.id)) else { continue }
            let areas = published.content.areas.enumerated().compactMap { index, area -> AreaGapView? in
                guard area.area.kind == .competence, let mean = totals.areaScores[index].mean else { return nil }
                let applicable = levels.filter { $0.areaCode == area.area.code }
                    .map { TargetLevel(sectorID: $0.sectorID, jobGroup: $0.jobGroup, level: $0.level) }
                guard let minimum = TargetLevel.resolve(applicable, sectorID: unit.sectorID, jobGroup: nil) else { return nil }
                return AreaGapView(name: area.area.name.text(strings.language.rawValue), mean: strings.decimal(mean),
                                   minimum: strings.decimal(minimum), gap: strings.signedDecimal(mean - minimum),
                                   below: mean < minimum)
            }
            return (round.title, areas)
        }
        return ("", [])
    }
}
