import ArgumentParser
import Foundation

/// The `taitotutka` command line.
@main
struct Taitotutka: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taitotutka",
        abstract: "Taitotutka: following and developing the digital competence of public-sector staff.",
        subcommands: [Serve.self, Migrate.self, Backup.self, ImportCommand.self, DemoCommand.self, MailCommand.self, ComplianceCommand.self,
                      BenchCodesCommand.self],
        defaultSubcommand: Serve.self
    )

    /// ArgumentParser's `main`, except that a command that fails at run time (a full disk, a
    /// database from a newer version) says what went wrong in one line and exits with its own status
    /// (`ExitStatus`), where ArgumentParser would print the usage text and exit 64 for every error.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            BufferedLogOutput.shared.flush()
            guard let failure = CommandFailure.from(error) else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(failure.message)\n".utf8))
            Foundation.exit(failure.status.rawValue)
        }
    }
}
