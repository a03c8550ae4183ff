import Foundation
import GRDB
import Testing
@testable import App
@testable import Demo
@testable import Storage

/// A demo database with survey rounds, in its own temporary folder, removed when the value goes.
private final class DemoSurveyDatabase: @unchecked Sendable {
    static let today = "2026-11-23"
    /// One load that the read-only tests share: loading is the slow part.
    static let shared = Result { try DemoSurveyDatabase(employees: 600, seed: 1) }

    let folder: String
    let database: AppDatabase
    let summary: DemoSummary
    /// The demo's responses opened from their sealed boxes into tables of the old, plain shape
    /// (`survey_responses`, `survey_area_scores`, `survey_open_answers`), with the live database
    /// attached for everything else, so the tests below can ask their questions in SQL.
    let opened: DatabaseQueue

    init(employees: Int, seed: UInt64) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-surveys-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = try AppDatabase(path: folder + "/demo.sqlite",
                                   catalog: MigrationCatalog(directory: packageRoot + "/Migrations"), key: ServerKey.generate())
        _ = try database.migrate()
        summary = try DemoLoader(database: database, hasher: PasswordHasher(rounds: 1000))
            .load(employees: employees, seed: seed, today: Self.today)
        opened = try Self.openResponses(database, into: folder)
    }

    private static func openResponses(_ database: AppDatabase, into folder: String) throws -> DatabaseQueue {
        let rows = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, round_id, sealed FROM survey_responses")
        }
        let queue = try DatabaseQueue(path: folder + "/opened.sqlite")
        try queue.inDatabase { db in
            try db.execute(sql: "ATTACH DATABASE ? AS live", arguments: [folder + "/demo.sqlite"])
            try db.execute(sql: """
                CREATE TABLE survey_responses (key INTEGER PRIMARY KEY, round_id INTEGER, unit_id INTEGER,
                                               sector_id INTEGER, job_group TEXT, answers TEXT);
                CREATE TABLE survey_area_scores (response_key INTEGER, area_id INTEGER, score REAL);
                CREATE TABLE survey_open_answers (response_key INTEGER, question_id INTEGER, text TEXT);
                """)
            for row in rows {
                let key: Int64 = row[0], roundID: Int64 = row[1]
                let content = try SurveyResultsStore.open(row[2], roundID: roundID, key: key, secrets: database.secrets)
                try db.execute(sql: "INSERT INTO survey_responses VALUES (?, ?, ?, ?, ?, ?)", arguments: [
                    key, roundID, content.unitID, content.sectorID, content.jobGroup, content.answers])
                for (area, score) in content.areaScores {
                    try db.execute(sql: "INSERT INTO survey_area_scores VALUES (?, ?, ?)", arguments: [key, area, score])
                }
                for (question, text) in content.openAnswers {
                    try db.execute(sql: "INSERT INTO survey_open_answers VALUES (?, ?, ?)",
                                   arguments: [key, question, text])
                }
            }
        }
        return queue
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func organisationID(_ slug: String) throws -> Int64 {
        try #require(try OrganisationStore(database).organisation(slug: slug)?.id)
    }

    /// An organisation's rounds, oldest first.
    /// The organisation's rounds put to everyone, oldest first (Järvelä's one-unit pilot is left out).
    func rounds(_ slug: String) throws -> [Stored<SurveyRound>] {
        let store = SurveyRoundStore(database)
        return try store.rounds(organisationID: organisationID(slug)).reversed().filter { try store.scope(roundID: $0.id).isEmpty }
    }

    /// Järvelä's identified pilot round, put to esihenkilo's daycare centre only.
    func pilot() throws -> Stored<SurveyRound> {
        let store = SurveyRoundStore(database)
        return try #require(try store.rounds(organisationID: organisationID("jarvela")).first { !(try store.scope(roundID: $0.id).isEmpty) })
    }

    func employeeID(login: String) throws -> Int64 {
        try #require(try UserStore(database).user(loginOrEmail: login)?.employeeID)
    }

    /// Mean score of an area over the responses of some rounds (ids joined by commas), optionally only of some.
    func mean(area: String, roundIDs: String, where condition: String = "1") throws -> Double {
        try opened.read { db in
            try Double.fetchOne(db, sql: """
                SELECT avg(s.score) FROM survey_area_scores s
                JOIN framework_areas a ON a.id = s.area_id
                JOIN survey_responses r ON r.key = s.response_key
                LEFT JOIN sectors sector ON sector.id = r.sector_id
                WHERE a.code = ? AND r.round_id IN (\(roundIDs)) AND (\(condition))
                """, arguments: [area])
        } ?? 0
    }

    /// Per round, in id order: title, status, mode, invited, answered, responses, open answers, owners,
    /// the mean of every area to three decimals and the count of each answer character.
    func figures() throws -> [String] {
        try opened.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, r.title, r.status, r.mode, r.opens_on, r.closes_on,
                       (SELECT count(*) FROM survey_invitations i WHERE i.round_id = r.id) AS invited,
                       (SELECT count(*) FROM survey_answer_credentials c WHERE c.round_id = r.id) AS answered,
                       (SELECT count(*) FROM survey_responses s WHERE s.round_id = r.id) AS responses,
                       (SELECT count(*) FROM survey_open_answers o JOIN survey_responses s ON s.key = o.response_key
                        WHERE s.round_id = r.id) AS open_answers,
                       (SELECT count(*) FROM survey_response_owners o JOIN survey_responses s ON s.key = o.response_key
                        WHERE s.round_id = r.id) AS owners,
                       (SELECT group_concat(code || '=' || printf('%.3f', mean), ' ') FROM (
                           SELECT a.code, avg(sc.score) AS mean FROM survey_area_scores sc
                           JOIN framework_areas a ON a.id = sc.area_id
                           JOIN survey_responses s ON s.key = sc.response_key
                           WHERE s.round_id = r.id GROUP BY a.code ORDER BY a.code)) AS means,
                       (SELECT group_concat(answers, '') FROM (
                           SELECT answers FROM survey_responses s WHERE s.round_id = r.id ORDER BY answers)) AS answers
                FROM survey_rounds r ORDER BY r.id
                """).map { row in
                let answers: String = row["answers"] ?? ""
                let tally = Dictionary(grouping: answers, by: { $0 }).mapValues(\.count)
                    .sorted { $0.key < $1.key }.map { "\($0.key)\($0.value)" }.joined(separator: " ")
                let texts: [String] = ["title", "status", "mode", "opens_on", "closes_on", "means"]
                    .map { column in (row[column] as String?) ?? "" }
                let counts: [String] = ["invited", "answered", "responses", "open_answers", "owners"]
                    .map { column in String(row[column] as Int) }
                return (texts + counts + [tally])
                    .joined(separator: " | ")
            }
        }
    }
}

@Suite("Demo survey rounds")
struct DemoSurveyTests {
    private func demo() throws -> DemoSurveyDatabase {
        try DemoSurveyDatabase.shared.get()
    }

    @Test func threeRoundsEachForJarvelaAndKoskenkylaWithTheirStatesModesAndDates() throws {
        let demo = try demo()
        let today = try #require(DemoDay(DemoSurveyDatabase.today))
        let jarvela = try demo.rounds("jarvela"), koskenkyla = try demo.rounds("koskenkyla")
        #expect(jarvela.map(\.title) == ["Digiosaamiskysely syksy 2025", "Digiosaamisen itsearviointi kevät 2026",
                                         "Digiosaamiskysely syksy 2026"])
        #expect(koskenkyla.map(\.title) == ["Digiosaamiskysely syksy 2025", "Digiosaamiskysely kevät 2026",
                                            "Digiosaamiskysely syksy 2026"])
        #expect(jarvela.map(\.mode) == [.anonymous, .identified, .anonymous])
        #expect(koskenkyla.map(\.mode) == [.anonymous, .anonymous, .anonymous])
        #expect(try demo.rounds("solvik").isEmpty)
        for rounds in [jarvela, koskenkyla] {
            #expect(rounds.map(\.status) == [.closed, .closed, .open])
            #expect(rounds.allSatisfy { $0.minimumGroupSize == 5 && $0.openAnswerThreshold == 10 })
            #expect(rounds.allSatisfy { $0.openedAt != nil })
            #expect(rounds.prefix(2).allSatisfy { $0.closesOn < DemoSurveyDatabase.today && $0.closedAt != nil })
            let open = try #require(rounds.last)
            #expect(open.opensOn == today.adding(days: -14).text && open.closesOn == today.adding(days: 21).text)
            #expect(open.acceptsAnswers(on: DemoSurveyDatabase.today))
            for round in rounds {
                let roundID = round.id
                #expect(try SurveyRoundStore(demo.database).scope(roundID: roundID).isEmpty, "whole organisation")
                #expect(try SurveyRoundStore(demo.database).openQuestions(roundID: roundID).map(\.textFi)
                    == ["Millaista tukea toivoisit digitaitojen oppimiseen?"])
                let (invited, answered) = try SurveyRoundStore(demo.database).participation(roundID: roundID)
                let rate = Double(answered) / Double(invited)
                #expect(round.status == .open ? (0.3...0.5).contains(rate) : (0.55...0.8).contains(rate),
                        "\(round.title): \(answered) of \(invited)")
            }
        }
        // Only identified responses keep a day (their owner's); anonymous ones keep no time at all.
        let days = try demo.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.submitted_on, r.opens_on, r.closes_on, r.status FROM survey_response_owners o
                JOIN survey_responses s ON s.key = o.response_key JOIN survey_rounds r ON r.id = s.round_id
                """).map { row in (row["submitted_on"] as String, row["opens_on"] as String,
                                   row["closes_on"] as String, row["status"] as String) }
        }
        #expect(days.count > 50)
        #expect(days.allSatisfy { $0.1 <= $0.0 && $0.0 <= ($0.3 == "open" ? DemoSurveyDatabase.today : $0.2) })
        let weekend = days.filter { day in DemoDay(day.0).map { ($0.daysSinceEpoch + 3) % 7 >= 5 } ?? true }
        #expect(weekend.count * 10 < days.count, "\(weekend.count) of \(days.count) answered at a weekend")
        #expect(demo.summary.surveyRounds.count == 7, "three rounds in each organisation and Järvelä's pilot")
        #expect(demo.summary.surveyRounds.filter { !$0.title.hasSuffix("(pilotti)") }.map(\.responses).allSatisfy { $0 > 50 })
    }

    @Test func everyResponseHasTheScoresOfTheWebsRules() throws {
        let demo = try demo()
        let frameworkID = try #require(try demo.rounds("jarvela").first?.frameworkID)
        let content = try #require(try FrameworkStore(demo.database).content(frameworkID: frameworkID))
        let scoring = ResponseScoring(content: content)
        let rows = try demo.opened.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.answers, group_concat(s.area_id || ':' || s.score, ' ') AS scores
                FROM survey_responses r LEFT JOIN survey_area_scores s ON s.response_key = r.key
                GROUP BY r.key
                """)
        }
        #expect(rows.count == demo.summary.surveyRounds.reduce(0) { $0 + $1.responses })
        var cantSay = 0, unanswered = 0, statements = 0
        for row in rows {
            let answers: String = row["answers"]
            #expect(answers.count == scoring.statementCount)
            let expected = scoring.areaScores(answers: answers).sorted { $0.key < $1.key }
                .map { "\($0.key):\($0.value)" }
            let stored = ((row["scores"] as String?) ?? "").split(separator: " ").map(String.init).sorted()
            #expect(stored.count == expected.count)
            #expect(Set(stored.map { $0.split(separator: ":")[0] }) == Set(expected.map { $0.split(separator: ":")[0] }))
            cantSay += answers.filter { $0 == "-" }.count
            unanswered += answers.filter { $0 == "." }.count
            statements += answers.count
        }
        let cantSayShare = Double(cantSay) / Double(statements), unansweredShare = Double(unanswered) / Double(statements)
        #expect((0.04...0.12).contains(cantSayShare), "can't say \(cantSayShare)")
        #expect(unanswered > 0 && unansweredShare < 0.03, "unanswered \(unansweredShare)")
    }

    @Test func nonDeskStaffRateIctBasicsLowerAndAdministrationHigher() throws {
        let demo = try demo()
        let nonDesk = DemoRespondentProfile.nonDeskGroups.map { "'\($0)'" }.joined(separator: ", ")
        for slug in DemoSurveys.organisationSlugs {
            let rounds = try demo.rounds(slug)
            // Sectors are small in a small demo: their means are compared over the three rounds.
            let roundIDs = rounds.compactMap(\.id).map(String.init).joined(separator: ", ")
            let food = try demo.mean(area: "ict-basics", roundIDs: roundIDs,
                                     where: "sector.name = 'Ruoka- ja puhtauspalvelut'")
            let others = try demo.mean(area: "ict-basics", roundIDs: roundIDs,
                                       where: "sector.name <> 'Ruoka- ja puhtauspalvelut'")
            let administration = try demo.mean(area: "ict-basics", roundIDs: roundIDs, where: "sector.name = 'Hallinto'")
            #expect(food > 0 && food + 0.15 < others, "\(slug): \(food) vs \(others)")
            #expect(administration > others + 0.2, "\(slug): \(administration) vs \(others)")
            for round in rounds {
                let roundID = String(round.id)
                let nonDeskMean = try demo.mean(area: "ict-basics", roundIDs: roundID,
                                                where: "r.job_group IN (\(nonDesk))")
                let deskMean = try demo.mean(area: "ict-basics", roundIDs: roundID,
                                             where: "r.job_group NOT IN (\(nonDesk))")
                #expect(nonDeskMean + 0.35 < deskMean, "\(round.title): \(nonDeskMean) vs \(deskMean)")
                let leadership = try demo.mean(area: "leadership-support", roundIDs: roundID)
                for factor in ["unit-practices", "colleagues"] {
                    #expect(leadership < (try demo.mean(area: factor, roundIDs: roundID)), "\(round.title)")
                }
                #expect((2.8...3.8).contains(leadership), "\(round.title): \(leadership)")
            }
        }
    }

    @Test func eachRoundImprovesOnTheOneBefore() throws {
        let demo = try demo()
        for slug in DemoSurveys.organisationSlugs {
            let rounds = try demo.rounds(slug)
            var previous = 0.0
            for round in rounds {
                var sum = 0.0
                for area in ["ict-basics", "digital-work", "digital-solutions", "information-security"] {
                    sum += try demo.mean(area: area, roundIDs: String(round.id))
                }
                let mean = sum / 4
                #expect(mean > previous + 0.05, "\(round.title) \(mean) after \(previous)")
                previous = mean
            }
        }
    }

    @Test func tyontekijaHasAnsweredTheSelfAssessmentButNotTheOpenRound() throws {
        let demo = try demo()
        let worker = try demo.employeeID(login: "tyontekija")
        let invitations = try SurveyRoundStore(demo.database).invitations(employeeID: worker)
        #expect(invitations.map(\.round.title) == ["Digiosaamiskysely syksy 2026",
                                                   "Digiosaamisen itsearviointi kevät 2026",
                                                   "Digiosaamiskysely syksy 2025",
                                                   "Digiosaamisen itsearviointi kevät 2025 (pilotti)"])
        #expect(invitations.map(\.answered).prefix(2) == [false, true])
        #expect(invitations.last?.answered == true, "the pilot before last year's development discussion")
        let autumnInvitation = try #require(invitations.dropLast().last)
        let start = try #require(try EmployeeStore(demo.database).employee(id: worker)?.startDate)
        let autumn = autumnInvitation
        #expect(autumn.answered == (start <= autumn.round.closesOn), "answered only when employed")
        let identified = try #require(invitations.first { $0.round.mode == .identified }?.round.id)
        let owned = try demo.database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM survey_response_owners o JOIN survey_responses r ON r.key = o.response_key
                WHERE o.employee_id = ? AND r.round_id = ?
                """, arguments: [worker, identified])
        }
        #expect(owned == 1)
    }

    @Test func onlyTheIdentifiedRoundHasOwners() throws {
        let demo = try demo()
        for summary in demo.summary.surveyRounds {
            let round = try #require(try (demo.rounds(summary.organisationSlug) + [demo.pilot()]).first { $0.title == summary.title })
            let owners = try demo.database.pool.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM survey_response_owners o JOIN survey_responses r ON r.key = o.response_key
                    WHERE r.round_id = ?
                    """, arguments: [round.id])
            }
            #expect(owners == (round.mode == .identified ? summary.responses : 0), "\(round.title)")
        }
    }

    @Test func smallUnitsForSuppressionAndSupervisorsUnitsWithFigures() throws {
        let demo = try demo()
        let units = UnitStore(demo.database)
        let centre = try #require(try units.units(organisationID: demo.organisationID("jarvela"))
            .first { $0.name == demo.summary.daycareCentre }?.id)
        let school = try #require(try units.units(organisationID: demo.organisationID("jarvela"))
            .first { $0.name == demo.summary.school }?.id)
        for round in try demo.rounds("jarvela") + demo.rounds("koskenkyla") where round.status == .closed {
            let perUnit = try demo.opened.read { db in
                try Int.fetchAll(db, sql: "SELECT count(*) FROM survey_responses WHERE round_id = ? GROUP BY unit_id",
                                 arguments: [round.id])
            }
            #expect(perUnit.filter { (1...4).contains($0) }.count >= 3, "\(round.title): no small units")
            #expect(perUnit.contains { $0 >= 5 })
            guard round.organisationID == (try demo.organisationID("jarvela")) else { continue }
            for unitID in [centre, school] {
                let subtree = try units.unitAndDescendantIDs(of: unitID)
                let responses = try demo.opened.read { db in
                    try Int.fetchOne(db, sql: """
                        SELECT count(*) FROM survey_responses WHERE round_id = ?
                        AND unit_id IN (\(subtree.map(String.init).joined(separator: ",")))
                        """, arguments: [round.id])
                } ?? 0
                #expect(responses >= 5, "\(round.title): \(responses) responses in a supervisor's unit")
            }
        }
    }

    @Test func openAnswersAreFewAndWritten() throws {
        let demo = try demo()
        let (texts, responses) = try demo.opened.read { db in
            (try String.fetchAll(db, sql: "SELECT text FROM survey_open_answers"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_responses") ?? 0)
        }
        let written = Set(DemoSurveyTexts.finnish + DemoSurveyTexts.swedish + DemoSurveyTexts.english)
        #expect(!texts.isEmpty && texts.count * 100 < responses * 6, "\(texts.count) of \(responses)")
        #expect(texts.allSatisfy(written.contains))
        #expect(DemoSurveyTexts.finnish.count >= 25 && Set(DemoSurveyTexts.finnish).count == DemoSurveyTexts.finnish.count)
    }

    @Test func theSameSeedGivesTheSameResultsAndAnotherSeedOthers() throws {
        let first = try DemoSurveyDatabase(employees: 300, seed: 5)
        let second = try DemoSurveyDatabase(employees: 300, seed: 5)
        let other = try DemoSurveyDatabase(employees: 300, seed: 6)
        let figures = try first.figures()
        #expect(figures.count == 7)
        #expect(figures == (try second.figures()))
        #expect(figures != (try other.figures()))
    }

    /// Every closed demo round publishes only what the auditor proves safe (checked again here with a
    /// fresh auditor), and still shows the organisation, its sectors and most units.
    @Test func everyClosedDemoRoundPassesTheAudit() throws {
        let demo = try demo()
        for slug in DemoSurveys.organisationSlugs {
            for round in try demo.rounds(slug) where round.status == .closed {
                let roundID = round.id
                let content = try #require(try FrameworkStore(demo.database).content(frameworkID: round.frameworkID))
                let hierarchy = UnitHierarchy(units: try UnitStore(demo.database).units(organisationID: round.organisationID),
                                              placement: try SurveyRoundStore(demo.database).unitPlacements(roundID: roundID))
                let results = RoundResultsBuilder.build(round: round, content: content, hierarchy: hierarchy,
                                                        data: try SurveyResultsStore(demo.database).roundData(roundID: roundID))
                #expect(results.audit.figures.isSafe && results.audit.openAnswers.isSafe, "\(round.title)")
                #expect(try results.independentAudit(demo.database).isSafe, "\(round.title)")
                #expect(results.totals(.organisation) != nil, "\(round.title)")
                let sectors = results.shown.keys.filter { if case .sector = $0 { return true } else { return false } }
                #expect(sectors.count >= 3, "\(round.title): \(sectors.count) sectors shown")
            }
        }
    }

    /// Järvelä piloted the identified self-assessment in esihenkilo's daycare centre before last
    /// year's development discussions, so tyontekija's plan has an assessment on each side.
    @Test func jarvelasPilotIsIdentifiedInOneUnitBeforeLastYearsDiscussions() throws {
        let demo = try demo()
        let pilot = try demo.pilot()
        #expect(pilot.mode == .identified && pilot.status == .closed)
        #expect(pilot.title == "Digiosaamisen itsearviointi kevät 2025 (pilotti)")
        #expect(pilot.opensOn == "2025-02-02" && pilot.closesOn < "2025-03-18")
        let centre = try #require(try UnitStore(demo.database).units(organisationID: demo.organisationID("jarvela"))
            .first { $0.name == demo.summary.daycareCentre }?.id)
        #expect(try SurveyRoundStore(demo.database).scope(roundID: pilot.id).map(\.unitID) == [centre])
        let (invited, answered) = try SurveyRoundStore(demo.database).participation(roundID: pilot.id)
        let subtree = try UnitStore(demo.database).unitAndDescendantIDs(of: centre)
        #expect(invited >= 5 && answered >= 5 && answered <= invited)
        let outside = try demo.database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM survey_invitations WHERE round_id = ?
                AND unit_id NOT IN (\(subtree.map(String.init).joined(separator: ",")))
                """, arguments: [pilot.id])
        }
        #expect(outside == 0, "only the daycare centre and its groups are invited")
    }

    @Test func titlesFollowTheSeasonOfOpening() throws {
        #expect(DemoSurveyTexts.title(opensOn: try #require(DemoDay("2026-03-01")), identified: false)
            == "Digiosaamiskysely kevät 2026")
        #expect(DemoSurveyTexts.title(opensOn: try #require(DemoDay("2025-09-30")), identified: true)
            == "Digiosaamisen itsearviointi syksy 2025")
    }
}
