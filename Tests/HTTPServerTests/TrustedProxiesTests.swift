import Testing
@testable import HTTPServer

@Suite("Trusted proxies")
struct TrustedProxiesTests {
    static func proxies() throws -> TrustedProxies {
        try TrustedProxies(parsing: "10.0.0.0/8, 192.168.1.5 2001:db8:1::/48")
    }

    @Test func blocksAndAddressesAreParsedAndMatched() throws {
        let proxies = try Self.proxies()
        #expect(proxies.contains("10.1.2.3") && proxies.contains("192.168.1.5") && !proxies.contains("192.168.1.6"))
        #expect(proxies.contains("2001:db8:1:ffff::1") && !proxies.contains("2001:db8:2::1"))
        #expect(!proxies.contains("11.0.0.1") && !proxies.contains("not an address"))
        #expect(try TrustedProxies(parsing: "").isEmpty)
        for bad in ["10.0.0.0/33", "300.1.1.1", "10.0.0", "fe80::1::2", "example.org", "10.0.0.0/x", "01.2.3.4"] {
            #expect(throws: TrustedProxyError.self, "\(bad)") { try TrustedProxies(parsing: bad) }
        }
        #expect(IPAddress.bytes("::ffff:192.0.2.1") == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 192, 0, 2, 1])
        #expect(IPAddress.bytes("::1") == Array(repeating: 0, count: 15) + [1])
        #expect(IPAddress.bytes("1:2:3:4:5:6:7:8")?.count == 16 && IPAddress.bytes("1:2:3:4:5:6:7:8:9") == nil)
    }

    @Test func headersFromAPeerThatIsNoTrustedProxyAreIgnored() throws {
        let proxies = try Self.proxies()
        let forged: HTTPHeaders = ["X-Forwarded-For": "203.0.113.9", "Forwarded": "for=198.51.100.7"]
        #expect(proxies.clientAddress(peer: "198.51.100.200", headers: forged) == "198.51.100.200")
        #expect(TrustedProxies.none.clientAddress(peer: "10.0.0.1", headers: forged) == "10.0.0.1")
    }

    @Test func theRightmostAddressThatIsNoTrustedProxyIsTheClient() throws {
        let proxies = try Self.proxies()
        // The client forged the first entry; our proxies added the rest.
        let chain: HTTPHeaders = ["X-Forwarded-For": "1.1.1.1, 203.0.113.9, 10.0.0.7"]
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: chain) == "203.0.113.9")
        let forwarded: HTTPHeaders = ["Forwarded": "for=1.1.1.1, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=192.168.1.5"]
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: forwarded) == "2001:db8:cafe::17")
        // Forwarded wins over X-Forwarded-For; a port on IPv4 goes; a mapped IPv6 address is IPv4.
        let both: HTTPHeaders = ["Forwarded": "for=203.0.113.9:5555", "X-Forwarded-For": "1.1.1.1"]
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: both) == "203.0.113.9")
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: ["X-Forwarded-For": "::ffff:203.0.113.9"]) == "203.0.113.9")
    }

    @Test func garbageInTheChainStopsAtTheLastTrustedHop() throws {
        let proxies = try Self.proxies()
        let headers: HTTPHeaders = ["X-Forwarded-For": "203.0.113.9, unknown, 10.0.0.7"]
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: headers) == "10.0.0.7")
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: ["Forwarded": "for=_hidden"]) == "10.0.0.1")
        // Every hop trusted: the leftmost is the client as far as anyone can tell.
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: ["X-Forwarded-For": "10.9.9.9, 10.0.0.7"]) == "10.9.9.9")
        #expect(proxies.clientAddress(peer: "10.0.0.1", headers: [:]) == "10.0.0.1")
    }

    @Test func theMiddlewareRewritesTheRequestsPeerOnlyBehindATrustedProxy() throws {
        let proxies = try Self.proxies()
        let echo: Handler = { request in .text(request.remoteAddress) }
        var request = try Request(method: .GET, target: "/", headers: ["Host": "x", "X-Forwarded-For": "203.0.113.9"], body: [])
        request.remoteAddress = "10.0.0.1:40000"
        #expect(try proxies.middleware()(echo)(request).textBody == "203.0.113.9")
        request.remoteAddress = "[2001:db8:9::1]:40000"
        #expect(try proxies.middleware()(echo)(request).textBody == "2001:db8:9::1")
        request.remoteAddress = "10.0.0.1:40000"
        #expect(try TrustedProxies.none.middleware()(echo)(request).textBody == "10.0.0.1:40000")
    }
}

private extension Response {
    var textBody: String {
        if case .bytes(let bytes) = body { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }
}
