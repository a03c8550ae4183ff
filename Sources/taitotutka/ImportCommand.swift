import App
import ArgumentParser
import Foundation
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// `taitotutka import …`: brings data in from other systems.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import data from other systems.",
        subcommands: [ImportEmployees.self])
}

/// `taitotutka import employees FILE --organisation SLUG [--dry-run] [--deactivate-missing [--confirm-deactivations N]]`.
struct ImportEmployees: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employees",
        abstract: "Import the staff roster from the HR system's CSV export (see docs/import-format.md).",
        discussion: """
            Prints what the import would do, then applies it in one transaction. A file with any rejected \
            row changes nothing. Employees missing from the file are deactivated only with \
            --deactivate-missing (a full roster export); when that would deactivate more than a tenth of the \
            active staff, the number must also be given with --confirm-deactivations.

            \(ExitStatus.help([
                .rowsRejected: "rows were rejected and nothing was applied",
                .unusableInput: "the file is unusable or the organisation unknown",
                .databaseProblem: "the database needs migrating or cannot be used",
                .systemFailure: "the database could not be written (a full disk, a read-only file system)",
                .noDatabase: "there is no database at --database (nothing is created)",
                .deactivationNotConfirmed: "a large deactivation was not confirmed with --confirm-deactivations",
            ]))
            """)

    @Argument(help: "The CSV file: UTF-8 or Windows-1252, comma or semicolon separated.")
    var file: String

    @Option(help: "The organisation's slug.")
    var organisation: String

    @Flag(help: "Show what would change without changing anything.")
    var dryRun = false

    @Flag(help: "The file is the whole staff list: deactivate active employees missing from it (never deleted).")
    var deactivateMissing = false

    @Option(help: ArgumentHelp("The number of employees the import deactivates, to confirm a deactivation of more "
                               + "than a tenth of the active staff.", valueName: "count"))
    var confirmDeactivations: Int?

    /// The old way to keep missing employees active; keeping them is now the default.
    @Flag(help: .hidden)
    var keepMissing = false

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try opened()
        let organisationID = try organisationID(in: database)
        let preview = try readFile()
        let today = CalendarDate.today()

        let planned = try EmployeeImportStore(database).preview(
            preview.previewBatch(forOrganisation: organisationID, today: today, deactivateMissing: deactivateMissing))
        report(preview, planned: planned, deactivateMissing: deactivateMissing)
        if !preview.rejected.isEmpty {
            for row in preview.rejected { print(row) }
            print(EmployeeImportError.rowsRejected(count: preview.rejected.count))
            throw ExitCode(ExitStatus.rowsRejected.rawValue)
        }
        if dryRun {
            print("Dry run: nothing was changed.")
            return
        }
        try checkConfirmation(planned)
        let batch = try preview.batch(forOrganisation: organisationID, today: today, deactivateMissing: deactivateMissing)
        let actor = EmployeeImportActor(userID: nil, login: nil, source: .commandLine,
                                        fileName: (file as NSString).lastPathComponent)
        // The import, its record and its audit line: one transaction. The count is checked again
        // inside it, in case the roster changed since the preview.
        let outcome = try database.transaction {
            let outcome = try EmployeeImportStore(database).apply(batch, recordedAs: actor)
            if outcome.deactivated != planned.deactivated {
                throw CommandFailure(.databaseProblem, "The staff list changed while the file was read; nothing was "
                    + "imported. Run the import again.")
            }
            try AuditStore(database).recordChange(AuditEntry(
                action: "import.employees", target: organisation, detail: Self.auditDetail(outcome, file: file)))
            // New hires get their onboarding checklists with the import that brings them.
            let started = try OnboardingStarter(database: database).startForNewHires(organisationID: organisationID, how: .import, by: nil)
            if started > 0 {
                try AuditStore(database).recordChange(AuditEntry(action: "onboarding.start", target: organisation,
                                                                 detail: "\(started) checklists"))
            }
            return outcome
        }
        print("Imported: \(outcome.created) new, \(outcome.changed) changed, \(outcome.unchanged) unchanged, "
            + "\(outcome.deactivated) deactivated.")
    }

    private func opened() throws -> AppDatabase {
        let database = try options.openExisting()
        try database.requireCurrentSchema()
        return database
    }

    private func organisationID(in database: AppDatabase) throws -> Int64 {
        let found = try OrganisationStore(database).organisation(slug: organisation)
        guard let id = found?.id else {
            throw CommandFailure(.unusableInput, "There is no organisation with the slug \"\(organisation)\".")
        }
        return id
    }

    private func readFile() throws -> EmployeeImportPreview {
        let reader = EmployeeCSVReader()
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > reader.limits.maxBytes {
            throw CommandFailure(.unusableInput,
                                 "\(file): \(EmployeeImportError.tooLarge(bytes: size, limit: reader.limits.maxBytes))")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(.unusableInput, "Cannot read \(file): no such file, or no permission.")
        }
        let progress = ProgressLine()
        do {
            let preview = try reader.read([UInt8](data)) { read, total in progress.show(read: read, of: total) }
            progress.finish()
            return preview
        } catch {
            progress.finish()
            throw CommandFailure(.unusableInput, "\(file): \(error)")
        }
    }

    private func report(_ preview: EmployeeImportPreview, planned: EmployeeImportOutcome, deactivateMissing: Bool) {
        print("Read \(file): \(preview.encoding), separated by \(preview.delimiter), \(preview.rowCount) rows.")
        for notice in preview.notices { print(notice) }
        print("New: \(planned.created)")
        print("Changed: \(planned.changed)")
        print("Unchanged: \(planned.unchanged)")
        print("Deactivated: \(planned.deactivated)")
        print("Rejected: \(preview.rejected.count)")
        if !preview.rejected.isEmpty && planned.deactivated > 0 {
            print("(Employees on rejected rows count as deactivated until their rows are fixed.)")
        }
        print("Sectors to create: \(Self.list(planned.sectorsCreated))")
        print("Units to create: \(Self.list(planned.unitsCreated))")
        reportDeactivations(planned)
    }

    /// Who would be deactivated, prominently: the number, the share of the active staff, the first names.
    private func reportDeactivations(_ planned: EmployeeImportOutcome) {
        guard planned.deactivated > 0 else { return }
        let share = String(format: "%.1f", planned.deactivatedShare * 100)
        print("")
        print("WARNING: this import deactivates \(planned.deactivated) of \(planned.activeBefore) active employees "
            + "(\(share) %):")
        let shown = 20
        for item in planned.deactivations.prefix(shown) {
            let reason = item.reason == .missing ? "not in the file" : "end date has passed"
            print("  \(item.hrNumber)  \(item.lastName) \(item.firstName)  (\(reason))")
        }
        if planned.deactivations.count > shown { print("  … and \(planned.deactivations.count - shown) more") }
    }

    /// A deactivation of more than a tenth of the staff needs its number on the command line.
    private func checkConfirmation(_ planned: EmployeeImportOutcome) throws {
        guard DeactivationSafety.isLarge(planned), confirmDeactivations != planned.deactivated else { return }
        throw CommandFailure(.deactivationNotConfirmed,
            "Nothing was imported: deactivating \(planned.deactivated) of \(planned.activeBefore) active employees is more "
            + "than a tenth of the staff, which usually means the file is not the whole staff list. If it is, run "
            + "again with --confirm-deactivations \(planned.deactivated).")
    }

    private static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

    static func auditDetail(_ outcome: EmployeeImportOutcome, file: String) -> String {
        "file \((file as NSString).lastPathComponent): \(outcome.created) new, \(outcome.changed) changed, "
            + "\(outcome.unchanged) unchanged, \(outcome.deactivated) deactivated, "
            + "\(outcome.sectorsCreated.count) sectors and \(outcome.unitsCreated.count) units created"
    }
}

/// "Read 20000 of 40000 rows" on standard error: rewritten in place on a terminal, one line each otherwise.
private final class ProgressLine {
    private let terminal = isatty(STDERR_FILENO) == 1
    private var shown = false

    func show(read: Int, of total: Int) {
        // Small files finish before the first report; their one final report is not worth a line.
        if !shown && read >= total { return }
        shown = true
        let text = "Read \(read) of \(total) rows"
        FileHandle.standardError.write(Data((terminal ? "\r" + text : text + "\n").utf8))
    }

    func finish() {
        if shown && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
