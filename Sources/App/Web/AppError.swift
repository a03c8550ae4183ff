import HTTPServer

/// Outcomes a handler reports by throwing; the pipeline turns each into a friendly page.
public enum AppError: Error, Sendable {
    /// Unknown, or not this user's to see: both answer 404, so ids cannot be probed.
    case notFound
    /// The route needs a role this user does not have.
    case forbidden
    /// The form's CSRF token or the request's origin did not check out.
    case badFormToken
    /// The request could not be understood (malformed form, bad parameter).
    case badRequest
}
