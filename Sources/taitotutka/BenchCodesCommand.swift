import App
import ArgumentParser
import Foundation
import Storage

/// `taitotutka bench-codes ORGANISATION COUNT OUT`: respondents ready to submit for `make bench-app`
/// (hidden: a benchmark's tool, not an operator's).
struct BenchCodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-codes",
        abstract: "Make one-time codes with complete drafts for an organisation's open round (benchmarks).",
        shouldDisplay: false)

    @Argument(help: "The organisation's slug.")
    var organisation: String

    @Argument(help: "How many codes.")
    var count: Int

    @Argument(help: "The file to write the codes to, one per line.")
    var out: String

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try options.openExisting()
        try database.requireCurrentSchema()
        let codes = try BenchmarkCodes.make(database: database, organisationSlug: organisation, count: count)
        do {
            try (codes.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure(.systemFailure, "Cannot write \(out): \(error.localizedDescription)")
        }
        print("\(codes.count) codes with drafts for the open round of \(organisation)")
    }
}
