import Foundation
import HTTPServer
import Metrics
import Storage

struct KeyUserSystemView {
    let name: String
    let purpose: String
    let hasPurpose: Bool
    let keyUsers: [KeyUserView]
    let hasKeyUsers: Bool
    let instructionsHref: String
    let editHref: String
}

struct KeyUserDirectoryView {
    let action: String
    let query: String
    let searched: Bool
    let clearHref: String
    let systems: [KeyUserSystemView]
    let hasSystems: Bool
    let keepsLibrary: Bool
    let newHref: String
    let libraryHref: String
}

/// The key-user form as typed and checked: the system and one key user a line ("HR number; note").
struct KeyUserSystemFormInput {
    var name = ""
    var purpose = ""
    var keyUsers = ""
    var errors = FormErrors()
    private(set) var checked: (name: String, purpose: String, keyUsers: [KeyUserEntry])?

    init() {}

    init(_ details: KeyUserSystemDetails) {
        name = details.system.name
        purpose = details.system.purpose
        keyUsers = details.keyUsers.map { $0.note.isEmpty ? $0.hrNumber : $0.hrNumber + "; " + $0.note }.joined(separator: "\n")
    }

    init(form: FormInput, find: ([String]) throws -> [String: Stored<Employee>], strings: Strings) throws {
        name = form["name"] ?? ""
        purpose = form["purpose"] ?? ""
        keyUsers = form["key_users"] ?? ""
        let nameLine = TrainingFieldRules.line(name, limit: 100, required: true)
        if let problem = nameLine.problem { errors.add("name", strings.text(problem)) }
        let purposeText = TrainingFieldRules.paragraph(purpose, limit: 500)
        if let problem = purposeText.problem { errors.add("purpose", strings.text(problem)) }
        var lines: [(number: String, note: String, line: String)] = []
        for line in keyUsers.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: ";", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let note = parts.count == 2 ? parts[1] : ""
            guard let number = parts.first, !number.isEmpty, number.count <= 40, note.count <= 200,
                  !FieldRules.hasControlCharacter(trimmed) else {
                errors.add("key_users", strings.format("instructions_error_key_user", ["line": String(trimmed.prefix(80))]))
                continue
            }
            lines.append((number, note, trimmed))
        }
        if lines.count > 50 { errors.add("key_users", strings.text("instructions_error_too_many_key_users")) }
        let found = try find(lines.map(\.number))
        var entries: [KeyUserEntry] = []
        for line in lines {
            guard let employee = found[line.number] else {
                errors.add("key_users", strings.format("instructions_error_key_user", ["line": String(line.line.prefix(80))]))
                continue
            }
            entries.append(KeyUserEntry(employeeID: employee.id, note: line.note))
        }
        if errors.isEmpty { checked = (nameLine.text, purposeText.text, entries) }
    }
}

extension WebApp {
    /// The key-user directory: each system of the organisation, what it is for, and its key users
    /// with how to reach them; searchable by system (name or purpose, case and ä/ö ignored).
    func showKeyUsers(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try libraryReader(context)
        let strings = context.strings
        let query = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        let folded = Self.folded(query)
        let systems = try keyUserStore.systems(organisationID: reader.organisation.id).filter { details in
            folded.isEmpty || Self.folded(details.system.name).contains(folded) || Self.folded(details.system.purpose).contains(folded)
        }.map { details in
            KeyUserSystemView(name: details.system.name, purpose: details.system.purpose, hasPurpose: !details.system.purpose.isEmpty,
                              keyUsers: details.keyUsers.map(keyUserView), hasKeyUsers: !details.keyUsers.isEmpty,
                              instructionsHref: Paths.instructionSearch(details.system.name), editHref: Paths.keyUserSystem(details.system.id))
        }
        return try context.render("instructions/key-users", title: strings.text("instructions_key_users_title"), KeyUserDirectoryView(
            action: Paths.keyUsers, query: query, searched: !query.isEmpty, clearHref: Paths.keyUsers, systems: systems,
            hasSystems: !systems.isEmpty, keepsLibrary: reader.keepsLibrary, newHref: Paths.newKeyUserSystem(reader.organisation.slug),
            libraryHref: Paths.instructions))
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    func showNewKeyUserSystem(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try libraryOrganisation(context)
        return try renderKeyUserForm(organisation, context, input: KeyUserSystemFormInput(), systemID: nil)
    }

    func createKeyUserSystem(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try libraryOrganisation(context)
        var input = try keyUserInput(context, organisation)
        guard let checked = input.checked else {
            return try renderKeyUserForm(organisation, context, input: input, systemID: nil, status: .unprocessableContent)
        }
        do {
            try changing {
                let system = try keyUserStore.create(KeyUserSystem(organisationID: organisation.id, name: checked.name, purpose: checked.purpose),
                                                     keyUsers: checked.keyUsers)
                try auditChange("key_users.create", context, target: "key_user_system:\(system.id)")
            }
        } catch StorageError.conflict {
            input.errors.add("name", context.strings.text("instructions_error_system_exists"))
            return try renderKeyUserForm(organisation, context, input: input, systemID: nil, status: .unprocessableContent)
        }
        return context.redirect(Paths.keyUsers, notice: "created")
    }

    /// The system named by `:systemID`, for HR and administrators of its organisation (404 otherwise).
    private func keptSystem(_ context: RequestContext) throws -> (KeyUserSystemDetails, Stored<Organisation>) {
        guard let details = try keyUserStore.system(id: try context.systemID),
              context.access.canManageOrganisation(details.system.organisationID),
              let organisation = try organisations.organisation(id: details.system.organisationID) else { throw AppError.notFound }
        return (details, organisation)
    }

    func showKeyUserSystem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, organisation) = try keptSystem(context)
        return try renderKeyUserForm(organisation, context, input: KeyUserSystemFormInput(details), systemID: details.system.id)
    }

    func updateKeyUserSystem(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, organisation) = try keptSystem(context)
        var input = try keyUserInput(context, organisation)
        guard let checked = input.checked else {
            return try renderKeyUserForm(organisation, context, input: input, systemID: details.system.id, status: .unprocessableContent)
        }
        do {
            try changing {
                try keyUserStore.update(details.system.id, name: checked.name, purpose: checked.purpose, keyUsers: checked.keyUsers)
                try auditChange("key_users.update", context, target: "key_user_system:\(details.system.id)")
            }
        } catch StorageError.conflict {
            input.errors.add("name", context.strings.text("instructions_error_system_exists"))
            return try renderKeyUserForm(organisation, context, input: input, systemID: details.system.id, status: .unprocessableContent)
        }
        return context.redirect(Paths.keyUsers, notice: "saved")
    }

    private func keyUserInput(_ context: RequestContext, _ organisation: Stored<Organisation>) throws -> KeyUserSystemFormInput {
        try KeyUserSystemFormInput(form: try context.requireForm(), find: { numbers in
            try self.employees.activeEmployees(organisationID: organisation.id, hrNumbers: numbers)
        }, strings: context.strings)
    }

    private func renderKeyUserForm(_ organisation: Stored<Organisation>, _ context: RequestContext, input: KeyUserSystemFormInput,
                                   systemID: Int64?, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let errors = input.errors
        let fields = [
            FormFieldView(.text, name: "name", value: input.name, label: strings.text("instructions_field_system_name"),
                          error: errors["name"], required: true, maxLength: 100),
            FormFieldView(.textarea, name: "purpose", value: input.purpose, label: strings.text("instructions_field_purpose"),
                          error: errors["purpose"]),
            FormFieldView(.textarea, name: "key_users", value: input.keyUsers, label: strings.text("instructions_field_key_users"),
                          hint: strings.text("instructions_field_key_users_hint"), error: errors["key_users"]),
        ]
        let heading = strings.text(systemID == nil ? "instructions_new_system" : "instructions_edit_system")
        let action = systemID.map(Paths.keyUserSystem) ?? Paths.newKeyUserSystem(organisation.slug)
        let view = TrainingFormView(
            crumbs: [Crumb(href: Paths.keyUsers, label: strings.text("instructions_key_users_title"), current: false),
                     Crumb(href: action, label: heading, current: true)],
            heading: heading, intro: "", hasIntro: false, action: action,
            submitLabel: strings.text(systemID == nil ? "instructions_create" : "instructions_save"),
            sections: [FormSectionView(fields)], errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("trainings/form", title: heading, view, status: status)
    }
}
