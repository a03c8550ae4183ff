/// The protocol versions this server speaks: HTTP/1.0 and HTTP/1.1.
public enum HTTPVersion: Sendable, Hashable {
    case http1_0
    case http1_1

    /// The version as it appears on the wire.
    public var text: String {
        switch self {
        case .http1_0: return "HTTP/1.0"
        case .http1_1: return "HTTP/1.1"
        }
    }
}
