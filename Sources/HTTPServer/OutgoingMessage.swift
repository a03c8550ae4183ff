#if canImport(Glibc)
import Glibc
#endif

/// Bytes queued for one connection: a response head and its body, sent with gather writes so the
/// head and the body leave in one system call. File bodies are read in chunks as the socket drains.
final class OutgoingMessage {
    enum WriteResult {
        case finished
        /// The socket is full; `progressed` tells whether any bytes went out first.
        case wouldBlock(progressed: Bool)
        case failed
    }

    private var head: [UInt8]
    private var headOffset = 0
    private var bytes: [UInt8]
    private var bytesOffset = 0
    private var file: FileSource?
    let keepAlive: Bool

    init(head: [UInt8], body: ResponseBody, keepAlive: Bool) {
        self.head = head
        self.keepAlive = keepAlive
        switch body {
        case .empty:
            bytes = []
        case .bytes(let body):
            bytes = body
        case .file(let region):
            bytes = []
            file = FileSource(region: region)
        }
    }

    /// Writes as much as the socket takes now.
    func write(to fd: Int32) -> WriteResult {
        var progressed = false
        while true {
            if bytesOffset == bytes.count, let file, !file.isFinished {
                guard let chunk = file.nextChunk() else { return .failed }
                bytes = chunk
                bytesOffset = 0
            }
            let headLeft = head.count - headOffset, bytesLeft = bytes.count - bytesOffset
            if headLeft == 0 && bytesLeft == 0 { return .finished }
            let sent = head.withUnsafeMutableBytes { headBuffer in
                bytes.withUnsafeMutableBytes { bodyBuffer in
                    var vectors = (
                        iovec(iov_base: headBuffer.baseAddress.map { $0 + headOffset }, iov_len: headLeft),
                        iovec(iov_base: bodyBuffer.baseAddress.map { $0 + bytesOffset }, iov_len: bytesLeft))
                    return withUnsafeMutableBytes(of: &vectors) { raw in
                        let all = raw.bindMemory(to: iovec.self)
                        let vectorsToSend = headLeft == 0 ? UnsafeMutableBufferPointer(rebasing: all[1...]) : all
                        return Socket.send(fd, bytesLeft == 0 ? UnsafeMutableBufferPointer(rebasing: vectorsToSend.prefix(1)) : vectorsToSend)
                    }
                }
            }
            if sent < 0 { return .failed }
            if sent == 0 { return .wouldBlock(progressed: progressed) }
            progressed = true
            let fromHead = min(sent, headLeft)
            headOffset += fromHead
            bytesOffset += sent - fromHead
        }
    }

    /// Releases the file descriptor of a file body, if one is open.
    func discard() {
        file?.close()
    }

    deinit {
        file?.close()
    }
}

/// Reads a file region in chunks. The descriptor is opened on first use and closed exactly once.
final class FileSource {
    private static let chunkSize = 64 * 1024
    private let region: FileRegion
    private var fd: Int32 = -1
    private var sent = 0
    private var closed = false

    init(region: FileRegion) {
        self.region = region
    }

    var isFinished: Bool { sent >= region.length }

    /// The next chunk, or nil if the file cannot be read (then the connection is aborted, since the
    /// head has already promised a length).
    func nextChunk() -> [UInt8]? {
        if fd < 0 {
            guard !closed else { return nil }
            fd = open(region.path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
        }
        let count = min(Self.chunkSize, region.length - sent)
        var chunk = [UInt8](repeating: 0, count: count)
        var read: Int
        repeat {
            read = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(region.offset + sent)) }
        } while read < 0 && errno == EINTR
        guard read > 0 else { return nil }
        if read < count { chunk.removeLast(count - read) }
        sent += read
        if isFinished { close() }
        return chunk
    }

    func close() {
        guard !closed else { return }
        closed = true
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }
}
