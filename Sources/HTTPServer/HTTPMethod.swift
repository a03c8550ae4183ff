/// The request methods the server accepts. Anything else (TRACE and CONNECT included) is answered
/// with 501 Not Implemented before any handler runs.
public enum HTTPMethod: String, Sendable, CaseIterable, Hashable {
    case GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS

    /// Parses a method token exactly as sent (methods are case-sensitive, RFC 9110 §9.1).
    init?(bytes: ArraySlice<UInt8>) {
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        self.init(rawValue: string)
    }
}
