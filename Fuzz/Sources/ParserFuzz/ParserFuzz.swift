import HTTPServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libFuzzer's driver, from libclang_rt.fuzzer_no_main (or the full libFuzzer, whose own `main` is
// then never linked because this executable defines one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
struct ParserFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            fuzzOneInput(data, size)
        }
        exit(status)
    }
}

/// Also exported under libFuzzer's conventional name, so the harness links with a stock libFuzzer
/// main as well.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzCase(input).run()
    return 0
}

// MARK: - One input

/// The input is `[mode] [split offsets...] [request bytes...]`:
/// - bit 0 of `mode` chooses tiny limits, so that every limit is reachable in a few hundred bytes;
/// - bits 1–3 give the number of split offsets, each two bytes (little-endian, modulo the length).
struct FuzzCase {
    let limits: ParserLimits
    let bodyLimit: RequestParser.BodyLimit
    let offsets: [Int]
    let payload: [UInt8]

    init(_ input: [UInt8]) {
        let mode = input.first ?? 0
        var limits = ParserLimits()
        let uploadLimit: Int
        if mode & 1 == 1 {
            limits.maxRequestLineLength = 64
            limits.maxHeaderBlockLength = 128
            limits.maxHeaderFields = 6
            limits.defaultBodyLimit = 64
            limits.maxChunkLineLength = 12
            uploadLimit = 256
        } else {
            uploadLimit = 5 * 1024 * 1024
        }
        let defaultLimit = limits.defaultBodyLimit
        self.limits = limits
        self.bodyLimit = { _, path in path == "/upload" ? uploadLimit : defaultLimit }
        let splitCount = Int((mode >> 1) & 7)
        let headerLength = min(input.count, 1 + 2 * splitCount)
        payload = Array(input[headerLength...])
        var offsets: [Int] = []
        var index = 1
        while index + 1 < headerLength {
            let raw = Int(input[index]) | Int(input[index + 1]) << 8
            offsets.append(payload.isEmpty ? 0 : raw % payload.count)
            index += 2
        }
        self.offsets = offsets
    }

    func run() {
        let whole = parse(pieces: [payload[...]])
        let split = parse(pieces: pieces(splitAt: offsets))
        let bytewise = parse(pieces: payload.indices.map { payload[$0...$0] })
        check(whole.outcome == split.outcome, "split at \(offsets.sorted())", whole, split)
        check(whole.outcome == bytewise.outcome, "fed byte by byte", whole, bytewise)
        for request in whole.requests { checkRequest(request) }
        exerciseDecoding()
    }

    private func pieces(splitAt offsets: [Int]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for offset in offsets.sorted() where offset > start && offset < payload.count {
            result.append(payload[start..<offset])
            start = offset
        }
        result.append(payload[start...])
        return result
    }

    // MARK: Parsing

    struct Parse {
        /// What must not depend on how the bytes were split.
        var outcome: Outcome
        var requests: [Request]
    }

    struct Outcome: Equatable {
        var events: [Event] = []
        var phase: ParserPhase = .idle
        var bufferedByteCount = 0
    }

    /// A parser event in comparable form; `.continueExpected` is left out because it legitimately
    /// depends on whether the body had arrived with the head.
    enum Event: Equatable {
        case request(method: String, version: String, target: String, headers: [String], body: [UInt8],
                     trailers: [String])
        case error(HTTPParseError)
    }

    private func parse(pieces: [ArraySlice<UInt8>]) -> Parse {
        var parser = RequestParser(limits: limits, bodyLimit: bodyLimit)
        var result = Parse(outcome: Outcome(), requests: [])
        var continues = 0
        var consumedRequestBytes = 0
        pieceLoop: for piece in pieces {
            parser.append(piece)
            var steps = 0
            while true {
                steps += 1
                precondition(steps < 100_000, "the parser does not stop")
                switch parser.next() {
                case .needMoreData:
                    continue pieceLoop
                case .continueExpected:
                    continues += 1
                    precondition(continues == 1, "continueExpected reported twice for one request")
                    precondition(parser.phase == .body, "continueExpected outside the body phase")
                case .request(let request):
                    continues = 0
                    result.requests.append(request)
                    result.outcome.events.append(Self.event(request))
                    consumedRequestBytes += request.body.count
                    precondition(consumedRequestBytes <= payload.count, "more body bytes than input")
                case .error(let error):
                    result.outcome.events.append(.error(error))
                    _ = (error.status, error.explanation)
                    // The parser stays failed and the stream is never reused.
                    for _ in 0..<2 {
                        guard case .error(let again) = parser.next(), again == error else {
                            preconditionFailure("the parser recovered from \(error)")
                        }
                    }
                    parser.append([13, 10, 13, 10])
                    guard case .error(let afterMore) = parser.next(), afterMore == error else {
                        preconditionFailure("the parser recovered from \(error) after more bytes")
                    }
                    precondition(parser.phase == .idle)
                    return result
                }
            }
        }
        result.outcome.phase = parser.phase
        result.outcome.bufferedByteCount = parser.bufferedByteCount
        precondition(parser.bufferedByteCount <= payload.count)
        return result
    }

    private static func event(_ request: Request) -> Event {
        .request(method: request.method.rawValue, version: request.version.text, target: request.target,
                 headers: request.headers.map { "\($0.name): \($0.value)" }, body: request.body,
                 trailers: request.trailers.map { "\($0.name): \($0.value)" })
    }

    // MARK: Properties of every accepted request

    private func checkRequest(_ request: Request) {
        precondition(request.headers.count <= limits.maxHeaderFields)
        precondition(request.trailers.count <= limits.maxHeaderFields)
        precondition(request.body.count <= bodyLimit(request.method, request.path), "body over its limit")
        precondition(!request.path.utf8.contains(0), "NUL in a decoded path")
        precondition(request.path.hasPrefix("/"), "path \(request.path) does not start with /")
        let hosts = request.headers.values("Host")
        precondition(hosts.count <= 1, "two Host fields accepted")
        if request.version == .http1_1 { precondition(hosts.count == 1, "HTTP/1.1 without Host accepted") }
        let lengths = request.headers.values("Content-Length")
        let chunked = request.headers.contains("Transfer-Encoding")
        precondition(lengths.count <= 1, "two Content-Length fields accepted")
        precondition(!(chunked && !lengths.isEmpty), "Content-Length with Transfer-Encoding accepted")
        if let length = lengths.first {
            precondition(length.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "Content-Length \(length) accepted")
            precondition(Int(length) == request.body.count, "body length differs from Content-Length")
        }
        if chunked {
            precondition(request.version == .http1_1, "Transfer-Encoding accepted in HTTP/1.0")
            // The one spelling read as chunked: a single field line whose only coding is chunked.
            let codings = request.headers.values("Transfer-Encoding")
            precondition(codings.count == 1 && request.headers.tokens("Transfer-Encoding") == ["chunked"],
                         "Transfer-Encoding \(codings) accepted")
        } else {
            precondition(request.trailers.count == 0, "trailers without a chunked body")
            if lengths.isEmpty { precondition(request.body.isEmpty, "body without framing") }
        }
        for field in Array(request.headers) + Array(request.trailers) {
            precondition(!field.name.isEmpty && field.name.utf8.allSatisfy(isTokenByte), "bad name \(field.name)")
            precondition(!field.value.utf8.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }, "control in value")
            for edge in [field.value.utf8.first, field.value.utf8.last] {
                precondition(edge != 0x20 && edge != 0x09, "untrimmed value")
            }
        }
        checkRoundTrip(request)
    }

    /// Writing an accepted request back out and parsing it again gives the same request.
    private func checkRoundTrip(_ request: Request) {
        var text = "\(request.method.rawValue) \(request.target) \(request.version.text)\r\n"
        for field in request.headers { text += "\(field.name): \(field.value)\r\n" }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if request.headers.contains("Transfer-Encoding") {
            if !request.body.isEmpty {
                bytes += Array("\(String(request.body.count, radix: 16))\r\n".utf8) + request.body + [13, 10]
            }
            bytes += Array("0\r\n".utf8)
            for field in request.trailers { bytes += Array("\(field.name): \(field.value)\r\n".utf8) }
            bytes += [13, 10]
        } else {
            bytes += request.body
        }
        // The rewritten head may be longer (a space after each colon, U+FFFD for each byte of
        // invalid UTF-8 in a value), so only the field count and body limits stay as they were.
        var roomier = limits
        roomier.maxRequestLineLength = max(limits.maxRequestLineLength, bytes.count)
        roomier.maxHeaderBlockLength = max(limits.maxHeaderBlockLength, bytes.count)
        roomier.maxChunkLineLength = max(limits.maxChunkLineLength, 32)
        var parser = RequestParser(limits: roomier, bodyLimit: bodyLimit)
        parser.append(bytes)
        var event = parser.next()
        if case .continueExpected = event { event = parser.next() }
        guard case .request(let again) = event else {
            preconditionFailure("the rewritten request was not accepted: \(event)")
        }
        precondition(Self.event(again) == Self.event(request), "the rewritten request parsed differently")
        precondition(parser.bufferedByteCount == 0)
    }

    // MARK: Decoding helpers on the raw input

    private func exerciseDecoding() {
        let text = String(decoding: payload, as: UTF8.self)
        let items = PercentDecoding.formItems(text)
        precondition(items.count <= text.utf8.filter { $0 == UInt8(ascii: "&") }.count + 1)
        if let decoded = PercentDecoding.decode(payload, plusAsSpace: true) {
            precondition(decoded.count <= payload.count)
        }
        if !payload.contains(UInt8(ascii: "%")) {
            let plain = PercentDecoding.decode(payload, plusAsSpace: false)
            precondition(plain == payload, "decoding changed bytes without escapes")
        }
        // Escaping every byte and decoding gives the bytes back.
        let hex = Array("0123456789ABCDEF".utf8)
        var escaped: [UInt8] = []
        for byte in payload.prefix(256) {
            escaped += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
        }
        precondition(PercentDecoding.decode(escaped, plusAsSpace: true) == Array(payload.prefix(256)))

        // The request target parser, through the public Request initialiser.
        for target in [text, "/" + text, "http://host/" + text] {
            guard let request = try? Request(method: .GET, target: target) else { continue }
            precondition(!request.path.utf8.contains(0))
            if target.hasPrefix("/") {
                let rebuilt = target.contains("?") ? request.rawPath + "?" + request.query : request.rawPath
                precondition(rebuilt == target, "target \(target) split into \(request.rawPath) and \(request.query)")
            }
            precondition(request.queryItems == PercentDecoding.formItems(request.query))
        }
    }

    private func check(_ condition: Bool, _ how: String, _ a: Parse, _ b: Parse) {
        guard !condition else { return }
        // In the trap message, which goes to stderr unbuffered (print's stdout would be lost).
        preconditionFailure("""
            split invariance broken (\(how)) for \(payload.count) bytes \
            \(String(decoding: payload, as: UTF8.self).debugDescription)
              whole: \(a.outcome)
              other: \(b.outcome)
            """)
    }
}

private func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
         UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    default:
        return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
}
