#if canImport(Glibc)
import Glibc
#endif

/// Serves files below one directory, safely: no path escapes the directory (not with `..`, encoded
/// or plain, nor through symbolic links), no directory listings, no hidden files.
///
/// Small files are kept in memory with their gzip form, made once, and revalidated against the
/// file's size and modification time on each request; large files are streamed from disk.
public final class StaticFiles: Sendable {
    /// What a cached file carries besides its bytes.
    struct Asset: Sendable {
        let device: UInt64
        let inode: UInt64
        let size: Int
        let modified: Int
        let modifiedNanoseconds: Int
        let contentType: String
        let etag: String
        let lastModified: String
        /// nil when the file is served from disk rather than memory.
        let bytes: [UInt8]?
        let gzipped: [UInt8]?
        let path: String
    }

    /// The real path of the root directory, symlinks resolved.
    public let root: String
    private let cacheControl: String
    private let maxCachedFileSize: Int
    private let cache = ReadWriteLocked<[String: Asset]>([:])

    /// Fails if `directory` does not exist or is not a directory.
    public init?(directory: String, cacheControl: String = "public, max-age=3600", maxCachedFileSize: Int = 1024 * 1024) {
        guard let resolved = Self.realPath(directory), Self.isDirectory(resolved) else { return nil }
        root = resolved
        self.cacheControl = cacheControl
        self.maxCachedFileSize = maxCachedFileSize
    }

    /// Answers a GET or HEAD for `relativePath` (already percent-decoded, e.g. `css/site.css`).
    public func respond(to request: Request, relativePath: String) -> Response {
        guard let asset = asset(for: relativePath) else {
            return .text("Not Found\n", status: .notFound)
        }
        let compressible = Compression.isCompressible(contentType: asset.contentType)
        let useGzip = asset.gzipped != nil && Compression.acceptsGzip(request.headers)
        let etag = useGzip ? Compression.gzipETag(asset.etag) : asset.etag
        var headers: HTTPHeaders = [
            "Content-Type": asset.contentType, "ETag": etag, "Last-Modified": asset.lastModified,
            "Cache-Control": cacheControl,
        ]
        if compressible { headers.add("Vary", "Accept-Encoding") }
        if isNotModified(request.headers, etag: etag, modified: asset.modified) {
            return Response(status: .notModified, headers: headers)
        }
        if useGzip, let gzipped = asset.gzipped {
            headers.add("Content-Encoding", "gzip")
            return Response(status: .ok, headers: headers, body: .bytes(gzipped))
        }
        if let bytes = asset.bytes { return Response(status: .ok, headers: headers, body: .bytes(bytes)) }
        return Response(status: .ok, headers: headers, body: .file(FileRegion(path: asset.path, length: asset.size)))
    }

    /// The absolute path for a request, or nil if it must not be served.
    func resolve(_ relativePath: String) -> String? {
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty, !relativePath.contains("\0"), !relativePath.contains("\\") else { return nil }
        // `..` and `.` never name a file here; dot-files (.git, .env) are never public.
        guard segments.allSatisfy({ !$0.hasPrefix(".") }) else { return nil }
        let candidate = root + "/" + segments.joined(separator: "/")
        // realpath resolves symbolic links, so a link pointing outside the root is caught here.
        guard let real = Self.realPath(candidate), real.hasPrefix(root + "/") else { return nil }
        return real
    }

    /// The asset for a request path. Cached entries are keyed by the request path and trusted only
    /// while one `stat` of the unresolved path finds the very same file (device, inode, size and
    /// modification time): if a symbolic link on the way is changed to point elsewhere, the inode
    /// differs and the path goes through `resolve` (and its containment check) again.
    ///
    /// The key is the canonical form (`css//site.css` and `css/site.css` are one entry), and the
    /// cache holds at most `maxCachedFiles` entries, so no sequence of requests can grow it without
    /// bound.
    private func asset(for relativePath: String) -> Asset? {
        let key = Self.canonical(relativePath)
        if let cached = cache.read({ $0[key] }) {
            var info = stat()
            if stat(root + "/" + key, &info) == 0, Self.matches(info, cached) { return cached }
        }
        guard let path = resolve(relativePath) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let asset = load(path: path, info: info)
        if let asset, asset.bytes != nil {
            cache.write { entries in
                if entries.count >= Self.maxCachedFiles && entries[key] == nil { entries.removeAll() }
                entries[key] = asset
            }
        }
        return asset
    }

    /// How many files are held in memory (for tests).
    var cachedFileCount: Int { cache.read { $0.count } }

    /// Far more than `Public/` will ever hold; a bound on memory, not a tuning knob.
    private static let maxCachedFiles = 4096

    /// `a//b/` → `a/b`, allocating only when there are redundant slashes.
    private static func canonical(_ path: String) -> String {
        var previous: UInt8 = UInt8(ascii: "/")
        var clean = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") { clean = false; break }
            previous = byte
        }
        if clean && previous != UInt8(ascii: "/") { return path }
        return path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    private static func matches(_ info: stat, _ asset: Asset) -> Bool {
        UInt64(info.st_dev) == asset.device && UInt64(info.st_ino) == asset.inode && Int(info.st_size) == asset.size
            && Int(info.st_mtim.tv_sec) == asset.modified && Int(info.st_mtim.tv_nsec) == asset.modifiedNanoseconds
    }

    private func load(path: String, info: stat) -> Asset? {
        let size = Int(info.st_size), modified = Int(info.st_mtim.tv_sec), nanoseconds = Int(info.st_mtim.tv_nsec)
        let contentType = MediaType.forPath(path)
        var bytes: [UInt8]?
        var gzipped: [UInt8]?
        if size <= maxCachedFileSize {
            guard let contents = Self.readFile(path), contents.count == size else { return nil }
            bytes = contents
            if size >= Compression.minimumSize, Compression.isCompressible(contentType: contentType),
               let compressed = Gzip.compress(contents, level: 9), compressed.count < size {
                gzipped = compressed
            }
        }
        let etag = "\"\(String(size, radix: 16))-\(String(modified, radix: 16))\(String(nanoseconds, radix: 16))\""
        return Asset(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: size, modified: modified, modifiedNanoseconds: nanoseconds, contentType: contentType,
                     etag: etag, lastModified: HTTPDate.format(secondsSince1970: modified),
                     bytes: bytes, gzipped: gzipped, path: path)
    }

    /// RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise.
    private func isNotModified(_ headers: HTTPHeaders, etag: String, modified: Int) -> Bool {
        let ifNoneMatch = headers.values("If-None-Match")
        if !ifNoneMatch.isEmpty {
            let tags = ifNoneMatch.flatMap { $0.split(separator: ",").map { $0.trimmingOWS() } }
            return tags.contains { $0 == "*" || Self.weakEqual($0, etag) }
        }
        if let since = headers["If-Modified-Since"], let sinceSeconds = HTTPDate.parse(since) {
            return modified <= sinceSeconds
        }
        return false
    }

    private static func weakEqual(_ a: String, _ b: String) -> Bool {
        func opaque(_ tag: String) -> Substring { tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag) }
        return opaque(a) == opaque(b)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads a whole file, or nil on any error.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Content types by file extension.
public enum MediaType {
    private static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8", "json": "application/json",
        "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "xml": "application/xml", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif",
        "ico": "image/x-icon", "pdf": "application/pdf", "woff": "font/woff", "woff2": "font/woff2",
        "webmanifest": "application/manifest+json", "map": "application/json", "wasm": "application/wasm",
        "gz": "application/gzip", "zip": "application/zip",
    ]

    /// The content type for a path, `application/octet-stream` when unknown.
    public static func forPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return types[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
