import Foundation
import HTTPServer
import Storage

struct SignInSlipFormView {
    let crumbs: [Crumb]
    let action: String
    let group: SelectFieldView
    let unitOptions: [SelectOption]
    let sectorOptions: [SelectOption]
    let errors: [ErrorLink]
    let hasErrors: Bool
    let groupHint: String
}

struct SignInSlipView {
    let name: String
    let unit: String
    let login: String
    let link: String
    let qr: String?
}

struct SignInSlipsView {
    let crumbs: [Crumb]
    let summary: String
    let validUntil: String
    let slips: [SignInSlipView]
    let hasSlips: Bool
    let backHref: String
}

extension WebApp {
    /// At most this many sign-ins in one print: a sector of a large city is printed unit by unit.
    static let maximumSignInSlips = 500

    func showSignInSlipForm(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        return try renderSignInSlipForm(organisation, context, chosen: request.queryValue("group") ?? "", errors: FormErrors())
    }

    private func renderSignInSlipForm(_ organisation: Stored<Organisation>, _ context: RequestContext, chosen: String,
                                      errors: FormErrors, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let unitList = try units.units(organisationID: organisation.id).filter(\.active)
        let unitOptions = unitList.sorted { $0.name < $1.name }.map { unit in
            SelectOption(value: "unit-\(unit.id)", label: unit.name, selected: chosen == "unit-\(unit.id)")
        }
        let sectorOptions = try sectors.sectors(organisationID: organisation.id).map {
            SelectOption(value: "sector-\($0.id)", label: $0.name, selected: chosen == "sector-\($0.id)")
        }
        let base = Paths.signInSlips(organisation.slug)
        return try context.render("staff/sign-in-slip-form", title: strings.text("staff_slips_title"), SignInSlipFormView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("staff_slips_title"))]),
            action: base,
            group: SelectFieldView(field: FieldView(name: "group", value: chosen, error: errors["group"], hintID: "group-hint"),
                                   options: []),
            unitOptions: unitOptions, sectorOptions: sectorOptions, errors: errors.links, hasErrors: !errors.isEmpty,
            groupHint: strings.format("staff_slips_group_hint", ["maximum": strings.number(Self.maximumSignInSlips)])),
            status: status)
    }

    /// Creates sign-ins (employee role, no password) for the group's active staff who have none, each
    /// with a one-time set-password token, in one transaction with one audit line; prints the slips.
    func createSignInSlips(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let chosen = try context.requireForm()["group"] ?? ""
        guard let group = try slipGroup(chosen, organisation) else {
            var errors = FormErrors()
            errors.add("group", strings.text("staff_slips_error_group"))
            return try renderSignInSlipForm(organisation, context, chosen: chosen, errors: errors,
                                            status: .unprocessableContent)
        }
        let people = try users.employeesWithoutSignIn(organisationID: organisation.id, unitIDs: group.unitIDs)
        guard people.count <= Self.maximumSignInSlips else {
            var errors = FormErrors()
            errors.add("group", strings.format("staff_slips_error_too_many", [
                "count": strings.number(people.count), "maximum": strings.number(Self.maximumSignInSlips),
            ]))
            return try renderSignInSlipForm(organisation, context, chosen: chosen, errors: errors,
                                            status: .unprocessableContent)
        }
        let unitNames = Dictionary(try units.units(organisationID: organisation.id).map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        let expires = Date().addingTimeInterval(Self.passwordSlipLifetime)
        let origin = siteOrigin(request)
        let slips: [SignInSlipView] = try changing {
            var slips: [SignInSlipView] = []
            for employee in people {
                let user = try createSignIn(for: employee)
                let link = try issuePasswordToken(userID: user.id, createdBy: context.principal?.userID,
                                                  lifetime: Self.passwordSlipLifetime)
                let address = (origin ?? "") + Paths.setPassword(token: link.token)
                slips.append(SignInSlipView(
                    name: "\(employee.firstName) \(employee.lastName)", unit: employee.unitID.flatMap { unitNames[$0] } ?? "",
                    login: user.login, link: address,
                    qr: origin == nil ? nil : QRCode(address)?.svg(label: strings.text("staff_password_link_qr"))))
            }
            try auditChange("users.create-slips", context, target: organisation.slug,
                            detail: "\(slips.count) sign-ins for \(chosen)")
            return slips
        }
        var response = try context.render("staff/sign-in-slips", title: strings.text("staff_slips_title"), SignInSlipsView(
            crumbs: organisationCrumbs(organisation, strings, then: [
                (Paths.signInSlips(organisation.slug), strings.text("staff_slips_title")),
            ]),
            summary: strings.format("staff_slips_summary", ["count": strings.number(slips.count), "group": group.name]),
            validUntil: strings.dateTime(expires), slips: slips, hasSlips: !slips.isEmpty,
            backHref: Paths.signInSlips(organisation.slug)))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// The unit (with its sub-units) or sector `value` names, if it is the organisation's.
    private func slipGroup(_ value: String, _ organisation: Stored<Organisation>) throws -> (name: String, unitIDs: [Int64])? {
        if value.hasPrefix("unit-"), let id = Int64(value.dropFirst(5)),
           let unit = try units.unit(id: id), unit.organisationID == organisation.id {
            return (unit.name, Array(try units.unitAndDescendantIDs(of: id)))
        }
        if value.hasPrefix("sector-"), let id = Int64(value.dropFirst(7)),
           let sector = try sectors.sector(id: id), sector.organisationID == organisation.id {
            let ids = try units.units(organisationID: organisation.id).filter { $0.sectorID == id }.map(\.id)
            return (sector.name, ids)
        }
        return nil
    }

    /// A sign-in for `employee` with a login made from their name (`aino.aaltonen`, then
    /// `aino.aaltonen2` …), the roster's e-mail when no one else signs in with it, and the employee role.
    private func createSignIn(for employee: Stored<Employee>) throws -> Stored<User> {
        let base = LoginName.base(firstName: employee.firstName, lastName: employee.lastName, hrNumber: employee.hrNumber)
        var email = employee.email
        if let address = email, try users.user(loginOrEmail: address) != nil { email = nil }
        for attempt in 1...1000 {
            let login = attempt == 1 ? base : base + String(attempt)
            guard try users.user(loginOrEmail: login) == nil else { continue }
            let user = try users.create(User(login: login, email: email, passwordHash: User.noPassword,
                                             employeeID: employee.id))
            _ = try users.assign(RoleAssignment(userID: user.id, role: .employee))
            return user
        }
        throw StorageError.conflict("no free login for \(base)")
    }
}

/// Logins made from names: lower case, letters a–z and digits, first and last name joined by a dot.
enum LoginName {
    static func base(firstName: String, lastName: String, hrNumber: String) -> String {
        let parts = [firstName, lastName].map(fold).filter { !$0.isEmpty }
        let joined = parts.joined(separator: ".")
        return joined.count >= 2 ? String(joined.prefix(60)) : "user" + fold(hrNumber)
    }

    /// "Åsa-Märta Öhman" → "asa-marta", "ohman": accents removed, spaces to hyphens, nothing else kept.
    static func fold(_ text: String) -> String {
        let plain = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
            .lowercased()
        var result = ""
        for scalar in plain.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-", !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        return result.hasSuffix("-") ? String(result.dropLast()) : result
    }
}
