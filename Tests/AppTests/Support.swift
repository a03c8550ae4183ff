import Foundation
import HTTPServer
import Logging
import Testing
@testable import App
@testable import Storage

/// The package root, found from this file's path, for the real Migrations, Templates and Public.
let packageRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A migrated database in a temporary folder and the web application over it, driven in-process
/// through the same router and pipeline the server uses.
final class TestApp: @unchecked Sendable {
    let folder: String
    let database: AppDatabase
    let app: WebApp
    let responder: RouterResponder
    private var ownsFolder = true
    static let password = "correct horse battery staple"

    /// `scrubDelay`: how long after a survey write the write-ahead log is truncated (tests that read
    /// the log set it long).
    init(settings: AppSettings = TestApp.fastSettings, scrubDelay: TimeInterval = HistoryScrubber.defaultDelay) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("app-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = try AppDatabase(path: folder + "/test.sqlite",
                                   catalog: MigrationCatalog(directory: packageRoot + "/Migrations"), key: ServerKey.generate(),
                                   scrubDelay: scrubDelay)
        _ = try database.migrate()
        app = try WebApp(database: database, templatesDirectory: packageRoot + "/Templates", settings: settings,
                         logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        guard let assets = StaticFiles(directory: packageRoot + "/Public") else { throw TestFailure("no Public/") }
        responder = app.responder(staticFiles: assets)
    }

    /// A second application over `other`'s database and key, as after a server restart: nothing in
    /// memory survives. The folder stays `other`'s to remove.
    init(reopening other: TestApp) throws {
        folder = other.folder
        database = other.database
        ownsFolder = false
        app = try WebApp(database: database, templatesDirectory: packageRoot + "/Templates", settings: TestApp.fastSettings,
                         logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        guard let assets = StaticFiles(directory: packageRoot + "/Public") else { throw TestFailure("no Public/") }
        responder = app.responder(staticFiles: assets)
    }

    deinit {
        if ownsFolder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Few PBKDF2 rounds: the tests check the logic, not the cost.
    static var fastSettings: AppSettings {
        var settings = AppSettings()
        settings.passwordRounds = 1000
        // HR and administrators sign in here by password alone; the second factor's own tests
        // (`SecondFactorTests`) turn the requirement back on.
        settings.secondFactorRoles = []
        return settings
    }

    /// Sends one request through the router; `form` is URL-encoded into the body.
    func send(_ method: HTTPMethod, _ target: String, cookies: [String: String] = [:],
              form: [(String, String)]? = nil, headers extra: [(String, String)] = [],
              address: String = "127.0.0.1:40000") throws -> Response {
        var headers: HTTPHeaders = ["Host": "localhost"]
        if !cookies.isEmpty {
            headers.add("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var body: [UInt8] = []
        if let form {
            headers.add("Content-Type", "application/x-www-form-urlencoded")
            body = Array(form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&").utf8)
        }
        for (name, value) in extra { headers.add(name, value) }
        var request = try Request(method: method, target: target, headers: headers, body: body)
        request.remoteAddress = address
        return responder.respond(to: request)
    }

    /// Signs in through the real form and returns the browser's cookies afterwards.
    func signIn(_ login: String, password: String = TestApp.password) throws -> Browser {
        var browser = Browser(app: self)
        _ = try browser.get("/sign-in")
        let response = try browser.post("/sign-in", ["login": login, "password": password, "next": "/"])
        guard response.status.code == 303 else {
            throw TestFailure("sign-in as \(login) answered \(response.status.code)")
        }
        return browser
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// A cookie jar over `TestApp`, that fills in the CSRF token from the last page it saw.
struct Browser {
    let app: TestApp
    var cookies: [String: String] = [:]
    var lastBody = ""

    init(app: TestApp) {
        self.app = app
    }

    @discardableResult
    mutating func get(_ target: String) throws -> Response {
        let response = try app.send(.GET, target, cookies: cookies)
        absorb(response)
        return response
    }

    /// Posts `fields` plus the CSRF token of the last page fetched.
    @discardableResult
    mutating func post(_ target: String, _ fields: [String: String], token: String? = nil,
                       headers: [(String, String)] = []) throws -> Response {
        var form = fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        form.append(("csrf_token", token ?? csrfToken ?? ""))
        let response = try app.send(.POST, target, cookies: cookies, form: form, headers: headers)
        absorb(response)
        return response
    }

    var csrfToken: String? {
        guard let range = lastBody.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        let rest = lastBody[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private mutating func absorb(_ response: Response) {
        for value in response.headers.values("Set-Cookie") {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count >= 1 else { continue }
            let name = String(pair[0])
            let cookieValue = pair.count == 2 ? String(pair[1]) : ""
            if cookieValue.isEmpty || value.contains("Max-Age=0") {
                cookies[name] = nil
            } else {
                cookies[name] = cookieValue
            }
        }
        if case .bytes(let bytes) = response.body {
            lastBody = String(decoding: bytes, as: UTF8.self)
        } else {
            lastBody = ""
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Response {
    var text: String {
        if case .bytes(let bytes) = body { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }
}

/// Two organisations with units, people and one sign-in per role: the access matrix's cast.
struct World: Sendable {
    let jarvela: Stored<Organisation>
    let koskenkyla: Stored<Organisation>
    let unitA: Stored<WorkUnit>
    let unitA1: Stored<WorkUnit>
    let unitB: Stored<WorkUnit>
    let unitC: Stored<WorkUnit>
    let employeeA: Stored<Employee>
    let employeeA1: Stored<Employee>
    let employeeB: Stored<Employee>
    let employeeC: Stored<Employee>

    static let logins = ["tyontekija", "esihenkilo.a", "esihenkilo.b", "hr.koskenkyla", "hr", "admin"]

    init(_ test: TestApp) throws {
        let database = test.database
        jarvela = try OrganisationStore(database).create(slug: "jarvela", name: "Järvelä")
        koskenkyla = try OrganisationStore(database).create(slug: "koskenkyla", name: "Koskenkylä")
        let units = UnitStore(database)
        let sector = try SectorStore(database).create(organisationID: jarvela.id, name: "Varhaiskasvatus")
        unitA = try units.create(WorkUnit(organisationID: jarvela.id, sectorID: sector.id, name: "Päiväkoti Satakieli"))
        unitA1 = try units.create(WorkUnit(organisationID: jarvela.id, sectorID: sector.id, parentID: unitA.id,
                                       name: "Satakieli, esiopetus"))
        unitB = try units.create(WorkUnit(organisationID: jarvela.id, sectorID: sector.id, name: "Päiväkoti Peippo"))
        unitC = try units.create(WorkUnit(organisationID: koskenkyla.id, name: "Koskenkylän koulu"))
        let employees = EmployeeStore(database)
        employeeA = try employees.create(Employee(organisationID: jarvela.id, hrNumber: "1001", firstName: "Aino",
                                                  lastName: "Aaltonen", unitID: unitA.id))
        employeeA1 = try employees.create(Employee(organisationID: jarvela.id, hrNumber: "1002", firstName: "Eero",
                                                   lastName: "Esiopettaja", unitID: unitA1.id))
        employeeB = try employees.create(Employee(organisationID: jarvela.id, hrNumber: "2001", firstName: "Bertta",
                                                  lastName: "Björk", unitID: unitB.id, language: "sv"))
        employeeC = try employees.create(Employee(organisationID: koskenkyla.id, hrNumber: "1001",
                                                  firstName: "Kalle", lastName: "Koski", unitID: unitC.id))
        let hash = try PasswordHasher(rounds: 1000).hash(TestApp.password)
        let users = UserStore(database)
        func user(_ login: String, employee: Stored<Employee>? = nil, _ roles: [RoleAssignment]) throws {
            let created = try users.create(User(login: login, passwordHash: hash, employeeID: employee?.id))
            for var role in roles {
                role.userID = created.id
                _ = try users.assign(role)
            }
        }
        try user("tyontekija", employee: employeeA, [RoleAssignment(userID: 0, role: .employee)])
        try user("esihenkilo.a", [RoleAssignment(userID: 0, role: .supervisor, unitID: unitA.id)])
        try user("esihenkilo.b", [RoleAssignment(userID: 0, role: .supervisor, unitID: unitB.id)])
        try user("hr.koskenkyla", [RoleAssignment(userID: 0, role: .hr, organisationID: koskenkyla.id)])
        try user("hr", [RoleAssignment(userID: 0, role: .hr, organisationID: jarvela.id)])
        try user("admin", [RoleAssignment(userID: 0, role: .admin)])
    }
}
