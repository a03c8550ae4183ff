/// The first line of a request: `method SP request-target SP HTTP-version` (RFC 9112 §3).
struct RequestLine {
    let method: HTTPMethod
    let target: String
    let version: HTTPVersion

    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<RequestLine, HTTPParseError> {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return .failure(.malformedRequestLine) }
        let methodBytes = parts[0], targetBytes = parts[1], versionBytes = parts[2]
        guard methodBytes.allSatisfy(HTTPSyntax.isTokenByte) else { return .failure(.malformedRequestLine) }
        // The target must be visible ASCII: no spaces, controls or raw non-ASCII bytes.
        guard targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .failure(.invalidTarget) }
        let version: HTTPVersion
        switch parseVersion(versionBytes) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): version = parsed
        }
        guard let method = HTTPMethod(rawValue: String(decoding: methodBytes, as: UTF8.self)) else {
            return .failure(.unsupportedMethod)
        }
        let target = String(decoding: targetBytes, as: UTF8.self)
        // Asterisk form is only for OPTIONS; authority form only for CONNECT, which is unsupported.
        guard target.hasPrefix("/") || target.lowercased().hasPrefix("http://")
            || target.lowercased().hasPrefix("https://") || (target == "*" && method == .OPTIONS) else {
            return .failure(.invalidTarget)
        }
        return .success(RequestLine(method: method, target: target == "*" ? "/" : target, version: version))
    }

    /// `HTTP/1.1` → 1.1. A higher 1.x minor version is answered as 1.1 (RFC 9110 §2.5); any other
    /// major version is 505.
    private static func parseVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Result<HTTPVersion, HTTPParseError> {
        let prefix: [UInt8] = Array("HTTP/".utf8)
        guard bytes.count == 8, bytes.starts(with: prefix) else { return .failure(.malformedRequestLine) }
        let major = bytes[bytes.startIndex + 5], dot = bytes[bytes.startIndex + 6], minor = bytes[bytes.startIndex + 7]
        guard HTTPSyntax.isDigit(major), dot == UInt8(ascii: "."), HTTPSyntax.isDigit(minor) else {
            return .failure(.malformedRequestLine)
        }
        guard major == UInt8(ascii: "1") else { return .failure(.unsupportedVersion) }
        return .success(minor == UInt8(ascii: "0") ? .http1_0 : .http1_1)
    }
}

/// Character classes of RFC 9110 §5.6.
enum HTTPSyntax {
    /// tchar: `!#$%&'*+-.^_`|~`, digits and letters.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A field value may hold visible characters, spaces, tabs and obs-text, never other controls.
    static func isFieldValueByte(_ byte: UInt8) -> Bool { byte == 0x09 || (byte >= 0x20 && byte != 0x7F) }
}
