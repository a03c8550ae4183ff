import Foundation
@testable import App
@testable import Storage

/// A required training of Järvelä's for everyone, satisfied by the fixture training.
enum ComplianceFixture {
    static func requirement(_ world: World, _ test: TestApp, validityMonths: Int? = 12,
                            anchor: RequirementAnchor = .yearly, firstDueOn: String = "2026-12-31",
                            effectiveFrom: String = "2026-01-01") throws -> Int64 {
        let trainingID = try TrainingFixture.training(world, test)
        let version = RequirementVersion(
            requirementID: 0, effectiveFrom: effectiveFrom, validityMonths: validityMonths, renewalWindowDays: 60,
            anchor: anchor, anchorMonth: anchor == .yearly ? 12 : nil, anchorDay: anchor == .yearly ? 31 : nil,
            newHireGraceDays: 90, firstDueOn: firstDueOn, forEveryone: true, createdBy: nil)
        return try RequirementStore(test.database).create(
            RequiredTraining(organisationID: world.jarvela.id, title: LocalisedText(fi: "Tietosuoja", sv: "Dataskydd", en: "Data protection"),
                             description: LocalisedText(fi: "", sv: "", en: ""), createdBy: nil),
            first: RequirementVersionDraft(version: version, trainingIDs: [trainingID], audience: .all)).id
    }
}

extension AccessMatrixTests {
    /// Required training's rows: anonymous, employee, supervisor A, supervisor B, HR of the other
    /// organisation, HR, admin.
    static let complianceRows: [Row] = {
        /// HR and administrators of Järvelä only; Koskenkylä's HR gets the record check's 404.
        let hrOnly: [Outcome] = [S, F, F, F, H, A, A]
        /// Like a unit's page: its supervisor, HR and administrators.
        let unitLeaders: [Outcome] = [S, F, A, H, H, A, A]
        @Sendable func requirement(_ world: World, _ test: TestApp) throws -> Int64 { try ComplianceFixture.requirement(world, test) }
        @Sendable func namedTutor(_ world: World, _ test: TestApp) throws -> Int64 {
            let made = try TutorFixture.tutor(test, world)
            return made.id
        }
        return [
            Row(route: "GET /organisations/:slug/requirements", path: { _, _ in "/organisations/jarvela/requirements" },
                expected: hrOnly),
            Row(route: "GET /organisations/:slug/requirements/new", path: { _, _ in "/organisations/jarvela/requirements/new" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/requirements/new", path: { _, _ in "/organisations/jarvela/requirements/new" },
                expected: hrOnly),
            Row(route: "GET /requirements/:requirementID", path: { world, test in
                "/requirements/\(try requirement(world, test))"
            }, expected: hrOnly),
            Row(route: "GET /requirements/:requirementID/statuses.csv", path: { world, test in
                "/requirements/\(try requirement(world, test))/statuses.csv"
            }, expected: hrOnly),
            Row(route: "GET /requirements/:requirementID/change", path: { world, test in
                "/requirements/\(try requirement(world, test))/change"
            }, expected: hrOnly),
            Row(route: "POST /requirements/:requirementID/change", path: { world, test in
                "/requirements/\(try requirement(world, test))/change"
            }, expected: hrOnly),
            Row(route: "GET /requirements/:requirementID/retire", path: { world, test in
                "/requirements/\(try requirement(world, test))/retire"
            }, expected: hrOnly),
            Row(route: "POST /requirements/:requirementID/retire", path: { world, test in
                "/requirements/\(try requirement(world, test))/retire"
            }, expected: hrOnly),
            Row(route: "GET /requirements/:requirementID/exemptions", path: { world, test in
                "/requirements/\(try requirement(world, test))/exemptions"
            }, expected: hrOnly),
            Row(route: "POST /requirements/:requirementID/exemptions", path: { world, test in
                "/requirements/\(try requirement(world, test))/exemptions"
            }, expected: hrOnly),
            Row(route: "POST /exemptions/:exemptionID/end", path: { world, test in
                let requirementID = try requirement(world, test)
                return "/exemptions/\(try ExemptionStore(test.database).grant(Exemption(requirementID: requirementID, employeeID: world.employeeA.id, fromOn: "2026-01-01", untilOn: "2099-12-31", reason: "Perhevapaa", createdBy: nil)).id)/end"
            }, expected: hrOnly),
            // Digitutors: anyone signed in finds their organisation's tutors.
            Row(route: "GET /digitutors", path: { _, _ in "/digitutors" }, expected: [S, A, A, A, A, A, A]),
            // The network: HR and administrators of Järvelä (and its tutor coordinators); 404 for others.
            Row(route: "GET /organisations/:slug/digitutors", path: { _, _ in "/organisations/jarvela/digitutors" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "GET /organisations/:slug/digitutors/new", path: { _, _ in "/organisations/jarvela/digitutors/new" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "POST /organisations/:slug/digitutors/new", path: { _, _ in "/organisations/jarvela/digitutors/new" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "GET /organisations/:slug/digitutor-coverage", path: { _, _ in "/organisations/jarvela/digitutor-coverage" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "POST /organisations/:slug/digitutor-news", path: { _, _ in "/organisations/jarvela/digitutor-news" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "GET /organisations/:slug/digitutor-coverage/print",
                path: { _, _ in "/organisations/jarvela/digitutor-coverage/print" }, expected: [S, H, H, H, H, A, A]),
            // A unit's coverage: its supervisors (not those of other units), the network's keepers.
            Row(route: "GET /units/:unitID/digitutors", path: { world, _ in "/units/\(world.unitA.id)/digitutors" },
                expected: [S, H, A, H, H, A, A]),
            Row(route: "GET /units/:unitID/digitutors/print", path: { world, _ in "/units/\(world.unitA.id)/digitutors/print" },
                expected: [S, H, A, H, H, A, A]),
            Row(route: "GET /digitutors/:tutorID", path: { world, test in "/digitutors/\(try namedTutor(world, test))" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "POST /digitutors/:tutorID", path: { world, test in "/digitutors/\(try namedTutor(world, test))" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "POST /digitutors/:tutorID/status", path: { world, test in "/digitutors/\(try namedTutor(world, test))/status" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "GET /organisations/:slug/minimum-levels", path: { _, _ in "/organisations/jarvela/minimum-levels" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/minimum-levels", path: { _, _ in "/organisations/jarvela/minimum-levels" },
                expected: hrOnly),
            Row(route: "GET /units/:unitID/requirements", path: { world, _ in "/units/\(world.unitA.id)/requirements" },
                expected: unitLeaders),
            Row(route: "GET /units/:unitID/requirements/reminders", path: { world, _ in
                "/units/\(world.unitA.id)/requirements/reminders"
            }, expected: unitLeaders),
        ]
    }()
}
