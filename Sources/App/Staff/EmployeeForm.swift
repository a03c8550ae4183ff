import Foundation
import HTTPServer
import Storage

/// The employee form as submitted, checked field by field.
struct EmployeeFormInput {
    var values: [String: String] = [:]
    var errors = FormErrors()
    var unitID: Int64?

    /// The form's fields in page order; the error summary follows it.
    static let fields = ["first_name", "last_name", "email", "phone", "unit_id", "job_title", "job_group",
                         "start_date", "end_date", "language"]

    init(form: FormInput, units: [Stored<WorkUnit>], strings: Strings) {
        for name in Self.fields { values[name] = form[name] ?? "" }
        for name in ["first_name", "last_name"] {
            let value = values[name] ?? ""
            if value.isEmpty {
                errors.add(name, strings.text("staff_error_\(name)_required"))
            } else if value.count > 100 {
                errors.add(name, strings.text("staff_error_too_long"))
            }
        }
        let email = values["email"] ?? ""
        if !email.isEmpty, !FieldRules.isEmailShaped(email) {
            errors.add("email", strings.text("staff_error_email_shape"))
        }
        for name in ["phone", "job_title", "job_group"] where (values[name] ?? "").count > staffNameLimit {
            errors.add(name, strings.text("staff_error_too_long"))
        }
        let unitChoice = values["unit_id"] ?? ""
        if !unitChoice.isEmpty {
            if let id = Int64(unitChoice), units.contains(where: { $0.id == id }) {
                unitID = id
            } else {
                errors.add("unit_id", strings.text("staff_error_choose_from_list"))
            }
        }
        checkDates(strings)
        if Language(rawValue: values["language"] ?? "") == nil {
            errors.add("language", strings.text("staff_error_choose_from_list"))
        }
    }

    private mutating func checkDates(_ strings: Strings) {
        let start = values["start_date"] ?? ""
        let end = values["end_date"] ?? ""
        let startValid = start.isEmpty || Self.isCalendarDate(start)
        if !startValid { errors.add("start_date", strings.text("staff_error_date_shape")) }
        if !end.isEmpty, !Self.isCalendarDate(end) {
            errors.add("end_date", strings.text("staff_error_date_shape"))
        } else if !end.isEmpty, !start.isEmpty, startValid, end < start {
            errors.add("end_date", strings.text("staff_error_end_before_start"))
        }
    }

    /// The edits applied to `employee`; only meaningful when `errors` is empty.
    func applied(to employee: Stored<Employee>) -> Stored<Employee> {
        var employee = employee
        func optional(_ name: String) -> String? {
            let value = values[name] ?? ""
            return value.isEmpty ? nil : value
        }
        employee.firstName = values["first_name"] ?? employee.firstName
        employee.lastName = values["last_name"] ?? employee.lastName
        employee.email = optional("email")
        employee.phone = optional("phone")
        employee.unitID = unitID
        employee.jobTitle = optional("job_title")
        employee.jobGroup = optional("job_group")
        employee.startDate = optional("start_date")
        employee.endDate = optional("end_date")
        employee.language = values["language"] ?? employee.language
        return employee
    }

    /// `YYYY-MM-DD` naming a real day (no 31 April, 29 February only in leap years).
    static func isCalendarDate(_ text: String) -> Bool {
        FieldRules.readDate(text) == .date(text)
    }
}

struct EmployeeEditView {
    let crumbs: [Crumb]
    let name: String
    let hrNumber: String
    let action: String
    let cancelHref: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let firstName: FieldView
    let lastName: FieldView
    let email: FieldView
    let phone: FieldView
    let unit: SelectFieldView
    let jobTitle: FieldView
    let jobGroup: FieldView
    let startDate: FieldView
    let endDate: FieldView
    let language: SelectFieldView
}

extension WebApp {
    func showEditEmployee(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        let values: [String: String] = [
            "first_name": employee.firstName, "last_name": employee.lastName, "email": employee.email ?? "",
            "phone": employee.phone ?? "", "unit_id": employee.unitID.map { String($0) } ?? "",
            "job_title": employee.jobTitle ?? "", "job_group": employee.jobGroup ?? "",
            "start_date": employee.startDate ?? "", "end_date": employee.endDate ?? "", "language": employee.language,
        ]
        return try renderEmployeeEdit(employee, context, values: values, errors: FormErrors())
    }

    /// Saves the edit form; on errors shows it again (422) with each message tied to its field.
    func updateEmployee(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        let id = employee.id
        // A deactivated unit takes no new staff; someone already in one may stay there.
        let choosable = try units.units(organisationID: employee.organisationID).filter {
            $0.active || $0.id == employee.unitID
        }
        var input = EmployeeFormInput(form: try context.requireForm(), units: choosable, strings: context.strings)
        if input.errors.isEmpty {
            switch try saveEmployee(input.applied(to: employee), context) {
            case .success:
                return context.redirect(Paths.employee(id), notice: "saved")
            case .failure(.invalid):
                // The unit was deactivated or moved away between the form and the save.
                input.errors.add("unit_id", context.strings.text("staff_error_choose_from_list"))
            case .failure(.notFound):
                throw AppError.notFound
            case .failure(let error):
                throw error
            }
        }
        return try renderEmployeeEdit(employee, context, values: input.values, errors: input.errors)
    }

    private func saveEmployee(_ employee: Stored<Employee>, _ context: RequestContext) throws -> Result<Void, StorageError> {
        do {
            try changing {
                try employees.update(employee)
                try auditChange("employee.update", context, target: "employee:\(employee.id)")
                try startOnboardingIfNew(employee, how: .added, context)
            }
        } catch let error as StorageError {
            return .failure(error)
        }
        return .success(())
    }

    private func renderEmployeeEdit(_ employee: Stored<Employee>, _ context: RequestContext, values: [String: String],
                                    errors: FormErrors) throws -> Response {
        let strings = context.strings
        let id = employee.id
        func field(_ name: String, hint: Bool = false) -> FieldView {
            FieldView(name: name, value: values[name] ?? "", error: errors[name], hintID: hint ? name + "-hint" : nil)
        }
        let unitChoice = values["unit_id"] ?? ""
        let unitOptions = [SelectOption(value: "", label: strings.text("staff_choice_no_unit"), selected: unitChoice.isEmpty)]
            + (try units.units(organisationID: employee.organisationID)).filter { $0.active || String($0.id) == unitChoice }
            .map { SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == unitChoice) }
        let languageChoice = values["language"] ?? ""
        let languageOptions = Language.allCases.map {
            SelectOption(value: $0.rawValue, label: strings.text("language_" + $0.rawValue),
                         selected: $0.rawValue == languageChoice)
        }
        var crumbs: [Crumb] = []
        if let organisation = try organisations.organisation(id: employee.organisationID) {
            crumbs = organisationCrumbs(organisation, strings, then: [
                (Paths.employees(organisation.slug), strings.text("staff_employees_title")),
                (Paths.employee(id), employee.fullName), (Paths.editEmployee(id), strings.text("staff_edit")),
            ])
        }
        let view = EmployeeEditView(
            crumbs: crumbs, name: employee.fullName, hrNumber: employee.hrNumber, action: Paths.editEmployee(id),
            cancelHref: Paths.employee(id), errors: errors.links, hasErrors: !errors.isEmpty,
            firstName: field("first_name"), lastName: field("last_name"), email: field("email"), phone: field("phone"),
            unit: SelectFieldView(field: field("unit_id"), options: unitOptions),
            jobTitle: field("job_title"), jobGroup: field("job_group"),
            startDate: field("start_date", hint: true), endDate: field("end_date", hint: true),
            language: SelectFieldView(field: field("language"), options: languageOptions))
        return try context.render("staff/employee-edit",
                                  title: strings.format("staff_employee_edit_title", ["name": employee.fullName]),
                                  view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
