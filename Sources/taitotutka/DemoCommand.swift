import App
import Demo
import ArgumentParser
import Foundation
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// `taitotutka demo [--employees N] [--seed S] [--if-empty]`: fills an empty database with demo data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load deterministic demo data: three municipalities, their staff and one sign-in per role.",
        discussion: """
            The database must be migrated (taitotutka migrate) and hold no organisations. Every demo sign-in \
            has the password \(DemoData.password). The same seed, size and day give the same data.

            \(ExitStatus.help([
                .databaseProblem: "the database holds organisations already, needs migrating or cannot be used",
                .systemFailure: "the database could not be written (a full disk, a read-only file system)",
                .noDatabase: "there is no database at --database (nothing is created)",
            ]))
            """)

    @Option(help: "How many employees to create, spread over the organisations (60/30/10 %).")
    var employees = DemoData.defaultEmployeeCount

    @Option(help: "Seed of the generator: the same seed gives the same data.")
    var seed: UInt64 = 1

    @Flag(help: "When the database has data already, say so and exit 0 instead of refusing (for make run).")
    var ifEmpty = false

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard DemoData.employeeCountRange.contains(employees) else {
            throw ValidationError(DemoError.employeeCountOutOfRange(employees).description)
        }
    }

    func run() throws {
        let database = try options.openExisting()
        try database.requireCurrentSchema()
        if ifEmpty, !(try OrganisationStore(database).all().isEmpty) {
            print("The database has data already; demo data not loaded.")
            // `make run` on an existing demo database still shows how to sign in.
            if let login = DemoData.signIns.first?.login, (try? UserStore(database).user(loginOrEmail: login)) != nil {
                printSignIns()
            }
            return
        }
        let started = Date()
        let progress = DemoProgressLine()
        let summary: DemoSummary
        do {
            summary = try DemoLoader(database: database).load(
                employees: employees, seed: seed, today: CalendarDate.today(),
                progress: { stored, total in progress.show(stored, of: total) },
                surveyProgress: { loaded, total in progress.show(loaded, of: total, unit: "survey rounds") })
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        report(summary, seconds: Date().timeIntervalSince(started))
    }

    private func report(_ summary: DemoSummary, seconds: Double) {
        print("Demo data loaded (seed \(seed)) in \(String(format: "%.1f", seconds)) s:")
        for organisation in summary.organisations {
            print("  \(organisation.name): \(organisation.employees) employees, \(organisation.units) units, "
                + "\(organisation.sectors) sectors")
        }
        for round in summary.surveyRounds {
            print("  Survey \(round.organisationSlug): \(round.title) (\(round.mode.rawValue), \(round.status.rawValue)), "
                + "\(round.responses) responses of \(round.invited) invited")
        }
        let trainings = summary.trainings
        print("  Trainings: \(trainings.trainings) in the catalogues, \(trainings.sessions) sessions, "
            + "\(trainings.enrolments) enrolments, \(trainings.attendance) attendances, \(trainings.completions) completions, "
            + "\(trainings.feedback) feedback answers")
        print("  Digivinkit: \(summary.boardPosts) posts with \(summary.boardAnswers) answers")
        print("Esihenkilo supervises \(summary.daycareCentre); esihenkilo2 supervises \(summary.school).")
        print("")
        printSignIns()
    }

    private func printSignIns() {
        print("Demo sign-ins (password \(DemoData.password)):")
        let width = DemoData.signIns.map(\.login.count).max() ?? 0
        for signIn in DemoData.signIns {
            print("  \(signIn.login.padding(toLength: width, withPad: " ", startingAt: 0))  \(signIn.roleDescription)")
        }
        print("HR, the tutor coordinator and the administrator set up an authenticator app at their first sign-in;")
        print("for a demonstration on a shared screen, serve with --second-factor-optional.")
    }
}

/// "Demo data: 20000 / 40000 employees" on standard error: rewritten in place on a terminal, one
/// line each otherwise.
private final class DemoProgressLine {
    private let terminal = isatty(STDERR_FILENO) == 1
    private var shown = false

    func show(_ stored: Int, of total: Int, unit: String = "employees") {
        if shown && terminal && stored == 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = true
        let text = "Demo data: \(stored) / \(total) \(unit)"
        FileHandle.standardError.write(Data((terminal ? "\r" + text : text + "\n").utf8))
    }

    func finish() {
        if shown && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
