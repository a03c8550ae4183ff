/// Size limits the parser enforces before a request reaches any handler.
public struct ParserLimits: Sendable {
    /// Longest request line (method, target, version), else 414.
    public var maxRequestLineLength = 8 * 1024
    /// Largest header block after the request line (and largest trailer block), else 431.
    public var maxHeaderBlockLength = 32 * 1024
    /// Most header fields (and trailer fields), else 431.
    public var maxHeaderFields = 100
    /// Largest body unless a route allows more, else 413.
    public var defaultBodyLimit = 1024 * 1024
    /// Longest chunk-size line including extensions.
    public var maxChunkLineLength = 1024

    public init() {}
}
