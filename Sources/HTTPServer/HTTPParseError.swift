/// Why a request was rejected by the parser. Every case maps to one status; after any of them the
/// connection is answered and closed, never reused, so a framing disagreement cannot be turned into
/// request smuggling.
public enum HTTPParseError: Error, Sendable, Equatable {
    case requestLineTooLong
    case headerBlockTooLarge
    case tooManyHeaderFields
    case bodyTooLarge
    case malformedRequestLine
    case unsupportedVersion
    case unsupportedMethod
    case invalidTarget
    case invalidLineEnding
    case invalidHeaderName
    case whitespaceBeforeColon
    case obsoleteLineFolding
    case invalidHeaderValue
    case missingHost
    case multipleHosts
    case invalidContentLength
    case multipleContentLengths
    case contentLengthWithTransferEncoding
    case transferEncodingNotChunked
    case unsupportedTransferCoding
    case malformedTransferEncoding
    case multipleTransferEncodings
    case transferEncodingInHTTP10
    case invalidChunkSize
    case invalidChunkTerminator
    case unsupportedExpectation

    /// The status the client is answered with.
    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: return .uriTooLong
        case .headerBlockTooLarge, .tooManyHeaderFields: return .requestHeaderFieldsTooLarge
        case .bodyTooLarge: return .contentTooLarge
        case .unsupportedVersion: return .httpVersionNotSupported
        case .unsupportedMethod, .unsupportedTransferCoding: return .notImplemented
        case .unsupportedExpectation: return .expectationFailed
        default: return .badRequest
        }
    }

    /// A short explanation for the response body and the log.
    public var explanation: String {
        switch self {
        case .requestLineTooLong: return "The request line is too long."
        case .headerBlockTooLarge: return "The request header block is too large."
        case .tooManyHeaderFields: return "The request has too many header fields."
        case .bodyTooLarge: return "The request body is too large."
        case .malformedRequestLine: return "The request line is malformed."
        case .unsupportedVersion: return "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .unsupportedMethod: return "This method is not supported."
        case .invalidTarget: return "The request target is invalid."
        case .invalidLineEnding: return "Lines must end with CRLF; a bare CR or LF was found."
        case .invalidHeaderName: return "A header field name is invalid."
        case .whitespaceBeforeColon: return "Whitespace between a header field name and the colon is not allowed."
        case .obsoleteLineFolding: return "Folded header lines are not allowed."
        case .invalidHeaderValue: return "A header field value contains a forbidden character."
        case .missingHost: return "An HTTP/1.1 request needs a Host header field."
        case .multipleHosts: return "The request has more than one Host header field."
        case .invalidContentLength: return "Content-Length must be a plain decimal number."
        case .multipleContentLengths: return "The request has more than one Content-Length."
        case .contentLengthWithTransferEncoding: return "Content-Length and Transfer-Encoding cannot both be sent."
        case .transferEncodingNotChunked: return "The final transfer coding must be chunked."
        case .unsupportedTransferCoding: return "Only the chunked transfer coding is supported."
        case .malformedTransferEncoding: return "Transfer-Encoding is malformed; send exactly \"chunked\"."
        case .multipleTransferEncodings: return "The request has more than one Transfer-Encoding header field."
        case .transferEncodingInHTTP10: return "Transfer-Encoding is not allowed in HTTP/1.0."
        case .invalidChunkSize: return "A chunk size is invalid."
        case .invalidChunkTerminator: return "A chunk is not followed by CRLF."
        case .unsupportedExpectation: return "Only the 100-continue expectation is supported."
        }
    }
}
