import Foundation
import GRDB
import Testing
@testable import App
@testable import Demo
@testable import Storage

@Suite("Demo board")
struct DemoBoardTests {
    static let today = "2026-11-23"

    @Test func aBoardInUseInEveryOrganisation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-board-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = try AppDatabase(path: folder + "/demo.sqlite",
                                       catalog: MigrationCatalog(directory: packageRoot + "/Migrations"), key: ServerKey.generate())
        _ = try database.migrate()
        let summary = try DemoLoader(database: database, hasher: PasswordHasher(rounds: 1000))
            .load(employees: 2000, seed: 1, today: Self.today)
        // About a post for every two employees, about three answers a post.
        #expect(summary.boardPosts > 800 && summary.boardPosts < 1300, "\(summary.boardPosts) posts")
        #expect(Double(summary.boardAnswers) / Double(summary.boardPosts) > 2.2, "\(summary.boardAnswers) answers")
        func count(_ sql: String) throws -> Int { try database.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 } }
        do {
            // Every kind in every organisation, in its language.
            #expect(try count("SELECT count(DISTINCT organisation_id || kind) FROM board_posts") == 9)
            #expect(try count("SELECT count(*) FROM board_posts p JOIN organisations o ON o.id = p.organisation_id "
                              + "WHERE o.slug = 'solvik' AND p.language != 'sv'") == 0)
            // Solved, unsolved and unanswered questions; anonymous ones, one of them tyontekija's.
            #expect(try count("SELECT count(*) FROM board_posts WHERE kind = 'question' AND solved = 1") > 50)
            #expect(try count("SELECT count(*) FROM board_posts WHERE kind = 'question' AND answer_count = 0") > 5)
            #expect(try count("SELECT count(*) FROM board_posts WHERE anonymous = 1") > 10)
            #expect(try count("""
                SELECT count(*) FROM board_posts p JOIN users u ON u.id = p.author_user_id
                WHERE u.login = 'tyontekija' AND p.anonymous = 1
                """) == 1)
            // The digitutor's page has questions of their sector waiting over 48 hours.
            #expect(try count("""
                SELECT count(*) FROM board_posts p JOIN users u ON u.login = 'tyontekija'
                JOIN employees e ON e.id = u.employee_id JOIN units un ON un.id = e.unit_id
                WHERE p.kind = 'question' AND p.answer_count = 0 AND p.hidden = 0 AND p.sector_id = un.sector_id
                AND p.organisation_id = e.organisation_id AND p.created_at < '\(Self.today)'
                """) >= 2)
            // Practices spread: adopted in units of more than one organisation.
            #expect(try count("""
                SELECT count(*) FROM (SELECT post_id FROM board_adoptions GROUP BY post_id HAVING count(DISTINCT organisation_id) > 1)
                """) >= 3)
            // The kept counters agree with the rows, and every post is in the search index.
            #expect(try count("""
                SELECT count(*) FROM board_posts p WHERE answer_count != (SELECT count(*) FROM board_answers a
                WHERE a.post_id = p.id AND a.hidden = 0) OR useful_count != (SELECT count(*) FROM board_useful u WHERE u.post_id = p.id)
                OR adoption_count != (SELECT count(*) FROM board_adoptions d WHERE d.post_id = p.id)
                OR solved != EXISTS (SELECT 1 FROM board_answers a WHERE a.post_id = p.id AND a.solves = 1)
                """) == 0)
            #expect(try count("SELECT count(*) FROM board_search") == (try count("SELECT count(*) FROM board_posts")))
            // An adoption is always of a unit of the organisation it names.
            #expect(try count("""
                SELECT count(*) FROM board_adoptions a JOIN units un ON un.id = a.unit_id WHERE un.organisation_id != a.organisation_id
                """) == 0)
        }
    }
}
