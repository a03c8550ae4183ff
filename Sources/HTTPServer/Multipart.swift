#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits on a `multipart/form-data` body, on top of the server's overall body limit.
public struct MultipartLimits: Sendable {
    /// Most parts, else 413.
    public var maxParts: Int
    /// Largest header section of one part in bytes, not counting the blank line that ends it, else 400.
    public var maxPartHeaderBytes: Int
    /// Largest body of one part in bytes, else 413. By default only the whole-body limit applies.
    public var maxPartBodyBytes: Int
    /// Longest field name in bytes, else 400.
    public var maxFieldNameLength: Int

    /// Limits with the given values; the defaults suit ordinary HTML forms.
    public init(
        maxParts: Int = 100, maxPartHeaderBytes: Int = 8 * 1024, maxPartBodyBytes: Int = .max,
        maxFieldNameLength: Int = 256
    ) {
        self.maxParts = maxParts
        self.maxPartHeaderBytes = maxPartHeaderBytes
        self.maxPartBodyBytes = maxPartBodyBytes
        self.maxFieldNameLength = maxFieldNameLength
    }
}

/// One part of a `multipart/form-data` body: a form field or an uploaded file.
public struct MultipartPart: Sendable {
    /// The `name` parameter of Content-Disposition, exactly as sent (browsers percent-encode `"`, CR
    /// and LF in names as `%22`, `%0D`, `%0A`; that is not undone).
    public let name: String
    /// The `filename` parameter with any directory part removed; `""` when a browser submits a file
    /// input with no file chosen. Still untrusted input: never use it as a path without checking.
    public let filename: String?
    /// The part's Content-Type, if it sent one (browsers do for files only).
    public let contentType: String?
    /// All header fields of the part.
    public let headers: HTTPHeaders
    /// The part's content, byte for byte.
    public let body: [UInt8]

    /// The body as UTF-8 text, or nil if it is not valid UTF-8.
    public var text: String? { String(validating: body, as: UTF8.self) }
}

/// A parsed `multipart/form-data` body (RFC 7578, framing per RFC 2046 §5.1.1).
public struct MultipartForm: Sendable {
    /// The parts in the order they were sent.
    public let parts: [MultipartPart]

    /// Parses `body` delimited by `boundary` (the Content-Type parameter, already unquoted).
    ///
    /// A line that starts with `--boundary` but continues with anything other than optional
    /// whitespace and CRLF (or `--`) is part content, not a delimiter, as in Go's mime/multipart.
    public init(body: [UInt8], boundary: String, limits: MultipartLimits = .init()) throws(FormError) {
        guard Self.isValidBoundary(boundary) else { throw .invalidBoundary }
        let delimiter = Array("\r\n--\(boundary)".utf8)
        let result = body.withUnsafeBufferPointer { bodyBuffer in
            delimiter.withUnsafeBufferPointer { delimiterBuffer in
                MultipartParser(body: bodyBuffer, delimiter: delimiterBuffer, limits: limits).parse()
            }
        }
        parts = try result.get()
    }

    /// The first part with that name.
    public func part(named name: String) -> MultipartPart? {
        parts.first { $0.name == name }
    }

    /// The first part with that name that carries a file; nil also when the file input was left empty.
    public func file(named name: String) -> MultipartPart? {
        parts.first { $0.name == name && !($0.filename ?? "").isEmpty }
    }

    /// The text of the first non-file part with that name.
    public subscript(name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }?.text
    }

    /// The texts of every non-file part with that name, in order; parts that are not UTF-8 are skipped.
    public func values(_ name: String) -> [String] {
        parts.filter { $0.name == name && $0.filename == nil }.compactMap(\.text)
    }

    /// 1–70 characters from RFC 2046's bchars, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = boundary.utf8
        guard (1...70).contains(bytes.count), bytes.last != 0x20 else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "+"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: " "):
                return true
            default:
                return false
            }
        }
    }
}

extension Request {
    /// The body parsed as `multipart/form-data`; throws `.unsupportedMediaType` (415) for any other
    /// Content-Type and a 400 or 413 error for a malformed or oversized body.
    public func multipartForm(limits: MultipartLimits = .init()) throws(FormError) -> MultipartForm {
        let contentType = try formContentType()
        guard contentType.value == "multipart/form-data" else { throw .unsupportedMediaType }
        guard let boundary = contentType.parameters["boundary"] else { throw .missingBoundary }
        return try MultipartForm(body: body, boundary: boundary, limits: limits)
    }
}

/// The scanner behind `MultipartForm`, working on raw buffers so that multi-megabyte uploads are
/// searched with memchr/memcmp rather than element by element.
private struct MultipartParser {
    let body: UnsafeBufferPointer<UInt8>
    /// `\r\n--boundary`.
    let delimiter: UnsafeBufferPointer<UInt8>
    let limits: MultipartLimits

    private enum DelimiterKind {
        /// A delimiter line; the next part starts at `partStart`.
        case open(partStart: Int)
        /// The close delimiter `--boundary--`; anything after it is epilogue.
        case close
    }

    private struct Delimiter {
        /// Where the delimiter (its leading CRLF) starts, i.e. where the previous part's body ends.
        let start: Int
        let kind: DelimiterKind
    }

    func parse() -> Result<[MultipartPart], FormError> {
        guard var current = firstDelimiter() else { return .failure(.missingCloseDelimiter) }
        var parts: [MultipartPart] = []
        while case .open(let partStart) = current.kind {
            guard parts.count < limits.maxParts else { return .failure(.tooManyParts) }
            let headers: HTTPHeaders, bodyStart: Int
            switch headerSection(at: partStart) {
            case .failure(let error): return .failure(error)
            case .success(let section): (headers, bodyStart) = section
            }
            guard let next = nextDelimiter(from: bodyStart) else { return .failure(.missingCloseDelimiter) }
            guard next.start - bodyStart <= limits.maxPartBodyBytes else { return .failure(.partTooLarge) }
            switch makePart(headers: headers, body: bodyStart..<next.start) {
            case .failure(let error): return .failure(error)
            case .success(let part): parts.append(part)
            }
            current = next
        }
        return .success(parts)
    }

    /// The first delimiter, which may open the body without a preceding CRLF; before it is preamble.
    private func firstDelimiter() -> Delimiter? {
        let dashBoundary = delimiter.count - 2
        if body.count >= dashBoundary, body.starts(with: delimiter[2...]), let kind = classify(at: dashBoundary) {
            return Delimiter(start: 0, kind: kind)
        }
        return nextDelimiter(from: 0)
    }

    /// The next real delimiter at or after `from`.
    private func nextDelimiter(from: Int) -> Delimiter? {
        var searchFrom = from
        while let start = find(from: searchFrom) {
            if let kind = classify(at: start + delimiter.count) { return Delimiter(start: start, kind: kind) }
            // `--boundary` followed by other text is content; keep looking after it.
            searchFrom = start + 1
        }
        return nil
    }

    /// What follows `\r\n--boundary` at `index`: `--` makes the close delimiter, optional linear
    /// whitespace then CRLF an ordinary one (RFC 2046 transport-padding); anything else neither.
    private func classify(at index: Int) -> DelimiterKind? {
        var cursor = index
        let isClose = cursor + 1 < body.count && body[cursor] == UInt8(ascii: "-") && body[cursor + 1] == UInt8(ascii: "-")
        if isClose { cursor += 2 }
        while cursor < body.count, body[cursor] == 0x20 || body[cursor] == 0x09 { cursor += 1 }
        if isClose, cursor == body.count { return .close }
        guard cursor + 1 < body.count, body[cursor] == 0x0D, body[cursor + 1] == 0x0A else { return nil }
        return isClose ? .close : .open(partStart: cursor + 2)
    }

    /// The first occurrence of the delimiter at or after `from`.
    ///
    /// memchr finds each candidate CR and memcmp checks it. This stays linear even for hostile
    /// bodies: the delimiter holds only one CR (boundaries cannot contain CR), so no byte lies
    /// inside two partial matches.
    private func find(from: Int) -> Int? {
        guard let base = body.baseAddress, let needle = delimiter.baseAddress else { return nil }
        let needleCount = delimiter.count
        var index = from
        while body.count - index >= needleCount {
            guard let hit = memchr(base + index, Int32(needle.pointee), body.count - index - needleCount + 1) else {
                return nil
            }
            let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, needle, needleCount) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }

    /// Parses the header section starting at `start`; returns the headers and where the body starts.
    private func headerSection(at start: Int) -> Result<(HTTPHeaders, Int), FormError> {
        if start + 1 < body.count, body[start] == 0x0D, body[start + 1] == 0x0A {
            return .success((HTTPHeaders(), start + 2))
        }
        let maxBytes = max(0, limits.maxPartHeaderBytes)
        // Look for CRLFCRLF only within the limit, so a part with endless "headers" costs no more.
        let windowEnd = maxBytes >= body.count - start ? body.count : min(body.count, start + maxBytes + 2)
        var cursor = start
        var end: Int?
        while cursor < windowEnd,
              let lf = UnsafeBufferPointer(rebasing: body[cursor..<windowEnd]).firstIndex(of: 0x0A) {
            let absolute = cursor + lf
            // Every line must end in CRLF; a bare LF could make another parser see different fields.
            guard absolute > start, body[absolute - 1] == 0x0D else { return .failure(.malformedPartHeaders) }
            if absolute + 2 < windowEnd, body[absolute + 1] == 0x0D, body[absolute + 2] == 0x0A {
                end = absolute + 1
                break
            }
            cursor = absolute + 1
        }
        guard let end else {
            return .failure(windowEnd < body.count ? .partHeadersTooLarge : .malformedPartHeaders)
        }
        // The section holds lines each ending in CRLF; `end` is just past the last line's CRLF.
        guard end - start <= maxBytes else { return .failure(.partHeadersTooLarge) }
        switch Self.parseHeaderLines(UnsafeBufferPointer(rebasing: body[start..<end])) {
        case .none: return .failure(.malformedPartHeaders)
        case .some(let headers): return .success((headers, end + 2))
        }
    }

    /// Parses `name: value` lines, each ending in CRLF (already checked to hold no bare LF).
    private static func parseHeaderLines(_ block: UnsafeBufferPointer<UInt8>) -> HTTPHeaders? {
        var headers = HTTPHeaders()
        var lineStart = 0
        while lineStart < block.count {
            guard let lf = UnsafeBufferPointer(rebasing: block[lineStart...]).firstIndex(of: 0x0A) else { return nil }
            let lineEnd = lineStart + lf - 1
            guard lineEnd > lineStart else { return nil }
            let line = block[lineStart..<lineEnd]
            lineStart = lineStart + lf + 1
            // A leading space would be obsolete line folding, which RFC 7578 parts never need.
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  block[line.startIndex..<colon].allSatisfy(HTTPSyntax.isTokenByte) else { return nil }
            var valueStart = colon + 1, valueEnd = line.endIndex
            while valueStart < valueEnd, block[valueStart] == 0x20 || block[valueStart] == 0x09 { valueStart += 1 }
            while valueEnd > valueStart, block[valueEnd - 1] == 0x20 || block[valueEnd - 1] == 0x09 { valueEnd -= 1 }
            let value = block[valueStart..<valueEnd]
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { return nil }
            headers.add(
                String(decoding: block[line.startIndex..<colon], as: UTF8.self),
                String(decoding: value, as: UTF8.self))
        }
        return headers
    }

    private func makePart(headers: HTTPHeaders, body range: Range<Int>) -> Result<MultipartPart, FormError> {
        let dispositions = headers.values("Content-Disposition")
        guard dispositions.count == 1, let disposition = HeaderValueParameters(dispositions[0]),
              disposition.value == "form-data" else { return .failure(.invalidContentDisposition) }
        guard let name = disposition.parameters["name"], !name.isEmpty else { return .failure(.missingPartName) }
        guard name.utf8.count <= limits.maxFieldNameLength else { return .failure(.partNameTooLong) }
        return .success(MultipartPart(
            name: name,
            filename: disposition.parameters["filename"].map(Self.baseName),
            contentType: headers["Content-Type"],
            headers: headers,
            body: Array(UnsafeBufferPointer(rebasing: self.body[range]))))
    }

    /// Drops everything up to the last `/` or `\`: old browsers send the full client-side path.
    /// `.` and `..` become empty, as they name no file.
    private static func baseName(_ filename: String) -> String {
        let base = filename.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let name = base.split(separator: "\\", omittingEmptySubsequences: false).last ?? ""
        return name == "." || name == ".." ? "" : String(name)
    }
}
