/// Reverse proxies whose word about the client's address is believed: behind one, every connection
/// comes from the proxy, and only the proxy's `Forwarded` (RFC 7239) or `X-Forwarded-For` header says
/// who the client is. Anyone else can send those headers too, so they are read only when the
/// connection comes from a trusted proxy, and then from the right: the rightmost address that is not
/// itself a trusted proxy is the client (addresses further left were written by the client, or by
/// proxies we do not know, and may be forged).
public struct TrustedProxies: Sendable, Equatable {
    /// One CIDR block: an address's bytes and how many leading bits must match.
    struct Block: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefix
            for index in bytes.indices where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if address[index] & mask != bytes[index] & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    let blocks: [Block]

    /// No proxy is trusted: the peer is always the client.
    public static let none = TrustedProxies(blocks: [])

    init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// Parses a list of CIDR blocks or plain addresses (`10.0.0.0/8, 192.168.1.5, fd00::/8`), separated
    /// by commas or spaces; nil with the offending entry when one is not an address.
    public init(parsing list: String) throws(TrustedProxyError) {
        var blocks: [Block] = []
        for entry in list.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let bytes = IPAddress.bytes(String(parts[0])) else { throw .notAnAddress(String(entry)) }
            let maximum = bytes.count * 8
            var prefix = maximum
            if parts.count == 2 {
                guard let value = Int(parts[1]), (0...maximum).contains(value) else { throw .notAnAddress(String(entry)) }
                prefix = value
            }
            blocks.append(Block(bytes: bytes, prefix: prefix))
        }
        self.blocks = blocks
    }

    public var isEmpty: Bool { blocks.isEmpty }

    /// Whether `address` (without a port) is one of the trusted proxies.
    public func contains(_ address: String) -> Bool {
        guard let bytes = IPAddress.bytes(address) else { return false }
        return blocks.contains { $0.contains(bytes) }
    }

    /// The client's address for a request that came from `peer` (an address without a port) with
    /// `headers`: the peer itself unless it is a trusted proxy; else the rightmost forwarded address
    /// that is not a trusted proxy (`Forwarded` first, else `X-Forwarded-For`). When the chain holds
    /// something that is not an address ("unknown", an obfuscated name, garbage), the last trusted
    /// hop before it is used: nothing left of it can be believed.
    public func clientAddress(peer: String, headers: HTTPHeaders) -> String {
        guard contains(peer) else { return peer }
        let chain = Self.forwardedFor(headers) ?? Self.xForwardedFor(headers)
        var client = peer
        for hop in chain.reversed() {
            guard let address = IPAddress.normalised(hop) else { return client }
            client = address
            if !contains(address) { return address }
        }
        return client
    }

    /// The `for=` addresses of every `Forwarded` element in order, or nil when there is no such header.
    static func forwardedFor(_ headers: HTTPHeaders) -> [String]? {
        let values = headers.values("Forwarded")
        guard !values.isEmpty else { return nil }
        var hops: [String] = []
        for element in values.joined(separator: ",").split(separator: ",") {
            for pair in element.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingSpaces.lowercased() == "for" else { continue }
                var value = parts[1].trimmingSpaces
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                hops.append(value)
            }
        }
        return hops
    }

    static func xForwardedFor(_ headers: HTTPHeaders) -> [String] {
        headers.values("X-Forwarded-For").joined(separator: ",").split(separator: ",").map { String($0.trimmingSpaces) }
    }
}

public enum TrustedProxyError: Error, Equatable, CustomStringConvertible {
    case notAnAddress(String)

    public var description: String {
        switch self {
        case .notAnAddress(let entry): return "“\(entry)” is not an IP address or CIDR block."
        }
    }
}

/// IPv4 and IPv6 addresses as bytes, parsed by `inet_pton`'s rules without the C call.
enum IPAddress {
    /// The address's bytes (4 or 16), or nil.
    static func bytes(_ text: String) -> [UInt8]? {
        if text.contains(":") { return ipv6(text) }
        return ipv4(text)
    }

    /// The address as it is written back for logs and throttling: without brackets or a port; an
    /// IPv4-mapped IPv6 address as IPv4. Nil when it is not an address.
    static func normalised(_ hop: String) -> String? {
        var text = hop.trimmingSpaces
        if text.hasPrefix("[") {
            // "[2001:db8::1]:4711" or "[2001:db8::1]"
            guard let close = text.firstIndex(of: "]") else { return nil }
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1 {
            // "192.0.2.60:4711"
            text = String(text.prefix { $0 != ":" })
        }
        guard let bytes = bytes(text) else { return nil }
        if bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        return text.lowercased()
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit),
                  part.count == 1 || part.first != "0", let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if let percent = text.firstIndex(of: "%") { text = text[..<percent] }  // a zone id
        var tail: [UInt8] = []
        // An IPv4 address in the last 32 bits.
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = ipv4(String(text[text.index(after: lastColon)...])) else { return nil }
            tail = v4
            var head = text[...lastColon]  // ends with ":"
            if !head.hasSuffix("::") { head = head.dropLast() }  // "::ffff:" → "::ffff"; "::" stays
            text = head
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]), let rest = halves.count == 2 ? groups(halves[1]) : [] else { return nil }
        let available = 8 - tail.count / 2
        var all: [UInt16]
        if halves.count == 2 {
            guard head.count + rest.count < available else { return nil }
            all = head + Array(repeating: 0, count: available - head.count - rest.count) + rest
        } else {
            guard head.count == available else { return nil }
            all = head
        }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } + tail
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension TrustedProxies {
    /// Puts the client's address (see `clientAddress(peer:headers:)`) in `Request.remoteAddress`
    /// before anything else reads it, so logs, throttling and audit lines see the real client behind
    /// a trusted proxy. First in the chain; with no trusted proxy it changes nothing.
    public func middleware() -> Middleware {
        let trusted = self
        return { next in
            guard !trusted.isEmpty else { return next }
            return { request in
                var forwarded = request
                forwarded.remoteAddress = trusted.clientAddress(peer: Self.host(of: request.remoteAddress), headers: request.headers)
                return try next(forwarded)
            }
        }
    }

    /// The address of a peer written `host:port` or `[v6]:port`, without the port.
    static func host(of peer: String) -> String {
        if peer.hasPrefix("["), let close = peer.firstIndex(of: "]") {
            return String(peer[peer.index(after: peer.startIndex)..<close])
        }
        if let colon = peer.lastIndex(of: ":"), peer.firstIndex(of: ":") == colon { return String(peer[..<colon]) }
        return peer
    }
}
