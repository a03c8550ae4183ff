import Foundation
import HTTPServer
import Storage

/// One unit's line in a print for a unit with its sub-units: how many its round invited, the codes
/// made and used, and how many slips to print for it.
struct UnitCountRow {
    let name: String
    let meta: String
    /// The input's `id` (unique on the page) and its error.
    let field: FieldView
    /// The input's `name`: `count-UNITID`.
    let inputName: String
}

/// One open anonymous round on the "with sub-units" page, with a count for each invited unit.
struct UnitTreeRoundRow {
    let id: String
    let title: String
    let dates: String
    let totalInvited: String
    let action: String
    let units: [UnitCountRow]
    let hintID: String
    let hint: String
    let error: String?
}

/// Most slips printed at once for a unit with its sub-units: a few hundred people, a few dozen sheets.
let maximumTreeCodeSlips = 600

extension WebApp {
    /// The sub-units of `unit` at every depth that this user may see, each under its parent, by name.
    func visibleSubUnits(of unit: Stored<WorkUnit>, _ context: RequestContext) throws -> [Stored<WorkUnit>] {
        var children: [Int64: [Stored<WorkUnit>]] = [:]
        for candidate in try units.units(organisationID: unit.organisationID) {
            if let parentID = candidate.parentID { children[parentID, default: []].append(candidate) }
        }
        var result: [Stored<WorkUnit>] = []
        var seen: Set<Int64> = [unit.id]
        func visit(_ parentID: Int64) {
            let sorted = (children[parentID] ?? []).sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            for child in sorted where !seen.contains(child.id) && context.access.canViewUnit(child) {
                seen.insert(child.id)
                result.append(child)
                visit(child.id)
            }
        }
        visit(unit.id)
        return result
    }

    /// The choice between this unit's slips and the unit's with its sub-units; nil without sub-units.
    func slipScopeChoice(_ unit: Stored<WorkUnit>, subUnits: [Stored<WorkUnit>], tree: Bool,
                         _ strings: Strings) -> SlipScopeChoice? {
        let active = subUnits.filter(\.active).count
        guard active > 0 || tree else { return nil }
        return SlipScopeChoice(unitHref: Paths.unitSurveys(unit.id), treeHref: Paths.unitSurveysWithSubUnits(unit.id),
                               treeLabel: strings.format("rounds_slips_scope_tree", ["count": strings.number(active)]),
                               tree: tree)
    }

    /// The open anonymous rounds that invited staff of the unit or any of its sub-units, each with a
    /// slip count per invited unit.
    func renderUnitTreeSurveys(_ unit: Stored<WorkUnit>, _ context: RequestContext, errors: FormErrors = FormErrors(),
                               typed: [String: String] = [:], status: HTTPStatus? = nil) throws -> Response {
        let strings = context.strings
        let subUnits = try visibleSubUnits(of: unit, context)
        let tree = [unit] + subUnits
        let today = CalendarDate.today()
        let covering = try rounds.openRounds(coveringAnyOf: tree.map(\.id), mode: .anonymous)
            .filter { $0.round.closesOn >= today }
        let rows = try covering.map { item -> UnitTreeRoundRow in
            let round = item.round
            let roundID = round.id
            let codes = try responses.codeCounts(roundID: roundID)
            let units = tree.compactMap { member -> UnitCountRow? in
                guard let invited = item.invitedByUnit[member.id], invited > 0 else { return nil }
                let made = codes[member.id] ?? (created: 0, used: 0)
                let id = "count-\(roundID)-\(member.id)"
                return UnitCountRow(
                    name: member.name,
                    meta: strings.format("rounds_tree_unit_meta", [
                        "invited": strings.number(invited), "made": strings.number(made.created),
                        "used": made.used >= round.minimumGroupSize ? strings.number(made.used)
                            : strings.format("rounds_codes_hidden", ["minimum": String(round.minimumGroupSize)]),
                    ]),
                    field: FieldView(name: id, value: typed[id] ?? "", error: errors[id], hintID: id + "-hint"),
                    inputName: "count-\(member.id)")
            }
            return UnitTreeRoundRow(
                id: "round-\(roundID)", title: round.title,
                dates: strings.date(round.opensOn) + "–" + strings.date(round.closesOn),
                totalInvited: strings.number(item.invitedByUnit.values.reduce(0, +)),
                action: Paths.unitSurveyCodes(unit.id, roundID), units: units, hintID: "round-\(roundID)-hint",
                hint: strings.format("rounds_tree_counts_hint", ["maximum": strings.number(maximumTreeCodeSlips)]),
                error: errors["round-\(roundID)"])
        }
        let view = UnitSurveysView(
            crumbs: try surveyCrumbs(unit, context), unitName: unit.name,
            choice: slipScopeChoice(unit, subUnits: subUnits, tree: true, strings), rounds: [], treeRounds: rows,
            hasRounds: !rows.isEmpty, errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("rounds/unit-surveys", title: strings.text("rounds_slips_title") + " – " + unit.name,
                                  view, status: status ?? (errors.isEmpty ? .ok : .unprocessableContent))
    }

    /// Makes codes for the unit and its invited sub-units in one go (`count-UNITID` for each; blank is
    /// none) and shows them as one print, each slip labelled with its unit. Only units of this unit's
    /// tree that the user may see are read; any other count in the form is ignored.
    func createTreeSurveyCodes(_ form: FormInput, round: Stored<SurveyRound>, unit: Stored<WorkUnit>,
                               _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let roundID = round.id
        var errors = FormErrors()
        if let refusal = codeRefusal(round) {
            errors.add("round-\(roundID)", strings.text(refusal))
            return try renderUnitTreeSurveys(unit, context, errors: errors, status: .conflict)
        }
        let tree = [unit] + (try visibleSubUnits(of: unit, context))
        let invited = try rounds.openRounds(coveringAnyOf: tree.map(\.id), mode: .anonymous)
            .first { $0.round.id == roundID }?.invitedByUnit ?? [:]
        let members = tree.filter { (invited[$0.id] ?? 0) > 0 }
        guard !members.isEmpty else {
            errors.add("round-\(roundID)", strings.text("rounds_error_codes_not_invited"))
            return try renderUnitTreeSurveys(unit, context, errors: errors, status: .conflict)
        }
        var counts: [(unit: Stored<WorkUnit>, count: Int)] = []
        var typed: [String: String] = [:]
        for member in members {
            let id = "count-\(roundID)-\(member.id)"
            let text = String((form["count-\(member.id)"] ?? "").prefix(16)).trimmingCharacters(in: .whitespaces)
            typed[id] = text
            guard let count = text.isEmpty ? 0 : Int(text), (0...maximumCodeSlips).contains(count) else {
                errors.add(id, strings.text("rounds_error_tree_count") + " (" + member.name + ")")
                continue
            }
            if count > 0 { counts.append((member, count)) }
        }
        let total = counts.reduce(0) { $0 + $1.count }
        if errors.isEmpty, !(1...maximumTreeCodeSlips).contains(total), let first = members.first {
            errors.add("count-\(roundID)-\(first.id)",
                       strings.format("rounds_error_tree_total", ["maximum": strings.number(maximumTreeCodeSlips)]))
        }
        guard errors.isEmpty else { return try renderUnitTreeSurveys(unit, context, errors: errors, typed: typed) }

        var seen: Set<String> = []
        var slips: [(code: String, unit: Stored<WorkUnit>)] = []
        var hashesByUnit: [(unitID: Int64, hashes: [Data])] = []
        for (member, count) in counts {
            var codes: Set<String> = []
            while codes.count < count {
                let code = SurveyCode.generate()
                if !seen.contains(code) { codes.insert(code) }
            }
            seen.formUnion(codes)
            let ordered = codes.sorted()
            hashesByUnit.append((member.id, ordered.compactMap { SurveyCode.normalise($0).map(SurveyCode.hash) }))
            slips += ordered.map { ($0, member) }
        }
        let detail = counts.map { "unit \($0.unit.id) × \($0.count)" }.joined(separator: ", ")
        try changing {
            try responses.addCodes(hashesByUnit: hashesByUnit, roundID: roundID, day: CalendarDate.today())
            try auditChange("round.codes", context, target: "round:\(roundID)",
                            detail: "\(total) codes for unit \(unit.id) with sub-units round \(roundID): \(detail)")
        }
        return try renderSlips(slips, round: round, unit: unit, context)
    }
}
