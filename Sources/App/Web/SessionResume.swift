import Foundation
import HTTPServer
import Synchronization

/// The sign-in page's model (the pipeline renders it too, when a session has ended).
struct SignInView {
    let login: String
    let next: String
    let error: String?
    /// Why the person is asked to sign in again, when a session ended under them.
    var ended: String?
    /// The form that was being sent when the session ended, to send again once signed in.
    var resumePath: String?
    var resumeForm: String?
    var forgotHref = Paths.forgotPassword
    /// "Sign in with …" per organisation with an enabled identity provider.
    var providers: [SignInProviderButton] = [] { didSet { hasProviders = !providers.isEmpty } }
    var hasProviders = false
}

/// When a session ends while someone is filling in a form — an employee answering a survey on a
/// phone, called away for an hour — the next press of "next" must not lose the page or be called a
/// forged form. The pipeline answers such a POST with the sign-in page, carrying the page's fields;
/// after signing in, a form of a route registered `resumable` is sent again under the new session
/// (through the whole pipeline, with the new session's token), so the answers are saved and the
/// person lands where "next" would have taken them.
struct SessionResume: Sendable {
    /// Forms larger than this are not carried through the sign-in page.
    static let maximumFormBytes = 32 * 1024

    /// Weak: the responder's handlers hold the app, which holds this.
    private let responderBox: WeakResponder
    let router: Router
    let resumablePatterns: Set<String>

    init(responder: RouterResponder, router: Router, resumablePatterns: Set<String>) {
        responderBox = WeakResponder(responder)
        self.router = router
        self.resumablePatterns = resumablePatterns
    }

    var responder: RouterResponder? { responderBox.responder }

    func isResumable(_ path: String) -> Bool {
        router.pattern(answering: .POST, path: path).map(resumablePatterns.contains) ?? false
    }

    /// Where to go after signing in again: the page the form was on when that path also answers GET
    /// (survey pages do), else the home page rather than a POST-only path.
    func returnPath(afterPosting path: String) -> String {
        router.pattern(answering: .GET, path: path) != nil ? path : Paths.home
    }
}

extension WebApp {
    /// Whether the request carries a session cookie that no longer signs anyone in.
    func hasEndedSession(_ request: Request, principal: Principal?) -> Bool {
        principal == nil && request.cookies[sessions.cookieName] != nil
    }

    /// The sign-in page for a form sent after its session ended: says what happened and, for a
    /// resumable route, carries the form's fields (without its stale token) to send again.
    func sessionEndedPage(_ request: Request, _ context: RequestContext) throws -> Response {
        let path = request.path
        let resume = resume.withLock { $0 }
        var view = SignInView(login: "", next: resume?.returnPath(afterPosting: path) ?? Paths.home, error: nil)
        if let form = Self.carriedForm(request), resume?.isResumable(path) ?? false {
            view.ended = context.strings.text("sign_in_session_ended_kept")
            view.resumePath = path
            view.resumeForm = form
        } else {
            view.ended = context.strings.text("sign_in_session_ended_lost")
        }
        var response = try context.render("auth/sign-in", title: context.strings.text("sign_in_title"), view)
        // The stale cookie goes, so the next page does not ask again.
        if let cleared = try? SetCookie.expired(name: sessions.cookieName, secure: settings.secureTransport) {
            response.setCookie(cleared)
        }
        return response
    }

    /// Sends the carried form again under the session just started; nil when there is nothing to
    /// resume or it did not lead anywhere (the caller then goes to `next`).
    func resumeForm(path: String?, form: String?, session cookie: SetCookie, csrfToken: String,
                    after request: Request) -> Response? {
        guard let path, let form, form.utf8.count <= SessionResume.maximumFormBytes,
              let resume = resume.withLock({ $0 }), resume.isResumable(path) else { return nil }
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        for name in ["Host", "Origin", "Accept-Language", "User-Agent"] {
            if let value = request.headers[name] { headers.set(name, value) }
        }
        let others = request.cookies.filter { $0.key != cookie.name }.map { "\($0.key)=\($0.value)" }
        headers.set("Cookie", (others + ["\(cookie.name)=\(cookie.value)"]).joined(separator: "; "))
        let body = (form.isEmpty ? "" : form + "&") + "csrf_token=" + Self.percentEncode(csrfToken)
        guard var replay = try? Request(method: .POST, target: path, headers: headers, body: Array(body.utf8)) else {
            return nil
        }
        replay.remoteAddress = request.remoteAddress
        guard let response = resume.responder?.respond(to: replay) else { return nil }
        guard response.status.code == 303, let location = response.headers["Location"] else { return nil }
        return .redirect(to: location)
    }

    /// The URL-encoded fields of the request without its CSRF token; nil for uploads and large forms.
    private static func carriedForm(_ request: Request) -> String? {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded"), request.body.count <= SessionResume.maximumFormBytes,
              let text = String(bytes: request.body, encoding: .utf8) else { return nil }
        return text.split(separator: "&").filter { !$0.hasPrefix("csrf_token=") }.joined(separator: "&")
    }
}

/// A weak reference to the routed responder, shareable across threads (it is set once).
private final class WeakResponder: @unchecked Sendable {
    weak var responder: RouterResponder?

    init(_ responder: RouterResponder) {
        self.responder = responder
    }
}
