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
        let audit = try AuditStore(demo.database).search(AuditQuery(organisationID: nil, action: "demo"), limit: 5)
        #expect(audit.map(\.action) == ["demo.load"])
        #expect(audit.first?.detail?.contains("400 employees") == true)
        // Two months of history for the audit log viewer: sign-ins, a mistyped password, HR's work.
        let history = try AuditStore(demo.database).search(AuditQuery(organisationID: demo.organisationID("jarvela")), limit: 2000)
        #expect(history.filter { $0.action == "sign_in.success" }.count > 100)
        #expect(Set(history.map(\.action)).isSuperset(of: ["sign_in.failure", "export", "role.assign", "personal_data.export"]))
        // And two people of Järvelä who left over two years ago, due for the first retention pass.
        #expect(try RetentionStore(demo.database).leaversDue(organisationID: demo.organisationID("jarvela"), today: DemoDataTests.today).count == 2)
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
        // The demo sign-ins have the password; the board's writers sign in through the identity
        // provider and have none that could be verified.
        let everyone = try users.users(organisationID: nil)
        #expect(everyone.filter { $0.user.passwordHash != DemoBoard.noPassword }.count == DemoData.signIns.count)
        #expect(everyone.filter { $0.user.passwordHash == DemoBoard.noPassword }
            .allSatisfy { !PasswordHasher().verify(DemoBoard.noPassword, against: $0.user.passwordHash) })
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
        #expect(Set(linked.keys) == ["esihenkilo", "esihenkilo2", "tyontekija", "digitutor"])
        // The digitutor sign-in is a colleague of tyontekija and the tutor of their unit.
        let tutorEmployee = try #require(linked["digitutor"])
        #expect(tutorEmployee.unitID == centre.id && tutorEmployee.id != linked["tyontekija"]?.id)
        let tutor = try #require(try TutorStore(demo.database).tutor(employeeID: tutorEmployee.id))
        #expect(tutor.units.contains { $0.unitID == centre.id } && tutor.status(on: DemoDataTests.today) == .active)
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

@Suite("Demo trainings")
struct DemoTrainingTests {
    /// One load the read-only tests share (loading is the slow part).
    private static let shared = Result { () throws -> (DemoDatabase, DemoSummary) in
        let demo = try DemoDatabase()
        return (demo, try demo.load(employees: 600, seed: 1))
    }

    private func loaded() throws -> (DemoDatabase, DemoSummary) {
        try Self.shared.get()
    }

    private var today: DemoDay {
        get throws { try #require(DemoDay(DemoDataTests.today)) }
    }

    @Test func theInstructionsLibraryHasAPinnedAIGuidelineOverdueReviewsAndKeyUsers() throws {
        let (demo, _) = try loaded()
        let jarvela = try demo.organisationID("jarvela")
        let store = InstructionStore(demo.database)
        let all = try store.instructions(organisationID: jarvela)
        #expect(all.count >= 30, "about 30 instructions in Järvelä, translations included")
        #expect(all.filter { $0.language == "sv" }.count >= 5 && all.filter { $0.translationOf != nil }.count >= 5)
        // The AI guideline is pinned and first.
        #expect(all.first?.pinned == true && all.first?.title.contains("Tekoäly") == true)
        #expect(all.filter(\.pinned).count == 1)
        // A few reviews are overdue on the demo's day, most are not.
        let overdue = try store.instructions(organisationID: jarvela, InstructionFilter(reviewDueBefore: DemoDataTests.today))
        #expect(overdue.count >= 3 && overdue.count < all.count / 3)
        // Sectors, owners, videos; search finds the password instruction.
        #expect(all.contains { $0.sectorID != nil } && all.contains { $0.sectorID == nil })
        let hits = try store.search("salasan", organisationID: jarvela)
        #expect(hits.first?.instruction.title == "Salasanan vaihtaminen ja unohtunut salasana")
        let first = try #require(hits.first)
        let password = try #require(try store.instruction(id: first.instruction.id))
        #expect(password.links.first?.url.hasPrefix("https://intra.jarvela.fi/") == true)
        // Solvik's library is Swedish, with its own pinned guideline.
        let solvik = try store.instructions(organisationID: try demo.organisationID("solvik"))
        #expect(!solvik.isEmpty && solvik.allSatisfy { $0.language == "sv" } && solvik.first?.pinned == true)
        // Key users for about ten systems, each with people of the organisation.
        let systems = try KeyUserStore(demo.database).systems(organisationID: jarvela)
        #expect(systems.count >= 9 && systems.filter { !$0.keyUsers.isEmpty }.count >= 9)
    }

    @Test func onboardingHasLayeredTemplatesAndChecklistsAtVariousStages() throws {
        let (demo, _) = try loaded()
        let jarvela = try demo.organisationID("jarvela")
        let store = OnboardingStore(demo.database)
        let templates = try store.templates(organisationID: jarvela)
        let organisation = try #require(templates.first { $0.template.layer == .organisation })
        #expect(organisation.latestVersion == 2 && organisation.itemCount == 15)
        #expect(templates.filter { $0.template.layer == .sector }.count == 3)
        // Early education's template has a named owner who is not HR: the daycare director.
        let director = try #require(try UserStore(demo.database).user(loginOrEmail: "esihenkilo"))
        let owned = try store.templates(ownedBy: director.id)
        #expect(owned.count == 1 && owned.first?.sectorID != nil && owned.first?.name.hasPrefix("Varhaiskasvatuksen") == true)
        let items = try store.items(versionID: organisation.latestVersionID)
        #expect(items.first { $0.key == "data-protection" }?.trainingID != nil, "the catalogue's data-protection course")
        #expect(items.first { $0.key == "ai-guideline" }?.instructionID != nil, "the library's AI guideline")
        // Some sector's review date has passed.
        #expect(templates.contains { ($0.template.reviewBy ?? "9999") < DemoDataTests.today })
        let counts = try store.overviewCounts(organisationID: jarvela, startingFrom: today.adding(days: -200).text, today: DemoDataTests.today)
        #expect(counts.count >= 10, "new hires of the last months have checklists")
        #expect(counts.contains { $0.requiredOpen == 0 } && counts.contains { $0.overdue > 0 } && counts.contains { $0.done == 0 || $0.requiredOpen > 3 })
        // The earliest hires keep the first version of the organisation's template.
        let checklistIDs = try demo.database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM onboarding_checklists WHERE organisation_id = ? ORDER BY id", arguments: [jarvela])
        }
        let keptFirst = try checklistIDs.filter { try store.checklist(id: $0)?.newerVersionExists == true }
        #expect(!keptFirst.isEmpty && keptFirst.count < checklistIDs.count)
    }

    @Test func aYearOfSessionsWithAttendanceRecordingsAndEvidence() throws {
        let (demo, summary) = try loaded()
        let counts = try demo.database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM training_sessions) AS sessions,
                       (SELECT count(*) FROM training_attendance) AS attendance,
                       (SELECT count(*) FROM training_completions WHERE kind = 'attended') AS attended,
                       (SELECT count(*) FROM training_completions WHERE kind = 'recording') AS recording,
                       (SELECT count(*) FROM training_completions WHERE kind = 'external') AS external,
                       (SELECT count(*) FROM training_attendance a
                        WHERE NOT EXISTS (SELECT 1 FROM training_completions c WHERE c.session_id = a.session_id
                                          AND c.employee_id = a.employee_id AND c.kind = 'attended')) AS unmatched,
                       (SELECT count(*) FROM training_sessions WHERE recording_url IS NOT NULL
                                                             AND recording_until IS NOT NULL) AS recorded,
                       (SELECT count(*) FROM training_series) AS series
                """)
        }
        let row = try #require(counts)
        #expect(summary.trainings.sessions == row["sessions"] as Int)
        #expect(summary.trainings.attendance == row["attendance"] as Int)
        #expect((row["sessions"] as Int) > 150, "a year of sessions")
        #expect(row["attendance"] as Int == row["attended"] as Int, "every attendance has its completion")
        #expect(row["unmatched"] as Int == 0)
        #expect((row["recording"] as Int) > 0 && (row["external"] as Int) > 0)
        #expect((row["recorded"] as Int) > 20)
        #expect(row["series"] as Int == 5, "three series in Järvelä, two in Solvik")

        // Feedback from some attendees, stored apart from them: as many credentials as answers, never
        // more answers than attendees on a session.
        let (answers, credentials, overfull) = try demo.database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM training_feedback") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM training_feedback_credentials") ?? 0,
             try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT session_id, count(*) AS n FROM training_feedback GROUP BY session_id) f
                WHERE f.n > (SELECT count(*) FROM training_attendance a WHERE a.session_id = f.session_id)
                """) ?? -1)
        }
        #expect(answers == summary.trainings.feedback && answers == credentials)
        #expect(answers * 6 > (row["attendance"] as Int) && answers * 3 < (row["attendance"] as Int))
        #expect(overfull == 0)

        // The series of the sources: 10 digi-tip themes, 10 security themes and six Microsoft 365 sessions.
        let themes = try demo.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.title_fi, count(t.id) AS themes, min(t.duration_minutes) AS shortest, max(t.duration_minutes) AS longest
                FROM training_series s JOIN trainings t ON t.series_id = s.id JOIN organisations o ON o.id = s.organisation_id
                WHERE o.slug = 'jarvela' GROUP BY s.id ORDER BY s.title_fi
                """).map { "\($0["title_fi"] as String): \($0["themes"] as Int) × \($0["shortest"] as Int)–\($0["longest"] as Int)" }
        }
        #expect(themes == ["Digiturvavartti: 10 × 15–15", "Digivinkkituokio: 10 × 15–15", "Microsoft 365 -tuokiot: 6 × 30–30"])

        // Nothing past is in the future, and sessions run the coming weeks too.
        let (past, coming) = try demo.database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM training_sessions WHERE starts_at < ?",
                              arguments: [try HelsinkiTime.instant(date: DemoDataTests.today, time: "00:00").unwrap()]) ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM training_sessions WHERE starts_at > ?",
                              arguments: [try HelsinkiTime.instant(date: DemoDataTests.today, time: "23:59").unwrap()]) ?? 0)
        }
        #expect(past > 100 && coming > 10)
        let latestAttendance = try demo.database.pool.read { db in
            try Date.fetchOne(db, sql: "SELECT max(s.starts_at) FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id")
        }
        #expect(try latestAttendance.map(HelsinkiTime.date).unwrap() < DemoDataTests.today)
    }

    @Test func sessionsAreAtNapTimeOnSiteOrOnTeamsInHelsinkiTime() throws {
        let (demo, _) = try loaded()
        let sessions = try demo.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.starts_at, s.ends_at, s.place, s.meeting_url, s.trainer_name, t.title_fi, t.format,
                       (SELECT count(*) FROM training_session_units u WHERE u.session_id = s.id) AS targets
                FROM training_sessions s JOIN trainings t ON t.id = s.training_id
                """)
        }
        let napTime = sessions.filter { ($0["title_fi"] as String).hasPrefix("Nukkarivartti") }
        #expect(!napTime.isEmpty)
        for row in napTime {
            #expect(HelsinkiTime.time(row["starts_at"]) == "12:30" && HelsinkiTime.time(row["ends_at"]) == "13:00")
            #expect((row["targets"] as Int) > 0, "nap-time sessions are aimed at daycare centres")
        }
        let onSite = sessions.filter { ($0["format"] as String) == "on_site" }
        #expect(!onSite.isEmpty && onSite.allSatisfy { !($0["place"] as String).isEmpty && ($0["meeting_url"] as String?) == nil })
        let teams = sessions.filter { ($0["format"] as String) == "remote" }
        #expect(teams.allSatisfy { ($0["meeting_url"] as String?)?.hasPrefix("https://") == true })
        #expect(sessions.allSatisfy { !($0["trainer_name"] as String).isEmpty })
        // Tuesdays at 14:00 in Helsinki, summer and winter time alike.
        let tips = sessions.filter { ($0["title_fi"] as String).hasPrefix("Digivinkki:") }
        #expect(tips.allSatisfy { HelsinkiTime.time($0["starts_at"]) == "14:00" })
        let offsets = Set(tips.map { (row: Row) -> Int in
            let start: Date = row["starts_at"]
            return TimeZone(identifier: "Europe/Helsinki")?.secondsFromGMT(for: start) ?? 0
        })
        #expect(offsets == [7200, 10800], "sessions on both sides of a daylight-saving change")
    }

    @Test func areasAudiencesAndTextsComeFromTheFrameworkAndTheOrganisations() throws {
        let (demo, _) = try loaded()
        let (codes, frameworkCodes, untranslated, audiences) = try demo.database.pool.read { db in
            (Set(try String.fetchAll(db, sql: "SELECT DISTINCT area_code FROM training_areas")),
             Set(try String.fetchAll(db, sql: "SELECT code FROM framework_areas WHERE kind = 'competence'")),
             try Int.fetchOne(db, sql: """
                SELECT count(*) FROM trainings WHERE title_sv = '' OR title_en = '' OR description_fi = ''
                                                  OR description_sv = '' OR description_en = ''
                """) ?? -1,
             try Row.fetchAll(db, sql: """
                SELECT t.title_fi, a.sector_id, a.job_group, sec.organisation_id AS sector_organisation
                FROM training_audience a JOIN trainings t ON t.id = a.training_id
                LEFT JOIN sectors sec ON sec.id = a.sector_id
                """))
        }
        #expect(codes == frameworkCodes, "every competence area has trainings, and no code is unknown")
        #expect(untranslated == 0)
        #expect(audiences.contains { ($0["title_fi"] as String).hasPrefix("Nukkarivartti") && ($0["sector_id"] as Int64?) != nil })
        #expect(audiences.contains { ($0["title_fi"] as String) == "Excelin perusteet" && ($0["job_group"] as String?) != nil })
        // Järvelä offers its series to Koskenkylä; Solvik runs its own in Swedish.
        let (offered, solvikLanguages) = try demo.database.pool.read { db in
            (try Int.fetchOne(db, sql: """
                SELECT count(*) FROM training_offers f JOIN organisations o ON o.id = f.organisation_id WHERE o.slug = 'koskenkyla'
                """) ?? 0,
             Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT t.language FROM trainings t JOIN organisations o ON o.id = t.organisation_id WHERE o.slug = 'solvik'
                """)))
        }
        #expect(offered >= 26)
        #expect(solvikLanguages == ["sv"])
        let trainers = try TrainingCatalogueStore(demo.database).trainers(organisationID: demo.organisationID("jarvela"))
        #expect(trainers == [try #require(try UserStore(demo.database).user(loginOrEmail: "koordinaattori")).id])
    }

    @Test func registrationHasOneFullSessionWithAWaitingListAndCancelledSessionsKeepTheirReason() throws {
        let (demo, _) = try loaded()
        let now = try HelsinkiTime.instant(date: DemoDataTests.today, time: "12:00").unwrap()
        let full = try demo.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.capacity,
                       (SELECT count(*) FROM training_enrolments e WHERE e.session_id = s.id AND e.state = 'enrolled') AS enrolled,
                       (SELECT count(*) FROM training_enrolments e WHERE e.session_id = s.id AND e.state = 'waiting') AS waiting
                FROM training_sessions s WHERE s.enrolment = 'registration' AND s.starts_at > ?
                """, arguments: [now])
        }
        let withQueue = full.filter { ($0["waiting"] as Int) > 0 }
        #expect(withQueue.count == 1)
        let session = try #require(withQueue.first)
        #expect(session["enrolled"] as Int == session["capacity"] as Int)
        let list = try EnrolmentStore(demo.database).list(sessionID: session["id"])
        let lastPlace = try #require(list.filter { $0.state == .enrolled }.map(\.enrolledAt).max())
        #expect(list.filter { $0.state == .waiting }.allSatisfy { $0.enrolledAt > lastPlace }, "the queue joined after the places went")
        #expect(full.contains { ($0["enrolled"] as Int) < ($0["capacity"] as Int) }, "another session still has places")

        let (assigned, cancelled) = try demo.database.pool.read { db in
            (try Int.fetchOne(db, sql: """
                SELECT count(*) FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id
                WHERE s.enrolment = 'assigned' AND e.kind = 'assigned' AND e.assigned_by IS NOT NULL AND s.starts_at > ?
                """, arguments: [now]) ?? 0,
             try Row.fetchAll(db, sql: """
                SELECT starts_at, cancel_reason, sequence,
                       (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id) AS present
                FROM training_sessions s WHERE status = 'cancelled'
                """))
        }
        #expect(assigned > 0, "new hires are assigned to the coming onboarding")
        #expect(cancelled.contains { ($0["starts_at"] as Date) > now } && cancelled.contains { ($0["starts_at"] as Date) < now })
        #expect(cancelled.allSatisfy { !(($0["cancel_reason"] as String?) ?? "").isEmpty && $0["sequence"] as Int == 1 })
        #expect(cancelled.allSatisfy { $0["present"] as Int == 0 })
    }

    @Test func tyontekijaHasAHistoryAPlaceAndASessionToFollow() throws {
        let (demo, _) = try loaded()
        let user = try #require(try UserStore(demo.database).user(loginOrEmail: "tyontekija"))
        let employeeID = try #require(user.employeeID)
        let employee = try #require(try EmployeeStore(demo.database).employee(id: employeeID))
        let history = try CompletionStore(demo.database).inForce(employeeID: employeeID)
        #expect(history.filter { $0.entry.kind == .attended }.count >= 3)
        #expect(history.contains { $0.entry.kind == .recording })
        // Tyontekija's feedback forms are still open.
        let feedback = TrainingFeedbackStore(demo.database)
        for session in history.compactMap(\.entry.sessionID) {
            #expect(try !feedback.hasGiven(sessionID: session, employeeID: employeeID))
        }
        #expect(history.allSatisfy { $0.entry.completedOn < DemoDataTests.today && $0.entry.completedOn >= (employee.startDate ?? "") })
        // Only trainings Järvelä's people may see: its own, or those offered to it.
        let jarvela = try demo.organisationID("jarvela")
        let catalogue = TrainingCatalogueStore(demo.database)
        for completion in history {
            let details = try #require(try catalogue.details(trainingID: completion.training.id))
            #expect(details.training.organisationID == jarvela || details.offeredTo.contains(jarvela),
                    "\(completion.training.titleFi) is not Järvelä's")
        }

        let now = try HelsinkiTime.instant(date: DemoDataTests.today, time: "23:59").unwrap()
        let places = try EnrolmentStore(demo.database).enrolments(employeeID: employeeID)
        let sessions = TrainingSessionStore(demo.database)
        let upcomingPlaces = try sessions.listings(sessionIDs: places.filter { $0.state == .enrolled }.map(\.sessionID))
            .filter { $0.session.startsAt > now }
        #expect(upcomingPlaces.contains { $0.session.enrolment == .registration })

        let followed = try EnrolmentStore(demo.database).followed(employeeID: employeeID)
        let followedListings = try sessions.listings(sessionIDs: Array(followed))
        let next = try #require(followedListings.first)
        #expect(next.session.startsAt > now && next.session.enrolment == .open)
        let centre = try #require(employee.unitID)
        #expect(try sessions.targetUnits(sessionID: next.session.id).contains(centre))
        // The centre has a coming session on site for its supervisor's unit view.
        let centreSessions = try demo.database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM training_session_units u JOIN training_sessions s ON s.id = u.session_id
                JOIN trainings t ON t.id = s.training_id
                WHERE u.unit_id = ? AND s.starts_at > ? AND t.format = 'on_site' AND s.status = 'scheduled'
                """, arguments: [centre, now]) ?? 0
        }
        #expect(centreSessions >= 1)
    }

    @Test func completionsVaryByAreaAndByUnit() throws {
        let (demo, _) = try loaded()
        let jarvela = try demo.organisationID("jarvela")
        let (byArea, byUnit) = try demo.database.pool.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT a.area_code, count(DISTINCT c.employee_id) AS people FROM training_completions c
                JOIN training_areas a ON a.training_id = c.training_id JOIN employees e ON e.id = c.employee_id
                WHERE e.organisation_id = ? GROUP BY a.area_code
                """, arguments: [jarvela]).reduce(into: [String: Int]()) { $0[$1["area_code"]] = $1["people"] },
             try Row.fetchAll(db, sql: """
                SELECT coalesce(u.parent_id, u.id) AS unit, count(DISTINCT e.id) AS staff,
                       count(DISTINCT c.employee_id) AS trained
                FROM employees e JOIN units u ON u.id = e.unit_id
                LEFT JOIN training_completions c ON c.employee_id = e.id
                WHERE e.organisation_id = ? AND e.active = 1 GROUP BY 1 HAVING staff >= 8
                """, arguments: [jarvela]).map { Double($0["trained"] as Int) / Double($0["staff"] as Int) })
        }
        #expect((byArea["information-security"] ?? 0) > 2 * (byArea["client-guidance"] ?? 0))
        let shares = byUnit.sorted()
        #expect(shares.count > 5)
        #expect((shares.last ?? 0) - (shares.first ?? 0) > 0.4, "some units train much more than others: \(shares)")
    }

    @Test func theDigitutorNetworkHasGapsAndItsInductionIsRequiredOfTutors() throws {
        let (demo, _) = try loaded()
        let jarvela = try demo.organisationID("jarvela")
        let tutors = try TutorStore(demo.database).tutors(organisationID: jarvela)
        let today = DemoDataTests.today
        let active = tutors.filter { $0.status(on: today) == .active }
        #expect(active.count > 10 && active.count < tutors.count, "some tutors are paused")
        #expect(tutors.contains { $0.tutor.plannedEndOn.map { $0 > today } ?? false }, "one ends soon")
        let served = Set(tutors.flatMap { $0.units.map(\.unitID) })
        let units = try UnitStore(demo.database).units(organisationID: jarvela)
        #expect(units.contains { !served.contains($0.id) }, "coverage has gaps")

        let requirement = try #require(try RequirementStore(demo.database).definitions(organisationID: jarvela)
            .first { $0.requirement.titleFi.hasPrefix("Digituutorin perehdytys") })
        let version = try #require(requirement.version(on: today))
        #expect(version.audience.roles == [.digitutors] && version.version.validityMonths == nil)
        let trainingID = try #require(version.trainingIDs.first)
        let completed = try Set(active.filter { tutor in
            try CompletionStore(demo.database).inForce(employeeID: tutor.tutor.employeeID).contains { $0.training.id == trainingID }
        }.map(\.tutor.id))
        #expect(completed.count > active.count / 2 && completed.count < active.count,
                "most tutors have had the induction, not all: \(completed.count) of \(active.count)")

        // A year of help log: Teams the most common topic, and no entry on a weekend.
        let log = try TutorStore(demo.database).helpLog(organisationID: jarvela, from: "2000-01-01")
        #expect(log.count > 20 * active.count, "a year of help: \(log.count) entries")
        let byTopic = Dictionary(grouping: log, by: \.topicID).mapValues(\.count)
        let teams = try TutorStore(demo.database).topics(organisationID: jarvela).first { $0.name.fi.hasPrefix("Teams") }
        #expect(byTopic.max { $0.value < $1.value }?.key == teams?.id)
        #expect(log.allSatisfy { entry in DemoDay(entry.day).map(DemoTutorHelp.isWorkingDay) ?? false })
    }

    @Test func theSameSeedGivesTheSameYear() throws {
        let first = try DemoDatabase(), second = try DemoDatabase(), other = try DemoDatabase()
        try first.load(employees: 300, seed: 9)
        try second.load(employees: 300, seed: 9)
        try other.load(employees: 300, seed: 10)
        let rows = { (demo: DemoDatabase) in
            try demo.database.pool.read { db in
                try [
                    "SELECT * FROM trainings ORDER BY id", "SELECT * FROM training_areas ORDER BY 1, 2",
                    "SELECT * FROM training_audience ORDER BY 1, 2, 3",
                    // Everything but the check-in key, which is a secret drawn at random.
                    """
                    SELECT id, training_id, uid, starts_at, ends_at, place, meeting_url, trainer_name, capacity, enrolment,
                           status, cancel_reason, cancelled_at, recording_url, recording_until, sequence FROM training_sessions
                    ORDER BY id
                    """,
                    "SELECT * FROM training_session_units ORDER BY 1, 2", "SELECT * FROM training_enrolments ORDER BY 1, 2",
                    "SELECT * FROM training_follows ORDER BY 1, 2", "SELECT * FROM training_attendance ORDER BY 1, 2",
                    "SELECT * FROM training_completions ORDER BY id",
                    "SELECT id, employee_id, languages, ask_anytime, contact_note, planned_end_on FROM tutors ORDER BY id",
                    "SELECT tutor_id, status, from_on FROM tutor_status_changes ORDER BY id",
                ].map { sql in try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues.map(\.description)) } }
            }
        }
        let firstRows = try rows(first)
        #expect(firstRows[3].count > 50 && firstRows[7].count > 100)
        #expect(firstRows == (try rows(second)))
        #expect(firstRows != (try rows(other)))
        let keys = { (demo: DemoDatabase) in
            try demo.database.pool.read { db in try String.fetchAll(db, sql: "SELECT check_in_key FROM training_sessions ORDER BY id") }
        }
        let firstKeys = try keys(first)
        #expect(Set(firstKeys).count == firstKeys.count && firstKeys.allSatisfy { $0.count >= 22 })
        #expect(firstKeys != (try keys(second)), "check-in keys are not derived from the seed")
    }
}

private extension Optional {
    func unwrap() throws -> Wrapped {
        guard let value = self else { throw TestFailure("nil") }
        return value
    }
}
