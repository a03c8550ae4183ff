import CCurl
import Foundation

/// Sends messages to the SMTP server with libcurl: one connection per message, STARTTLS required on
/// `smtp://` (or TLS from the start on `smtps://`), the server's certificate checked, AUTH as the
/// server offers (PLAIN, LOGIN …) when a user is set.
public struct SMTPClient: MailTransport {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
        _ = Self.globalInit
    }

    /// libcurl's global setup, once per process before the first handle.
    private static let globalInit: CURLcode = tt_curl_global_init()

    public func deliver(_ mail: ComposedMail) throws(MailDeliveryError) {
        if let problem = settings.problem { throw MailDeliveryError(problem) }
        guard let handle = curl_easy_init() else { throw MailDeliveryError("libcurl could not start a transfer.") }
        defer { curl_easy_cleanup(handle) }
        let errorSize = tt_curl_error_size()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
        errorBuffer.initialize(repeating: 0, count: errorSize)
        defer { errorBuffer.deallocate() }
        let recipients = curl_slist_append(nil, "<\(mail.recipient)>")
        defer { curl_slist_free_all(recipients) }
        let source = UploadSource(mail.data)

        var failed = CURLE_OK
        func set(_ result: CURLcode) { if failed == CURLE_OK && result != CURLE_OK { failed = result } }
        // libcurl copies every string option (CURLOPT_URL, CURLOPT_PASSWORD …) when it is set.
        set(tt_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(tt_curl_set_string(handle, CURLOPT_URL, settings.url))
        set(tt_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
        set(tt_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        set(tt_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000)))
        set(tt_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000)))
        if !(settings.allowPlainLocalhost && settings.isLoopback && !settings.isImplicitTLS) {
            set(tt_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        }
        set(tt_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(tt_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        if let caFile = settings.caFile { set(tt_curl_set_string(handle, CURLOPT_CAINFO, caFile)) }
        if let username = settings.username { set(tt_curl_set_string(handle, CURLOPT_USERNAME, username)) }
        if let password = settings.password { set(tt_curl_set_string(handle, CURLOPT_PASSWORD, password)) }
        set(tt_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(mail.sender)>"))
        set(tt_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients))
        set(tt_curl_set_long(handle, CURLOPT_UPLOAD, 1))
        set(tt_curl_set_long(handle, CURLOPT_INFILESIZE, mail.data.count))
        set(tt_curl_set_read_callback(handle, { buffer, size, count, context in
            guard let buffer, let context else { return tt_curl_read_abort() }
            return Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue().read(into: buffer, size * count)
        }))
        set(tt_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
        guard failed == CURLE_OK else {
            throw MailDeliveryError("libcurl refused an option: " + String(cString: curl_easy_strerror(failed)))
        }
        let result = withExtendedLifetime(source) { curl_easy_perform(handle) }
        guard result == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let summary = String(cString: curl_easy_strerror(result))
            throw MailDeliveryError(detail.isEmpty ? summary : "\(summary): \(detail)",
                                    replyCode: tt_curl_response_code(handle))
        }
    }
}

/// The message's bytes, handed to libcurl's read callback piece by piece.
private final class UploadSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, _ capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
