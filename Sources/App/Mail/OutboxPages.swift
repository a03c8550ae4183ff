import Foundation
import HTTPServer
import Storage

extension WebApp {
    /// The outbox: counts per state, the newest messages (of one state, when chosen), a page at a time.
    func showOutbox(_ request: Request, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        let scope = outboxScope(context)
        let state = request.queryValue("state").flatMap(MailState.init(rawValue:))
        let counts = try mailOutbox.counts(organisationIDs: scope)
        let total = counts.values.reduce(0, +)
        let paging = Paging(requested: request.queryValue("page"), total: state.map { counts[$0] ?? 0 } ?? total)
        let messages = try mailOutbox.recent(state: state, organisationIDs: scope, limit: Paging.pageSize,
                                             offset: paging.offset)
        let rows = messages.map { message in
            OutboxRow(href: Paths.outboxMessage(message.id), recipient: message.recipientAddress, subject: message.subject,
                      state: strings.text("mail_state_" + message.state.rawValue),
                      attempts: strings.number(message.attempts), lastError: message.lastError ?? "",
                      created: strings.dateTime(message.createdAt),
                      sent: message.sentAt.map { strings.dateTime($0) } ?? "")
        }
        let states = MailState.allCases.map { each in
            OutboxStateLink(label: strings.text("mail_state_" + each.rawValue), count: strings.number(counts[each] ?? 0),
                            href: Paths.outbox(state: each), current: each == state)
        }
        let heading = strings.text("mail_outbox_title")
        let view = OutboxView(
            heading: heading, sendingOff: settings.smtp == nil,
            scopeNote: strings.text(scope == nil ? "mail_scope_all" : "mail_scope_organisation"),
            states: states, allHref: Paths.outbox(state: nil), allCurrent: state == nil, allCount: strings.number(total),
            summary: strings.format("mail_list_summary", [
                "shown": strings.number(rows.count),
                "state": state.map { strings.text("mail_state_" + $0.rawValue) } ?? strings.text("mail_state_all"),
            ]),
            rows: rows, hasRows: !rows.isEmpty,
            pagination: paging.view(strings: strings) { Paths.outbox(state: state, page: $0) },
            showPagination: paging.pageCount > 1)
        return try context.render("mail/outbox", title: heading, view)
    }

    /// One message: its headers and state, and both bodies shown as text (the HTML escaped, never rendered).
    func showOutboxMessage(_ request: Request, _ context: RequestContext) throws -> Response {
        let strings = context.strings
        guard let message = try mailOutbox.message(id: try context.messageID, organisationIDs: outboxScope(context))
        else { throw AppError.notFound }
        var fields = [
            OutboxField(label: strings.text("mail_field_recipient"), value: message.recipientAddress),
            OutboxField(label: strings.text("mail_field_subject"), value: message.subject),
            OutboxField(label: strings.text("mail_field_language"), value: strings.text("language_" + message.language)),
            OutboxField(label: strings.text("mail_field_state"), value: strings.text("mail_state_" + message.state.rawValue)),
            OutboxField(label: strings.text("mail_field_attempts"), value: strings.number(message.attempts)),
            OutboxField(label: strings.text("mail_field_created"), value: strings.dateTime(message.createdAt)),
        ]
        if message.state == .queued {
            fields.append(OutboxField(label: strings.text("mail_field_next_attempt"),
                                      value: strings.dateTime(message.nextAttemptAt)))
        }
        if let sentAt = message.sentAt {
            fields.append(OutboxField(label: strings.text("mail_field_sent"), value: strings.dateTime(sentAt)))
        }
        if let error = message.lastError {
            fields.append(OutboxField(label: strings.text("mail_field_last_error"), value: error))
        }
        if let reason = message.cancelledReason {
            fields.append(OutboxField(label: strings.text("mail_field_cancelled_reason"), value: reason))
        }
        if let kind = message.causeKind {
            let cause = message.causeRef.map { "\(kind): \($0)" } ?? kind
            fields.append(OutboxField(label: strings.text("mail_field_cause"), value: cause))
        }
        fields.append(OutboxField(label: strings.text("mail_field_key"), value: message.messageKey))
        let heading = strings.format("mail_message_title", ["subject": message.subject])
        return try context.render("mail/message", title: heading, OutboxMessageView(
            crumbs: [Crumb(href: Paths.outbox, label: strings.text("mail_outbox_title"), current: false),
                     Crumb(href: Paths.outboxMessage(message.id), label: message.subject, current: true)],
            heading: heading, fields: fields, textBody: message.textBody, htmlBody: message.htmlBody,
            hasHTML: !message.htmlBody.isEmpty, sendingOff: settings.smtp == nil))
    }

    /// Whose messages this user sees: all (nil) for an administrator, else those to the people of the
    /// organisations where they are HR.
    private func outboxScope(_ context: RequestContext) -> Set<Int64>? {
        guard let principal = context.principal else { return [] }
        return principal.isAdmin ? nil : principal.hrOrganisationIDs
    }
}
