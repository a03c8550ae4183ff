import Foundation
import HTTPServer
import Storage

/// One section of a person's data on the readable page.
struct PersonalSectionView {
    let id: String
    let heading: String
    let columns: [String]
    let rows: [[String]]
    /// "12 more rows are in the file", when the page shows only the first ones.
    let more: String?
}

struct PersonalDataView {
    let crumbs: [Crumb]
    let heading: String
    let intro: String
    let downloadHref: String
    let sections: [PersonalSectionView]
    let hasSections: Bool
    /// HR's page: erasing the person, when they have left.
    let erasureHref: String?
}

extension WebApp {
    /// Rows of one section shown on the page; the file has them all.
    static let personalRowsShown = 50

    /// The person's own data (right of access): everything kept about them, and the file to take.
    func showOwnData(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        let strings = context.strings
        let title = strings.text("personal_data_own_title")
        return try renderPersonalData(context, employeeID: principal.employeeID, userID: principal.userID, heading: title,
                                      intro: strings.text("personal_data_own_intro"), download: Paths.ownDataDownload,
                                      crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                                               Crumb(href: Paths.ownData, label: title, current: true)])
    }

    func downloadOwnData(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        return try personalDataFile(context, employeeID: principal.employeeID, userID: principal.userID,
                                    filename: "omat-tiedot.json", target: "user:\(principal.userID)")
    }

    /// HR of the person's organisation (and administrators) answer a request for access: the same
    /// page the person sees, and the file. Looking is audited, like downloading.
    func showEmployeeData(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        let strings = context.strings
        let name = employee.firstName + " " + employee.lastName
        let user = try users.userLinked(toEmployee: employee.id)
        recordEvent("personal_data.view", userID: context.principal?.userID, login: context.principal?.user.login,
                    address: request.clientAddress, target: "employee:\(employee.id)")
        return try renderPersonalData(
            context, employeeID: employee.id, userID: user?.id,
            heading: strings.format("personal_data_employee_title", ["name": name]),
            intro: strings.text("personal_data_employee_intro"), download: Paths.employeeDataDownload(employee.id),
            crumbs: [Crumb(href: Paths.employee(employee.id), label: name, current: false),
                     Crumb(href: Paths.employeeData(employee.id), label: strings.text("personal_data_short"), current: true)],
            erasureHref: Paths.employeeErasure(employee.id))
    }

    func downloadEmployeeData(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try editableEmployee(context)
        let user = try users.userLinked(toEmployee: employee.id)
        return try personalDataFile(context, employeeID: employee.id, userID: user?.id,
                                    filename: "henkilotiedot-\(employee.hrNumber.filter { $0.isLetter || $0.isNumber }).json",
                                    target: "employee:\(employee.id)")
    }

    // MARK: - Collecting and writing

    /// Every section of the person's data, the identified self-assessments opened.
    func personalData(employeeID: Int64?, userID: Int64?) throws -> [PersonalDataSection] {
        let store = PersonalDataStore(database)
        var sections = try store.sections(employeeID: employeeID, userID: userID)
        if let employeeID {
            if let scores = try store.identifiedSelfAssessments(employeeID: employeeID) { sections.append(scores) }
            if let answers = try store.identifiedAnswers(employeeID: employeeID) { sections.append(answers) }
        }
        return sections
    }

    private func renderPersonalData(_ context: RequestContext, employeeID: Int64?, userID: Int64?, heading: String,
                                    intro: String, download: String, crumbs: [Crumb],
                                    erasureHref: String? = nil) throws -> Response {
        let strings = context.strings
        let sections = try personalData(employeeID: employeeID, userID: userID).map { section in
            PersonalSectionView(
                id: "section-" + section.key.replacingOccurrences(of: "_", with: "-"),
                heading: strings.text("personal_data_section_" + section.key),
                columns: section.columns.map { $0.replacingOccurrences(of: "_", with: " ") },
                rows: section.rows.prefix(Self.personalRowsShown).map { $0.map(\.display) },
                more: section.rows.count > Self.personalRowsShown
                    ? strings.format("personal_data_more_rows", ["count": strings.number(section.rows.count - Self.personalRowsShown)])
                    : nil)
        }
        return try context.render("dataprotection/personal-data", title: heading, PersonalDataView(
            crumbs: crumbs, heading: heading, intro: intro, downloadHref: download, sections: sections,
            hasSections: !sections.isEmpty, erasureHref: erasureHref))
    }

    /// The machine-readable file (GDPR art. 20): JSON, each section a list of objects.
    private func personalDataFile(_ context: RequestContext, employeeID: Int64?, userID: Int64?, filename: String,
                                  target: String) throws -> Response {
        let sections = try personalData(employeeID: employeeID, userID: userID)
        let file = PersonalDataFile(
            format: "taitotutka-personal-data/1", exportedAt: HelsinkiTime.date(settings.now()) + " " + HelsinkiTime.time(settings.now()),
            note: "Anonymous survey answers are not included: by design nothing links them to anyone.",
            sections: Dictionary(uniqueKeysWithValues: sections.map { section in
                (section.key, section.rows.map { row in
                    Dictionary(uniqueKeysWithValues: zip(section.columns, row).map { ($0, $1) })
                })
            }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(file)
        recordEvent("personal_data.export", userID: context.principal?.userID, login: context.principal?.user.login,
                    address: context.request.clientAddress, target: target, detail: "\(sections.count) sections")
        var response = Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .bytes(Array(body)))
        response.headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}

/// The personal data file's shape.
struct PersonalDataFile: Encodable {
    let format: String
    let exportedAt: String
    let note: String
    let sections: [String: [[String: PersonalValue]]]

    enum CodingKeys: String, CodingKey {
        case format, note, sections
        case exportedAt = "exported_at"
    }
}
