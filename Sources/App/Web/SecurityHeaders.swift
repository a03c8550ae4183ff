import HTTPServer

/// The headers every response carries — pages, errors and static files alike.
public enum SecurityHeaders {
    /// No inline script or style, nothing from other origins, no framing, no plugins, no `<base>`.
    public static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "font-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
        "object-src 'none'",
    ].joined(separator: "; ")

    /// Adds the headers to `response`, keeping any the handler chose itself.
    public static func apply(to response: inout Response, secureTransport: Bool) {
        setIfMissing(&response.headers, "Content-Security-Policy", contentSecurityPolicy)
        setIfMissing(&response.headers, "X-Content-Type-Options", "nosniff")
        setIfMissing(&response.headers, "Referrer-Policy", "same-origin")
        setIfMissing(&response.headers, "X-Frame-Options", "DENY")
        setIfMissing(&response.headers, "Cross-Origin-Opener-Policy", "same-origin")
        setIfMissing(&response.headers, "Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if secureTransport {
            setIfMissing(&response.headers, "Strict-Transport-Security", "max-age=31536000")
        }
    }

    /// Middleware form, for every routed response.
    public static func middleware(secureTransport: Bool) -> Middleware {
        { next in
            { request in
                var response = try next(request)
                apply(to: &response, secureTransport: secureTransport)
                return response
            }
        }
    }

    private static func setIfMissing(_ headers: inout HTTPHeaders, _ name: String, _ value: String) {
        if !headers.contains(name) {
            headers.set(name, value)
        }
    }
}
