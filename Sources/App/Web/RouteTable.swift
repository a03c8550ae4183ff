import Foundation
import HTTPServer
import Storage

/// A handler of the application: gets the request and its context, returns a response.
typealias AppHandler = @Sendable (Request, RequestContext) throws -> Response

/// Registers routes with their access requirement, wrapping each handler in the pipeline:
/// language → session → CSRF and origin (for state-changing methods) → requirement → handler →
/// friendly error pages and `Cache-Control: no-store` for signed-in users.
struct RouteTable {
    /// One registered route, kept so tests can check every route against the access matrix.
    struct Entry: Sendable {
        let method: HTTPMethod
        let pattern: String
        let requirement: Requirement?
        /// A form sent again after signing in, when its session ended while it was filled in.
        var resumable = false
    }

    let app: WebApp
    var router = Router()
    private(set) var entries: [Entry] = []

    mutating func get(_ pattern: String, _ requirement: Requirement, _ handler: @escaping AppHandler) {
        entries.append(Entry(method: .GET, pattern: pattern, requirement: requirement))
        let app = app
        router.get(pattern) { request in app.run(request, requirement, handler) }
    }

    mutating func post(_ pattern: String, _ requirement: Requirement, bodyLimit: Int? = nil, resumable: Bool = false,
                       _ handler: @escaping AppHandler) {
        entries.append(Entry(method: .POST, pattern: pattern, requirement: requirement, resumable: resumable))
        let app = app
        router.post(pattern, bodyLimit: bodyLimit) { request in app.run(request, requirement, handler) }
    }

    /// Routes outside the pipeline (static files, health check): no session, no HTML.
    mutating func raw(_ pattern: String, _ handler: @escaping Handler) {
        entries.append(Entry(method: .GET, pattern: pattern, requirement: nil))
        router.get(pattern, handler)
    }
}

extension WebApp {
    /// The pipeline around one handler. It never throws: every failure becomes a page.
    func run(_ request: Request, _ requirement: Requirement, _ handler: AppHandler) -> Response {
        let strings = strings(for: request)
        var principal: Principal?
        do {
            principal = try sessions.principal(for: request)
        } catch {
            logger.error("Session lookup failed: \(error)", metadata: ["request": .string(request.id)])
            return errorPage(.internalServerError, for: request)
        }
        var newFormCookie: String?
        let csrfToken: String
        if let principal {
            csrfToken = principal.session.csrfToken
        } else {
            let formCookie = request.cookies[anonymousCookieName] ?? {
                let fresh = SecureRandom.token()
                newFormCookie = fresh
                return fresh
            }()
            csrfToken = anonymousToken(for: formCookie)
        }
        var response: Response
        do {
            if request.method == .POST, requirement != .anyone, hasEndedSession(request, principal: principal),
               Self.isSameOrigin(request, secure: settings.secureTransport) {
                let context = RequestContext(
                    request: request, strings: strings, principal: nil, access: Access(principal: nil),
                    csrfToken: csrfToken, form: nil, app: self)
                response = try sessionEndedPage(request, context)
                return finished(response, newFormCookie: newFormCookie, principal: nil)
            }
            let form = try checkedForm(request, csrfToken: csrfToken)
            let context = RequestContext(
                request: request, strings: strings, principal: principal, access: Access(principal: principal),
                csrfToken: csrfToken, form: form, app: self)
            response = try authorisedResponse(request, context, requirement, handler)
        } catch let error as AppError {
            response = errorPage(for: error, request: request, principal: principal)
        } catch let error as FormError {
            response = errorPage(error.status, for: request, principal: principal)
        } catch let error as StorageError where error.isUnavailable {
            logger.error("Database unavailable: \(error)", metadata: ["request": .string(request.id)])
            response = errorPage(.serviceUnavailable, for: request, principal: principal)
            response.headers.set("Retry-After", "60")
        } catch {
            logger.error("Handler failed: \(error)", metadata: ["request": .string(request.id)])
            response = errorPage(.internalServerError, for: request, principal: principal)
        }
        return finished(response, newFormCookie: newFormCookie, principal: principal)
    }

    /// The last touches of every pipeline response: the anonymous form cookie, caching, `Vary`.
    private func finished(_ response: Response, newFormCookie: String?, principal: Principal?) -> Response {
        var response = response
        if let newFormCookie, let cookie = try? SetCookie(
            name: anonymousCookieName, value: newFormCookie, path: "/", secure: settings.secureTransport,
            httpOnly: true, sameSite: .lax) {
            response.setCookie(cookie)
        }
        if principal != nil || response.headers.contains("Set-Cookie") {
            // Signed-in pages hold personal data: never keep them in any cache or history store.
            response.headers.set("Cache-Control", "no-store")
        }
        response.headers.set("Vary", "Cookie, Accept-Language")
        return response
    }

    private func authorisedResponse(_ request: Request, _ context: RequestContext, _ requirement: Requirement,
                                    _ handler: AppHandler) throws -> Response {
        guard context.access.satisfies(requirement) else {
            if context.principal == nil {
                if request.method == .GET || request.method == .HEAD {
                    let next = request.target.hasPrefix("/") ? request.target : "/"
                    let ended = hasEndedSession(request, principal: nil) ? "&notice=session_ended" : ""
                    return .redirect(to: Paths.signIn + "?next=" + Self.percentEncode(next, keepingSlashes: true) + ended)
                }
                throw AppError.badFormToken
            }
            throw AppError.forbidden
        }
        return try handler(request, context)
    }

    /// For state-changing methods: refuse foreign origins and check the form's token.
    private func checkedForm(_ request: Request, csrfToken: String) throws -> FormInput? {
        guard request.method != .GET, request.method != .HEAD else { return nil }
        guard Self.isSameOrigin(request, secure: settings.secureTransport) else { throw AppError.badFormToken }
        let form = try FormInput(request: request)
        guard let sent = form.raw("csrf_token"), ConstantTime.equal(sent, csrfToken) else {
            throw AppError.badFormToken
        }
        return form
    }

    /// A browser's `Origin` (or, failing that, `Sec-Fetch-Site`) must say the form came from here.
    static func isSameOrigin(_ request: Request, secure: Bool) -> Bool {
        if let site = request.headers["Sec-Fetch-Site"]?.lowercased(), site == "cross-site" || site == "same-site" {
            return false
        }
        guard let origin = request.headers["Origin"] else { return true }
        guard let host = request.headers["Host"], origin != "null" else { return false }
        return origin == (secure ? "https://" : "http://") + host
    }

    /// `text` percent-encoded for a query value; `keepingSlashes` for a path carried in one (`next=`).
    static func percentEncode(_ text: String, keepingSlashes: Bool = false) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        if keepingSlashes { allowed.insert("/") }
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
