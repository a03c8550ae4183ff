import Foundation
import HTTPServer

extension WebApp {
    /// `http(s)://HOST` for printed addresses and QR codes (code slips, set-password links), from the
    /// request's Host header when it is a plain host name or address (with an optional port); nil
    /// otherwise (the page then shows the path alone and no QR code).
    func siteOrigin(_ request: Request) -> String? {
        let host = request.headers["Host"] ?? ""
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        guard !host.isEmpty, host.count <= 255, host.unicodeScalars.allSatisfy(allowed.contains),
              host.first != ".", host.first != ":" else { return nil }
        return (settings.secureTransport ? "https://" : "http://") + host
    }
}
