/// One state's count on the outbox page, as a link that lists only that state.
struct OutboxStateLink {
    let label: String
    let count: String
    let href: String
    let current: Bool
}

/// One message in the outbox list.
struct OutboxRow {
    let href: String
    let recipient: String
    let subject: String
    let state: String
    let attempts: String
    let lastError: String
    let created: String
    let sent: String
}

struct OutboxView {
    let heading: String
    /// "Sending is off until SMTP is configured", when it is.
    let sendingOff: Bool
    let scopeNote: String
    let states: [OutboxStateLink]
    let allHref: String
    let allCurrent: Bool
    let allCount: String
    let summary: String
    let rows: [OutboxRow]
    let hasRows: Bool
    let pagination: PaginationView
    let showPagination: Bool
}

/// A name and a value on a message's page.
struct OutboxField {
    let label: String
    let value: String
}

struct OutboxMessageView {
    let crumbs: [Crumb]
    let hasCrumbs = true
    let heading: String
    let fields: [OutboxField]
    let textBody: String
    let htmlBody: String
    let hasHTML: Bool
    let sendingOff: Bool
}
