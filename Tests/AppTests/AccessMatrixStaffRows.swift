import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// The organisation and staff pages' rows: anonymous, employee, supervisor A, supervisor B, HR of
    /// the other organisation, HR, admin.
    static let staffRows: [Row] = {
        /// HR and administrators of Järvelä only; everyone else is refused by the route's requirement,
        /// except Koskenkylä's HR, whom the record check answers with 404.
        let hrOnly: [Outcome] = [S, F, F, F, H, A, A]
        @Sendable func userID(_ login: String, _ test: TestApp) throws -> Int64 {
            try UserStore(test.database).user(loginOrEmail: login)?.id ?? 0
        }
        return [
            Row(route: "GET /organisations", path: { _, _ in "/organisations" }, expected: [S, F, F, F, A, A, A]),
            Row(route: "GET /organisations/:slug", path: { _, _ in "/organisations/jarvela" },
                expected: [S, H, H, H, H, A, A]),
            Row(route: "GET /organisations/:slug/sectors", path: { _, _ in "/organisations/jarvela/sectors" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/sectors", path: { _, _ in "/organisations/jarvela/sectors" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/sectors/:sectorID", path: { world, test in
                let sector = try SectorStore(test.database).sectors(organisationID: world.jarvela.id).first
                return "/organisations/jarvela/sectors/\(sector?.id ?? 0)"
            }, expected: hrOnly),
            Row(route: "GET /organisations/:slug/units", path: { _, _ in "/organisations/jarvela/units" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/units", path: { _, _ in "/organisations/jarvela/units" },
                expected: hrOnly),
            Row(route: "GET /units", path: { _, _ in "/units" }, expected: [S, F, A, A, A, A, A]),
            Row(route: "GET /units/:unitID", path: { world, _ in "/units/\(world.unitA.id)" },
                expected: [S, F, A, H, H, A, A]),
            Row(route: "GET /units/:unitID/edit", path: { world, _ in "/units/\(world.unitA.id)/edit" },
                expected: hrOnly),
            Row(route: "POST /units/:unitID/edit", path: { world, _ in "/units/\(world.unitA.id)/edit" },
                expected: hrOnly),
            Row(route: "POST /units/:unitID/deactivate", path: { world, _ in "/units/\(world.unitA.id)/deactivate" },
                expected: hrOnly),
            Row(route: "POST /units/:unitID/reactivate", path: { world, _ in "/units/\(world.unitA.id)/reactivate" },
                expected: hrOnly),
            Row(route: "GET /organisations/:slug/employees", path: { _, _ in "/organisations/jarvela/employees" },
                expected: hrOnly),
            Row(route: "GET /me", path: { _, _ in "/me" }, expected: [S, A, H, H, H, H, H]),
            Row(route: "GET /employees/:employeeID", path: { world, _ in "/employees/\(world.employeeA.id)" },
                expected: [S, A, A, H, H, A, A]),
            Row(route: "GET /employees/:employeeID/edit", path: { world, _ in "/employees/\(world.employeeA.id)/edit" },
                expected: hrOnly),
            // Personal data (GDPR): one's own for everyone signed in; an employee's, and erasing them
            // (refused while employed), for their organisation's HR; the retention settings likewise.
            Row(route: "GET /me/data", path: { _, _ in "/me/data" }, expected: [S, A, A, A, A, A, A]),
            Row(route: "GET /me/data.json", path: { _, _ in "/me/data.json" }, expected: [S, A, A, A, A, A, A]),
            Row(route: "GET /employees/:employeeID/data", path: { world, _ in "/employees/\(world.employeeA.id)/data" },
                expected: hrOnly),
            Row(route: "GET /employees/:employeeID/data.json", path: { world, _ in "/employees/\(world.employeeA.id)/data.json" },
                expected: hrOnly),
            Row(route: "GET /employees/:employeeID/erase", path: { world, _ in "/employees/\(world.employeeA.id)/erase" },
                expected: hrOnly),
            Row(route: "POST /employees/:employeeID/erase", path: { world, _ in "/employees/\(world.employeeA.id)/erase" },
                expected: hrOnly),
            Row(route: "GET /organisations/:slug/data-protection", path: { _, _ in "/organisations/jarvela/data-protection" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/data-protection", path: { _, _ in "/organisations/jarvela/data-protection" },
                expected: hrOnly),
            Row(route: "POST /employees/:employeeID/edit", path: { world, _ in "/employees/\(world.employeeA.id)/edit" },
                expected: hrOnly),
            Row(route: "POST /employees/:employeeID/deactivate",
                path: { world, _ in "/employees/\(world.employeeA.id)/deactivate" }, expected: hrOnly),
            Row(route: "POST /employees/:employeeID/reactivate",
                path: { world, _ in "/employees/\(world.employeeA.id)/reactivate" }, expected: hrOnly),
            Row(route: "POST /employees/:employeeID/user", path: { world, _ in "/employees/\(world.employeeB.id)/user" },
                expected: hrOnly),
            Row(route: "GET /organisations/:slug/users", path: { _, _ in "/organisations/jarvela/users" },
                expected: hrOnly),
            Row(route: "GET /users", path: { _, _ in "/users" }, expected: [S, F, F, F, F, F, A]),
            // The audit log: the organisation's for its HR, everything (and its retention) for administrators.
            Row(route: "GET /organisations/:slug/audit", path: { _, _ in "/organisations/jarvela/audit" },
                expected: [S, F, F, F, H, A, A]),
            Row(route: "GET /organisations/:slug/audit.csv", path: { _, _ in "/organisations/jarvela/audit.csv" },
                expected: [S, F, F, F, H, A, A]),
            Row(route: "GET /audit", path: { _, _ in "/audit" }, expected: [S, F, F, F, F, F, A]),
            Row(route: "GET /audit.csv", path: { _, _ in "/audit.csv" }, expected: [S, F, F, F, F, F, A]),
            Row(route: "POST /audit/retention", path: { _, _ in "/audit/retention" }, expected: [S, F, F, F, F, F, A]),
            Row(route: "GET /users/:userID", path: { _, test in "/users/\(try userID("esihenkilo.a", test))" },
                expected: hrOnly),
            Row(route: "POST /users/:userID/roles", path: { _, test in "/users/\(try userID("esihenkilo.a", test))/roles" },
                expected: hrOnly),
            Row(route: "POST /users/:userID/roles/:assignmentID/delete", path: { _, test in
                let user = try userID("esihenkilo.a", test)
                let assignment = try UserStore(test.database).roles(userID: user).first?.id ?? 0
                return "/users/\(user)/roles/\(assignment)/delete"
            }, expected: hrOnly),
            Row(route: "POST /users/:userID/disable", path: { _, test in "/users/\(try userID("esihenkilo.b", test))/disable" },
                expected: hrOnly),
            Row(route: "POST /users/:userID/sessions/end", path: { _, test in "/users/\(try userID("esihenkilo.b", test))/sessions/end" },
                expected: hrOnly),
            Row(route: "POST /users/:userID/second-factor/reset", path: { _, test in
                "/users/\(try userID("esihenkilo.b", test))/second-factor/reset"
            }, expected: hrOnly),
            Row(route: "POST /users/:userID/enable", path: { _, test in "/users/\(try userID("esihenkilo.b", test))/enable" },
                expected: hrOnly),
            Row(route: "POST /users/:userID/password-link", path: { _, test in
                "/users/\(try userID("esihenkilo.b", test))/password-link"
            }, expected: hrOnly),
            Row(route: "GET /organisations/:slug/sign-in-slips", path: { _, _ in "/organisations/jarvela/sign-in-slips" },
                expected: hrOnly),
            Row(route: "POST /organisations/:slug/sign-in-slips", path: { _, _ in "/organisations/jarvela/sign-in-slips" },
                expected: hrOnly),
        ]
    }()
}
