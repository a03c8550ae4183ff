/// Parses a block of header (or trailer) field lines, each ending in CRLF (RFC 9112 §5).
enum HeaderFieldParser {
    static func parse(_ block: UnsafeBufferPointer<UInt8>, maxFields: Int) -> Result<HTTPHeaders, HTTPParseError> {
        var headers = HTTPHeaders()
        var lineStart = 0
        while lineStart < block.count {
            // The scanner has already checked that every LF is preceded by CR and every CR by LF.
            guard let lf = block[lineStart...].firstIndex(of: 10) else { return .failure(.invalidLineEnding) }
            let line = UnsafeBufferPointer(rebasing: block[lineStart..<(lf - 1)])
            lineStart = lf + 1
            guard headers.count < maxFields else { return .failure(.tooManyHeaderFields) }
            switch parseField(line) {
            case .failure(let error): return .failure(error)
            case .success(let field): headers.add(field.name, field.value)
            }
        }
        return .success(headers)
    }

    private static func parseField(_ line: UnsafeBufferPointer<UInt8>) -> Result<HTTPHeaders.Field, HTTPParseError> {
        if let first = line.first, first == 0x20 || first == 0x09 { return .failure(.obsoleteLineFolding) }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return .failure(.invalidHeaderName) }
        let name = line[..<colon]
        guard !name.isEmpty else { return .failure(.invalidHeaderName) }
        if let last = name.last, last == 0x20 || last == 0x09 { return .failure(.whitespaceBeforeColon) }
        guard name.allSatisfy(HTTPSyntax.isTokenByte) else { return .failure(.invalidHeaderName) }
        var valueStart = colon + 1, valueEnd = line.count
        while valueStart < valueEnd, line[valueStart] == 0x20 || line[valueStart] == 0x09 { valueStart += 1 }
        while valueEnd > valueStart, line[valueEnd - 1] == 0x20 || line[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        let value = line[valueStart..<valueEnd]
        guard value.allSatisfy(HTTPSyntax.isFieldValueByte) else { return .failure(.invalidHeaderValue) }
        return .success(HTTPHeaders.Field(
            name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
    }
}
