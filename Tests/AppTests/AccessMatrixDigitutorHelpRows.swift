import Foundation
import Metrics
@testable import App
@testable import Storage

/// Aino (the matrix's employee, `tyontekija`) as a digitutor of her unit, so the help log's routes
/// have a tutor among the cast: only she may log help as herself.
enum HelpLogFixture {
    static func ainoTutor(_ test: TestApp, _ world: World) throws -> (tutorID: Int64, topicID: Int64) {
        let store = TutorStore(test.database)
        let topic = try store.addTopic(TutorTopic(organisationID: world.jarvela.id,
                                                  name: LocalisedText(fi: "Teams", sv: "Teams", en: "Teams"), position: 1))
        let tutor = try store.create(TutorDraft(
            tutor: Tutor(organisationID: world.jarvela.id, employeeID: world.employeeA.id, coordinatorUserID: nil, languages: ["fi"],
                         askAnytime: false, contactNote: "", plannedEndOn: nil),
            units: [TutorUnit(unitID: world.unitA.id, includesSubunits: true)], topicIDs: [topic.id], hours: []),
            activeFrom: CivilDay.today().adding(days: -30).iso, by: nil)
        return (tutor.id, topic.id)
    }

    /// One help session Aino logged today; its id.
    static func ainoEntry(_ test: TestApp, _ world: World) throws -> Int64 {
        let (tutorID, topicID) = try ainoTutor(test, world)
        return try TutorStore(test.database).logHelpReturningID(HelpLogEntry(
            tutorID: tutorID, day: CivilDay.today().iso, topicID: topicID, minutes: 15, channel: .teams, unitID: world.unitA.id))
    }

    static func topic(_ test: TestApp, _ world: World) throws -> Int64 {
        try TutorStore(test.database).addTopic(TutorTopic(organisationID: world.jarvela.id,
                                                          name: LocalisedText(fi: "Työpuhelin", sv: "", en: ""), position: 1)).id
    }
}

extension AccessMatrixTests {
    /// The help log's and the topic list's rows: anonymous, employee, supervisor A, supervisor B, HR
    /// of the other organisation, HR, admin.
    static let digitutorHelpRows: [Row] = {
        /// The tutor herself only: everyone else (who is no tutor) gets the 404 of a page that is not theirs.
        let tutorOnly: [Outcome] = [S, A, H, H, H, H, H]
        /// The network's keepers: HR and administrators of Järvelä (and its tutor coordinators).
        let keepers: [Outcome] = [S, H, H, H, H, A, A]
        return [
            Row(route: "GET /my-digitutor-log", path: { world, test in
                _ = try HelpLogFixture.ainoTutor(test, world)
                return "/my-digitutor-log"
            }, expected: tutorOnly),
            Row(route: "POST /my-digitutor-log", path: { world, test in
                _ = try HelpLogFixture.ainoTutor(test, world)
                return "/my-digitutor-log"
            }, expected: tutorOnly),
            Row(route: "POST /my-digitutor-log/:entryID/delete", path: { world, test in
                "/my-digitutor-log/\(try HelpLogFixture.ainoEntry(test, world))/delete"
            }, expected: tutorOnly),
            Row(route: "GET /organisations/:slug/digitutor-help", path: { _, _ in "/organisations/jarvela/digitutor-help" },
                expected: keepers),
            Row(route: "GET /organisations/:slug/digitutor-topics", path: { _, _ in "/organisations/jarvela/digitutor-topics" },
                expected: keepers),
            Row(route: "POST /organisations/:slug/digitutor-topics", path: { _, _ in "/organisations/jarvela/digitutor-topics" },
                expected: keepers),
            Row(route: "POST /organisations/:slug/digitutor-topics/:topicID", path: { world, test in
                "/organisations/jarvela/digitutor-topics/\(try HelpLogFixture.topic(test, world))"
            }, expected: keepers),
            Row(route: "POST /organisations/:slug/digitutor-topics/:topicID/active", path: { world, test in
                "/organisations/jarvela/digitutor-topics/\(try HelpLogFixture.topic(test, world))/active"
            }, expected: keepers),
        ]
    }()
}
