/// Parsing of the `Cookie` request header (RFC 6265 §5.4 as browsers actually send it).
public enum Cookies {
    /// Parses `a=1; b=2` into a dictionary. The first occurrence of a name wins, a value wrapped in
    /// DQUOTEs is unwrapped, and pairs without `=` or with a name that is not a token are skipped.
    public static func parse(_ header: String) -> [String: String] {
        var cookies: [String: String] = [:]
        // Only `;` separates pairs: the comma of the obsolete RFC 2965 syntax is no separator in
        // what browsers send, and legacy cookie values may contain commas.
        for pair in header.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = trimmed(pair[pair.startIndex..<equals])
            guard !name.isEmpty, name.allSatisfy(HTTPSyntax.isTokenByte) else { continue }
            var value = trimmed(pair[pair.index(after: equals)...])
            if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                value = value.dropFirst().dropLast()
            }
            // Control characters never belong in a cookie; the header parser already refuses most.
            guard !value.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { continue }
            let key = String(decoding: name, as: UTF8.self)
            if cookies[key] == nil {
                cookies[key] = String(decoding: value, as: UTF8.self)
            }
        }
        return cookies
    }

    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var result = bytes
        while let first = result.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }
}

extension Request {
    /// The cookies of every `Cookie` header field combined; the first occurrence of a name wins.
    public var cookies: [String: String] {
        // HTTP/1.1 clients send one Cookie field, but intermediaries translating from HTTP/2 may
        // split it into several; joining them keeps the first-wins rule across fields.
        Cookies.parse(headers.values("Cookie").joined(separator: "; "))
    }
}

/// Why a `SetCookie` could not be built. Each case names the attribute that would have allowed
/// header injection or a cookie browsers silently drop.
public enum SetCookieError: Error, Sendable, Equatable {
    /// The name is empty or not an RFC 9110 token.
    case invalidName
    /// The value holds a character outside RFC 6265 cookie-octets (space, `"`, `,`, `;`, `\`, controls, non-ASCII).
    case invalidValue
    /// The path does not start with `/` or holds `;`, controls or non-ASCII characters.
    case invalidPath
    /// The domain is not a plain host name.
    case invalidDomain
    /// Max-Age is negative.
    case invalidMaxAge
    /// Name and value together exceed 4096 bytes, which browsers refuse to store.
    case tooLong
    /// A `__Host-` cookie must have `Path=/` and no Domain (RFC 6265bis §4.1.3.2).
    case hostPrefixViolation
}

/// A `Set-Cookie` response header field (RFC 6265 §4.1), validated when built so that no name,
/// value or attribute can smuggle `;`, CR or LF into the response.
public struct SetCookie: Sendable, Hashable {
    /// The `SameSite` attribute.
    public enum SameSite: String, Sendable, Hashable {
        /// Sent only with same-site requests.
        case strict = "Strict"
        /// Also sent on top-level cross-site navigations (links), the browsers' default.
        case lax = "Lax"
        /// Sent with every request; requires `Secure`.
        case none = "None"
    }

    /// The cookie name, an RFC 9110 token.
    public let name: String
    /// The cookie value, RFC 6265 cookie-octets only.
    public let value: String
    /// The `Path` attribute, or nil to omit it.
    public let path: String?
    /// Lifetime in seconds; nil makes a session cookie, 0 deletes the cookie.
    public let maxAge: Int?
    /// The `Domain` attribute; nil (the default) restricts the cookie to the exact host.
    public let domain: String?
    /// Whether the browser sends the cookie over HTTPS only.
    public let secure: Bool
    /// Whether the cookie is hidden from JavaScript.
    public let httpOnly: Bool
    /// The `SameSite` attribute, or nil to omit it.
    public let sameSite: SameSite?

    /// Builds a cookie, refusing anything that is not valid RFC 6265 syntax.
    ///
    /// `SameSite=None` and the `__Secure-` / `__Host-` name prefixes force `Secure`, because
    /// browsers reject such cookies without it and a silently dropped session cookie is worse.
    public init(
        name: String, value: String, path: String? = "/", maxAge: Int? = nil, domain: String? = nil,
        secure: Bool = false, httpOnly: Bool = true, sameSite: SameSite? = .lax
    ) throws(SetCookieError) {
        guard !name.isEmpty, name.utf8.allSatisfy(HTTPSyntax.isTokenByte) else { throw .invalidName }
        guard value.utf8.allSatisfy(Self.isCookieOctet) else { throw .invalidValue }
        guard name.utf8.count + value.utf8.count <= 4096 else { throw .tooLong }
        if let path {
            guard path.utf8.first == UInt8(ascii: "/"), path.utf8.allSatisfy(Self.isPathOctet) else { throw .invalidPath }
        }
        if let domain {
            guard Self.isValidDomain(domain) else { throw .invalidDomain }
        }
        if let maxAge, maxAge < 0 { throw .invalidMaxAge }
        let hostPrefixed = name.hasPrefix("__Host-")
        if hostPrefixed, path != "/" || domain != nil { throw .hostPrefixViolation }
        self.name = name
        self.value = value
        self.path = path
        self.maxAge = maxAge
        self.domain = domain
        self.secure = secure || sameSite == SameSite.none || hostPrefixed || name.hasPrefix("__Secure-")
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    /// A cookie that makes the browser delete `name` at once (empty value, `Max-Age=0`).
    ///
    /// Path and domain must match those the cookie was set with, or the browser keeps the original.
    public static func expired(
        name: String, path: String? = "/", domain: String? = nil, secure: Bool = false,
        sameSite: SameSite? = .lax
    ) throws(SetCookieError) -> SetCookie {
        try SetCookie(name: name, value: "", path: path, maxAge: 0, domain: domain, secure: secure, sameSite: sameSite)
    }

    /// The field value, e.g. `sid=abc; Path=/; Max-Age=1800; Secure; HttpOnly; SameSite=Lax`.
    public var headerValue: String {
        var result = "\(name)=\(value)"
        if let path { result += "; Path=\(path)" }
        if let domain { result += "; Domain=\(domain)" }
        if let maxAge { result += "; Max-Age=\(maxAge)" }
        if secure { result += "; Secure" }
        if httpOnly { result += "; HttpOnly" }
        if let sameSite { result += "; SameSite=\(sameSite.rawValue)" }
        return result
    }

    /// cookie-octet: printable US-ASCII except space, `"`, `,`, `;` and `\` (RFC 6265 §4.1.1).
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E: return true
        default: return false
        }
    }

    /// av-octet is any CHAR but controls and `;`; non-ASCII is refused too, since browsers disagree on it.
    private static func isPathOctet(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: ";")
    }

    /// Letters, digits, `-` and `.` only (an optional leading dot is tolerated, browsers ignore it).
    private static func isValidDomain(_ domain: String) -> Bool {
        let bytes = domain.utf8
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let hostname = bytes.first == UInt8(ascii: ".") ? bytes.dropFirst() : bytes[...]
        guard !hostname.isEmpty else { return false }
        return hostname.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
    }
}

extension Response {
    /// Adds a `Set-Cookie` header field; several cookies produce several fields, never one joined field.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}
