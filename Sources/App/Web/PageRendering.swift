import Foundation
import HTTPServer
import Storage

/// One link in the main navigation.
struct NavigationItem {
    let href: String
    let label: String
    let current: Bool
}

/// One choice in the language switcher.
struct LanguageChoice {
    let code: String
    let label: String
    let current: Bool
}

/// What the layout template reads: the page's chrome around its rendered body.
struct LayoutView {
    let lang: String
    let t: [String: String]
    let title: String
    let content: String
    let signedIn: Bool
    let userName: String
    let navigation: [NavigationItem]
    let languages: [LanguageChoice]
    let csrfToken: String
    let returnTo: String
    let notice: String?
}

/// What a page template reads: the strings, the form token, and the page's own model as `page`.
struct PageView {
    let t: [String: String]
    let csrfToken: String
    let page: Any
}

extension RequestContext {
    /// Renders `template` with `model` inside the layout, as an HTML response.
    public func render(_ template: String, title: String, _ model: Any, status: HTTPStatus = .ok) throws -> Response {
        let body = try app.renderer.render(template, PageView(t: strings.table, csrfToken: csrfToken, page: model))
        let html = try app.renderLayout(title: title, content: body, request: request, strings: strings,
                                        principal: principal, csrfToken: csrfToken)
        return Response(status: status, contentType: "text/html; charset=utf-8", text: html)
    }

    /// A redirect after a successful form (303, so reloading does not resend it), with a notice key
    /// the next page shows.
    public func redirect(_ path: String, notice: String? = nil) -> Response {
        guard let notice else { return .redirect(to: path) }
        let separator = path.contains("?") ? "&" : "?"
        return .redirect(to: path + separator + "notice=" + notice)
    }
}

extension WebApp {
    /// Notices a page may show after a redirect; anything else in `?notice=` is ignored, so the
    /// query string cannot put arbitrary text on the page.
    static let noticeKeys: Set<String> = [
        "saved", "created", "deactivated", "reactivated", "role_added", "role_removed", "user_disabled",
        "user_enabled", "imported", "signed_out", "session_ended", "password_changed", "password_set", "survey_saved", "survey_closed",
        "round_opened", "round_extended", "round_closed", "deleted", "published",
        "enrolled", "waiting_list", "place_given_up", "following", "not_following", "session_cancelled", "assigned",
        "assigned_some_waiting", "board_posted", "board_answered", "board_reported", "board_adopted", "board_hidden",
        "board_shown", "session_removed", "sessions_ended", "second_factor_expired", "confirm_identity_first",
        "authenticator_removed", "second_factor_reset", "person_erased",
    ]

    func renderLayout(title: String, content: String, request: Request, strings: Strings, principal: Principal?,
                      csrfToken: String) throws -> String {
        let notice = request.queryValue("notice").flatMap { Self.noticeKeys.contains($0) ? $0 : nil }
        let view = LayoutView(
            lang: strings.language.rawValue, t: strings.table, title: title, content: content,
            signedIn: principal != nil, userName: principal?.user.login ?? "",
            navigation: navigation(for: principal, path: request.path, strings: strings),
            languages: Language.allCases.map {
                LanguageChoice(code: $0.rawValue, label: strings.text("language_\($0.rawValue)"),
                               current: $0 == strings.language)
            },
            csrfToken: csrfToken, returnTo: request.target,
            notice: notice.map { strings.text("notice_\($0)") })
        return try renderer.render("layout", view)
    }

    /// The main navigation for this user's roles.
    func navigation(for principal: Principal?, path: String, strings: Strings) -> [NavigationItem] {
        guard let principal else { return [] }
        let access = Access(principal: principal)
        var items: [(String, String)] = [(Paths.home, "nav_home")]
        if principal.employeeID != nil {
            items.append((Paths.me, "nav_me"))
            items.append((Paths.mySurveys, "nav_surveys"))
        }
        if principal.employeeID != nil || principal.isSupervisor || principal.isAdmin
            || !principal.hrOrganisationIDs.isEmpty || !principal.coordinatorOrganisationIDs.isEmpty {
            items.append((Paths.trainings, "nav_trainings"))
            items.append((Paths.board, "nav_board"))
        }
        if principal.isSupervisor {
            items.append((Paths.myUnits, "nav_my_units"))
        }
        if principal.isSupervisor || !principal.hrOrganisationIDs.isEmpty || principal.isAdmin {
            items.append((Paths.results, "nav_results"))
        }
        if access.visibleOrganisationIDs.map({ !$0.isEmpty }) ?? true {
            items.append((Paths.organisations, "nav_organisations"))
        }
        if principal.isAdmin {
            items.append((Paths.users, "nav_users"))
        }
        return items.map { href, key in
            let current = href == Paths.home ? path == Paths.home : (path == href || path.hasPrefix(href + "/"))
            return NavigationItem(href: href, label: strings.text(key), current: current)
        }
    }

    func errorPage(for error: AppError, request: Request, principal: Principal?) -> Response {
        switch error {
        case .notFound: return errorPage(.notFound, for: request, principal: principal)
        case .forbidden: return errorPage(.forbidden, for: request, principal: principal)
        case .badFormToken:
            return errorPage(.forbidden, for: request, principal: principal, reason: "error_form_expired",
                             title: "error_form_expired_title")
        case .badRequest: return errorPage(.badRequest, for: request, principal: principal)
        }
    }

    /// A friendly error page in the reader's language. Rendering it must not fail in turn, so any
    /// template problem falls back to plain text.
    func errorPage(_ status: HTTPStatus, for request: Request, principal: Principal? = nil,
                   reason: String? = nil, title: String? = nil) -> Response {
        let strings = strings(for: request)
        let key: String
        switch status.code {
        case 400: key = "error_400"
        case 403: key = "error_403"
        case 404: key = "error_404"
        case 405: key = "error_405"
        case 413: key = "error_413"
        case 429: key = "error_429"
        case 503: key = "error_503"
        default: key = status.code >= 500 ? "error_500" : "error_400"
        }
        let model = ErrorView(code: status.code, heading: strings.text(title ?? key + "_title"),
                              explanation: strings.text(reason ?? key + "_text"), signedIn: principal != nil)
        let token = principal?.session.csrfToken
            ?? request.cookies[anonymousCookieName].map(anonymousToken(for:)) ?? ""
        guard let body = try? renderer.render("errors/error", PageView(t: strings.table, csrfToken: token, page: model)),
              let html = try? renderLayout(title: model.heading, content: body, request: request, strings: strings,
                                           principal: principal, csrfToken: token)
        else {
            return .text("\(status.code) \(status.reason)\n", status: status)
        }
        var response = Response(status: status, contentType: "text/html; charset=utf-8", text: html)
        if principal != nil { response.headers.set("Cache-Control", "no-store") }
        return response
    }
}

struct ErrorView {
    let code: Int
    let heading: String
    let explanation: String
    let signedIn: Bool
}
