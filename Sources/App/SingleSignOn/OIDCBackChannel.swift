import CCurl
import Foundation

/// An HTTP answer from the identity provider.
struct BackChannelResponse: Sendable {
    let status: Int
    let body: [UInt8]
}

/// Why a back-channel call failed: libcurl's words, never a body or a secret.
struct BackChannelError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The server's own calls to the identity provider (discovery, JWKS, token endpoint) through libcurl:
/// HTTPS with the certificate checked, no redirects followed, short timeouts and a bounded answer.
/// Plain HTTP is allowed only to this machine (`127.0.0.1`, `::1`, `localhost`), where the tests run
/// their provider; a real provider is never there.
struct OIDCBackChannel: Sendable {
    var connectTimeout: TimeInterval = 5
    var timeout: TimeInterval = 10
    /// An answer larger than this is cut off and refused (a JWKS or a token answer is a few kilobytes).
    static let maximumBodyBytes = 512 * 1024

    init() {
        _ = Self.globalInit
    }

    private static let globalInit: CURLcode = tt_curl_global_init()

    /// Whether the server may call `address`: HTTPS, or HTTP to the loopback interface.
    static func isAllowed(_ address: String) -> Bool {
        guard let components = URLComponents(string: address), let host = components.host?.lowercased(),
              !host.isEmpty, components.user == nil, components.password == nil, components.fragment == nil
        else { return false }
        switch components.scheme?.lowercased() {
        case "https": return true
        case "http": return ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host)
        default: return false
        }
    }

    func get(_ address: String) throws(BackChannelError) -> BackChannelResponse {
        try perform(address, form: nil, headers: ["Accept: application/json"])
    }

    /// POSTs `fields` as `application/x-www-form-urlencoded`, with extra `headers` (e.g. Authorization).
    func postForm(_ address: String, fields: [(String, String)], headers: [String] = []) throws(BackChannelError) -> BackChannelResponse {
        try perform(address, form: FormEncoding.encode(fields),
                    headers: headers + ["Accept: application/json", "Content-Type: application/x-www-form-urlencoded"])
    }

    private func perform(_ address: String, form: String?, headers: [String]) throws(BackChannelError) -> BackChannelResponse {
        guard Self.isAllowed(address) else { throw BackChannelError("the address is neither HTTPS nor this machine's") }
        guard let handle = curl_easy_init() else { throw BackChannelError("libcurl could not start a transfer") }
        defer { curl_easy_cleanup(handle) }
        let errorSize = tt_curl_error_size()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
        errorBuffer.initialize(repeating: 0, count: errorSize)
        defer { errorBuffer.deallocate() }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        let sink = ResponseSink(limit: Self.maximumBodyBytes)

        var failed = CURLE_OK
        func set(_ result: CURLcode) { if failed == CURLE_OK && result != CURLE_OK { failed = result } }
        set(tt_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(tt_curl_set_string(handle, CURLOPT_URL, address))
        set(tt_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "https,http"))
        set(tt_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        set(tt_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        set(tt_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000)))
        set(tt_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000)))
        set(tt_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(tt_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        set(tt_curl_set_list(handle, CURLOPT_HTTPHEADER, list))
        if let form {
            // COPYPOSTFIELDS copies the body, so it need not outlive this call.
            set(tt_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, form.utf8.count))
            set(tt_curl_set_string(handle, CURLOPT_COPYPOSTFIELDS, form))
        }
        set(tt_curl_set_write_callback(handle, { data, size, count, context in
            guard let data, let context else { return 0 }
            return Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue().append(data, size * count)
        }))
        set(tt_curl_set_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        guard failed == CURLE_OK else {
            throw BackChannelError("libcurl refused an option: " + String(cString: curl_easy_strerror(failed)))
        }
        let result = withExtendedLifetime(sink) { curl_easy_perform(handle) }
        guard result == CURLE_OK else {
            if sink.overflowed { throw BackChannelError("the answer is larger than \(Self.maximumBodyBytes) bytes") }
            let detail = String(cString: errorBuffer)
            throw BackChannelError(detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail)
        }
        return BackChannelResponse(status: tt_curl_response_code(handle), body: sink.bytes)
    }
}

/// The answer's bytes as libcurl hands them over, up to a limit.
private final class ResponseSink {
    private(set) var bytes: [UInt8] = []
    private(set) var overflowed = false
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Returns the count taken; anything else makes libcurl stop with a write error.
    func append(_ data: UnsafeMutablePointer<CChar>, _ count: Int) -> Int {
        guard bytes.count + count <= limit else {
            overflowed = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) { bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count)) }
        return count
    }
}

/// `application/x-www-form-urlencoded` (and query strings): every byte but the unreserved ones escaped.
enum FormEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                escaped += String(format: "%%%02X", byte)
            }
        }
        return escaped
    }
}
