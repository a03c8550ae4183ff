import Foundation
import HTTPServer
import Storage

struct IdentityProviderDetail {
    let label: String
    let value: String
}

struct IdentityProviderPageView {
    let crumbs: [Crumb]
    let heading: String
    /// Administrators edit; the organisation's HR reads.
    let canEdit: Bool
    let isConfigured: Bool
    let action: String
    /// The address to register at the provider.
    let redirectURI: String
    let secretStatus: String
    let secretFound: Bool
    let details: [IdentityProviderDetail]
    let enabled: Bool
    let displayName: FieldView
    let issuer: FieldView
    let clientID: FieldView
    let secretFromFile: Bool
    let secretFromEnvironment: Bool
    let secretReference: FieldView
    let allowedDomains: FieldView
    let matchEmail: Bool
    let matchHRNumber: Bool
    let hrNumberClaim: FieldView
    let requireMFA: Bool
    let mfaACRValues: FieldView
    let errors: [ErrorLink]
    let hasErrors: Bool
}

extension WebApp {
    /// The organisation's provider: its HR reads it, administrators change it.
    func showIdentityProvider(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try identityProviderOrganisation(context)
        let saved = try IdentityProviderStore(database).provider(organisationID: organisation.id)
        return try renderIdentityProvider(organisation, saved: saved, form: saved.map(IdentityProviderForm.init) ?? IdentityProviderForm(),
                                          errors: FormErrors(), request, context)
    }

    func saveIdentityProvider(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try identityProviderOrganisation(context)
        let form = IdentityProviderForm(try context.requireForm())
        switch form.validated(organisationID: organisation.id, now: settings.now()) {
        case .failure(let problems):
            var errors = FormErrors()
            for item in problems.items { errors.add(item.field, context.strings.text(item.key)) }
            let saved = try IdentityProviderStore(database).provider(organisationID: organisation.id)
            return try renderIdentityProvider(organisation, saved: saved, form: form, errors: errors, request, context,
                                              status: .unprocessableContent)
        case .success(let provider):
            try changing {
                try IdentityProviderStore(database).save(provider, by: context.principal?.userID)
                // What changed is said without the secret's place: a path or a variable's name is not
                // secret, but the audit log is read by HR, who need not learn the server's layout.
                let detail = "enabled=\(provider.enabled) issuer=\(provider.issuer) client=\(provider.clientID) "
                    + "match=\(provider.matchClaim.rawValue) mfa=\(provider.requireMFA)"
                try auditChange("identity_provider.save", context, target: "organisation:\(organisation.id)", detail: detail)
            }
            return context.redirect(Paths.identityProvider(organisation.slug), notice: "saved")
        }
    }

    /// The organisation named by `:slug`, for its HR and administrators (404 for anyone else).
    private func identityProviderOrganisation(_ context: RequestContext) throws -> Stored<Organisation> {
        guard let organisation = try organisations.organisation(slug: try context.slug) else { throw AppError.notFound }
        try context.require(context.access.canManageOrganisation(organisation.id))
        return organisation
    }

    private func renderIdentityProvider(_ organisation: Stored<Organisation>, saved: IdentityProvider?, form: IdentityProviderForm,
                                        errors: FormErrors, _ request: Request, _ context: RequestContext,
                                        status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let heading = strings.format("oidc_config_heading", ["organisation": organisation.name])
        let secretFound = saved.flatMap { ClientSecret.read($0) } != nil
        let field = { (name: String, value: String) in FieldView(name: name, value: value, error: errors[name], hintID: name + "-hint") }
        let canEdit = context.principal?.isAdmin ?? false
        return try context.render("auth/identity-provider", title: heading, IdentityProviderPageView(
            crumbs: [Crumb(href: Paths.organisation(organisation.slug), label: organisation.name, current: false),
                     Crumb(href: Paths.identityProvider(organisation.slug), label: heading, current: true)],
            heading: heading, canEdit: canEdit, isConfigured: saved != nil, action: Paths.identityProvider(organisation.slug),
            redirectURI: (publicSiteOrigin(request) ?? "https://HOST") + Paths.singleSignOnCallback,
            secretStatus: strings.text(secretFound ? "oidc_secret_found" : "oidc_secret_missing"), secretFound: secretFound,
            details: saved.map { identityProviderDetails($0, strings) } ?? [],
            enabled: form.enabled, displayName: field("display_name", form.displayName), issuer: field("issuer", form.issuer),
            clientID: field("client_id", form.clientID), secretFromFile: form.secretSource == .file,
            secretFromEnvironment: form.secretSource == .environment,
            secretReference: field("secret_reference", form.secretReference),
            allowedDomains: field("allowed_domains", form.allowedDomains), matchEmail: form.matchClaim == .email,
            matchHRNumber: form.matchClaim == .hrNumber, hrNumberClaim: field("hr_number_claim", form.hrNumberClaim),
            requireMFA: form.requireMFA, mfaACRValues: field("mfa_acr_values", form.mfaACRValues),
            errors: errors.links, hasErrors: !errors.isEmpty), status: status)
    }

    private func identityProviderDetails(_ provider: IdentityProvider, _ strings: Strings) -> [IdentityProviderDetail] {
        let yes = strings.text("oidc_yes"), no = strings.text("oidc_no")
        let match = provider.matchClaim == .email ? strings.text("oidc_match_email")
            : strings.format("oidc_match_hr_number", ["claim": provider.hrNumberClaim])
        return [
            IdentityProviderDetail(label: strings.text("oidc_field_enabled"), value: provider.enabled ? yes : no),
            IdentityProviderDetail(label: strings.text("oidc_field_display_name"), value: provider.displayName),
            IdentityProviderDetail(label: strings.text("oidc_field_issuer"), value: provider.issuer),
            IdentityProviderDetail(label: strings.text("oidc_field_client_id"), value: provider.clientID),
            IdentityProviderDetail(label: strings.text("oidc_field_domains"), value: provider.allowedDomains.joined(separator: ", ")),
            IdentityProviderDetail(label: strings.text("oidc_field_match"), value: match),
            IdentityProviderDetail(label: strings.text("oidc_field_require_mfa"), value: provider.requireMFA ? yes : no),
            IdentityProviderDetail(label: strings.text("oidc_field_updated"), value: strings.dateTime(provider.updatedAt)),
        ]
    }

    /// `--public-url` or the request's own origin, for the redirect address shown to administrators.
    func publicSiteOrigin(_ request: Request) -> String? {
        if let configured = settings.publicURL {
            return configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        }
        return siteOrigin(request)
    }
}
