import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// The instructions library's and key-user directory's rows: anonymous, employee, supervisor A,
    /// supervisor B, HR of the other organisation, HR, admin.
    static let instructionRows: [Row] = {
        /// Everyone signed in reads their own organisation's library.
        let readers: [Outcome] = [S, A, A, A, A, A, A]
        /// Järvelä's instruction: Järvelä's people; Koskenkylä's HR gets the record check's 404.
        let jarvelaReaders: [Outcome] = [S, A, A, A, H, A, A]
        /// Editing: HR and administrators of Järvelä (and named owners, none in the fixture); 404 for others.
        let editors: [Outcome] = [S, H, H, H, H, A, A]
        /// HR's pages of the organisation: 403 for those without an HR role, 404 for another's HR.
        let hrOnly: [Outcome] = [S, F, F, F, H, A, A]
        @Sendable func instruction(_ world: World, _ test: TestApp) throws -> Int64 {
            let library = try InstructionFixture.library(test, world)
            return library.password
        }
        @Sendable func system(_ world: World, _ test: TestApp) throws -> Int64 {
            let made = try KeyUserStore(test.database).create(
                KeyUserSystem(organisationID: world.jarvela.id, name: "Teams", purpose: ""), keyUsers: [])
            return made.id
        }
        return [
            Row(route: "GET /instructions", path: { _, _ in "/instructions?q=salasan" }, expected: readers),
            Row(route: "GET /instructions/:instructionID", path: { world, test in "/instructions/\(try instruction(world, test))" },
                expected: jarvelaReaders),
            Row(route: "GET /organisations/:slug/instructions/new", path: { _, _ in "/organisations/jarvela/instructions/new" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/instructions/new", path: { _, _ in "/organisations/jarvela/instructions/new" },
                expected: hrOnly),
            Row(route: "GET /instructions/:instructionID/edit", path: { world, test in
                "/instructions/\(try instruction(world, test))/edit"
            }, expected: editors),
            Row(route: "POST /instructions/:instructionID/edit", path: { world, test in
                "/instructions/\(try instruction(world, test))/edit"
            }, expected: editors),
            Row(route: "POST /instructions/:instructionID/reviewed", path: { world, test in
                "/instructions/\(try instruction(world, test))/reviewed"
            }, expected: editors),
            Row(route: "POST /instructions/:instructionID/retire", path: { world, test in
                "/instructions/\(try instruction(world, test))/retire"
            }, expected: editors),
            Row(route: "GET /key-users", path: { _, _ in "/key-users" }, expected: readers),
            Row(route: "GET /organisations/:slug/key-users/new", path: { _, _ in "/organisations/jarvela/key-users/new" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/key-users/new", path: { _, _ in "/organisations/jarvela/key-users/new" },
                expected: hrOnly),
            Row(route: "GET /key-user-systems/:systemID", path: { world, test in "/key-user-systems/\(try system(world, test))" },
                expected: hrOnly),
            Row(route: "POST /key-user-systems/:systemID", path: { world, test in "/key-user-systems/\(try system(world, test))" },
                expected: hrOnly),
        ]
    }()
}
