import Foundation
import HTTPServer
import Storage

/// Everything a handler needs to know about the request beyond its bytes: language, who is signed
/// in and what they may do, the CSRF token for the forms it renders, and the submitted form.
public struct RequestContext: Sendable {
    public let request: Request
    public let strings: Strings
    public let principal: Principal?
    public let access: Access
    /// Goes into every form's hidden `csrf_token` field.
    public let csrfToken: String
    /// The submitted form, for state-changing requests (already CSRF-checked).
    public let form: FormInput?
    let app: WebApp

    public var language: Language { strings.language }

    /// Throws `.notFound` unless `allowed`: a record this user may not see looks like no record.
    public func require(_ allowed: Bool) throws(AppError) {
        if !allowed { throw .notFound }
    }

    /// The form, or `.badRequest` when the request carried none.
    public func requireForm() throws(AppError) -> FormInput {
        guard let form else { throw .badRequest }
        return form
    }

    /// A same-site path to return to after a form, never another origin (no open redirects).
    public func safeReturnPath(_ candidate: String?, fallback: String = "/") -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
              !candidate.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return fallback }
        return candidate
    }
}

extension Request {
    /// The client's address without the port: `[::1]:51234` → `::1`, `10.0.0.5:4321` → `10.0.0.5`.
    /// Throttling keys on it, so a new connection (new port) must not count as a new client.
    var clientAddress: String {
        let address = remoteAddress
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<close])
        }
        if let colon = address.lastIndex(of: ":"), address.firstIndex(of: ":") == colon {
            return String(address[..<colon])
        }
        return address
    }
}
