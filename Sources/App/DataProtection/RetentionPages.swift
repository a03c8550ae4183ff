import Foundation
import HTTPServer
import Storage

struct DataProtectionView {
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let fields: [NumberFieldView]
    let errors: [String]
    let hasErrors: Bool
    let leaversDue: String
    let assessmentsDue: String
    let runs: [String]
    let hasRuns: Bool
    let auditHref: String
    let privacyHref: String
}

struct NumberFieldView {
    let name: String
    let label: String
    let hint: String
    let value: String
    let min: Int
    let max: Int
}

struct ErasureView {
    let crumbs: [Crumb]
    let heading: String
    let name: String
    let refusal: String?
    let action: String
    let reason: String
    let error: String?
    let dataHref: String
}

extension WebApp {
    // MARK: - Retention settings

    func showDataProtection(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let policy = try RetentionStore(database).policy(organisationID: organisation.id)
        return try renderDataProtection(organisation, context, leavers: String(policy.leaversMonths),
                                        assessments: String(policy.assessmentsYears), errors: [])
    }

    func saveRetentionPolicy(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let form = try context.requireForm()
        let leaversText = (form["leavers_months"] ?? "").trimmingCharacters(in: .whitespaces)
        let assessmentsText = (form["assessments_years"] ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String] = []
        let leavers = Int(leaversText).flatMap { RetentionPolicy.leaversMonthsRange.contains($0) ? $0 : nil }
        let assessments = Int(assessmentsText).flatMap { RetentionPolicy.assessmentsYearsRange.contains($0) ? $0 : nil }
        if leavers == nil { errors.append(context.strings.text("retention_leavers_invalid")) }
        if assessments == nil { errors.append(context.strings.text("retention_assessments_invalid")) }
        guard let leavers, let assessments else {
            return try renderDataProtection(organisation, context, leavers: leaversText, assessments: assessmentsText,
                                            errors: errors, status: .unprocessableContent)
        }
        try changing {
            try RetentionStore(database).save(RetentionPolicy(leaversMonths: leavers, assessmentsYears: assessments),
                                              organisationID: organisation.id, by: context.principal?.userID, at: settings.now())
            try auditChange("retention.policy", context, target: "organisation:\(organisation.id)",
                            detail: "leavers \(leavers) months, self-assessments \(assessments) years")
        }
        return context.redirect(Paths.dataProtection(organisation.slug), notice: "saved")
    }

    private func renderDataProtection(_ organisation: Stored<Organisation>, _ context: RequestContext, leavers: String,
                                      assessments: String, errors: [String], status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let store = RetentionStore(database)
        let today = HelsinkiTime.date(settings.now())
        let heading = strings.format("retention_title", ["organisation": organisation.name])
        let runs = try store.recentRuns(limit: 7).map { run in
            strings.format("retention_run_line", [
                "day": strings.date(run.day), "people": strings.number(run.report.peopleErased),
                "assessments": strings.number(run.report.assessmentsUnlinked),
                "lines": strings.number(run.report.auditLinesDeleted),
            ])
        }
        return try context.render("dataprotection/retention", title: heading, DataProtectionView(
            crumbs: [Crumb(href: Paths.organisation(organisation.slug), label: organisation.name, current: false),
                     Crumb(href: Paths.dataProtection(organisation.slug), label: strings.text("retention_short"), current: true)],
            heading: heading, action: Paths.dataProtection(organisation.slug),
            fields: [
                NumberFieldView(name: "leavers_months", label: strings.text("retention_leavers"),
                                hint: strings.text("retention_leavers_hint"), value: leavers,
                                min: RetentionPolicy.leaversMonthsRange.lowerBound, max: RetentionPolicy.leaversMonthsRange.upperBound),
                NumberFieldView(name: "assessments_years", label: strings.text("retention_assessments"),
                                hint: strings.text("retention_assessments_hint"), value: assessments,
                                min: RetentionPolicy.assessmentsYearsRange.lowerBound,
                                max: RetentionPolicy.assessmentsYearsRange.upperBound),
            ],
            errors: errors, hasErrors: !errors.isEmpty,
            leaversDue: strings.format("retention_leavers_due", [
                "count": strings.number(try store.leaversDue(organisationID: organisation.id, today: today).count)]),
            assessmentsDue: strings.format("retention_assessments_due", [
                "count": strings.number(try store.assessmentsDue(organisationID: organisation.id, today: today))]),
            runs: runs, hasRuns: !runs.isEmpty, auditHref: Paths.organisationAudit(organisation.slug),
            privacyHref: Paths.privacyNotice(organisation.slug)), status: status)
    }


    /// Today's retention pass, if it has not run yet (the hourly worker asks); nil when it has.
    public func runRetentionIfDue() throws -> RetentionReport? {
        let now = settings.now()
        return try RetentionStore(database).runIfDue(today: HelsinkiTime.date(now), now: now)
    }

    // MARK: - Erasing a person

    func showErasure(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        return try renderErasure(employee, context, reason: "", error: nil)
    }

    /// Erases a person who has left, with HR's reason (GDPR art. 17); refused while they are employed.
    func erasePerson(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        let reason = String((try context.requireForm()["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        let today = HelsinkiTime.date(settings.now())
        let store = RetentionStore(database)
        if try store.erasureRefusal(employeeID: employee.id, today: today) != nil {
            return try renderErasure(employee, context, reason: reason, error: nil, status: .conflict)
        }
        guard !reason.isEmpty else {
            return try renderErasure(employee, context, reason: reason, error: context.strings.text("erasure_reason_missing"),
                                     status: .unprocessableContent)
        }
        try changing {
            try store.erase(employeeID: employee.id, today: today, at: settings.now())
            try auditChange("person.erase", context, target: "employee:\(employee.id)", detail: "manual: " + reason)
        }
        guard let organisation = try organisations.organisation(id: employee.organisationID) else { throw AppError.notFound }
        return context.redirect(Paths.employees(organisation.slug), notice: "person_erased")
    }

    private func renderErasure(_ employee: Stored<Employee>, _ context: RequestContext, reason: String, error: String?,
                               status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let name = employee.firstName + " " + employee.lastName
        let refusal = try RetentionStore(database).erasureRefusal(employeeID: employee.id, today: HelsinkiTime.date(settings.now()))
        let heading = strings.format("erasure_title", ["name": name])
        return try context.render("dataprotection/erasure", title: heading, ErasureView(
            crumbs: [Crumb(href: Paths.employee(employee.id), label: name, current: false),
                     Crumb(href: Paths.employeeErasure(employee.id), label: strings.text("erasure_short"), current: true)],
            heading: heading, name: name,
            refusal: refusal.map { strings.text($0 == .stillEmployed ? "erasure_refused_employed" : "erasure_refused_erased") },
            action: Paths.employeeErasure(employee.id), reason: reason, error: error,
            dataHref: Paths.employeeData(employee.id)), status: status)
    }
}
