import CZlib

/// gzip compression through zlib.
public enum Gzip {
    /// Compresses bytes into the gzip format, or returns nil if zlib fails.
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// Decompresses gzip (or zlib) data, refusing output larger than `limit` bytes.
    public static func decompress(_ input: [UInt8], limit: Int = 64 * 1024 * 1024) -> [UInt8]? {
        var stream = z_stream()
        guard czlib_inflate_init_auto(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return input.withUnsafeBufferPointer { source -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { destination in
                    stream.next_out = destination.baseAddress
                    stream.avail_out = uInt(destination.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return nil }
                if status == Z_STREAM_END { return output }
                guard status == Z_OK, produced > 0 || stream.avail_in > 0 else { return nil }
            }
        }
    }
}

/// Content negotiation and the rules for what is worth compressing.
public enum Compression {
    /// Bodies smaller than this are sent as they are: gzip's overhead outweighs the saving.
    public static let minimumSize = 1024

    /// Whether `Accept-Encoding` allows gzip (RFC 9110 §12.5.3): listed with q > 0, or covered by
    /// `*` without gzip being refused explicitly.
    public static func acceptsGzip(_ headers: HTTPHeaders) -> Bool {
        var gzip: Double?
        var wildcard: Double?
        for token in headers.tokens("Accept-Encoding") {
            let parts = token.split(separator: ";").map { $0.trimmingOWS() }
            guard let coding = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if coding == "gzip" || coding == "x-gzip" { gzip = quality } else if coding == "*" { wildcard = quality }
        }
        if let gzip { return gzip > 0 }
        return (wildcard ?? 0) > 0
    }

    /// Text-like types compress well; images, archives and fonts are compressed already.
    public static func isCompressible(contentType: String) -> Bool {
        let bytes = contentType.utf8
        let typeEnd = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
        var type = bytes[..<typeEnd]
        while let last = type.last, last == 0x20 || last == 0x09 { type = type.dropLast() }
        if ASCII.hasPrefixIgnoringCase(type, "text/") { return true }
        if compressibleTypes.contains(where: { ASCII.caseInsensitiveEquals(type, $0.utf8) }) { return true }
        return ASCII.hasSuffixIgnoringCase(type, "+json") || ASCII.hasSuffixIgnoringCase(type, "+xml")
    }

    private static let compressibleTypes = [
        "application/json", "application/javascript", "application/xml", "image/svg+xml",
    ]

    /// Compresses responses when the client accepts gzip, the type is compressible and the body is
    /// at least `minimumSize`; marks compressible responses `Vary: Accept-Encoding` either way so
    /// caches keep the two forms apart.
    public static func middleware() -> Middleware {
        { next in
            { request in
                var response = try next(request)
                guard let contentType = response.headers["Content-Type"], isCompressible(contentType: contentType),
                      !response.headers.contains("Content-Encoding") else { return response }
                addVary(to: &response.headers)
                guard case .bytes(let body) = response.body, body.count >= minimumSize,
                      !response.status.forbidsBody, acceptsGzip(request.headers),
                      let compressed = Gzip.compress(body), compressed.count < body.count else { return response }
                response.body = .bytes(compressed)
                response.headers.set("Content-Encoding", "gzip")
                if let etag = response.headers["ETag"] { response.headers.set("ETag", gzipETag(etag)) }
                return response
            }
        }
    }

    static func addVary(to headers: inout HTTPHeaders) {
        if !headers.containsToken("Vary", "Accept-Encoding") { headers.add("Vary", "Accept-Encoding") }
    }

    /// The compressed form is a different representation, so it gets its own entity tag.
    static func gzipETag(_ etag: String) -> String {
        etag.hasSuffix("\"") ? String(etag.dropLast()) + "-gzip\"" : etag
    }
}
