/// The checks on a complete head that decide how its body is framed (RFC 9112 §6). Anything
/// ambiguous is refused: a server that guesses differently from a proxy in front of it can be made
/// to see two requests where the proxy saw one.
enum FramingRules {
    /// Returns whether the client waits for `100 Continue`, or the reason to refuse the request.
    static func check(headers: HTTPHeaders, version: HTTPVersion, bodyLimit: Int) -> Result<Bool, HTTPParseError> {
        let hosts = headers.values("Host")
        if hosts.count > 1 { return .failure(.multipleHosts) }
        if version == .http1_1 && hosts.isEmpty { return .failure(.missingHost) }
        if let host = hosts.first, !host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return .failure(.invalidHeaderValue) }

        let lengths = headers.values("Content-Length")
        let hasTransferEncoding = headers.contains("Transfer-Encoding")
        if !lengths.isEmpty && hasTransferEncoding { return .failure(.contentLengthWithTransferEncoding) }
        if lengths.count > 1 { return .failure(.multipleContentLengths) }
        if let lengthText = lengths.first {
            guard let length = parseContentLength(lengthText) else { return .failure(.invalidContentLength) }
            if length > bodyLimit { return .failure(.bodyTooLarge) }
        }
        if hasTransferEncoding {
            if version == .http1_0 { return .failure(.transferEncodingInHTTP10) }
            if let error = checkTransferEncoding(headers.values("Transfer-Encoding")) { return .failure(error) }
        }
        return expectation(headers: headers, version: version)
    }

    /// `Content-Length` is one or more digits and nothing else; at most 18 digits, so it fits an Int.
    static func parseContentLength(_ text: String) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy(HTTPSyntax.isDigit) else { return nil }
        return Int(text)
    }

    /// Accepts exactly one `Transfer-Encoding` field line whose codings end in `chunked`, spelled as
    /// a bare token in any case with optional whitespace around it (the one spelling nginx accepts
    /// too); refuses everything else. Proxies disagree about the rest — a second field line (some read only the first),
    /// empty list elements, parameters (`chunked;x`), quotes, `chunked` twice — and a proxy that
    /// frames the body one way while we frame it another lets a client hide a second request in the
    /// first. Returns nil for a request to read as chunked.
    static func checkTransferEncoding(_ fieldValues: [String]) -> HTTPParseError? {
        guard fieldValues.count == 1 else { return .multipleTransferEncodings }
        let codings = fieldValues[0].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingOWS() }
        // A bare token only: no coding we accept takes parameters, and `;`, `=` and quotes are not tchars.
        guard codings.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(HTTPSyntax.isTokenByte) }) else {
            return .malformedTransferEncoding
        }
        let chunkedCount = codings.count { $0.asciiCaseInsensitiveEquals("chunked") }
        // RFC 9112 §6.3: when chunked is not the final coding the body's length cannot be known.
        guard let last = codings.last, last.asciiCaseInsensitiveEquals("chunked") else { return .transferEncodingNotChunked }
        // RFC 9112 §6.1: chunked is never applied twice.
        if chunkedCount > 1 { return .malformedTransferEncoding }
        // A coding under the chunked framing (gzip, chunked) is well formed but not one we decode.
        if codings.count > 1 { return .unsupportedTransferCoding }
        return nil
    }

    private static func expectation(headers: HTTPHeaders, version: HTTPVersion) -> Result<Bool, HTTPParseError> {
        let expectations = headers.values("Expect")
        guard !expectations.isEmpty else { return .success(false) }
        // RFC 9110 §10.1.1: a server ignores 100-continue from an HTTP/1.0 client.
        guard expectations.count == 1, expectations[0].lowercased() == "100-continue" else {
            return .failure(.unsupportedExpectation)
        }
        return .success(version == .http1_1)
    }
}

/// `chunk-size [ chunk-ext ]` (RFC 9112 §7.1): hexadecimal digits only, no sign, no `0x`, no
/// whitespace, and no more than fits an Int.
enum ChunkSize {
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        let sizeEnd = line.firstIndex(of: UInt8(ascii: ";")) ?? line.count
        guard sizeEnd > 0, sizeEnd <= 15 else { return nil }
        var size = 0
        for byte in line[..<sizeEnd] {
            guard let digit = PercentDecoding.hexValue(byte) else { return nil }
            size = size << 4 | Int(digit)
        }
        // Extensions are ignored but must not smuggle controls.
        guard line[sizeEnd...].allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { return nil }
        return size
    }
}
