/// Why a form body (`application/x-www-form-urlencoded` or `multipart/form-data`) was rejected.
///
/// Syntax errors answer 400, exceeded counts and sizes 413, and a wrong media type 415. An
/// oversized part header and an overlong field name answer 400, not 431: 431 is about the HTTP
/// request's own header section and would send a client hunting for oversized cookies, and no
/// browser ever writes such part headers, so they are treated as malformed.
public enum FormError: Error, Sendable, Equatable {
    /// The Content-Type is missing or not the form type the handler expects.
    case unsupportedMediaType
    /// The Content-Type header field cannot be parsed, or was sent more than once.
    case malformedContentType
    /// A decoded name or value is not valid UTF-8.
    case invalidUTF8
    /// A `%` is not followed by two hex digits.
    case malformedPercentEncoding
    /// The urlencoded body has more fields than allowed.
    case tooManyFields
    /// A multipart Content-Type has no `boundary` parameter.
    case missingBoundary
    /// The boundary is empty, longer than 70 characters or uses characters RFC 2046 forbids.
    case invalidBoundary
    /// The multipart body has no opening delimiter or ends before its closing delimiter `--boundary--`.
    case missingCloseDelimiter
    /// A part's header section is not a sequence of valid CRLF-terminated header fields.
    case malformedPartHeaders
    /// A part's header section is larger than `MultipartLimits.maxPartHeaderBytes`.
    case partHeadersTooLarge
    /// A part has no `Content-Disposition: form-data` header field, or it cannot be parsed.
    case invalidContentDisposition
    /// A part's Content-Disposition has no (or an empty) `name` parameter.
    case missingPartName
    /// A part's name is longer than `MultipartLimits.maxFieldNameLength`.
    case partNameTooLong
    /// The multipart body has more parts than `MultipartLimits.maxParts`.
    case tooManyParts
    /// A part's body is larger than `MultipartLimits.maxPartBodyBytes`.
    case partTooLarge

    /// The status the client is answered with.
    public var status: HTTPStatus {
        switch self {
        case .unsupportedMediaType: return .unsupportedMediaType
        case .tooManyFields, .tooManyParts, .partTooLarge: return .contentTooLarge
        default: return .badRequest
        }
    }

    /// A short explanation for the response body and the log.
    public var explanation: String {
        switch self {
        case .unsupportedMediaType: return "The request body does not have the expected form content type."
        case .malformedContentType: return "The Content-Type header field is malformed or repeated."
        case .invalidUTF8: return "The form data is not valid UTF-8."
        case .malformedPercentEncoding: return "The form data contains a malformed percent escape."
        case .tooManyFields: return "The form has too many fields."
        case .missingBoundary: return "The multipart Content-Type has no boundary parameter."
        case .invalidBoundary: return "The multipart boundary is invalid."
        case .missingCloseDelimiter: return "The multipart body is incomplete: a boundary delimiter is missing."
        case .malformedPartHeaders: return "A multipart part has malformed header fields."
        case .partHeadersTooLarge: return "A multipart part's header section is too large."
        case .invalidContentDisposition: return "A multipart part lacks a valid Content-Disposition: form-data header field."
        case .missingPartName: return "A multipart part has no field name."
        case .partNameTooLong: return "A multipart part's field name is too long."
        case .tooManyParts: return "The multipart form has too many parts."
        case .partTooLarge: return "A multipart part is too large."
        }
    }
}

/// A decoded `application/x-www-form-urlencoded` body (WHATWG URL §5.1), always read as UTF-8.
public struct URLEncodedForm: Sendable {
    /// The fields in the order they were sent, repeated names included.
    public let items: [QueryItem]

    /// Decodes `body`. Unlike query strings, which tolerate a stray `%`, a form body with a
    /// malformed escape or invalid UTF-8 is refused: silently storing mangled text is worse.
    public init(_ body: [UInt8], maxFields: Int = 1000) throws(FormError) {
        var items: [QueryItem] = []
        var start = body.startIndex
        // A manual scan rather than `split`, which would first materialise every `&` segment of
        // a hostile `&a&a&a…` body before the field limit could stop it.
        while start < body.endIndex {
            let end = body[start...].firstIndex(of: UInt8(ascii: "&")) ?? body.endIndex
            let pair = body[start..<end]
            start = end + 1
            if pair.isEmpty { continue }
            guard items.count < maxFields else { throw .tooManyFields }
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let name = try Self.decode(pair[pair.startIndex..<equals])
            let value = equals == pair.endIndex ? "" : try Self.decode(pair[pair.index(after: equals)...])
            items.append(QueryItem(name: name, value: value))
        }
        self.items = items
    }

    /// The first value sent under `name`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value sent under `name`, in order (checkboxes, multi-selects).
    public func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) throws(FormError) -> String {
        guard let decoded = PercentDecoding.decode(bytes, plusAsSpace: true) else { throw .malformedPercentEncoding }
        guard let string = String(validating: decoded, as: UTF8.self) else { throw .invalidUTF8 }
        return string
    }
}

extension Request {
    /// The body decoded as `application/x-www-form-urlencoded`; throws `.unsupportedMediaType`
    /// (415) for any other Content-Type. Parameters such as `charset` are ignored: the body is UTF-8.
    public func urlEncodedForm(maxFields: Int = 1000) throws(FormError) -> URLEncodedForm {
        let contentType = try formContentType()
        guard contentType.value == "application/x-www-form-urlencoded" else { throw .unsupportedMediaType }
        return try URLEncodedForm(body, maxFields: maxFields)
    }

    /// The single Content-Type of the request, parsed; a missing one means the type is unsupported.
    func formContentType() throws(FormError) -> HeaderValueParameters {
        let values = headers.values("Content-Type")
        guard let first = values.first else { throw .unsupportedMediaType }
        // Two Content-Type fields could each be honoured by a different component; refuse the ambiguity.
        guard values.count == 1, let parsed = HeaderValueParameters(first),
              Self.isMediaType(parsed.value) else { throw .malformedContentType }
        return parsed
    }

    private static func isMediaType(_ value: String) -> Bool {
        let pieces = value.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return pieces.count == 2 && pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy(HTTPSyntax.isTokenByte) }
    }
}

/// A header value of the form `token; name=value; name="quoted value"`, as used by Content-Type
/// (RFC 9110 §8.3.1) and Content-Disposition (RFC 6266 §4.1).
struct HeaderValueParameters: Sendable {
    /// The leading value, lower-cased, e.g. `multipart/form-data` or `form-data`.
    let value: String
    /// Parameters by lower-cased name.
    let parameters: [String: String]

    /// Returns nil for anything unparseable, including a parameter given twice: two `boundary` or
    /// two `name` parameters could be read differently by another parser, so neither is trusted.
    init?(_ field: String) {
        var bytes = Substring(field).utf8[...]
        let valueEnd = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
        let leading = bytes[bytes.startIndex..<valueEnd]
        let trimmedValue = Self.trimmed(leading)
        guard !trimmedValue.isEmpty,
              trimmedValue.allSatisfy({ HTTPSyntax.isTokenByte($0) || $0 == UInt8(ascii: "/") }) else { return nil }
        value = String(decoding: trimmedValue, as: UTF8.self).lowercased()
        bytes = bytes[valueEnd...]

        var parameters: [String: String] = [:]
        while let separator = bytes.first {
            guard separator == UInt8(ascii: ";") else { return nil }
            bytes = Self.skipOWS(bytes.dropFirst())
            // Tolerate empty parameters (`;;`, a trailing `;`), which some clients produce.
            if bytes.isEmpty || bytes.first == UInt8(ascii: ";") { continue }
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let name = bytes[bytes.startIndex..<equals]
            guard !name.isEmpty, name.allSatisfy(HTTPSyntax.isTokenByte) else { return nil }
            bytes = Self.skipOWS(bytes[bytes.index(after: equals)...])
            let parameterValue: [UInt8]
            if bytes.first == UInt8(ascii: "\"") {
                guard let quoted = Self.quotedString(bytes.dropFirst()) else { return nil }
                parameterValue = quoted.content
                bytes = quoted.rest
            } else {
                // Unquoted: up to the next `;` or whitespace. Wider than RFC 9110's token so that
                // common boundaries such as `----=_Part_1` sent without quotes are still understood.
                let end = bytes.firstIndex { $0 == UInt8(ascii: ";") || $0 == 0x20 || $0 == 0x09 } ?? bytes.endIndex
                let raw = bytes[bytes.startIndex..<end]
                guard !raw.isEmpty, raw.allSatisfy({ $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\"") }) else {
                    return nil
                }
                parameterValue = Array(raw)
                bytes = bytes[end...]
            }
            bytes = Self.skipOWS(bytes)
            let key = String(decoding: name, as: UTF8.self).lowercased()
            guard parameters[key] == nil else { return nil }
            parameters[key] = String(decoding: parameterValue, as: UTF8.self)
        }
        self.parameters = parameters
    }

    /// Reads a quoted-string body after its opening DQUOTE; returns the content and what follows
    /// the closing DQUOTE. `\"` and `\\` are unescaped, but any other backslash is kept literally:
    /// old Internet Explorer sends `filename="C:\Users\me\a.csv"` unescaped, and dropping those
    /// backslashes would glue the directories onto the file name.
    private static func quotedString(_ input: Substring.UTF8View) -> (content: [UInt8], rest: Substring.UTF8View)? {
        var output: [UInt8] = []
        var index = input.startIndex
        while index != input.endIndex {
            let byte = input[index]
            index = input.index(after: index)
            switch byte {
            case UInt8(ascii: "\""):
                return (output, input[index...])
            case UInt8(ascii: "\\"):
                if index != input.endIndex, input[index] == UInt8(ascii: "\"") || input[index] == UInt8(ascii: "\\") {
                    output.append(input[index])
                    index = input.index(after: index)
                } else {
                    output.append(byte)
                }
            case 0x09, 0x20...0x7E, 0x80...0xFF:
                output.append(byte)
            default:
                return nil
            }
        }
        return nil
    }

    private static func skipOWS(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var result = bytes
        while let first = result.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        return result
    }

    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var result = skipOWS(bytes)
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }
}
