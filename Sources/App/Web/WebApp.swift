import Crypto
import Foundation
import HTTPServer
import Logging
import Storage
import Synchronization

/// The web application: its dependencies, and the pipeline every routed request goes through.
public final class WebApp: Sendable {
    let database: AppDatabase
    let settings: AppSettings
    let renderer: Renderer
    let localisation: Localisation
    let logger: Logger
    let sessions: SessionManager
    let throttle: SignInThrottle
    /// Authenticator apps and recovery codes, and the step between password and session.
    let secondFactor: SecondFactor
    /// Slows down guessing of one-time survey codes, per client address.
    let codeThrottle: CodeThrottle
    let pendingImports = PendingImports()
    /// How many employees each staff filter matches, until the next commit (`StaffCountCache`).
    let staffCounts = StaffCountCache()
    /// Set when the responder is built: what a form sent after its session ended needs (`SessionResume`).
    let resume = Mutex<SessionResume?>(nil)
    /// Returns what the caches and results builds free to the system.
    let freedMemory: FreedMemory
    let resultsCache: ResultsCache
    let pageBodies: PageBodyCache
    let frameworkContents = FrameworkContentCache()
    let trainingReportCache: TrainingReportCache
    let trainingCatalogueSnapshots: TrainingCatalogueSnapshots
    let complianceCache: ComplianceCache
    let tutorCoverageCache: TutorCoverageCache
    /// The home page's data stamp per organisation (`Home/HomeStampCache.swift`).
    let homeStamps = HomeStampCache()
    let helpAggregatesCache: HelpAggregatesCache
    /// The instructions library's rendered list and search bodies (`Instructions/LibraryPage`), in a
    /// budget of their own so that many different searches cannot push the dashboards out.
    let instructionPages = PageBodyCache(budget: 4 << 20)
    /// Single sign-on's back channel and its cache of the providers' discovery documents and keys.
    let singleSignOn = SingleSignOn()
    let hasher: PasswordHasher
    /// What a new password must be, with the list of common passwords from `Templates/auth/`.
    let passwordPolicy: PasswordPolicy
    /// The privacy notice's template per language (`Templates/privacy/default.LANG.md`), for an
    /// organisation whose HR has not written its own.
    let privacyTemplates: [String: String]
    /// Signs the anonymous CSRF tokens (sign-in and language forms), with a key derived from the
    /// server key for this purpose only.
    let anonymousFormKey: [UInt8]
    /// Signs the own-profile cookie shown after answering, with a key of its own.
    let profileCookies: ProfileCookie
    /// Cookies that hold something of the signed-in person, removed at sign-out.
    let cookiesClearedAtSignOut = [ProfileCookie.name]

    let organisations: OrganisationStore
    let sectors: SectorStore
    let units: UnitStore
    let employees: EmployeeStore
    let users: UserStore
    let passwordTokens: PasswordTokenStore
    let audit: AuditStore
    let imports: EmployeeImportStore
    let frameworks: FrameworkStore
    let rounds: SurveyRoundStore
    let responses: SurveyResponseStore
    let results: SurveyResultsStore
    let trainingCatalogue: TrainingCatalogueStore
    let trainingSessions: TrainingSessionStore
    let enrolments: EnrolmentStore
    let completions: CompletionStore
    let calendarFeeds: CalendarFeedStore
    let mailOutbox: MailOutboxStore
    /// Whether a queued message should still go, per cause kind; the features register theirs
    /// (`registerMailCauses`).
    public let mailCauses = MailCauseCheckers()

    /// `templatesDirectory` holds the Mustache templates and `locales/` with the string tables.
    public init(database: AppDatabase, templatesDirectory: String, settings: AppSettings, logger: Logger) throws {
        self.database = database
        self.settings = settings
        self.logger = logger
        anonymousFormKey = database.keyBytes(for: .anonymousFormToken)
        let freedMemory = FreedMemory(threshold: settings.returnFreedMemoryBytes)
        self.freedMemory = freedMemory
        resultsCache = ResultsCache(budget: settings.resultsCacheBytes, released: { freedMemory.released($0) })
        pageBodies = PageBodyCache(budget: settings.pageCacheBytes, released: { freedMemory.released($0) })
        trainingReportCache = TrainingReportCache(released: { freedMemory.released($0) })
        trainingCatalogueSnapshots = TrainingCatalogueSnapshots(released: { freedMemory.released($0) })
        complianceCache = ComplianceCache(released: { freedMemory.released($0) })
        tutorCoverageCache = TutorCoverageCache(released: { freedMemory.released($0) })
        helpAggregatesCache = HelpAggregatesCache(released: { freedMemory.released($0) })
        let attemptCounters = AttemptCounterStore(database)
        throttle = SignInThrottle(store: attemptCounters, hashKey: database.keyBytes(for: .attemptCounter))
        secondFactor = SecondFactor(database: database, attemptCounters: attemptCounters)
        codeThrottle = CodeThrottle(store: attemptCounters, hashKey: database.keyBytes(for: .attemptCounter))
        profileCookies = ProfileCookie(key: database.keyBytes(for: .ownProfileCookie))
        renderer = try Renderer(directory: templatesDirectory)
        localisation = try Localisation(directory: templatesDirectory + "/locales")
        passwordPolicy = try PasswordPolicy(listAt: templatesDirectory + "/auth/common-passwords.txt")
        privacyTemplates = try Self.privacyTemplates(in: templatesDirectory + "/privacy")
        hasher = PasswordHasher(rounds: settings.passwordRounds)
        organisations = OrganisationStore(database)
        sectors = SectorStore(database)
        units = UnitStore(database)
        employees = EmployeeStore(database)
        users = UserStore(database)
        passwordTokens = PasswordTokenStore(database)
        audit = AuditStore(database)
        imports = EmployeeImportStore(database)
        frameworks = FrameworkStore(database)
        rounds = SurveyRoundStore(database)
        responses = SurveyResponseStore(database)
        results = SurveyResultsStore(database)
        trainingCatalogue = TrainingCatalogueStore(database)
        trainingSessions = TrainingSessionStore(database)
        enrolments = EnrolmentStore(database)
        completions = CompletionStore(database)
        calendarFeeds = CalendarFeedStore(database)
        mailOutbox = MailOutboxStore(database)
        sessions = SessionManager(store: SessionStore(database), users: users, units: units, settings: settings)
        registerMailCauses()
        registerComplianceMailCause()
    }

    /// The routed responder with static files from `publicDirectory`.
    public func responder(staticFiles: StaticFiles) -> RouterResponder {
        var table = RouteTable(app: self)
        registerRoutes(&table, staticFiles: staticFiles)
        let secure = settings.secureTransport
        let responder = table.router.responder(
            middleware: [settings.trustedProxies.middleware(), AccessLog.middleware(logger: logger),
                         SecurityHeaders.middleware(secureTransport: secure),
                         Compression.middleware()],
            errorResponse: { [self] status, request, _ in
                var response = self.errorPage(status, for: request)
                SecurityHeaders.apply(to: &response, secureTransport: secure)
                return response
            })
        let resumable = Set(table.entries.filter(\.resumable).map(\.pattern))
        resume.withLock { $0 = SessionResume(responder: responder, router: table.router, resumablePatterns: resumable) }
        return responder
    }

    /// Every route with its requirement (nil: outside the page pipeline), for the access-matrix test.
    func routeList(staticFiles: StaticFiles) -> [RouteTable.Entry] {
        routeTable(staticFiles: staticFiles).entries
    }

    /// The route table, for tests that check links against it.
    func routeTable(staticFiles: StaticFiles) -> RouteTable {
        var table = RouteTable(app: self)
        registerRoutes(&table, staticFiles: staticFiles)
        return table
    }

    /// For errors the server answers before routing (malformed requests, overload): plain text,
    /// with the security headers.
    public static func serverErrorResponse(secureTransport: Bool) -> @Sendable (HTTPStatus, String) -> Response {
        { status, explanation in
            var response = Response.text(explanation.isEmpty ? "\(status.code) \(status.reason)\n" : explanation + "\n",
                                         status: status)
            SecurityHeaders.apply(to: &response, secureTransport: secureTransport)
            return response
        }
    }

    func strings(for request: Request) -> Strings {
        localisation.strings(Self.language(of: request))
    }

    static func language(of request: Request) -> Language {
        if let chosen = request.cookies[languageCookie], let language = Language(rawValue: chosen) {
            return language
        }
        return Language.negotiate(acceptLanguage: request.headers["Accept-Language"])
    }

    static let languageCookie = "tt_lang"

    var anonymousCookieName: String { settings.secureTransport ? "__Host-tt_form" : "tt_form" }

    /// The CSRF token for a browser without a session: an HMAC of its random form cookie.
    func anonymousToken(for formCookie: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("anonymous-form|\(formCookie)".utf8),
                                                  using: SymmetricKey(data: anonymousFormKey))
        return Base64URL.encode(Array(mac))
    }
}
