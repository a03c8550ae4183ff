import Testing
@testable import HTTPServer

/// What a parse left behind, besides its events: feeding the same bytes in different pieces must
/// also leave the parser in the same place.
private struct ParseOutcome: Equatable, CustomStringConvertible {
    let events: [ParsedEvent]
    let phase: ParserPhase
    let bufferedByteCount: Int

    var description: String { "\(events) phase=\(phase) buffered=\(bufferedByteCount)" }
}

private func outcome(
    _ pieces: [ArraySlice<UInt8>], limits: ParserLimits, bodyLimit: RequestParser.BodyLimit?
) -> (outcome: ParseOutcome, allEvents: [ParsedEvent]) {
    var parser = RequestParser(limits: limits, bodyLimit: bodyLimit)
    var events: [ParsedEvent] = []
    var failed = false
    for piece in pieces where !failed {
        parser.append(piece)
        failed = drain(&parser, into: &events)
    }
    let result = ParseOutcome(events: events.ignoringContinue, phase: parser.phase,
                              bufferedByteCount: failed ? 0 : parser.bufferedByteCount)
    return (result, events)
}

/// Checks that every way of cutting `bytes` into two pieces, and cutting it into single bytes,
/// gives the same events (ignoring `.continueExpected`) as the whole buffer at once.
private func expectSplitInvariance(
    _ bytes: [UInt8], limits: ParserLimits = ParserLimits(), bodyLimit: RequestParser.BodyLimit? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let whole = outcome([bytes[...]], limits: limits, bodyLimit: bodyLimit).outcome
    var splits: [[Int]] = (1..<max(bytes.count, 1)).map { [$0] }
    splits.append(Array(0..<bytes.count))
    for offsets in splits {
        let (split, allEvents) = outcome(pieces(of: bytes, splitAt: offsets), limits: limits, bodyLimit: bodyLimit)
        if split != whole {
            let how = offsets.count == 1 ? "split at \(offsets[0])" : "fed byte by byte"
            Issue.record("""
                \(how) of \(bytes.count) bytes \(String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription)
                  whole: \(whole)
                  split: \(split)
                """, sourceLocation: sourceLocation)
            return
        }
        // `.continueExpected` is reported at most once per request.
        var continues = 0
        for event in allEvents {
            if event.isContinue { continues += 1 } else { continues = 0 }
            if continues > 1 {
                Issue.record("continueExpected reported twice for one request", sourceLocation: sourceLocation)
                return
            }
        }
    }
}

private let host = "Host: example.test\r\n"

private let splitCorpus: [String] = [
    "GET / HTTP/1.1\r\n\(host)\r\n",
    "GET /a%20b/c?x=1&y=a+b HTTP/1.1\r\n\(host)Accept: */*\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n",
    "GET /old HTTP/1.0\r\n\r\n",
    "\r\n\r\nGET /after-blank-lines HTTP/1.1\r\n\(host)\r\n",
    "POST /form HTTP/1.1\r\n\(host)Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 13\r\n\r\n"
        + "a=1&b=%C3%A4+",
    "POST /chunked HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0;end\r\nX-Checksum: 42\r\nX-More: yes\r\n\r\n",
    "POST /chunked HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "GET /one HTTP/1.1\r\n\(host)\r\nPOST /two HTTP/1.1\r\n\(host)Content-Length: 3\r\n\r\nabc",
    "POST /a HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nT: 1\r\n\r\n"
        + "\r\nGET /b HTTP/1.1\r\n\(host)\r\nGET /c HTTP/1.1\r\n",
    "POST /expect HTTP/1.1\r\n\(host)Expect: 100-continue\r\nContent-Length: 4\r\n\r\nbody",
    "POST /expect HTTP/1.1\r\n\(host)Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
        + "POST /expect HTTP/1.1\r\n\(host)Expect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
    "GET http://example.test/abs?q HTTP/1.1\r\n\(host)\r\n",
    // Incomplete at the end.
    "POST /partial HTTP/1.1\r\n\(host)Content-Length: 10\r\n\r\nabc",
    "POST /partial HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\r\nab",
    "POST /partial HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\nT: 1\r\n",
    "GET /partial HTTP/1.1\r\n\(host)",
    // Malformed.
    "GET / HTTP/1.1\nHost: x\n\n",
    "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n folded\r\n\r\n",
    "GET / HTTP/1.1\r\n\(host)X-A: a\rb\r\n\r\n",
    "GET / HTTP/1.1\r\n\(host)X-\u{0}: a\r\n\r\n",
    "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
    "GET / HTTP/1.1\r\n\r\n",
    "FOO / HTTP/1.1\r\n\(host)\r\n",
    "GET / HTTP/2.0\r\n\(host)\r\n",
    "GET  / HTTP/1.1\r\n\(host)\r\n",
    "GET /a%zz HTTP/1.1\r\n\(host)\r\n",
    "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc",
    "POST / HTTP/1.1\r\n\(host)Content-Length: +3\r\n\r\nabc",
    "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXY0\r\n\r\n",
    "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nT: 1\n\r\n",
    "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nT : 1\r\n\r\n",
    "POST / HTTP/1.1\r\n\(host)Expect: nothing\r\nContent-Length: 1\r\n\r\nx",
    "GET / HTTP/1.1\r\n\(host)\r\n\nGET / HTTP/1.1\r\n\(host)\r\n",
    "GET / HTTP/1.1\r\n\(host)\r\nGET / HTTP/1.1\r\n\(host)Host: again\r\n\r\n",
]

@Suite("RequestParser byte-split invariance")
struct RequestParserSplitTests {
    @Test(arguments: splitCorpus)
    func splittingDoesNotChangeTheResult(_ text: String) {
        expectSplitInvariance(Array(text.utf8))
    }

    @Test func splittingDoesNotChangeTheResultAtTheDefaultLimits() {
        let target = "/" + repeated("a", 8 * 1024 - "GET  HTTP/1.1".utf8.count - 1)
        let padding = 32 * 1024 - host.utf8.count - "X-Pad: \r\n".utf8.count
        let inputs = [
            "GET \(target) HTTP/1.1\r\n\(host)\r\n",
            "GET \(target)b HTTP/1.1\r\n\(host)\r\n",
            "GET / HTTP/1.1\r\n\(host)X-Pad: \(repeated("p", padding))\r\n\r\n",
            "GET / HTTP/1.1\r\n\(host)X-Pad: \(repeated("p", padding + 1))\r\n\r\n",
        ]
        for input in inputs {
            let bytes = Array(input.utf8)
            let whole = parseEvents(bytes)
            // Every split point near the ends of the request line and of the head.
            let interesting = Array(8180..<8200) + Array((bytes.count - 12)..<bytes.count)
            for offset in interesting {
                #expect(parseEvents(pieces: pieces(of: bytes, splitAt: [offset])) == whole, "split at \(offset)")
            }
        }
    }

    /// Small limits make it cheap to try every split point around every limit.
    @Test func splittingDoesNotChangeTheResultNearSmallLimits() {
        var limits = ParserLimits()
        limits.maxRequestLineLength = 24
        limits.maxHeaderBlockLength = 40
        limits.maxHeaderFields = 3
        limits.defaultBodyLimit = 12
        limits.maxChunkLineLength = 6
        let chunked = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        var inputs: [String] = []
        for n in 0..<32 {
            let a = repeated("a", n)
            inputs.append("GET /\(a) HTTP/1.1\r\nHost: x\r\n\r\n")
            inputs.append("GET /\(a) HTTP/1.1\rX")
            inputs.append("GET /\(a) HTTP/1.1\n")
            inputs.append("GET /\(a)")
        }
        for n in 0..<48 {
            let v = repeated("v", n)
            inputs.append("GET / HTTP/1.1\r\nHost: x\r\nX: \(v)\r\n\r\n")
            inputs.append("GET / HTTP/1.1\r\nHost: x\r\nX: \(v)\r\n\rX")
            inputs.append("GET / HTTP/1.1\r\nHost: x\r\nX: \(v)\r\n\n")
            inputs.append("GET / HTTP/1.1\r\nHost: x\r\nX: \(v)")
            inputs.append(chunked + "0\r\nT: \(v)\r\n\r\n")
            inputs.append(chunked + "0\r\nT: 1\r\nU: \(v)\r\n\r\nGET / HTTP/1.0\r\n\r\n")
            inputs.append(chunked + "0\r\nT: \(v)\r\n\rX")
            inputs.append(chunked + "0\r\nT: \(v)\n")
        }
        for fields in 1...5 {
            inputs.append("GET / HTTP/1.1\r\nHost: x\r\n" + (1..<fields).map { "F\($0): v\r\n" }.joined() + "\r\n")
            inputs.append(chunked + "0\r\n" + (0..<fields).map { "T\($0): v\r\n" }.joined() + "\r\n")
        }
        for n in 0..<16 {
            inputs.append("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \(n)\r\n\r\n" + repeated("b", n))
            inputs.append(chunked + "\(String(n, radix: 16))\r\n\(repeated("c", n))\r\n0\r\n\r\n")
            inputs.append(chunked + "6\r\n123456\r\n\(String(n, radix: 16))\r\n\(repeated("c", n))\r\n0\r\n\r\n")
        }
        for n in 0..<10 {
            let e = repeated("e", n)
            inputs.append(chunked + "1;\(e)\r\nc\r\n0\r\n\r\n")
            inputs.append(chunked + "1;\(e)\rX")
            inputs.append(chunked + "1;\(e)\n")
            inputs.append(chunked + "1;\(e)")
            inputs.append(chunked + "\(repeated("0", n))1\r\nc\r\n0\r\n\r\n")
        }
        for input in inputs {
            expectSplitInvariance(Array(input.utf8), limits: limits)
        }
    }

    /// Cuts into several pieces at pseudo-random points, with a fixed seed so failures reproduce.
    @Test func splittingIntoManyPiecesDoesNotChangeTheResult() {
        var generator = SplitMix64(seed: 0x5EED)
        // The complete, valid requests of the corpus, one after another.
        let pipelined = Array([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11].map { splitCorpus[$0] }.joined().utf8)
        let whole = parseEvents(pipelined).ignoringContinue
        #expect(whole.requests.count >= 12)
        for _ in 0..<300 {
            let count = Int.random(in: 1...12, using: &generator)
            let offsets = (0..<count).map { _ in Int.random(in: 1..<pipelined.count, using: &generator) }
            let split = parseEvents(pieces: pieces(of: pipelined, splitAt: offsets)).ignoringContinue
            #expect(split == whole, "offsets \(offsets.sorted())")
        }
    }
}

/// A small deterministic generator for reproducible "random" splits.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
