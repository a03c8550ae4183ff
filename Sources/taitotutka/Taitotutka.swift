import ArgumentParser

/// The `taitotutka` command line.
@main
struct Taitotutka: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taitotutka",
        abstract: "Taitotutka: following and developing the digital competence of public-sector staff.",
        subcommands: [Serve.self, Migrate.self, Backup.self, ImportCommand.self, DemoCommand.self, BenchCodesCommand.self],
        defaultSubcommand: Serve.self
    )
}
