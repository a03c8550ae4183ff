/// What the parser has to say after being fed bytes.
public enum ParserEvent: Sendable {
    /// The bytes so far do not complete anything; feed more.
    case needMoreData
    /// The head of a request with `Expect: 100-continue` is complete and its body has not arrived:
    /// the server should answer `100 Continue` now. Reported once per request.
    case continueExpected
    /// A complete request. The parser is ready for the next one (pipelining).
    case request(Request)
    /// The bytes cannot be a valid request. The parser stays failed; the connection must close.
    case error(HTTPParseError)
}

/// Where the parser is within the current request, which decides the connection's deadline.
public enum ParserPhase: Sendable, Equatable {
    /// No byte of the next request has arrived.
    case idle
    /// Some of the request head has arrived.
    case head
    /// The head is complete and the body is being read.
    case body
}

/// An incremental HTTP/1.1 request parser (RFC 9112) over a growing byte buffer.
///
/// Bytes are appended as they arrive, in pieces of any size; `next()` reports the next event. A
/// request split at any byte boundary parses exactly like the same request in one piece, because the
/// head is only parsed once it is complete and the body is consumed by counting.
public struct RequestParser: Sendable {
    /// Chooses the body limit for a request from its method and decoded path (routes for uploads
    /// allow more than the default).
    public typealias BodyLimit = @Sendable (HTTPMethod, String) -> Int

    private enum State {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case failed(HTTPParseError)
    }

    /// The parsed head of the request in progress.
    private struct Head {
        let method: HTTPMethod
        let version: HTTPVersion
        let target: String
        let parsedTarget: RequestTarget
        let headers: HTTPHeaders
        let bodyLimit: Int
        var expectsContinue: Bool
    }

    private let limits: ParserLimits
    private let bodyLimit: BodyLimit
    private var buffer: [UInt8] = []
    /// Bytes before this index have been consumed.
    private var readIndex = 0
    /// Scanning of the head (or of a chunk-size or trailer line) resumes here, so input arriving
    /// byte by byte is scanned once, not quadratically.
    private var scanIndex = 0
    private var requestLineEnd: Int?
    private var state = State.head
    private var head: Head?
    private var body: [UInt8] = []
    private var trailerStart = 0
    private var trailerFieldCount = 0

    public init(limits: ParserLimits = ParserLimits(), bodyLimit: BodyLimit? = nil) {
        self.limits = limits
        let defaultLimit = limits.defaultBodyLimit
        self.bodyLimit = bodyLimit ?? { _, _ in defaultLimit }
    }

    /// Bytes received but not yet consumed into a request.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public var phase: ParserPhase {
        switch state {
        case .head: return bufferedByteCount == 0 ? .idle : .head
        case .failed: return .idle
        default: return .body
        }
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    /// Parses as far as the buffered bytes allow.
    public mutating func next() -> ParserEvent {
        while true {
            switch state {
            case .failed(let error):
                return .error(error)
            case .head:
                guard let event = parseHead() else { continue }
                return event
            case .fixedBody(let remaining):
                let taken = takeBody(upTo: remaining)
                if taken < remaining {
                    state = .fixedBody(remaining: remaining - taken)
                    return .needMoreData
                }
                return finishRequest(trailers: [:])
            case .chunkSize:
                if let event = parseChunkSize() { return event }
            case .chunkData(let remaining):
                let taken = takeBody(upTo: remaining)
                if taken < remaining {
                    state = .chunkData(remaining: remaining - taken)
                    return .needMoreData
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard bufferedByteCount >= 2 else { return .needMoreData }
                guard buffer[readIndex] == 13, buffer[readIndex + 1] == 10 else { return fail(.invalidChunkTerminator) }
                readIndex += 2
                state = .chunkSize
            case .trailers:
                if let event = parseTrailers() { return event }
            }
        }
    }

    // MARK: - Head

    /// Returns an event, or nil when the head was parsed and the body state should run next.
    private mutating func parseHead() -> ParserEvent? {
        skipLeadingEmptyLines()
        switch scanForEndOfHead() {
        case .failure(let error):
            return fail(error)
        case .success(nil):
            return .needMoreData
        case .success(let end?):
            return parseCompleteHead(endingAt: end)
        }
    }

    /// RFC 9112 §2.2: a server should ignore empty lines received before the request line.
    private mutating func skipLeadingEmptyLines() {
        while requestLineEnd == nil, bufferedByteCount >= 2, buffer[readIndex] == 13, buffer[readIndex + 1] == 10 {
            readIndex += 2
            scanIndex = readIndex
        }
    }

    /// Scans new bytes for the blank line that ends the head, validating line endings and limits on
    /// the way. Returns the index just past the blank line, or nil if it has not arrived.
    ///
    /// Every decision is made at the first byte that breaks a rule, looking only at that byte and
    /// the ones before it, so the outcome does not depend on how the bytes were split.
    private mutating func scanForEndOfHead() -> Result<Int?, HTTPParseError> {
        let start = readIndex
        var index = max(scanIndex, start)
        let end = buffer.count
        let maxLine = limits.maxRequestLineLength, maxBlock = limits.maxHeaderBlockLength
        let result: Result<Int?, HTTPParseError> = buffer.withUnsafeBufferPointer { bytes in
            while index < end {
                let byte = bytes[index]
                if byte == 13 {
                    if let lineEnd = requestLineEnd {
                        // The CR of the blank line ending the head is not part of the field block.
                        if bytes[index - 1] != 10 && index - lineEnd >= maxBlock {
                            return .failure(.headerBlockTooLarge)
                        }
                    } else if index - start > maxLine {
                        return .failure(.requestLineTooLong)
                    }
                    guard index + 1 < end else { return .success(nil) }
                    guard bytes[index + 1] == 10 else { return .failure(.invalidLineEnding) }
                    index += 1
                    continue
                }
                if byte == 10 {
                    guard index > start, bytes[index - 1] == 13 else { return .failure(.invalidLineEnding) }
                    if requestLineEnd == nil {
                        requestLineEnd = index + 1
                    } else if bytes[index - 2] == 10 {
                        return .success(index + 1)
                    }
                }
                if let lineEnd = requestLineEnd {
                    if index >= lineEnd && index - lineEnd >= maxBlock { return .failure(.headerBlockTooLarge) }
                } else if index - start >= maxLine {
                    return .failure(.requestLineTooLong)
                }
                index += 1
            }
            return .success(nil)
        }
        scanIndex = index
        return result
    }

    private mutating func parseCompleteHead(endingAt end: Int) -> ParserEvent? {
        guard let lineEnd = requestLineEnd else { return fail(.malformedRequestLine) }
        let parsed = buffer.withUnsafeBufferPointer { bytes -> Result<Head, HTTPParseError> in
            let requestLine = UnsafeBufferPointer(rebasing: bytes[readIndex..<(lineEnd - 2)])
            let fieldBlock = UnsafeBufferPointer(rebasing: bytes[lineEnd..<(end - 2)])
            return Self.parseHead(requestLine: requestLine, fieldBlock: fieldBlock, limits: limits, bodyLimit: bodyLimit)
        }
        readIndex = end
        scanIndex = end
        requestLineEnd = nil
        switch parsed {
        case .failure(let error):
            return fail(error)
        case .success(let parsedHead):
            head = parsedHead
            body = []
            return enterBodyState(for: parsedHead)
        }
    }

    private mutating func enterBodyState(for head: Head) -> ParserEvent? {
        let headers = head.headers
        if headers.contains("Transfer-Encoding") {
            state = .chunkSize
        } else if let lengthText = headers["Content-Length"], let length = Int(lengthText), length > 0 {
            state = .fixedBody(remaining: length)
            body.reserveCapacity(length)
        } else {
            return finishRequest(trailers: [:])
        }
        let bodyAlreadyHere: Bool
        if case .fixedBody(let remaining) = state { bodyAlreadyHere = bufferedByteCount >= remaining } else { bodyAlreadyHere = false }
        if head.expectsContinue && !bodyAlreadyHere {
            self.head?.expectsContinue = false
            return .continueExpected
        }
        return nil
    }

    private static func parseHead(
        requestLine: UnsafeBufferPointer<UInt8>, fieldBlock: UnsafeBufferPointer<UInt8>,
        limits: ParserLimits, bodyLimit: BodyLimit
    ) -> Result<Head, HTTPParseError> {
        let line: RequestLine
        switch RequestLine.parse(requestLine) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): line = parsed
        }
        let headers: HTTPHeaders
        switch HeaderFieldParser.parse(fieldBlock, maxFields: limits.maxHeaderFields) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): headers = parsed
        }
        let target: RequestTarget
        do {
            target = try RequestTarget(line.target)
        } catch {
            return .failure(.invalidTarget)
        }
        // Asking the routes for a limit costs a lookup; a request without a body never needs one.
        let declaresBody = headers.contains("Content-Length") || headers.contains("Transfer-Encoding")
        let limit = declaresBody ? bodyLimit(line.method, target.path) : 0
        return FramingRules.check(headers: headers, version: line.version, bodyLimit: limit).map { expectsContinue in
            Head(method: line.method, version: line.version, target: line.target, parsedTarget: target,
                 headers: headers, bodyLimit: limit, expectsContinue: expectsContinue)
        }
    }

    // MARK: - Chunked body

    private mutating func parseChunkSize() -> ParserEvent? {
        let lineEnd: LineEnd
        switch scanLine(maxLength: limits.maxChunkLineLength) {
        case .incomplete: return .needMoreData
        case .tooLong: return fail(.invalidChunkSize)
        case .invalidLineEnding: return fail(.invalidLineEnding)
        case .complete(let end): lineEnd = end
        }
        let size = buffer.withUnsafeBufferPointer { bytes in
            ChunkSize.parse(UnsafeBufferPointer(rebasing: bytes[readIndex..<lineEnd.contentEnd]))
        }
        guard let size else { return fail(.invalidChunkSize) }
        readIndex = lineEnd.next
        if size == 0 {
            state = .trailers
            trailerStart = readIndex
            trailerFieldCount = 0
            return nil
        }
        guard let head, size <= head.bodyLimit - body.count else { return fail(.bodyTooLarge) }
        state = .chunkData(remaining: size)
        return nil
    }

    private mutating func parseTrailers() -> ParserEvent? {
        while true {
            // Each trailer line counts with its CRLF; the blank line ending the block does not.
            let used = readIndex - trailerStart
            let lineEnd: LineEnd
            switch scanLine(maxLength: max(0, limits.maxHeaderBlockLength - used - 2)) {
            case .incomplete: return .needMoreData
            case .tooLong: return fail(.headerBlockTooLarge)
            case .invalidLineEnding: return fail(.invalidLineEnding)
            case .complete(let end): lineEnd = end
            }
            if lineEnd.contentEnd == readIndex {
                let block = Array(buffer[trailerStart..<readIndex])
                readIndex = lineEnd.next
                let parsed = block.withUnsafeBufferPointer {
                    HeaderFieldParser.parse($0, maxFields: limits.maxHeaderFields)
                }
                switch parsed {
                case .failure(let error): return fail(error)
                case .success(let trailers): return finishRequest(trailers: trailers)
                }
            }
            readIndex = lineEnd.next
        }
    }

    private struct LineEnd {
        /// Index of the CR.
        let contentEnd: Int
        /// Index just past the LF.
        let next: Int
    }

    private enum LineScan {
        case complete(LineEnd)
        case incomplete
        case tooLong
        case invalidLineEnding
    }

    /// Finds the CRLF ending the line that starts at `readIndex`, whose content may be at most
    /// `maxLength` bytes. Like the head scan, each outcome is decided by the first byte that settles
    /// it, so it does not depend on how the bytes were split. An incomplete line is resumed from
    /// where the last scan stopped (`scanIndex`), so a long line arriving byte by byte costs linear
    /// time, not quadratic.
    private mutating func scanLine(maxLength: Int) -> LineScan {
        var index = max(scanIndex, readIndex)
        defer { scanIndex = index }
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 10 { return .invalidLineEnding }
            if byte == 13 {
                guard index + 1 < buffer.count else { return .incomplete }
                guard buffer[index + 1] == 10 else { return .invalidLineEnding }
                let end = LineEnd(contentEnd: index, next: index + 2)
                index = end.next
                return .complete(end)
            }
            if index - readIndex >= maxLength { return .tooLong }
            index += 1
        }
        return .incomplete
    }

    // MARK: - Completion

    /// Moves up to `count` buffered bytes into the body; returns how many were moved.
    private mutating func takeBody(upTo count: Int) -> Int {
        let taken = min(count, bufferedByteCount)
        if taken > 0 {
            body.append(contentsOf: buffer[readIndex..<(readIndex + taken)])
            readIndex += taken
        }
        return taken
    }

    private mutating func finishRequest(trailers: HTTPHeaders) -> ParserEvent {
        guard let head else { return fail(.malformedRequestLine) }
        self.head = nil
        state = .head
        scanIndex = readIndex
        let requestBody = body
        body = []
        return .request(Request(method: head.method, version: head.version, target: head.target,
                                parsedTarget: head.parsedTarget, headers: head.headers,
                                body: requestBody, trailers: trailers))
    }

    private mutating func fail(_ error: HTTPParseError) -> ParserEvent {
        state = .failed(error)
        return .error(error)
    }

    /// Drops consumed bytes once they are a large part of the buffer, so a long-lived connection
    /// does not keep every request it ever received.
    private mutating func compactIfWorthwhile() {
        // Trailer lines already read are parsed only once the blank line ending them arrives, so
        // they must be kept until then.
        var consumed = readIndex
        if case .trailers = state { consumed = trailerStart }
        guard consumed > 0 else { return }
        if consumed == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
        } else if consumed >= 16 * 1024 || consumed * 2 >= buffer.count {
            buffer.removeSubrange(0..<consumed)
        } else {
            return
        }
        scanIndex -= consumed
        trailerStart -= consumed
        if let lineEnd = requestLineEnd { requestLineEnd = lineEnd - consumed }
        readIndex -= consumed
    }
}
