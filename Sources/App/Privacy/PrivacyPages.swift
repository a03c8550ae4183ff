import Foundation
import HTTPServer
import Storage

struct PrivacyOrganisationLink {
    let name: String
    let href: String
}

struct PrivacyNoticeView {
    let title: String
    /// cmark's safe HTML of the notice.
    let bodyHTML: String
    let updated: String
    let isTemplate: Bool
    let canEdit: Bool
    let editHref: String
    let others: [PrivacyOrganisationLink]
    let hasOthers: Bool
}

struct PrivacyEditView {
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let body: FieldView
    let errors: [ErrorLink]
    let hasErrors: Bool
}

extension WebApp {
    static let privacyNoticeLimit = 30_000

    static func privacyTemplates(in folder: String) throws -> [String: String] {
        var templates: [String: String] = [:]
        for language in ["fi", "sv", "en"] {
            templates[language] = try String(contentsOfFile: folder + "/default.\(language).md", encoding: .utf8)
        }
        return templates
    }

    /// The privacy notice the footer links to: the reader's own organisation's, or, for someone not
    /// signed in, the list of the organisations' notices.
    func showPrivacy(_ request: Request, _ context: RequestContext) throws -> Response {
        if context.principal != nil, let reader = try? trainingReader(context) {
            return .redirect(to: Paths.privacyNotice(reader.organisation.slug))
        }
        let links = try organisations.all().map { PrivacyOrganisationLink(name: $0.name, href: Paths.privacyNotice($0.slug)) }
        let strings = context.strings
        return try context.render("privacy/notice", title: strings.text("privacy_title"), PrivacyNoticeView(
            title: strings.text("privacy_title"), bodyHTML: "", updated: "", isTemplate: false, canEdit: false, editHref: "",
            others: links, hasOthers: !links.isEmpty))
    }

    /// An organisation's privacy notice, to anyone: what HR wrote, or the shipped template in the
    /// reader's language with the organisation's name, marked as the template until HR saves one.
    func showPrivacyNotice(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let organisation = try organisations.organisation(slug: try context.slug) else { throw AppError.notFound }
        let strings = context.strings
        let saved = try PrivacyNoticeStore(database).notice(organisationID: organisation.id)
        let body = saved?.body ?? privacyTemplate(organisation, language: strings.language.rawValue)
        let title = strings.format("privacy_title_of", ["organisation": organisation.name])
        return try context.render("privacy/notice", title: title, PrivacyNoticeView(
            title: title, bodyHTML: Markdown.html(body),
            updated: saved.map { strings.format("privacy_updated", ["date": strings.dateTime($0.updatedAt)]) } ?? "",
            isTemplate: saved == nil, canEdit: context.access.canManageOrganisation(organisation.id),
            editHref: Paths.editPrivacyNotice(organisation.slug), others: [], hasOthers: false))
    }

    func showEditPrivacyNotice(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let saved = try PrivacyNoticeStore(database).notice(organisationID: organisation.id)
        return try renderPrivacyEdit(organisation, context,
                                     body: saved?.body ?? privacyTemplate(organisation, language: context.strings.language.rawValue),
                                     errors: FormErrors())
    }

    func savePrivacyNotice(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let text = TrainingFieldRules.paragraph(try context.requireForm()["body"] ?? "", limit: Self.privacyNoticeLimit)
        var errors = FormErrors()
        if text.text.isEmpty { errors.add("body", context.strings.text("privacy_error_empty")) }
        if let problem = text.problem { errors.add("body", context.strings.text(problem)) }
        guard errors.isEmpty else {
            return try renderPrivacyEdit(organisation, context, body: text.text, errors: errors, status: .unprocessableContent)
        }
        try changing {
            try PrivacyNoticeStore(database).save(organisationID: organisation.id, body: text.text, by: context.principal?.userID,
                                                  now: settings.now())
            try auditChange("privacy_notice.save", context, target: "organisation:\(organisation.id)")
        }
        return context.redirect(Paths.privacyNotice(organisation.slug), notice: "saved")
    }


    private func privacyTemplate(_ organisation: Stored<Organisation>, language: String) -> String {
        (privacyTemplates[language] ?? privacyTemplates["fi"] ?? "").replacingOccurrences(of: "{organisation}", with: organisation.name)
    }

    private func renderPrivacyEdit(_ organisation: Stored<Organisation>, _ context: RequestContext, body: String,
                                   errors: FormErrors, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let heading = strings.format("privacy_edit_heading", ["organisation": organisation.name])
        return try context.render("privacy/edit", title: heading, PrivacyEditView(
            crumbs: [Crumb(href: Paths.privacyNotice(organisation.slug), label: strings.format("privacy_title_of", ["organisation": organisation.name]),
                           current: false),
                     Crumb(href: Paths.editPrivacyNotice(organisation.slug), label: heading, current: true)],
            heading: heading, action: Paths.editPrivacyNotice(organisation.slug),
            body: FieldView(name: "body", value: body, error: errors["body"], hintID: "body-hint"),
            errors: errors.links, hasErrors: !errors.isEmpty), status: status)
    }
}
