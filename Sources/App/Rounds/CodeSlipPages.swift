import Foundation
import HTTPServer
import Storage

/// One open anonymous round on a unit's survey page, with its slip form.
struct UnitRoundRow {
    let title: String
    let dates: String
    let invited: String
    /// Staff of the unit's sub-units the round invited, when it has sub-units: they are not counted
    /// in `invited`, and get their slips from the page's other choice.
    let subUnitsInvited: String?
    let codesMade: String
    let codesUsed: String
    let action: String
    let count: FieldView
}

/// "This unit only" or "with its sub-units": shown when the unit has sub-units.
struct SlipScopeChoice {
    let unitHref: String
    let treeHref: String
    let treeLabel: String
    let tree: Bool
}

struct UnitSurveysView {
    let crumbs: [Crumb]
    let unitName: String
    let choice: SlipScopeChoice?
    let rounds: [UnitRoundRow]
    let treeRounds: [UnitTreeRoundRow]
    let hasRounds: Bool
    let errors: [ErrorLink]
    let hasErrors: Bool
}

/// One printed slip: the code, the unit it answers for, and a QR code of the code form with the code
/// filled in (when the page knows its own address). No name: a code is not linked to a person.
struct CodeSlip {
    let code: String
    let unitName: String
    let qr: String?
}

struct CodeSlipsView {
    let crumbs: [Crumb]
    let unitName: String
    let roundTitle: String
    let address: String
    let summary: String
    let slips: [CodeSlip]
    let hasQR: Bool
    let instructionFi: String
    let instructionSv: String
    let backHref: String
}

/// Most slips printed at once: a few A4 sheets, enough for a large unit.
let maximumCodeSlips = 200

extension WebApp {
    /// The open anonymous rounds that invited this unit's staff, with the codes made and used so far.
    /// `?with=sub-units` shows the unit with its sub-units, for one print of slips for all of them.
    func showUnitSurveys(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try viewableUnit(context)
        if request.queryValue("with") == "sub-units" { return try renderUnitTreeSurveys(unit, context) }
        return try renderUnitSurveys(unit, context)
    }

    /// Makes `count` one-time codes for a unit of an open anonymous round, stores only their hashes,
    /// and shows them once, laid out for printing.
    func createSurveyCodes(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try viewableUnit(context)
        let unitID = unit.id
        guard let round = try rounds.round(id: try context.roundID), round.organisationID == unit.organisationID
        else { throw AppError.notFound }
        let roundID = round.id
        let form = try context.requireForm()
        if form["scope"] == "sub-units" { return try createTreeSurveyCodes(form, round: round, unit: unit, context) }
        let strings = context.strings
        let field = "count-\(roundID)"
        var errors = FormErrors()
        if let refusal = try codeRefusal(round, unitID: unitID) {
            errors.add(field, strings.text(refusal))
            return try renderUnitSurveys(unit, context, errors: errors, status: .conflict)
        }
        let typed = form["count"] ?? ""
        guard let count = Int(typed), (1...maximumCodeSlips).contains(count) else {
            errors.add(field, strings.format("rounds_error_code_count", ["maximum": String(maximumCodeSlips)]))
            return try renderUnitSurveys(unit, context, errors: errors, typed: [roundID: typed])
        }
        var codes: Set<String> = []
        while codes.count < count { codes.insert(SurveyCode.generate()) }
        let ordered = codes.sorted()
        let hashes = ordered.compactMap { SurveyCode.normalise($0).map(SurveyCode.hash) }
        try changing {
            try responses.addCodes(hashes: hashes, roundID: roundID, unitID: unitID, day: CalendarDate.today())
            try auditChange("round.codes", context, target: "round:\(roundID)",
                            detail: "\(count) codes for unit \(unitID) round \(roundID)")
        }
        return try renderSlips(ordered.map { ($0, unit) }, round: round, unit: unit, context)
    }

    /// Why codes cannot be made for this round and unit, as a string key; nil when they can.
    func codeRefusal(_ round: Stored<SurveyRound>, unitID: Int64) throws -> String? {
        if let refusal = codeRefusal(round) { return refusal }
        if try !rounds.roundCovers(roundID: round.id, unitID: unitID) {
            return "rounds_error_codes_not_invited"
        }
        return nil
    }

    /// Why codes cannot be made for this round at all (its mode, its dates); nil when they can.
    func codeRefusal(_ round: Stored<SurveyRound>) -> String? {
        if round.mode != .anonymous { return "rounds_error_codes_identified" }
        if round.status != .open || round.closesOn < CalendarDate.today() { return "rounds_error_codes_closed" }
        return nil
    }

    private func renderUnitSurveys(_ unit: Stored<WorkUnit>, _ context: RequestContext, errors: FormErrors = FormErrors(),
                                   typed: [Int64: String] = [:], status: HTTPStatus? = nil) throws -> Response {
        let strings = context.strings
        let unitID = unit.id
        let today = CalendarDate.today()
        let covering = try rounds.openRounds(coveringUnit: unitID, mode: .anonymous)
            .filter { $0.round.closesOn >= today }
        let subUnits = try visibleSubUnits(of: unit, context)
        let subUnitCounts = try rounds.openRounds(coveringAnyOf: subUnits.map(\.id), mode: .anonymous)
        let rows = try covering.map { item in
            let roundID = item.round.id
            let codes = try responses.codeCounts(roundID: roundID)[unitID] ?? (created: 0, used: 0)
            let field = "count-\(roundID)"
            return UnitRoundRow(
                title: item.round.title,
                dates: strings.date(item.round.opensOn) + "–" + strings.date(item.round.closesOn),
                invited: strings.number(item.invited),
                subUnitsInvited: subUnits.isEmpty ? nil : strings.number(
                    subUnitCounts.first { $0.round.id == roundID }?.invitedByUnit.values.reduce(0, +) ?? 0),
                codesMade: strings.number(codes.created),
                codesUsed: codes.used >= item.round.minimumGroupSize ? strings.number(codes.used)
                    : strings.format("rounds_codes_hidden", ["minimum": String(item.round.minimumGroupSize)]),
                action: Paths.unitSurveyCodes(unitID, roundID),
                count: FieldView(name: field, value: typed[roundID] ?? "", error: errors[field], hintID: field + "-hint"))
        }
        let view = UnitSurveysView(crumbs: try surveyCrumbs(unit, context), unitName: unit.name,
                                   choice: slipScopeChoice(unit, subUnits: subUnits, tree: false, strings),
                                   rounds: rows, treeRounds: [],
                                   hasRounds: !rows.isEmpty, errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("rounds/unit-surveys", title: strings.text("rounds_slips_title") + " – " + unit.name,
                                  view, status: status ?? (errors.isEmpty ? .ok : .unprocessableContent))
    }

    /// The printable slips, each labelled with its unit (a print may hold a unit and its sub-units).
    func renderSlips(_ codes: [(code: String, unit: Stored<WorkUnit>)], round: Stored<SurveyRound>,
                             unit: Stored<WorkUnit>, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let origin = siteOrigin(context.request)
        let address = (origin ?? "") + Paths.codeEntry
        let instruction = { (language: Language) in
            self.localisation.strings(language).format(origin == nil ? "rounds_slip_instruction" : "rounds_slip_instruction_qr",
                                                       ["address": address])
        }
        let qrLabel = strings.text("rounds_slip_qr_label")
        let slips = codes.map { item in
            CodeSlip(code: item.code, unitName: item.unit.name,
                     qr: origin.flatMap { QRCode($0 + Paths.codeEntry(prefilled: item.code)) }?.svg(label: qrLabel))
        }
        let unitID = unit.id
        let units = Set(codes.map(\.unit.id))
        var crumbs = try surveyCrumbs(unit, context).map { Crumb(href: $0.href, label: $0.label, current: false) }
        crumbs.append(Crumb(href: Paths.unitSurveys(unitID), label: strings.text("rounds_slips_printed"), current: true))
        let summary = units.count > 1
            ? strings.format("rounds_slips_summary_tree", ["count": strings.number(codes.count), "unit": unit.name,
                                                          "units": strings.number(units.count)])
            : strings.format("rounds_slips_summary", ["count": strings.number(codes.count), "unit": unit.name])
        let view = CodeSlipsView(
            crumbs: crumbs, unitName: unit.name, roundTitle: round.title, address: address, summary: summary,
            slips: slips, hasQR: origin != nil, instructionFi: instruction(.fi), instructionSv: instruction(.sv),
            backHref: Paths.unitSurveys(unitID))
        var response = try context.render("rounds/slips", title: strings.text("rounds_slips_printed") + " – " + unit.name, view)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Organisation › units › unit › surveys for those who manage it; "my units" › unit › surveys for
    /// supervisors.
    func surveyCrumbs(_ unit: Stored<WorkUnit>, _ context: RequestContext) throws -> [Crumb] {
        let strings = context.strings
        let unitID = unit.id
        let here = [(Paths.unit(unitID), unit.name), (Paths.unitSurveys(unitID), strings.text("rounds_slips_title"))]
        if context.access.canManageOrganisation(unit.organisationID),
           let organisation = try organisations.organisation(id: unit.organisationID) {
            return organisationCrumbs(organisation, strings, then: [
                (Paths.unitTree(organisation.slug), strings.text("staff_units_title")),
            ] + here)
        }
        let trail = [(Paths.myUnits, strings.text("staff_my_units_title"))] + here
        return trail.enumerated().map { index, item in
            Crumb(href: item.0, label: item.1, current: index == trail.count - 1)
        }
    }
}
