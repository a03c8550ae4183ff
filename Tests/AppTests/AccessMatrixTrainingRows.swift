import Foundation
@testable import App
@testable import Storage

/// A training of Järvelä for everyone, with a registration session for the whole organisation.
enum TrainingFixture {
    static func training(_ world: World, _ test: TestApp) throws -> Int64 {
        let draft = TrainingDraft(
            training: Training(organisationID: world.jarvela.id, seriesID: nil,
                               title: LocalisedText(fi: "Teams-perusteet", sv: "Teams grunder", en: "Teams basics"),
                               description: LocalisedText(fi: "Liity kokoukseen.", sv: "", en: ""), durationMinutes: 15,
                               format: .remote, language: "fi", ownerUserID: nil),
            areaCodes: ["digital-work"])
        return try TrainingCatalogueStore(test.database).create(draft).id
    }

    static func session(_ world: World, _ test: TestApp, enrolment: EnrolmentMode = .registration,
                        capacity: Int? = 10, startsIn hours: Double = 48) throws -> Int64 {
        let start = Date().addingTimeInterval(hours * 3600)
        return try TrainingSessionStore(test.database).create(TrainingSession(
            trainingID: try training(world, test), uid: UUID().uuidString, startsAt: start,
            endsAt: start.addingTimeInterval(900), place: "", meetingURL: "https://teams.example/meet/1",
            trainerName: "Tiina", capacity: capacity, enrolment: enrolment, checkInKey: "key"), unitIDs: []).id
    }

    static func series(_ world: World, _ test: TestApp) throws -> Int64 {
        try TrainingCatalogueStore(test.database).createSeries(TrainingSeries(
            organisationID: world.jarvela.id, title: LocalisedText(fi: "Digivinkkituokio", sv: "", en: ""),
            description: LocalisedText(fi: "", sv: "", en: ""))).id
    }
}

extension AccessMatrixTests {
    /// The trainings pages' rows: anonymous, employee, supervisor A, supervisor B, HR of the other
    /// organisation, HR, admin.
    static let trainingRows: [Row] = {
        /// Anyone signed in; the other organisation's HR does not see Järvelä's training.
        let readers: [Outcome] = [S, A, A, A, H, A, A]
        /// The reader's own actions need a staff record: only the employee has one.
        let ownActions: [Outcome] = [S, A, H, H, H, H, H]
        /// Keeping the catalogue: Järvelä's HR and administrators (and trainers, tested apart).
        let keepers: [Outcome] = [S, H, H, H, H, A, A]
        @Sendable func session(_ world: World, _ test: TestApp) throws -> Int64 { try TrainingFixture.session(world, test) }
        @Sendable func training(_ world: World, _ test: TestApp) throws -> Int64 { try TrainingFixture.training(world, test) }
        return [
            Row(route: "GET /trainings", path: { _, _ in "/trainings" }, expected: [S, A, A, A, A, A, A]),
            Row(route: "GET /my-trainings", path: { _, _ in "/my-trainings" }, expected: [S, A, A, A, A, A, A]),
            Row(route: "GET /trainings/:trainingID", path: { world, test in "/trainings/\(try training(world, test))" },
                expected: readers),
            Row(route: "GET /training-sessions/:sessionID", path: { world, test in
                "/training-sessions/\(try session(world, test))"
            }, expected: readers),
            Row(route: "POST /training-sessions/:sessionID/enrol", path: { world, test in
                "/training-sessions/\(try session(world, test))/enrol"
            }, expected: ownActions),
            Row(route: "POST /training-sessions/:sessionID/leave", path: { world, test in
                "/training-sessions/\(try session(world, test))/leave"
            }, expected: ownActions),
            Row(route: "POST /training-sessions/:sessionID/follow", path: { world, test in
                "/training-sessions/\(try session(world, test))/follow"
            }, expected: ownActions),
            Row(route: "GET /organisations/:slug/trainings", path: { _, _ in "/organisations/jarvela/trainings" },
                expected: keepers),
            Row(route: "GET /organisations/:slug/trainings/new", path: { _, _ in "/organisations/jarvela/trainings/new" },
                expected: keepers),
            Row(route: "POST /organisations/:slug/trainings/new", path: { _, _ in "/organisations/jarvela/trainings/new" },
                expected: keepers),
            Row(route: "POST /organisations/:slug/training-series", path: { _, _ in "/organisations/jarvela/training-series" },
                expected: keepers),
            Row(route: "GET /training-series/:seriesID", path: { world, test in
                "/training-series/\(try TrainingFixture.series(world, test))"
            }, expected: keepers),
            Row(route: "POST /training-series/:seriesID", path: { world, test in
                "/training-series/\(try TrainingFixture.series(world, test))"
            }, expected: keepers),
            Row(route: "GET /trainings/:trainingID/edit", path: { world, test in "/trainings/\(try training(world, test))/edit" },
                expected: keepers),
            Row(route: "POST /trainings/:trainingID/edit", path: { world, test in "/trainings/\(try training(world, test))/edit" },
                expected: keepers),
            Row(route: "GET /trainings/:trainingID/sessions/new", path: { world, test in
                "/trainings/\(try training(world, test))/sessions/new"
            }, expected: keepers),
            Row(route: "POST /trainings/:trainingID/sessions/new", path: { world, test in
                "/trainings/\(try training(world, test))/sessions/new"
            }, expected: keepers),
            Row(route: "GET /training-sessions/:sessionID/edit", path: { world, test in
                "/training-sessions/\(try session(world, test))/edit"
            }, expected: keepers),
            Row(route: "POST /training-sessions/:sessionID/edit", path: { world, test in
                "/training-sessions/\(try session(world, test))/edit"
            }, expected: keepers),
            Row(route: "GET /training-sessions/:sessionID/copy", path: { world, test in
                "/training-sessions/\(try session(world, test))/copy"
            }, expected: keepers),
            Row(route: "POST /training-sessions/:sessionID/copy", path: { world, test in
                "/training-sessions/\(try session(world, test))/copy"
            }, expected: keepers),
            Row(route: "GET /training-sessions/:sessionID/cancel", path: { world, test in
                "/training-sessions/\(try session(world, test))/cancel"
            }, expected: keepers),
            Row(route: "POST /training-sessions/:sessionID/cancel", path: { world, test in
                "/training-sessions/\(try session(world, test))/cancel"
            }, expected: keepers),
            // Supervisors assign their own units' people.
            Row(route: "GET /training-sessions/:sessionID/assign", path: { world, test in
                "/training-sessions/\(try session(world, test))/assign"
            }, expected: [S, H, A, A, H, A, A]),
            Row(route: "POST /training-sessions/:sessionID/assign", path: { world, test in
                "/training-sessions/\(try session(world, test))/assign"
            }, expected: [S, H, A, A, H, A, A]),
            // HR names trainers among its own people: the employee's sign-in, by Järvelä's HR.
            Row(route: "POST /users/:userID/trainer", path: { world, test in
                guard let user = try UserStore(test.database).user(loginOrEmail: "tyontekija") else {
                    throw TestFailure("no employee sign-in")
                }
                return "/users/\(user.id)/trainer"
            }, expected: [S, F, F, F, H, H, H]),
        ]
    }()
}
