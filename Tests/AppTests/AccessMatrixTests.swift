import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Every route × every kind of user. A route added without a row here fails the first test, so
/// no page escapes the check.
@Suite("Access matrix")
struct AccessMatrixTests {
    /// The cast, in the order of each row's expectations.
    enum Who: String, CaseIterable {
        case anonymous, employee, supervisorA, supervisorB, hrOther, hr, admin

        var login: String? {
            switch self {
            case .anonymous: return nil
            case .employee: return "tyontekija"
            case .supervisorA: return "esihenkilo.a"
            case .supervisorB: return "esihenkilo.b"
            case .hrOther: return "hr.koskenkyla"
            case .hr: return "hr"
            case .admin: return "admin"
            }
        }
    }

    /// What a user gets: the page (or the action's own answer), a sign-in redirect, 403, or the
    /// 404 an unknown record gets.
    enum Outcome: Equatable, CustomStringConvertible {
        case allowed, signIn, forbidden, hidden

        var description: String {
            switch self {
            case .allowed: return "allowed"
            case .signIn: return "sign-in"
            case .forbidden: return "403"
            case .hidden: return "404"
            }
        }
    }

    struct Row {
        let route: String
        /// The concrete path, with the world's ids filled in.
        let path: @Sendable (World, TestApp) throws -> String
        let expected: [Outcome]
    }

    static let A = Outcome.allowed, S = Outcome.signIn, F = Outcome.forbidden, H = Outcome.hidden

    /// anonymous, employee, supervisor A, supervisor B, HR of the other organisation, HR, admin.
    static let rows: [Row] = [
        Row(route: "GET /", path: { _, _ in "/" }, expected: [S, A, A, A, A, A, A]),
        Row(route: "GET /sign-in", path: { _, _ in "/sign-in" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "POST /sign-in", path: { _, _ in "/sign-in" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "POST /language", path: { _, _ in "/language" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "GET /account/password", path: { _, _ in "/account/password" }, expected: [S, A, A, A, A, A, A]),
        Row(route: "POST /account/password", path: { _, _ in "/account/password" }, expected: [S, A, A, A, A, A, A]),
        // The code step needs the signed cookie of a right password; without it, back to sign-in.
        Row(route: "GET /sign-in/second-factor", path: { _, _ in "/sign-in/second-factor" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "POST /sign-in/second-factor", path: { _, _ in "/sign-in/second-factor" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "GET /sign-in/second-factor/setup", path: { _, _ in "/sign-in/second-factor/setup" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "POST /sign-in/second-factor/setup", path: { _, _ in "/sign-in/second-factor/setup" }, expected: [A, A, A, A, A, A, A]),
        // Own security settings: everyone signed in has their own.
        Row(route: "GET /account/security", path: { _, _ in "/account/security" }, expected: [S, A, A, A, A, A, A]),
        Row(route: "POST /account/security/confirm", path: { _, _ in "/account/security/confirm" }, expected: [S, A, A, A, A, A, A]),
        Row(route: "GET /account/security/authenticator", path: { _, _ in "/account/security/authenticator" },
            expected: [S, A, A, A, A, A, A]),
        Row(route: "POST /account/security/authenticator", path: { _, _ in "/account/security/authenticator" },
            expected: [S, A, A, A, A, A, A]),
        Row(route: "POST /account/security/authenticator/remove", path: { _, _ in "/account/security/authenticator/remove" },
            expected: [S, A, A, A, A, A, A]),
        Row(route: "POST /account/security/recovery-codes", path: { _, _ in "/account/security/recovery-codes" },
            expected: [S, A, A, A, A, A, A]),
        // The privacy notice is for everyone, signed in or not; only the organisation's HR edits it.
        Row(route: "GET /privacy", path: { _, _ in "/privacy" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "GET /organisations/:slug/privacy", path: { _, _ in "/organisations/jarvela/privacy" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "GET /organisations/:slug/privacy/edit", path: { _, _ in "/organisations/jarvela/privacy/edit" },
            expected: [S, F, F, F, H, A, A]),
        Row(route: "POST /organisations/:slug/privacy/edit", path: { _, _ in "/organisations/jarvela/privacy/edit" },
            expected: [S, F, F, F, H, A, A]),
        Row(route: "GET /account/sessions", path: { _, _ in "/account/sessions" }, expected: [S, A, A, A, A, A, A]),
        Row(route: "POST /account/sessions/end-others", path: { _, _ in "/account/sessions/end-others" }, expected: [S, A, A, A, A, A, A]),
        // Aino's other session: only she may end it.
        Row(route: "POST /account/sessions/:sessionID/end", path: { _, test in
            guard let aino = try UserStore(test.database).user(loginOrEmail: "tyontekija") else { throw TestFailure("no Aino") }
            let session = try SessionStore(test.database).create(Session(tokenHash: Data(repeating: 7, count: 32), userID: aino.id,
                                                                         csrfToken: "t", clientAddress: "203.0.113.9"))
            return "/account/sessions/\(session.id)/end"
        }, expected: [S, A, H, H, H, H, H]),
        Row(route: "GET /forgot-password", path: { _, _ in "/forgot-password" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "GET /set-password", path: { _, _ in "/set-password?t=nothing" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "POST /set-password", path: { _, _ in "/set-password" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "GET /accessibility", path: { _, _ in "/accessibility" }, expected: [A, A, A, A, A, A, A]),
        Row(route: "POST /sign-out", path: { _, _ in "/sign-out" }, expected: [S, A, A, A, A, A, A]),
        Row(route: "GET /organisations/:slug/import", path: { _, _ in "/organisations/jarvela/import" },
            expected: [S, F, F, F, H, A, A]),
        Row(route: "POST /organisations/:slug/import", path: { _, _ in "/organisations/jarvela/import" },
            expected: [S, F, F, F, H, A, A]),
        Row(route: "POST /organisations/:slug/import/apply", path: { _, _ in "/organisations/jarvela/import/apply" },
            expected: [S, F, F, F, H, A, A]),
        Row(route: "POST /organisations/:slug/import/confirm", path: { _, _ in "/organisations/jarvela/import/confirm" },
            expected: [S, F, F, F, H, A, A]),
        Row(route: "POST /organisations/:slug/imports/:importID/reactivate", path: { world, test in
            "/organisations/jarvela/imports/\(try recordedImport(world, test))/reactivate"
        }, expected: [S, F, F, F, H, A, A]),
    ] + AccessMatrixTests.staffRows + AccessMatrixTests.roundRows + AccessMatrixTests.surveyRows + AccessMatrixTests.resultsRows + AccessMatrixTests.frameworkRows
        + AccessMatrixTests.trainingRows + AccessMatrixTests.trainingAttendanceRows
        + AccessMatrixTests.trainingCalendarRows + AccessMatrixTests.trainingReportRows + AccessMatrixTests.complianceRows + AccessMatrixTests.mailRows
        + AccessMatrixTests.digitutorHelpRows
        + AccessMatrixTests.instructionRows
        + AccessMatrixTests.onboardingRows
        + AccessMatrixTests.discussionRows
        + AccessMatrixTests.toolkitRows
        + AccessMatrixTests.boardRows
        + AccessMatrixTests.singleSignOnRows

    /// An applied (empty) import of Järvelä's, for the routes that name one.
    static func recordedImport(_ world: World, _ test: TestApp) throws -> Int64 {
        let batch = EmployeeImportBatch(organisationID: world.jarvela.id, employees: [], deactivateMissing: false,
                                        today: "2026-12-07")
        _ = try EmployeeImportStore(test.database).apply(
            batch, recordedAs: EmployeeImportActor(userID: nil, login: nil, source: .commandLine, fileName: "x.csv"))
        guard let latest = try EmployeeImportStore(test.database).recentImports(organisationID: world.jarvela.id).first
        else { throw TestFailure("no import") }
        return latest.record.id
    }

    @Test func everyRouteHasARow() throws {
        let test = try TestApp()
        let assets = try #require(StaticFiles(directory: packageRoot + "/Public"))
        let covered = Set(Self.rows.map(\.route))
        let routes = test.app.routeList(staticFiles: assets).filter { $0.requirement != nil }
        let missing = routes.map { "\($0.method) \($0.pattern)" }.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "routes without an access-matrix row: \(missing)")
        let unknown = covered.subtracting(routes.map { "\($0.method) \($0.pattern)" })
        #expect(unknown.isEmpty, "rows for routes that do not exist: \(unknown)")
    }

    @Test(arguments: AccessMatrixTests.rows.indices)
    func routeAnswersEachUserAsExpected(_ index: Int) throws {
        let row = Self.rows[index]
        for (who, expected) in zip(Who.allCases, row.expected) {
            // A fresh world per user: an allowed POST may change what the next user would see.
            let test = try TestApp()
            let world = try World(test)
            let path = try row.path(world, test)
            let outcome = try outcome(of: row.route.hasPrefix("POST") ? .POST : .GET, path, as: who, test)
            #expect(outcome == expected, "\(row.route) as \(who.rawValue): \(outcome), expected \(expected)")
        }
    }

    /// Sends the request as `who`, with a valid CSRF token and an empty form for POSTs: enough to
    /// pass or fail authorisation, rarely enough to change anything.
    func outcome(of method: HTTPMethod, _ path: String, as who: Who, _ test: TestApp) throws -> Outcome {
        var browser = Browser(app: test)
        if let login = who.login {
            browser = try test.signIn(login)
        }
        try browser.get(who.login == nil ? "/sign-in" : "/")
        let response = method == .GET ? try browser.get(path) : try browser.post(path, [:])
        let location = response.headers["Location"] ?? ""
        switch response.status.code {
        case 403 where who == .anonymous && method == .POST: return .signIn
        case 403: return .forbidden
        case 404: return .hidden
        case 303 where location.hasPrefix("/sign-in?next="): return .signIn
        default: return .allowed
        }
    }
}
