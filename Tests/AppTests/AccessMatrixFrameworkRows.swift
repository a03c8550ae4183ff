import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// The competence framework pages' rows: anonymous, employee, supervisor A, supervisor B, HR of
    /// the other organisation, HR, admin. Paths name a draft of Järvelä copied from the shipped
    /// framework, with its first area and statement.
    static let frameworkRows: [Row] = {
        /// HR and administrators of Järvelä only; Koskenkylä's HR gets the 404 of an unknown record.
        let hrOnly: [Outcome] = [S, F, F, F, H, A, A]
        @Sendable func draft(_ world: World, _ test: TestApp) throws -> FrameworkContent {
            let store = FrameworkStore(test.database)
            guard let shipped = try store.frameworks(organisationID: world.jarvela.id)
                .first(where: { $0.organisationID == nil && $0.status == .published }),
                let draft = try store.content(frameworkID: try store.createDraft(
                    copying: shipped.id, organisationID: world.jarvela.id).id)
            else { throw TestFailure("no shipped framework to copy") }
            return draft
        }
        @Sendable func draftPath(_ world: World, _ test: TestApp) throws -> String {
            "/organisations/jarvela/frameworks/\(try draft(world, test).framework.id)"
        }
        @Sendable func areaPath(_ world: World, _ test: TestApp) throws -> String {
            let content = try draft(world, test)
            return "/organisations/jarvela/frameworks/\(content.framework.id)/areas/\(content.areas.first?.area.id ?? 0)"
        }
        @Sendable func statementPath(_ world: World, _ test: TestApp) throws -> String {
            let content = try draft(world, test)
            let area = content.areas.first
            return "/organisations/jarvela/frameworks/\(content.framework.id)/areas/\(area?.area.id ?? 0)"
                + "/statements/\(area?.statements.first?.id ?? 0)"
        }
        let base = "/organisations/:slug/frameworks"
        return [
            Row(route: "GET " + base, path: { _, _ in "/organisations/jarvela/frameworks" }, expected: hrOnly),
            Row(route: "POST " + base, path: { _, _ in "/organisations/jarvela/frameworks" }, expected: hrOnly),
            Row(route: "GET \(base)/:frameworkID", path: draftPath, expected: hrOnly),
            Row(route: "GET \(base)/:frameworkID/edit", path: { try draftPath($0, $1) + "/edit" }, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/edit", path: { try draftPath($0, $1) + "/edit" }, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/publish", path: { try draftPath($0, $1) + "/publish" }, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/delete", path: { try draftPath($0, $1) + "/delete" }, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas", path: { try draftPath($0, $1) + "/areas" }, expected: hrOnly),
            Row(route: "GET \(base)/:frameworkID/areas/:areaID", path: areaPath, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID", path: areaPath, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/delete", path: { try areaPath($0, $1) + "/delete" },
                expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/move", path: { try areaPath($0, $1) + "/move" },
                expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/targets", path: { try areaPath($0, $1) + "/targets" },
                expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/targets/delete",
                path: { try areaPath($0, $1) + "/targets/delete" }, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/statements", path: { try areaPath($0, $1) + "/statements" },
                expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/statements/:statementID", path: statementPath,
                expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/statements/:statementID/delete",
                path: { try statementPath($0, $1) + "/delete" }, expected: hrOnly),
            Row(route: "POST \(base)/:frameworkID/areas/:areaID/statements/:statementID/move",
                path: { try statementPath($0, $1) + "/move" }, expected: hrOnly),
        ]
    }()
}
