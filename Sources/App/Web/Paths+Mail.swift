import Storage

/// The outbox pages' links.
extension Paths {
    static let outbox = "/admin/outbox"
    /// The outbox list showing one state (nil: all), at a page (1 = the first).
    static func outbox(state: MailState?, page: Int = 1) -> String {
        outbox + WebApp.queryString([("state", state?.rawValue ?? ""), ("page", page > 1 ? String(page) : "")])
    }
    static func outboxMessage(_ messageID: Int64) -> String { outbox + "/\(messageID)" }
}
