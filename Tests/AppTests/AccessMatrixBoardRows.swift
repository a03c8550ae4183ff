import Foundation
import Testing
@testable import App
@testable import Storage

/// Board posts made straight through the store for the access matrix: Aino's (tyontekija's) posts in
/// Järvelä, not shared, so Koskenkylä's HR cannot read them.
enum BoardMatrixFixture {
    static func aino(_ test: TestApp) throws -> Int64 {
        guard let user = try UserStore(test.database).user(loginOrEmail: "tyontekija") else { throw TestFailure("no Aino") }
        return user.id
    }

    static func post(_ test: TestApp, _ world: World, kind: BoardKind = .tip, anonymous: Bool = false,
                     photo: BoardPhoto? = nil) throws -> Int64 {
        try BoardStore(test.database).create(BoardPost(organisationID: world.jarvela.id, kind: kind, title: "Aino kysyy",
                                                       body: "Teksti", authorUserID: try aino(test), anonymous: anonymous), photo: photo).id
    }

    /// A question of Aino's with one answer (by Aino); `solved` marks it.
    static func question(_ test: TestApp, _ world: World, solved: Bool = false) throws -> (post: Int64, answer: Int64) {
        let store = BoardStore(test.database)
        let post = try post(test, world, kind: .question)
        let answer = try store.addAnswer(BoardAnswer(postID: post, body: "Vastaus", authorUserID: try aino(test)))
        if solved { try store.setSolves(answerID: answer.id, postID: post, solves: true, by: nil) }
        return (post, answer.id)
    }
}

extension AccessMatrixTests {
    /// Digivinkit: anyone signed in reads their organisation's board (Koskenkylä's HR does not see
    /// Järvelä's unshared posts); the asker, a digitutor or a moderator marks solving; moderators are
    /// Järvelä's HR and administrators here (supervisors are not).
    static let boardRows: [Row] = {
        let everyone: [Outcome] = [S, A, A, A, A, A, A]
        let readers: [Outcome] = [S, A, A, A, H, A, A]
        let moderators: [Outcome] = [S, H, H, H, H, A, A]
        let photo = BoardPhoto(bytes: Data(PhotoSanitiserTests.cleanJPEG), contentType: "image/jpeg", width: 2, height: 3)
        return [
            Row(route: "GET /board", path: { _, _ in "/board" }, expected: everyone),
            Row(route: "GET /board/new", path: { _, _ in "/board/new?kind=question" }, expected: everyone),
            Row(route: "POST /board/new", path: { _, _ in "/board/new" }, expected: everyone),
            Row(route: "GET /board/photos/:photoID", path: { world, test in
                let post = try BoardMatrixFixture.post(test, world, photo: photo)
                let photoID = try BoardStore(test.database).listing(id: post)?.post.photoID ?? 0
                return "/board/photos/\(photoID)"
            }, expected: readers),
            Row(route: "GET /board/:postID", path: { world, test in "/board/\(try BoardMatrixFixture.post(test, world))" },
                expected: readers),
            Row(route: "POST /board/:postID/answers", path: { world, test in "/board/\(try BoardMatrixFixture.post(test, world))/answers" },
                expected: readers),
            Row(route: "POST /board/:postID/useful", path: { world, test in "/board/\(try BoardMatrixFixture.post(test, world))/useful" },
                expected: readers),
            Row(route: "POST /board/:postID/adoption", path: { world, test in
                "/board/\(try BoardMatrixFixture.post(test, world, kind: .practice))/adoption"
            }, expected: readers),
            Row(route: "POST /board/:postID/report", path: { world, test in "/board/\(try BoardMatrixFixture.post(test, world))/report" },
                expected: readers),
            Row(route: "POST /board/:postID/answers/:answerID/report", path: { world, test in
                let made = try BoardMatrixFixture.question(test, world)
                return "/board/\(made.post)/answers/\(made.answer)/report"
            }, expected: readers),
            // The asker (Aino) marks answers of her question; so do moderators.
            Row(route: "POST /board/:postID/answers/:answerID/solves", path: { world, test in
                let made = try BoardMatrixFixture.question(test, world)
                return "/board/\(made.post)/answers/\(made.answer)/solves"
            }, expected: [S, A, H, H, H, A, A]),
            Row(route: "POST /board/:postID/tip", path: { world, test in
                "/board/\(try BoardMatrixFixture.question(test, world, solved: true).post)/tip"
            }, expected: moderators),
            Row(route: "POST /board/:postID/hidden", path: { world, test in "/board/\(try BoardMatrixFixture.post(test, world))/hidden" },
                expected: moderators),
            Row(route: "POST /board/:postID/locked", path: { world, test in "/board/\(try BoardMatrixFixture.post(test, world))/locked" },
                expected: moderators),
            Row(route: "POST /board/:postID/answers/:answerID/hidden", path: { world, test in
                let made = try BoardMatrixFixture.question(test, world)
                return "/board/\(made.post)/answers/\(made.answer)/hidden"
            }, expected: moderators),
            Row(route: "GET /organisations/:slug/board-moderation", path: { _, _ in "/organisations/jarvela/board-moderation" },
                expected: moderators),
            Row(route: "POST /organisations/:slug/board-moderation/reports/:reportID/dismiss", path: { world, test in
                let post = try BoardMatrixFixture.post(test, world)
                try BoardStore(test.database).report(postID: post, answerID: nil, organisationID: world.jarvela.id,
                                                     reporterUserID: try BoardMatrixFixture.aino(test), reason: "Asiaton")
                let reportID = try BoardStore(test.database).openReports(organisationID: world.jarvela.id).first?.id ?? 0
                return "/organisations/jarvela/board-moderation/reports/\(reportID)/dismiss"
            }, expected: moderators),
            Row(route: "POST /organisations/:slug/board-moderation/moderators",
                path: { _, _ in "/organisations/jarvela/board-moderation/moderators" }, expected: moderators),
            Row(route: "POST /organisations/:slug/board-moderation/moderators/:userID/remove", path: { _, test in
                "/organisations/jarvela/board-moderation/moderators/\(try BoardMatrixFixture.aino(test))/remove"
            }, expected: moderators),
        ]
    }()

    /// An anonymous question names its asker to no one in the cast but its moderators (Järvelä's HR
    /// and administrators) and the asker: not on its page, the front page, a search or a filter.
    @Test func anAnonymousAskerIsNamedOnlyToModeratorsAndThemself() throws {
        let test = try TestApp()
        let world = try World(test)
        let post = try BoardMatrixFixture.post(test, world, kind: .question, anonymous: true)
        for who in Who.allCases {
            guard let login = who.login else { continue }
            var browser = try test.signIn(login)
            let pages = ["/board", "/board/\(post)", "/board?q=kysyy", "/board?kind=question&state=unsolved"]
            let texts = try pages.map { try browser.get($0).text }
            let named = texts.contains { $0.contains("Aaltonen") }
            let mayName = [.hr, .admin].contains(who)
            #expect(named == mayName, "\(who.rawValue): asker named \(named)")
            if who == .employee { #expect(texts[1].contains("Sinä (nimettömänä)")) }
        }
    }
}
