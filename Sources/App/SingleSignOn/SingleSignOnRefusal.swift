import Foundation
import HTTPServer
import Storage

/// Why a single sign-on was refused: the page the person sees (in their language) and its status.
enum SingleSignOnRefusal: String, Sendable {
    /// The provider named someone no employee's sign-in matches.
    case unknownPerson = "unknown_person"
    /// The person's e-mail is not in one of the organisation's domains, or is not verified.
    case domainNotAllowed = "domain"
    /// The sign-in or the employee has been disabled.
    case disabled
    /// The role needs multi-factor authentication, and the provider's token does not show it.
    case multiFactorRequired = "mfa_required"
    /// The sign-in's `state` is unknown, used already, too old, or from another browser.
    case expired
    /// The provider answered with an error (the person cancelled, or the provider refused).
    case declined
    /// The provider's answer did not verify (signature, issuer, audience, times, nonce).
    case invalidToken = "invalid_token"
    /// The provider could not be reached, or the client secret is missing.
    case unavailable

    var status: HTTPStatus {
        switch self {
        case .unknownPerson, .domainNotAllowed, .disabled, .multiFactorRequired, .invalidToken, .declined: return .forbidden
        case .expired: return .badRequest
        case .unavailable: return .badGateway
        }
    }

    var messageKey: String { "oidc_refused_" + rawValue }
}

/// A refused single sign-on, thrown by the steps of the callback: what the person is told, and what
/// the audit line and the server's log say (never a token, a code or a secret).
struct SingleSignOnRefused: Error {
    let reason: SingleSignOnRefusal
    /// For the server's log and the audit line's detail.
    let detail: String
    var userID: Int64?
    /// The e-mail or HR number the provider named, for the audit line's `login`, as a failed password
    /// sign-in records what was typed.
    var claimedIdentity: String?

    init(_ reason: SingleSignOnRefusal, _ detail: String, userID: Int64? = nil, claimedIdentity: String? = nil) {
        self.reason = reason
        self.detail = detail
        self.userID = userID
        self.claimedIdentity = claimedIdentity
    }
}

struct SingleSignOnRefusalView {
    let heading: String
    let message: String
    let signInHref: String
}

extension WebApp {
    /// The refusal page, with the audit line and a log line of why.
    func singleSignOnRefusalPage(_ refused: SingleSignOnRefused, organisation: String?, provider: String?,
                                 _ context: RequestContext) throws -> Response {
        let address = context.request.clientAddress
        recordEvent("sign_in.failure", userID: refused.userID, login: refused.claimedIdentity.map { String($0.prefix(200)) },
                    address: address, detail: "oidc \(organisation ?? "-"): \(refused.reason.rawValue): \(refused.detail)")
        logger.notice("Single sign-on refused (\(refused.reason.rawValue)): \(refused.detail)",
                      metadata: ["request": .string(context.request.id)])
        let strings = context.strings
        let message = strings.format(refused.reason.messageKey, ["organisation": organisation ?? "", "provider": provider ?? ""])
        return try context.render("auth/sso-refused", title: strings.text("oidc_refused_title"), SingleSignOnRefusalView(
            heading: strings.text("oidc_refused_title"), message: message, signInHref: Paths.signIn), status: refused.reason.status)
    }
}
