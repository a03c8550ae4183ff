import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// Answering surveys. Only the invited employee (tyontekija, in unit A) may open a round's pages;
    /// everyone else gets 404, as for a round that does not exist. The code pages are open to all:
    /// without a code cookie they lead back to the code form.
    static let surveyRows: [Row] = {
        @Sendable func roundPath(_ suffix: String) -> @Sendable (World, TestApp) throws -> String {
            { world, test in "/surveys/\(try test.openRound(world.jarvela).id)\(suffix)" }
        }
        let invitedOnly: [Outcome] = [S, A, H, H, H, H, H]
        let everyone: [Outcome] = [A, A, A, A, A, A, A]
        var rows: [Row] = [
            Row(route: "GET /surveys", path: { _, _ in "/surveys" }, expected: [S, A, A, A, A, A, A]),
            Row(route: "GET /k", path: { _, _ in "/k" }, expected: everyone),
            Row(route: "POST /k", path: { _, _ in "/k" }, expected: everyone),
        ]
        let pages: [(String, String, String)] = [
            ("GET", "", ""), ("GET", "/areas/:step", "/areas/1"), ("POST", "/areas/:step", "/areas/1"),
            ("GET", "/questions", "/questions"), ("POST", "/questions", "/questions"), ("GET", "/review", "/review"),
            ("POST", "/submit", "/submit"), ("GET", "/thanks", "/thanks"), ("POST", "/thanks", "/thanks"),
        ]
        for (method, pattern, suffix) in pages {
            rows.append(Row(route: "\(method) /surveys/:roundID\(pattern)", path: roundPath(suffix),
                            expected: invitedOnly))
            rows.append(Row(route: "\(method) /k/survey\(pattern)", path: { _, _ in "/k/survey\(suffix)" },
                            expected: everyone))
        }
        return rows
    }()
}

extension AccessMatrixTests {
    /// Results: HR of the round's organisation for the organisation dashboard; supervisors for their
    /// own units' dashboards; everyone else 404 for a round or unit that is not theirs.
    static let resultsRows: [Row] = {
        @Sendable func round(_ world: World, _ test: TestApp) throws -> Int64 {
            let round = try test.openRound(world.jarvela)
            return round.id
        }
        return [
            Row(route: "GET /results", path: { _, _ in "/results" }, expected: [S, F, A, A, A, A, A]),
            Row(route: "GET /rounds/:roundID/results",
                path: { world, test in "/rounds/\(try round(world, test))/results" }, expected: [S, F, F, F, H, A, A]),
            Row(route: "GET /rounds/:roundID/results/export.csv",
                path: { world, test in "/rounds/\(try round(world, test))/results/export.csv" },
                expected: [S, F, F, F, H, A, A]),
            Row(route: "GET /rounds/:roundID/results/units/:unitID",
                path: { world, test in "/rounds/\(try round(world, test))/results/units/\(world.unitA.id)" },
                expected: [S, F, A, H, H, A, A]),
            Row(route: "GET /rounds/:roundID/results/units/:unitID/export.csv",
                path: { world, test in
                    "/rounds/\(try round(world, test))/results/units/\(world.unitA.id)/export.csv"
                }, expected: [S, F, A, H, H, A, A]),
        ]
    }()
}
