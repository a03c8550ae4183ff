import Testing
@testable import HTTPServer

/// Every spelling of `Transfer-Encoding` we have thought of, with what the server must do with it.
/// Only `chunked` (any case, optional whitespace) is read as a body; everything a front proxy might
/// frame differently is refused and the connection closed (request smuggling, RFC 9112 §6.1, §11.2).
struct TransferEncodingCase: Sendable, CustomTestStringConvertible {
    /// The header field lines, each without its CRLF.
    let fieldLines: [String]
    /// nil when the request is accepted and its body read as chunked.
    let error: HTTPParseError?

    init(_ fieldLines: String..., refusedWith error: HTTPParseError? = nil) {
        self.fieldLines = fieldLines
        self.error = error
    }

    var testDescription: String {
        fieldLines.map { $0.debugDescription }.joined(separator: " + ") + (error.map { " → \($0.status.code)" } ?? " → accepted")
    }

    /// A POST with these field lines and the chunked body `hello`, followed by nothing.
    var request: String {
        "POST /echo HTTP/1.1\r\nHost: x\r\n" + fieldLines.map { $0 + "\r\n" }.joined() + "\r\n5\r\nhello\r\n0\r\n\r\n"
    }

    static let all: [TransferEncodingCase] = accepted + refused

    static let accepted: [TransferEncodingCase] = [
        .init("Transfer-Encoding: chunked"),
        .init("Transfer-Encoding: CHUNKED"),
        .init("Transfer-Encoding: Chunked"),
        .init("transfer-encoding: cHuNkEd"),
        .init("Transfer-Encoding:chunked"),
        .init("Transfer-Encoding:   chunked   "),
        .init("Transfer-Encoding:\tchunked\t"),
    ]

    static let refused: [TransferEncodingCase] = [
        // Malformed: a proxy may read any of these as chunked, or as no body at all.
        .init("Transfer-Encoding: ", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding:", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked,", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: , chunked", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked, ,", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: \"chunked\"", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: 'chunked'", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: chunked;x", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked;x=1", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked ;x=1", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked; charset=utf-8", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked, chunked", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked,chunked", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chun ked", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked chunked", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chunked\u{0B}", refusedWith: .invalidHeaderValue),
        .init("Transfer-Encoding: chunked\u{A0}", refusedWith: .malformedTransferEncoding),
        .init("Transfer-Encoding: chun\u{212A}ed", refusedWith: .malformedTransferEncoding),  // Kelvin sign K
        .init("Transfer-Encoding: gzip;q=1, chunked", refusedWith: .malformedTransferEncoding),
        // The final coding is not chunked: the body's length cannot be known.
        .init("Transfer-Encoding: xchunked", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: chunkedx", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: chunked-false", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: x-chunked", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: chunke", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: identity", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: gzip", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: chunked, gzip", refusedWith: .transferEncodingNotChunked),
        .init("Transfer-Encoding: chunked, identity", refusedWith: .transferEncodingNotChunked),
        // More than one field line, whatever they say together: proxies disagree on which counts.
        .init("Transfer-Encoding: chunked", "Transfer-Encoding: chunked", refusedWith: .multipleTransferEncodings),
        .init("Transfer-Encoding: chunked", "Transfer-Encoding: ", refusedWith: .multipleTransferEncodings),
        .init("Transfer-Encoding: gzip", "Transfer-Encoding: chunked", refusedWith: .multipleTransferEncodings),
        .init("Transfer-Encoding: chunked", "Transfer-Encoding: identity", refusedWith: .multipleTransferEncodings),
        .init("Transfer-Encoding: identity", "transfer-encoding: chunked", refusedWith: .multipleTransferEncodings),
        // Well formed, chunked last, but with a coding under it that we do not decode.
        .init("Transfer-Encoding: gzip, chunked", refusedWith: .unsupportedTransferCoding),
        .init("Transfer-Encoding: identity, chunked", refusedWith: .unsupportedTransferCoding),
        .init("Transfer-Encoding: deflate,chunked", refusedWith: .unsupportedTransferCoding),
        .init("Transfer-Encoding: xchunked, chunked", refusedWith: .unsupportedTransferCoding),
        // With a Content-Length, in either order: refused before the coding is even looked at.
        .init("Transfer-Encoding: chunked", "Content-Length: 5", refusedWith: .contentLengthWithTransferEncoding),
        .init("Content-Length: 0", "Transfer-Encoding: chunked", refusedWith: .contentLengthWithTransferEncoding),
        .init("Content-Length: 5", "Transfer-Encoding: identity", refusedWith: .contentLengthWithTransferEncoding),
    ]
}

@Suite("Transfer-Encoding spellings")
struct TransferEncodingTests {
    @Test(arguments: TransferEncodingCase.all)
    func parserDecision(_ spelling: TransferEncodingCase) {
        let events = parseEvents(spelling.request)
        if let error = spelling.error {
            #expect(events.ignoringContinue.last == .error(error), "events: \(events)")
            #expect(events.requests.isEmpty)
        } else {
            #expect(events.requests.map(\.body) == [Array("hello".utf8)], "events: \(events)")
        }
    }

    @Test func statusesAreBadRequestOrNotImplemented() {
        for spelling in TransferEncodingCase.refused {
            let expected: HTTPStatus = spelling.error == .unsupportedTransferCoding ? .notImplemented : .badRequest
            #expect(spelling.error?.status == expected, "\(spelling.testDescription)")
        }
    }

    @Test func http10WithChunkedIsRefused() {
        let request = "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
        #expect(parseEvents(request).last == .error(.transferEncodingInHTTP10))
    }
}

@Suite struct LiveTransferEncodingTests {
    /// Each spelling over a real socket, followed in the same write by a second request: an accepted
    /// one is answered and the connection stays in step; a refused one gets its status, the
    /// connection closes, and the bytes after it are never read as a request.
    @Test func everySpellingOverASocket() throws {
        try withServer(router: basicRouter()) { server in
            for spelling in TransferEncodingCase.all {
                let client = try server.connect()
                try client.send(spelling.request + get("/echo/smuggled"))
                let response = try client.readResponse()
                if let error = spelling.error {
                    #expect(response.status == error.status.code, "\(spelling.testDescription)")
                    #expect(response.connectionHas("close"), "\(spelling.testDescription)")
                    let rest = try client.readUntilClosed()
                    #expect(rest.isEmpty, "\(spelling.testDescription): \(String(decoding: rest, as: UTF8.self))")
                } else {
                    #expect(response.status == 200, "\(spelling.testDescription)")
                    #expect(response.text == "5 \(checksum(Array("hello".utf8)))", "\(spelling.testDescription)")
                    #expect(try client.readResponse().text == "smuggled", "\(spelling.testDescription)")
                }
                client.close()
            }
        }
    }
}
