/// Why a request target could not be accepted.
public enum RequestTargetError: Error, Sendable, Equatable {
    case empty
    case notOriginForm
    case invalidPercentEncoding
    case notUTF8
    case nulInPath
}

/// The request target split into path and query (RFC 9112 §3.2). Origin form (`/path?query`) and
/// absolute form (`http://host/path`) are accepted; the authority of an absolute form is ignored here
/// because routing only uses the path.
struct RequestTarget: Sendable {
    let path: String
    let rawPath: String
    let query: String
    let queryItems: [QueryItem]

    init(_ target: String) throws(RequestTargetError) {
        guard !target.isEmpty else { throw .empty }
        var pathAndQuery = Substring(target)
        if !target.hasPrefix("/") {
            pathAndQuery = try Self.originPart(ofAbsoluteForm: target)
        }
        let raw: Substring
        if let mark = pathAndQuery.firstIndex(of: "?") {
            raw = pathAndQuery[..<mark]
            query = String(pathAndQuery[pathAndQuery.index(after: mark)...])
        } else {
            raw = pathAndQuery
            query = ""
        }
        rawPath = String(raw)
        guard let decoded = PercentDecoding.decode(raw.utf8, plusAsSpace: false) else {
            throw .invalidPercentEncoding
        }
        guard !decoded.contains(0) else { throw .nulInPath }
        guard let string = String(validating: decoded, as: UTF8.self) else { throw .notUTF8 }
        path = string
        queryItems = PercentDecoding.formItems(query)
    }

    /// `http://host:port/path?q` → `/path?q`; `http://host` → `/`.
    private static func originPart(ofAbsoluteForm target: String) throws(RequestTargetError) -> Substring {
        let lower = target.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("http://") {
            schemeLength = 7
        } else if lower.hasPrefix("https://") {
            schemeLength = 8
        } else {
            throw .notOriginForm
        }
        let afterScheme = target.dropFirst(schemeLength)
        guard let slash = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let rest = afterScheme[slash...]
        return rest.hasPrefix("?") ? Substring("/" + rest) : rest
    }
}
