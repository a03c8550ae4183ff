import App
import ArgumentParser
import Foundation
import Metrics

/// `taitotutka compliance …`: required training from the command line.
struct ComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance", abstract: "Required training: write the reminders of the day into the outbox.",
        subcommands: [ComplianceRemind.self])
}

/// `taitotutka compliance remind [--on DATE]`: the pass the server makes every hour.
struct ComplianceRemind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Queue the day's required-training reminders and Monday's supervisors' digests, then exit.",
        discussion: """
            Each reminder (the renewal window opening, 14 days before, the due day, 7 days after) and each \
            digest is queued once, however often this runs; `mail send` or the server sends them once SMTP is \
            configured, and cancels those whose cause has gone (completed, exempted, left).

            \(ExitStatus.help([
                .unusableInput: "the project's files cannot be read",
                .databaseProblem: "the database needs migrating or cannot be used",
                .noDatabase: "there is no database at --database (nothing is created)",
            ]))
            """)

    @Option(help: "The Helsinki date to act on (YYYY-MM-DD); today when not given.")
    var on: String?

    @OptionGroup var smtp: SMTPOptions
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        var day: CivilDay?
        if let on {
            guard let parsed = CivilDay(iso: on) else { throw CommandFailure(.usage, "--on must be a date, YYYY-MM-DD.") }
            day = parsed
        }
        let database = try options.openExisting()
        try database.requireCurrentSchema()
        var settings = AppSettings()
        settings.publicURL = try smtp.publicAddress()
        let app = try MailCommand.app(options, database: database, settings: settings)
        let report = try app.queueComplianceReminders(on: day)
        print("Reminders: \(report.summary) (\(report.elapsed)).")
    }
}
