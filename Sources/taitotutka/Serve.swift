import App
import ArgumentParser
import Foundation
import CSystemShims
import HTTPServer
import Storage
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `taitotutka serve`: runs the web server until SIGTERM or SIGINT.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve Taitotutka over HTTP.",
        discussion: """
            The database must exist and be migrated (taitotutka migrate); serve creates none.

            \(ExitStatus.help([
                .unusableInput: "the Public or Templates folder cannot be read",
                .databaseProblem: "the database needs migrating, was written by a newer version or has another server key",
                .systemFailure: "the address cannot be listened on, or the files cannot be opened",
                .noDatabase: "there is no database at --database (nothing is created)",
            ]))
            """)

    @Option(help: "Address to listen on (IPv4 or IPv6; :: for all interfaces).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port = 8080

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Most simultaneous connections; more are answered 503.")
    var maxConnections = 1024

    @Option(help: "Threads that run request handlers.")
    var workers: Int?

    @Option(help: "Serial queues that drive socket I/O.")
    var ioQueues: Int?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Flag(help: """
        The service is reached over HTTPS (behind a TLS proxy): Secure, __Host- cookies and HSTS. \
        Also set by TAITOTUTKA_HTTPS=1.
        """)
    var https = false

    @Option(help: """
        Reverse proxies (IP addresses or CIDR blocks, comma-separated) whose Forwarded or X-Forwarded-For \
        header names the client; from anyone else those headers are ignored. Also TAITOTUTKA_TRUSTED_PROXIES.
        """)
    var trustedProxy: String?

    @Flag(help: """
        HR, tutor coordinators and administrators may sign in with a password alone, without an         authenticator app. Only for a demonstration or a test: those roles see everyone's data.
        """)
    var secondFactorOptional = false

    @Option(help: "Minutes without requests after which a session ends.")
    var sessionIdleMinutes = 30

    @Option(help: "Hours after sign-in after which a session ends, however active.")
    var sessionMaxHours = 12

    @Option(help: "Megabytes of rendered result pages kept in memory.")
    var pageCacheMb = AppSettings().pageCacheBytes >> 20

    @Option(help: "Megabytes (estimated) of built survey results kept in memory.")
    var resultsCacheMb = AppSettings().resultsCacheBytes >> 20

    @Option(help: """
        Return free memory to the system (malloc_trim) after each build of survey results and whenever \
        the caches have let go of this many megabytes; 0 never does.
        """)
    var returnFreedMemoryMb = AppSettings().returnFreedMemoryBytes >> 20

    @OptionGroup var smtp: SMTPOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be positive.") }
        if let workers, workers <= 0 { throw ValidationError("--workers must be positive.") }
        if let ioQueues, ioQueues <= 0 { throw ValidationError("--io-queues must be positive.") }
        guard sessionIdleMinutes > 0 else { throw ValidationError("--session-idle-minutes must be positive.") }
        guard sessionMaxHours > 0 else { throw ValidationError("--session-max-hours must be positive.") }
        guard (0...65_536).contains(pageCacheMb) else { throw ValidationError("--page-cache-mb must be between 0 and 65536.") }
        guard (0...65_536).contains(resultsCacheMb) else {
            throw ValidationError("--results-cache-mb must be between 0 and 65536.")
        }
        guard (0...65_536).contains(returnFreedMemoryMb) else {
            throw ValidationError("--return-freed-memory-mb must be between 0 and 65536.")
        }
        _ = try trustedProxies()
    }

    /// The application settings from the flags and the environment.
    func settings() throws -> AppSettings {
        var settings = AppSettings()
        settings.secureTransport = https || ProcessInfo.processInfo.environment["TAITOTUTKA_HTTPS"] == "1"
        settings.sessionIdleTimeout = TimeInterval(sessionIdleMinutes * 60)
        settings.sessionAbsoluteTimeout = TimeInterval(sessionMaxHours * 3600)
        settings.pageCacheBytes = pageCacheMb << 20
        settings.resultsCacheBytes = resultsCacheMb << 20
        settings.returnFreedMemoryBytes = returnFreedMemoryMb << 20
        settings.smtp = try smtp.settings()
        settings.publicURL = try smtp.publicAddress()
        settings.trustedProxies = try trustedProxies()
        if secondFactorOptional { settings.secondFactorRoles = [] }
        return settings
    }

    /// `--trusted-proxy`, else `TAITOTUTKA_TRUSTED_PROXIES`, parsed; a list that is not addresses is an error.
    func trustedProxies() throws -> TrustedProxies {
        let list = trustedProxy ?? ProcessInfo.processInfo.environment["TAITOTUTKA_TRUSTED_PROXIES"] ?? ""
        do {
            return try TrustedProxies(parsing: list)
        } catch {
            throw ValidationError("--trusted-proxy: \(error)")
        }
    }

    func run() throws {
        // First, before any other thread exists: see TerminationSignals.
        let termination = TerminationSignals()
        limitMallocArenas()
        let settings = try settings()
        let layout = try databaseOptions.layout
        let database = try databaseOptions.openExisting()
        try database.requireCurrentSchema()
        LoggingSystem.bootstrap { label in
            var handler = BufferedLogHandler(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "taitotutka")

        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxConnections = maxConnections
        if let workers { configuration.workerCount = workers }
        if let ioQueues { configuration.ioQueueCount = ioQueues }

        configuration.errorResponse = WebApp.serverErrorResponse(secureTransport: settings.secureTransport)
        let (app, responder) = try Application.makeResponder(
            layout: layout, database: database, settings: settings, logger: logger)
        let server = try HTTPServer(configuration: configuration, responder: responder, logger: logger)
        do {
            try server.start()
        } catch {
            throw CommandFailure(.systemFailure, "Cannot listen on \(host):\(port): \(error)")
        }
        // Written straight to the descriptor so it appears at once even when stdout is a pipe.
        let address = "Taitotutka is serving http://\(host.contains(":") ? "[\(host)]" : host):\(server.port)/\n"
        _ = address.utf8CString.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count - 1) }
        // E-mail goes out only once SMTP is configured; until then messages wait in the outbox.
        let mailWorker = app.mailWorker()
        if let mailWorker {
            logger.info("Mail: sending every minute through \(settings.smtp?.description ?? "")")
            mailWorker.start()
        } else {
            logger.info("Mail: sending is off until SMTP is configured (--smtp-url)")
        }
        if settings.secondFactorRoles.isEmpty {
            logger.warning("Second factor: optional for every role (--second-factor-optional); not for real data")
        }
        let reminders = app.reminderWorker()
        reminders.start()
        // People who left are erased once their retention passes, old audit lines deleted (daily).
        let retention = app.retentionWorker()
        retention.start(firstRunAfter: 90)
        termination.wait()
        logger.info("shutting down")
        reminders.stop()
        retention.stop()
        mailWorker?.stop()
        server.shutdown()
        BufferedLogOutput.shared.flush()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// glibc gives every thread that allocates its own malloc arena (up to 8 per core), and each keeps
/// the memory its thread freed: after the full `make bench-http` run peak memory was 40–48 MB. Four
/// arenas keep it near 30 MB; two would save a little more but cost about 5% of throughput in
/// malloc lock contention, measured on 2 cores (BENCHMARKS.md). An operator's own
/// MALLOC_ARENA_MAX still wins.
private func limitMallocArenas() {
    guard getenv("MALLOC_ARENA_MAX") == nil else { return }
    _ = tt_limit_malloc_arenas(4)
}
