/// A response turned into wire bytes: the head, and the body to send after it.
struct SerializedResponse: Sendable {
    var head: [UInt8]
    var body: ResponseBody
    /// Whether the connection stays open after this response.
    var keepAlive: Bool
    var status: HTTPStatus
}

/// Writes response heads. The server owns the framing fields (`Content-Length`, `Connection`,
/// `Date`, `Transfer-Encoding`), so a handler cannot produce a response that frames wrongly.
enum ResponseSerializer {
    private static let ownedFields = ["Content-Length", "Connection", "Date", "Transfer-Encoding", "Keep-Alive"]

    static func serialize(
        _ response: Response, requestMethod: HTTPMethod?, version: HTTPVersion, keepAlive: Bool
    ) -> SerializedResponse {
        guard response.headers.allSatisfy(isValid) else {
            // A handler put CR, LF or another control into a header: answering with it would let
            // input split the response. Answer 500 instead.
            return serialize(.text("Internal Server Error\n", status: .internalServerError),
                             requestMethod: requestMethod, version: version, keepAlive: false)
        }
        let status = response.status
        var head: [UInt8] = []
        head.reserveCapacity(256 + response.headers.count * 48)
        head.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status.code, to: &head)
        head.append(0x20)
        head.append(contentsOf: status.reason.utf8)
        head.append(contentsOf: "\r\n".utf8)
        for field in response.headers where !ownedFields.contains(where: field.name.asciiCaseInsensitiveEquals) {
            head.append(contentsOf: field.name.utf8)
            head.append(contentsOf: ": ".utf8)
            head.append(contentsOf: field.value.utf8)
            head.append(contentsOf: "\r\n".utf8)
        }
        head.append(contentsOf: "Date: ".utf8)
        head.append(contentsOf: HTTPDate.nowBytes())
        head.append(contentsOf: "\r\n".utf8)
        var body = response.body
        if status.forbidsBody {
            body = .empty
            if status.code == 304, response.body.count > 0 { appendContentLength(response.body.count, to: &head) }
        } else {
            appendContentLength(body.count, to: &head)
        }
        if !keepAlive {
            head.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http1_0 {
            head.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        head.append(contentsOf: "\r\n".utf8)
        if requestMethod == .HEAD { body = .empty }
        return SerializedResponse(head: head, body: body, keepAlive: keepAlive, status: status)
    }

    private static func isValid(_ field: HTTPHeaders.Field) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(HTTPSyntax.isTokenByte)
            && field.value.utf8.allSatisfy(HTTPSyntax.isFieldValueByte)
    }

    private static func appendContentLength(_ length: Int, to head: inout [UInt8]) {
        head.append(contentsOf: "Content-Length: ".utf8)
        appendDecimal(length, to: &head)
        head.append(contentsOf: "\r\n".utf8)
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value > 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
