import Foundation
import GRDB
import Testing
@testable import App
@testable import Demo
@testable import Storage

/// A migrated database in its own temporary folder, removed when the value goes.
private final class DemoDatabase: @unchecked Sendable {
    let folder: String
    let database: AppDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = try AppDatabase(path: folder + "/demo.sqlite",
                                   catalog: MigrationCatalog(directory: packageRoot + "/Migrations"), key: ServerKey.generate())
        _ = try database.migrate()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Loads the demo with cheap password hashes: the tests check the data, not the hashing cost.
    @discardableResult
    func load(employees: Int = 400, seed: UInt64 = 1) throws -> DemoSummary {
        try DemoLoader(database: database, hasher: PasswordHasher(rounds: 1000))
            .load(employees: employees, seed: seed, today: DemoDataTests.today)
    }

    /// Every stored employee column except the import timestamps, in id order.
    func employeeRows() throws -> [[String]] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, organisation_id, hr_number, first_name, last_name, email, phone, unit_id, job_title,
                       job_group, start_date, end_date, language, active FROM employees ORDER BY id
                """).map { row in row.databaseValues.map(\.description) }
        }
    }

    func organisationID(_ slug: String) throws -> Int64 {
        try #require(try OrganisationStore(database).organisation(slug: slug)?.id)
    }
}

@Suite("Demo data")
struct DemoDataTests {
    static let today = "2026-11-23"

    private func plan(employees: Int = 1000, seed: UInt64 = 1) throws -> DemoPlan {
        try DemoGenerator(employeeCount: employees, seed: seed, today: try #require(DemoDay(Self.today))).plan()
    }

    @Test func theSameSeedGivesTheSamePlanAndAnotherSeedAnother() throws {
        let first = try plan(seed: 7), second = try plan(seed: 7), other = try plan(seed: 8)
        #expect(first.organisations.map(\.employees) == second.organisations.map(\.employees))
        #expect(first.organisations.map(\.units) == second.organisations.map(\.units))
        #expect(first.anchors == second.anchors)
        #expect(first.organisations.map(\.employees) != other.organisations.map(\.employees))
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // The first outputs for seed 0 of the reference C implementation (Vigna, prng.di.unimi.it).
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func employeesAreSplitSixtyThirtyTenOverTheFixedOrganisations() throws {
        let plan = try plan(employees: 1000)
        #expect(plan.organisations.map(\.organisation.slug) == ["jarvela", "koskenkyla", "solvik"])
        #expect(plan.organisations.map(\.organisation.name) == ["Järvelän kaupunki", "Koskenkylän kunta", "Solviks kommun"])
        #expect(plan.organisations.map(\.employees.count) == [600, 300, 100])
        #expect(try self.plan(employees: 40_000).employeeCount == 40_000)
    }

    @Test func unitsNestAreUniquelyNamedAndAreMostlyFiveToSixtyWithSomeSmallOnes() throws {
        let plan = try plan(employees: 4000)
        for organisation in plan.organisations {
            let names = organisation.units.map(\.name)
            #expect(Set(names).count == names.count, "unit names repeat in \(organisation.organisation.slug)")
            var seen = Set<String>()
            for unit in organisation.units {
                if let parent = unit.parentName { #expect(seen.contains(parent), "\(unit.name) comes before its parent") }
                #expect(organisation.sectorNames.contains(unit.sectorName))
                seen.insert(unit.name)
            }
            #expect(organisation.employees.allSatisfy { $0.unitName.map(seen.contains) == true })
            let sizes = Dictionary(grouping: organisation.employees, by: { $0.unitName ?? "" }).mapValues(\.count)
            #expect(sizes.values.allSatisfy { $0 <= 60 })
            #expect(sizes.values.contains { (3...4).contains($0) }, "no small units for anonymity rules to act on")
            #expect(sizes.values.filter { $0 >= 5 }.count * 2 > sizes.count)
        }
        let jarvela = try #require(plan.organisations.first)
        #expect(jarvela.units.contains { $0.parentName == plan.anchors.daycareCentre })
        #expect(jarvela.units.contains { $0.parentName != nil && $0.name.hasSuffix(", esiopetus") })
        #expect(Set(jarvela.sectorNames) == ["Varhaiskasvatus", "Perusopetus", "Ruoka- ja puhtauspalvelut",
                                             "Tekniset palvelut", "Sosiaali- ja terveyspalvelut", "Hallinto",
                                             "Kulttuuri- ja vapaa-aikapalvelut"])
    }

    @Test func jobsDatesContactsAndLanguagesLookReal() throws {
        let plan = try plan(employees: 4000)
        let everyone = plan.organisations.flatMap(\.employees)
        let titles = Set(everyone.compactMap(\.jobTitle))
        for title in ["varhaiskasvatuksen opettaja", "varhaiskasvatuksen lastenhoitaja", "luokanopettaja",
                      "koulunkäynninohjaaja", "ruokapalvelutyöntekijä", "laitoshuoltaja", "kiinteistönhoitaja",
                      "sairaanhoitaja", "lähihoitaja", "toimistosihteeri", "kirjastovirkailija", "päiväkodinjohtaja",
                      "rehtori"] {
            #expect(titles.contains(title), "no \(title)")
        }
        #expect(everyone.allSatisfy { $0.jobGroup?.isEmpty == false })
        let starts = everyone.compactMap { $0.startDate.flatMap(DemoDay.init) }
        let today = try #require(DemoDay(Self.today))
        #expect(starts.count == everyone.count)
        let earliest = try #require(starts.min())
        #expect(earliest < today.adding(days: -30 * 365), "careers do not span decades")
        #expect(starts.contains { $0 > today.adding(days: -90) && $0 <= today }, "no recent hires to onboard")
        let ends = everyone.compactMap { $0.endDate.flatMap(DemoDay.init) }
        #expect(ends.contains { $0 < today } && ends.contains { $0 > today })
        #expect(ends.count < everyone.count / 5)
        let emailPattern = /^[a-z0-9-]+\.[a-z0-9-]+[0-9]*@(jarvela|koskenkyla|solvik)\.example$/
        #expect(everyone.compactMap(\.email).allSatisfy { $0.wholeMatch(of: emailPattern) != nil })
        #expect(everyone.compactMap(\.phone).allSatisfy { $0.wholeMatch(of: /^\+358 4[0-9] [0-9]{3} [0-9]{4}$/) != nil })
        #expect(Set(everyone.map(\.language)) == ["fi", "sv", "en"])
        #expect(DemoPeople.asciiFolded("Äijälä-Öhman") == "aijala-ohman")
        #expect(DemoPeople.asciiFolded("Åsa Rodríguez") == "asarodriguez")
    }

    @Test func solvikIsSwedishSpeaking() throws {
        let plan = try plan(employees: 4000)
        let solvik = try #require(plan.organisations.first { $0.organisation.slug == "solvik" })
        let swedish = solvik.employees.filter { $0.language == "sv" }
        #expect(swedish.count * 4 > solvik.employees.count * 3)
        let swedishNames = Set(DemoNames.swedishWomen + DemoNames.swedishMen)
        #expect(swedish.allSatisfy { swedishNames.contains($0.firstName) && DemoNames.swedishLastNames.contains($0.lastName) })
        #expect(solvik.sectorNames.contains("Småbarnspedagogik"))
        #expect(solvik.units.contains { $0.name.hasPrefix("Daghemmet ") })
        #expect(solvik.employees.contains { $0.jobTitle == "barnskötare inom småbarnspedagogik" })
        let jarvela = try #require(plan.organisations.first)
        #expect(jarvela.employees.filter { $0.language == "fi" }.count * 10 > jarvela.employees.count * 8)
    }

    @Test func calendarDaysRoundTrip() throws {
        #expect(DemoDay("1970-01-01")?.daysSinceEpoch == 0)
        #expect(DemoDay("2024-02-29")?.adding(days: 1).text == "2024-03-01")
        #expect(DemoDay("1985-12-31")?.adding(days: 1).text == "1986-01-01")
        #expect(DemoDay("2023-02-29") == nil)
        #expect(DemoDay("2023-2-1") == nil)
        for days in stride(from: -20_000, through: 40_000, by: 997) {
            let day = DemoDay(daysSinceEpoch: days)
            #expect(DemoDay(day.text) == day)
        }
    }

    @Test func anEmployeeCountOutsideTheRangeIsRefused() throws {
        #expect(throws: DemoError.employeeCountOutOfRange(10)) { try self.plan(employees: 10) }
    }
}

@Suite("Demo load")
struct DemoLoadTests {
    @Test func loadsTheCountsAndAnAuditLine() throws {
        let demo = try DemoDatabase()
        let summary = try demo.load(employees: 400)
        #expect(summary.employees == 400)
        let employees = EmployeeStore(demo.database)
        #expect(try employees.count(organisationID: demo.organisationID("jarvela"), activeOnly: false) == 240)
        #expect(try employees.count(organisationID: demo.organisationID("koskenkyla"), activeOnly: false) == 120)
        #expect(try employees.count(organisationID: demo.organisationID("solvik"), activeOnly: false) == 40)
        let active = try employees.count(organisationID: demo.organisationID("jarvela"), activeOnly: true)
        #expect(active < 240 && active > 200, "a few who have left are inactive")
        let units = try UnitStore(demo.database).units(organisationID: demo.organisationID("jarvela"))
        #expect(units.count == summary.organisations[0].units)
        #expect(units.allSatisfy { $0.sectorID != nil })
        #expect(try SectorStore(demo.database).sectors(organisationID: demo.organisationID("solvik")).count == 7)
        let audit = try AuditStore(demo.database).latest(limit: 5)
        #expect(audit.map(\.action) == ["demo.load"])
        #expect(audit.first?.detail?.contains("400 employees") == true)
    }

    @Test func hrsLatestImportIsInTheHistoryWithThreeLeaversToReactivate() throws {
        let demo = try DemoDatabase()
        _ = try demo.load(employees: 400)
        let recent = try EmployeeImportStore(demo.database).recentImports(organisationID: demo.organisationID("jarvela"))
        #expect(recent.count == 1)
        #expect(recent.first?.record.login == "hr")
        #expect(recent.first?.record.deactivated == 3)
        #expect(recent.first?.reactivatable == 3)
    }

    @Test func everySignInHasItsRoleScopeAndThePassword() throws {
        let demo = try DemoDatabase()
        let summary = try demo.load()
        let users = UserStore(demo.database), unitStore = UnitStore(demo.database)
        let employees = EmployeeStore(demo.database)
        let jarvela = try demo.organisationID("jarvela"), koskenkyla = try demo.organisationID("koskenkyla")
        #expect(try users.users(organisationID: nil).count == DemoData.signIns.count)
        var roles: [String: Stored<RoleAssignment>] = [:]
        var linked: [String: Stored<Employee>] = [:]
        for signIn in DemoData.signIns {
            let user = try #require(try users.user(loginOrEmail: signIn.login), "no sign-in \(signIn.login)")
            #expect(PasswordHasher().verify(DemoData.password, against: user.passwordHash), "\(signIn.login)")
            #expect(!PasswordHasher().verify("wrong", against: user.passwordHash))
            let userID = user.id
            let assigned = try users.roles(userID: userID)
            #expect(assigned.map(\.role) == [signIn.role], "\(signIn.login)")
            roles[signIn.login] = assigned.first
            if let employeeID = user.employeeID { linked[signIn.login] = try employees.employee(id: employeeID) }
        }
        #expect(roles["admin"]?.organisationID == nil && roles["admin"]?.unitID == nil)
        #expect(roles["hr"]?.organisationID == jarvela)
        #expect(roles["hr.koskenkyla"]?.organisationID == koskenkyla)
        #expect(roles["koordinaattori"]?.role == .tutorCoordinator && roles["koordinaattori"]?.organisationID == jarvela)

        let centreID = try #require(roles["esihenkilo"]?.unitID)
        let centre = try #require(try unitStore.unit(id: centreID))
        #expect(centre.organisationID == jarvela && centre.name == summary.daycareCentre)
        #expect(centre.name.hasPrefix("Päiväkoti") || centre.name.hasSuffix("päiväkoti"))
        #expect(try unitStore.unitAndDescendantIDs(of: centreID).count > 1, "the centre has no groups")
        #expect(linked["esihenkilo"]?.unitID == centre.id && linked["esihenkilo"]?.jobTitle == "päiväkodinjohtaja")
        #expect(linked["tyontekija"]?.unitID == centre.id && linked["tyontekija"]?.active == true)

        let schoolID = try #require(roles["esihenkilo2"]?.unitID)
        let school = try #require(try unitStore.unit(id: schoolID))
        #expect(school.organisationID == jarvela && school.name == summary.school)
        let basicEducation = try SectorStore(demo.database).sectors(organisationID: jarvela)
            .first { $0.name == "Perusopetus" }
        #expect(school.sectorID == basicEducation?.id)
        #expect(linked["esihenkilo2"]?.unitID == school.id && linked["esihenkilo2"]?.jobTitle == "rehtori")
        #expect(Set(linked.keys) == ["esihenkilo", "esihenkilo2", "tyontekija"])
        #expect(linked.values.allSatisfy { $0.active && $0.endDate == nil })
    }

    @Test func twoLoadsWithTheSameSeedStoreTheSameEmployees() throws {
        let first = try DemoDatabase(), second = try DemoDatabase(), other = try DemoDatabase()
        try first.load(seed: 42)
        try second.load(seed: 42)
        try other.load(seed: 43)
        let rows = try first.employeeRows()
        #expect(rows.count == 400)
        #expect(rows == (try second.employeeRows()))
        #expect(rows != (try other.employeeRows()))
        let unitNames = { (demo: DemoDatabase) in
            try demo.database.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM units ORDER BY id") }
        }
        #expect(try unitNames(first) == (try unitNames(second)))
    }

    @Test func aDatabaseWithOrganisationsIsRefused() throws {
        let demo = try DemoDatabase()
        _ = try OrganisationStore(demo.database).create(slug: "oma", name: "Oma kunta")
        #expect(throws: DemoError.databaseNotEmpty) { try demo.load() }
        #expect(try OrganisationStore(demo.database).all().count == 1)
    }

    @Test func progressReachesTheTotal() throws {
        let demo = try DemoDatabase()
        var reports: [Int] = []
        _ = try DemoLoader(database: demo.database, hasher: PasswordHasher(rounds: 1000))
            .load(employees: 9000, seed: 1, today: DemoDataTests.today) { stored, total in
                #expect(total == 9000)
                reports.append(stored)
            }
        #expect(reports.first == 0 && reports.last == 9000)
        #expect(reports == reports.sorted() && reports.count > 3)
    }
}
