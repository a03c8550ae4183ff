import App
import ArgumentParser
import Foundation
import Logging
import Storage

/// `taitotutka mail …`: the outbox from the command line.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Send the outbox's due e-mail, or see what it holds.",
        subcommands: [MailSend.self, MailStatus.self, MailEnqueueTest.self])
}

/// `taitotutka mail send [--limit N]`: one run of the sender, as the server's worker does each minute.
struct MailSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send the due messages of the outbox through the SMTP server, then exit.",
        discussion: """
            Claims up to --limit due messages, cancels those whose cause no longer holds, sends the rest one \
            at a time and records each result before the next. Failed messages are retried by later runs \
            after 1 min, 5 min, 30 min, 2 h and 12 h, and failed for good after the sixth attempt.

            \(ExitStatus.help([
                .unusableInput: "the SMTP password file or the project's files cannot be read",
                .databaseProblem: "the database needs migrating or cannot be used",
                .systemFailure: "no message could be delivered (every attempt of this run failed)",
                .noDatabase: "there is no database at --database (nothing is created)",
                .notConfigured: "SMTP is not configured (no --smtp-url or TAITOTUTKA_SMTP_URL): nothing was sent",
            ]))
            """)

    @Option(help: "The most messages to send in this run.")
    var limit = 100

    @OptionGroup var smtp: SMTPOptions
    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 100000.") }
    }

    func run() throws {
        guard let smtpSettings = try smtp.settings() else {
            throw CommandFailure(.notConfigured, "Sending is off: SMTP is not configured. Give --smtp-url and "
                + "--mail-from (or TAITOTUTKA_SMTP_URL and TAITOTUTKA_MAIL_FROM); see README, E-mail.")
        }
        let database = try options.openExisting()
        try database.requireCurrentSchema()
        var settings = AppSettings()
        settings.smtp = smtpSettings
        let app = try MailCommand.app(options, database: database, settings: settings)
        guard let sender = app.smtpMailSender() else { throw CommandFailure(.internalError, "no sender") }
        var total = MailSendReport()
        // Batches of at most 50, so one batch's claims are never held long.
        while total.claimed < limit {
            let report = try sender.sendDue(limit: min(50, limit - total.claimed))
            total.claimed += report.claimed
            total.sent += report.sent
            total.retrying += report.retrying
            total.failed += report.failed
            total.cancelled += report.cancelled
            total.released += report.released
            if report.claimed == 0 || report.released > 0 { break }
        }
        print("Mail: \(total.summary).")
        if total.claimed > 0 && total.sent == 0 && total.cancelled == 0 && total.retrying + total.failed > 0 {
            throw CommandFailure(.systemFailure, "No message could be delivered; see the outbox's last errors "
                + "(taitotutka mail status, or /admin/outbox).")
        }
    }
}

/// `taitotutka mail status`: how many messages are in each state.
struct MailStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Print how many messages of the outbox are in each state.")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try options.openExisting()
        try database.requireCurrentSchema()
        let counts = try MailOutboxStore(database).counts(organisationIDs: nil)
        for state in MailState.allCases { print("\(state.rawValue) \(counts[state] ?? 0)") }
    }
}

/// `taitotutka mail enqueue-test`: queues test messages (for the SMTP tests and for trying a new
/// server's settings). Hidden: it is a tool, not part of the service.
struct MailEnqueueTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue-test", abstract: "Queue test messages to one address.", shouldDisplay: false)

    @Option(help: "The recipient's address.")
    var to: String

    @Option(help: "The subject; with --count above 1, ' #N' is added.")
    var subject = "Taitotutka: testiviesti"

    @Option(help: "How many messages to queue.")
    var count = 1

    @Option(help: "The message key (with --count above 1, '|N' is added); the same key is queued only once.")
    var key: String?

    @Option(help: "The messages' cause kind, to try a cause checker.")
    var causeKind: String?

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("--count must be between 1 and 10000.") }
        guard MailAddress.isValid(to) else { throw ValidationError("--to is not a plain e-mail address.") }
    }

    func run() throws {
        let database = try options.openExisting()
        try database.requireCurrentSchema()
        let store = MailOutboxStore(database)
        let base = key ?? "test|\(UUID().uuidString)"
        var added = 0
        try database.transaction {
            for number in 1...count {
                let suffix = count > 1 ? " #\(number)" : ""
                let mail = OutgoingMail(
                    messageKey: count > 1 ? "\(base)|\(number)" : base, recipientAddress: to, language: "fi",
                    subject: subject + suffix,
                    textBody: "Tämä on Taitotutkan testiviesti\(suffix).\nÅäö – ümlaut = 100 %.\n",
                    htmlBody: "<p>Tämä on Taitotutkan <strong>testiviesti</strong>\(suffix).</p>",
                    causeKind: causeKind, causeRef: causeKind == nil ? nil : "test\(suffix)")
                if try store.enqueue(mail) { added += 1 }
            }
        }
        print("Queued \(added) of \(count) test messages.")
    }
}

extension MailCommand {
    /// The web application over the database (its cause checkers are what sending needs), without serving.
    static func app(_ options: DatabaseOptions, database: AppDatabase, settings: AppSettings) throws -> WebApp {
        let layout = try options.layout
        do {
            return try WebApp(database: database, templatesDirectory: layout.templatesDirectory, settings: settings,
                              logger: Logger(label: "taitotutka.mail"))
        } catch {
            throw CommandFailure(.unusableInput, "Cannot load the templates: \(error)")
        }
    }
}
