import Testing
@testable import HTTPServer

/// Inputs that once broke the parser, each with the way it broke.
@Suite("RequestParser regressions")
struct RequestParserRegressionTests {
    private let chunkedHead = "POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"

    /// Trailer lines that had been read were dropped by buffer compaction when more bytes arrived
    /// before the blank line ending them, and slicing the trailer block then trapped
    /// ("Negative Array index is out of range"): any client could crash the server.
    @Test func trailerLinesSurviveCompaction() throws {
        var parser = RequestParser()
        parser.append(Array((chunkedHead + "3\r\nabc\r\n0\r\nX-One: 1\r\n").utf8))
        #expect(isNeedMoreData(parser.next()))
        parser.append(Array("X-Two: 2\r\n".utf8))
        #expect(isNeedMoreData(parser.next()))
        parser.append(Array("\r\n".utf8))
        guard case .request(let request) = parser.next() else {
            Issue.record("expected the request")
            return
        }
        #expect(request.body == Array("abc".utf8))
        #expect(request.trailers.fields == [
            HTTPHeaders.Field(name: "X-One", value: "1"), HTTPHeaders.Field(name: "X-Two", value: "2"),
        ])
    }

    @Test func trailerLinesSurviveCompactionByteByByte() {
        let text = chunkedHead + "3\r\nabc\r\n0\r\nX-One: 1\r\nX-Two: 2\r\n\r\n" + chunkedHead + "0\r\nT: 3\r\n\r\n"
        let bytes = Array(text.utf8)
        let events = parseEvents(pieces: bytes.indices.map { bytes[$0...$0] })
        #expect(events.requests.map(\.trailers.count) == [2, 1])
    }

    /// A head whose field block was exactly `maxHeaderBlockLength` bytes was accepted in one piece
    /// but refused with 431 when a read ended just after the CR of the blank line.
    @Test func headAtTheLimitSplitAfterTheFinalCR() throws {
        let padding = 32 * 1024 - "Host: x\r\n".utf8.count - "X-Pad: \r\n".utf8.count
        let bytes = Array("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: \(repeated("p", padding))\r\n\r\n".utf8)
        let events = parseEvents(pieces: pieces(of: bytes, splitAt: [bytes.count - 1]))
        #expect(events.requests.count == 1)
        #expect(events.firstError == nil)
    }

    /// The same for a chunk-size line of exactly `maxChunkLineLength` bytes (refused as an invalid
    /// chunk size) and for a trailer block of exactly `maxHeaderBlockLength` bytes (refused with 431).
    @Test func chunkLineAndTrailersAtTheLimitSplitAfterTheCR() {
        let sizeLine = "5;" + repeated("e", 1024 - 2)
        let chunk = Array((chunkedHead + sizeLine + "\r\nhello\r\n0\r\n\r\n").utf8)
        let chunkSplit = chunkedHead.utf8.count + sizeLine.utf8.count + 1
        #expect(parseEvents(pieces: pieces(of: chunk, splitAt: [chunkSplit])).requests.map(\.body.count) == [5])

        let trailer = "T: " + repeated("t", 32 * 1024 - "T: \r\n".utf8.count) + "\r\n"
        let withTrailers = Array((chunkedHead + "0\r\n" + trailer + "\r\n").utf8)
        let trailerSplit = withTrailers.count - 1
        let events = parseEvents(pieces: pieces(of: withTrailers, splitAt: [trailerSplit]))
        #expect(events.requests.map(\.trailers.count) == [1])
    }

    /// Limits were checked on whatever had been buffered, line endings byte by byte, so the same bytes
    /// gave 414/431 or 400 depending on where a read ended. Now the first byte that breaks a rule
    /// decides.
    @Test func errorDoesNotDependOnTheSplit() {
        var limits = ParserLimits()
        limits.maxRequestLineLength = 24
        limits.maxHeaderBlockLength = 40
        limits.maxChunkLineLength = 6
        let inputs = [
            ("GET /aaaaaaaaaaaaaaa HTTP/1.1\rX", HTTPParseError.requestLineTooLong),
            ("GET /aaaaaaaaaaaaaaa HTTP/1.1\n", .requestLineTooLong),
            ("GET / HTTP/1.1\r\nHost: x\r\nX: \(repeated("v", 40))\n", .headerBlockTooLarge),
            ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;eeeeeee\n", .invalidChunkSize),
        ]
        for (text, error) in inputs {
            checkEveryTwoPieceSplit(Array(text.utf8), limits: limits, gives: error)
        }
    }

    /// Found by the fuzzer (Fuzz/, tiny limits) against the parser before the fix above: 123 control
    /// bytes then a bare LF gave 400 in one piece but 414 when split after byte 97.
    @Test func fuzzerFoundRequestLineLimitVersusBareLF() {
        var limits = ParserLimits()
        limits.maxRequestLineLength = 64
        limits.maxHeaderBlockLength = 128
        limits.maxHeaderFields = 6
        limits.defaultBodyLimit = 64
        limits.maxChunkLineLength = 12
        let bytes = [UInt8](repeating: 0x02, count: 123)
            + [0x0F, 0x00, 0x47, 0x0A, 0x0D, 0x0D, 0x25, 0x0F, 0x00, 0x47, 0x0A, 0x0D, 0x0D, 0x0A, 0x0A, 0x20]
        #expect(parseEvents(pieces: pieces(of: bytes, splitAt: [97]), limits: limits) == [.error(.requestLineTooLong)])
        checkEveryTwoPieceSplit(bytes, limits: limits, gives: .requestLineTooLong)
    }

    private func checkEveryTwoPieceSplit(
        _ bytes: [UInt8], limits: ParserLimits, gives error: HTTPParseError,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(parseEvents(bytes, limits: limits) == [.error(error)], sourceLocation: sourceLocation)
        for offset in 1..<bytes.count {
            let events = parseEvents(pieces: pieces(of: bytes, splitAt: [offset]), limits: limits)
            #expect(events == [.error(error)], "split at \(offset)", sourceLocation: sourceLocation)
        }
    }
}
